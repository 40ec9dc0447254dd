import type { ComponentType } from 'react';
import { CONDITION_KINDS, isConditionType } from '@shared/kinds/conditions';
import type { Condition, EnvVariable } from '@shared/trigger';
import { CardFrame } from './CardFrame';
import { CONDITION_EDITORS, type ConditionFieldsProps } from './registry';

export function ConditionCard({
  value,
  index,
  count,
  env,
  onChange,
  onMove,
  onRemove,
}: {
  value: Condition;
  index: number;
  count: number;
  env: EnvVariable[] | null;
  onChange(next: Condition): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
}) {
  const path = `conditions[${index}]`;
  const known = isConditionType(value.type);
  const Fields = known ? (CONDITION_EDITORS[value.type] as ComponentType<ConditionFieldsProps<Condition>>) : null;
  return (
    <CardFrame
      title={known ? CONDITION_KINDS[value.type].label : String(value.type)}
      subtitle={value.type}
      path={path}
      index={index}
      count={count}
      onMove={onMove}
      onRemove={onRemove}
      testId={`condition-${index}`}
    >
      {Fields && <Fields value={value} path={path} env={env} onChange={onChange} />}
    </CardFrame>
  );
}
