// The trigger being edited, with stable keys per card so a card keeps its local state (a JSON
// text being typed) when it moves. A saved trigger that changes underneath an untouched draft
// (enabled toggled from the list, a reload) replaces the draft.
import { useCallback, useState } from 'react';
import type { Action, ActionType, Condition, ConditionType, Trigger } from '@shared/trigger';
import { moveItem, newAction, newCondition, removeAt, replaceAt } from '../lib/draftOps';

let nextKey = 0;
const keysFor = (n: number) => Array.from({ length: n }, () => ++nextKey);

interface DraftState {
  source: Trigger;
  draft: Trigger;
  conditionKeys: number[];
  actionKeys: number[];
}

const fresh = (source: Trigger): DraftState => ({
  source,
  draft: source,
  conditionKeys: keysFor(source.conditions.length),
  actionKeys: keysFor(source.actions.length),
});

export const sameTrigger = (a: Trigger, b: Trigger): boolean => JSON.stringify(a) === JSON.stringify(b);

export function useTriggerDraft(source: Trigger) {
  const [state, setState] = useState(() => fresh(source));
  let view = state;
  if (state.source !== source && !sameTrigger(state.source, source)) {
    if (sameTrigger(state.draft, state.source)) view = fresh(source);
    else view = { ...state, source };
  }
  // adjusting state while rendering: React re-renders at once, before children see the old draft
  if (view !== state) setState(view);

  const update = useCallback((change: (s: DraftState) => DraftState) => setState((s) => change(s)), []);
  const setDraft = useCallback((patch: Partial<Trigger>) => update((s) => ({ ...s, draft: { ...s.draft, ...patch } })), [update]);

  const conditions = {
    change: useCallback(
      (i: number, c: Condition) => update((s) => ({ ...s, draft: { ...s.draft, conditions: replaceAt(s.draft.conditions, i, c) } })),
      [update],
    ),
    move: useCallback(
      (i: number, d: -1 | 1) =>
        update((s) => ({
          ...s,
          draft: { ...s.draft, conditions: moveItem(s.draft.conditions, i, d) },
          conditionKeys: moveItem(s.conditionKeys, i, d),
        })),
      [update],
    ),
    remove: useCallback(
      (i: number) =>
        update((s) => ({
          ...s,
          draft: { ...s.draft, conditions: removeAt(s.draft.conditions, i) },
          conditionKeys: removeAt(s.conditionKeys, i),
        })),
      [update],
    ),
    add: useCallback(
      (type: ConditionType) =>
        update((s) => ({
          ...s,
          draft: { ...s.draft, conditions: [...s.draft.conditions, newCondition(type)] },
          conditionKeys: [...s.conditionKeys, ++nextKey],
        })),
      [update],
    ),
  };
  const actions = {
    change: useCallback((i: number, a: Action) => update((s) => ({ ...s, draft: { ...s.draft, actions: replaceAt(s.draft.actions, i, a) } })), [update]),
    move: useCallback(
      (i: number, d: -1 | 1) =>
        update((s) => ({
          ...s,
          draft: { ...s.draft, actions: moveItem(s.draft.actions, i, d) },
          actionKeys: moveItem(s.actionKeys, i, d),
        })),
      [update],
    ),
    remove: useCallback(
      (i: number) =>
        update((s) => ({
          ...s,
          draft: { ...s.draft, actions: removeAt(s.draft.actions, i) },
          actionKeys: removeAt(s.actionKeys, i),
        })),
      [update],
    ),
    add: useCallback(
      (type: ActionType) =>
        update((s) => ({
          ...s,
          draft: { ...s.draft, actions: [...s.draft.actions, newAction(type)] },
          actionKeys: [...s.actionKeys, ++nextKey],
        })),
      [update],
    ),
  };
  const revert = useCallback(() => update((s) => fresh(s.source)), [update]);

  return { ...view, dirty: !sameTrigger(view.draft, view.source), setDraft, conditions, actions, revert };
}
