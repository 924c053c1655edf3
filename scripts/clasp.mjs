#!/usr/bin/env node
// npm run setup -- <scriptId> | npm run push | npm run deploy
//
// The user's Apps Script id lives in .clasp.local.json (git-ignored), never in the repository;
// every clasp call here passes it with --project. Failures print clasp's own message and exit 1.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const projectFile = process.env.CLASP_LOCAL_PROJECT ?? join(root, '.clasp.local.json');
const claspBin = join(root, 'node_modules', '@google', 'clasp', 'build', 'src', 'index.js');
const LOOKER_LINK = 'https://lookerstudio.google.com/datasources/create?connectorId=';

class StopError extends Error {}

function readProject() {
  if (!existsSync(projectFile)) {
    throw new StopError(
      `No Apps Script project is set up. Create one at https://script.google.com (New project), copy its Script ID ` +
        `(Project Settings), then run: npm run setup -- <scriptId>`,
    );
  }
  return JSON.parse(readFileSync(projectFile, 'utf8'));
}

function writeProject(project) {
  writeFileSync(projectFile, JSON.stringify(project, null, 2) + '\n');
}

function clasp(args, { json = false } = {}) {
  const fullArgs = [claspBin, '--project', projectFile, ...(json ? ['--json'] : []), ...args];
  const result = spawnSync(process.execPath, fullArgs, { cwd: root, encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.status !== 0)
    throw new StopError(`clasp ${args[0]} failed: ${firstLines(output) || 'no output'}`);
  return output;
}

function firstLines(text) {
  return text
    .split('\n')
    .filter((line) => !/^\s+at\s/.test(line))
    .slice(0, 6)
    .join('\n');
}

function setup(scriptId) {
  if (!scriptId || !/^[A-Za-z0-9_-]{20,}$/.test(scriptId)) {
    throw new StopError(
      'Usage: npm run setup -- <scriptId>  (the Script ID from the Apps Script project settings)',
    );
  }
  const existing = existsSync(projectFile) ? JSON.parse(readFileSync(projectFile, 'utf8')) : {};
  writeProject({ ...existing, scriptId, rootDir: 'dist' });
  console.log(
    `Saved the script id in ${projectFile} (git-ignored). Next: npx clasp login, then npm run deploy.`,
  );
}

function push() {
  readProject();
  clasp(['push', '--force']);
  console.log('Pushed dist/Code.js and dist/appsscript.json.');
}

function deploy(description) {
  push();
  const project = readProject();
  const versionOutput = clasp(['create-version', description], { json: true });
  const version = parseVersion(versionOutput);
  const args = project.deploymentId
    ? [
        'update-deployment',
        project.deploymentId,
        '--versionNumber',
        String(version),
        '--description',
        description,
      ]
    : ['create-deployment', '--versionNumber', String(version), '--description', description];
  const deployOutput = clasp(args, { json: true });
  const deploymentId = project.deploymentId ?? parseDeploymentId(deployOutput);
  writeProject({ ...project, deploymentId });
  console.log(`Deployed version ${version}. Open this link to add the data source in Looker Studio:`);
  console.log(`${LOOKER_LINK}${deploymentId}`);
}

function parseVersion(output) {
  const match = output.match(/"versionNumber"\s*:\s*(\d+)/) ?? output.match(/version\s+(\d+)/i);
  if (!match) throw new StopError(`Could not read the new version number from clasp: ${firstLines(output)}`);
  return Number(match[1]);
}

function parseDeploymentId(output) {
  const match = output.match(/"deploymentId"\s*:\s*"([^"]+)"/) ?? output.match(/\b(AKfy[\w-]+)/);
  if (!match) throw new StopError(`Could not read the deployment id from clasp: ${firstLines(output)}`);
  return match[1];
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'setup') setup(rest[0]);
  else if (command === 'push') push();
  else if (command === 'deploy') deploy(rest.join(' ') || `Deployed ${new Date().toISOString()}`);
  else throw new StopError('Usage: node scripts/clasp.mjs setup <scriptId> | push | deploy [description]');
} catch (error) {
  if (!(error instanceof StopError)) throw error;
  console.error(error.message);
  process.exit(1);
}
