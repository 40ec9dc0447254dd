// The end of every switch over a kind: a new kind that a switch forgets is a compile error
// here (the value is not `never`), and a malformed value that slips past validation at run
// time is reported instead of silently taking a default branch.
export function assertNever(value: never, what: string): never {
  throw new Error(`unknown ${what}: ${JSON.stringify(value)}`);
}
