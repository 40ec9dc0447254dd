import { useEffect, useMemo, useRef } from 'react';
import { useFixedRows } from '../../../hooks/useFixedRows';
import { useNow } from '../../../hooks/useNow';
import { ensureCaptureRows, openCapture, selectCapture } from '../../../store/captureActions';
import { indexOfCapture, listLength, rowAt } from '../../../store/captureWindow';
import { selectCaptures, selectTriggerItems, selectUnread } from '../../../store/selectors';
import { useAppStore } from '../../../store/store';
import { isUnread } from '../../../store/unread';
import { CaptureRow } from './CaptureRow';

/** two lines: the path, then what the request was (trigger and outcome, event, sender) */
const ROW_HEIGHT = 44;
/** rows beyond the visible ones that should be loaded before they scroll into view */
const PREFETCH_ROWS = 30;

export function CaptureList() {
  const captures = useAppStore(selectCaptures);
  const { items, selectedId, openId, loadingMore, status } = captures;
  // the list is as long as every match, loaded or not: the scrollbar spans them all
  const count = listLength(captures);
  const unread = useAppStore(selectUnread);
  const now = useNow(10_000);
  // rows name the trigger a request hit by its title (triggers load at start)
  const triggers = useAppStore(selectTriggerItems);
  const titles = useMemo(() => new Map(triggers.map((t) => [t.id, t.title])), [triggers]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // equally tall rows: the rows on screen cost the same at a hundred matches or a million
  const { rows: virtualRows, totalHeight, scrollToIndex } = useFixedRows({ count, rowHeight: ROW_HEIGHT, overscan: 12, scrollRef });
  const firstIndex = virtualRows.length ? virtualRows[0].index : -1;
  const lastIndex = virtualRows.length ? virtualRows[virtualRows.length - 1].index : -1;

  // whatever is on screen (plus a margin) gets loaded: the next page when scrolling on, a
  // window by offset after a jump or a drag of the scrollbar
  useEffect(() => {
    if (lastIndex >= 0) void ensureCaptureRows(firstIndex, lastIndex + 1 + PREFETCH_ROWS);
  }, [firstIndex, lastIndex, items.length, captures.deep, loadingMore]);

  // keep the keyboard cursor visible
  useEffect(() => {
    if (!selectedId) return;
    const index = indexOfCapture(useAppStore.getState().captures, selectedId);
    if (index >= 0) scrollToIndex(index);
  }, [selectedId, scrollToIndex]);

  return (
    <section className="capture-list" aria-label="Captured requests">
      <div className="capture-list-head" aria-hidden="true">
        <span />
        <span>Method</span>
        <span>Path</span>
        <span>Status</span>
        <span className="align-right">Size</span>
        <span className="align-right">Time</span>
      </div>
      <div className="capture-list-scroll" ref={scrollRef} data-testid="capture-list" role="listbox" aria-label="Requests">
        {status === 'ready' && items.length === 0 && (
          <p className="capture-list-none muted" data-testid="no-matches">
            No requests match these filters.
          </p>
        )}
        {status === 'loading' && items.length === 0 && <p className="capture-list-none muted">Loading…</p>}
        <div className="capture-list-inner" style={{ height: totalHeight }}>
          {virtualRows.map((row) => {
            const summary = rowAt(captures, row.index);
            if (!summary)
              return (
                <div
                  key={`row-${row.index}`}
                  className="capture-row capture-row-pending"
                  style={{ transform: `translateY(${row.top}px)` }}
                  data-testid="capture-row-pending"
                  aria-hidden="true"
                />
              );
            return (
              <CaptureRow
                key={summary.id}
                summary={summary}
                triggerTitle={summary.triggerId ? titles.get(summary.triggerId) : undefined}
                top={row.top}
                selected={summary.id === selectedId}
                tabStop={selectedId ? summary.id === selectedId : row.index === 0}
                open={summary.id === openId}
                unread={isUnread(unread, summary.seq)}
                now={now}
                onSelect={selectCapture}
                onOpen={openCapture}
              />
            );
          })}
        </div>
        {loadingMore && <p className="capture-list-more muted">Loading older requests…</p>}
      </div>
    </section>
  );
}
