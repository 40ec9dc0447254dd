// The Sender page, laid out like an API client: the request on the left and the answer, its run
// and the history on the right, each pane scrolling on its own.
import { useEffect, useState } from 'react';
import type { SentRecord } from '@shared/signing/types';
import { decodeUtf8Strict, fromBase64 } from '@shared/triggers/bytes';
import { Tabs } from '../../components/Tabs';
import { loadSender } from '../../store/senderActions';
import { useAppStore } from '../../store/store';
import { loadTriggers } from '../../store/triggerActions';
import { Composer } from './Composer';
import { emptyComposer, type ComposerState } from './draft';
import { HistoryList } from './HistoryList';
import { ReplayPanel } from './ReplayPanel';
import { ResponseView } from './ResponseView';
import './sender.css';

type Mode = 'compose' | 'replay';

// the composer outlives a visit to another page (module state, not the store: it holds file bytes)
let keptComposer: ComposerState | null = null;

export function SenderPage() {
  const status = useAppStore((s) => s.sender.status);
  const error = useAppStore((s) => s.sender.error);
  const replayId = useAppStore((s) => s.sender.replayCaptureId);
  const shown = useAppStore((s) => s.sender.history.find((r) => r.id === s.sender.shownId) ?? null);
  const triggersStatus = useAppStore((s) => s.triggers.status);
  const [mode, setMode] = useState<Mode>(replayId ? 'replay' : 'compose');
  const [composer, setComposerState] = useState<ComposerState>(() => keptComposer ?? emptyComposer());
  const setComposer = (next: ComposerState) => {
    keptComposer = next;
    setComposerState(next);
  };

  useEffect(() => {
    if (status === 'idle') void loadSender();
    if (triggersStatus === 'idle') void loadTriggers();
  }, [status, triggersStatus]);
  useEffect(() => {
    if (replayId) setMode('replay');
  }, [replayId]);

  const resend = (r: SentRecord) => {
    const bytes = fromBase64(r.request.bodyBase64) ?? new Uint8Array();
    const text = decodeUtf8Strict(bytes);
    setComposer({
      ...emptyComposer(r.request.url),
      method: r.request.method,
      headers: r.request.headers.filter(([n]) => !['host', 'content-length'].includes(n.toLowerCase())),
      ...(text !== null ? { bodyMode: 'raw' as const, raw: text } : { bodyMode: 'file' as const, fileBase64: r.request.bodyBase64, fileName: 'from history' }),
      profile: null,
      track: null,
    });
    setMode('compose');
  };

  return (
    <div className="sender-page" data-testid="sender-page">
      <div className="toolbar-row sender-toolbar">
        <h1 className="page-title">Sender</h1>
        <Tabs<Mode>
          label="Sender mode"
          items={[
            { id: 'compose', label: 'Compose' },
            { id: 'replay', label: 'Replay' },
          ]}
          value={mode}
          onChange={setMode}
        />
        <span className="muted small">compose or replay a request, signed like a trigger or a provider</span>
      </div>
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      <div className="sender-columns">
        <div className="sender-left" data-testid="sender-request-pane">
          {mode === 'compose' ? <Composer state={composer} setState={setComposer} /> : <ReplayPanel />}
        </div>
        <div className="sender-right" data-testid="sender-response-pane">
          {shown ? <ResponseView record={shown} /> : <p className="muted">Send or replay a request to see the answer here.</p>}
          <HistoryList onResend={resend} />
        </div>
      </div>
    </div>
  );
}
