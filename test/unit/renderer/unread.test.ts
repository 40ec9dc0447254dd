import { describe, expect, it } from 'vitest';
import { summaryMatchesFilter, isFilterEmpty } from '../../../src/renderer/src/store/filterMatch';
import { isUnread, markAllRead, markRead, MAX_READ_MARKS } from '../../../src/renderer/src/store/unread';
import type { CaptureSummary } from '@shared/capture';

describe('unread marks', () => {
  it('treats everything above the watermark as unread until opened', () => {
    let unread = { watermark: 10, read: [] as number[] };
    expect(isUnread(unread, 10)).toBe(false);
    expect(isUnread(unread, 11)).toBe(true);
    unread = markRead(unread, 11);
    expect(isUnread(unread, 11)).toBe(false);
    expect(isUnread(unread, 12)).toBe(true);
    expect(markRead(unread, 11)).toBe(unread);
  });

  it('mark all read moves the watermark and drops explicit marks', () => {
    const unread = markAllRead({ watermark: 1, read: [3, 5] }, 9);
    expect(unread).toEqual({ watermark: 9, read: [] });
    expect(markAllRead(unread, 4)).toBe(unread);
  });

  it('folds the oldest explicit marks into the watermark so storage stays bounded', () => {
    let unread = { watermark: 0, read: [] as number[] };
    for (let seq = 2; seq <= (MAX_READ_MARKS + 10) * 2; seq += 2) unread = markRead(unread, seq);
    expect(unread.read.length).toBeLessThanOrEqual(MAX_READ_MARKS);
    expect(isUnread(unread, (MAX_READ_MARKS + 10) * 2 - 1)).toBe(true);
    expect(isUnread(unread, (MAX_READ_MARKS + 10) * 2)).toBe(false);
  });
});

describe('summaryMatchesFilter', () => {
  const s = {
    id: 'a',
    seq: 1,
    receivedAt: 0,
    method: 'POST',
    url: '/gh/push?x=1',
    path: '/gh/push',
    status: 200,
    bodySize: 0,
    contentType: null,
    remoteAddress: '',
    kind: 'inbox',
  } as CaptureSummary;
  it('answers what summaries can answer and defers the rest', () => {
    expect(isFilterEmpty({})).toBe(true);
    expect(isFilterEmpty({ methods: [] })).toBe(true);
    expect(summaryMatchesFilter(s, {})).toBe(true);
    expect(summaryMatchesFilter(s, { methods: ['post'] })).toBe(true);
    expect(summaryMatchesFilter(s, { methods: ['GET'] })).toBe(false);
    expect(summaryMatchesFilter(s, { path: 'GH' })).toBe(true);
    expect(summaryMatchesFilter(s, { text: 'x=1' })).toBe(true);
    expect(summaryMatchesFilter(s, { text: 'secret' })).toBe('unknown');
    expect(summaryMatchesFilter(s, { header: 'x-github' })).toBe('unknown');
    expect(summaryMatchesFilter(s, { methods: ['GET'], body: 'x' })).toBe(false);
  });
});
