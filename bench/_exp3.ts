import { loadSnapshot } from '../src/main/engine/store/capture-snapshot';
import { openJournal } from '../src/main/engine/store/journal';
async function main() {
  const dir = '/tmp/perfsearch/d100k/captures';
  const j = await openJournal<unknown>({ dir, readOnly: true });
  for (let i = 0; i < 3; i++) {
    const c = process.cpuUsage(); const t = performance.now();
    const s = await loadSnapshot(dir, j.segmentSizes());
    const d = process.cpuUsage(c);
    console.log(Math.round(performance.now() - t), 'ms', Math.round((d.user + d.system) / 1000), 'cpu', s?.index.count);
  }
  await j.close();
}
void main();
