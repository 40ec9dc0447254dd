// A step's metadata (JSON objects printed one per line on stdout, as Valohai reads them) crosses a
// metadata→parameter pipeline edge; the collector survives any chunking (fixed-seed fuzz).
import { afterEach, describe, expect, it } from 'vitest';
import { createMetadataCollector } from '../../../src/main/engine/runs/step-metadata';
import { logText, openHarness, type RunHarness } from './harness';

const YAML = `
- step:
    name: measure
    image: node:20
    command:
      - node measure.js
- step:
    name: report
    image: node:20
    command:
      - node report.js {parameters}
    parameters:
      - name: msg
        type: string
        default: the-default
      - name: score
        type: float
        default: 0
- pipeline:
    name: measured
    nodes:
      - name: source
        type: execution
        step: measure
      - name: sink
        type: execution
        step: report
    edges:
      - [source.metadata.msg, sink.parameter.msg]
      - source: source.metadata.score
        target: sink.parameter.score
`;
const MEASURE_JS = `
console.log('starting');
console.log(JSON.stringify({ msg: 'first', score: 0.5 }));
console.log('{ not json');
process.stdout.write(JSON.stringify({ msg: 'hello from metadata' }) + '\\n' + JSON.stringify({ score: 0.93 }) + '\\n');
`;
const REPORT_JS = `console.log('report', process.argv.slice(2).join(' '));`;

let h: RunHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe('metadata → parameter edges', () => {
  it('the downstream node gets the metadata the upstream step printed (last value per key wins)', async () => {
    h = await openHarness({ 'valohai.yaml': YAML, 'measure.js': MEASURE_JS, 'report.js': REPORT_JS });
    const final = await (await h.runs.launchPipeline('measured', null, {})).done;
    expect(final.status).toBe('completed');
    const executions = h.runs.pipeline(final.id)!.executions;
    const source = executions.find((e) => e.nodeName === 'source')!;
    expect(source.metadata).toEqual({ msg: 'hello from metadata', score: 0.93 });
    const sink = executions.find((e) => e.nodeName === 'sink')!;
    expect(sink.parameters).toMatchObject({ msg: 'hello from metadata', score: 0.93 });
    expect(await logText(h.runs, sink)).toContain('report --msg=hello from metadata --score=0.93');
  });

  it('without the key in the metadata the parameter keeps its default', async () => {
    h = await openHarness({ 'valohai.yaml': YAML, 'measure.js': 'console.log("nothing to say")', 'report.js': REPORT_JS });
    const final = await (await h.runs.launchPipeline('measured', null, {})).done;
    const sink = h.runs.pipeline(final.id)!.executions.find((e) => e.nodeName === 'sink')!;
    expect(sink.parameters).toMatchObject({ msg: 'the-default' });
  });
});

describe('the metadata collector', () => {
  it('finds the same metadata however stdout is chunked, among ordinary lines (seeded)', () => {
    let seed = 4242;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let round = 0; round < 300; round++) {
      const expected: Record<string, unknown> = {};
      const lines: string[] = [];
      for (let i = rnd(12); i > 0; i--) {
        const kind = rnd(5);
        if (kind === 0) {
          const obj = { [`k${rnd(4)}`]: rnd(2) ? rnd(1000) : `v${rnd(100)} ünï`, ...(rnd(2) ? { nested: { a: [1, rnd(9)] } } : {}) };
          Object.assign(expected, obj);
          lines.push(rnd(2) ? JSON.stringify(obj) : `  ${JSON.stringify(obj, null, 0)}\r`);
        } else if (kind === 1) lines.push('{ broken json');
        else if (kind === 2) lines.push('[1,2,3]');
        else lines.push(`plain log line ${rnd(100)} {x}`);
      }
      const bytes = Buffer.from(lines.join('\n') + (rnd(2) ? '\n' : ''));
      const collector = createMetadataCollector();
      for (let at = 0; at < bytes.length;) {
        const size = 1 + rnd(7);
        collector.push(bytes.subarray(at, at + size));
        at += size;
      }
      expect(collector.end()).toEqual(expected);
    }
  });
});
