// One figure of `npm run bench`: the value, the baseline it is judged against (measured in the
// same run), the target, and whether it holds. Printed as a table and as JSON.
export interface Figure {
  /** short stable key, e.g. "trigger-hmac" */
  id: string;
  label: string;
  value: number;
  unit: string;
  baseline?: { label: string; value: number; unit: string };
  /** value / baseline when the target is a ratio */
  ratio?: number;
  target: string;
  /** 'info': a figure without a requirement (it informs a decision or shows a path), never a failure */
  pass: boolean | 'info';
  detail?: Record<string, unknown>;
}

export const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;

export function ratioFigure(f: Omit<Figure, 'ratio' | 'pass' | 'target'> & { min: number }): Figure {
  const r = ratio(f.value, f.baseline!.value);
  const { min, ...rest } = f;
  return { ...rest, ratio: r, target: `>= ${min}x`, pass: f.value / f.baseline!.value >= min };
}

/** the same figure shown as information: its target becomes the decision it informs */
export function asInfo(f: Figure, decision: string): Figure {
  return { ...f, target: decision, pass: 'info', detail: { ...f.detail, wouldHold: f.pass } };
}

export function maxFigure(f: Omit<Figure, 'pass' | 'target'> & { max: number }): Figure {
  const { max, ...rest } = f;
  return { ...rest, target: `<= ${max} ${f.unit}`, pass: f.value <= max };
}

const fmt = (value: number, unit: string): string => `${value.toLocaleString('en-US')} ${unit}`;

export function table(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.label,
    fmt(f.value, f.unit),
    f.baseline ? `${fmt(f.baseline.value, f.baseline.unit)} (${f.baseline.label})` : '—',
    f.ratio !== undefined ? `${f.ratio}x` : '—',
    f.target,
    f.pass === 'info' ? 'info' : f.pass ? 'pass' : 'FAIL',
  ]);
  const head = ['figure', 'value', 'baseline (same run)', 'ratio', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
