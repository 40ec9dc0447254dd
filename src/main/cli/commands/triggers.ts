// `hookbench triggers list`: the trigger URLs of a data dir and what each one checks and does.
import { assertNever } from '@shared/kinds/assert-never';
import type { Condition, Trigger } from '@shared/trigger';
import { COMMON_OPTIONS, openAccess, parseCommand, printJson, table } from '../access';
import { CliError, type Command, USAGE_EXIT_CODE } from '../command';

const usage = `Usage: hookbench triggers list [--json] [--data-dir DIR]

Lists the triggers: id, enabled, launch URL path, conditions and actions. Works beside a
running serve (control API) and when nothing runs (reads workspace.json, read-only).
Exit codes: 0 done, 1 the data dir does not exist or cannot be read (or the serve does not answer), 2 usage error.`;

/** A condition in the list's column: a web-auth condition by its auth type, the others by their type. */
function conditionWord(c: Condition): string {
  switch (c.type) {
    case 'web-auth':
      return c.authType;
    case 'web-timestamp':
    case 'rate-limit':
    case 'payload-filter':
      return c.type;
    default:
      return assertNever(c, 'condition type');
  }
}

const describe = (t: Trigger) => [
  t.id,
  t.enabled ? 'on' : 'off',
  `/api/v0/launch/${t.id}/`,
  t.conditions.map(conditionWord).join(',') || '-',
  t.actions.map((a) => a.type).join(',') || '-',
];

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, COMMON_OPTIONS);
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals[0] !== 'list' || positionals.length !== 1) throw new CliError('usage: hookbench triggers list', USAGE_EXIT_CODE);
  const access = await openAccess(values['data-dir']);
  let triggers: Trigger[];
  let receiverUrl = '';
  if (access.kind === 'serve') {
    triggers = await access.client.call('triggers.list');
    receiverUrl = access.client.endpoint.receiverUrl;
  } else {
    const { readWorkspaceFile } = await import('../local-workspace');
    triggers = (await readWorkspaceFile(access.dataDir)).triggers;
  }
  if (values.json) printJson(triggers);
  else if (!triggers.length) console.log('no triggers');
  else {
    console.log(table([['ID', 'ENABLED', 'URL', 'CONDITIONS', 'ACTIONS'], ...triggers.map(describe)]));
    if (receiverUrl) console.log(`(receiver: ${receiverUrl})`);
  }
  return 0;
}

export const triggersCommand: Command = { name: 'triggers', summary: 'list the triggers of a data dir', usage, run };
