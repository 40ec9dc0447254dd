import type { ReactNode } from 'react';
import { useState } from 'react';
import './json-tree.css';

/** Containers deeper than this start collapsed; big payloads open readable, not endless. */
const OPEN_DEPTH = 3;
/** Children rendered per container before "show more". */
const CHILD_CHUNK = 100;
/** String characters shown before the value must be expanded. */
const STRING_PREVIEW = 400;

export function JsonTree({ value }: { value: unknown }) {
  return (
    <div className="code-block json-tree" data-testid="body-view-json" role="tree">
      <JsonNode name={null} value={value} depth={0} last />
    </div>
  );
}

function JsonNode({ name, value, depth, last }: { name: string | number | null; value: unknown; depth: number; last: boolean }) {
  const isContainer = value !== null && typeof value === 'object';
  const label =
    name === null ? null : typeof name === 'number' ? <span className="json-index">{name}: </span> : <span className="json-key">{JSON.stringify(name)}: </span>;
  if (!isContainer) {
    return (
      <div className="json-line" role="treeitem">
        {label}
        <JsonPrimitive value={value} />
        {!last && <span className="json-punct">,</span>}
      </div>
    );
  }
  return <JsonContainer label={label} value={value as object} depth={depth} last={last} />;
}

function JsonContainer({ label, value, depth, last }: { label: ReactNode; value: object; depth: number; last: boolean }) {
  const isArray = Array.isArray(value);
  const entries: [string | number, unknown][] = isArray ? (value as unknown[]).map((v, i) => [i, v]) : Object.entries(value);
  const [open, setOpen] = useState(depth < OPEN_DEPTH);
  const [limit, setLimit] = useState(CHILD_CHUNK);
  const [openBracket, closeBracket] = isArray ? ['[', ']'] : ['{', '}'];
  const count = `${entries.length} ${isArray ? (entries.length === 1 ? 'item' : 'items') : entries.length === 1 ? 'key' : 'keys'}`;
  if (!entries.length) {
    return (
      <div className="json-line" role="treeitem">
        {label}
        <span className="json-punct">
          {openBracket}
          {closeBracket}
        </span>
        {!last && <span className="json-punct">,</span>}
      </div>
    );
  }
  return (
    <div role="treeitem" aria-expanded={open}>
      <div className="json-line">
        <button type="button" className="json-toggle" aria-label={open ? 'Collapse' : 'Expand'} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'}
        </button>
        {label}
        <span className="json-punct">{openBracket}</span>
        {!open && (
          <button type="button" className="json-summary" onClick={() => setOpen(true)}>
            {count}
          </button>
        )}
        {!open && (
          <span className="json-punct">
            {closeBracket}
            {!last && ','}
          </span>
        )}
      </div>
      {open && (
        <>
          <div className="json-children" role="group">
            {entries.slice(0, limit).map(([key, child], index) => (
              <JsonNode key={key} name={key} value={child} depth={depth + 1} last={index === entries.length - 1} />
            ))}
            {entries.length > limit && (
              <button type="button" className="json-more" onClick={() => setLimit(limit + CHILD_CHUNK * 5)}>
                … {entries.length - limit} more
              </button>
            )}
          </div>
          <div className="json-line">
            <span className="json-punct">
              {closeBracket}
              {!last && ','}
            </span>
          </div>
        </>
      )}
    </div>
  );
}

function JsonPrimitive({ value }: { value: unknown }) {
  const [full, setFull] = useState(false);
  if (typeof value === 'string') {
    const text = JSON.stringify(value);
    if (text.length <= STRING_PREVIEW || full) return <span className="json-string">{text}</span>;
    return (
      <span className="json-string">
        {text.slice(0, STRING_PREVIEW)}
        <button type="button" className="json-more" onClick={() => setFull(true)}>
          … {text.length - STRING_PREVIEW} more characters
        </button>
      </span>
    );
  }
  if (typeof value === 'number') return <span className="json-number">{String(value)}</span>;
  if (typeof value === 'boolean') return <span className="json-boolean">{String(value)}</span>;
  return <span className="json-null">null</span>;
}
