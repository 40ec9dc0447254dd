import { describe, expect, it } from 'vitest';
import type { PayloadFilterCondition, Trigger, WebAuthCondition } from '@shared/trigger';
import { findPreset } from '@shared/triggers/presets';
import { summarizeCondition, summarizeConditions } from '../../../../src/renderer/src/features/triggers/lib/conditionSummary';
import {
  blankTrigger,
  duplicateTrigger,
  fromPreset,
  listFromLines,
  moveItem,
  newAction,
  newCondition,
  uniqueId,
  withAuthType,
  withOperator,
} from '../../../../src/renderer/src/features/triggers/lib/draftOps';
import { relativePath, validationErrors, warningsByPath } from '../../../../src/renderer/src/features/triggers/lib/fieldIssues';
import { parseJsonText } from '../../../../src/renderer/src/features/triggers/lib/jsonText';
import { localLaunchUrl, realLaunchUrl } from '../../../../src/renderer/src/features/triggers/lib/launchUrls';
import { readRealIds, writeRealId } from '../../../../src/renderer/src/features/triggers/lib/realTriggerIds';
import { describePrefix, showSpaces } from '../../../../src/renderer/src/features/triggers/lib/visibleSpaces';
import { validateTrigger } from '@shared/triggers/validate-trigger';

const slack = (): Trigger => findPreset('slack')!.build();

describe('condition summaries', () => {
  it('describes each condition type in one line', () => {
    expect(summarizeConditions(slack())).toEqual([
      'HMAC-SHA256 of v0:{header:X-Slack-Request-Timestamp}:{body} in header X-Slack-Signature (prefix "v0=")',
      'Timestamp in header X-Slack-Request-Timestamp within 300 s',
    ]);
    expect(summarizeCondition({ type: 'rate-limit', period: 3600, quota: 1 })).toBe('At most 1 launch per 1 h');
    expect(summarizeCondition({ type: 'payload-filter', namespace: 'json', key: 'ref', operator: 'in', value: ['a', 'b'] })).toBe('json ref in ["a", "b"]');
    expect(summarizeCondition({ type: 'payload-filter', namespace: 'json', key: 'ref', operator: 'exists' })).toBe('json ref exists');
    expect(summarizeCondition({ type: 'web-auth', authType: 'jwt', namespace: 'header', key: 'Authorization', secretKey: 'k', algorithm: 'RS256' })).toBe(
      'JWT RS256 in header Authorization',
    );
  });

  it('warns about a trigger anyone can launch', () => {
    expect(summarizeConditions({ ...slack(), conditions: [] })[0]).toMatch(/anyone/);
  });
});

describe('draft operations', () => {
  it('switching auth type drops fields the new type rejects, and the result validates', () => {
    const hmac = newCondition('web-auth') as WebAuthCondition;
    const jwt = withAuthType(hmac, 'jwt');
    expect(jwt).not.toHaveProperty('hmacFormat');
    expect(jwt).not.toHaveProperty('encoding');
    expect(jwt.algorithm).toBe('HS256');
    const stat = withAuthType(jwt, 'static');
    expect(stat).not.toHaveProperty('algorithm');
    const back = withAuthType(stat, 'hmac');
    expect(back).toMatchObject({ algorithm: 'sha256', hmacFormat: '{body}', encoding: 'hex', key: hmac.key });
    for (const c of [jwt, stat, back]) expect(() => validateTrigger({ id: 'x', conditions: [c] })).not.toThrow();
  });

  it('switching operators converts the value between string, list and nothing', () => {
    const c = newCondition('payload-filter') as PayloadFilterCondition;
    const inList = withOperator(c, 'in');
    expect(inList.value).toEqual(['refs/heads/main']);
    expect(withOperator(inList, 'equals').value).toBe('refs/heads/main');
    expect(withOperator(inList, 'exists')).not.toHaveProperty('value');
    expect(withOperator(withOperator(c, 'exists'), 'in').value).toEqual([]);
    for (const op of ['in', 'exists', 'regex'] as const) expect(() => validateTrigger({ id: 'x', conditions: [withOperator(c, op)] })).not.toThrow();
  });

  it('every new condition and action passes validation', () => {
    const t: Trigger = {
      ...blankTrigger([]),
      conditions: (['web-auth', 'web-timestamp', 'rate-limit', 'payload-filter'] as const).map(newCondition),
      actions: (['web-response-text', 'web-response-json', 'run-execution', 'run-pipeline', 'copy-pipeline'] as const).map(newAction),
    };
    expect(validationErrors(t)).toEqual({});
  });

  it('moves items up and down and ignores moves past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('picks ids nobody has, for blanks, presets and duplicates', () => {
    expect(uniqueId('slack', ['slack', 'slack-2'])).toBe('slack-3');
    expect(uniqueId('has space!', [])).toBe('has-space-');
    expect(fromPreset(slack(), ['slack']).id).toBe('slack-2');
    const copy = duplicateTrigger(slack(), ['slack']);
    expect(copy).toMatchObject({ id: 'slack-copy', title: 'Slack request (copy)' });
    expect(copy.conditions).toEqual(slack().conditions);
    expect(blankTrigger(['my-trigger']).id).toBe('my-trigger-2');
  });

  it('reads list values one per line, ignoring blank lines', () => {
    expect(listFromLines('main\r\n\ndev\n')).toEqual(['main', 'dev']);
  });
});

