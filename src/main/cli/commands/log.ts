// `hookbench log`: the trigger log (which trigger, verdict, failed condition, run), --follow for new entries.
import type { TriggerLogEntry, TriggerLogFilter } from '@shared/trigger-log';
import type { TriggerOutcome } from '@shared/capture';
import { logEntryForExport } from '@shared/trigger-log-export';
import { COMMON_OPTIONS, openAccess, parseCommand, positiveInt, time, type Access } from '../access';
import { CliError, type Command, USAGE_EXIT_CODE } from '../command';

const usage = `Usage: hookbench log [options]

The trigger log, oldest of the shown entries first: time, trigger, verdict, HTTP status,
the first failed condition and its reason, the run id and the capture id.

Options:
  --trigger ID       only this trigger
  --outcome O        launched | rejected | run-info | not-found | method-not-allowed | too-large
  --limit N          how many of the newest (default 20)
  --follow           keep printing new entries until Ctrl+C
  --interval MS      how often --follow looks (default 500)
  --data-dir DIR     the data dir (must exist)
  --json             one JSON object per line
  -h, --help         show this help
Works beside a running serve and when nothing runs (read-only).
Exit codes: 0 done, 1 the data dir does not exist or cannot be read (or the serve does not answer), 2 usage error.`;

const options = {
  ...COMMON_OPTIONS,
  trigger: { type: 'string' },
  outcome: { type: 'string' },
  limit: { type: 'string' },
  follow: { type: 'boolean' },
  interval: { type: 'string' },
} as const;

async function entries(access: Access, filter: TriggerLogFilter, limit: number): Promise<TriggerLogEntry[]> {
  if (access.kind === 'serve') return access.client.call('triggerLog.list', { filter, limit });
  const { openTriggerLogStore } = await import('../../engine/triggers/trigger-log-store');
  const store = await openTriggerLogStore(access.dataDir, undefined, { readOnly: true });
  try {
    return await store.list(filter, limit);
  } finally {
    await store.close();
  }
}

function line(e: TriggerLogEntry): string {
  const failed = e.conditions.find((c) => !c.passed);
  const why = failed ? ` ${failed.type}: ${failed.reason}` : e.note ? ` ${e.note}` : '';
  return `${time(e.at)}  ${e.triggerId}  ${e.outcome}  ${e.status}${why}${e.runId ? `  run ${e.runId}` : ''}  capture ${e.captureId}`;
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, options);
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length) throw new CliError(`unexpected argument "${positionals[0]}" (see --help)`, USAGE_EXIT_CODE);
  const limit = positiveInt(values.limit, '--limit') ?? 20;
  const interval = positiveInt(values.interval, '--interval') ?? 500;
  const filter: TriggerLogFilter = {
    ...(values.trigger ? { triggerId: values.trigger } : {}),
    ...(values.outcome ? { outcome: values.outcome as TriggerOutcome } : {}),
  };
  const access = await openAccess(values['data-dir']);
  // --json output leaves the app: the signature a request should have carried is dropped
  const print = (e: TriggerLogEntry) => console.log(values.json ? JSON.stringify(logEntryForExport(e)) : line(e));
  const first = (await entries(access, filter, limit)).reverse();
  first.forEach(print);
  if (!values.follow) return 0;
  const seen = new Set(first.map((e) => e.id));
  for (;;) {
    await new Promise((r) => setTimeout(r, interval));
    // beside a serve that started meanwhile, switch to its control API
    const now = access.kind === 'local' ? await openAccess(values['data-dir']) : access;
    const fresh = (await entries(now, filter, 500)).reverse().filter((e) => !seen.has(e.id));
    for (const e of fresh) {
      seen.add(e.id);
      print(e);
    }
  }
}

export const logCommand: Command = { name: 'log', summary: 'the trigger log; --follow prints new entries', usage, run };
