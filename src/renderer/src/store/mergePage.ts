// Merging pages fetched from the engine into the list without duplicating live arrivals.
import type { CaptureSummary } from '@shared/capture';

/** Older page appended at the end; anything already present (by seq) is skipped. */
export function appendOlder(items: CaptureSummary[], page: CaptureSummary[]): CaptureSummary[] {
  const lowest = items.length ? items[items.length - 1].seq : Infinity;
  return items.concat(page.filter((item) => item.seq < lowest));
}

/** A freshly fetched head page: the rows newer than our top go in front. */
export function prependNewer(items: CaptureSummary[], head: CaptureSummary[]): CaptureSummary[] {
  const top = items.length ? items[0].seq : -Infinity;
  const newer = head.filter((item) => item.seq > top);
  return newer.length ? newer.concat(items) : items;
}
