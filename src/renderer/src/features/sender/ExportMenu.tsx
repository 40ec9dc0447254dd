// Copy the composed request as curl (signature computed in the shell), Node fetch, Python, or HAR.
import { exportDraft, exportHar } from '../../store/senderActions';
import { useEffect, useRef, useState } from 'react';
import type { SendDraft } from '@shared/signing/types';
import { describeError } from '../../api/envelope';
import { CopyButton } from '../../components/CopyButton';

export function ExportMenu({ draft, sentId }: { draft: SendDraft; sentId: string | null }) {
  const [out, setOut] = useState<{ text: string; warnings: string[] } | null>(null);
  const [withSecrets, setWithSecrets] = useState(false);
  const outRef = useRef<HTMLDivElement>(null);
  // the output appears where the user clicked and is brought into view, not left below the fold
  useEffect(() => {
    if (out) outRef.current?.scrollIntoView({ block: 'nearest' });
  }, [out]);
  const show = (format: 'curl' | 'fetch' | 'python') =>
    exportDraft({ draft, format, includeSecrets: withSecrets }).then(setOut, (e) => setOut({ text: '', warnings: [describeError(e)] }));
  const har = () =>
    sentId &&
    exportHar({ sentIds: [sentId], includeSecrets: withSecrets }).then(
      ({ json }) => setOut({ text: json, warnings: [] }),
      (e) => setOut({ text: '', warnings: [describeError(e)] }),
    );
  return (
    <div className="sender-export" data-testid="export-menu">
      <div className="sender-row">
        <button type="button" className="button button-small" data-testid="export-curl" onClick={() => void show('curl')}>
          curl
        </button>
        <button type="button" className="button button-small" data-testid="export-fetch" onClick={() => void show('fetch')}>
          Node fetch
        </button>
        <button type="button" className="button button-small" data-testid="export-python" onClick={() => void show('python')}>
          Python
        </button>
        <button type="button" className="button button-small" data-testid="export-har" disabled={!sentId} onClick={() => void har()}>
          HAR (last sent)
        </button>
        <label className="sender-check small">
          <input type="checkbox" checked={withSecrets} onChange={(e) => setWithSecrets(e.target.checked)} /> include literal secrets
        </label>
      </div>
      {out && (
        <div ref={outRef} className="sender-export-out" data-testid="export-output">
          {out.warnings.map((w) => (
            <p key={w} className="banner banner-warn small">
              {w}
            </p>
          ))}
          {out.text && (
            <>
              <div className="sender-row">
                <CopyButton text={out.text} testId="export-copy">
                  Copy
                </CopyButton>
                <button type="button" className="button button-small" onClick={() => setOut(null)}>
                  Close
                </button>
              </div>
              <pre className="mono small sender-code" data-testid="export-text">
                {out.text}
              </pre>
            </>
          )}
        </div>
      )}
    </div>
  );
}
