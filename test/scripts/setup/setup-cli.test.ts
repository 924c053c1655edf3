/**
 * npm run setup without a terminal (scripts, CI), against the clasp stand-in: every step, every
 * failure with its cause and next step, and reruns that continue where the last run stopped.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NOT_FOUND_TEXT } from '../../../sandbox/clasp/google-side';
import { ROOT } from '../../support/paths';
import { expectDocumented } from '../../support/troubleshooting';
import { SetupWorld, type SetupRun } from './support';

/** The Cause line of a failure, checked to be in docs/troubleshooting.md. */
function documentedCause(result: SetupRun): string {
  const cause = /Cause: (.*)/.exec(result.stderr)?.[1] ?? '';
  expectDocumented(cause);
  return cause;
}

let world: SetupWorld;

/** A new, empty world for each test of the describe. */
function freshWorldPerTest(): void {
  beforeEach(() => {
    world = new SetupWorld();
  });
  afterEach(() => world.remove());
}

/** The lines of the final summary that carry a link or the scopes, in order. */
function summaryOf(stdout: string): string[] {
  const after = stdout.slice(stdout.indexOf('Deployed. Next'));
  return after
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^https:\/\//.test(line) || line.startsWith('Clients, '));
}

function scriptIdOf(): string {
  return String(world.remembered().scriptId);
}

