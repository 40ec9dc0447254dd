// `hookbench notify test|deliveries|delivery`: test a channel and read the delivery log.
import type { DeliveryDetail, DeliverySummary, NotificationChannel, NotificationEventType } from '@shared/notifications';
import { NOTIFICATION_EVENT_TYPES } from '@shared/notifications';
import { assertNever } from '@shared/kinds/assert-never';
import { COMMON_OPTIONS, openAccess, parseCommand, positiveInt, printJson, table, time } from '../access';
import { CliError, type Command, USAGE_EXIT_CODE } from '../command';
import type { ControlClient } from '../control-client';
import { openDeliverySource, type DeliverySource } from '../run-source';
import { openWriteAccess, whileLocked } from '../write-access';

const FINISHED: DeliverySummary['status'][] = ['succeeded', 'failed'];

const usage = `Usage: hookbench notify <test|deliveries|delivery> [options]

  test CHANNEL            send an example notification to a channel (id or name) and wait
                          for the delivery to succeed or fail (retries as the channel's
                          delivery settings say)
    --event TYPE          which event (default execution_completed)
    --timeout SECONDS     how long to wait for the delivery to finish (default 30)
  deliveries              the delivery log, newest first
    --channel ID --status pending|retrying|succeeded|failed --limit N
  delivery ID             one delivery: payload, every attempt with status and timing

Works beside a running \`hookbench serve\` on the same data dir (through its control API) and
when nothing runs: deliveries and delivery read the delivery journal read-only without the
lock; test takes the data dir's lock while it sends (the delivery is journaled as serve would
journal it); a serve started meanwhile stops with "in use" until the test is done. A channel
of type trigger posts to the receiver of the running serve and cannot be tested without one.
The output and --json are the same both ways.

Exit codes:
  0  test: delivered (2xx); deliveries: done; delivery: it did not fail
  1  test: the delivery failed or was still retrying at --timeout; no such channel or
     delivery; the data dir is in use by a process without a control API
  2  usage error

Common options: --data-dir DIR, --json, -h/--help`;

const STATUSES: DeliverySummary['status'][] = ['pending', 'retrying', 'succeeded', 'failed'];

const options = {
  ...COMMON_OPTIONS,
  event: { type: 'string' },
  timeout: { type: 'string' },
  channel: { type: 'string' },
  status: { type: 'string' },
  limit: { type: 'string' },
} as const;

const row = (d: DeliverySummary) => [
  d.id,
  time(d.createdAt),
  d.eventType,
  d.target.channelName ?? d.target.url ?? '',
  d.status,
  String(d.attemptCount),
  d.lastStatus == null ? '' : String(d.lastStatus),
  d.lastError ?? '',
];

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
    const access = await openWriteAccess(values['data-dir']);
    const { delivery, channel } =
      access.kind === 'serve'
        ? await testThroughServe(access.client, arg, eventType, timeoutMs)
        : await whileLocked(access, () => testLocally(access.dataDir, arg, eventType, timeoutMs));
    if (values.json) printJson(delivery);
    else
      console.log(
        `delivery ${delivery.id} to ${channel.name}: ${delivery.status}${delivery.lastStatus ? ` (HTTP ${delivery.lastStatus})` : ''}${delivery.lastError ? ` ${delivery.lastError}` : ''}`,
      );
    if (!FINISHED.includes(delivery.status)) {
      const who = access.kind === 'serve' ? 'the serve keeps trying' : 'the next serve on this data dir makes the remaining attempts';
      console.error(`hookbench: delivery ${delivery.id} had not finished when --timeout ran out; it stays in the delivery log and ${who}`);
    }
    return delivery.status === 'succeeded' ? 0 : 1;
  }
  if (sub === 'deliveries') {
    if (values.status && !STATUSES.includes(values.status as DeliverySummary['status']))
      throw new CliError(`--status must be one of ${STATUSES.join(', ')}`, USAGE_EXIT_CODE);
    const limit = positiveInt(values.limit, '--limit') ?? 20;
    const filter = {
      ...(values.channel ? { channelId: values.channel } : {}),
      ...(values.status ? { status: values.status as DeliverySummary['status'] } : {}),
    };
    const list = await withDeliveries(values['data-dir'], (source) => source.list(filter, limit));
    if (values.json) printJson(list);
    else if (!list.length) console.log('no deliveries');
    else console.log(table([['ID', 'CREATED', 'EVENT', 'CHANNEL', 'STATUS', 'ATTEMPTS', 'HTTP', 'ERROR'], ...list.map(row)]));
    return 0;
  }
  if (sub === 'delivery') {
    if (!arg) throw new CliError('which delivery? hookbench notify delivery ID', USAGE_EXIT_CODE);
    const d = await withDeliveries(values['data-dir'], (source) => source.get(arg));
    if (!d) throw new CliError(`no delivery has id ${arg}`);
    if (values.json) printJson(d);
    else {
      console.log(`delivery ${d.id}  ${d.eventType}  to ${d.target.channelName ?? d.target.url}  ${d.status}`);
      for (const a of d.attempts)
        console.log(`  attempt ${a.number}  ${time(a.startedAt)}  ${a.responseStatus ?? 'no answer'}  ${a.durationMs} ms${a.error ? `  ${a.error}` : ''}`);
      console.log(d.requestBody);
    }
    return d.status === 'failed' ? 1 : 0;
  }
  throw new CliError('unknown or missing subcommand (test, deliveries, delivery)', USAGE_EXIT_CODE);
}

