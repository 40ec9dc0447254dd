// Line numbers for places in a parsed YAML document, so every problem points into valohai.yaml.
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';

export interface LocatedYaml {
  doc: Document.Parsed;
  /** 1-based line of the node at `path`, or of its nearest existing parent */
  lineOf(path: (string | number)[]): number | undefined;
  /** parse errors with positions, first line of the message only */
  errors: { line?: number; column?: number; message: string }[];
}

export function parseLocated(text: string): LocatedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const lineOf = (path: (string | number)[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const errors = doc.errors.map((e) => ({
    line: e.linePos?.[0].line,
    column: e.linePos?.[0].col,
    message: e.message.split('\n')[0],
  }));
  return { doc, lineOf, errors };
}
