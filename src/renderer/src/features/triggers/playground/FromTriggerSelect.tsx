import type { WebAuthCondition } from '@shared/trigger';
import { selectTriggerItems } from '../../../store/selectors';
import { useAppStore } from '../../../store/store';
import type { PlaygroundForm } from './buildInput';

/** Fills the playground from an HMAC condition of a saved trigger. */
export function FromTriggerSelect({ onPick }: { onPick(patch: Partial<PlaygroundForm>): void }) {
  const triggers = useAppStore(selectTriggerItems);
  const options = triggers.flatMap((t) =>
    t.conditions.flatMap((c, i) =>
      c.type === 'web-auth' && c.authType === 'hmac' ? [{ key: `${t.id}#${i}`, label: `${t.title} · condition ${i + 1}`, c }] : [],
    ),
  );
  if (!options.length) return null;
  return (
    <select
      className="input"
      aria-label="Load from a trigger"
      data-testid="pg-from-trigger"
      value=""
      onChange={(e) => {
        const found = options.find((o) => o.key === e.target.value);
        if (!found) return;
        const c: WebAuthCondition = found.c;
        onPick({ format: c.hmacFormat ?? '{body}', secretKey: c.secretKey, algorithm: c.algorithm ?? 'sha256', encoding: c.encoding ?? 'hex' });
      }}
    >
      <option value="">Load from a trigger…</option>
      {options.map((o) => (
        <option key={o.key} value={o.key}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
