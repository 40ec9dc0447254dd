// Receiver throughput, rounds interleaved: in every round each server gets its turn, so a burst
// of other load on the (shared) machine hits them alike; the figure is the median round, and
// every ratio compares figures of this same run.
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { benchSignature, BENCH_HMAC } from './bench-trigger';
import { firstLine, stop, tsxChild } from './children';
import { BODY, load, median, type Load } from './load';

interface Server {
  url: string;
  child: ChildProcess;
}

const INBOX_PATH = '/hooks/bench?source=autocannon';
const TRIGGER_PATH = `/api/v0/launch/${BENCH_HMAC.triggerId}/`;
const SIGNED = { [BENCH_HMAC.header]: benchSignature(BODY) };

async function startServer(args: string[], warmPath: string, headers: Record<string, string> = {}, warmSeconds = 1): Promise<Server> {
  const child = tsxChild('server-child.ts', args);
  try {
    const { url } = (await firstLine(child)) as { url: string };
    await load(url + warmPath, warmSeconds, headers); // warm-up: JIT and connection setup
    return { url, child };
  } catch (error) {
    await stop(child);
    throw error;
  }
}

export interface ThroughputRuns {
  bare: Load & { rounds: number[] };
  bareHmac: Load & { rounds: number[] };
  mockttp: Load & { rounds: number[] };
  inboxEmpty: Load & { rounds: number[] };
  triggerHmac: Load & { rounds: number[] };
  /** the trigger path with retention full (RETENTION_KEEP), each launch also evicting */
  triggerFull: Load & { rounds: number[] };
  inboxFull: Load & { rounds: number[] };
}

/** captures (and log entries, runs) kept for the retention-full trigger figure: the warm-up alone fills it */
export const RETENTION_KEEP = 20_000;

export async function throughput(opts: {
  root: string;
  fullDir: string;
  rounds: number;
  seconds: number;
  log: (line: string) => void;
}): Promise<ThroughputRuns> {
  const { root, fullDir, rounds, seconds, log } = opts;
  const runs: Record<keyof ThroughputRuns, Load[]> = { bare: [], bareHmac: [], mockttp: [], inboxEmpty: [], triggerHmac: [], triggerFull: [], inboxFull: [] };
  const fixed = {
    bare: await startServer(['bare'], INBOX_PATH),
    bareHmac: await startServer(['bare-hmac'], TRIGGER_PATH, SIGNED),
    mockttp: await startServer(['mockttp'], INBOX_PATH),
    full: await startServer(['engine', fullDir], INBOX_PATH),
  };
  // a fresh, empty data dir for each engine of each round: a 5 s run stores 100k+ captures
  // (warmed longer than the long-lived servers, which are warm from earlier rounds)
  const fresh = async (name: string, warmPath: string, headers: Record<string, string>, run: (s: Server) => Promise<Load>, keep?: number): Promise<Load> => {
    const server = await startServer(['engine', path.join(root, name), ...(keep ? [String(keep)] : [])], warmPath, headers, 3);
    try {
      return await run(server);
    } finally {
      await stop(server.child);
    }
  };
  const checked = (what: string, l: Load): Load => {
    if (l.non2xx || l.errors || !l.reqPerSec) throw new Error(`${what}: ${l.non2xx} non-2xx answers and ${l.errors} errors under load`);
    return l;
  };
  try {
    for (let round = 0; round < rounds; round++) {
      runs.bare.push(checked('bare', await load(fixed.bare.url + INBOX_PATH, seconds)));
      runs.mockttp.push(checked('mockttp', await load(fixed.mockttp.url + INBOX_PATH, seconds)));
      runs.inboxEmpty.push(checked('inbox', await fresh(`inbox-${round}`, INBOX_PATH, {}, (s) => load(s.url + INBOX_PATH, seconds))));
      runs.bareHmac.push(checked('bare-hmac', await load(fixed.bareHmac.url + TRIGGER_PATH, seconds, SIGNED)));
      runs.triggerHmac.push(checked('trigger', await fresh(`trigger-${round}`, TRIGGER_PATH, SIGNED, (s) => load(s.url + TRIGGER_PATH, seconds, SIGNED))));
      runs.triggerFull.push(
        checked(
          'trigger (retention full)',
          await fresh(`trigger-full-${round}`, TRIGGER_PATH, SIGNED, (s) => load(s.url + TRIGGER_PATH, seconds, SIGNED), RETENTION_KEEP),
        ),
      );
      runs.inboxFull.push(checked('inbox (stored)', await load(fixed.full.url + INBOX_PATH, seconds)));
      log(
        `  round ${round + 1}/${rounds}: bare ${runs.bare[round].reqPerSec}, mockttp ${runs.mockttp[round].reqPerSec}, inbox ${runs.inboxEmpty[round].reqPerSec}, ` +
          `bare-hmac ${runs.bareHmac[round].reqPerSec}, trigger ${runs.triggerHmac[round].reqPerSec}, trigger with retention full ${runs.triggerFull[round].reqPerSec}, inbox with stored ${runs.inboxFull[round].reqPerSec} req/s`,
      );
    }
  } finally {
    for (const server of Object.values(fixed)) await stop(server.child);
  }
  return {
    bare: median(runs.bare),
    bareHmac: median(runs.bareHmac),
    mockttp: median(runs.mockttp),
    inboxEmpty: median(runs.inboxEmpty),
    triggerHmac: median(runs.triggerHmac),
    triggerFull: median(runs.triggerFull),
    inboxFull: median(runs.inboxFull),
  };
}
