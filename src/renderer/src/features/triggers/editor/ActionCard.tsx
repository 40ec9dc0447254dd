import type { ComponentType } from 'react';
import { ACTION_KINDS, isActionType } from '@shared/kinds/actions';
import type { Action } from '@shared/trigger';
import type { ActionFieldsProps } from './ActionFields';
import { CardFrame } from './CardFrame';
import { ACTION_EDITORS } from './registry';

export function ActionCard({
  value,
  index,
  count,
  onChange,
  onMove,
  onRemove,
  onLocalError,
}: {
  value: Action;
  index: number;
  count: number;
  onChange(next: Action): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
  onLocalError(path: string, message: string | null): void;
}) {
  const path = `actions[${index}]`;
  const known = isActionType(value.type);
  const Fields = known ? (ACTION_EDITORS[value.type] as ComponentType<ActionFieldsProps<Action>>) : null;
  return (
    <CardFrame
      title={known ? ACTION_KINDS[value.type].label : String(value.type)}
      subtitle={value.type}
      path={path}
      index={index}
      count={count}
      onMove={onMove}
      onRemove={onRemove}
      testId={`action-${index}`}
    >
      {Fields && <Fields value={value} path={path} onChange={onChange} onLocalError={onLocalError} />}
    </CardFrame>
  );
}
