// Decides on the client whether a live capture belongs in the filtered list. Summaries carry
// no headers or body, so some filters can only be answered by the engine: 'unknown'.
import type { CaptureFilter, CaptureSummary } from '@shared/capture';

export type MatchResult = true | false | 'unknown';

export function isFilterEmpty(filter: CaptureFilter): boolean {
  return !filter.text && !filter.methods?.length && !filter.path && !filter.header && !filter.body && !filter.kind && !filter.triggerId;
}

export function summaryMatchesFilter(summary: CaptureSummary, filter: CaptureFilter): MatchResult {
  if (filter.methods?.length && !filter.methods.some((m) => m.toUpperCase() === summary.method.toUpperCase())) return false;
  if (filter.path && !summary.path.toLowerCase().includes(filter.path.toLowerCase())) return false;
  if (filter.kind && summary.kind !== filter.kind) return false;
  if (filter.triggerId && summary.triggerId !== filter.triggerId) return false;
  if (filter.header || filter.body) return 'unknown';
  if (filter.text) {
    const text = filter.text.toLowerCase();
    if (summary.method.toLowerCase().includes(text) || summary.url.toLowerCase().includes(text)) return true;
    return 'unknown';
  }
  return true;
}
