// SLOT FOR THE LEAD: "capture → row visible in the UI, p95".
// Wire a Playwright measurement here (start headless `serve` on a temp data dir, open the UI,
// send webhooks to the receiver, time until each row is in the DOM) and return its p95 in ms.
// While this stays null, the bench prints the figure as null with the reason below.
export type UiLatencyProbe = (opts: { dataDir: string }) => Promise<number>;

export const measureCaptureToRowP95: UiLatencyProbe | null = null;

export const NOT_WIRED_REASON = 'not wired yet: needs the renderer and Playwright; implement measureCaptureToRowP95 in bench/ui-latency.ts';
