// At start, once every journal has been replayed: one line per damaged journal range (file,
// offset, bytes skipped, records recovered) and one per data-dir entry other users can read.
// The same findings go to the UI through engine.info.
import type { StorageHealth } from '@shared/storage-health';
import { damageUnder, describeDamage } from './journal-damage';
import { widePermissionWarnings } from './private-files';

export async function checkStorage(dataDir: string, print: (line: string) => void = (line) => console.warn(line)): Promise<StorageHealth> {
  const damage = damageUnder(dataDir);
  const warnings = await widePermissionWarnings(dataDir);
  for (const d of damage) print(describeDamage(d));
  for (const w of warnings) print(`hookbench: warning: ${w}`);
  return { damage, warnings };
}
