/**
 * The clasp 3.4.1 commands `npm run setup` uses, answered as clasp answers them (output formats
 * from its source in node_modules/@google/clasp/build/src/commands): `--json` prints the same
 * JSON, plain mode the same sentences, failures the same messages on stderr with exit code 1.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import {
  API_DISABLED_TEXT,
  NO_MANIFEST_TEXT,
  NO_PERMISSION_TEXT,
  NOT_FOUND_TEXT,
  newDeploymentId,
  newScriptId,
  type GoogleSide,
  type StandInProject,
} from './google-side';

export interface Invocation {
  readonly command: string;
  readonly positional: readonly string[];
  readonly options: Readonly<Record<string, string | boolean>>;
  readonly json: boolean;
  /** The --project file, or .clasp.json in the working directory. */
  readonly projectFile: string;
  /** Whether clasp's credential file holds a token for the user. */
  readonly loggedIn: boolean;
  /** Writes a (dummy) token for the user into clasp's credential file. */
  readonly saveCredentials: () => void;
  readonly cwd: string;
}

/** A clasp failure: the message goes to stderr, the exit code is 1. */
export class ClaspError extends Error {}

type Print = (line: string) => void;

export function runCommand(side: GoogleSide, call: Invocation, print: Print): void {
  if (call.command === 'show-authorized-user') return showAuthorizedUser(side, call, print);
  if (call.command === 'login') return login(side, call, print);
  const failure = side.failures.find((candidate) => candidate.command === call.command);
  if (failure) {
    failure.times = (failure.times ?? 1) - 1;
    if (failure.times <= 0) side.failures.splice(side.failures.indexOf(failure), 1);
    throw new ClaspError(failure.message);
  }
  switch (call.command) {
    case 'create-script':
      return createScript(side, call, print);
    case 'push':
      return push(side, call, print);
    case 'create-version':
      return createVersion(side, call, print);
    case 'list-deployments':
      return listDeployments(side, call, print);
    case 'create-deployment':
    case 'update-deployment':
      return deploy(side, call, print);
    default:
      throw new ClaspError(`Unknown command "clasp ${call.command}"`);
  }
}

function showAuthorizedUser(side: GoogleSide, call: Invocation, print: Print): void {
  const email = call.loggedIn && side.account.credentialsValid ? side.account.email : undefined;
  if (call.json) {
    print(
      JSON.stringify({ loggedIn: call.loggedIn, email, clientId: undefined, clientType: undefined }, null, 2),
    );
    return;
  }
  if (!call.loggedIn) return print('Not logged in.');
  print(email ? `You are logged in as ${email}.` : 'You are logged in as an unknown user.');
}

/** Stores a token as `clasp login` does once the browser (or the pasted code) completed. */
function login(side: GoogleSide, call: Invocation, print: Print): void {
  if (call.loggedIn && !call.json) print('Warning: You seem to already be logged in.');
  call.saveCredentials();
  side.account.credentialsValid = true;
  print(
    call.json
      ? JSON.stringify({ email: side.account.email }, null, 2)
      : `You are logged in as ${side.account.email}.`,
  );
}

/** What every API call checks first, in clasp's order. */
function requireApi(side: GoogleSide, call: Invocation): void {
  if (!call.loggedIn) throw new ClaspError('No credentials found.');
  if (!side.account.credentialsValid) throw new ClaspError('invalid_grant');
  if (!side.account.appsScriptApi) throw new ClaspError(API_DISABLED_TEXT);
}

interface ProjectSettings {
  readonly scriptId: string;
  readonly contentDir: string;
}

function projectSettings(call: Invocation): ProjectSettings | undefined {
  if (!existsSync(call.projectFile)) return undefined;
  const config = JSON.parse(readFileSync(call.projectFile, 'utf8')) as {
    scriptId?: string;
    rootDir?: string;
  };
  if (!config.scriptId) return undefined;
  return { scriptId: config.scriptId, contentDir: resolve(dirname(call.projectFile), config.rootDir ?? '.') };
}

function requireProject(
  side: GoogleSide,
  call: Invocation,
): { settings: ProjectSettings; project: StandInProject } {
  requireApi(side, call);
  const settings = projectSettings(call);
  if (!settings) throw new ClaspError('Project settings not found.');
  const project = side.projects[settings.scriptId];
  if (!project) throw new ClaspError(NOT_FOUND_TEXT);
  if (project.owner !== side.account.email) throw new ClaspError(NO_PERMISSION_TEXT);
  return { settings, project };
}

