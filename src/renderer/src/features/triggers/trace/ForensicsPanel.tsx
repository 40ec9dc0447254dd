import { useState } from 'react';
import { diagnoseCondition } from '../../../store/triggerActions';
import type { ForensicReport } from '@shared/trigger-log';
import { describeError } from '../../../api/envelope';

/** On an HMAC mismatch: ask the engine which usual sender mistake reproduces the signature. */
export function ForensicsPanel({ captureId, conditionIndex }: { captureId: string; conditionIndex: number }) {
  const [state, setState] = useState<{ status: 'idle' | 'loading' } | { status: 'done'; report: ForensicReport | null } | { status: 'error'; message: string }>(
    { status: 'idle' },
  );
  const diagnose = async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'done', report: await diagnoseCondition({ captureId, conditionIndex }) });
    } catch (e) {
      setState({ status: 'error', message: describeError(e) });
    }
  };
  return (
    <div className="forensics" data-testid="forensics">
      <button type="button" className="button" onClick={diagnose} disabled={state.status === 'loading'} data-testid="diagnose">
        {state.status === 'loading' ? 'Diagnosing…' : 'Diagnose'}
      </button>
      <span className="muted small">
        {' '}
        tries the usual sender mistakes (re-serialised body, other algorithm or encoding, stray newline, wrong header…) to find what reproduces the received
        signature
      </span>
      {state.status === 'error' && (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'done' && <Report report={state.report} />}
    </div>
  );
}

function Report({ report }: { report: ForensicReport | null }) {
  if (!report)
    return (
      <p className="muted" data-testid="forensics-none">
        Nothing to diagnose for this condition.
      </p>
    );
  if (report.problem)
    return (
      <p className="field-warning" data-testid="forensics-problem">
        {report.problem}
      </p>
    );
  if (report.matchesAsConfigured)
    return (
      <p className="ok-text" data-testid="forensics-ok">
        The signature matches as configured now (the secret or format changed since this request).
      </p>
    );
  if (!report.matches.length) {
    return (
      <div className="field-warning" data-testid="forensics-nomatch">
        <p>
          None of the {report.tried.toLocaleString()} variations tried reproduces the received signature. From the digest alone, a body changed on the way, a
          different secret and a different basestring are indistinguishable: any of them changes the whole signature.
        </p>
        <p>What tells them apart:</p>
        <ul>
          <li>
            the bytes the sender actually signed — log them on the sender and paste them into the comparator below: if they differ from ours, it shows the first
            differing byte; if they are identical, the secret differs;
          </li>
          <li>
            signing those bytes with this trigger's secret (the comparator's button): the received signature means the secret is right and the bytes changed;
          </li>
          <li>a request sent from the Sender signed with the secret you expect: if it passes, the sender's secret is not the one configured here.</li>
        </ul>
      </div>
    );
  }
  return (
    <div className="forensics-found" data-testid="forensics-found">
      {report.matches.map((m, i) => (
        <p key={i} className="forensics-sentence" data-testid="forensics-sentence">
          <strong>Found:</strong> {m.sentence}
          <span className="muted small">
            {' '}
            ({m.algorithm}, {m.encoding}, format <code>{m.format}</code>)
          </span>
        </p>
      ))}
      <p className="muted small">{report.tried.toLocaleString()} combinations tried.</p>
    </div>
  );
}
