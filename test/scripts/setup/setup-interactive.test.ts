/**
 * npm run setup in a terminal: the questions come from @inquirer/prompts (driven here through
 * its input and output streams, keystroke by keystroke), clasp is the stand-in.
 */
import { PassThrough, Writable } from 'node:stream';
import { main } from '../../../scripts/setup/main';
import { inquirerPrompter } from '../../../scripts/setup/prompts';
import { SetupWorld } from './support';

const ENTER = '\r';
const DOWN = '\u001b[B';

/** A screen that, like process.stdout, stays open when a prompt's stream piped into it ends. */
class Screen extends Writable {
  constructor(private readonly onText: (text: string) => void) {
    super();
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.onText(chunk.toString('utf8'));
    done();
  }
  override end(): this {
    return this;
  }
}

/** Answers each question once its text appears on the screen. */
class ScriptedTerminal {
  readonly input = new PassThrough();
  readonly output = new Screen((text) => {
    this.screen += text;
    this.answerNext();
  });
  screen = '';
  private readonly answers: Array<{ when: string; keys: string }> = [];

  answer(when: string, keys: string): this {
    this.answers.push({ when, keys });
    return this;
  }

  private answerNext(): void {
    const next = this.answers[0];
    if (!next || !this.screen.includes(next.when)) return;
    this.answers.shift();
    this.screen = '';
    setTimeout(() => this.input.write(next.keys), 20);
  }
}

describe('npm run setup in a terminal', () => {
  let world: SetupWorld;
  beforeEach(() => {
    world = new SetupWorld();
    world.writeDist();
  });
  afterEach(() => world.remove());

  async function runInTerminal(terminal: ScriptedTerminal, argv: string[] = ['--skip-build']) {
    const out: string[] = [];
    const code = await main({
      argv,
      env: world.env({ SSH_CONNECTION: '10.0.0.2 50000 10.0.0.1 22' }),
      interactive: true,
      stdout: (line) => out.push(line),
      stderr: (line) => out.push(line),
      prompter: inquirerPrompter({ input: terminal.input, output: terminal.output }),
    });
    return { code, text: out.join('\n') };
  }

  it('offers to log in (without a local browser on a remote machine), then asks for the project and refuses a bad answer with the reason', async () => {
    const scriptId = `1${'t'.repeat(56)}`;
    world.addProject(scriptId, { title: 'Mine', owner: 'owner@example.com' });
    const terminal = new ScriptedTerminal()
      .answer('Log in now (npx clasp login --no-localhost)?', `y${ENTER}`)
      .answer('Which Apps Script project', `${DOWN}${ENTER}`)
      .answer(
        'Script ID or editor URL',
        `https://script.google.com/macros/s/AKfycb0123456789abcdefghij/exec${ENTER}`,
      )
      .answer('That is a deployment URL', `${'\u007f'.repeat(60)}`)
      .answer(
        'Script ID or editor URL',
        `\u0015https://script.google.com/home/projects/${scriptId}/edit${ENTER}`,
      );
    const { code, text } = await runInTerminal(terminal);
    expect(text).toContain('Deployed. Next, in this order:');
    expect(code).toBe(0);
    expect(world.google().calls.map((call) => call.argv.join(' '))).toContain('login --no-localhost');
    expect(world.remembered().scriptId).toBe(scriptId);
  });

  it('creates a project when that is the choice', async () => {
    world.logIn();
    const terminal = new ScriptedTerminal().answer('Which Apps Script project', ENTER);
    const { code } = await runInTerminal(terminal);
    expect(code).toBe(0);
    expect(world.claspCommands()).toContain('create-script');
  });

  it('stops cleanly on Ctrl-C, saying what is remembered', async () => {
    world.logIn();
    const terminal = new ScriptedTerminal().answer('Which Apps Script project', '\u0003');
    const { code, text } = await runInTerminal(terminal);
    expect(code).toBe(130);
    expect(text).toContain('Setup cancelled.');
  });
});