describe('npm run setup, first run', () => {
  freshWorldPerTest();
  it('stops at the login with the exact commands to log in, and changes nothing', async () => {
    const result = world.spawn(['--create']); // the compiled program: exit code 1 for a failed step
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Setup stopped at step 1 of 6, Google login.');
    documentedCause(result);
    expect(result.stderr).toContain('Cause: clasp is not logged in to a Google account.');
    expect(result.stderr).toContain(
      'Run npx clasp login (it opens a browser; on a remote machine without one, run npx clasp login --no-localhost',
    );
    expect(result.stderr).toContain('Nothing was changed.');
    expect(world.claspCommands()).toEqual(['--version', 'show-authorized-user']);
  });

  it('without a terminal, never asks which project: it says which flag to pass', async () => {
    const result = await world.logIn().run([]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('step 2 of 6, Apps Script project');
    documentedCause(result);
    expect(result.stderr).toContain('npm run setup -- --create');
    expect(result.stderr).toContain('npm run setup -- --script-id <Script ID or editor URL>');
  });

  it('creates a standalone project, builds, pushes, versions, deploys, then prints the four things in order', async () => {
    const result = await world.logIn().run(['--create']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(world.claspCommands()).toEqual([
      '--version',
      'show-authorized-user',
      'create-script',
      'push',
      'create-version',
      'list-deployments',
      'create-deployment',
    ]);
    const create = world.google().calls[2];
    expect(create?.argv).toEqual(expect.arrayContaining(['--type', 'standalone', '--rootDir', '.']));
    expect(create?.cwd).not.toBe(world.dir); // clasp's own .clasp.json goes to a scratch folder
    expect(readFileSync(world.npmLog, 'utf8').trim()).toBe('run --silent build:connector');

    const scriptId = scriptIdOf();
    const deploymentId = String(world.remembered().deploymentId);
    expect(scriptId).toMatch(/^[\w-]{50,}$/);
    expect(world.remembered()).toMatchObject({ rootDir: 'dist', version: 1, deployedVersion: 1 });
    expect(world.google().projects[scriptId]?.files.Code).toContain('getAuthType');
    expect(summaryOf(result.stdout)).toEqual([
      `https://script.google.com/macros/d/${scriptId}/usercallback`,
      'Clients, Requests, Quotes, Jobs, Scheduled items, Invoices, Payments, Expenses, Timesheets, Products and services, Users',
      `https://script.google.com/macros/s/${deploymentId}/exec`,
      `https://lookerstudio.google.com/datasources/create?connectorId=${deploymentId}`,
    ]);
  });

  it('with --yes, takes the default: a new project', async () => {
    world.logIn().writeDist();
    expect((await world.run(['--yes', '--skip-build'])).status).toBe(0);
    expect(world.claspCommands()).toContain('create-script');
  });

  it('takes an existing project from its pasted editor URL', async () => {
    const scriptId = `1${'e'.repeat(56)}`;
    world.logIn().writeDist();
    world.addProject(scriptId, { title: 'Mine', owner: 'owner@example.com' });
    const result = await world.run([
      `https://script.google.com/u/1/home/projects/${scriptId}/edit`,
      '--skip-build',
    ]);
    expect(result.status).toBe(0);
    expect(world.remembered().scriptId).toBe(scriptId);
    expect(world.claspCommands()).not.toContain('create-script');
  });

  it('refuses a URL that is not the editor, saying why, before doing anything', async () => {
    // The compiled program itself, as npm runs it: exit code 2 for bad flags.
    const result = world
      .logIn()
      .spawn(['--script-id', 'https://script.google.com/macros/s/AKfycbxyz0123456789abcdef/exec']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'That is a deployment URL (the id after /macros/s/ is a deployment id, not the script id).',
    );
    expect(world.claspCommands()).toEqual([]);
  });

  it('keeps the project id out of the repository files', async () => {
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8')).toContain('/.clasp.local.json');
    expect(JSON.parse(readFileSync(join(ROOT, '.clasp.json'), 'utf8'))).toMatchObject({
      scriptId: expect.stringMatching(/^not set/),
    });
  });
});

/** One project through its life: each test continues from the one before. */
describe('npm run setup, later runs', () => {
  beforeAll(async () => {
    world = new SetupWorld();
    world.logIn().writeDist('one');
    expect((await world.run(['--create', '--skip-build'])).status).toBe(0);
  });
  afterAll(() => world.remove());

  it('with nothing changed, creates no version and no deployment, and prints the same links', async () => {
    const first = String(world.remembered().deploymentId);
    const result = await world.run(['--skip-build']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`${first} already serves version 1`);
    expect(world.claspCommands().filter((command) => /^(create|update|list)-/.test(command))).toEqual([
      'create-script',
      'create-version',
      'list-deployments',
      'create-deployment',
      'list-deployments',
    ]);
  });

  it('with a new build, moves the same deployment to a new version', async () => {
    const deploymentId = String(world.remembered().deploymentId);
    world.writeDist('two');
    const result = await world.run(['--skip-build']);
    expect(result.status).toBe(0);
    expect(world.claspCommands().slice(-3)).toEqual([
      'create-version',
      'list-deployments',
      'update-deployment',
    ]);
    expect(world.remembered()).toMatchObject({ deploymentId, version: 2, deployedVersion: 2 });
    const deployments = world.google().projects[scriptIdOf()]?.deployments ?? [];
    expect(deployments.filter((deployment) => deployment.versionNumber !== undefined)).toEqual([
      expect.objectContaining({ deploymentId, versionNumber: 2 }),
    ]);
  });

  it('after a failed deployment, reuses the version it made instead of making another', async () => {
    world.writeDist('three');
    world.changeGoogle((side) =>
      side.failures.push({ command: 'update-deployment', message: 'Internal error encountered.' }),
    );
    const failed = await world.run(['--skip-build']);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('step 6 of 6, Deployment');
    expect(documentedCause(failed)).toBe('the clasp command "update-deployment" failed.');
    expect(failed.stderr).toContain('| Internal error encountered.');
    expect(world.remembered()).toMatchObject({ version: 3, deployedVersion: 2 });
    const resumed = await world.run(['--skip-build']);
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toContain('version 3 already holds this build');
    expect(world.claspCommands().filter((command) => command === 'create-version')).toHaveLength(3);
    expect(world.remembered()).toMatchObject({ deployedVersion: 3 });
  });

  it('finds a deployment an earlier run made but could not record, instead of making a second', async () => {
    const deploymentId = String(world.remembered().deploymentId);
    const { deploymentId: _lost, ...rest } = world.remembered();
    writeFileSync(world.projectFile, JSON.stringify(rest));
    world.writeDist('four');
    const result = await world.run(['--skip-build']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`found ${deploymentId}, made by an earlier run`);
    expect(world.remembered().deploymentId).toBe(deploymentId);
    expect(world.claspCommands().filter((command) => command === 'create-deployment')).toHaveLength(1);
  });

  it('says so when the remembered deployment was deleted, and makes a new one only when told', async () => {
    const scriptId = scriptIdOf();
    world.changeGoogle((side) => {
      const project = side.projects[scriptId];
      if (project) project.deployments = project.deployments.filter((d) => d.versionNumber === undefined);
    });
    const failed = await world.run(['--skip-build']);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(
      /Cause: the deployment \S+ \(remembered in .*\) does not exist in the project/,
    );
    expect(failed.stderr).toContain('npm run setup -- --new-deployment');
    const renewed = await world.run(['--skip-build', '--new-deployment']);
    expect(renewed.status).toBe(0);
    expect(renewed.stdout).toMatch(/Deployment: created \S+, serving version 4/);
  });

  it('refuses --create when a project is already set up', async () => {
    const result = await world.run(['--create', '--skip-build']);
    expect(result.status).toBe(1);
    expect(documentedCause(result)).toContain('a project is already set up here');
    expect(result.stderr).toContain('without --create');
  });
});

describe('npm run setup failures name the step, the cause and the next action', () => {
  freshWorldPerTest();
  beforeEach(() => world.logIn().writeDist());

  it('Apps Script API turned off', async () => {
    world.changeGoogle((side) => (side.account.appsScriptApi = false));
    const result = await world.run(['--create', '--skip-build']);
    expect(result.stderr).toContain('step 2 of 6, Apps Script project');
    expect(result.stderr).toContain(
      'Cause: the Apps Script API is turned off for your Google account (owner@example.com)',
    );
    expect(result.stderr).toContain('https://script.google.com/home/usersettings');
  });

  it('a project Google does not know', async () => {
    const result = await world.run(['--script-id', `1${'x'.repeat(56)}`, '--skip-build']);
    expect(result.stderr).toContain('step 4 of 6, Push');
    expect(documentedCause(result)).toContain(
      `Google does not know the Apps Script project 1${'x'.repeat(56)}`,
    );
    expect(result.stderr).toContain(`| ${NOT_FOUND_TEXT}`);
  });

  it('a project of another Google account', async () => {
    const scriptId = `1${'y'.repeat(56)}`;
    world.addProject(scriptId, { title: 'Theirs', owner: 'someone@example.com' });
    const result = await world.run(['--script-id', scriptId, '--skip-build']);
    expect(documentedCause(result)).toContain(
      `this Google account (owner@example.com) may not edit the Apps Script project ${scriptId}`,
    );
  });

  it('an expired clasp login', async () => {
    world.changeGoogle((side) => (side.account.credentialsValid = false));
    const result = await world.run(['--create', '--skip-build']);
    expect(result.stdout).toContain('clasp has a login, but Google did not confirm it');
    expectDocumented('clasp has a login, but Google did not confirm it');
    expect(documentedCause(result)).toBe("clasp's Google login has expired or was revoked.");
    expect(result.stderr).toContain('Run npx clasp logout, then Run npx clasp login');
  });

  it('a build that fails', async () => {
    const result = await world.run(['--create'], {
      FAKE_BUILD_ERROR: "src/main.ts(3,1): error TS1005: ';' expected.",
    });
    expect(result.stderr).toContain('step 3 of 6, Build');
    documentedCause(result);
    expect(result.stderr).toContain("| src/main.ts(3,1): error TS1005: ';' expected.");
    expect(world.claspCommands()).not.toContain('push');
  });

  it('--skip-build without a build', async () => {
    const bare = new SetupWorld();
    try {
      const result = await bare.logIn().run(['--create', '--skip-build']);
      expect(documentedCause(result)).toMatch(/dist\/Code.js is missing, so there is nothing to push.$/);
      expect(result.stderr).toContain('Run npm run build first, or run npm run setup without --skip-build.');
    } finally {
      bare.remove();
    }
  });

  it('bad flags', async () => {
    const result = await world.run(['--create', '--script-id', `1${'x'.repeat(56)}`]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Choose one: --create or --script-id.');
  });

  it('never prints clasp’s stored credentials', async () => {
    const result = await world.run(['--create', '--skip-build']);
    expect(`${result.stdout}${result.stderr}`).not.toContain('access_token');
  });
});
