// `hookbench runs list|show|logs`: the local executions and pipelines trigger run actions launched.
import type { LocalExecution, LocalPipeline, RunListItem } from '@shared/runs';
import { COMMON_OPTIONS, openAccess, parseCommand, positiveInt, printJson, table, time } from '../access';
import { CliError, type Command, USAGE_EXIT_CODE } from '../command';
import { openRunSource, type RunSource } from '../run-source';

const usage = `Usage: hookbench runs <list|show|logs> [options]

  list              newest first: id, kind, step/pipeline, status, trigger, created
    --trigger ID    only runs launched by this trigger
    --limit N       how many (default 20)
  show ID           one execution (status, reason, exit code, inputs, outputs, log tail) or
                    pipeline (nodes and their executions)
  logs ID           the execution's log lines (stdout, stderr, system)
    --follow        keep printing until the execution ends

Works beside a running \`hookbench serve\` on the same data dir (through its control API) and
when nothing runs (reading the run records and the runs/ folder, read-only, no lock); the
output and --json are the same both ways. Without serve, a run that was in flight when its
engine stopped shows as recorded (the next serve marks it stopped).

Exit codes:
  0  done (show: the run completed or is still running; logs --follow: it completed)
  1  no such run, the run ended in error/stopped/crashed, or the data dir cannot be read
  2  usage error

Common options: --data-dir DIR, --json, -h/--help`;

const options = { ...COMMON_OPTIONS, trigger: { type: 'string' }, limit: { type: 'string' }, follow: { type: 'boolean' } } as const;

const row = (item: RunListItem): string[] =>
  item.kind === 'execution'
    ? [item.execution.id, 'execution', item.execution.step, item.execution.status, item.execution.triggerId ?? '', time(item.execution.createdAt)]
    : [item.pipeline.id, 'pipeline', item.pipeline.name, item.pipeline.status, item.pipeline.triggerId ?? '', time(item.pipeline.createdAt)];

const FAILED = ['error', 'stopped', 'crashed'];

function printExecution(e: LocalExecution): void {
  console.log(`execution ${e.id} (#${e.counter})  step ${e.step}  ${e.status}${e.statusReason ? ` (${e.statusReason})` : ''}  mode ${e.mode}`);
  if (e.exitCode !== undefined && e.exitCode !== null) console.log(`exit code ${e.exitCode}`);
  if (e.triggerId)
    console.log(`trigger ${e.triggerId}${e.triggerRunId ? `  trigger run ${e.triggerRunId}` : ''}${e.captureId ? `  capture ${e.captureId}` : ''}`);
  if (e.parameters && Object.keys(e.parameters).length) console.log(`parameters ${JSON.stringify(e.parameters)}`);
  if (e.outputs?.length) console.log(`outputs ${e.outputs.join(', ')}`);
}

function printPipeline(p: LocalPipeline, executions: LocalExecution[]): void {
  console.log(`pipeline ${p.id} (#${p.counter})  ${p.name}  ${p.status}${p.statusReason ? ` (${p.statusReason})` : ''}`);
  for (const n of p.nodes) {
    const e = executions.find((x) => x.id === n.executionId);
    console.log(`  node ${n.name}: ${e ? `${e.status}  execution ${e.id}` : (n.status ?? 'waiting')}`);
  }
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, options);
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const [sub, id] = positionals;
  if (sub !== 'list' && (sub === 'show' || sub === 'logs') && !id) throw new CliError(`which run? hookbench runs ${sub} ID`, USAGE_EXIT_CODE);
  if (sub !== 'list' && sub !== 'show' && sub !== 'logs') throw new CliError(`unknown or missing subcommand (list, show, logs)`, USAGE_EXIT_CODE);
  const access = await openAccess(values['data-dir']);
  const source = await openRunSource(access);
  try {
    if (sub === 'list') return await list(source, values);
    if (sub === 'show') return await show(source, id, values.json === true);
    return await logs(source, id, values, access.dataDir);
  } finally {
    await source.close();
  }
}

async function list(source: RunSource, values: { limit?: string; trigger?: string; json?: boolean }): Promise<number> {
  const page = await source.list({ limit: positiveInt(values.limit, '--limit') ?? 20, ...(values.trigger ? { triggerId: values.trigger } : {}) });
  if (values.json) printJson(page);
  else if (!page.items.length) console.log('no runs');
  else console.log(table([['ID', 'KIND', 'STEP/PIPELINE', 'STATUS', 'TRIGGER', 'CREATED'], ...page.items.map(row)]));
  return 0;
}

async function show(source: RunSource, id: string, json: boolean): Promise<number> {
  const execution = await source.execution(id);
  if (execution) {
    if (json) printJson(execution);
    else {
      printExecution(execution.execution);
      if (execution.logTail.length) console.log(`--- last ${execution.logTail.length} of ${execution.logLines} log lines`);
      for (const l of execution.logTail) console.log(l.text);
    }
    return FAILED.includes(execution.execution.status) ? 1 : 0;
  }
  const pipeline = await source.pipeline(id);
  if (!pipeline) throw new CliError(`no execution or pipeline has id ${id}`);
  if (json) printJson(pipeline);
  else printPipeline(pipeline.pipeline, pipeline.executions);
  return FAILED.includes(pipeline.pipeline.status) ? 1 : 0;
}

const ACTIVE = ['created', 'queued', 'started'];

async function logs(first: RunSource, id: string, values: { json?: boolean; follow?: boolean; 'data-dir'?: string }, dataDir: string): Promise<number> {
  let source = first;
  const known = await source.execution(id);
  if (!known) throw new CliError(`no execution has id ${id}`);
  let offset = 0;
  try {
    for (;;) {
      const page = await source.log({ executionId: id, offset, limit: 1000 });
      for (const l of page.lines) console.log(values.json ? JSON.stringify(l) : l.stream === 'stdout' ? l.text : `[${l.stream}] ${l.text}`);
      offset += page.lines.length;
      if (page.lines.length === 1000) continue;
      if (!values.follow) return 0;
      const detail = await source.execution(id);
      if (!detail) throw new CliError(`no execution has id ${id}`);
      const ended = !ACTIVE.includes(detail.execution.status);
      if (ended && offset >= detail.logLines) return FAILED.includes(detail.execution.status) ? 1 : 0;
      await new Promise((r) => setTimeout(r, 300));
      // read afresh: what a serve (or the app) writes meanwhile, through its API once it runs
      const access = await openAccess(values['data-dir']);
      if (access.kind === 'local' && !ended && !(await dataDirHeld(dataDir))) {
        throw new CliError(
          `execution ${id} is ${detail.execution.status} on disk, but nothing runs on ${dataDir}: its engine stopped while it ran (the next serve marks it stopped)`,
        );
      }
      const fresh = await openRunSource(access);
      if (source !== first) await source.close();
      source = fresh;
    }
  } finally {
    if (source !== first) await source.close();
  }
}

/** whether a live Hookbench (serve or the app) holds the data dir */
async function dataDirHeld(dataDir: string): Promise<boolean> {
  const { dataDirOwner } = await import('../../engine/store/data-dir-lock');
  return (await dataDirOwner(dataDir)) !== null;
}

export const runsCommand: Command = { name: 'runs', summary: 'list local runs, show one, print its logs', usage, run };
