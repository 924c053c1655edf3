import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { formatDuration } from '../../sandbox/playground/progress-line';
import { LOAD_RUNNING_TEXT } from '../../sandbox/playground/session';
import { addDays } from '../../sandbox/studio';
import { artifactsDir, connectTo, pick, useAuthorizedPage } from './support';

/**
 * The playground page as a demanding user meets it: how it looks at 1,366 and 800 px (measured, and
 * saved as screenshots in test-artifacts/playground/), what steps 3-4 do when step 2 changes, where
 * errors appear, the account it is connected to, and a long load on the real clock: its progress,
 * and one load at a time.
 */

const WIDE = { width: 1366, height: 900 };
const NARROW = { width: 800, height: 900 };

interface Box {
  readonly left: number;
  readonly right: number;
  readonly text: string;
}

/** What can be measured of the page as drawn. */
interface Looks {
  readonly documentWidth: number;
  readonly viewportWidth: number;
  /** Every chart text's size as seen on screen: its font size times the drawing's scale. */
  readonly chartFontPx: readonly number[];
  readonly xLabels: readonly Box[];
  readonly barValues: readonly string[];
}

// In-page code is given as text: the test program has no DOM types, and the page runs it as it is.
const MEASURE = `(() => {
  const svg = document.querySelector('#chart svg');
  const scale = svg ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 0;
  const box = (label) => {
    const rect = label.getBoundingClientRect();
    return { left: rect.left, right: rect.right, text: label.textContent };
  };
  return {
    documentWidth: document.documentElement.scrollWidth,
    viewportWidth: window.innerWidth,
    chartFontPx: [...document.querySelectorAll('#chart svg text')].map(
      (text) => parseFloat(getComputedStyle(text).fontSize) * scale,
    ),
    xLabels: [...document.querySelectorAll('#chart .x-label')].map(box).sort((a, b) => a.left - b.left),
    barValues: [...document.querySelectorAll('#chart .bar-value')].map((text) => text.textContent),
  };
})()`;

function measure(page: Page): Promise<Looks> {
  return page.evaluate<Looks>(MEASURE);
}

/** Polls an in-page expression until it is true (the page's CSP rules out waitForFunction's eval). */
async function waitInPage(page: Page, expression: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await page.evaluate<boolean>(expression))) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${expression}`);
    await page.waitForTimeout(100);
  }
}

/** Waits until the progress line matches. */
async function progressShows(page: Page, pattern: RegExp): Promise<void> {
  try {
    await waitInPage(page, `${String(pattern)}.test(document.querySelector('#progress-line').textContent)`);
  } catch (error) {
    const line = await page.textContent('#progress-line');
    const problem = await page.textContent('#data-error').catch(() => null);
    throw new Error(
      `${String(error)}; the progress line says ${JSON.stringify(line)}, the page's error ${JSON.stringify(problem)}`,
      { cause: error },
    );
  }
}

/** Pairs of neighbouring labels whose boxes overlap. */
function overlapping(labels: readonly Box[]): string[] {
  return labels.slice(1).flatMap((label, index) => {
    const before = labels[index];
    return before && before.right > label.left ? [`${before.text} / ${label.text}`] : [];
  });
}

/** Resizes the window, waits for the chart to be drawn at the new width, measures and keeps a screenshot. */
async function looksAt(page: Page, viewport: typeof WIDE, name: string): Promise<Looks> {
  await page.setViewportSize(viewport);
  await waitInPage(
    page,
    `(() => {
      const figure = document.querySelector('#chart');
      const svg = figure && figure.querySelector('svg');
      return Boolean(svg && Math.abs(Number(svg.getAttribute('width')) - figure.clientWidth) <= 1);
    })()`,
  );
  await page.screenshot({ path: join(artifactsDir(), `${name}-${viewport.width}.png`), fullPage: true });
  await page
    .locator('#step-result')
    .screenshot({ path: join(artifactsDir(), `${name}-${viewport.width}-result.png`) });
  return measure(page);
}

function expectReadable(looks: Looks): void {
  expect(looks.documentWidth).toBeLessThanOrEqual(looks.viewportWidth);
  expect(looks.chartFontPx.length).toBeGreaterThan(0);
  expect(Math.min(...looks.chartFontPx)).toBeGreaterThanOrEqual(11);
}

