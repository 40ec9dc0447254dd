import { useState } from 'react';
import type { ConditionResult, HmacTrace } from '../../../../../shared/trigger-log';
import { useFullBasestring } from '../lib/useFullBasestring';
import { BasestringComparator } from './BasestringComparator';
import { BasestringVisualiser } from './BasestringVisualiser';
import { ForensicsPanel } from './ForensicsPanel';
import { JwtTraceView } from './JwtTraceView';
import { SignatureCompare } from './SignatureCompare';

/** One condition's verdict and reason; its HMAC or JWT trace opens below (at once when it failed). */
export function ConditionResultRow({ result, captureId, triggerId }: { result: ConditionResult; captureId: string; triggerId: string }) {
  const [open, setOpen] = useState(!result.passed && !!result.trace);
  const trace = result.trace;
  return (
    <li className={`cond-result ${result.passed ? 'is-pass' : 'is-fail'}`} data-testid="condition-result" data-passed={result.passed} data-type={result.type}>
      <div className="cond-line">
        <span className="cond-icon" aria-label={result.passed ? 'passed' : 'failed'}>{result.passed ? '✓' : '✗'}</span>
        <span className="cond-index mono">#{result.index + 1}</span>
        <span className="cond-type mono">{result.type}{trace?.kind ? ` · ${trace.kind}` : ''}</span>
        <span className="cond-reason" data-testid="condition-reason">{result.reason}</span>
        {trace && (
          <button type="button" className="button button-small" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="toggle-trace">
            {open ? 'Hide trace' : trace.kind === 'hmac' ? 'Show basestring' : 'Show token'}
          </button>
        )}
      </div>
      {open && trace?.kind === 'hmac' && <HmacTraceView trace={trace} result={result} captureId={captureId} triggerId={triggerId} />}
      {open && trace?.kind === 'jwt' && <div className="cond-trace"><JwtTraceView trace={trace} /></div>}
    </li>
  );
}

function HmacTraceView({ trace, result, captureId, triggerId }: { trace: HmacTrace; result: ConditionResult; captureId: string; triggerId: string }) {
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
