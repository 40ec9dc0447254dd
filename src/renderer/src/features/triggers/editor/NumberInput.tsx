import { useEffect, useState, type InputHTMLAttributes } from 'react';

/** A number field that lets you type freely; anything unparsable reaches the draft as NaN (and fails validation). */
export function NumberInput({
  value,
  onChange,
  ...rest
}: { value: number; onChange(next: number): void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  const [text, setText] = useState(Number.isFinite(value) ? String(value) : '');
  useEffect(() => {
    if (Number(text) !== value && !(Number.isNaN(value) && text.trim() !== '' && Number.isNaN(Number(text))))
      setText(Number.isFinite(value) ? String(value) : '');
  }, [value]);
  return (
    <input
      {...rest}
      className="input input-number mono"
      inputMode="decimal"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(e.target.value.trim() === '' ? Number.NaN : Number(e.target.value));
      }}
    />
  );
}
