import { spawn } from 'node:child_process';
import { builtFile, REPO_ROOT } from '../../../sandbox/paths';
import { LOCAL_REDIRECT_URI } from '../../../sandbox/shared/local-apps-script';
import { graphql } from './support';

/** `npm run sandbox` runs this file after building the tools. */
const MAIN = builtFile('sandbox/jobber/main.js');

function run(args: string[]): { output: Promise<string>; stop: () => Promise<number | null> } {
  const child = spawn(process.execPath, [MAIN, ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const output = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('Ctrl-C') || (args.includes('--json') && text.includes('\n'))) resolve(text);
    });
    child.once('exit', (code) => reject(new Error(`exited early with ${String(code)}`)));
  });
  const stop = (): Promise<number | null> =>
    new Promise((resolve) => {
      child.removeAllListeners('exit');
      child.once('exit', (code) => resolve(code));
      child.kill('SIGINT');
    });
  return { output, stop };
}

it('prints the base URL, the demo app credentials, the redirect URIs and an access token that works; Ctrl-C stops it', async () => {
  const sandbox = run(['--size', 'tiny']);
  const text = await sandbox.output;
  const field = (label: string): string => new RegExp(`${label}\\s+(\\S+)`).exec(text)?.[1] ?? '';
  const baseUrl = /Jobber sandbox at (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1] ?? '';
  expect(field('Client ID')).toMatch(/\S{20,}/);
  expect(field('Client secret')).toMatch(/\S{32,}/);
  expect(field('Redirect URIs')).toBe(LOCAL_REDIRECT_URI);
  const token = field('Access token');
  const response = await graphql(
    { baseUrl, demo: { accessToken: token, refreshToken: '', accountId: '', userId: '' } },
    '{ account { name } }',
  );
  expect(response.body.data).toEqual({ account: { name: 'Summit Lawn & Snow' } });
  expect(await sandbox.stop()).toBe(0);
});

it('prints the same as one JSON line with --json, and honours the flags', async () => {
  const sandbox = run([
    '--json',
    '--size',
    'tiny',
    '--no-rotation',
    '--token-lifetime',
    '120',
    '--redirect-uri',
    'https://example.com/cb',
  ]);
  const info = JSON.parse((await sandbox.output).trim()) as {
    baseUrl: string;
    size: string;
    app: { redirectUris: string[] };
  };
  expect(info.size).toBe('tiny');
  expect(info.app.redirectUris).toEqual(['https://example.com/cb']);
  expect(info.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(await sandbox.stop()).toBe(0);
});
