import { parseArgs } from 'node:util';
import { UsageError } from './failure';
import { parseScriptId } from './script-id';

export interface SetupOptions {
  /** An existing project (from --script-id or a lone argument: an id or an editor URL). */
  readonly scriptId?: string;
  readonly create: boolean;
  readonly title: string;
  /** Use this deployment (must exist in the project) instead of the remembered one. */
  readonly deploymentId?: string;
  /** Create a new deployment even when one is remembered (its links then stop serving this code). */
  readonly newDeployment: boolean;
  /** Accept the defaults without asking (create a project when none is remembered). */
  readonly yes: boolean;
  /** Push dist/ as it is (built and tested already, as in CI). */
  readonly skipBuild: boolean;
  readonly description?: string;
  readonly help: boolean;
}

export const DEFAULT_TITLE = 'Jobber connector';

export const USAGE = `Usage: npm run setup [-- options]

Deploys the connector to your own Apps Script project and prints what to do next. In a terminal it
asks what it needs; in scripts and CI pass flags (it never asks without a terminal).

Options:
  --script-id <id or URL>  use this existing Apps Script project (its Script ID or editor URL)
  --create                 create a new standalone Apps Script project
  --title <title>          the new project's title (default "${DEFAULT_TITLE}")
  -y, --yes                accept the defaults: create a project when none is remembered
  --deployment-id <id>     deploy to this existing deployment instead of the remembered one
  --new-deployment         create a new deployment (links to the old one keep the old code)
  --skip-build             push dist/ as it is, without building it again
  --description <text>     the version's and deployment's description
  -h, --help               this text

Progress is remembered in .clasp.local.json (git-ignored): a rerun continues, and later runs
update the same deployment, so the Looker Studio link and reports keep working.`;

export function parseSetupArgs(argv: readonly string[]): SetupOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'script-id': { type: 'string' },
        create: { type: 'boolean', default: false },
        title: { type: 'string' },
        'deployment-id': { type: 'string' },
        'new-deployment': { type: 'boolean', default: false },
        yes: { type: 'boolean', short: 'y', default: false },
        'skip-build': { type: 'boolean', default: false },
        description: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1)
    throw new UsageError(`Expected at most one script id or URL, got: ${positionals.join(' ')}`);
  const given = values['script-id'] ?? positionals[0];
  if (given !== undefined && values['script-id'] !== undefined && positionals[0] !== undefined)
    throw new UsageError('Give the project once: --script-id <id> or a lone id, not both.');
  if (given !== undefined && values.create) throw new UsageError('Choose one: --create or --script-id.');
  if (values['deployment-id'] !== undefined && values['new-deployment'])
    throw new UsageError('Choose one: --deployment-id or --new-deployment.');
  let scriptId: string | undefined;
  if (given !== undefined) {
    const result = parseScriptId(given);
    if ('problem' in result) throw new UsageError(result.problem);
    scriptId = result.scriptId;
  }
  return {
    ...(scriptId === undefined ? {} : { scriptId }),
    create: values.create,
    title: values.title?.trim() || DEFAULT_TITLE,
    ...(values['deployment-id'] === undefined ? {} : { deploymentId: values['deployment-id'].trim() }),
    newDeployment: values['new-deployment'],
    yes: values.yes,
    skipBuild: values['skip-build'],
    ...(values.description === undefined ? {} : { description: values.description }),
    help: values.help,
  };
}
