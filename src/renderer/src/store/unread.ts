// Pure helpers for the client-side unread marks (see UnreadState).
import type { UnreadState } from './types';

/** Above this many explicit marks the oldest are folded into the watermark. */
export const MAX_READ_MARKS = 5000;

export function isUnread(unread: UnreadState, seq: number): boolean {
  return seq > unread.watermark && !unread.read.includes(seq);
}

export function markRead(unread: UnreadState, seq: number): UnreadState {
  if (!isUnread(unread, seq)) return unread;
  let read = [...unread.read, seq].sort((a, b) => a - b);
  let watermark = unread.watermark;
  if (read.length > MAX_READ_MARKS) {
    watermark = read[read.length - MAX_READ_MARKS - 1];
    read = read.slice(read.length - MAX_READ_MARKS);
  }
  return { watermark, read };
}

export function markAllRead(unread: UnreadState, newestSeq: number): UnreadState {
  if (newestSeq <= unread.watermark) return unread;
  return { watermark: newestSeq, read: [] };
}
