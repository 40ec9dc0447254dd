import type { BasestringSegment, HmacTrace } from '@shared/trigger-log';
import { legendKinds, SEGMENT_LABELS, segmentClass, visibleLiteral } from '../lib/segmentKinds';
import { formatBytes } from '../../../lib/format';
import type { FullBasestring } from '../lib/useFullBasestring';
import { BasestringBytes } from './BasestringBytes';
import { groupHex } from '../lib/basestringLines';

/**
 * What was signed, piece by piece: the format's literal text and placeholders, each coloured
 * and resolved against the request, then the whole basestring as text and hex (rebuilt from
 * the stored request when there is one; otherwise the trace's previews, said to be cut).
 */
export function BasestringVisualiser({
  trace,
  full,
}: {
  trace: Pick<HmacTrace, 'format' | 'segments' | 'basestringLength' | 'basestringPreview' | 'basestringHexPreview'>;
  full?: FullBasestring;
}) {
  const missing = trace.segments.filter((s) => s.missing);
  // previews are cut per segment by the engine; say so rather than pretend this is every byte
  const cut = trace.segments.some((s) => !s.missing && s.kind !== 'literal' && new TextEncoder().encode(s.preview).length < s.byteLength);
  return (
    <div className="visualiser" data-testid="basestring-visualiser">
      <div className="vis-strip" aria-label="Format split into segments">
        {trace.segments.map((s, i) => (
          <span
            key={i}
            className={segmentClass(s)}
            title={`${s.kind}${s.name ? ` ${s.name}` : ''}: ${s.missing ? 'missing' : `${s.byteLength} bytes`}`}
            data-testid="vis-segment"
            data-kind={s.kind}
            data-missing={s.missing ? 'true' : undefined}
          >
            {s.kind === 'literal' ? visibleLiteral(s.source) : s.source}
          </span>
        ))}
      </div>
      <ul className="vis-legend" aria-label="Legend">
        {legendKinds(trace.segments).map((kind) => (
          <li key={kind}>
            <span className={segmentClass({ kind })} aria-hidden="true">
              &nbsp;
            </span>{' '}
            {SEGMENT_LABELS[kind]}
          </li>
        ))}
        {missing.length > 0 && (
          <li>
            <span className="seg seg-missing" aria-hidden="true">
              &nbsp;
            </span>{' '}
            missing from the request
          </li>
        )}
      </ul>
      <table className="grid-table vis-table">
        <thead>
          <tr>
            <th>Segment</th>
            <th>Resolved to</th>
            <th className="align-right">Bytes</th>
          </tr>
        </thead>
        <tbody>
          {trace.segments.map((s, i) => (
            <SegmentRow key={i} segment={s} />
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={2}>Basestring</th>
            <th className="align-right mono" data-testid="basestring-length">
              {trace.basestringLength.toLocaleString()}
            </th>
          </tr>
        </tfoot>
      </table>
      {missing.length > 0 && (
        <p className="field-error" role="alert" data-testid="vis-missing">
          Missing: {missing.map((s) => s.source).join(', ')}. The request did not carry {missing.length === 1 ? 'it' : 'them'}, so nothing could be signed.
        </p>
      )}
      {full?.status === 'ready' ? (
        <div className="vis-rendered">
          <BasestringBytes bytes={full.bytes} segments={trace.segments} />
        </div>
      ) : (
        <div className="vis-rendered">
          {full?.status === 'unavailable' && (
            <p className="muted small" data-testid="basestring-preview-only">
              Showing the evaluation's previews only: {full.reason}.
            </p>
          )}
          <h5>
            Rendered basestring{' '}
            <span className="muted small">
              {formatBytes(trace.basestringLength)}, coloured by segment{cut ? '; long parts are cut' : ''}
            </span>
          </h5>
          <pre className="code-block vis-text" data-testid="basestring-coloured">
            {trace.segments.map((s, i) => (
              <span key={i} className={`vis-run vis-run-${s.kind}${s.missing ? ' seg-missing' : ''}`} title={s.source}>
                {s.missing ? s.source : s.kind === 'literal' ? s.source : s.preview}
              </span>
            ))}
          </pre>
          <details className="vis-plain">
            <summary className="small">As plain text</summary>
            <pre className="code-block vis-text" data-testid="basestring-text">
              {trace.basestringPreview}
            </pre>
          </details>
          <h5>
            Hex <span className="muted small">first {Math.min(trace.basestringLength, trace.basestringHexPreview.length / 2)} bytes</span>
          </h5>
          <pre className="code-block vis-hex" data-testid="basestring-hex">
            {groupHex(trace.basestringHexPreview)}
          </pre>
        </div>
      )}
    </div>
  );
}

function SegmentRow({ segment: s }: { segment: BasestringSegment }) {
  return (
    <tr className={s.missing ? 'is-missing' : undefined} data-testid="vis-row">
      <td>
        <span className={segmentClass(s)}>{s.kind === 'literal' ? visibleLiteral(s.source) : s.source}</span>
      </td>
      <td className="mono vis-preview">
        {s.missing ? (
          <span className="danger-text">missing</span>
        ) : s.kind === 'literal' ? (
          <span className="muted">as written</span>
        ) : (
          s.preview || <span className="muted">(empty)</span>
        )}
      </td>
      <td className="align-right mono">{s.missing ? '—' : s.byteLength.toLocaleString()}</td>
    </tr>
  );
}
