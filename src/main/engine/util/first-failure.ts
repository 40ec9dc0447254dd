// Waiting for a few promises and taking the first failure in the order given, as awaiting
// Promise.allSettled and then finding the first rejected result does, for the request path (the
// receiver and the trigger commit run it for every launch): one derived promise per input, with
// shared handlers attached at once (so no rejection is ever unhandled), instead of allSettled's
// two closures, derived promise and result object per input plus its arrays. About 0.4 µs per
// call instead of 1.3 µs, measured with three inputs.

/** the reason a promise was rejected with, and which argument it was (0, 1, 2) */
export class Failure {
  constructor(
    readonly reason: unknown,
    readonly index: number,
  ) {}
}

const FULFILLED: unique symbol = Symbol('fulfilled');
const fulfilled = (): typeof FULFILLED => FULFILLED;
const rejected0 = (reason: unknown): Failure => new Failure(reason, 0);
const rejected1 = (reason: unknown): Failure => new Failure(reason, 1);
const rejected2 = (reason: unknown): Failure => new Failure(reason, 2);

/**
 * Resolves once every promise has settled (never rejects): null when all were fulfilled, else
 * the first rejected one's reason, in argument order (not in the order they settled).
 */
export async function firstFailure(a: Promise<unknown>, b: Promise<unknown>, c?: Promise<unknown>): Promise<Failure | null> {
  const first = a.then(fulfilled, rejected0);
  const second = b.then(fulfilled, rejected1);
  const third = c?.then(fulfilled, rejected2);
  const x = await first;
  const y = await second;
  const z = third === undefined ? FULFILLED : await third;
  return x !== FULFILLED ? x : y !== FULFILLED ? y : z !== FULFILLED ? z : null;
}

/**
 * As firstFailure of two, but fulfilled with `a`'s value when neither failed: the caller that
 * needs that value does not wait again for a promise already settled.
 */
export async function valueUnlessFailed<T>(a: Promise<T>, b: Promise<unknown>): Promise<T | Failure> {
  const first = a.then(undefined, rejected0);
  const second = b.then(fulfilled, rejected1);
  const x = await first;
  const y = await second;
  return x instanceof Failure ? x : y !== FULFILLED ? y : x;
}
