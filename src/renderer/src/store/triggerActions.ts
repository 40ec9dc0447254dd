// Loading and changing triggers. Saves answer with the stored trigger, which replaces the
// local copy at once; the workspace.changed event that follows reloads the list anyway.
import type { ApiArgs } from '@shared/contract';
import type { Trigger } from '@shared/trigger';
import { api } from '../api';
import { describeError } from '../api/envelope';
import { navigate } from './appActions';
import { startRequest, supersede } from './latest';
import { openCapture } from './captureActions';
import { useAppStore } from './store';
import type { TriggersPanel, TriggersState } from './types';

const { getState, setState } = useAppStore;

function patchTriggers(patch: Partial<TriggersState>) {
  setState((state) => ({ triggers: { ...state.triggers, ...patch } }));
}

export async function loadTriggers(): Promise<void> {
  const latest = startRequest('triggers');
  if (getState().triggers.status !== 'ready') patchTriggers({ status: 'loading', error: null });
  try {
    const items = await api['triggers.list']();
    if (latest()) patchTriggers({ items, status: 'ready', error: null });
  } catch (error) {
    if (latest()) patchTriggers({ status: 'error', error: describeError(error) });
  }
}

/** Rejects with the engine's ApiError (code, message, path) so the editor can show it at its field. */
export async function saveTrigger(trigger: Trigger, previousId?: string, opts: { fromEditor?: boolean } = {}): Promise<Trigger> {
  const saved = await api['triggers.save']({ trigger, ...(previousId && previousId !== trigger.id ? { previousId } : {}) });
  supersede('triggers'); // an older list on its way must not undo this
  setState((state) => {
    const items = state.triggers.items.slice();
    const at = items.findIndex((t) => t.id === (previousId ?? saved.id));
    if (at >= 0) items[at] = saved;
    else items.push(saved);
    // the editor now shows the saved trigger (a draft became real, or a rename moved the id)
    return { triggers: { ...state.triggers, items, ...(opts.fromEditor ? { openId: saved.id, draft: null } : {}) } };
  });
  return saved;
}

export async function deleteTrigger(id: string): Promise<void> {
  await api['triggers.delete']({ id });
  supersede('triggers');
  setState((state) => ({
    triggers: {
      ...state.triggers,
      items: state.triggers.items.filter((t) => t.id !== id),
      openId: state.triggers.openId === id ? null : state.triggers.openId,
    },
  }));
}

export const setTriggerEnabled = (trigger: Trigger, enabled: boolean) => saveTrigger({ ...trigger, enabled });

export function openTrigger(id: string | null) {
  patchTriggers({ openId: id, draft: null, panel: 'editor' });
}

export function openDraft(draft: Trigger) {
  patchTriggers({ openId: null, draft, panel: 'editor' });
}

export function showTriggersPanel(panel: TriggersPanel) {
  patchTriggers({ panel });
}

/** From the log, the trace or what-if: show that request in the Inbox. */
export function showCaptureInInbox(captureId: string) {
  navigate('inbox');
  openCapture(captureId);
}

// the trigger tools: what-if, Diagnose, signing in the playground and the comparator, the project summary
export const whatIf = (args: ApiArgs<'triggers.whatIf'>) => api['triggers.whatIf'](args);
export const diagnoseCondition = (args: ApiArgs<'triggers.forensics'>) => api['triggers.forensics'](args);
export const signPlayground = (args: ApiArgs<'playground.sign'>) => api['playground.sign'](args);
export const projectSummary = () => api['project.summary']();