describe('the playground page (1,366 and 800 px wide)', () => {
  const opened = useAuthorizedPage(WIDE);

  it('names the connected Jobber account', async () => {
    const { page, playground } = opened();
    const demo = playground.backend.sandbox?.accounts[0];
    await page.waitForSelector('#account:not([hidden])');
    expect(await page.textContent('#account-name')).toBe(demo?.name);
  });

  it('shows step 4 only once step 3 has data, and shows a step’s error next to it', async () => {
    const { page } = opened();
    await connectTo(page, 'invoices');
    expect(await page.isHidden('#step-result')).toBe(true);
    await pick(page, []);
    await page.click('#run');
    await page.waitForSelector('#step-fields #data-error:not([hidden])');
    expect(await page.textContent('#data-error')).toBe('Pick at least one field.');
    expect(await page.isHidden('#step-result')).toBe(true);
    await page.fill('#config-cacheMinutes', 'abc');
    await page.click('#connect');
    await page.waitForSelector('#step-config #config-error .looker-error[data-kind="user"]');
    const connectButton = await page.locator('#connect').boundingBox();
    const error = await page.locator('#config-error').boundingBox();
    expect((error?.y ?? Infinity) - ((connectButton?.y ?? 0) + (connectButton?.height ?? 0))).toBeLessThan(
      40,
    );
    await page.fill('#config-cacheMinutes', '15');
  });

  it('draws bar labels in one number style, readable and inside the window at both widths', async () => {
    const { page, playground } = opened();
    await connectTo(page, 'invoices');
    await pick(page, ['invoiceStatus', 'total']);
    const today = playground.session.studio.today();
    await page.fill('#date-from', addDays(today, -365));
    await page.fill('#date-to', addDays(today, -1));
    await page.click('#run');
    await page.waitForSelector('#step-result:not([hidden]) #chart[data-kind="bar"] .bar-value');
    for (const viewport of [WIDE, NARROW]) {
      const looks = await looksAt(page, viewport, 'bars');
      expectReadable(looks);
      expect(looks.barValues.length).toBeGreaterThan(1);
      for (const value of looks.barValues) expect(value).toMatch(/^-?\d{1,3}(\.\d)?[KMB]?$/);
    }
    await page.setViewportSize(WIDE);
  });

  it('clears steps 3 and 4 as soon as step 2 changes, so no field or row of the old object is left', async () => {
    const { page } = opened();
    await page.selectOption('#config-object', 'visits');
    expect(await page.isHidden('#step-fields')).toBe(true);
    expect(await page.isHidden('#step-result')).toBe(true);
    await page.waitForSelector('#config-dateField');
    await page.click('#connect');
    await page.waitForSelector('#schema tbody tr[data-field="visitCount"]');
    expect(await page.locator('#schema tbody tr[data-field="invoiceStatus"]').count()).toBe(0);
    expect(await page.isHidden('#step-result')).toBe(true);
  });

  it('puts daily date labels apart, keeps chart text readable and the page within the window', async () => {
    const { page, playground } = opened();
    await pick(page, ['startAt', 'visitCount']);
    const today = playground.session.studio.today();
    await page.fill('#date-from', addDays(today, -91));
    await page.fill('#date-to', addDays(today, -1));
    await page.click('#run');
    await page.waitForSelector('#step-result:not([hidden]) #chart[data-kind="timeseries"] .x-label');
    expect(await page.textContent('#chart .title')).toContain('by day');
    await page.click('#executions summary');
    await page.click('#requests details.request summary');
    for (const viewport of [WIDE, NARROW]) {
      const looks = await looksAt(page, viewport, 'daily');
      expectReadable(looks);
      expect(looks.xLabels.length).toBeGreaterThan(2);
      expect(overlapping(looks.xLabels)).toEqual([]);
    }
    // The connector's JSON log lines are long: they wrap instead of widening the page.
    const longest = await page.evaluate<number>(
      `Math.max(...[...document.querySelectorAll('#execution-list pre')].map((pre) => pre.textContent.length))`,
    );
    expect(longest).toBeGreaterThan(200);
  });

  it('keeps a step 2 choice when an older getConfig answer arrives after it', async () => {
    const { browser, playground } = opened();
    // After consent the popup's message and its closing both ask the page to load the config: the
    // answer to the first may come last, and must not redraw step 2 over the user's choice.
    const second = await browser.newPage({ viewport: WIDE });
    try {
      let heldBack = false;
      await second.route('**/api/config', async (route) => {
        if (!heldBack && route.request().postData() === '{}') {
          heldBack = true;
          await new Promise((resolve) => setTimeout(resolve, 2_000));
        }
        await route.continue();
      });
      await second.goto(playground.url);
      await second.waitForSelector('#auth-status[data-authorized="true"]');
      await second.evaluate(`window.postMessage('jobber-authorized', window.location.origin)`);
      await second.waitForSelector('#config-object');
      await second.selectOption('#config-object', 'invoices');
      await second.waitForSelector('#config-dateField');
      await second.waitForTimeout(2_500);
      expect(heldBack).toBe(true);
      expect(await second.inputValue('#config-object')).toBe('invoices');
      expect(await second.locator('#config-dateField').count()).toBe(1);
    } finally {
      await second.close();
    }
  });

  it('keeps what the user typed while the answer to an object change was on its way', async () => {
    const { browser, playground } = opened();
    const second = await browser.newPage({ viewport: WIDE });
    try {
      await second.goto(playground.url);
      await connectTo(second, 'invoices');
      let heldBack = false;
      await second.route('**/api/config', async (route) => {
        if (!heldBack && (route.request().postData() ?? '').includes('"quotes"')) {
          heldBack = true;
          await new Promise((resolve) => setTimeout(resolve, 2_000));
        }
        await route.continue();
      });
      await second.selectOption('#config-object', 'quotes');
      await second.fill('#config-cacheMinutes', '7');
      await second.dispatchEvent('#config-cacheMinutes', 'change');
      await second.waitForTimeout(2_500);
      expect(heldBack).toBe(true);
      await second.waitForSelector('#config-dateField option[value="sentAt"]', { state: 'attached' });
      expect(await second.inputValue('#config-object')).toBe('quotes');
      expect(await second.inputValue('#config-cacheMinutes')).toBe('7');
    } finally {
      await second.close();
    }
  });

  it('formats durations as a person reads them, as the CLI does', async () => {
    const { page } = opened();
    const values = [0, 950, 14_000, 61_000, 245_000, 7_380_000];
    // A string: the page imports its own module (compiled test code would turn import() into require).
    const onPage = await page.evaluate<string[]>(
      `import('/dom.js').then((dom) => ${JSON.stringify(values)}.map((ms) => dom.duration(ms)))`,
    );
    expect(onPage).toEqual(values.map(formatDuration));
    expect(await page.textContent('[data-stat="Time taken"]')).toMatch(
      /^(\d\.\d s|\d+ s|\d+ min \d\d s|\d+ h \d\d min)$/,
    );
  });
});

