// The control API's argument schemas and error vocabulary: one schema per call, checked once
// before the handler, refusals named by JSON path; one table from error code to HTTP status.
import { describe, expect, it } from 'vitest';
import { API_ARGS, checkArgs } from '@shared/api-args';
import { API_ERROR_STATUS, ApiError, httpStatusFor, ValidationError } from '@shared/api-error';
import { API_METHODS } from '@shared/contract';

function refusal(run: () => unknown): ValidationError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return err as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('call argument schemas', () => {
  it('has exactly one schema per contract call', () => {
    expect(Object.keys(API_ARGS).sort()).toEqual([...API_METHODS].sort());
  });

  it('passes valid arguments through unchanged, unknown extra fields included', () => {
    const args = { id: 'r1', extra: true };
    expect(checkArgs('runs.stop', args)).toBe(args);
    expect(checkArgs('captures.list', undefined)).toBeUndefined();
    expect(checkArgs('engine.info', undefined)).toBeUndefined();
  });

  it('names the offending field by JSON path', () => {
    const e1 = refusal(() => checkArgs('captures.delete', { ids: ['a', 7] }));
    expect(e1).toMatchObject({ code: 'invalid', path: 'ids[1]', message: 'ids[1]: must be a string, got a number' });
    const e2 = refusal(() => checkArgs('sender.send', { draft: { url: 'http://x', method: 'POST', headers: [['a']], bodyBase64: '' } }));
    expect(e2.path).toBe('draft.headers[0]');
    const e3 = refusal(() => checkArgs('runs.stop', { id: '' }));
    expect(e3).toMatchObject({ path: 'id', problem: 'must be a non-empty string' });
    const e4 = refusal(() => checkArgs('triggers.forensics', { captureId: 'c' }));
    expect(e4).toMatchObject({ path: 'conditionIndex', problem: 'is required' });
    const e5 = refusal(() => checkArgs('sender.export', { format: 'ruby' }));
    expect(e5.path).toBe('format');
  });

  it('refuses a missing object argument as a whole, and treats a primitive as an object without fields', () => {
    expect(refusal(() => checkArgs('env.save', undefined))).toMatchObject({ path: '', message: 'env.save needs an object argument, got none' });
    expect(refusal(() => checkArgs('runs.stop', 5))).toMatchObject({ path: 'id', problem: 'is required' });
  });
});

describe('error vocabulary', () => {
  it('maps every engine code to its HTTP status through one table', () => {
    expect(httpStatusFor('invalid')).toBe(400);
    expect(httpStatusFor('not_found')).toBe(404);
    expect(httpStatusFor('exists')).toBe(409);
    expect(httpStatusFor('storage_error')).toBe(503);
    expect(httpStatusFor('internal')).toBe(500);
    for (const [code, status] of Object.entries(API_ERROR_STATUS)) expect(httpStatusFor(code), code).toBe(status);
  });

  it('writes a validation error as "<path>: <problem>" with code invalid', () => {
    const err = new ValidationError('trigger.conditions[0].secret', 'must not be empty');
    expect(err).toBeInstanceOf(ApiError);
    expect(err.toPayload()).toEqual({ code: 'invalid', message: 'trigger.conditions[0].secret: must not be empty', path: 'trigger.conditions[0].secret' });
  });
});
