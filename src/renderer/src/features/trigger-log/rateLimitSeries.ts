// How full a rate limit's sliding window was over the last period: a step function of
// "launches counted in (t - period, t]" that rises at each launch and falls when it expires.

export interface WindowStep {
  /** epoch ms from which `count` holds */
  at: number;
  count: number;
}

export interface RateLimitPicture {
  from: number;
  to: number;
  steps: WindowStep[];
  /** launches inside the shown range, for dots on the time axis */
  launches: number[];
  /** launches counted right now */
  current: number;
  /** when the oldest counted launch leaves the window (a slot frees), if any */
  nextFreeAt: number | null;
  peak: number;
}

/** `launchTimes` in epoch ms, any order; period in seconds. */
export function rateLimitPicture(launchTimes: readonly number[], periodSeconds: number, now: number): RateLimitPicture {
  const period = periodSeconds * 1000;
  const from = now - period;
  const relevant = launchTimes.filter((t) => t > from - period && t <= now).sort((a, b) => a - b);
  const changes: { at: number; delta: number }[] = [];
  for (const t of relevant) {
    changes.push({ at: t, delta: 1 });
    // a launch at t is counted while t > at - period, i.e. until t + period
    if (t + period <= now) changes.push({ at: t + period, delta: -1 });
  }
  changes.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let count = 0;
  let i = 0;
  for (; i < changes.length && changes[i].at <= from; i++) count += changes[i].delta;
  const steps: WindowStep[] = [{ at: from, count }];
  let peak = count;
  for (; i < changes.length; i++) {
    count += changes[i].delta;
    const last = steps[steps.length - 1];
    if (last.at === changes[i].at) last.count = count;
    else steps.push({ at: changes[i].at, count });
    peak = Math.max(peak, count);
  }
  const counted = relevant.filter((t) => t > now - period);
  return {
    from,
    to: now,
    steps,
    launches: relevant.filter((t) => t > from),
    current: counted.length,
    nextFreeAt: counted.length ? counted[0] + period : null,
    peak,
  };
}
