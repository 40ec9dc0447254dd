// Figures from the real headless `serve` and the real renderer in Debian's Chromium. Page-side
// observers stamp the moment the DOM changes, so Playwright's own polling adds nothing.
// Everything started here is stopped in `finally` (and by the bench's signal handlers).
import { chromium, type Browser, type Page } from '@playwright/test';
import { startServe, type ServeProcess } from '../test/e2e/serve-process';
import { onCleanup, track } from './children';

const CHROMIUM = process.env.HOOKBENCH_CHROMIUM || '/usr/bin/chromium';
const GAP_MS = 40;

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};

const BROWSER_SETTLE_MS = 1_000;
/** how long a stopping serve may take (at a million it writes the index snapshot) before it is killed */
const STOP_GRACE_MS = 60_000;

/** starts serve and Chromium, runs `body`, and always stops both (serve is killed if it does not stop) */
async function withUi<T>(dataDir: string, body: (page: Page, serve: ServeProcess) => Promise<T>): Promise<T> {
  let serve: ServeProcess | null = null;
  let browser: Browser | null = null;
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    const running = serve;
    if (!running) return;
    const timer = setTimeout(() => void running.kill9().catch(() => undefined), STOP_GRACE_MS);
    await running.stop().catch(() => undefined);
    clearTimeout(timer);
  };
  const forget = onCleanup(cleanup);
  try {
    // at a million stored, opening the store takes seconds: allow for it before giving up
    serve = await startServe(dataDir, [], { readyTimeoutMs: 180_000 });
    track(serve.child);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // a freshly launched Chromium spends its first moments on its own pages and processes (on
    // 2 cores they compete with the page); a user's browser is already running, so let it settle
    await page.waitForTimeout(BROWSER_SETTLE_MS);
    return await body(page, serve);
  } finally {
    forget();
    await cleanup();
  }
}

const ROW = '[data-testid="capture-row"]';

export interface FirstScreen {
  /** navigation start → the first frame painted after the element appeared, stamped in the page */
  ms: number;
  /** navigation start → the element in the DOM */
  inDomMs: number;
  /** the same wait seen from here (Date.now() around page.goto + waitFor): adds the CDP round trips and Playwright's polling */
  observedMs: number;
  /** where the time went, from the page's own timings (ms from navigation start) */
  breakdown: {
    htmlAnsweredMs: number;
    scriptRequestedMs: number;
    scriptLoadedMs: number;
    domContentLoadedMs: number;
    firstPageRequestMs: number | null;
    firstPageAnsweredMs: number | null;
  };
}

/**
 * From navigation start (the page's time origin) until the first element matching `selector`
 * (a real capture row, or the empty inbox) is painted. An init script stamps the DOM change and
 * the next frame's paint in the page, so neither the CDP round trips nor Playwright's polling
 * count; the wait as Playwright sees it is reported beside it.
 */
async function firstScreen(page: Page, url: string, selector: string): Promise<FirstScreen> {
  await page.addInitScript((sel) => {
    const w = window as unknown as FirstScreenProbe;
    new MutationObserver((_, observer) => {
      if (!document.querySelector(sel)) return;
      observer.disconnect();
      w.__firstScreen = { inDom: performance.now(), painted: 0 };
      // rAF runs just before the frame is drawn; a message posted there arrives after it
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (w.__firstScreen!.painted = performance.now());
        channel.port2.postMessage(null);
      });
    }).observe(document, { subtree: true, childList: true });
  }, selector);
  const started = Date.now();
  await page.goto(url);
  await page.locator(selector).first().waitFor({ timeout: 60_000 });
  const observedMs = Date.now() - started;
  await page.waitForFunction(() => ((window as unknown as FirstScreenProbe).__firstScreen?.painted ?? 0) > 0, undefined, { timeout: 30_000 });
  const stamp = await page.evaluate(() => (window as unknown as FirstScreenProbe).__firstScreen!);
  const breakdown = await page.evaluate(() => {
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const script = resources.find((r) => /\/assets\/index-[^/]*\.js$/.test(r.name));
    const list = resources.find((r) => r.name.endsWith('/captures.list'));
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      htmlAnsweredMs: Math.round(nav?.responseEnd ?? 0),
      scriptRequestedMs: Math.round(script?.startTime ?? 0),
      scriptLoadedMs: Math.round(script?.responseEnd ?? 0),
      domContentLoadedMs: Math.round(nav?.domContentLoadedEventEnd ?? 0),
      firstPageRequestMs: list ? Math.round(list.startTime) : null,
      firstPageAnsweredMs: list ? Math.round(list.responseEnd) : null,
    };
  });
  return { ms: Math.round(stamp.painted), inDomMs: Math.round(stamp.inDom), observedMs, breakdown };
}

interface FirstScreenProbe {
  __firstScreen?: { inDom: number; painted: number };
}

export async function emptyUiFigures(dataDir: string): Promise<{ firstScreen: FirstScreen }> {
  return withUi(dataDir, async (page, serve) => ({ firstScreen: await firstScreen(page, serve.uiUrl, '[data-testid="empty-inbox"]') }));
}

