import { useEffect, useState } from 'react';
import { listFromLines } from '../lib/draftOps';

/** A list edited as lines; the text is kept as typed so a new empty line survives until filled. */
export function ListTextarea({
  list,
  onChange,
  ...rest
}: {
  list: string[];
  onChange(next: string[]): void;
  id: string;
  'data-testid': string;
  'aria-invalid'?: boolean;
}) {
  const [text, setText] = useState(list.join('\n'));
  useEffect(() => {
    if (listFromLines(text).join('\n') !== list.join('\n')) setText(list.join('\n'));
    // only an outside change of the list (undo, another card) resets the text
  }, [list]);
  return (
    <textarea
      {...rest}
      className="input textarea mono"
      rows={Math.min(8, Math.max(3, list.length + 1))}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(listFromLines(e.target.value));
      }}
    />
  );
}
