import { CopyButton } from '../../../components/CopyButton';

/**
 * Expected vs received. Two HMAC digests are compared whole: any change to the key or to one
 * byte of the basestring changes every character, so where they part says nothing about why.
 */
export function SignatureCompare({ expected, received }: { expected?: string; received?: string }) {
  const both = expected !== undefined && received !== undefined;
  const matched = both && expected.toLowerCase() === received.toLowerCase();
  return (
    <dl className="sigs" data-testid="signature-compare" data-match={matched ? 'true' : 'false'}>
      <dt>Expected</dt>
      <dd>
        {expected !== undefined ? (
          <>
            <code className="sig" data-testid="sig-expected">
              {expected}
            </code>
            <CopyButton text={expected} label="Copy expected signature" />
          </>
        ) : (
          <span className="muted">not computed</span>
        )}
      </dd>
      <dt>Received</dt>
      <dd>
        {received !== undefined ? (
          <code className={`sig${matched ? '' : ' sig-mismatch'}`} data-testid="sig-received">
            {received}
          </code>
        ) : (
          <span className="muted">none in the request</span>
        )}
      </dd>
      {both && (
        <>
          <dt />
          <dd className={matched ? 'ok-text' : 'danger-text'} data-testid="sig-verdict">
            {matched
              ? 'Signatures match.'
              : expected.length !== received.length
                ? `Signatures differ, and so do their lengths (${expected.length} vs ${received.length} characters): the sender may use another algorithm or encoding.`
                : 'Signatures differ. A digest changes completely when the key or any byte of the basestring changes, so it cannot say which: Diagnose and the comparator below can.'}
          </dd>
        </>
      )}
    </dl>
  );
}
