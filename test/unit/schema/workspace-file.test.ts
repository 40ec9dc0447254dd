// The workspace file v2: every section in one file, problems with JSON path and line:column,
// and the committed JSON Schema is exactly what the zod schemas generate.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { z } from 'zod';
import { workspaceJsonSchemaText } from '@shared/schema/json-schema-text';
import { WorkspaceFileSchema } from '@shared/schema/workspace-file';
import { parseWorkspaceJson, toVersion2, workspaceProblems, WorkspaceValidationError } from '@shared/triggers/workspace';
import { validateNotificationsSection } from '@shared/notification-section';
import { validateProjectSection } from '@shared/project';

const FIXTURE = join(__dirname, '../../fixtures/workspace-v2/hookbench.json');
const fixtureText = () => readFileSync(FIXTURE, 'utf8');
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('workspace file v2', () => {
  it('carries every section in the shapes the app uses, defaults filled', () => {
    const file = toVersion2(parseWorkspaceJson(fixtureText()));
    expect(file.triggers.map((t) => t.id)).toEqual(['gh-push']);
    expect(file.triggers[0].enabled).toBe(true);
    expect(file.project).toEqual(validateProjectSection(file.project, 'project'));
    expect(file.project).toMatchObject({ folder: '.', defaultMode: 'command', concurrency: 2, simulate: { durationMs: 200, outcome: 'completed' } });
    expect(file.notifications!.channels.map((c) => c.type)).toEqual(['slack', 'custom']);
    expect(file.notifications!.channels[1]).toMatchObject({ signing: { algorithm: 'sha256', encoding: 'hex', format: '{body}', timestampHeader: '' } });
    expect(file.notifications).toEqual(validateNotificationsSection(file.notifications, 'notifications'));
    expect(file.notifications!.routings[1]).toEqual({
      id: 'failed',
      event: 'execution_failed',
      channelIds: ['slack'],
      filters: { step: 'handle-push' },
      enabled: true,
    });
    expect(file.signingProfiles!.map((p) => p.kind)).toEqual(['hmac', 'provider']);
    expect(file.settings).toMatchObject({
      receiver: { host: '127.0.0.1', port: 0 },
      bodyLimitBytes: 25 * 1024 * 1024,
      theme: 'system',
      inboxResponse: { status: 202 },
    });
  });

  it('still loads version 1 files', () => {
    const file = parseWorkspaceJson('{"version":1,"env":[],"triggers":[{"id":"a"}]}');
    expect(file.version).toBe(1);
    expect(toVersion2(file)).toEqual({ version: 2, env: [], triggers: [{ id: 'a', title: 'a', enabled: true, conditions: [], actions: [] }] });
  });

  const broken: [string, (text: string) => string, string, string][] = [
    ['a channel URL', (t) => t.replace('"http://127.0.0.1:9/slack"', '"not a url"'), 'notifications.channels[0].url: is not a URL', '"not a url"'],
    ['a routing event', (t) => t.replace('"execution_failed"', '"build_done"'), 'notifications.routings[1].event: must be one of', '"build_done"'],
    [
      'the delivery order',
      (t) => t.replace('"maxDelayMs": 1000', '"maxDelayMs": 10'),
      'notifications.delivery.maxDelayMs: must not be below baseDelayMs',
      '"maxDelayMs": 10',
    ],
    [
      'a run mode',
      (t) => t.replace('"defaultMode": "command"', '"defaultMode": "remote"'),
      'project.defaultMode: must be "simulate" or "command"',
      '"defaultMode": "remote"',
    ],
    [
      'the simulate outcome',
      (t) => t.replace('"outcome": "completed"', '"outcome": "done"'),
      'project.simulate.outcome: must be completed, error or stopped',
      '"outcome": "done"',
    ],
    ['concurrency', (t) => t.replace('"concurrency": 2', '"concurrency": 0'), 'project.concurrency: must be a whole number from 1 to 64', '"concurrency": 0'],
    [
      'a profile kind',
      (t) => t.replace('"kind": "provider"', '"kind": "magic"'),
      'signingProfiles[1].kind: must be one of static, hmac, jwt, provider, got "magic"',
      '"kind": "magic"',
    ],
    ['a receiver port', (t) => t.replace('"port": 0', '"port": 70000'), 'settings.receiver.port: must be a whole number from 0 to 65535', '"port": 70000'],
    [
      'an unknown section',
      (t) => t.replace('"signingProfiles"', '"signingProfile"'),
      'signingProfile: unknown field (allowed: $schema, version, env, triggers, project, notifications, signingProfiles, settings)',
      '"signingProfile"',
    ],
    [
      'a condition field',
      (t) => t.replace('"operator": "equals"', '"operator": "equals", "valu": 1'),
      'triggers[0].conditions[1].valu: unknown field',
      '"valu"',
    ],
  ];
  for (const [name, breakIt, message, needle] of broken) {
    it(`reports ${name} with its JSON path and line:column`, () => {
      const text = breakIt(fixtureText());
      expect(text).not.toBe(fixtureText());
      let error: WorkspaceValidationError | null = null;
      try {
        parseWorkspaceJson(text);
      } catch (err) {
        error = err as WorkspaceValidationError;
      }
      expect(error).toBeInstanceOf(WorkspaceValidationError);
      expect(error!.message).toContain(message);
      const at = text.indexOf(needle);
      const line = lineOf(text, needle);
      expect(error!.line).toBe(line);
      // line:column lands on the offending key or value
      const offset =
        text
          .split('\n')
          .slice(0, line - 1)
          .join('\n').length +
        (line > 1 ? 1 : 0) +
        error!.column! -
        1;
      expect(offset).toBeGreaterThanOrEqual(at);
      expect(offset).toBeLessThan(at + needle.length);
      expect(error!.message).toMatch(new RegExp(`\\(line ${line}, column ${error!.column}\\)$`));
    });
  }

  it('lists every problem at once for `validate`', () => {
    const text = fixtureText().replace('"concurrency": 2', '"concurrency": 0').replace('"port": 0', '"port": -1');
    const problems = workspaceProblems(text);
    expect(problems.map((p) => p.path)).toEqual(['project.concurrency', 'settings.receiver.port']);
    expect(problems.every((p) => typeof p.line === 'number' && typeof p.column === 'number')).toBe(true);
    expect(workspaceProblems(fixtureText())).toEqual([]);
    expect(workspaceProblems('{"version": 2,')[0]).toMatchObject({ path: '', line: 1 });
  });
});

