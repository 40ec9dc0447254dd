import { useEffect, useState } from 'react';
import { analyzeBody } from '../../lib/body';
import { decodeContentEncoding } from '../../lib/decompress';
import { formatBytes } from '../../lib/format';
import { HexView } from './HexView';
import { JsonTree } from './JsonTree';
import { RawView } from './RawView';

type State = { status: 'working' } | { status: 'done'; bytes: Uint8Array } | { status: 'failed'; message: string };

/** The body with its Content-Encoding undone, then shown as JSON, text or hex like any body. */
export function DecodedView({ bytes, encodings, contentType }: { bytes: Uint8Array; encodings: string[]; contentType: string | null }) {
  const [state, setState] = useState<State>({ status: 'working' });
  useEffect(() => {
    let live = true;
    setState({ status: 'working' });
    decodeContentEncoding(bytes, encodings).then(
      (decoded) => live && setState({ status: 'done', bytes: decoded }),
      (error: Error) => live && setState({ status: 'failed', message: error.message }),
    );
    return () => {
      live = false;
    };
  }, [bytes, encodings]);

  if (state.status === 'working')
    return (
      <p className="muted small" data-testid="body-view-decoded">
        Decoding {encodings.join(', ')}…
      </p>
    );
  if (state.status === 'failed')
    return (
      <p className="banner banner-error small" data-testid="body-view-decoded">
        Cannot decode: {state.message}
      </p>
    );
  const analysis = analyzeBody(state.bytes, contentType);
  return (
    <div data-testid="body-view-decoded">
      <p className="muted small">
        {encodings.join(', ')}: {formatBytes(bytes.length)} → {formatBytes(state.bytes.length)} decoded
      </p>
      {analysis.json ? <JsonTree value={analysis.json.value} /> : analysis.text !== null ? <RawView text={analysis.text} /> : <HexView bytes={state.bytes} />}
    </div>
  );
}
