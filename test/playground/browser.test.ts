import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT } from '../../sandbox/paths';
import { addDays } from '../../sandbox/studio';
import {
  artifactsDir,
  launchBrowser,
  pick,
  START_TIMEOUT_MS,
  startPlayground,
  type RunningPlayground,
} from './support';

describe('the playground in a browser (Chromium, headless)', () => {
  let playground: RunningPlayground;
  let browser: Browser;
  let page: Page;
  const outsideRequests: string[] = [];

  beforeAll(async () => {
    playground = await startPlayground();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const local = new Set([new URL(playground.url).host, new URL(playground.backend.jobberBaseUrl).host]);
    page.context().on('request', (request) => {
      const url = new URL(request.url());
      if (!['data:', 'about:'].includes(url.protocol) && !local.has(url.host))
        outsideRequests.push(request.url());
    });
    await page.goto(playground.url);
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
  });

  const shoot = (name: string): Promise<Buffer> =>
    page.screenshot({ path: join(artifactsDir(), `${name}.png`), fullPage: true });

  it('authorizes through the real redirect dance: sandbox consent, then the script’s /usercallback', async () => {
    await page.waitForSelector('#auth-status[data-authorized="false"]');
    await shoot('1-not-authorized');
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#authorize')]);
    await popup.waitForSelector('.auth-state[data-authorized="true"]');
    expect(popup.url().startsWith(playground.backend.redirectUri)).toBe(true);
    await expect(popup.frameLocator('iframe.html-output').locator('h1').textContent()).resolves.toBe(
      'Connected to Jobber',
    );
    await popup.screenshot({ path: join(artifactsDir(), '2-callback.png') });
    await popup.close();
    await page.waitForSelector('#auth-status[data-authorized="true"]');
  });

  it('renders the connector’s stepped getConfig as a form and connects to invoices', async () => {
    await page.waitForSelector('#config-object');
    expect(await page.isDisabled('#connect')).toBe(true);
    await page.selectOption('#config-object', 'invoices');
    await page.waitForSelector('#config-dateField');
    expect(await page.isDisabled('#connect')).toBe(false);
    // The private copy's options: a choice (left empty, the connector's default: on) and a number.
    const choices = await page.evaluate<string[]>(
      `[...document.querySelectorAll('#config-privateCopy option')].map((o) => o.value + '=' + o.textContent)`,
    );
    expect(choices).toEqual(['=Choose…', 'true=Yes', 'false=No: read Jobber live only']);
    expect(await page.getAttribute('#config-reconcileMinutes', 'type')).toBe('text');
    expect(await page.getAttribute('#config-reconcileMinutes', 'placeholder')).toBe('60');
    expect(await page.textContent('label[for="config-privateCopy"]')).toContain('private copy');
    await page.click('#connect');
    await page.waitForSelector('#schema tbody tr[data-field="issuedDate"]');
    const issued = await page.textContent('#schema tbody tr[data-field="issuedDate"]');
    expect(issued).toContain('YEAR_MONTH_DAY');
    expect(await page.textContent('#schema tbody tr[data-field="total"]')).toContain('metric');
  });

  it('runs getData for picked fields and shows rows, a time series and what it cost Jobber', async () => {
    await pick(page, ['issuedDate', 'total']);
    const today = playground.session.studio.today();
    await page.fill('#date-from', addDays(today, -365));
    await page.fill('#date-to', addDays(today, -1));
    await page.click('#run');
    await page.waitForSelector('#result:not([hidden]) #chart svg');
    expect(await page.getAttribute('#chart', 'data-kind')).toBe('timeseries');
    expect(await page.locator('#rows tbody tr').count()).toBeGreaterThan(0);
    expect(await page.textContent('#rows thead')).toBe('issuedDatetotal');
    expect(Number(await page.textContent('[data-stat="Jobber requests"]'))).toBeGreaterThan(0);
    // The connector's default: the private copy, which the report cache does not serve.
    expect(await page.textContent('[data-stat="Answered from"]')).toBe('private copy');
    expect(await page.textContent('[data-stat="Cache"]')).toBe('—');
    await page.click('#requests details.request[data-kind="graphql"] summary');
    expect(await page.textContent('#requests details.request[open] pre.query')).toContain('invoices(');
    expect(await page.textContent('#requests details.request[open] summary')).toMatch(
      /cost [\d,]+ requested/,
    );
    const result = await shoot('3-result');
    if (process.env.PLAYGROUND_DOCS_SCREENSHOT === '1')
      copyFileSync(join(artifactsDir(), '3-result.png'), join(REPO_ROOT, 'docs', 'assets', 'playground.png'));
    expect(result.length).toBeGreaterThan(0);
  });

  it('reads Jobber live when the private copy is turned off, answering from the connector’s cache until “Refresh data”, and draws bars without a date', async () => {
    await page.selectOption('#config-privateCopy', { label: 'No: read Jobber live only' });
    expect(await page.isHidden('#step-fields')).toBe(true);
    await page.click('#connect');
    await page.waitForSelector('#step-fields:not([hidden]) #schema tbody tr');
    await pick(page, ['issuedDate', 'total']);
    const today = playground.session.studio.today();
    await page.fill('#date-from', addDays(today, -365));
    await page.fill('#date-to', addDays(today, -1));
    await page.click('#run');
    await page.waitForSelector('[data-stat="Answered from"]:text-is("Jobber, live")');
    expect(await page.textContent('[data-stat="Cache"]')).toBe('miss');
    await page.click('#run');
    await page.waitForSelector('[data-stat="Cache"]:text-is("hit")');
    await page.click('#refresh');
    await page.waitForSelector('[data-stat="Cache"]:text-is("bypass")');
    await pick(page, ['invoiceStatus', 'total']);
    await page.click('#run');
    await page.waitForSelector('#chart[data-kind="bar"] rect');
  });

  it('shows a bad choice as Looker Studio does: the user text, and the debug text only to admins', async () => {
    await page.fill('#config-cacheMinutes', 'abc');
    await page.click('#connect');
    await page.waitForSelector('.looker-error[data-kind="user"]');
    expect(await page.textContent('#user-text')).toContain('"Keep data for" must be a whole number');
    expect(await page.locator('#debug-text').count()).toBe(0);
    await shoot('4-user-error');
    await Promise.all([page.waitForResponse('**/api/admin'), page.check('#admin')]);
    await page.click('#connect');
    await page.waitForSelector('#debug-text');
    expect(await page.textContent('#debug-text')).toContain('cacheMinutes');
    await shoot('5-user-error-admin');
  });

  it('shows Apps Script’s refusal when the user denies access at Jobber', async () => {
    await page.selectOption('#consent', 'deny');
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#authorize')]);
    await popup.waitForSelector('#refusal');
    expect(await popup.textContent('#refusal')).toBe(
      'The state token is invalid or has expired. Please try again.',
    );
    await popup.close();
  });

  it('loaded nothing from outside this machine', () => {
    expect(outsideRequests).toEqual([]);
  });
});
