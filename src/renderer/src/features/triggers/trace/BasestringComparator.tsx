// The basestring comparator: paste or upload what the sender signed (its basestring, or the body
// it believes it signed) and see it beside ours byte by byte, with the first differing byte, its
// offset and both bytes in hex; then sign it with the trigger's secret to tell a changed body
// from a different secret.
import { signPlayground } from '../../../store/triggerActions';
import { useEffect, useMemo, useState } from 'react';
import type { HmacTrace } from '@shared/trigger-log';
import type { WebAuthCondition } from '@shared/trigger';
import { renderBasestring } from '@shared/triggers/basestring';
import { toBase64, utf8 } from '@shared/triggers/bytes';
import { describeError } from '../../../api/envelope';
import { selectTriggers } from '../../../store/selectors';
import { useAppStore } from '../../../store/store';
import { loadTriggers } from '../../../store/triggerActions';
import { alignedWindow, byteGlyph, byteHex, describeByte, firstByteDifference, windowStart } from '../lib/byteCompare';
import type { FullBasestring } from '../lib/useFullBasestring';

type Mode = 'basestring' | 'body';
const WINDOW = 48;

type SignCheck =
  { status: 'idle' } | { status: 'signing' } | { status: 'done'; signature: string | null; error: string | null } | { status: 'error'; message: string };

