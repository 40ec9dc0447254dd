// Sent requests, newest first: search, open, re-send.
import { useState } from 'react';
import type { SentRecord } from '@shared/signing/types';
import { MethodBadge } from '../../components/MethodBadge';
import { StatusCode } from '../../components/StatusCode';
import { loadSender, patchSender } from '../../store/senderActions';
import { useAppStore } from '../../store/store';
import { Time } from '../../components/Time';

export function HistoryList({ onResend }: { onResend(r: SentRecord): void }) {
  const history = useAppStore((s) => s.sender.history);
  const shownId = useAppStore((s) => s.sender.shownId);
  const [text, setText] = useState('');
  return (
    <section className="sender-history" data-testid="sender-history">
      <h3>History</h3>
      <input
        className="input"
        placeholder="Search history (URL, headers, body, status)"
        value={text}
        data-testid="history-search"
        onChange={(e) => {
          setText(e.target.value);
          void loadSender(e.target.value);
        }}
      />
      {history.length === 0 && <p className="muted small">Nothing sent yet.</p>}
      <ul>
        {history.map((r) => (
          <li key={r.id} className={r.id === shownId ? 'is-active' : ''} data-testid="history-row">
            <button type="button" className="sender-history-open" onClick={() => patchSender({ shownId: r.id })}>
              <MethodBadge method={r.request.method} />
              {r.response ? <StatusCode status={r.response.status} /> : <span className="small sender-status sender-status-error">{r.error?.kind}</span>}
              <span className="mono small sender-ellipsis">{r.request.url}</span>
              <span className="muted small">
                {r.source} · <Time at={r.at} />
              </span>
            </button>
            <button type="button" className="button button-small" onClick={() => onResend(r)}>
              Re-send
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
