// A value now, or later: for the request path, where nearly every step is synchronous (the
// conditions of a trigger, its decision) and only a few can wait (a JWT key, a rate-limit
// lock). Chaining through `andThen` keeps the synchronous case free of promises and async
// frames; a step that does return a promise makes the rest wait for it, as `await` would.

export type MaybePromise<T> = T | Promise<T>;

/** `next(value)` now when `value` is not a promise, else once it fulfils (a rejection passes through) */
export function andThen<T, U>(value: MaybePromise<T>, next: (value: T) => MaybePromise<U>): MaybePromise<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}
