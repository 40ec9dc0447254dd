import { expect, it } from 'vitest';
import { findRunId, launchTarget, runInfoUrl } from '@shared/signing/run-id-detect';

const A = '0b4a6d2e-1f6c-4a8e-9d3b-2c1e5f7a9b10';
const B = '7e2f9c41-8a3d-4b6e-a1c5-3d9f0e2b4c67';

it('finds the run id in text, in a run-named key, or in any JSON string', () => {
  expect(findRunId(`Created run ${A}`)).toBe(A);
  expect(findRunId(JSON.stringify({ request: B, run: { id: A } }))).toBe(B);
  expect(findRunId(JSON.stringify({ trace: B, run_id: A }))).toBe(A);
  expect(findRunId('ok')).toBeNull();
});

it('takes the id at the path the user points at, and nothing else', () => {
  const body = JSON.stringify({ request: B, data: { 'valohai.run': A } });
  expect(findRunId(body, 'data.valohai\\.run')).toBe(A);
  expect(findRunId(body, 'data.missing')).toBeNull();
  expect(findRunId(`Created run ${A}`, 'run')).toBeNull();
});

it('derives the run-info URL from a launch URL', () => {
  expect(runInfoUrl('http://127.0.0.1:7780/api/v0/launch/gh/?x=1')).toBe('http://127.0.0.1:7780/api/v0/launch/gh/run/');
  expect(runInfoUrl('https://app.valohai.com/api/v0/launch/abc')).toBe('https://app.valohai.com/api/v0/launch/abc/run/');
});

it('tells a launch URL from a run-info URL and any other target, with the reason', () => {
  expect(launchTarget('http://127.0.0.1:7780/api/v0/launch/gh/')).toEqual({ launch: true, triggerId: 'gh' });
  expect(launchTarget(' https://app.valohai.com/api/v0/launch/a%20b?x=1 ')).toEqual({ launch: true, triggerId: 'a b' });
  expect(launchTarget('http://127.0.0.1:7780/api/v0/launch/run/')).toEqual({ launch: true, triggerId: 'run' });
  expect(launchTarget('http://127.0.0.1:7780/api/v0/launch/gh/run/')).toMatchObject({ launch: false, reason: expect.stringContaining('run-info') });
  expect(launchTarget('http://127.0.0.1:7780/hooks/github')).toMatchObject({ launch: false, reason: expect.stringContaining('not a trigger launch URL') });
  expect(launchTarget('http://127.0.0.1:7780/api/v0/launch/')).toMatchObject({ launch: false });
  expect(launchTarget('127.0.0.1:7780/api/v0/launch/gh/'.slice(0, 3))).toMatchObject({ launch: false, reason: 'not a complete URL yet' });
  expect(launchTarget('  ')).toEqual({ launch: false, reason: 'no URL yet' });
});
