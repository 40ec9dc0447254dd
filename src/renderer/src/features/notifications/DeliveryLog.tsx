// The delivery log: filters, a virtualised list with a selection to redeliver, and the detail.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { NOTIFICATION_EVENT_TYPES, type DeliveryStatus, type NotificationEventType } from '@shared/notifications';
import { describeError } from '../../api/envelope';
import { openDelivery, redeliver, setDeliveryFilter } from '../../store/notificationActions';
import { useAppStore } from '../../store/store';
import { DeliveryDetailPane } from './DeliveryDetailPane';
import { activateOnKey } from '../../components/activateOnKey';
import { Time } from '../../components/Time';

const ROW = 34;
const STATUSES: DeliveryStatus[] = ['pending', 'retrying', 'succeeded', 'failed'];

export function DeliveryLog() {
  const { deliveries, filter, openDeliveryId, view } = useAppStore((s) => s.notifications);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: deliveries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 10,
    getItemKey: (i) => deliveries[i].id,
  });
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  async function redeliverSelected(ids: string[]) {
    try {
      await redeliver(ids);
      setSelected(new Set());
      setError(null);
    } catch (e) {
      setError(describeError(e));
    }
  }

  return (
    <div className="notify-log">
      <div className="notify-filters" data-testid="delivery-filters">
        <select
          className="input"
          aria-label="Channel"
          value={filter.channelId ?? ''}
          data-testid="delivery-filter-channel"
          onChange={(e) => void setDeliveryFilter({ ...filter, channelId: e.target.value || undefined })}
        >
          <option value="">All channels</option>
          {(view?.channels ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <select
          className="input"
          aria-label="Status"
          value={filter.status ?? ''}
          data-testid="delivery-filter-status"
          onChange={(e) => void setDeliveryFilter({ ...filter, status: (e.target.value || undefined) as DeliveryStatus | undefined })}
        >
          <option value="">Any status</option>
          {STATUSES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <select
          className="input"
          aria-label="Event type"
          value={filter.eventType ?? ''}
          data-testid="delivery-filter-event"
          onChange={(e) => void setDeliveryFilter({ ...filter, eventType: (e.target.value || undefined) as NotificationEventType | undefined })}
        >
          <option value="">Any event</option>
          {NOTIFICATION_EVENT_TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
        <span className="muted small" data-testid="delivery-count">
          {deliveries.length} deliveries
        </span>
        <button
          type="button"
          className="button button-small"
          data-testid="redeliver-selected"
          disabled={!selected.size}
          onClick={() => void redeliverSelected([...selected])}
        >
          Redeliver {selected.size || ''} selected
        </button>
        {error && (
          <span className="notify-error small" role="alert">
            {error}
          </span>
        )}
      </div>
      <div className="notify-log-split">
        <div className="notify-log-scroll" ref={scrollRef} data-testid="delivery-list" role="listbox" aria-label="Deliveries">
          {!deliveries.length && (
            <p className="muted notify-pad" data-testid="delivery-empty">
              {Object.values(filter).some(Boolean)
                ? 'No deliveries match these filters.'
                : 'No deliveries yet. Route an event to a channel, send a test, or use the simulator.'}
            </p>
          )}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((row) => {
              const d = deliveries[row.index];
              return (
                <div
                  key={row.key}
                  role="option"
                  aria-selected={d.id === openDeliveryId}
                  data-testid="delivery-row"
                  data-delivery-id={d.id}
                  data-status={d.status}
                  className={`delivery-row${d.id === openDeliveryId ? ' is-open' : ''}`}
                  style={{ transform: `translateY(${row.start}px)`, height: ROW }}
                  tabIndex={0}
                  onClick={() => openDelivery(d.id)}
                  onKeyDown={activateOnKey(() => openDelivery(d.id))}
                >
                  <input
                    type="checkbox"
                    aria-label="Select for redelivery"
                    checked={selected.has(d.id)}
                    onClick={(e) => e.stopPropagation()}
                    onChange={() => toggle(d.id)}
                  />
                  <span className="muted small nowrap">
                    <Time at={d.createdAt} relative />
                  </span>
                  <span className={`delivery-status delivery-${d.status}`}>{d.status}</span>
                  <span className="mono small ellipsis">{d.eventType}</span>
                  <span className="small ellipsis" title={d.target.url}>
                    {d.target.channelName}
                  </span>
                  <span className="small muted">
                    {d.attemptCount}×{d.lastStatus ? ` · ${d.lastStatus}` : ''}
                  </span>
                  <span className="small notify-bad ellipsis" title={d.lastError}>
                    {d.status === 'succeeded' ? '' : (d.lastError ?? '')}
                  </span>
                </div>
              );
            })}
          </div>
        </div>
        <div className="notify-log-detail">
          {openDeliveryId ? (
            <DeliveryDetailPane id={openDeliveryId} onRedeliver={(id) => void redeliverSelected([id])} />
          ) : (
            <p className="muted notify-pad">Choose a delivery to see every attempt.</p>
          )}
        </div>
      </div>
    </div>
  );
}