export function BasestringComparator({
  trace,
  full,
  triggerId,
  conditionIndex,
}: {
  trace: HmacTrace;
  full: FullBasestring;
  triggerId: string;
  conditionIndex: number;
}) {
  const [mode, setMode] = useState<Mode>('basestring');
  const [text, setText] = useState('');
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [check, setCheck] = useState<SignCheck>({ status: 'idle' });
  const triggers = useAppStore(selectTriggers);
  useEffect(() => {
    if (triggers.status === 'idle') void loadTriggers();
  }, [triggers.status]);
  const condition = triggers.items.find((t) => t.id === triggerId)?.conditions[conditionIndex] as WebAuthCondition | undefined;

  const given = useMemo(() => (file ? file.bytes : text ? utf8(text) : null), [file, text]);
  const theirs = useMemo(() => {
    if (!given || full.status !== 'ready') return null;
    return mode === 'basestring' ? given : renderBasestring(trace.format, { ...full.request, body: given }).bytes;
  }, [given, mode, full, trace.format]);
  useEffect(() => setCheck({ status: 'idle' }), [theirs]);

  if (full.status !== 'ready') {
    return (
      <p className="muted small" data-testid="comparator-unavailable">
        The comparator needs the whole request: {full.status === 'loading' ? 'loading…' : full.reason}.
      </p>
    );
  }
  const ours = full.bytes;
  const diffAt = theirs ? firstByteDifference(ours, theirs) : -1;

  const sign = async () => {
    if (!theirs || !condition) return;
    setCheck({ status: 'signing' });
    try {
      const out = await signPlayground({
        format: '{body}',
        secretKey: condition.secretKey,
        algorithm: trace.algorithm,
        encoding: trace.encoding,
        request: { method: 'POST', url: '/', rawHeaders: [], bodyBase64: toBase64(theirs) },
      });
      setCheck({ status: 'done', signature: out.signature, error: out.error });
    } catch (e) {
      setCheck({ status: 'error', message: describeError(e) });
    }
  };

  return (
    <div className="comparator" data-testid="basestring-comparator">
      <h5>Compare with what the sender signed</h5>
      <p className="muted small">
        Log the exact bytes your sender feeds to its HMAC and paste them here (or upload them as a file: a browser turns pasted CR LF line breaks into LF, a
        file keeps every byte).
      </p>
      <div className="comparator-inputs">
        <div className="segmented" role="radiogroup" aria-label="What you paste">
          {(['basestring', 'body'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={mode === m}
              className={`segmented-item${mode === m ? ' is-active' : ''}`}
              data-testid={`comparator-mode-${m}`}
              onClick={() => setMode(m)}
            >
              {m === 'basestring' ? 'The sender\u2019s basestring' : 'The body it signed'}
            </button>
          ))}
        </div>
        <label className="button button-small comparator-upload">
          Upload a file…
          <input
            type="file"
            className="offscreen"
            data-testid="comparator-file"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (f) setFile({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
              e.target.value = '';
            }}
          />
        </label>
        {file && (
          <span className="small">
            <code>{file.name}</code> ({file.bytes.length.toLocaleString()} bytes){' '}
            <button type="button" className="button button-small" onClick={() => setFile(null)}>
              Use pasted text
            </button>
          </span>
        )}
      </div>
      {!file && (
        <textarea
          className="input mono textarea comparator-paste"
          rows={4}
          aria-label={mode === 'basestring' ? 'The basestring the sender signed' : 'The body the sender signed'}
          placeholder={mode === 'basestring' ? trace.format : '{"paste": "the body the sender signed"}'}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="comparator-input"
        />
      )}
      {theirs && (
        <>
          <p className={diffAt < 0 ? 'ok-text' : 'danger-text'} data-testid="comparator-verdict" data-diff-at={diffAt}>
            {diffAt < 0
              ? `Identical: all ${ours.length.toLocaleString()} bytes are the same as the basestring this request renders to.`
              : `First difference at byte offset ${diffAt.toLocaleString()} (0x${diffAt.toString(16)}): ours has ${describeByte(ours[diffAt])}, the sender's has ${describeByte(theirs[diffAt])}.`}{' '}
            <span className="muted">
              Ours {ours.length.toLocaleString()} bytes, the sender's {theirs.length.toLocaleString()}.
            </span>
          </p>
          <AlignedBytes ours={ours} theirs={theirs} diffAt={diffAt} />
          <div className="comparator-sign">
            <button
              type="button"
              className="button button-small"
              disabled={!condition || check.status === 'signing'}
              onClick={() => void sign()}
              data-testid="comparator-sign"
            >
              Sign the sender's basestring with this trigger's secret
            </button>
            {!condition && <span className="muted small"> (the trigger's HMAC condition is no longer configured)</span>}
            <SignVerdict check={check} received={trace.received} encoding={trace.encoding} identical={diffAt < 0} diffAt={diffAt} />
          </div>
        </>
      )}
    </div>
  );
}

function AlignedBytes({ ours, theirs, diffAt }: { ours: Uint8Array; theirs: Uint8Array; diffAt: number }) {
  const cells = alignedWindow(ours, theirs, windowStart(Math.max(0, diffAt)), WINDOW);
  if (!cells.length) return null;
  return (
    <div
      className="aligned"
      data-testid="comparator-aligned"
      role="table"
      aria-label={`Bytes ${cells[0].offset} to ${cells[cells.length - 1].offset}, ours above the sender's`}
    >
      <div className="aligned-row" role="row">
        <span className="aligned-label" role="rowheader">
          offset
        </span>
        {cells.map((c) => (
          <span key={c.offset} role="cell" className={`aligned-cell aligned-offset${c.offset === diffAt ? ' is-first' : ''}`}>
            {c.offset === diffAt || (c.offset % 8 === 0 && Math.abs(c.offset - diffAt) > 3) ? c.offset : ''}
          </span>
        ))}
      </div>
      {(['ours', 'theirs'] as const).map((side) => (
        <div key={side} className="aligned-row" role="row" data-testid={`aligned-${side}`}>
          <span className="aligned-label" role="rowheader">
            {side === 'ours' ? 'ours' : 'sender'}
          </span>
          {cells.map((c) => (
            <span
              key={c.offset}
              role="cell"
              className={`aligned-cell${c.same ? '' : ' is-diff'}${c.offset === diffAt ? ' is-first' : ''}`}
              data-testid={c.offset === diffAt ? `aligned-first-${side}` : undefined}
              title={`offset ${c.offset}: ${describeByte(c[side])}`}
            >
              <span className="aligned-glyph">{byteGlyph(c[side])}</span>
              <span className="aligned-hex">{byteHex(c[side])}</span>
            </span>
          ))}
        </div>
      ))}
    </div>
  );
}

function SignVerdict({
  check,
  received,
  encoding,
  identical,
  diffAt,
}: {
  check: SignCheck;
  received?: string;
  encoding: 'hex' | 'base64';
  identical: boolean;
  diffAt: number;
}) {
  if (check.status === 'idle') return null;
  if (check.status === 'signing') return <span className="muted small"> signing…</span>;
  if (check.status === 'error')
    return (
      <p className="field-error" role="alert">
        {check.message}
      </p>
    );
  if (!check.signature)
    return (
      <p className="field-warning" data-testid="comparator-sign-verdict">
        Could not sign: {check.error}
      </p>
    );
  const same = received !== undefined && (encoding === 'hex' ? check.signature.toLowerCase() === received.toLowerCase() : check.signature === received);
  const sentence = same
    ? identical
      ? 'It reproduces the received signature, and the bytes are ours: the request verifies with the secret configured now.'
      : `It reproduces the received signature: the secret is right. The sender signed other bytes than the ones that arrived; they part at byte ${diffAt}.`
    : identical
      ? 'Same bytes as ours, yet not the received signature: the secret (or the algorithm or encoding) differs from the sender\u2019s.'
      : 'Not the received signature either: the secret differs too, or the sender signed yet other bytes than these.';
  return (
    <p className={same ? 'ok-text' : 'field-warning'} data-testid="comparator-sign-verdict" data-same-secret={same ? 'true' : 'false'}>
      {sentence}
    </p>
  );
}
