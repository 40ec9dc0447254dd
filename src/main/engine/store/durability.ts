// How far an answered request is guaranteed to survive. process-kill (default): its journal
// write is in the OS page cache before the answer, so kill -9 or a crash loses nothing, a
// power loss or kernel panic may lose the last moments. power-loss: the journals on the answer
// path (captures, trigger log, trigger runs) fdatasync each group commit before answering —
// measured by `npm run bench` (durability stage) at far more than the 15 % throughput budget
// on this project's reference machine, hence not the default.
export type Durability = 'process-kill' | 'power-loss';

export const DURABILITY_LEVELS: readonly Durability[] = ['process-kill', 'power-loss'];

/** `--durability` or $HOOKBENCH_DURABILITY; undefined/empty means the default */
export function parseDurability(value: string | undefined, source: string): Durability {
  if (value === undefined || value === '') return 'process-kill';
  if ((DURABILITY_LEVELS as readonly string[]).includes(value)) return value as Durability;
  throw new Error(`${source} must be one of ${DURABILITY_LEVELS.join(', ')} (got ${JSON.stringify(value)})`);
}
