import type { CaptureDelivery, CapturedResponse } from '@shared/capture';
import { PairsTable } from '../../../components/PairsTable';
import { StatusCode } from '../../../components/StatusCode';

/** What the receiver answered: useful when a sender retries on anything but 2xx. */
export function ResponseSection({ response, head, delivery }: { response: CapturedResponse; head?: string; delivery: CaptureDelivery }) {
  return (
    <section className="detail-section" data-testid="response">
      <h3>
        {delivery.delivered ? 'Response sent' : 'Response'} <StatusCode status={response.status} />
      </h3>
      {!delivery.delivered && (
        <p className="field-warning" data-testid="response-undelivered">
          Not delivered: {delivery.note}
        </p>
      )}
      {head ? (
        <>
          {/* the block exactly as written: one line per header, CRLFs shown as line breaks */}
          <pre className="code-block response-head" data-testid="response-head" aria-label="Response status line and headers as written">
            {head
              .replace(/\r\n\r\n$/, '')
              .split('\r\n')
              .join('\n')}
          </pre>
          <p className="muted small" data-testid="response-headers-note">
            {delivery.delivered
              ? 'The status line and headers exactly as the receiver wrote them.'
              : 'The status line and headers the receiver had formed; they did not reach the client.'}
          </p>
        </>
      ) : (
        <>
          <PairsTable pairs={response.headers} testId="response-headers-table" empty="No headers set." />
          <p className="muted small" data-testid="response-headers-note" data-reconstructed="true">
            Reconstructed: this capture is older than the recording of the header block, so these are the headers the trigger or the inbox response set. The
            HTTP server adds its own on the wire (Date, Connection, Keep-Alive and Content-Length or Transfer-Encoding), which were not stored.
          </p>
        </>
      )}
      {response.body ? (
        <pre className="code-block" data-testid="response-body">
          {response.body}
        </pre>
      ) : (
        <p className="muted small">Empty body.</p>
      )}
    </section>
  );
}
