import type { Action } from '../../../../../shared/trigger';
import { ActionFields } from './ActionFields';
import { CardFrame } from './CardFrame';

const TITLES: Record<Action['type'], string> = {
  'web-response-text': 'Respond with text',
  'web-response-json': 'Respond with JSON',
  'run-execution': 'Run an execution',
  'run-pipeline': 'Run a pipeline',
  'copy-pipeline': 'Copy a pipeline',
};

export function ActionCard({ value, index, count, onChange, onMove, onRemove, onLocalError }: {
  value: Action;
  index: number;
  count: number;
  onChange(next: Action): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
  onLocalError(path: string, message: string | null): void;
}) {
  const path = `actions[${index}]`;
  return (
    <CardFrame title={TITLES[value.type]} subtitle={value.type} path={path} index={index} count={count} onMove={onMove} onRemove={onRemove} testId={`action-${index}`}>
      <ActionFields value={value} path={path} onChange={onChange} onLocalError={onLocalError} />
    </CardFrame>
  );
}
