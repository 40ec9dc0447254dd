import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { useNow } from '../../hooks/useNow';
import { selectTriggerLog } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { openLogEntry } from '../../store/triggerLogActions';
import { LOG_ROW_HEIGHT, LogRow } from './LogRow';

export function LogList() {
  const { entries, openEntryId, status, filter } = useAppStore(selectTriggerLog);
  const now = useNow(10_000);
  const triggers = useAppStore((s) => s.triggers.items);
  const titles = useMemo(() => new Map(triggers.map((t) => [t.id, t.title])), [triggers]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LOG_ROW_HEIGHT,
    overscan: 10,
    getItemKey: (i) => entries[i].id,
  });
  const filtered = Object.keys(filter).length > 0;
  return (
    <section className="log-list" aria-label="Trigger log">
      <div className="log-row log-head" aria-hidden="true">
        <span>Time</span>
        <span>Trigger</span>
        <span>Outcome</span>
        <span>Status</span>
        <span>Failed condition / run</span>
      </div>
      <div className="log-scroll" ref={scrollRef} role="listbox" aria-label="Log entries" data-testid="log-list">
        {status === 'loading' && entries.length === 0 && <p className="muted pad">Loading…</p>}
        {status === 'ready' &&
          entries.length === 0 &&
          (filtered ? (
            <p className="muted pad" data-testid="log-no-matches">
              No entries match these filters.
            </p>
          ) : (
            <div className="pad" data-testid="log-empty">
              <p>
                <strong>No trigger requests yet.</strong>
              </p>
              <p className="muted">
                Every request to a launch URL (<code>/api/v0/launch/&lt;id&gt;/</code>) is evaluated and logged here, with each condition's verdict. Create a
                trigger on the Triggers page and send a request to its URL.
              </p>
            </div>
          ))}
        <div className="log-inner" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const entry = entries[row.index];
            return (
              <LogRow
                key={row.key}
                entry={entry}
                title={titles.get(entry.triggerId) ?? entry.triggerId}
                top={row.start}
                open={entry.id === openEntryId}
                now={now}
                onOpen={openLogEntry}
              />
            );
          })}
        </div>
      </div>
    </section>
  );
}
