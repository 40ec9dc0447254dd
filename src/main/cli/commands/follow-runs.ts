// `send --follow`: after the trigger run settles (followed through the run-info endpoint of the
// URL, which needs nothing local), follow each execution and pipeline it launched until each one
// ends. Those live only in the Hookbench that received the request: they are read from the serve
// of --data-dir (its control API) or, when nothing runs there, from its run records on disk.
// When neither has them (the URL belongs to another Hookbench or service) they are reported as
// not followed, with the reason, and the exit code is the trigger run's.
import type { TrackedRun } from '@shared/signing/types';
import { openAccess, type Access } from '../access';
import { CliError } from '../command';
import { openRunSource, type RunSource } from '../run-source';

const ENDED = ['completed', 'error', 'stopped'];

interface Launched {
  kind: 'execution' | 'pipeline';
  id: string;
  name: string;
}

const statusOf = async (source: RunSource, item: Launched): Promise<string | undefined> =>
  item.kind === 'execution' ? (await source.execution(item.id))?.execution.status : (await source.pipeline(item.id))?.pipeline.status;

/** The serve or data dir that ran the launched items, or why there is none. */
async function findHome(first: Launched, dataDirFlag: string | undefined): Promise<{ access: Access; source: RunSource } | { reason: string }> {
  let access: Access;
  try {
    access = await openAccess(dataDirFlag);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    return { reason: `${error.message}; the runs live in the Hookbench that received the request` };
  }
  const source = await openRunSource(access);
  if ((await statusOf(source, first)) !== undefined) return { access, source };
  await source.close();
  return {
    reason:
      access.kind === 'serve'
        ? `the serve of ${access.dataDir} (receiver ${access.client.endpoint.receiverUrl}) has no ${first.kind} ${first.id}: the URL belongs to another Hookbench or service`
        : `nothing runs on ${access.dataDir} and its run records have no ${first.kind} ${first.id}: the URL belongs to another Hookbench or service`,
  };
}

export async function followLaunched(track: TrackedRun, dataDirFlag: string | undefined, json: boolean, timeoutMs: number): Promise<number> {
  const last = track.timeline[track.timeline.length - 1];
  const launched: Launched[] = (last?.result ?? []).map((r) =>
    r.action === 'run_execution'
      ? { kind: 'execution' as const, id: r.execution_id, name: r.execution_step }
      : { kind: 'pipeline' as const, id: r.pipeline_id, name: r.pipeline_name },
  );
  const runOk = track.status === 'completed';
  if (!launched.length) {
    if (!json) console.log('follow: the trigger run launched no execution or pipeline');
    return runOk ? 0 : 1;
  }
  const home = await findHome(launched[0], dataDirFlag);
  if ('reason' in home) {
    for (const item of launched) {
      if (json) console.log(JSON.stringify({ kind: item.kind, id: item.id, name: item.name, status: 'not-followed', reason: home.reason }));
      else console.log(`${item.kind} ${item.id} (${item.name}): launched, not followed`);
    }
    if (!json)
      console.error(
        `hookbench: --follow followed the trigger run (${track.status ?? track.state}) but not what it launched: ${home.reason}. Pass the --data-dir of the Hookbench that received the request to follow them; the exit code is the trigger run's.`,
      );
    return runOk ? 0 : 1;
  }
  let { source } = home;
  const { access } = home;
  const until = Date.now() + timeoutMs;
  let failed = 0;
  try {
    for (const item of launched) {
      let status = '';
      for (;;) {
        const now = await statusOf(source, item);
        if (now === undefined) throw new CliError(`${access.dataDir} has no ${item.kind} ${item.id} (is --data-dir the one the URL belongs to?)`);
        if (now !== status) {
          status = now;
          console.log(json ? JSON.stringify({ kind: item.kind, id: item.id, name: item.name, status }) : `${item.kind} ${item.id} (${item.name}): ${status}`);
        }
        if (ENDED.includes(status)) break;
        if (access.kind === 'local' && !(await heldByLiveProcess(access.dataDir))) {
          console.log(
            json
              ? JSON.stringify({ kind: item.kind, id: item.id, status: 'cut-off' })
              : `${item.kind} ${item.id}: still ${status} on disk, but nothing runs on ${access.dataDir} any more (its engine stopped)`,
          );
          break;
        }
        if (Date.now() > until) {
          console.log(json ? JSON.stringify({ kind: item.kind, id: item.id, status: 'timed-out' }) : `${item.kind} ${item.id}: still ${status}, giving up`);
          break;
        }
        await new Promise((r) => setTimeout(r, 250));
        // records on disk are read afresh each time (the process that holds the data dir writes them)
        if (access.kind === 'local') {
          const fresh = await openRunSource(access);
          await source.close();
          source = fresh;
        }
      }
      if (status !== 'completed') failed++;
    }
  } finally {
    await source.close();
  }
  return runOk && !failed ? 0 : 1;
}

async function heldByLiveProcess(dataDir: string): Promise<boolean> {
  const { dataDirOwner } = await import('../../engine/store/data-dir-lock');
  return (await dataDirOwner(dataDir)) !== null;
}
