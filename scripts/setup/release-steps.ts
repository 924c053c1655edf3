/** Steps 3 to 6: build dist/, push it, freeze it as a version, and point the one deployment at it. */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { emailOf, type Account } from './account-steps';
import { claspFailure, jsonOf, outputOf } from './clasp';
import type { SetupContext } from './context';
import { SetupFailure, stepLabel } from './failure';
import { buildHash, contentDir } from './state';

/** Every deployment setup makes is described so; a rerun recognises one it made but did not record. */
export const DESCRIPTION_PREFIX = 'Jobber connector';

interface Deployment {
  readonly deploymentId: string;
  readonly versionNumber?: number;
  readonly description?: string;
}

export function build(ctx: SetupContext): string {
  const dir = contentDir(ctx.state.path);
  const fromRoot = relative(ctx.root, dir);
  const shown = fromRoot === '' || fromRoot.startsWith('..') ? dir : fromRoot;
  if (ctx.options.skipBuild)
    ctx.print(`${stepLabel('Build')}: skipped (--skip-build), pushing ${shown} as it is`);
  else {
    ctx.print(`${stepLabel('Build')}: building ${shown}/Code.js …`);
    const result = ctx.build();
    if (!result.ok)
      throw new SetupFailure(
        'Build',
        'the build failed with TypeScript or rollup errors (below).',
        'Fix the errors (npm run build shows them again), then run npm run setup again.',
        result.output.split('\n').slice(-15).join('\n'),
      );
    ctx.print(`${stepLabel('Build')}: ${shown}/Code.js built`);
  }
  for (const file of ['Code.js', 'appsscript.json'])
    if (!existsSync(join(dir, file)))
      throw new SetupFailure(
        'Build',
        `${join(shown, file)} is missing, so there is nothing to push.`,
        ctx.options.skipBuild
          ? 'Run npm run build first, or run npm run setup without --skip-build.'
          : 'Check the build settings (rollup config); npm run build must write it.',
      );
  return buildHash(ctx.state.path);
}

function projectArgs(ctx: SetupContext): string[] {
  return ['--project', ctx.state.path, '--json'];
}

export function push(ctx: SetupContext, account: Account): void {
  const scriptId = ctx.state.state.scriptId;
  const result = ctx.clasp.run([...projectArgs(ctx), 'push', '--force']);
  if (!result.ok)
    throw claspFailure(
      { step: 'Push', command: 'push', ...(scriptId ? { scriptId } : {}), ...emailOf(account) },
      result,
    );
  const files = jsonOf<unknown>('Push', 'push', result);
  const names = Array.isArray(files) ? files.map(String) : [];
  ctx.print(
    `${stepLabel('Push')}: ${names.length > 0 ? `pushed ${names.join(', ')}` : 'the project already holds this build'}`,
  );
}

export function createVersion(ctx: SetupContext, account: Account, build: string): number {
  const { version, versionBuild } = ctx.state.state;
  if (version !== undefined && versionBuild === build) {
    ctx.print(`${stepLabel('Version')}: version ${version} already holds this build`);
    return version;
  }
  const result = ctx.clasp.run([...projectArgs(ctx), 'create-version', description(ctx)]);
  if (!result.ok)
    throw claspFailure({ step: 'Version', command: 'create-version', ...emailOf(account) }, result);
  const { versionNumber } = jsonOf<{ versionNumber?: unknown }>('Version', 'create-version', result);
  if (typeof versionNumber !== 'number' || !Number.isInteger(versionNumber) || versionNumber < 1)
    throw new SetupFailure(
      'Version',
      'clasp did not say which version it created.',
      'Run npm run setup again (an extra version does no harm).',
      outputOf(result),
    );
  ctx.state.update({ version: versionNumber, versionBuild: build });
  ctx.print(`${stepLabel('Version')}: created version ${versionNumber}`);
  return versionNumber;
}

