// Real commands in a temp project: python3 and node steps, the valohai-utils layout, pipelines,
// failures, timeouts and stops.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { logText, openHarness, waitFor, type RunHarness } from './harness';

const YAML = `
- step:
    name: parse-payload
    image: python:3.12
    command:
      - python3 parse.py {parameters}
    inputs:
      - name: dataset
    parameters:
      - name: greeting
        type: string
        default: hello
      - name: repeat
        type: integer
        default: 2
- step:
    name: produce
    command: node produce.js
    inputs:
      - name: dataset
    parameters:
      - name: label
        default: from-produce
- step:
    name: consume
    command:
      - node consume.js {parameters}
    inputs:
      - name: dataset
    parameters:
      - name: label
        default: unset
- step:
    name: fail
    command: node -e "console.error('boom'); process.exit(3)"
- step:
    name: hang
    command: node -e "console.log('hanging'); setInterval(() => {}, 1000)"
- pipeline:
    name: chain
    nodes:
      - name: produce
        type: execution
        step: produce
      - name: consume
        type: execution
        step: consume
    edges:
      - [produce.output.*.csv, consume.input.dataset]
      - source: produce.parameter.label
        target: consume.parameter.label
- pipeline:
    name: broken
    nodes:
      - name: first
        type: execution
        step: fail
      - name: second
        type: execution
        step: consume
      - name: side
        type: execution
        step: produce
    edges:
      - [first.output.*, second.input.dataset]
`;

// reads inputs.json exactly as valohai-utils does: data[name]["files"][i]["path"]
const PARSE_PY = `
import json, os, sys
with open(os.path.join(os.environ["VH_CONFIG_DIR"], "inputs.json")) as f:
    inputs = json.load(f)
files = inputs["dataset"]["files"]
assert set(files[0]) == {"name", "uri", "path", "size", "checksums"}, files[0]
with open(files[0]["path"]) as f:
    payload = json.load(f)
with open(os.path.join(os.environ["VH_CONFIG_DIR"], "parameters.json")) as f:
    params = json.load(f)
print("user id is", payload["user"]["id"])
print("args", " ".join(sys.argv[1:]))
print("params", params["greeting"], params["repeat"])
print("oops on stderr", file=sys.stderr)
with open(os.path.join(os.environ["VH_OUTPUTS_DIR"], "result.txt"), "w") as out:
    out.write(payload["user"]["id"])
`;

const PRODUCE_JS = `
const fs = require('fs'); const path = require('path');
const out = process.env.VH_OUTPUTS_DIR;
fs.writeFileSync(path.join(out, 'rows.csv'), 'a,b\\n1,2\\n');
fs.writeFileSync(path.join(out, 'ignored.txt'), 'not a csv');
console.log('produced');
`;

const CONSUME_JS = `
const fs = require('fs'); const path = require('path');
const inputs = JSON.parse(fs.readFileSync(path.join(process.env.VH_CONFIG_DIR, 'inputs.json'), 'utf8'));
const names = (inputs.dataset ? inputs.dataset.files : []).map((f) => f.name + '=' + fs.readFileSync(f.path, 'utf8').split('\\n')[1]);
console.log('consumed', names.join(','), process.argv.slice(2).join(' '));
`;

const FILES = { 'valohai.yaml': YAML, 'parse.py': PARSE_PY, 'produce.js': PRODUCE_JS, 'consume.js': CONSUME_JS };

