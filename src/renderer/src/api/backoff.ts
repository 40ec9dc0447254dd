// Reconnect delays: quick first retries for a restarting engine, capped so a long outage
// does not leave the page waiting minutes after the engine is back.
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(10_000, 500 * 2 ** Math.max(0, attempt));
  // jitter keeps several open tabs from reconnecting in lockstep
  return Math.round(base * (0.8 + random() * 0.4));
}
