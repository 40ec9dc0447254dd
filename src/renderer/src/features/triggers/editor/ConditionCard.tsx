import type { Condition, EnvVariable } from '../../../../../shared/trigger';
import { CardFrame } from './CardFrame';
import { PayloadFilterFields } from './PayloadFilterFields';
import { RateLimitFields } from './RateLimitFields';
import { TimestampFields } from './TimestampFields';
import { WebAuthFields } from './WebAuthFields';

const TITLES: Record<Condition['type'], string> = {
  'web-auth': 'Authentication',
  'web-timestamp': 'Timestamp',
  'rate-limit': 'Rate limit',
  'payload-filter': 'Payload filter',
};

export function ConditionCard({ value, index, count, env, onChange, onMove, onRemove }: {
  value: Condition;
  index: number;
  count: number;
  env: EnvVariable[] | null;
  onChange(next: Condition): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
}) {
  const path = `conditions[${index}]`;
  return (
    <CardFrame title={TITLES[value.type]} subtitle={value.type} path={path} index={index} count={count} onMove={onMove} onRemove={onRemove} testId={`condition-${index}`}>
      {value.type === 'web-auth' && <WebAuthFields value={value} path={path} env={env} onChange={onChange} />}
      {value.type === 'web-timestamp' && <TimestampFields value={value} path={path} onChange={onChange} />}
      {value.type === 'rate-limit' && <RateLimitFields value={value} path={path} onChange={onChange} />}
      {value.type === 'payload-filter' && <PayloadFilterFields value={value} path={path} onChange={onChange} />}
    </CardFrame>
  );
}
