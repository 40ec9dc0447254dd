// Human-readable sizes and times for list rows and detail headers.

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** 1024-based, one decimal under 10 units: "0 B", "512 B", "1.5 KB", "12 KB", "3.2 MB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${value} B`;
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  // 1023.96 KB rounds to 1024: show it as the next unit instead
  if (rounded >= 1024 && unit < UNITS.length - 1) return `1 ${UNITS[unit + 1]}`;
  return `${rounded < 10 ? rounded.toFixed(1) : rounded} ${UNITS[unit]}`;
}

/**
 * A count with thousands separators, "1,234,567" (the UI is in English). Written out rather than
 * toLocaleString(): the first Intl number format in a page sets up ICU, 40-80 ms the inbox's
 * first screen would otherwise wait for just to show its count.
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.trunc(Math.abs(n)));
  let out = '';
  for (let i = digits.length; i > 0; i -= 3) out = digits.slice(Math.max(0, i - 3), i) + (out ? `,${out}` : '');
  return sign + out;
}

/** "just now", "42s ago", "5m ago", "3h ago", "2d ago"; future times (clock skew) read as "just now". */
export function formatRelativeTime(at: number, now: number): string {
  const seconds = Math.floor((now - at) / 1000);
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds}s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ago`;
  return `${Math.floor(hours / 24)}d ago`;
}

/** Exact local time with milliseconds, for tooltips: "2026-11-23 17:26:05.123". */
export function formatExactTime(at: number): string {
  const d = new Date(at);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** Durations from the capture timings: "0.4 ms", "12 ms", "1.25 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 10) return `${Math.round(ms * 10) / 10} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** The 24-hour clock used everywhere outside lists: "14:03:27" today, "2026-11-23 14:03:27" before. */
export function formatClock(at: number, now: number = Date.now()): string {
  const exact = formatExactTime(at);
  const today = formatExactTime(now).slice(0, 10) === exact.slice(0, 10);
  return today ? exact.slice(11, 19) : exact.slice(0, 19);
}
