// `hookbench notify test|deliveries|delivery`: test a channel and read the delivery log.
import type { DeliverySummary, NotificationEventType } from '../../../shared/notifications';
import { NOTIFICATION_EVENT_TYPES } from '../../../shared/notifications';
import { COMMON_OPTIONS, parseCommand, positiveInt, printJson, requireServe, table, time } from '../access';
import { CliError, type Command, USAGE_EXIT_CODE } from '../command';

const usage = `Usage: hookbench notify <test|deliveries|delivery> [options]

  test CHANNEL            send an example notification to a channel (id or name) and wait
                          for the delivery to succeed or fail
    --event TYPE          which event (default execution_completed)
    --timeout SECONDS     how long to wait for the delivery to finish (default 30)
  deliveries              the delivery log, newest first
    --channel ID --status S --limit N
  delivery ID             one delivery: payload, every attempt with status and timing

Needs the running \`hookbench serve\` of the data dir (deliveries are made by its engine).
Exit codes: 0 delivered / done, 1 the delivery failed or was not found, 2 usage error.

Common options: --data-dir DIR, --json, -h/--help`;

const options = {
  ...COMMON_OPTIONS, event: { type: 'string' }, timeout: { type: 'string' }, channel: { type: 'string' },
  status: { type: 'string' }, limit: { type: 'string' },
} as const;

const row = (d: DeliverySummary) => [d.id, time(d.createdAt), d.eventType, d.target.channelName ?? d.target.url ?? '', d.status, String(d.attemptCount), d.lastStatus == null ? '' : String(d.lastStatus), d.lastError ?? ''];

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, options);
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const [sub, arg] = positionals;
  if (sub === 'test') {
    if (!arg) throw new CliError('which channel? hookbench notify test CHANNEL', USAGE_EXIT_CODE);
    const eventType = (values.event ?? 'execution_completed') as NotificationEventType;
    if (!NOTIFICATION_EVENT_TYPES.includes(eventType)) throw new CliError(`--event must be one of ${NOTIFICATION_EVENT_TYPES.join(', ')}`, USAGE_EXIT_CODE);
    const timeoutMs = (positiveInt(values.timeout, '--timeout') ?? 30) * 1000;
    const { client } = await requireServe(values['data-dir'], 'testing a channel');
    const view = await client.call('notifications.get');
    const channel = view.section.channels.find((c) => c.id === arg) ?? view.section.channels.find((c) => c.name === arg);
    if (!channel) throw new CliError(`no channel "${arg}" (${view.section.channels.map((c) => c.id).join(', ') || 'none'})`);
    let delivery = await client.call('notifications.testChannel', { channelId: channel.id, eventType });
    const until = Date.now() + timeoutMs;
    while (!['succeeded', 'failed'].includes(delivery.status) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 200));
      delivery = (await client.call('deliveries.get', { id: delivery.id })) ?? delivery;
    }
    if (values.json) printJson(delivery);
    else console.log(`delivery ${delivery.id} to ${channel.name}: ${delivery.status}${delivery.lastStatus ? ` (HTTP ${delivery.lastStatus})` : ''}${delivery.lastError ? ` ${delivery.lastError}` : ''}`);
    return delivery.status === 'succeeded' ? 0 : 1;
  }
  if (sub === 'deliveries') {
    const { client } = await requireServe(values['data-dir'], 'reading deliveries');
    const list = await client.call('deliveries.list', {
      limit: positiveInt(values.limit, '--limit') ?? 20,
      filter: { ...(values.channel ? { channelId: values.channel } : {}), ...(values.status ? { status: values.status as DeliverySummary['status'] } : {}) },
    });
    if (values.json) printJson(list);
    else if (!list.length) console.log('no deliveries');
    else console.log(table([['ID', 'CREATED', 'EVENT', 'CHANNEL', 'STATUS', 'ATTEMPTS', 'HTTP', 'ERROR'], ...list.map(row)]));
    return 0;
  }
  if (sub === 'delivery') {
    if (!arg) throw new CliError('which delivery? hookbench notify delivery ID', USAGE_EXIT_CODE);
    const { client } = await requireServe(values['data-dir'], 'reading deliveries');
    const d = await client.call('deliveries.get', { id: arg });
    if (!d) throw new CliError(`no delivery has id ${arg}`);
    if (values.json) printJson(d);
    else {
      console.log(`delivery ${d.id}  ${d.eventType}  to ${d.target.channelName ?? d.target.url}  ${d.status}`);
      for (const a of d.attempts) console.log(`  attempt ${a.number}  ${time(a.startedAt)}  ${a.responseStatus ?? 'no answer'}  ${a.durationMs} ms`);
      console.log(d.requestBody);
    }
    return d.status === 'failed' ? 1 : 0;
  }
  throw new CliError('unknown or missing subcommand (test, deliveries, delivery)', USAGE_EXIT_CODE);
}

export const notifyCommand: Command = { name: 'notify', summary: 'test a notification channel; read the delivery log', usage, run };
