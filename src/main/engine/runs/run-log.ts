// An execution's log: JSON lines in <runDir>/log.jsonl, pushed live as 'execution.log' events.
import { createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import path from 'node:path';
import type { EngineEvent } from '@shared/events';
import type { ExecutionLogLine, LogPage, LogQuery } from '@shared/runs';

export const LOG_FILE = 'log.jsonl';
/** beyond this the file stops growing (a runaway loop must not fill the disk) */
const MAX_LOG_BYTES = 50 * 1024 * 1024;
const MAX_LINE_CHARS = 16 * 1024;

export interface LogWriter {
  /** splits a stream chunk into lines; a trailing partial line waits for the next chunk */
  write(stream: 'stdout' | 'stderr', chunk: Buffer): void;
  system(text: string): void;
  /** writes any partial lines and closes the file */
  close(): Promise<void>;
}

export function openLogWriter(runDir: string, executionId: string, emit: (e: EngineEvent) => void, now: () => number): LogWriter {
  let file: WriteStream | null = null;
  let bytes = 0;
  let capped = false;
  const partial: Record<'stdout' | 'stderr', string> = { stdout: '', stderr: '' };
  const ensureFile = () => (file ??= createWriteStream(path.join(runDir, LOG_FILE), { flags: 'a', mode: 0o600 }));

  const push = (lines: ExecutionLogLine[]) => {
    if (!lines.length) return;
    emit({ type: 'execution.log', at: lines[lines.length - 1].at, lines });
    if (capped) return;
    const text = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
    bytes += Buffer.byteLength(text);
    if (bytes > MAX_LOG_BYTES) {
      capped = true;
      ensureFile().write(JSON.stringify({ executionId, stream: 'system', at: now(), text: 'log file limit reached; later lines are not kept' }) + '\n');
      return;
    }
    ensureFile().write(text);
  };
  const line = (stream: ExecutionLogLine['stream'], text: string, at: number): ExecutionLogLine => ({
    executionId,
    stream,
    at,
    text: text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS)}…` : text,
  });

  return {
    write(stream, chunk) {
      const text = partial[stream] + chunk.toString('utf8');
      const parts = text.split(/\r?\n/);
      partial[stream] = parts.pop() ?? '';
      const at = now();
      push(parts.map((p) => line(stream, p, at)));
    },
    system(text) {
      push([line('system', text, now())]);
    },
    async close() {
      const at = now();
      push((['stdout', 'stderr'] as const).filter((s) => partial[s]).map((s) => line(s, partial[s], at)));
      partial.stdout = partial.stderr = '';
      const f = file;
      file = null;
      if (f) await new Promise<void>((resolve) => f.end(resolve));
    },
  };
}

export async function readLog(runDir: string): Promise<ExecutionLogLine[]> {
  let text: string;
  try {
    text = await fs.readFile(path.join(runDir, LOG_FILE), 'utf8');
  } catch {
    return [];
  }
  const out: ExecutionLogLine[] = [];
  for (const raw of text.split('\n')) {
    if (!raw) continue;
    try {
      out.push(JSON.parse(raw) as ExecutionLogLine);
    } catch {
      // a line torn by a killed process
    }
  }
  return out;
}

export async function pageLog(runDir: string, query: LogQuery): Promise<LogPage> {
  const all = await readLog(runDir);
  const needle = query.search?.toLowerCase();
  const lines = needle ? all.filter((l) => l.text.toLowerCase().includes(needle)) : all;
  const limit = Math.min(Math.max(query.limit ?? 500, 1), 5000);
  const offset = Math.max(0, query.offset ?? Math.max(0, lines.length - limit));
  return { lines: lines.slice(offset, offset + limit), total: lines.length, offset };
}
