// The event a webhook names, when a well-known header or body field says it: GitHub's
// X-GitHub-Event (with the payload's action), Slack's slash command or event type, Stripe's
// `type`, Standard Webhooks/Svix `type`, Zoom's `event`, Shopify's topic, … Shown on inbox rows.
import type { HeaderTuple } from './capture';
import { PROVIDER_LIST, PROVIDERS } from './kinds/providers';

/** Bodies larger than this are not parsed for an event name (the list must stay cheap). */
export const EVENT_BODY_LIMIT = 256 * 1024;
const MAX_EVENT_LENGTH = 80;

export interface ProviderEvent {
  provider: string;
  event: string;
}

function header(headers: readonly HeaderTuple[], name: string): string | undefined {
  for (const [n, v] of headers) if (n.toLowerCase() === name) return v;
  return undefined;
}

/** Senders outside the provider catalogue that name their event in a header. */
const OTHER_FORGES: ReadonlyArray<[provider: string, header: string]> = [
  ['GitLab', 'x-gitlab-event'],
  ['Bitbucket', 'x-event-key'],
  ['Gitea', 'x-gitea-event'],
];

/**
 * The event headers, first match wins: the catalogue providers that send one (shared/kinds/providers),
 * in catalogue order with the other git forges right after GitHub (as always), then Hookbench's own.
 */
const HEADER_EVENTS: ReadonlyArray<[provider: string, header: string]> = [
  ...PROVIDER_LIST.flatMap((p): Array<[string, string]> => {
    if (!p.eventHeader) return [];
    const own: [string, string] = [p.label, p.eventHeader.toLowerCase()];
    return p.id === PROVIDERS.github.id ? [own, ...OTHER_FORGES] : [own];
  }),
  ['Hookbench', 'x-hookbench-event'],
];

function jsonBody(body: Uint8Array): Record<string, unknown> | undefined {
  if (body.length === 0 || body.length > EVENT_BODY_LIMIT) return undefined;
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8').decode(body));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function formBody(body: Uint8Array): URLSearchParams | undefined {
  if (body.length === 0 || body.length > EVENT_BODY_LIMIT) return undefined;
  return new URLSearchParams(new TextDecoder('utf-8').decode(body));
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const clip = (text: string): string => (text.length > MAX_EVENT_LENGTH ? `${text.slice(0, MAX_EVENT_LENGTH - 1)}…` : text);

/** The provider and event a request names, or undefined when nothing well known does. */
export function providerEvent(headers: readonly HeaderTuple[], body: Uint8Array): ProviderEvent | undefined {
  const found = detect(headers, body);
  return found ? { provider: found.provider, event: clip(found.event) } : undefined;
}

/** every header name detect() looks for (besides content-type) */
const NAMED_HEADERS = new Set([
  ...HEADER_EVENTS.map(([, name]) => name),
  'x-slack-signature',
  'x-slack-request-timestamp',
  'stripe-signature',
  'webhook-signature',
  'svix-signature',
  'x-zm-signature',
  'x-pagerduty-signature',
]);
const NAMED_LENGTHS = new Set([...NAMED_HEADERS].map((name) => name.length));

/** One pass (lower-casing only names of a length that could match) instead of a scan per name. */
function namesAny(headers: readonly HeaderTuple[]): boolean {
  for (let i = 0; i < headers.length; i++) {
    const name = headers[i][0];
    if (NAMED_LENGTHS.has(name.length) && NAMED_HEADERS.has(name.toLowerCase())) return true;
  }
  return false;
}

function detect(headers: readonly HeaderTuple[], body: Uint8Array): ProviderEvent | undefined {
  // most requests carry none of the headers below: every branch would find nothing
  if (!namesAny(headers)) return undefined;
  const contentType = (header(headers, 'content-type') ?? '').toLowerCase();
  const isJson = contentType.includes('json');
  const isForm = contentType.includes('x-www-form-urlencoded');
  for (const [provider, name] of HEADER_EVENTS) {
    const value = header(headers, name);
    if (!value) continue;
    // GitHub names the kind in the header and the action in the payload: "pull_request.opened"
    const action = provider === PROVIDERS.github.label && isJson ? str(jsonBody(body)?.action) : undefined;
    return { provider, event: action ? `${value}.${action}` : value };
  }
  if (header(headers, 'x-slack-signature') !== undefined || header(headers, 'x-slack-request-timestamp') !== undefined) {
    if (isForm) {
      const form = formBody(body);
      const command = form?.get('command');
      if (command) return { provider: 'Slack', event: command };
      const payload = form?.get('payload');
      if (payload) {
        try {
          const type = str((JSON.parse(payload) as Record<string, unknown>).type);
          if (type) return { provider: 'Slack', event: type };
        } catch {
          /* not JSON: no event */
        }
      }
    }
    if (isJson) {
      const json = jsonBody(body);
      const inner = json?.event && typeof json.event === 'object' ? str((json.event as Record<string, unknown>).type) : undefined;
      const type = inner ?? str(json?.type);
      if (type) return { provider: 'Slack', event: type };
    }
    return undefined;
  }
  if (!isJson) return undefined;
  if (header(headers, 'stripe-signature') !== undefined) return named('Stripe', str(jsonBody(body)?.type));
  if (header(headers, 'webhook-signature') !== undefined) return named('Standard Webhooks', str(jsonBody(body)?.type));
  if (header(headers, 'svix-signature') !== undefined) return named('Svix', str(jsonBody(body)?.type));
  if (header(headers, 'x-zm-signature') !== undefined) return named('Zoom', str(jsonBody(body)?.event));
  if (header(headers, 'x-pagerduty-signature') !== undefined) {
    const event = jsonBody(body)?.event;
    return named('PagerDuty', event && typeof event === 'object' ? str((event as Record<string, unknown>).event_type) : undefined);
  }
  return undefined;
}

const named = (provider: string, event: string | undefined): ProviderEvent | undefined => (event ? { provider, event } : undefined);
