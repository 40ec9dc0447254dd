// Pipeline edges in both written forms: `[a.output.*, b.input.x]` and `{ source, target }`.
import { RE2JS } from 're2js';
import type { PipelineEdgeDecl } from '@shared/project';

const SOURCE_KINDS = ['output', 'parameter', 'metadata'] as const;
const TARGET_KINDS = ['input', 'parameter'] as const;

/** The parsed edge, or a sentence saying what is wrong with it. */
export function parseEdge(raw: unknown): PipelineEdgeDecl | string {
  let source: unknown;
  let target: unknown;
  if (Array.isArray(raw)) {
    if (raw.length !== 2) return 'a list edge has exactly two entries: [source, target]';
    [source, target] = raw;
  } else if (typeof raw === 'object' && raw !== null) {
    ({ source, target } = raw as { source?: unknown; target?: unknown });
  } else {
    return 'an edge is [source, target] or { source, target }';
  }
  if (typeof source !== 'string' || typeof target !== 'string') return 'source and target must be strings like "node.output.*"';
  const s = splitRef(source);
  const t = splitRef(target);
  if (!s || !(SOURCE_KINDS as readonly string[]).includes(s.kind))
    return `source "${source}" must look like node.output.<glob>, node.parameter.<name> or node.metadata.<key>`;
  if (!t || !(TARGET_KINDS as readonly string[]).includes(t.kind)) return `target "${target}" must look like node.input.<name> or node.parameter.<name>`;
  if (s.kind === 'output' && t.kind !== 'input') return `an output edge must end at an input, not "${target}"`;
  if (s.kind !== 'output' && t.kind !== 'parameter') return `a ${s.kind} edge must end at a parameter, not "${target}"`;
  return {
    source: { node: s.node, kind: s.kind as PipelineEdgeDecl['source']['kind'], name: s.name },
    target: { node: t.node, kind: t.kind as PipelineEdgeDecl['target']['kind'], name: t.name },
  };
}

/** "node.kind.rest" where rest may itself contain dots (a glob such as *.csv). */
function splitRef(ref: string): { node: string; kind: string; name: string } | null {
  const first = ref.indexOf('.');
  const second = first < 0 ? -1 : ref.indexOf('.', first + 1);
  if (first <= 0 || second < 0 || second === ref.length - 1) return null;
  return { node: ref.slice(0, first), kind: ref.slice(first + 1, second), name: ref.slice(second + 1) };
}

/**
 * Glob of an output edge: `*` matches within a path segment, `**` across segments. Matched with
 * RE2 (linear time): a config's `**a**a**a…b` cannot make the backtracking engine stall.
 */
export function globToRegExp(glob: string): { test(name: string): boolean } {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      out += '.*';
      i++;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return RE2JS.compile(`^${out}$`);
}