export async function deploy(ctx: SetupContext, account: Account, version: number): Promise<string> {
  const context = { step: 'Deployment' as const, ...emailOf(account) };
  const listed = ctx.clasp.run([...projectArgs(ctx), 'list-deployments']);
  if (!listed.ok) throw claspFailure({ ...context, command: 'list-deployments' }, listed);
  const deployments = jsonOf<Deployment[]>('Deployment', 'list-deployments', listed);
  const target = await targetDeployment(ctx, Array.isArray(deployments) ? deployments : []);
  if (target && target.versionNumber === version && ctx.state.state.deployedVersion === version) {
    ctx.print(`${stepLabel('Deployment')}: ${target.deploymentId} already serves version ${version}`);
    return target.deploymentId;
  }
  const flags = ['--versionNumber', String(version), '--description', description(ctx)];
  const args = target
    ? [...projectArgs(ctx), 'update-deployment', target.deploymentId, ...flags]
    : [...projectArgs(ctx), 'create-deployment', ...flags];
  const command = target ? 'update-deployment' : 'create-deployment';
  const result = ctx.clasp.run(args);
  if (!result.ok) throw claspFailure({ ...context, command }, result);
  const { deploymentId } = jsonOf<{ deploymentId?: unknown }>('Deployment', command, result);
  if (typeof deploymentId !== 'string' || deploymentId === '')
    throw new SetupFailure(
      'Deployment',
      `the clasp command "${command}" did not name the deployment.`,
      'Run npm run setup again.',
      outputOf(result),
    );
  ctx.state.update({ deploymentId, deployedVersion: version });
  ctx.print(
    `${stepLabel('Deployment')}: ${target ? 'updated' : 'created'} ${deploymentId}, serving version ${version}`,
  );
  return deploymentId;
}

/** The remembered deployment, the one asked for, one an unrecorded run made, or none (create one). */
async function targetDeployment(
  ctx: SetupContext,
  deployments: readonly Deployment[],
): Promise<Deployment | undefined> {
  const { options } = ctx;
  if (options.newDeployment) return undefined;
  const wanted = options.deploymentId ?? ctx.state.state.deploymentId;
  if (wanted !== undefined) return existing(ctx, deployments, wanted);
  const ours = deployments.filter(
    (deployment) => deployment.versionNumber && (deployment.description ?? '').startsWith(DESCRIPTION_PREFIX),
  );
  if (ours.length <= 1) {
    if (ours[0])
      ctx.print(`${stepLabel('Deployment')}: found ${ours[0].deploymentId}, made by an earlier run`);
    return ours[0];
  }
  if (ctx.interactive) {
    const id = await ctx.prompter.select(
      'Several deployments were made by earlier runs. Which one do your Looker Studio data sources use?',
      ours.map((deployment) => ({
        value: deployment.deploymentId,
        name: `${deployment.deploymentId} (version ${deployment.versionNumber ?? '?'})`,
      })),
    );
    return existing(ctx, deployments, id);
  }
  throw new SetupFailure(
    'Deployment',
    `the project has ${ours.length} deployments made by setup and none is remembered here.`,
    'Run npm run setup -- --deployment-id <id> with the one your data sources use (listed below), or --new-deployment.',
    ours
      .map(
        (deployment) =>
          `${deployment.deploymentId} @${deployment.versionNumber ?? '?'} ${deployment.description ?? ''}`,
      )
      .join('\n'),
  );
}

function existing(ctx: SetupContext, deployments: readonly Deployment[], id: string): Deployment {
  const found = deployments.find((deployment) => deployment.deploymentId === id);
  const source =
    ctx.options.deploymentId === id ? 'given with --deployment-id' : `remembered in ${ctx.state.path}`;
  if (!found)
    throw new SetupFailure(
      'Deployment',
      `the deployment ${id} (${source}) does not exist in the project (archived or deleted in the editor?).`,
      'Run npm run setup -- --new-deployment to create a new one (data sources made from the old link must then be ' +
        'made again from the new link), or --deployment-id <id> to use another.',
    );
  if (!found.versionNumber)
    throw new SetupFailure(
      'Deployment',
      `${id} is the project's HEAD deployment (always the latest push, for testing); Looker Studio needs a versioned one.`,
      'Run npm run setup -- --new-deployment, or --deployment-id with a versioned deployment.',
    );
  return found;
}

function description(ctx: SetupContext): string {
  return `${DESCRIPTION_PREFIX}: ${ctx.options.description ?? `npm run setup, ${new Date().toISOString().slice(0, 16)}Z`}`;
}
