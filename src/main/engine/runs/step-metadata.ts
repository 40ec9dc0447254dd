// Execution metadata as Valohai reads it: every stdout line that is a JSON object adds its keys
// (a later value for the same key wins). Chunks may split lines anywhere.

const MAX_LINE = 1024 * 1024;

export interface MetadataCollector {
  /** a stdout chunk, as the process wrote it */
  push(chunk: Buffer): void;
  /** the keys so far, after the last (unterminated) line is taken too */
  end(): Record<string, unknown>;
}

export function createMetadataCollector(): MetadataCollector {
  const metadata: Record<string, unknown> = {};
  let pending = Buffer.alloc(0);
  let skipping = false;

  const take = (line: Buffer) => {
    const text = line.toString('utf8').trim();
    if (!text.startsWith('{') || !text.endsWith('}')) return;
    try {
      const value: unknown = JSON.parse(text);
      if (value && typeof value === 'object' && !Array.isArray(value)) Object.assign(metadata, value);
    } catch {
      // an ordinary line that happens to start with "{"
    }
  };

  return {
    push(chunk) {
      let data = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (let nl = data.indexOf(0x0a); nl !== -1; nl = data.indexOf(0x0a)) {
        if (!skipping) take(data.subarray(0, nl));
        skipping = false;
        data = data.subarray(nl + 1);
      }
      // a line longer than this is not metadata: drop it up to its end
      if (data.length > MAX_LINE) {
        skipping = true;
        data = Buffer.alloc(0);
      }
      pending = Buffer.from(data);
    },
    end() {
      if (!skipping && pending.length) take(pending);
      pending = Buffer.alloc(0);
      return { ...metadata };
    },
  };
}
