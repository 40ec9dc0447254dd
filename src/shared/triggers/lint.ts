// Editor warnings: things that are valid but probably not what the user meant. Each condition
// and action type lints its own value (shared/kinds/); this file adds the trigger-wide ones.
import type { Trigger } from '../trigger';
import type { EnvSource } from './secrets';
import { conditionKind } from '../kinds/conditions';
import { actionKind } from '../kinds/actions';
import type { TriggerWarning } from '../kinds/types';

export type { TriggerWarning } from '../kinds/types';

export function lintTrigger(trigger: Trigger, env?: EnvSource): TriggerWarning[] {
  const out: TriggerWarning[] = [];
  if (!trigger.conditions.some((c) => c.type === 'web-auth')) {
    out.push({ path: 'conditions', severity: 'warning', code: 'no-auth', message: 'No web-auth condition: anyone who knows the URL can launch this trigger.' });
  }
  trigger.conditions.forEach((c, index) => {
    out.push(...(conditionKind(c)?.lint(c, { path: `conditions[${index}]`, index, whole: trigger, env }) ?? []));
  });
  trigger.actions.forEach((a, index) => {
    out.push(...(actionKind(a)?.lint(a, { path: `actions[${index}]`, index, whole: trigger, env }) ?? []));
  });
  return out;
}
