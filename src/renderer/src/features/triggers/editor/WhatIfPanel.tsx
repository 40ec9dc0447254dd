import { useState } from 'react';
import type { WhatIfRow } from '@shared/contract';
import type { Trigger } from '@shared/trigger';
import { describeError } from '../../../api/envelope';
import { showCaptureInInbox, whatIf } from '../../../store/triggerActions';
import { formatExactTime } from '../../../lib/format';
import { sameTrigger } from './useTriggerDraft';

const LIMIT = 50;

type State = { status: 'idle' } | { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; rows: WhatIfRow[]; tested: Trigger };

/** Re-evaluates recent requests to this trigger against the edited, unsaved draft. */
export function WhatIfPanel({ draft, problems }: { draft: Trigger; problems: number }) {
  const [state, setState] = useState<State>({ status: 'idle' });
  const run = async () => {
    setState({ status: 'loading' });
    try {
      const rows = await whatIf({ trigger: draft, limit: LIMIT });
      setState({ status: 'ready', rows, tested: draft });
    } catch (error) {
      setState({ status: 'error', message: describeError(error) });
    }
  };
  const changed = state.status === 'ready' ? state.rows.filter((r) => r.before !== r.after).length : 0;
  return (
    <section className="editor-section whatif" aria-label="What if" data-testid="whatif">
      <header className="editor-section-head">
        <h3>
          What if <span className="muted small">re-evaluate the last {LIMIT} requests to this trigger with the edits above, without saving</span>
        </h3>
        <button
          type="button"
          className="button"
          disabled={problems > 0 || state.status === 'loading'}
          onClick={run}
          data-testid="whatif-run"
          title={problems > 0 ? 'Fix the problems above first' : undefined}
        >
          {state.status === 'loading' ? 'Testing…' : 'Test against recent requests'}
        </button>
      </header>
      {state.status === 'error' && (
        <p className="field-error" role="alert" data-testid="whatif-error">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && state.rows.length === 0 && (
        <p className="muted small" data-testid="whatif-empty">
          No requests have reached this trigger's launch URL yet. Send one (or replay one from the Inbox), then test again.
        </p>
      )}
      {state.status === 'ready' && state.rows.length > 0 && (
        <>
          <p className="small" data-testid="whatif-summary">
            {changed === 0 ? 'No verdict changes.' : `${changed} of ${state.rows.length} verdicts change.`}
            {!sameTrigger(state.tested, draft) && <span className="muted"> The trigger was edited after this test: run it again.</span>}
          </p>
          <table className="grid-table whatif-table" data-testid="whatif-table">
            <thead>
              <tr>
                <th>Received</th>
                <th>Before → after</th>
                <th>First failing condition</th>
              </tr>
            </thead>
            <tbody>
              {state.rows.map((row) => (
                <tr
                  key={row.captureId}
                  className={`clickable${row.before !== row.after ? ' is-changed' : ''}`}
                  data-testid="whatif-row"
                  data-changed={row.before !== row.after}
                  title="Open this request in the Inbox"
                  onClick={() => showCaptureInInbox(row.captureId)}
                >
                  <td className="mono nowrap">{formatExactTime(row.receivedAt)}</td>
                  <td className="nowrap">
                    <Verdict v={row.before} /> → <Verdict v={row.after} />
                  </td>
                  <td>
                    {row.failedAt ? (
                      <>
                        <span className="mono">
                          #{row.failedAt.index + 1} {row.failedAt.type}
                        </span>{' '}
                        <span className="muted">{row.failedAt.reason}</span>
                      </>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

const Verdict = ({ v }: { v: 'passed' | 'failed' }) => <span className={`verdict verdict-${v}`}>{v}</span>;