describe('the JSON Schema', () => {
  it('is committed exactly as the schemas generate it (npm run build:schema)', () => {
    const committed = readFileSync(join(__dirname, '../../../schema/hookbench.schema.json'), 'utf8');
    expect(committed).toBe(workspaceJsonSchemaText());
  });

  it('agrees with the validators on the fixture and on broken files (ajv as an independent checker)', () => {
    // ajv 6 speaks draft-07: generate that flavour from the same definitions for the oracle
    const draft7 = z.toJSONSchema(WorkspaceFileSchema, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
    delete draft7.$schema;
    const check = new Ajv({ allErrors: true }).compile(draft7);
    const good = JSON.parse(fixtureText());
    expect(check(good), JSON.stringify(check.errors)).toBe(true);
    for (const bad of [
      { ...good, version: 3 },
      { ...good, extra: 1 },
      { ...good, project: { ...good.project, defaultMode: 'remote' } },
      { ...good, notifications: { ...good.notifications, channels: [{ id: 'x', name: 'x', type: 'email' }] } },
      {
        ...good,
        signingProfiles: [
          { id: 'p', name: 'p', kind: 'hmac', secret: 's', placement: { namespace: 'header', key: 'X' }, algorithm: 'md5', encoding: 'hex', format: '{body}' },
        ],
      },
      { ...good, settings: { theme: 'purple' } },
    ]) {
      expect(check(bad)).toBe(false);
      expect(WorkspaceFileSchema.safeParse(bad).success).toBe(false);
    }
  });
});
