// valohai.yaml: steps, pipelines, both edge forms, and problems with line numbers.
import { describe, expect, it } from 'vitest';
import { parseEdge, globToRegExp } from '../../../src/main/engine/project/pipeline-edges';
import { parseValohaiYaml } from '../../../src/main/engine/project/parse-valohai-yaml';

const GOOD = `- step:
    name: preprocess
    image: python:3.12
    command: python preprocess.py
    inputs:
      - name: dataset
      - name: extra
        default: s3://bucket/x.csv
        optional: true
    parameters:
      - name: epochs
        type: integer
        default: 5
      - name: fast
        type: flag
- step:
    name: train
    command:
      - pip install -r requirements.txt
      - python train.py {parameters}
    inputs:
      - name: dataset
- pipeline:
    name: train-pipeline
    nodes:
      - name: preprocess
        type: execution
        step: preprocess
      - name: train
        type: execution
        step: train
    edges:
      - [preprocess.output.*, train.input.dataset]
      - source: preprocess.output.*.csv
        target: train.input.dataset
`;

describe('parseValohaiYaml', () => {
  it('reads steps with commands, inputs and typed parameters, and pipelines with both edge forms', () => {
    const def = parseValohaiYaml(GOOD);
    expect(def.problems).toEqual([]);
    expect(def.steps.map((s) => [s.name, s.command, s.line])).toEqual([
      ['preprocess', ['python preprocess.py'], 2],
      ['train', ['pip install -r requirements.txt', 'python train.py {parameters}'], 17],
    ]);
    expect(def.steps[0].image).toBe('python:3.12');
    expect(def.steps[0].inputs).toEqual([
      { name: 'dataset', optional: false, defaults: [] },
      { name: 'extra', optional: true, defaults: ['s3://bucket/x.csv'] },
    ]);
    expect(def.steps[0].parameters).toEqual([
      { name: 'epochs', type: 'integer', default: 5, optional: false },
      { name: 'fast', type: 'flag', optional: true },
    ]);
    const [pipeline] = def.pipelines;
    expect(pipeline.nodes.map((n) => `${n.name}:${n.step}`)).toEqual(['preprocess:preprocess', 'train:train']);
    expect(pipeline.edges).toEqual([
      { source: { node: 'preprocess', kind: 'output', name: '*' }, target: { node: 'train', kind: 'input', name: 'dataset' } },
      { source: { node: 'preprocess', kind: 'output', name: '*.csv' }, target: { node: 'train', kind: 'input', name: 'dataset' } },
    ]);
  });

  it('reports syntax errors with their line', () => {
    const def = parseValohaiYaml('- step:\n    name: a\n    command: [oops\n- step:\n');
    expect(def.problems.length).toBeGreaterThan(0);
    expect(def.problems[0].severity).toBe('error');
    expect(def.problems[0].line).toBeGreaterThanOrEqual(3);
  });

  it('names unknown steps, undeclared nodes and inputs, bad types and cycles with their lines', () => {
    const text = `- step:
    name: a
    command: run
    inputs:
      - name: in
    parameters:
      - name: n
        type: integer
        default: many
- pipeline:
    name: p
    nodes:
      - name: one
        type: execution
        step: a
      - name: two
        type: execution
        step: missing-step
    edges:
      - [one.output.*, ghost.input.in]
      - [one.output.*, one.input.nothing]
      - [one.output.x, two.input.in]
      - [two.output.x, one.input.in]
      - [one.output, two.input.in]
`;
    const problems = parseValohaiYaml(text).problems.map((p) => `${p.line}: ${p.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        '9: parameter "n": default "many" is not a integer',
        expect.stringMatching(/^24: edge 5: source "one.output" must look like/),
        '16: pipeline "p": node "two" uses step "missing-step", which is not declared',
        '20: pipeline "p": edge 1 refers to node "ghost", which is not declared in the pipeline',
        '21: pipeline "p": edge 2 connects node "one" to itself',
        '21: pipeline "p": edge 2 targets input "nothing", which step "a" does not declare',
        '11: pipeline "p": the edges form a cycle (one → one)',
      ]),
    );
  });

  it('rejects a file whose top level is not a list', () => {
    expect(parseValohaiYaml('step: x').problems[0]).toMatchObject({ line: 1, severity: 'error' });
    expect(parseValohaiYaml('').problems[0].message).toContain('empty');
  });
});

describe('edges and globs', () => {
  it('parses parameter edges and refuses malformed ones', () => {
    expect(parseEdge(['a.parameter.x', 'b.parameter.y'])).toEqual({
      source: { node: 'a', kind: 'parameter', name: 'x' },
      target: { node: 'b', kind: 'parameter', name: 'y' },
    });
    expect(parseEdge(['a.output.*', 'b.parameter.y'])).toMatch(/must end at an input/);
    expect(parseEdge(['a.parameter.x', 'b.input.y'])).toMatch(/must end at a parameter/);
    expect(parseEdge('a -> b')).toMatch(/\[source, target\]/);
  });

  it('matches * within a segment and ** across segments', () => {
    expect(globToRegExp('*.csv').test('rows.csv')).toBe(true);
    expect(globToRegExp('*.csv').test('dir/rows.csv')).toBe(false);
    expect(globToRegExp('**.csv').test('dir/rows.csv')).toBe(true);
    expect(globToRegExp('*').test('model.bin')).toBe(true);
    expect(globToRegExp('a.b').test('axb')).toBe(false);
  });
});