function createScript(side: GoogleSide, call: Invocation, print: Print): void {
  if (projectSettings(call)) throw new ClaspError('Project file already exists.');
  requireApi(side, call);
  const type = String(call.options.type ?? 'standalone');
  if (!['standalone', 'webapp', 'api'].includes(type)) throw new ClaspError(`Invalid script type "${type}".`);
  const scriptId = newScriptId();
  const title = String(call.options.title ?? basename(call.cwd));
  side.projects[scriptId] = {
    title,
    owner: side.account.email,
    files: {
      appsscript: '{"timeZone":"America/New_York","runtimeVersion":"V8"}',
      Code: 'function myFunction() {}',
    },
    versions: [],
    deployments: [{ deploymentId: newDeploymentId(), description: '' }],
  };
  const contentDir = resolve(call.cwd, String(call.options.rootDir ?? '.'));
  writeFileSync(
    call.projectFile,
    JSON.stringify({ scriptId, rootDir: relative(call.cwd, contentDir) }, null, 2),
  );
  const files = ['appsscript.json', 'Code.js'].map((name) => relative(call.cwd, join(contentDir, name)));
  if (call.json) return print(JSON.stringify({ scriptId, parentId: undefined, files }, null, 2));
  print(`Created new script: https://script.google.com/d/${scriptId}/edit`);
  files.forEach((file) => print(`└─ ${file}`));
  print(`Cloned ${files.length} files.`);
}

function push(side: GoogleSide, call: Invocation, print: Print): void {
  const { settings, project } = requireProject(side, call);
  const local = localFiles(settings.contentDir);
  const changed = Object.entries(local).some(([name, file]) => project.files[name] !== file.source);
  if (!changed && Object.keys(local).length === Object.keys(project.files).length) {
    return print(call.json ? JSON.stringify([], null, 2) : 'Script is already up to date.');
  }
  if (!call.options.force && 'appsscript' in local && local.appsscript?.source !== project.files.appsscript)
    return print('Skipping push.'); // clasp asks before overwriting the manifest, and never without a terminal
  if (!('appsscript' in local)) throw new ClaspError(NO_MANIFEST_TEXT);
  project.files = Object.fromEntries(Object.entries(local).map(([name, file]) => [name, file.source]));
  const paths = Object.values(local).map((file) => relative(call.cwd, file.path));
  if (call.json) return print(JSON.stringify(paths, null, 2));
  print(`Pushed ${paths.length} files at ${new Date().toLocaleTimeString()}.`);
  paths.forEach((path) => print(`└─ ${path}`));
}

function localFiles(contentDir: string): Record<string, { path: string; source: string }> {
  if (!existsSync(contentDir)) return {};
  const entries = readdirSync(contentDir).filter((name) =>
    ['.js', '.gs', '.html', '.json'].includes(extname(name)),
  );
  return Object.fromEntries(
    entries.sort().map((name) => {
      const path = join(contentDir, name);
      return [basename(name, extname(name)), { path, source: readFileSync(path, 'utf8') }];
    }),
  );
}

function createVersion(side: GoogleSide, call: Invocation, print: Print): void {
  const { project } = requireProject(side, call);
  const versionNumber = project.versions.length + 1;
  project.versions.push({ versionNumber, description: call.positional[0] ?? '' });
  print(call.json ? JSON.stringify({ versionNumber }, null, 2) : `Created version ${versionNumber}`);
}

function listDeployments(side: GoogleSide, call: Invocation, print: Print): void {
  const { project } = requireProject(side, call);
  const deployments = project.deployments.map((deployment) => ({
    deploymentId: deployment.deploymentId,
    versionNumber: deployment.versionNumber,
    description: deployment.description,
  }));
  if (call.json) return print(JSON.stringify(deployments, null, 2));
  if (deployments.length === 0) return print('No deployments.');
  print(`Found ${deployments.length} deployment${deployments.length === 1 ? '' : 's'}.`);
  for (const d of deployments)
    print(
      `- ${d.deploymentId} ${d.versionNumber ? `@${d.versionNumber}` : '@HEAD'} ${d.description ? `- ${d.description}` : ''}`,
    );
}

function deploy(side: GoogleSide, call: Invocation, print: Print): void {
  const { project } = requireProject(side, call);
  const requested: unknown =
    call.command === 'update-deployment' ? call.positional[0] : call.options.deploymentId;
  const description = String(call.options.description ?? '');
  let versionNumber =
    call.options.versionNumber === undefined ? undefined : Number(call.options.versionNumber);
  if (versionNumber === undefined) {
    versionNumber = project.versions.length + 1;
    project.versions.push({ versionNumber, description });
  }
  if (!project.versions.some((version) => version.versionNumber === versionNumber))
    throw new ClaspError(`Invalid version number ${String(versionNumber)}.`);
  let deployment = project.deployments.find((candidate) => candidate.deploymentId === requested);
  if (typeof requested === 'string' && !deployment) throw new ClaspError(NOT_FOUND_TEXT);
  if (deployment && deployment.versionNumber === undefined)
    throw new ClaspError('Read-only deployments may not be modified.');
  if (!deployment) {
    deployment = { deploymentId: newDeploymentId(), description };
    project.deployments.push(deployment);
  }
  deployment.versionNumber = versionNumber;
  deployment.description = description;
  const { deploymentId } = deployment;
  if (call.json) return print(JSON.stringify({ deploymentId, versionNumber, description }, null, 2));
  print(
    `${call.command === 'update-deployment' ? 'Redeployed' : 'Deployed'} ${deploymentId} @${versionNumber}`,
  );
}
