// Trigger calls: the list, edits, what-if, forensics and the basestring playground.
import { ApiError, type ApiHandlers } from '@shared/contract';
import type { Trigger, WebAuthCondition } from '@shared/trigger';
import { fromBase64 } from '@shared/triggers/bytes';
import { resolveSecret } from '@shared/triggers/secrets';
import { validateTrigger } from '@shared/triggers/workspace';
import type { EngineContext } from '../context';
import { diagnoseHmacMismatch, whatIf } from '../triggers';
import { loadCaptureView } from './capture-view';
import { signPlayground } from './playground';
import { asApiError } from './settings-handlers';

type TriggerHandlers = Pick<ApiHandlers, 'triggers.list' | 'triggers.save' | 'triggers.delete' | 'triggers.whatIf' | 'triggers.forensics' | 'playground.sign'>;

const WHAT_IF_DEFAULT = 20;
const WHAT_IF_MAX = 200;

export function triggerHandlers(ctx: () => EngineContext): TriggerHandlers {
  const emitChanged = (): void => ctx().events.emit({ type: 'workspace.changed', at: ctx().now() });

  return {
    'triggers.list': async () => ctx().workspace.get().triggers,

    'triggers.save': async ({ trigger, previousId }) => {
      const valid = validateTrigger(trigger, 'trigger');
      const original = previousId ?? valid.id;
      await asApiError(() =>
        ctx().workspace.update((draft) => {
          const clash = draft.triggers.find((t) => t.id === valid.id && t.id !== original);
          if (clash) throw new ApiError('exists', `trigger.id: a trigger with id ${JSON.stringify(valid.id)} already exists`, 'trigger.id');
          const at = draft.triggers.findIndex((t) => t.id === original);
          if (at >= 0) draft.triggers[at] = valid;
          else draft.triggers.push(valid);
        }),
      );
      emitChanged();
      return valid;
    },

    'triggers.delete': async ({ id }) => {
      let deleted = false;
      await ctx().workspace.update((draft) => {
        const before = draft.triggers.length;
        draft.triggers = draft.triggers.filter((t) => t.id !== id);
        deleted = draft.triggers.length !== before;
      });
      if (deleted) emitChanged();
      return { deleted };
    },

    'triggers.whatIf': async ({ trigger, limit }) => {
      const { captures, triggers, workspace } = ctx();
      const edited: Trigger = validateTrigger(trigger, 'trigger');
      const count = Math.min(Math.max(1, limit ?? WHAT_IF_DEFAULT), WHAT_IF_MAX);
      const recent = captures.recentForTrigger(edited.id, count);
      const views = (await Promise.all(recent.map((c) => loadCaptureView(captures, c.id)))).filter((v) => v !== null);
      return whatIf(edited, views, triggers.log.summaries(), workspace.get().env);
    },

    'triggers.forensics': async ({ captureId, conditionIndex }) => {
      const { captures, triggers, workspace } = ctx();
      const entry = await triggers.log.forCapture(captureId);
      const trigger = entry && workspace.get().triggers.find((t) => t.id === entry.triggerId);
      const condition = trigger?.conditions[conditionIndex];
      if (!condition || condition.type !== 'web-auth' || condition.authType !== 'hmac') return null;
      const request = await loadCaptureView(captures, captureId);
      if (!request) return null;
      const secret = resolveSecret((condition as WebAuthCondition).secretKey, workspace.get().env);
      if (!secret.ok) return { matchesAsConfigured: false, matches: [], tried: 0, problem: secret.reason };
      return diagnoseHmacMismatch(condition, request, secret.value);
    },

    'playground.sign': async (input) => {
      const { captures, workspace } = ctx();
      const source = input.request;
      let request;
      if ('captureId' in source) {
        request = await loadCaptureView(captures, source.captureId);
        if (!request) return { trace: null, signature: null, error: `capture ${source.captureId} no longer exists` };
      } else {
        const body = fromBase64(source.bodyBase64 ?? '');
        if (!body) throw new ApiError('invalid', 'request.bodyBase64: not valid base64', 'request.bodyBase64');
        request = { method: source.method, url: source.url, rawHeaders: source.rawHeaders, body };
      }
      return signPlayground(input, request, workspace.get().env);
    },
  };
}
