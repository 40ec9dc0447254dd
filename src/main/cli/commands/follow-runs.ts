// `send --follow`: after the trigger run settles, follow each execution and pipeline it launched
// (through the control API of the serve that ran them) until each one ends.
import type { TrackedRun } from '../../../shared/signing/types';
import { openAccess } from '../access';
import { CliError } from '../command';

const ENDED = ['completed', 'error', 'stopped'];

export async function followLaunched(track: TrackedRun, dataDirFlag: string | undefined, json: boolean, timeoutMs: number): Promise<number> {
  const last = track.timeline[track.timeline.length - 1];
  const launched = (last?.result ?? []).map((r) => (r.action === 'run_execution' ? { kind: 'execution' as const, id: r.execution_id, name: r.execution_step } : { kind: 'pipeline' as const, id: r.pipeline_id, name: r.pipeline_name }));
  if (!launched.length) {
    if (!json) console.log('follow: the trigger run launched no execution or pipeline');
    return track.status === 'completed' ? 0 : 1;
  }
  const access = await openAccess(dataDirFlag);
  if (access.kind !== 'serve') throw new CliError(`--follow reads the runs from the serve of the data dir, and none runs on ${access.dataDir} (pass --data-dir)`);
  const until = Date.now() + timeoutMs;
  let failed = 0;
  for (const item of launched) {
    let status = '';
    for (;;) {
      const now = item.kind === 'execution'
        ? (await access.client.call('runs.getExecution', { id: item.id }))?.execution.status
        : (await access.client.call('runs.getPipeline', { id: item.id }))?.pipeline.status;
      if (now === undefined) throw new CliError(`the serve of ${access.dataDir} has no ${item.kind} ${item.id} (is --data-dir the one the URL belongs to?)`);
      if (now !== status) {
        status = now;
        console.log(json ? JSON.stringify({ kind: item.kind, id: item.id, name: item.name, status }) : `${item.kind} ${item.id} (${item.name}): ${status}`);
      }
      if (ENDED.includes(status)) break;
      if (Date.now() > until) {
        console.log(json ? JSON.stringify({ kind: item.kind, id: item.id, status: 'timed-out' }) : `${item.kind} ${item.id}: still ${status}, giving up`);
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    if (status !== 'completed') failed++;
  }
  return failed ? 1 : 0;
}
