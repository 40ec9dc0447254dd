// Journal replay time beside the time to merely read the same segment files start to end.
import { promises as fs } from 'node:fs';
import { openJournal } from '../src/main/engine/store/journal';

export async function replayFigure(dir: string): Promise<{ records: number; replayMs: number; baselineReadFilesMs: number; bytes: number }> {
  let started = performance.now();
  let bytes = 0;
  for (const name of (await fs.readdir(dir)).sort()) bytes += (await fs.readFile(`${dir}/${name}`)).length;
  const baselineReadFilesMs = Math.round(performance.now() - started);

  started = performance.now();
  const journal = await openJournal<unknown>({ dir });
  let records = 0;
  await journal.replay(() => {
    records++;
  });
  const replayMs = Math.round(performance.now() - started);
  await journal.close();
  return { records, replayMs, baselineReadFilesMs, bytes };
}
