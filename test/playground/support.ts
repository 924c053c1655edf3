import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '../../sandbox/paths';
import { startBackend, type Backend } from '../../sandbox/playground/backend';
import { listen, type PlaygroundServer } from '../../sandbox/playground/server';
import { PlaygroundSession } from '../../sandbox/playground/session';
import type { Target } from '../../sandbox/playground/target';

/** Tiny sandbox data on a virtual clock: throttle waits cost no real time. */
export const TEST_TARGET: Target = { kind: 'sandbox', size: 'tiny', seed: 1, clock: 'virtual' };

export interface RunningPlayground {
  readonly server: PlaygroundServer;
  readonly backend: Backend;
  readonly session: PlaygroundSession;
  readonly url: string;
  stop(): Promise<void>;
}

/** The playground in this process, as `npm start` wires it: server first, then the backend on its origin. */
export async function startPlayground(target: Target = TEST_TARGET): Promise<RunningPlayground> {
  const server = await listen(0);
  const backend = await startBackend({ target, scriptOrigin: server.origin });
  const session = new PlaygroundSession(backend);
  server.attach(session);
  return {
    server,
    backend,
    session,
    url: `${server.origin}/`,
    stop: async () => {
      await server.close();
      await backend.stop();
    },
  };
}

/** Where tests keep screenshots (git-ignored). */
export function artifactsDir(): string {
  const dir = join(REPO_ROOT, 'test-artifacts', 'playground');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export const START_TIMEOUT_MS = 120_000;

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium, headless, through playwright-core. */
export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`The browser tests need Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/** Authorizes through the page's popup (the sandbox consents as told) and waits for the page to know. */
export async function authorizeInPage(page: Page): Promise<void> {
  await page.waitForSelector('#auth-status[data-authorized="false"]');
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#authorize')]);
  await popup.waitForSelector('.auth-state[data-authorized="true"]');
  await popup.close();
  await page.waitForSelector('#auth-status[data-authorized="true"]');
}

/**
 * Chooses the object in step 2 (stepped: the rest of the config follows), optionally its date and
 * the privateCopy answer ('false': read Jobber live only), and connects.
 */
export async function connectTo(
  page: Page,
  object: string,
  dateField?: string,
  privateCopy?: 'true' | 'false',
): Promise<void> {
  await page.waitForSelector('#config-object');
  await page.selectOption('#config-object', object);
  await page.waitForSelector('#config-dateField');
  if (dateField) await page.selectOption('#config-dateField', dateField);
  if (privateCopy) await page.selectOption('#config-privateCopy', privateCopy);
  await page.click('#connect');
  await page.waitForSelector('#step-fields:not([hidden]) #schema tbody tr');
  const chosen = { object, dateField, privateCopy };
  for (const [name, value] of Object.entries(chosen)) {
    const shown = value === undefined ? value : await page.inputValue(`#config-${name}`);
    if (shown !== value) throw new Error(`Connected with ${name} ${String(shown)} instead of ${value ?? ''}`);
  }
}

/** Unticks every field, then ticks these in this order (the chart's field order). */
export async function pick(page: Page, fields: readonly string[]): Promise<void> {
  const ticked: string[] = [];
  for (const box of await page.locator('#schema tbody input:checked').all())
    ticked.push((await box.getAttribute('data-field')) ?? '');
  for (const field of ticked) await page.uncheck(`#schema tbody input[data-field="${field}"]`);
  for (const field of fields) await page.check(`#schema tbody input[data-field="${field}"]`);
  const picked = await page.textContent('#picked');
  if (picked !== (fields.length > 0 ? fields.join(', ') : 'none'))
    throw new Error(`Picked ${picked ?? ''} instead of ${fields.join(', ')}`);
}

export interface AuthorizedPage {
  readonly playground: RunningPlayground;
  readonly browser: Browser;
  readonly page: Page;
}

/**
 * A describe block's playground and a page (this wide) already authorized with Jobber; both go when
 * the block ends. Call inside `describe`; read the result inside tests.
 */
export function useAuthorizedPage(
  viewport: { width: number; height: number },
  target: Target = TEST_TARGET,
): () => AuthorizedPage {
  let current: AuthorizedPage | undefined;
  beforeAll(async () => {
    const playground = await startPlayground(target);
    const browser = await launchBrowser();
    current = { playground, browser, page: await browser.newPage({ viewport }) };
    await current.page.goto(playground.url);
    await authorizeInPage(current.page);
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await current?.browser.close();
    await current?.playground.stop();
  });
  return () => {
    if (!current) throw new Error('the playground page is not started (use it inside a test)');
    return current;
  };
}
