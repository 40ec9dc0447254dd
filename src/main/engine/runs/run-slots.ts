// The concurrency limit: executions wait queued for a slot; a queued one can be withdrawn.
export interface SlotTicket {
  /** resolves with a release function once a slot is free; never resolves if cancelled first */
  granted: Promise<() => void>;
  /** withdraws a waiting ticket; false when it already holds a slot */
  cancel(): boolean;
}

export interface RunSlots {
  take(): SlotTicket;
  running(): number;
  waiting(): number;
}

export function createRunSlots(limit: () => number): RunSlots {
  let active = 0;
  const queue: { grant: () => void }[] = [];
  const pump = () => {
    while (queue.length && active < Math.max(1, limit())) {
      active += 1;
      queue.shift()!.grant();
    }
  };
  return {
    take() {
      let resolveGrant!: (release: () => void) => void;
      const granted = new Promise<() => void>((resolve) => (resolveGrant = resolve));
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        active -= 1;
        pump();
      };
      const entry = { grant: () => resolveGrant(release) };
      queue.push(entry);
      pump();
      return {
        granted,
        cancel() {
          const i = queue.indexOf(entry);
          if (i < 0) return false;
          queue.splice(i, 1);
          return true;
        },
      };
    },
    running: () => active,
    waiting: () => queue.length,
  };
}
