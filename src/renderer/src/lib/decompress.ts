// Undoes Content-Encoding for the "decoded" view with the platform's DecompressionStream
// (browsers and Node 20 both have it), so no compression library ships in the renderer.

const FORMATS: Record<string, CompressionFormat[]> = {
  gzip: ['gzip'],
  'x-gzip': ['gzip'],
  // "deflate" should be zlib-wrapped, but some senders use raw deflate: try both
  deflate: ['deflate', 'deflate-raw'],
};

export function canDecode(encodings: string[]): boolean {
  return encodings.length > 0 && encodings.every((encoding) => encoding in FORMATS);
}

async function inflate(bytes: Uint8Array, format: CompressionFormat): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream(format));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** `encodings` in the order they were applied; they are undone last-first. */
export async function decodeContentEncoding(bytes: Uint8Array, encodings: string[]): Promise<Uint8Array> {
  let current = bytes;
  for (const encoding of [...encodings].reverse()) {
    const formats = FORMATS[encoding];
    if (!formats) throw new Error(`Content-Encoding "${encoding}" cannot be decoded here`);
    let lastError: unknown = null;
    let decoded: Uint8Array | null = null;
    for (const format of formats) {
      try {
        decoded = await inflate(current, format);
        break;
      } catch (error) {
        lastError = error;
      }
    }
    if (!decoded) throw new Error(`Not valid ${encoding} data (${(lastError as Error)?.message ?? 'unknown error'})`);
    current = decoded;
  }
  return current;
}
