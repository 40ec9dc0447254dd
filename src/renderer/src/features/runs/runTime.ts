// Times and durations of runs, as the list and the timelines show them.
import { formatClock, formatDuration } from '../../lib/format';

export function runDuration(startedAt: number | undefined, endedAt: number | undefined, now: number): string {
  if (!startedAt) return '—';
  return formatDuration((endedAt ?? now) - startedAt);
}

export const clockTime = (at: number | undefined): string => (at ? formatClock(at) : '—');

/** Names of nodes grouped by dependency depth: the graph order of a pipeline. */
export function graphLevels(nodes: { name: string; dependsOn?: string[] }[]): string[][] {
  const depth = new Map<string, number>();
  const visit = (name: string, trail: Set<string>): number => {
    if (depth.has(name)) return depth.get(name)!;
    if (trail.has(name)) return 0;
    trail.add(name);
    const node = nodes.find((n) => n.name === name);
    const d = Math.max(-1, ...(node?.dependsOn ?? []).map((u) => visit(u, trail))) + 1;
    depth.set(name, d);
    return d;
  };
  for (const n of nodes) visit(n.name, new Set());
  const levels: string[][] = [];
  for (const n of nodes) (levels[depth.get(n.name)!] ??= []).push(n.name);
  return levels.filter(Boolean);
}
