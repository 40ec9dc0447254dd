import { useState } from 'react';
import { selectEngine } from '../store/selectors';
import { useAppStore } from '../store/store';

/**
 * What the engine found wrong in its data dir at start: damaged journal ranges it skipped
 * (left on disk, never deleted) and permissions wider than owner-only. Dismissable per session.
 */
export function StorageBanner() {
  const engine = useAppStore(selectEngine);
  const [dismissed, setDismissed] = useState(false);
  const damage = engine?.storage?.damage ?? [];
  const warnings = engine?.storage?.warnings ?? [];
  if (dismissed || (!damage.length && !warnings.length)) return null;
  const recovered = new Map(damage.map((d) => [d.file, d.recordsRecovered]));
  const skipped = damage.reduce((n, d) => n + d.bytesSkipped, 0);
  return (
    <div className="banner banner-warn" role="status" data-testid="storage-banner">
      {damage.length > 0 && (
        <strong>
          Damaged storage: {damage.length} damaged range{damage.length === 1 ? '' : 's'} ({skipped} bytes) skipped in {recovered.size} journal file
          {recovered.size === 1 ? '' : 's'}; every intact record was recovered and nothing was deleted.{' '}
        </strong>
      )}
      {warnings.length > 0 && <strong>Data dir permissions: other users can read it. </strong>}
      <details className="storage-banner-details">
        <summary>Details</summary>
        <ul>
          {damage.map((d) => (
            <li key={`${d.file}:${d.offset}`}>
              <code>{d.file}</code> at offset {d.offset}: {d.action === 'torn-tail-cut' ? 'cut a torn tail of' : 'skipped'} {d.bytesSkipped} bytes;{' '}
              {d.keptAs && (
                <>
                  (kept in <code>{d.keptAs}</code>){' '}
                </>
              )}
              {d.recordsRecovered} intact records recovered from this file
            </li>
          ))}
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      </details>
      <button type="button" className="storage-banner-dismiss" onClick={() => setDismissed(true)}>
        Dismiss
      </button>
    </div>
  );
}