let h: RunHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe('command mode', () => {
  it('runs a python step that reads its payload through inputs.json and writes an output', async () => {
    h = await openHarness(FILES);
    const body = Buffer.from(JSON.stringify({ user: { id: 'u-4711' } }));
    const { execution, done } = await h.runs.launchExecution('parse-payload', { inputName: 'dataset', bytes: body }, { triggerId: 't1' });
    const final = await done;
    const log = await logText(h.runs, final);
    expect(final.status, log).toBe('completed');
    expect(final.exitCode).toBe(0);
    expect(log).toContain('user id is u-4711');
    expect(log).toContain('args --greeting=hello --repeat=2');
    expect(log).toContain('params hello 2');
    expect(final.outputs).toEqual(['result.txt']);
    expect(await readFile(join(final.workDir!, 'outputs', 'result.txt'), 'utf8')).toBe('u-4711');
    // the payload file holds the untouched body
    expect(await readFile(final.inputs.dataset[0])).toEqual(body);
    expect(h.statusesOf(execution.id)).toEqual(['created', 'queued', 'started', 'completed']);
    expect(final.createdAt).toBeLessThanOrEqual(final.queuedAt!);
    expect(final.startedAt).toBeLessThanOrEqual(final.endedAt!);
    const page = await h.runs.log({ executionId: final.id, search: 'STDERR' });
    expect(page.lines.map((l) => [l.stream, l.text])).toEqual([['stderr', 'oops on stderr']]);
    const files = await h.runs.files(final.id);
    expect(files.outputs.map((f) => f.name)).toEqual(['result.txt']);
    expect(files.inputs.map((f) => [f.input, f.name])).toEqual([['dataset', 'payload.json']]);
    expect(h.events.some((e) => e.type === 'execution.log' && e.lines.some((l) => l.text.includes('u-4711')))).toBe(true);
  });

  it('refuses a step or payload input the project does not declare', async () => {
    h = await openHarness(FILES);
    await expect(h.runs.launchExecution('nope', null, {})).rejects.toThrow(/no step "nope"/);
    await expect(h.runs.launchExecution('parse-payload', { inputName: 'other', bytes: Buffer.from('{}') }, {})).rejects.toThrow(/no input "other"/);
  });

  it('passes a file and a parameter along pipeline edges', async () => {
    h = await openHarness(FILES);
    const { pipeline, done } = await h.runs.launchPipeline('chain', null, {});
    expect(pipeline.nodes.map((n) => [n.name, n.status, n.dependsOn])).toEqual([
      ['produce', 'pending', []],
      ['consume', 'pending', ['produce']],
    ]);
    const final = await done;
    expect(final.status).toBe('completed');
    expect(final.nodes.map((n) => n.status)).toEqual(['completed', 'completed']);
    const consume = h.runs.pipeline(final.id)!.executions.find((e) => e.nodeName === 'consume')!;
    const log = await logText(h.runs, consume);
    // only the *.csv output crossed the edge; the label came from produce's parameter
    expect(log).toContain('consumed rows.csv=1,2 --label=from-produce');
    const produce = h.runs.pipeline(final.id)!.executions.find((e) => e.nodeName === 'produce')!;
    expect(produce.endedAt).toBeLessThanOrEqual(consume.startedAt!);
  });

  it('fails the pipeline when a node fails and stops its dependents, while independent nodes finish', async () => {
    h = await openHarness(FILES);
    const final = await (await h.runs.launchPipeline('broken', null, {})).done;
    expect(final.status).toBe('error');
    const byName = Object.fromEntries(final.nodes.map((n) => [n.name, n]));
    expect(byName.first.status).toBe('error');
    expect(byName.second.status).toBe('stopped');
    expect(byName.second.reason).toContain('"first"');
    expect(byName.second.executionId).toBeUndefined();
    expect(byName.side.status).toBe('completed');
    const first = h.runs.pipeline(final.id)!.executions.find((e) => e.nodeName === 'first')!;
    expect(first.exitCode).toBe(3);
    expect(first.statusReason).toBe('exit code 3');
    expect(await logText(h.runs, first)).toContain('boom');
  });

  it('ends a step that hangs past the timeout', async () => {
    h = await openHarness(FILES, { timeoutSeconds: 1 });
    const started = Date.now();
    const final = await (await h.runs.launchExecution('hang', null, {})).done;
    expect(final.status).toBe('error');
    expect(final.statusReason).toBe('timed out after 1 s');
    expect(Date.now() - started).toBeLessThan(6000);
    expect(await logText(h.runs, final)).toContain('hanging');
  });

  it('stops a running step on request', async () => {
    h = await openHarness(FILES);
    const { execution, done } = await h.runs.launchExecution('hang', null, {});
    await waitFor(() => h!.events.some((e) => e.type === 'execution.log' && e.lines.some((l) => l.executionId === execution.id && l.text === 'hanging')));
    expect(await h.runs.stop(execution.id)).toEqual({ stopped: true });
    const final = await done;
    expect(final.status).toBe('stopped');
    expect(final.statusReason).toBe('stopped by user');
    expect(await h.runs.stop(execution.id)).toEqual({ stopped: false });
  });

  it('queues executions beyond the concurrency limit', async () => {
    h = await openHarness(FILES, { concurrency: 1 });
    const a = await h.runs.launchExecution('hang', null, {});
    const b = await h.runs.launchExecution('produce', null, {});
    await waitFor(() => h!.statusesOf(a.execution.id).includes('started'));
    await new Promise((r) => setTimeout(r, 300));
    expect(h.statusesOf(b.execution.id)).toEqual(['created', 'queued']);
    await h.runs.stop(a.execution.id);
    expect((await b.done).status).toBe('completed');
    // stop while queued
    const c = await h.runs.launchExecution('hang', null, {});
    const d = await h.runs.launchExecution('produce', null, {});
    await waitFor(() => h!.statusesOf(d.execution.id).includes('queued'));
    await h.runs.stop(d.execution.id);
    expect((await d.done).status).toBe('stopped');
    expect((await d.done).startedAt).toBeUndefined();
    await h.runs.stop(c.execution.id);
  });

  it('re-runs an execution with the same inputs and parameters', async () => {
    h = await openHarness(FILES);
    const body = Buffer.from(JSON.stringify({ user: { id: 'again' } }));
    const first = await (await h.runs.launchExecution('parse-payload', { inputName: 'dataset', bytes: body }, {})).done;
    const again = await h.runs.rerun(first.id);
    expect(again?.kind).toBe('execution');
    await h.runs.idle();
    const detail = await h.runs.execution(again!.id);
    expect(detail!.execution.status).toBe('completed');
    expect(detail!.execution.rerunOf).toBe(first.id);
    expect(detail!.logTail.map((l) => l.text)).toContain('user id is again');
    expect(h.runs.list({}).items.map((i) => (i.kind === 'execution' ? i.execution.id : ''))).toEqual([again!.id, first.id]);
  });
});

describe('invalid pipelines', () => {
  it('refuses to run a pipeline whose edges name an undeclared node, citing the line', async () => {
    h = await openHarness({
      ...FILES,
      'valohai.yaml': `${YAML}- pipeline:\n    name: dangling\n    nodes:\n      - name: a\n        type: execution\n        step: produce\n    edges:\n      - [ghost.output.*, a.input.dataset]\n`,
    });
    await expect(h.runs.launchPipeline('dangling', null, {})).rejects.toThrow(/pipeline "dangling" cannot run: line \d+: .*"ghost"/);
    expect(h.runs.list({}).total).toBe(0);
  });
});