describe('editor messages by path', () => {
  it('reports a problem in every card at once, at the field path, without repeating the path', () => {
    const t = slack();
    (t.conditions[0] as WebAuthCondition).key = '';
    t.conditions[1] = { ...t.conditions[1], tolerance: Number.NaN } as Trigger['conditions'][number];
    t.actions = [{ type: 'run-pipeline', pipeline: 'train', payloadInputName: 'no-dot' }];
    expect(validationErrors(t)).toEqual({
      'conditions[0].key': 'must not be empty',
      'conditions[1].tolerance': 'must be a number',
      'actions[0].payloadInputName': 'must be "node.input" for pipelines',
    });
  });

  it('checks the id', () => {
    expect(validationErrors({ ...slack(), id: 'no spaces' })).toHaveProperty('id');
    expect(validationErrors({ ...slack(), id: '' })).toHaveProperty('id');
  });

  it('groups lint warnings by path, including missing env variables', () => {
    const t = slack();
    t.conditions = [t.conditions[0]];
    const warnings = warningsByPath(t, [{ name: 'OTHER', value: '', secret: true }]);
    expect(warnings['conditions[0].secretKey'].map((w) => w.code)).toContain('missing-env');
    // the timestamp header is signed but, with the timestamp condition removed, checked by nobody
    expect(warnings['conditions[0].hmacFormat'].map((w) => w.code)).toContain('unchecked-signed-header');
  });

  it('makes engine paths relative to the trigger', () => {
    expect(relativePath('trigger.conditions[0].key')).toBe('conditions[0].key');
    expect(relativePath('triggers[3].id')).toBe('id');
    expect(relativePath('conditions[1]')).toBe('conditions[1]');
    expect(relativePath(undefined)).toBe('');
  });
});

describe('small editor helpers', () => {
  it('shows spaces in prefixes', () => {
    expect(showSpaces('Bearer ')).toBe('Bearer·');
    expect(describePrefix('JWT ')).toBe('4 chars, ends with 1 space');
    expect(describePrefix('')).toBeNull();
  });

  it('locates JSON errors by line and column', () => {
    expect(parseJsonText('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    const bad = parseJsonText('{\n  "a": 1,\n}');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toBe('Invalid JSON at line 3, column 1: unexpected "}"');
    expect(!parseJsonText('{"a":').ok && (parseJsonText('{"a":') as { message: string }).message).toMatch(/end of JSON/);
  });

  it('builds launch URLs with the trailing slash', () => {
    expect(localLaunchUrl('http://127.0.0.1:7780/', 'slack')).toBe('http://127.0.0.1:7780/api/v0/launch/slack/');
    expect(realLaunchUrl(' 0190abcd ')).toBe('https://app.valohai.com/api/v0/launch/0190abcd/');
  });

  it('remembers real trigger ids per trigger and forgets cleared ones', () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    writeRealId(storage, 'slack', ' abc ');
    writeRealId(storage, 'github', 'def');
    expect(readRealIds(storage)).toEqual({ slack: 'abc', github: 'def' });
    writeRealId(storage, 'slack', '');
    expect(readRealIds(storage)).toEqual({ github: 'def' });
    data.set('hookbench.realTriggerIds', 'not json');
    expect(readRealIds(storage)).toEqual({});
  });
});
