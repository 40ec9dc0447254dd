// Turns a notification into the message Slack incoming webhooks expect: `text` in Slack's
// mrkdwn (links as <url|label>, & < > escaped) plus blocks and a coloured attachment with fields.
import type { NotificationPayload } from '@shared/notifications';

export interface SlackMessage {
  text: string;
  blocks: Array<Record<string, unknown>>;
  attachments: Array<{ color: string; fallback: string; fields: Array<{ title: string; value: string; short: boolean }> }>;
}

const escapeSlack = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Markdown links become <url|label>; the rest is escaped as Slack requires. */
export function markdownToMrkdwn(markdown: string): string {
  const out: string[] = [];
  const link = /\[([^\]]*)\]\(([^)\s]+)\)/g;
  let last = 0;
  for (const m of markdown.matchAll(link)) {
    out.push(escapeSlack(markdown.slice(last, m.index)));
    // inside <url|label> a | or > would end the link early
    const label = escapeSlack(m[1]).replace(/\|/g, '¦');
    out.push(`<${m[2].replace(/[|>]/g, encodeURIComponent)}|${label}>`);
    last = (m.index ?? 0) + m[0].length;
  }
  out.push(escapeSlack(markdown.slice(last)));
  return out.join('');
}

function colourFor(type: string): string {
  if (type.endsWith('_completed')) return '#2eb886';
  if (type.endsWith('_failed')) return '#d40e0d';
  if (type.endsWith('_stopped')) return '#daa038';
  return '#439fe0';
}

function field(payload: NotificationPayload, suffix: string): string | null {
  const entry = Object.entries(payload.data).find(([k]) => k.endsWith(suffix) && !k.startsWith('valohai.project'));
  return entry && entry[1] !== null ? String(entry[1]) : null;
}

export function slackMessage(payload: NotificationPayload): SlackMessage {
  const body = markdownToMrkdwn(payload.body);
  const text = `*${escapeSlack(payload.title)}*\n${body}`;
  const fields: SlackMessage['attachments'][number]['fields'] = [];
  const add = (title: string, value: string | null) => {
    if (value !== null && value !== '') fields.push({ title, value: escapeSlack(value), short: true });
  };
  add('Project', String(payload.data['valohai.project-name'] ?? ''));
  add('Status', field(payload, '-status'));
  add('Step', field(payload, '-step'));
  const seconds = field(payload, '-duration');
  add('Duration', seconds === null ? null : `${Math.round(Number(seconds))} s`);
  add('Creator', String(payload.data['valohai.creator-name'] ?? ''));
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `\`${payload.type}\`` }] },
    ],
    attachments: [{ color: colourFor(payload.type), fallback: payload.title, fields }],
  };
}
