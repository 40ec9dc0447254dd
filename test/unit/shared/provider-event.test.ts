// The provider event on inbox rows, against real payloads (@octokit/webhooks-examples for GitHub)
// and documented shapes for Slack and Stripe; random bytes never throw (fixed seed).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { EVENT_BODY_LIMIT, providerEvent } from '@shared/provider-event';
import type { HeaderTuple } from '@shared/capture';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples') as Array<{ name: string; examples: Array<Record<string, unknown>> }>;
const enc = (s: string) => new TextEncoder().encode(s);
const json: HeaderTuple = ['Content-Type', 'application/json'];

describe('providerEvent', () => {
  it('names every GitHub example as X-GitHub-Event plus the payload action', () => {
    let checked = 0;
    for (const group of examples) {
      for (const payload of group.examples) {
        const got = providerEvent([json, ['X-GitHub-Event', group.name]], enc(JSON.stringify(payload)));
        const action = typeof payload.action === 'string' ? payload.action : undefined;
        expect(got).toEqual({ provider: 'GitHub', event: (action ? `${group.name}.${action}` : group.name).slice(0, 80).replace(/^(.{79}).+$/, '$1…') });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('reads Slack slash commands, interactive payloads and Events API types', () => {
    const slack: HeaderTuple[] = [
      ['X-Slack-Signature', 'v0=ab'],
      ['X-Slack-Request-Timestamp', '1'],
    ];
    const form: HeaderTuple = ['Content-Type', 'application/x-www-form-urlencoded'];
    expect(providerEvent([form, ...slack], enc('token=x&command=%2Fpredict&text=churn'))).toEqual({ provider: 'Slack', event: '/predict' });
    expect(providerEvent([form, ...slack], enc(`payload=${encodeURIComponent('{"type":"block_actions"}')}`))).toEqual({
      provider: 'Slack',
      event: 'block_actions',
    });
    expect(providerEvent([json, ...slack], enc('{"type":"event_callback","event":{"type":"app_mention"}}'))).toEqual({
      provider: 'Slack',
      event: 'app_mention',
    });
    expect(providerEvent([json, ...slack], enc('{"type":"url_verification","challenge":"x"}'))).toEqual({ provider: 'Slack', event: 'url_verification' });
  });

  it('reads Stripe, Standard Webhooks, Zoom and PagerDuty event fields only with their signature header', () => {
    const body = enc('{"id":"evt_1","type":"invoice.paid"}');
    expect(providerEvent([json, ['Stripe-Signature', 't=1,v1=ab']], body)).toEqual({ provider: 'Stripe', event: 'invoice.paid' });
    expect(providerEvent([json, ['webhook-signature', 'v1,xx']], body)).toEqual({ provider: 'Standard Webhooks', event: 'invoice.paid' });
    expect(providerEvent([json], body)).toBeUndefined();
    expect(providerEvent([json, ['x-zm-signature', 'v0=ab']], enc('{"event":"meeting.started"}'))).toEqual({ provider: 'Zoom', event: 'meeting.started' });
    expect(providerEvent([json, ['X-PagerDuty-Signature', 'v1=ab']], enc('{"event":{"event_type":"incident.triggered"}}'))).toEqual({
      provider: 'PagerDuty',
      event: 'incident.triggered',
    });
  });

  it('skips bodies over the limit and never throws on random bytes (seed 2026)', () => {
    const big = enc(`{"type":"x","pad":"${'a'.repeat(EVENT_BODY_LIMIT)}"}`);
    expect(providerEvent([json, ['Stripe-Signature', 'x']], big)).toBeUndefined();
    let s = 2026;
    const next = () => (s = (s * 1103515245 + 12345) >>> 0) & 0xff;
    const headerSets: HeaderTuple[][] = [
      [json, ['Stripe-Signature', 'x']],
      [
        ['Content-Type', 'application/x-www-form-urlencoded'],
        ['X-Slack-Signature', 'v0='],
      ],
      [json, ['X-GitHub-Event', 'push']],
    ];
    for (let i = 0; i < 500; i++) {
      const bytes = new Uint8Array(Array.from({ length: next() }, next));
      for (const headers of headerSets) expect(() => providerEvent(headers, bytes)).not.toThrow();
    }
  });
});
