import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../support/seeded-random';
import { formatBytes, formatCount, formatDuration, formatExactTime, formatRelativeTime } from '../../../src/renderer/src/lib/format';

describe('formatBytes', () => {
  it('uses bytes below 1 KB and 1024-based units above', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1.0 KB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(12 * 1024 + 300)).toBe('12 KB');
    expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB');
    expect(formatBytes(2 * 1024 ** 3)).toBe('2.0 GB');
  });
  it('moves to the next unit instead of showing 1024', () => {
    expect(formatBytes(1024 * 1024 - 1)).toBe('1 MB');
  });
  it('shows a dash for nonsense', () => {
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
  });
});

describe('formatRelativeTime', () => {
  const now = 1_700_000_000_000;
  it('counts seconds, minutes, hours and days', () => {
    expect(formatRelativeTime(now - 1000, now)).toBe('just now');
    expect(formatRelativeTime(now + 3000, now)).toBe('just now');
    expect(formatRelativeTime(now - 42_000, now)).toBe('42s ago');
    expect(formatRelativeTime(now - 5 * 60_000, now)).toBe('5m ago');
    expect(formatRelativeTime(now - 3 * 3_600_000, now)).toBe('3h ago');
    expect(formatRelativeTime(now - 2 * 86_400_000, now)).toBe('2d ago');
  });
});

describe('formatExactTime and formatDuration', () => {
  it('prints local time with milliseconds', () => {
    const at = new Date(2026, 10, 23, 7, 6, 5, 4).getTime();
    expect(formatExactTime(at)).toBe('2026-11-23 07:06:05.004');
  });
  it('prints durations at a useful precision', () => {
    expect(formatDuration(0.42)).toBe('0.4 ms');
    expect(formatDuration(12.4)).toBe('12 ms');
    expect(formatDuration(1250)).toBe('1.25 s');
  });
});

describe('formatCount', () => {
  it('groups thousands with commas', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(100_000)).toBe('100,000');
    expect(formatCount(1_000_000)).toBe('1,000,000');
    expect(formatCount(-12345)).toBe('-12,345');
    expect(formatCount(Number.NaN)).toBe('—');
  });
  it('(seeded) reads like en-US toLocaleString for any whole count', () => {
    const random = seededRandom(1300);
    for (let i = 0; i < 2000; i++) {
      const n = Math.floor(random.next() * 10 ** (1 + random.below(13)));
      expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
    }
  });
});