export interface SearchFigure {
  needle: string;
  where: string;
  ms: number;
  matches: number;
}
export interface FullUiFigures {
  firstRows: FirstScreen;
  /** clearing the search: the unfiltered list and count again, from the same debounce */
  unfilteredReloadMs: number;
  searches: SearchFigure[];
  jumpToOldestMs: number;
  captureToRow: { p95Ms: number; medianMs: number; baselineHttpRoundTripP95Ms: number; samples: number };
}

export async function fullUiFigures(dataDir: string, needles: Array<{ needle: string; where: string }>): Promise<FullUiFigures> {
  return withUi(dataDir, async (page, serve) => {
    const firstRows = await firstScreen(page, serve.uiUrl, ROW);
    await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
    await installObservers(page);

    // search: from the debounce firing (the app marks it) to the count + list re-rendered
    const search = async (text: string): Promise<{ ms: number; matches: number }> => {
      const before = await page.evaluate(() => (window as unknown as Probe).__probe.countChanges.length);
      await page.getByTestId('search-input').fill(text);
      await page.waitForFunction((n) => (window as unknown as Probe).__probe.countChanges.length > n, before, { timeout: 30_000 });
      await page.waitForTimeout(50);
      return page.evaluate(() => {
        const probe = (window as unknown as Probe).__probe;
        const change = probe.countChanges[probe.countChanges.length - 1];
        const marks = performance.getEntriesByName('hookbench:filter-applied');
        const mark = marks[marks.length - 1];
        return { ms: Math.round(change.at - mark.startTime), matches: change.count };
      });
    };
    const searches: SearchFigure[] = [];
    const reloads: number[] = [];
    for (const { needle, where } of needles) {
      const found = await search(needle);
      searches.push({ needle, where, ...found });
      reloads.push((await search('')).ms);
    }

    // End: from the key press to the oldest capture's row on screen
    const total = (await serve.call('captures.list', { limit: 1 })).total;
    const oldest = (await serve.call('captures.list', { limit: 1, offset: total - 1 })).items[0];
    await page.locator(ROW).first().click();
    const jumpToOldestMs = await page.evaluate(async (id) => {
      const started = performance.now();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
      // (no named helper functions in here: tsx would wrap them in a __name() the page lacks)
      const selector = `[data-testid="capture-row"][data-capture-id="${id}"]`;
      return new Promise<number>((resolve, reject) => {
        if (document.querySelector(selector)) return resolve(Math.round(performance.now() - started));
        const timer = setTimeout(() => reject(new Error('the oldest row never appeared')), 30_000);
        new MutationObserver((_, observer) => {
          if (!document.querySelector(selector)) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(Math.round(performance.now() - started));
        }).observe(document.body, { subtree: true, childList: true });
      });
    }, oldest.id);
    await page.keyboard.press('Home');

    const captureToRow = await measureCaptureToRow(page, serve.receiverUrl);
    return { firstRows, unfilteredReloadMs: percentile(reloads, 50), searches, jumpToOldestMs, captureToRow };
  });
}

interface Probe {
  __probe: { countChanges: Array<{ at: number; count: number }>; seen: Record<string, number> };
}

async function installObservers(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe = { countChanges: [] as Array<{ at: number; count: number }>, seen: {} as Record<string, number> };
    (window as unknown as Probe).__probe = probe;
    const count = document.querySelector('[data-testid="capture-count"]')!;
    let last = count.textContent;
    new MutationObserver(() => {
      if (count.textContent === last) return;
      last = count.textContent;
      probe.countChanges.push({ at: performance.now(), count: Number((last ?? '').replace(/[^0-9]/g, '')) });
    }).observe(count, { subtree: true, childList: true, characterData: true });
    new MutationObserver(() => {
      for (const row of document.querySelectorAll('[data-testid="capture-row"]')) {
        const match = /\/bench\/(\d+)-row/.exec(row.textContent ?? '');
        if (match && !(match[1] in probe.seen)) probe.seen[match[1]] = Date.now();
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** capture → row visible, p95, beside the same requests' HTTP round trip */
async function measureCaptureToRow(page: Page, receiverUrl: string, samples = 100): Promise<FullUiFigures['captureToRow']> {
  const sentAt: number[] = [];
  const roundTrips: number[] = [];
  for (let i = 0; i < samples; i++) {
    sentAt[i] = Date.now();
    const res = await fetch(`${receiverUrl}/bench/${i}-row`, { method: 'POST', body: JSON.stringify({ i }), headers: { 'content-type': 'application/json' } });
    await res.arrayBuffer();
    roundTrips.push(Date.now() - sentAt[i]);
    await new Promise((r) => setTimeout(r, GAP_MS));
  }
  await page.waitForFunction((n) => Object.keys((window as unknown as Probe).__probe.seen).length >= n, samples, { timeout: 30_000 });
  const seen = await page.evaluate(() => (window as unknown as Probe).__probe.seen);
  const latencies = sentAt.map((t, i) => seen[String(i)] - t);
  return { p95Ms: percentile(latencies, 95), medianMs: percentile(latencies, 50), baselineHttpRoundTripP95Ms: percentile(roundTrips, 95), samples };
}
