// The id a trigger has on the real service, remembered per local trigger in this browser
// profile only: it is a note for copying URLs, not part of the workspace file.
import { useCallback, useEffect, useState } from 'react';

const KEY = 'hookbench.realTriggerIds';
/** tells every view of a trigger's real id (list row, editor) that it changed */
const CHANGED = 'hookbench:real-trigger-ids';

export function readRealIds(storage: Pick<Storage, 'getItem'>): Record<string, string> {
  try {
    const parsed = JSON.parse(storage.getItem(KEY) ?? '{}') as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

export function writeRealId(storage: Pick<Storage, 'getItem' | 'setItem'>, triggerId: string, realId: string): void {
  const all = readRealIds(storage);
  if (realId.trim()) all[triggerId] = realId.trim();
  else delete all[triggerId];
  try {
    storage.setItem(KEY, JSON.stringify(all));
  } catch {
    // storage full or disabled: the note lasts for this session only
  }
}

export function useRealTriggerId(triggerId: string): [string, (value: string) => void] {
  const [value, setValue] = useState(() => readRealIds(window.localStorage)[triggerId] ?? '');
  useEffect(() => {
    const sync = () => setValue(readRealIds(window.localStorage)[triggerId] ?? '');
    sync();
    window.addEventListener(CHANGED, sync);
    return () => window.removeEventListener(CHANGED, sync);
  }, [triggerId]);
  const update = useCallback(
    (next: string) => {
      setValue(next);
      writeRealId(window.localStorage, triggerId, next);
      window.dispatchEvent(new Event(CHANGED));
    },
    [triggerId],
  );
  return [value, update];
}
