// Regular expressions from configs run on webhook data with RE2 semantics (re2js, a pure-JS
// port): time linear in the input, whatever the pattern, so `^(a+)+$` cannot stall the engine.
// The price: backreferences and lookaround, which need backtracking, are not supported.
import { RE2JS } from 're2js';

export type CompiledPattern =
  | { ok: true; test(text: string): boolean }
  /** `unsupported`: valid JS syntax that RE2 cannot run (backreferences, lookaround) */
  | { ok: false; message: string; unsupported: boolean };

/**
 * Names the first construct RE2 cannot run (JS syntax that needs backtracking), or null.
 * Checked before re2js sees the pattern: its JS translation would silently turn `\k<x>` into `k<x>`.
 */
export function unsupportedConstruct(source: string): string | null {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const n = source[i + 1];
      if (!inClass && n !== undefined && n >= '1' && n <= '9') return `backreference \\${n} at ${i}`;
      if (!inClass && n === 'k' && source[i + 2] === '<') return `named backreference \\k<…> at ${i}`;
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
      if (source[i + 1] === ']') i++; // "[]]" style: the first ] is literal in RE2
    } else if (c === '(' && source[i + 1] === '?') {
      const kind = source.slice(i + 2, i + 4);
      if (kind.startsWith('=')) return `lookahead (?=…) at ${i}`;
      if (kind.startsWith('!')) return `negative lookahead (?!…) at ${i}`;
      if (kind === '<=') return `lookbehind (?<=…) at ${i}`;
      if (kind === '<!') return `negative lookbehind (?<!…) at ${i}`;
    }
  }
  return null;
}

const cache = new Map<string, CompiledPattern>();
const CACHE_LIMIT = 256;

/** Compiles a payload-filter pattern (JS regex syntax, no flags) for linear-time matching. */
export function compilePattern(source: string): CompiledPattern {
  const hit = cache.get(source);
  if (hit) return hit;
  const compiled = compileUncached(source);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(source, compiled);
  return compiled;
}

function compileUncached(source: string): CompiledPattern {
  const unsupported = unsupportedConstruct(source);
  if (unsupported)
    return {
      ok: false,
      unsupported: true,
      message: `${unsupported} is not supported: patterns run with RE2 semantics (linear time), which has no backreferences or lookaround`,
    };
  try {
    const re = RE2JS.compile(RE2JS.translateRegExp(source));
    return { ok: true, test: (text) => re.test(text) };
  } catch (error) {
    return { ok: false, unsupported: false, message: (error instanceof Error ? error.message : String(error)).replace(/^error parsing regexp: /, '') };
  }
}
