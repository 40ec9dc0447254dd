// Replay a capture (as-is or re-signed) to the local trigger or any URL, and bulk replay.
import { cancelBulkReplay, replaySent, startBulkReplay } from '../../store/senderActions';
import { useEffect, useState } from 'react';
import type { SigningProfile } from '@shared/signing/types';
import { describeError } from '../../api/envelope';
import { selectReceiverUrl } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { ProfileEditor } from './ProfileEditor';
import { triggerUrls } from './targets';
import { TrackControl, trackingOn } from './TrackControl';

export function ReplayPanel() {
  const captureId = useAppStore((s) => s.sender.replayCaptureId);
  const receiverUrl = useAppStore(selectReceiverUrl);
  const triggers = useAppStore((s) => s.triggers.items);
  const captures = useAppStore((s) => s.captures.items);
  const bulk = useAppStore((s) => s.sender.bulk);
  const [to, setTo] = useState('');
  const [profile, setProfile] = useState<SigningProfile | null>(null);
  const [track, setTrack] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [concurrency, setConcurrency] = useState(4);
  const targets = triggerUrls(receiverUrl, triggers);
  const capture = captures.find((c) => c.id === captureId);
  // an empty To replays to the local receiver at the capture's own path
  const target = to || (capture && receiverUrl ? `${receiverUrl.replace(/\/$/, '')}${capture.url}` : '');

  useEffect(() => {
    if (!to && capture && receiverUrl) setTo(`${receiverUrl.replace(/\/$/, '')}${capture.url}`);
  }, [capture, receiverUrl, to]);

  const replay = async () => {
    if (!captureId) return;
    setBusy(true);
    setError(null);
    try {
      const record = await replaySent({ captureId, to: to || undefined, ...(profile ? { profile } : {}), track: trackingOn(track, target) });
      if (!record) setError('That capture is gone.');
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="sender-replay" data-testid="replay-panel">
      <h3>
        Replay{' '}
        {captureId ? (
          <code data-testid="replay-capture">{capture ? `${capture.method} ${capture.url}` : captureId.slice(0, 8)}</code>
        ) : (
          <span className="muted">— pick a capture in the Inbox and press Replay</span>
        )}
      </h3>
      <label className="sender-to">
        To
        <input
          className="input mono"
          list="sender-targets"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          data-testid="replay-to"
          placeholder="local receiver at the capture's path"
        />
      </label>
      <datalist id="sender-targets">
        {targets.map((t) => (
          <option key={t.url} value={t.url}>
            {t.label}
          </option>
        ))}
      </datalist>
      <p className="small muted">Unsigned = exact bytes and headers. Pick a profile to re-sign with a fresh timestamp and signature.</p>
      <ProfileEditor profile={profile} onChange={setProfile} />
      <div className="sender-row">
        <TrackControl url={target} choice={track} onChange={setTrack} testId="replay-track" />
        <button type="button" className="button button-primary" disabled={!captureId || busy} onClick={() => void replay()} data-testid="replay-send">
          {profile ? 'Re-sign and replay' : 'Replay as-is'}
        </button>
      </div>
      {error && (
        <p className="banner banner-error small" role="alert">
          {error}
        </p>
      )}

      <details className="sender-bulk" data-testid="bulk-panel">
        <summary>Bulk replay</summary>
        <ul className="sender-bulk-list">
          {captures.slice(0, 50).map((c) => (
            <li key={c.id}>
              <label className="sender-check small">
                <input
                  type="checkbox"
                  checked={picked.includes(c.id)}
                  onChange={(e) => setPicked(e.target.checked ? [...picked, c.id] : picked.filter((x) => x !== c.id))}
                />
                <span className="mono">
                  {c.method} {c.url}
                </span>
              </label>
            </li>
          ))}
        </ul>
        <div className="sender-row">
          <label>
            Concurrency{' '}
            <input
              className="input"
              type="number"
              min={1}
              max={32}
              value={concurrency}
              onChange={(e) => setConcurrency(Number(e.target.value) || 1)}
              style={{ width: 70 }}
            />
          </label>
          <button
            type="button"
            className="button"
            disabled={picked.length === 0}
            data-testid="bulk-start"
            onClick={() =>
              startBulkReplay({ captureIds: picked, to: to || undefined, ...(profile ? { profile } : {}), concurrency }).catch((e) =>
                setError(describeError(e)),
              )
            }
          >
            Replay {picked.length}
          </button>
          {bulk && !bulk.finished && (
            <button type="button" className="button button-danger-quiet" data-testid="bulk-cancel" onClick={() => void cancelBulkReplay(bulk.bulkId)}>
              Cancel
            </button>
          )}
        </div>
        {bulk && (
          <div data-testid="bulk-progress">
            <progress max={bulk.total} value={bulk.done} />
            <span className="small">
              {bulk.done}/{bulk.total} · {bulk.ok} ok · {bulk.failed} failed{bulk.cancelled ? ' · cancelled' : bulk.finished ? ' · done' : ''}
            </span>
          </div>
        )}
      </details>
    </section>
  );
}
