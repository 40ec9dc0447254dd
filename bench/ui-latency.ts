// "Capture → row visible in the UI, p95": the real headless `serve`, the real renderer in
// Debian's Chromium. A MutationObserver in the page stamps the moment each row appears, so
// Playwright's own polling adds nothing to the figure. The baseline is the same requests'
// HTTP round trip: the difference is what storage, the event batch and rendering add.
import { chromium } from '@playwright/test';
import { startServe } from '../test/e2e/serve-process';

export interface UiLatency {
  p95Ms: number;
  medianMs: number;
  baselineHttpRoundTripP95Ms: number;
  samples: number;
}

export type UiLatencyProbe = (opts: { dataDir: string; samples?: number }) => Promise<UiLatency>;

const CHROMIUM = process.env.HOOKBENCH_CHROMIUM || '/usr/bin/chromium';
const GAP_MS = 40;

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

export const measureCaptureToRowP95: UiLatencyProbe = async ({ dataDir, samples = 100 }) => {
  const serve = await startServe(dataDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  try {
    const page = await browser.newPage();
    await page.goto(serve.uiUrl);
    await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
    await page.evaluate(() => {
      const seen: Record<string, number> = {};
      (window as unknown as { __seen: Record<string, number> }).__seen = seen;
      new MutationObserver(() => {
        for (const row of document.querySelectorAll('[data-testid="capture-row"]')) {
          const text = row.textContent ?? '';
          const match = /\/bench\/(\d+)-row/.exec(text);
          if (match && !(match[1] in seen)) seen[match[1]] = Date.now();
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const sentAt: number[] = [];
    const roundTrips: number[] = [];
    for (let i = 0; i < samples; i++) {
      sentAt[i] = Date.now();
      const res = await fetch(`${serve.receiverUrl}/bench/${i}-row`, { method: 'POST', body: JSON.stringify({ i }), headers: { 'content-type': 'application/json' } });
      await res.arrayBuffer();
      roundTrips.push(Date.now() - sentAt[i]);
      await new Promise((r) => setTimeout(r, GAP_MS));
    }
    await page.waitForFunction((n) => Object.keys((window as unknown as { __seen: object }).__seen).length >= n, samples, { timeout: 10_000 });
    const seen = await page.evaluate(() => (window as unknown as { __seen: Record<string, number> }).__seen);
    const latencies = sentAt.map((t, i) => seen[String(i)] - t);
    return {
      p95Ms: percentile(latencies, 95),
      medianMs: percentile(latencies, 50),
      baselineHttpRoundTripP95Ms: percentile(roundTrips, 95),
      samples,
    };
  } finally {
    await browser.close();
    await serve.stop();
  }
};
