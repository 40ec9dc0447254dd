import { useState, type ComponentType } from 'react';
import type { ConditionResult, HmacTrace, JwtTrace } from '@shared/trigger-log';
import { useFullBasestring } from '../lib/useFullBasestring';
import { BasestringComparator } from './BasestringComparator';
import { BasestringVisualiser } from './BasestringVisualiser';
import { ForensicsPanel } from './ForensicsPanel';
import { JwtTraceView } from './JwtTraceView';
import { SignatureCompare } from './SignatureCompare';

type Trace = NonNullable<ConditionResult['trace']>;
interface TraceViewProps<T extends Trace> {
  trace: T;
  result: ConditionResult;
  captureId: string;
  triggerId: string;
}

/** How each kind of trace opens (an HMAC basestring, a JWT token), keyed by the trace's kind. */
const TRACE_VIEWS = {
  hmac: { button: 'Show basestring', View: HmacTraceView },
  jwt: {
    button: 'Show token',
    View: ({ trace }: TraceViewProps<JwtTrace>) => (
      <div className="cond-trace">
        <JwtTraceView trace={trace} />
      </div>
    ),
  },
} as const satisfies { readonly [K in Trace['kind']]: { button: string; View: ComponentType<TraceViewProps<Extract<Trace, { kind: K }>>> } };

/** One condition's verdict and reason; its HMAC or JWT trace opens below (at once when it failed). */
export function ConditionResultRow({ result, captureId, triggerId }: { result: ConditionResult; captureId: string; triggerId: string }) {
  const [open, setOpen] = useState(!result.passed && !!result.trace);
  const trace = result.trace;
  const view =
    trace && Object.hasOwn(TRACE_VIEWS, trace.kind) ? (TRACE_VIEWS[trace.kind] as { button: string; View: ComponentType<TraceViewProps<Trace>> }) : null;
  return (
    <li className={`cond-result ${result.passed ? 'is-pass' : 'is-fail'}`} data-testid="condition-result" data-passed={result.passed} data-type={result.type}>
      <div className="cond-line">
        <span className="cond-icon" aria-label={result.passed ? 'passed' : 'failed'}>
          {result.passed ? '✓' : '✗'}
        </span>
        <span className="cond-index mono">#{result.index + 1}</span>
        <span className="cond-type mono">
          {result.type}
          {trace?.kind ? ` · ${trace.kind}` : ''}
        </span>
        <span className="cond-reason" data-testid="condition-reason">
          {result.reason}
        </span>
        {trace && (
          <button type="button" className="button button-small" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="toggle-trace">
            {open ? 'Hide trace' : (view?.button ?? 'Show trace')}
          </button>
        )}
      </div>
      {open && trace && view && <view.View trace={trace} result={result} captureId={captureId} triggerId={triggerId} />}
    </li>
  );
}

function HmacTraceView({ trace, result, captureId, triggerId }: TraceViewProps<HmacTrace>) {
  const full = useFullBasestring(captureId, trace);
  return (
    <div className="cond-trace">
      <p className="small muted">
        HMAC-{trace.algorithm.toUpperCase()} of format <code>{trace.format}</code>, {trace.encoding}
      </p>
      <BasestringVisualiser trace={trace} full={full} />
      <SignatureCompare expected={trace.expected} received={trace.received} />
      {!result.passed && <ForensicsPanel captureId={captureId} conditionIndex={result.index} />}
      {!result.passed && <BasestringComparator trace={trace} full={full} triggerId={triggerId} conditionIndex={result.index} />}
    </div>
  );
}