describe('a long load on the real clock', () => {
  const opened = useAuthorizedPage(WIDE, { kind: 'sandbox', size: 'tiny', seed: 3, clock: 'real' });

  it('shows records of N, elapsed time and the rate-limit wait, allows one load at a time, and drops it when step 2 changes', async () => {
    const { page, playground } = opened();
    // Every line item field over all time costs more than Jobber's bucket holds: the connector waits.
    // Read live: one read whose first page counts it ("of N"); the private copy reads in slices.
    await connectTo(page, 'invoiceLineItems', 'allTime', 'false');
    await pick(page, [
      'invoiceNumber',
      'name',
      'description',
      'quantity',
      'unitPrice',
      'totalPrice',
      'clientName',
    ]);
    await page.click('#run');
    await page.waitForSelector('#progress:not([hidden])');
    expect(await page.isDisabled('#run')).toBe(true);
    expect(await page.isDisabled('#refresh')).toBe(true);
    await progressShows(page, /of [\d,]+ invoices/);
    await progressShows(page, /waiting \d+ s for Jobber's rate limit/);
    const line = (await page.textContent('#progress-line')) ?? '';
    expect(line).toMatch(
      /^invoiceLineItems: [\d,]+ of [\d,]+ invoices · \d+ pages? · cost [\d,]+ · [\d.]+ s/,
    );
    expect(await page.evaluate<number>(`document.querySelector('#progress-bar').max`)).toBeGreaterThan(1);
    expect(
      await page.evaluate<string>(`getComputedStyle(document.querySelector('#progress')).fontSize`),
    ).toBe('14px');
    // A second load of the same data source (another tab, a double click) is refused while this one runs.
    const second = await page.evaluate<{ ok: boolean; error?: { message?: string } }>(
      `fetch('/api/data', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ fields: ['invoiceNumber'] }),
      }).then((response) => response.json())`,
    );
    expect(second).toMatchObject({ ok: false, error: { message: LOAD_RUNNING_TEXT } });
    const running = playground.backend.monitor
      .inFlight()
      .filter((progress) => progress.functionName === 'getData');
    expect(running).toHaveLength(1);
    await page.screenshot({ path: join(artifactsDir(), 'long-load-1366.png'), fullPage: true });
    // Step 2 changes mid-load: steps 3-4 go, and the old load's rows never appear.
    await page.selectOption('#config-object', 'invoices');
    expect(await page.isHidden('#step-fields')).toBe(true);
    expect(await page.isHidden('#progress')).toBe(true);
    await waitUntil(() => playground.session.loadProgress() === null, 60_000);
    await page.waitForTimeout(500);
    expect(await page.isHidden('#step-result')).toBe(true);
    expect(await page.locator('#rows tbody tr').count()).toBe(0);
  }, 90_000);
});

async function waitUntil(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
