// `send --example PROVIDER:EVENT`: real example payloads with the headers their sender adds.
// GitHub's come from @octokit/webhooks-examples (GitHub's published examples); Slack and Stripe ship here.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { HeaderTuple } from '@shared/capture';
import { CliError, USAGE_EXIT_CODE } from '../command';
import { SLACK_SLASH_COMMAND } from './slack';
import { STRIPE_EVENTS } from './stripe';

export interface Example {
  body: Buffer;
  headers: HeaderTuple[];
  scheme: string;
}

interface OctokitExample {
  name: string;
  actions: string[];
  examples: Record<string, unknown>[];
}

async function githubExamples(): Promise<OctokitExample[]> {
  // loaded only for --example: the list is large
  // require, not import(): the package is a JSON file, which the ESM loader only takes with an attribute
  const mod: unknown = createRequire(__filename)('@octokit/webhooks-examples');
  return (Array.isArray(mod) ? mod : ((mod as { default?: OctokitExample[] }).default ?? [])) as OctokitExample[];
}

/** github:push, github:pull_request (first example), github:pull_request.opened, slack:slash-command, stripe:payment_intent.succeeded */
export async function loadExample(spec: string): Promise<Example> {
  const at = spec.indexOf(':');
  const provider = at > 0 ? spec.slice(0, at) : spec;
  const event = at > 0 ? spec.slice(at + 1) : '';
  if (provider === 'github') {
    const [name, action] = event.split('.');
    const all = await githubExamples();
    const found = all.find((e) => e.name === name);
    if (!found) throw new CliError(`no GitHub example "${event}"; events: ${all.map((e) => e.name).join(', ')}`, USAGE_EXIT_CODE);
    const payload = action ? found.examples.find((x) => x.action === action) : found.examples[0];
    if (!payload) throw new CliError(`no GitHub ${name} example with action "${action}" (${found.actions.join(', ')})`, USAGE_EXIT_CODE);
    return {
      scheme: 'github',
      body: Buffer.from(JSON.stringify(payload)),
      headers: [
        ['User-Agent', 'GitHub-Hookshot/hookbench'],
        ['Content-Type', 'application/json'],
        ['X-GitHub-Event', name],
        ['X-GitHub-Delivery', randomUUID()],
        ['X-GitHub-Hook-ID', '1'],
        ['X-GitHub-Hook-Installation-Target-Type', 'repository'],
      ],
    };
  }
  if (provider === 'slack') {
    if (event !== 'slash-command' && event !== '') throw new CliError('Slack examples: slack:slash-command', USAGE_EXIT_CODE);
    return {
      scheme: 'slack',
      body: Buffer.from(SLACK_SLASH_COMMAND),
      headers: [
        ['Content-Type', 'application/x-www-form-urlencoded'],
        ['User-Agent', 'Slackbot 1.0 (+https://api.slack.com/robots)'],
      ],
    };
  }
  if (provider === 'stripe') {
    const payload = STRIPE_EVENTS[event || 'payment_intent.succeeded'];
    if (!payload)
      throw new CliError(
        `Stripe examples: ${Object.keys(STRIPE_EVENTS)
          .map((k) => `stripe:${k}`)
          .join(', ')}`,
        USAGE_EXIT_CODE,
      );
    return {
      scheme: 'stripe',
      body: Buffer.from(JSON.stringify(payload, null, 2)),
      headers: [
        ['Content-Type', 'application/json; charset=utf-8'],
        ['User-Agent', 'Stripe/1.0 (+https://stripe.com/docs/webhooks)'],
      ],
    };
  }
  throw new CliError(`unknown example "${spec}" (github:EVENT[.ACTION], slack:slash-command, stripe:EVENT)`, USAGE_EXIT_CODE);
}
