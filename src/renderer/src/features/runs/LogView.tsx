// The execution log: live lines from the store (the last few thousand), or the engine's search
// over the whole log file. Follows the tail unless the user scrolled up.
import { searchRunLog } from '../../store/runActions';
import { useEffect, useRef, useState } from 'react';
import type { ExecutionLogLine } from '@shared/runs';
import { describeError } from '../../api/envelope';
import { useDebouncedCallback } from '../../hooks/useDebouncedCallback';
import { useAppStore } from '../../store/store';
import { formatClock } from '../../lib/format';

const SHOWN = 2_000;
const EMPTY: ExecutionLogLine[] = [];

export function LogView({ executionId, total }: { executionId: string; total: number }) {
  const live = useAppStore((s) => s.runs.logs[executionId] ?? EMPTY);
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<{ lines: ExecutionLogLine[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const follow = useRef(true);

  const runSearch = useDebouncedCallback((text: string) => {
    if (!text) {
      setFound(null);
      return;
    }
    searchRunLog({ executionId, search: text, offset: 0, limit: SHOWN }).then(
      (page) => {
        setFound({ lines: page.lines, total: page.total });
        setError(null);
      },
      (e) => setError(describeError(e)),
    );
  }, 200);
  useEffect(() => {
    setSearch('');
    setFound(null);
  }, [executionId]);

  const lines = found ? found.lines : live.slice(-SHOWN);
  useEffect(() => {
    if (follow.current && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [lines.length]);

  return (
    <section className="runs-log" aria-label="Log">
      <div className="runs-log-bar">
        <h4>Log</h4>
        <input
          className="input input-small"
          type="search"
          placeholder="Search the whole log"
          aria-label="Search the log"
          data-testid="run-log-search"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            runSearch(e.target.value);
          }}
        />
        <span className="muted small" data-testid="run-log-count">
          {found ? `${found.total} matching` : live.length < total ? `last ${lines.length} of ${total} lines` : `${lines.length} lines`}
        </span>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div
        className="runs-log-lines mono"
        ref={box}
        data-testid="run-log"
        onScroll={(e) => {
          const el = e.currentTarget;
          follow.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
      >
        {lines.length === 0 && <div className="muted small">{found ? 'No line matches.' : 'No output yet.'}</div>}
        {lines.map((line, i) => (
          <div key={i} className={`runs-log-line runs-log-${line.stream}`} data-testid="run-log-line" data-stream={line.stream}>
            <span className="runs-log-time">{formatClock(line.at)}</span>
            <span className="runs-log-text">{line.text}</span>
          </div>
        ))}
      </div>
    </section>
  );
}
