// Command-mode rendering cannot inject: for thousands of seeded random values (quotes, `$`
// patterns, backticks, newlines, unicode, placeholders inside values) a real `sh -c` hands the
// command exactly those bytes as argv. Plus the concrete cases of issue 10 through the run service.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProjectStep, StepParameter } from '@shared/project';
import { CommandRenderError, renderCommand } from '../../../src/main/engine/runs/step-parameters';
import { logText, openHarness, type RunHarness } from './harness';
import { mulberry32 as seeded } from '../../support/seeded-random';

const PIECES = [
  "'",
  '"',
  '$',
  '`',
  '\\',
  '\n',
  '\r',
  '\t',
  ' ',
  ';',
  '&',
  '|',
  '<',
  '>',
  '(',
  ')',
  '{',
  '}',
  '*',
  '?',
  '[',
  ']',
  '~',
  '#',
  '!',
  '=',
  '%',
  '-',
  '^',
  '$&',
  '$$',
  '$`',
  "$'",
  '$1',
  '$(touch pwned)',
  '`touch pwned`',
  '${IFS}',
  "'\\''",
  "\\'",
  '{v}',
  '{parameters}',
  '{parameter:p0}',
  '{parameter-value:p1}',
  '{parameter-value:p0} ; touch pwned ;',
  'a',
  'Z',
  '0',
  'é',
  'ß',
  '💥',
  '\u200b',
  '\u00a0',
  '\u0001',
  '\u001b[31m',
  '\u007f',
  '中文',
];

function randomValue(next: () => number): string {
  const length = Math.floor(next() * 12);
  let out = '';
  for (let i = 0; i < length; i++) out += PIECES[Math.floor(next() * PIECES.length)];
  if (next() < 0.2) out += '$'; // a trailing `$` broke the old quoting
  return out;
}

/** Runs the lines with sh and returns the argv printf saw, split on the NUL it wrote after each. */
function argvOf(script: string, cwd: string): string[] {
  const out = execFileSync('sh', ['-c', script], { cwd, maxBuffer: 64 * 1024 * 1024 });
  const words = out.toString('utf8').split('\0');
  words.pop(); // after the last NUL
  return words;
}

const param = (name: string, extra: Partial<StepParameter> = {}): StepParameter => ({ name, type: 'string', optional: false, ...extra });

describe('command rendering (property test, fixed seed)', () => {
  it('hands sh exactly the value bytes as argv, for 4000 random values in few shell calls', () => {
    const next = seeded(0x10c0ffee);
    const cwd = process.cwd();
    const BATCH = 200;
    let checked = 0;
    for (let batch = 0; batch < 20; batch++) {
      const values: Record<string, string> = {};
      const names: string[] = [];
      for (let i = 0; i < BATCH; i++) {
        names.push(`p${i}`);
        values[`p${i}`] = randomValue(next);
      }
      const step: ProjectStep = { name: 's', command: [], parameters: names.map((n) => param(n)) } as unknown as ProjectStep;
      // bare values, then --name=value arguments one by one, then all of them via {parameters}
      const line = `printf '%s\\0' ${names.map((n) => `{parameter-value:${n}}`).join(' ')} ${names.map((n) => `{parameter:${n}}`).join(' ')} {parameters}`;
      const [script] = renderCommand([line], step, values);
      const argv = argvOf(script, cwd);
      const expected = [...names.map((n) => values[n]), ...names.map((n) => `--${n}=${values[n]}`), ...names.map((n) => `--${n}=${values[n]}`)];
      expect(argv.length).toBe(expected.length);
      for (let i = 0; i < expected.length; i++) {
        if (argv[i] !== expected[i]) throw new Error(`batch ${batch}, word ${i}: sh saw ${JSON.stringify(argv[i])}, value was ${JSON.stringify(expected[i])}`);
      }
      checked += BATCH;
    }
    expect(checked).toBe(4000);
    expect(existsSync(join(cwd, 'pwned'))).toBe(false);
  });

  it('puts values into a passAs template literally, once', () => {
    const next = seeded(42);
    const values: Record<string, string> = {};
    const params: StepParameter[] = [];
    for (let i = 0; i < 300; i++) {
      values[`q${i}`] = randomValue(next);
      params.push(param(`q${i}`, { passAs: i % 2 ? '-q={v}' : '{v}:{v}' }));
    }
    const step = { name: 's', command: [], parameters: params } as unknown as ProjectStep;
    const [script] = renderCommand([`printf '%s\\0' {parameters}`], step, values);
    const expected = params.map((p, i) => (i % 2 ? `-q=${values[p.name]}` : `${values[p.name]}:${values[p.name]}`));
    expect(argvOf(script, process.cwd())).toEqual(expected);
  });

  it('refuses a value with a NUL byte instead of cutting it', () => {
    expect(() => renderCommand(['echo {parameter-value:a}'], undefined, { a: 'x\0y' })).toThrow(CommandRenderError);
  });

  it('keeps the issue 10 values intact: pa$$word, ^refs/heads/main$, $& and a placeholder inside a value', () => {
    const values = { a: 'pa$$word', b: '^refs/heads/main$', c: "it's $& $` $' end", d: '{parameter-value:a} ; touch pwned ;' };
    const [script] = renderCommand([`printf '%s\\0' {parameter-value:a} {parameter-value:b} {parameter-value:c} {parameter-value:d}`], undefined, values);
    expect(argvOf(script, process.cwd())).toEqual([values.a, values.b, values.c, values.d]);
  });
});

const YAML = `
- step:
    name: hostile
    command:
      - printf '%s\\n' {parameter-value:a} {parameter-value:b} {parameter-value:c}
      - node argv.js {parameters}
    parameters:
      - name: a
        default: "X$"
      - name: b
        default: ";touch marker;#"
      - name: c
        default: "{parameter-value:a} ; touch marker2 ;"
`;
const ARGV_JS = `console.log('argv', JSON.stringify(process.argv.slice(2)));`;

let h: RunHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe('a step whose parameter defaults are shell code', () => {
  it('runs the command with the defaults as plain arguments and creates no marker', async () => {
    h = await openHarness({ 'valohai.yaml': YAML, 'argv.js': ARGV_JS });
    const final = await (await h.runs.launchExecution('hostile', null, {})).done;
    const log = await logText(h.runs, final);
    expect(final.status, log).toBe('completed');
    expect(log).toContain('X$\n;touch marker;#\n{parameter-value:a} ; touch marker2 ;');
    expect(log).toContain(`argv ${JSON.stringify(['--a=X$', '--b=;touch marker;#', '--c={parameter-value:a} ; touch marker2 ;'])}`);
    for (const dir of [h.projectDir, final.workDir!]) {
      expect(existsSync(join(dir, 'marker'))).toBe(false);
      expect(existsSync(join(dir, 'marker2'))).toBe(false);
    }
  });
});
