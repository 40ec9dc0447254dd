// autocannon against one URL: 50 connections, the 1 KB JSON body, optional extra headers.
import autocannon from 'autocannon';
import { webhookBody } from './bench-body';

export const CONNECTIONS = 50;
export const BODY = webhookBody(1024);

export interface Load {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

export async function load(url: string, seconds: number, headers: Record<string, string> = {}): Promise<Load> {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', 'x-bench-event': 'push', ...headers },
    body: BODY,
  });
  return {
    reqPerSec: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** the median round by req/s (with an even count, the lower middle), plus every round's figure */
export function median(runs: Load[]): Load & { rounds: number[] } {
  const sorted = [...runs].sort((a, b) => a.reqPerSec - b.reqPerSec);
  return { ...sorted[Math.floor((sorted.length - 1) / 2)], rounds: runs.map((r) => r.reqPerSec) };
}
