// The Triggers page: the list on the left; on the right the editor, the env variables or
// workspace import/export.
import { selectTriggers } from '../../store/selectors';
import { loadTriggers, showTriggersPanel } from '../../store/triggerActions';
import { useAppStore } from '../../store/store';
import { EnvPanel, WorkspaceTransfer } from '../env';
import { TriggerEditor } from './editor/TriggerEditor';
import { NewTriggerMenu } from './list/NewTriggerMenu';
import { TriggerList } from './list/TriggerList';
import './triggers.css';
import './editor/editor.css';
import './panels.css';
import './trace/trace.css';

// a fresh editor for every draft opened, even two of the same preset in a row
const draftKeys = new WeakMap<object, number>();
let draftCount = 0;
const draftKey = (draft: object) => {
  if (!draftKeys.has(draft)) draftKeys.set(draft, ++draftCount);
  return draftKeys.get(draft)!;
};

function RightPanel() {
  const { panel, items, openId, draft } = useAppStore(selectTriggers);
  if (panel === 'env') return <EnvPanel />;
  if (panel === 'workspace') return <WorkspaceTransfer />;
  if (draft) return <TriggerEditor key={`draft:${draftKey(draft)}`} source={draft} isNew />;
  const open = items.find((t) => t.id === openId);
  if (open) return <TriggerEditor key={`saved:${open.id}`} source={open} isNew={false} />;
  return (
    <div className="triggers-none muted" data-testid="no-trigger-open">
      <p>Select a trigger to edit it, or create one.</p>
      <p className="small">
        Secrets go in <strong>Environment</strong> and are referenced as <code>{'{env:NAME}'}</code>.
      </p>
    </div>
  );
}

export function TriggersPage() {
  const { status, error, panel } = useAppStore(selectTriggers);
  return (
    <div className="triggers-page" data-testid="page-triggers">
      <div className="toolbar-row triggers-toolbar">
        <h1 className="page-title">Triggers</h1>
        <NewTriggerMenu />
        <span className="toolbar-spacer" />
        <button
          type="button"
          className={`button${panel === 'env' ? ' is-pressed' : ''}`}
          aria-pressed={panel === 'env'}
          onClick={() => showTriggersPanel(panel === 'env' ? 'editor' : 'env')}
          data-testid="open-env"
        >
          Environment
        </button>
        <button
          type="button"
          className={`button${panel === 'workspace' ? ' is-pressed' : ''}`}
          aria-pressed={panel === 'workspace'}
          onClick={() => showTriggersPanel(panel === 'workspace' ? 'editor' : 'workspace')}
          data-testid="open-workspace"
        >
          Import / export
        </button>
      </div>
      {status === 'error' && (
        <div className="banner banner-error" role="alert" data-testid="triggers-error">
          Could not load triggers: {error}{' '}
          <button type="button" className="button button-small" onClick={() => void loadTriggers()}>
            Retry
          </button>
        </div>
      )}
      <div className="triggers-split">
        <TriggerList />
        <section className="triggers-detail" aria-label="Trigger detail">
          <RightPanel />
        </section>
      </div>
    </div>
  );
}
