// A sent request's answer: status, timing bars, headers, body (the inbox viewers), changes, run.
import { useMemo } from 'react';
import type { CaptureDetail } from '@shared/capture';
import type { SentRecord, SendTimings } from '@shared/signing/types';
import { PairsTable } from '../../components/PairsTable';
import { StatusCode } from '../../components/StatusCode';
import { BodyViewer } from '../../components/body/BodyViewer';
import { base64ToBytes } from '../../lib/body';
import { trackForSent } from '../../store/senderSlice';
import { useAppStore } from '../../store/store';
import { TrackTimeline } from './TrackTimeline';

const PHASES: Array<[keyof SendTimings, string]> = [
  ['dns', 'DNS'],
  ['connect', 'Connect'],
  ['tls', 'TLS'],
  ['firstByte', 'First byte'],
  ['total', 'Total'],
];

export function TimingBars({ timings }: { timings: SendTimings }) {
  const total = Math.max(timings.total, 0.001);
  return (
    <div className="timing" data-testid="send-timings">
      {PHASES.filter(([k]) => timings[k] !== undefined).map(([k, label]) => (
        <div key={k} style={{ display: 'contents' }}>
          <span className="timing-label">{label}</span>
          <span className="timing-bar">
            <span className="timing-fill timing-body" style={{ width: `${((timings[k] as number) / total) * 100}%` }} />
          </span>
          <span className="mono">{(timings[k] as number).toFixed(1)} ms</span>
        </div>
      ))}
    </div>
  );
}

export function ResponseView({ record }: { record: SentRecord }) {
  const track = useAppStore((s) => trackForSent(s.sender, record.id));
  const res = record.response;
  const bytes = useMemo(() => base64ToBytes(res?.bodyBase64 ?? ''), [res?.bodyBase64]);
  const detail = useMemo(
    () =>
      res
        ? ({
            rawHeaders: res.headers,
            contentType: res.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? null,
            bodyTruncated: res.bodyTruncated,
            bodySize: res.bodySize,
          } as unknown as CaptureDetail)
        : null,
    [res],
  );
  return (
    <section className="sender-response" data-testid="sender-response" data-sent-id={record.id}>
      <header className="detail-line">
        {res ? (
          <StatusCode status={res.status} />
        ) : (
          <span className="banner banner-error small" data-testid="send-error">
            {record.error?.kind}: {record.error?.message}
          </span>
        )}
        {res && <span className="muted">{res.statusText}</span>}
        <code className="detail-url">
          {record.request.method} {record.request.url}
        </code>
      </header>
      <TimingBars timings={record.timings} />
      {record.changed && record.changed.length > 0 && (
        <div data-testid="header-diff">
          <h4>Changed headers</h4>
          <table className="pairs">
            <tbody>
              {record.changed.map((c) => (
                <tr key={c.name}>
                  <td className="mono">{c.name}</td>
                  <td className="mono muted">{c.before ?? '—'}</td>
                  <td className="mono">{c.after ?? '(removed)'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {res && detail && (
        <>
          <h4>Response headers</h4>
          <PairsTable pairs={res.headers} empty="No headers." testId="response-headers" />
          <h4>Response body</h4>
          <div data-testid="response-body">
            <BodyViewer detail={detail} bytes={bytes} />
          </div>
        </>
      )}
      {record.trackNote && (
        <p className="banner banner-warn small" data-testid="track-note">
          {record.trackNote}
        </p>
      )}
      {track && <TrackTimeline track={track} />}
    </section>
  );
}
