// parseLaunchPath against the plain definition (split on "/", one trailing slash optional) for
// seeded random request targets built from the pieces that matter: the prefix, ids, "run",
// slashes, queries, fragments and absolute-form targets.
import { expect, it } from 'vitest';
import { LAUNCH_PREFIX, parseLaunchPath, type LaunchTarget } from '../../../src/main/engine/triggers/launch-path';
import { seededRandom } from '../../support/seeded-random';

function plainDefinition(url: string): LaunchTarget | null {
  if (url.charCodeAt(0) === 0x2f && !url.startsWith(LAUNCH_PREFIX)) return null;
  const q = url.search(/[?#]/);
  let pathname = q < 0 ? url : url.slice(0, q);
  const abs = pathname.match(/^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i);
  if (abs) pathname = abs[1] ?? '/';
  if (!pathname.startsWith(LAUNCH_PREFIX)) return null;
  const parts = pathname.slice(LAUNCH_PREFIX.length).split('/');
  if (parts[parts.length - 1] === '') parts.pop();
  const triggerId = parts[0] ?? '';
  if (parts.length === 1 && triggerId) return { kind: 'launch', triggerId };
  if (parts.length === 2 && parts[1] === 'run' && triggerId) return { kind: 'run-info', triggerId };
  return { kind: 'unknown', triggerId };
}

it('answers as the split definition does, for any target (seeded)', () => {
  const random = seededRandom(0x1a0c);
  const heads = [LAUNCH_PREFIX, LAUNCH_PREFIX, LAUNCH_PREFIX, 'http://h:1' + LAUNCH_PREFIX, 'HTTPS://x' + LAUNCH_PREFIX, '/api/v0/launch', '/hooks/', '', '*'];
  const pieces = ['t1', 'bench-hmac', 'run', 'Run', '', '/', '//', 'x', 'run/', '?a=1', '#f', '?run_id=/x/', '%2F'];
  for (let run = 0; run < 5_000; run++) {
    let url = heads[random.below(heads.length)];
    for (let k = random.below(5); k > 0; k--) url += pieces[random.below(pieces.length)] + (random.below(2) ? '/' : '');
    expect(parseLaunchPath(url), url).toEqual(plainDefinition(url));
  }
  for (const url of [
    LAUNCH_PREFIX,
    `${LAUNCH_PREFIX}/`,
    `${LAUNCH_PREFIX}t`,
    `${LAUNCH_PREFIX}t/`,
    `${LAUNCH_PREFIX}t//`,
    `${LAUNCH_PREFIX}t/run`,
    `${LAUNCH_PREFIX}t/run/`,
    `${LAUNCH_PREFIX}/run`,
    `${LAUNCH_PREFIX}t/run/x`,
  ])
    expect(parseLaunchPath(url), url).toEqual(plainDefinition(url));
});
