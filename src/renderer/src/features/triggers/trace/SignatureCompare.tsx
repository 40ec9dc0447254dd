import { CopyButton } from '../../../components/CopyButton';
import { firstDifference, splitAt } from '../lib/signatureDiff';

/** Expected vs received, with the first character where they part highlighted in both. */
export function SignatureCompare({ expected, received, diffAt }: { expected?: string; received?: string; diffAt?: number }) {
  const at = diffAt ?? (expected !== undefined && received !== undefined ? firstDifference(expected, received) : -1);
  const matched = expected !== undefined && received !== undefined && at === -1;
  return (
    <dl className="sigs" data-testid="signature-compare" data-match={matched ? 'true' : 'false'}>
      <dt>Expected</dt>
      <dd>{expected !== undefined ? <><SigText text={expected} at={at} testId="sig-expected" /><CopyButton text={expected} label="Copy expected signature" /></> : <span className="muted">not computed</span>}</dd>
      <dt>Received</dt>
      <dd>{received !== undefined ? <SigText text={received} at={at} testId="sig-received" /> : <span className="muted">none in the request</span>}</dd>
      {expected !== undefined && received !== undefined && (
        <>
          <dt />
          <dd className={matched ? 'ok-text' : 'danger-text'} data-testid="sig-verdict">
            {matched ? 'Signatures match.' : at === 0 ? 'They differ from the first character: a different key, basestring or algorithm.' : `They differ from character ${at + 1}.`}
          </dd>
        </>
      )}
    </dl>
  );
}

function SigText({ text, at, testId }: { text: string; at: number; testId: string }) {
  const parts = splitAt(text, at);
  return (
    <code className="sig" data-testid={testId}>
      <span className="sig-same">{parts.same}</span>
      {parts.diff && <mark className="sig-diff" data-testid={`${testId}-diff`}>{parts.diff}</mark>}
      <span className="sig-rest">{parts.rest}</span>
    </code>
  );
}
