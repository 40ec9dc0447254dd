import { useRef } from 'react';
import { parseFormat } from '@shared/triggers/basestring';
import { segmentClass, visibleLiteral } from '../lib/segmentKinds';

const CHIPS: { insert: string; select?: [number, number]; title: string }[] = [
  { insert: '{body}', title: 'The exact request body bytes' },
  { insert: '{header:Name}', select: [8, 12], title: "A header's value; a missing header fails the condition" },
  { insert: '{query:name}', select: [7, 11], title: 'A query parameter (Hookbench extension)' },
  { insert: '{method}', title: 'The request method (Hookbench extension)' },
  { insert: '{url}', title: 'The raw request target (Hookbench extension)' },
];

/**
 * An HMAC basestring format with placeholder chips that insert at the cursor, and the format
 * split into its parts right under it, so a typo like {headr:X} shows up as literal text.
 */
export function FormatInput({
  value,
  onChange,
  id,
  testId,
  invalid,
}: {
  value: string;
  onChange(next: string): void;
  id: string;
  testId: string;
  invalid?: boolean;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const insert = (chip: (typeof CHIPS)[number]) => {
    const input = ref.current;
    const start = input?.selectionStart ?? value.length;
    const end = input?.selectionEnd ?? value.length;
    onChange(value.slice(0, start) + chip.insert + value.slice(end));
    requestAnimationFrame(() => {
      if (!input) return;
      input.focus();
      const [from, to] = chip.select ?? [chip.insert.length, chip.insert.length];
      input.setSelectionRange(start + from, start + to);
    });
  };
  const parts = parseFormat(value);
  return (
    <div className="format-input">
      <input
        ref={ref}
        id={id}
        className="input mono"
        data-testid={testId}
        aria-invalid={invalid || undefined}
        value={value}
        spellCheck={false}
        placeholder="{body}"
        onChange={(e) => onChange(e.target.value)}
      />
      <div className="format-chips" aria-label="Insert a placeholder">
        {CHIPS.map((chip) => (
          <button key={chip.insert} type="button" className="chip" title={chip.title} onClick={() => insert(chip)}>
            {chip.insert}
          </button>
        ))}
      </div>
      {parts.length > 0 && (
        <div className="format-parts" data-testid={`${testId}-parts`}>
          {parts.map((part, i) => (
            <span key={i} className={segmentClass(part)} title={part.kind}>
              {part.kind === 'literal' ? visibleLiteral(part.text) : part.source}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