async function withDeliveries<T>(dataDirFlag: string | undefined, read: (source: DeliverySource) => Promise<T>): Promise<T> {
  const source = await openDeliverySource(await openAccess(dataDirFlag));
  try {
    return await read(source);
  } finally {
    await source.close();
  }
}

function pickChannel(channels: NotificationChannel[], wanted: string): NotificationChannel {
  const channel = channels.find((c) => c.id === wanted) ?? channels.find((c) => c.name === wanted);
  if (!channel) throw new CliError(`no channel "${wanted}" (${channels.map((c) => c.id).join(', ') || 'none'})`);
  return channel;
}

type Tested = { delivery: DeliverySummary | DeliveryDetail; channel: NotificationChannel };

async function testThroughServe(client: ControlClient, wanted: string, eventType: NotificationEventType, timeoutMs: number): Promise<Tested> {
  const view = await client.call('notifications.get');
  const channel = pickChannel(view.section.channels, wanted);
  let delivery: DeliverySummary | DeliveryDetail = await client.call('notifications.testChannel', { channelId: channel.id, eventType });
  const until = Date.now() + timeoutMs;
  while (!FINISHED.includes(delivery.status) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    delivery = (await client.call('deliveries.get', { id: delivery.id })) ?? delivery;
  }
  return { delivery, channel };
}

/** With the data dir's lock held: the engine's notifier (journal, worker, HTTP client) for this one delivery. */
async function testLocally(dataDir: string, wanted: string, eventType: NotificationEventType, timeoutMs: number): Promise<Tested> {
  const { openWorkspaceStore, plainSecretCodec } = await import('../../engine/store/workspace-store');
  const { openNotifier, sendTestDelivery } = await import('../../engine/notifications/notifier');
  const { deliveriesDir } = await import('../../engine/notifications/delivery-store');
  const { createEventBus } = await import('../../engine/events/event-bus');
  const workspace = await openWorkspaceStore(dataDir, plainSecretCodec);
  const notifier = await openNotifier({
    dir: deliveriesDir(dataDir),
    workspace,
    events: createEventBus(),
    receiverUrl: () => null,
    now: Date.now,
    // the engine's bound on every growing history (engine.ts)
    retention: { maxEntries: () => workspace.settings().retention.maxCaptures },
  });
  try {
    const channel = pickChannel(notifier.section().channels, wanted);
    switch (channel.type) {
      case 'custom':
      case 'slack':
        break;
      case 'trigger':
        // it posts to this Hookbench's own receiver, which only a serve runs
        throw new CliError(
          `channel "${channel.name}" posts to a trigger of this Hookbench's own receiver, and none runs on ${dataDir}: start \`hookbench serve --data-dir ${dataDir}\` and test it again`,
        );
      default:
        return assertNever(channel, 'channel type');
    }
    const sent = await sendTestDelivery(notifier, channel.id, eventType, Date.now());
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([notifier.worker.whenFinished(sent.id), new Promise((r) => (timer = setTimeout(r, timeoutMs)))]).finally(() => clearTimeout(timer));
    return { delivery: (await notifier.store.get(sent.id)) ?? sent, channel };
  } finally {
    // an attempt still in flight is not journaled: the next serve makes it again, as after a restart
    await notifier.close();
  }
}

export const notifyCommand: Command = { name: 'notify', summary: 'test a notification channel; read the delivery log', usage, run };
