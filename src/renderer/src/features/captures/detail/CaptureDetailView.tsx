import { useMemo } from 'react';
import type { CaptureDetail } from '@shared/capture';
import { PairsTable } from '../../../components/PairsTable';
import { MethodBadge } from '../../../components/MethodBadge';
import { StatusCode } from '../../../components/StatusCode';
import { CopyButton } from '../../../components/CopyButton';
import { deleteWithUndo } from '../undoDelete';
import { replayCapture } from '../../../store/senderActions';
import { selectReceiverUrl } from '../../../store/selectors';
import { useAppStore } from '../../../store/store';
import { base64ToBytes } from '../../../lib/body';
import { buildCurl } from '../lib/curl';
import { formatBytes, formatExactTime } from '../../../lib/format';
import { parseQuery } from '../../../lib/query';
import { BodyViewer } from '../../../components/body/BodyViewer';
import { ResponseSection } from './ResponseSection';
import { TimingSection } from './TimingSection';
import { TraceSection } from '../../triggers';

export function CaptureDetailView({ detail }: { detail: CaptureDetail }) {
  const receiverUrl = useAppStore(selectReceiverUrl) ?? 'http://127.0.0.1:7780';
  const bytes = useMemo(() => base64ToBytes(detail.bodyBase64), [detail.bodyBase64]);
  const query = useMemo(() => parseQuery(detail.url), [detail.url]);
  const curl = () =>
    buildCurl({
      method: detail.method,
      url: new URL(receiverUrl).origin + detail.url,
      headers: detail.rawHeaders,
      body: bytes,
      bodyTruncated: detail.bodyTruncated,
    });

  return (
    <article className="detail-view" data-testid="capture-detail" data-capture-id={detail.id}>
      <header className="detail-head">
        <div className="detail-line" data-testid="request-line">
          <MethodBadge method={detail.method} />
          <code className="detail-url" title={detail.url}>
            {detail.url}
          </code>
          <span className="muted mono">HTTP/{detail.httpVersion}</span>
          <span className="detail-arrow muted">→</span>
          <StatusCode status={detail.status} />
        </div>
        <div className="detail-actions">
          <CopyButton text={curl} label="Copy as curl" testId="copy-curl" size="normal">
            Copy as curl
          </CopyButton>
          <button type="button" className="button" data-testid="replay-capture-button" onClick={() => replayCapture(detail.id)}>
            Replay
          </button>
          <button type="button" className="button button-danger-quiet" data-testid="delete-capture" onClick={() => deleteWithUndo([detail.id])}>
            Delete
          </button>
        </div>
      </header>
      <dl className="detail-meta">
        <dt>URL</dt>
        <dd className="mono detail-full-url">{detail.url}</dd>
        <dt>Received</dt>
        <dd>{formatExactTime(detail.receivedAt)}</dd>
        <dt>From</dt>
        <dd className="mono">
          {detail.remoteAddress}:{detail.remotePort}
        </dd>
        <dt>Body</dt>
        <dd data-testid="body-size">
          {formatBytes(detail.bodySize)} <span className="muted">({detail.bodySize.toLocaleString()} bytes)</span>
        </dd>
        {detail.kind !== 'inbox' && (
          <>
            <dt>Route</dt>
            <dd>
              {detail.kind}
              {detail.outcome ? ` · ${detail.outcome}` : ''}
            </dd>
          </>
        )}
      </dl>
      {detail.kind !== 'inbox' && <TraceSection capture={detail} />}

      <section className="detail-section">
        <h3>
          Headers <span className="muted">({detail.rawHeaders.length})</span>
        </h3>
        <PairsTable pairs={detail.rawHeaders} testId="headers-table" empty="No headers." />
      </section>
      {query.length > 0 && (
        <section className="detail-section">
          <h3>
            Query <span className="muted">({query.length})</span>
          </h3>
          <PairsTable pairs={query} testId="query-table" empty="No query." />
        </section>
      )}
      <section className="detail-section">
        <h3>Body</h3>
        <BodyViewer detail={detail} bytes={bytes} />
      </section>
      <TimingSection timings={detail.timings} />
      <ResponseSection response={detail.response} head={detail.responseHead} delivery={detail.delivery ?? { delivered: true }} />
    </article>
  );
}
