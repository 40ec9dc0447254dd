// Loaded with `node --import` into Electron's own installer (node_modules/electron/install.js)
// by scripts/electron-download.mjs. The installer's downloader (@electron/get) fetches with the
// global fetch and shows a progress bar only after 30 s; this wraps fetch to report progress
// from the first megabyte, and to name the URL and the underlying cause when a request fails
// ("fetch failed" alone says nothing). Progress goes to stdout, which npm start shows; the
// installer's stderr (a stack trace on failure) is summarised by electron-download.mjs.
// Nothing else about the download changes.
const originalFetch = globalThis.fetch;
const MiB = 1024 * 1024;

function describeCause(err) {
  const cause = err?.cause;
  if (!cause) return String(err?.message ?? err);
  const message = String(cause.message ?? cause);
  return cause.code && !message.includes(cause.code) ? `${cause.code} ${message}` : message;
}

function reporter(label, total) {
  const tty = process.stdout.isTTY;
  let transferred = 0;
  let lastShown = 0;
  let lastTime = 0;
  const show = (final) => {
    const now = Date.now();
    const mib = (transferred / MiB).toFixed(1);
    const text = total
      ? `Downloading ${label}: ${mib} / ${(total / MiB).toFixed(1)} MB (${Math.floor((transferred / total) * 100)}%)`
      : `Downloading ${label}: ${mib} MB`;
    if (tty) process.stdout.write(`\r${text}${final ? '\n' : ''}`);
    else if (final || transferred - lastShown >= 10 * MiB || now - lastTime >= 5000) process.stdout.write(`${text}\n`);
    lastShown = transferred;
    lastTime = now;
  };
  return {
    add(n) {
      transferred += n;
      if (Date.now() - lastTime >= (tty ? 200 : 0)) show(false);
    },
    done: () => show(true),
  };
}

globalThis.fetch = async function fetchWithProgress(input, init) {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  let response;
  try {
    response = await originalFetch(input, init);
  } catch (err) {
    process.stdout.write(`Electron download: GET ${url}: ${describeCause(err)}\n`);
    throw err;
  }
  const length = Number(response.headers.get('content-length') ?? 0);
  if (!response.ok || !response.body || (length > 0 && length < MiB)) return response;
  const progress = reporter(decodeURIComponent(new URL(url).pathname.split('/').pop() || url), length || null);
  const counted = response.body.pipeThrough(
    new TransformStream({
      transform(chunk, controller) {
        progress.add(chunk.byteLength);
        controller.enqueue(chunk);
      },
      flush: () => progress.done(),
    }),
  );
  // keep the original response (status, url, headers) and swap only its body
  Object.defineProperty(response, 'body', { value: counted });
  return response;
};
