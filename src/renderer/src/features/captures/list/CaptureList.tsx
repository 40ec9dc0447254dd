import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useNow } from '../../../hooks/useNow';
import { loadOlderCaptures, openCapture, selectCapture } from '../../../store/captureActions';
import { selectCaptures, selectUnread } from '../../../store/selectors';
import { useAppStore } from '../../../store/store';
import { isUnread } from '../../../store/unread';
import { CaptureRow } from './CaptureRow';

const ROW_HEIGHT = 30;
/** start fetching the next page this many rows before the end */
const PREFETCH_ROWS = 30;

export function CaptureList() {
  const { items, selectedId, openId, hasMore, loadingMore, status } = useAppStore(selectCaptures);
  const unread = useAppStore(selectUnread);
  const now = useNow(10_000);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => items[index].id,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastIndex = virtualRows.length ? virtualRows[virtualRows.length - 1].index : -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= items.length - PREFETCH_ROWS) void loadOlderCaptures();
  }, [lastIndex, items.length, hasMore, loadingMore]);

  // keep the keyboard cursor visible
  useEffect(() => {
    if (!selectedId) return;
    const index = useAppStore.getState().captures.items.findIndex((item) => item.id === selectedId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [selectedId, virtualizer]);

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
        {status === 'ready' && items.length === 0 && <p className="capture-list-none muted" data-testid="no-matches">No requests match these filters.</p>}
        {status === 'loading' && items.length === 0 && <p className="capture-list-none muted">Loading…</p>}
        <div className="capture-list-inner" style={{ height: virtualizer.getTotalSize() }}>
          {virtualRows.map((row) => {
            const summary = items[row.index];
            return (
              <CaptureRow
                key={row.key}
                summary={summary}
                top={row.start}
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
