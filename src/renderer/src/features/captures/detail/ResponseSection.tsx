import type { CaptureDelivery, CapturedResponse } from '../../../../../shared/capture';
import { PairsTable } from '../../../components/PairsTable';
import { StatusCode } from '../../../components/StatusCode';

/** What the receiver answered: useful when a sender retries on anything but 2xx. */
export function ResponseSection({ response, delivery }: { response: CapturedResponse; delivery: CaptureDelivery }) {
  return (
    <section className="detail-section" data-testid="response">
      <h3>
        {delivery.delivered ? 'Response sent' : 'Response'} <StatusCode status={response.status} />
      </h3>
      {!delivery.delivered && <p className="field-warning" data-testid="response-undelivered">Not delivered: {delivery.note}</p>}
      <PairsTable pairs={response.headers} testId="response-headers-table" empty="No headers set." />
      <p className="muted small" data-testid="response-headers-note">
        The headers the trigger or the inbox response set. The HTTP server adds its own on the wire (Date, Connection, Keep-Alive and Content-Length or Transfer-Encoding), which are not stored.
      </p>
      {response.body ? <pre className="code-block" data-testid="response-body">{response.body}</pre> : <p className="muted small">Empty body.</p>}
    </section>
  );
}
