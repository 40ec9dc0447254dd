// `hookbench captures list|show|delete|export --har`: the inbox from the command line.
import { writeFile } from 'node:fs/promises';
import type { CaptureDetail, CapturePage, CaptureQuery } from '@shared/capture';
import { COMMON_OPTIONS, openAccess, parseCommand, positiveInt, printJson, table, time, type Access } from '../access';
import { CliError, type Command, USAGE_EXIT_CODE } from '../command';
import type { ControlClient } from '../control-client';
import { openWriteAccess, whileLocked } from '../write-access';

const usage = `Usage: hookbench captures <list|show|delete|export> [options]

  list                      newest first: id, time, method, path, status, size, trigger
    --limit N               how many (default 20)
    --method M --path P --trigger ID --text T   filters (path/text: substring)
  show ID                   one capture: request line, headers in arrival order, body
    --body-limit BYTES      how much of the body to print (default 65536)
  delete ID...              delete captures: through the running serve, or (nothing runs)
                            with the data dir's lock taken for the moment of the write
  export --har [ID...]      a HAR 1.2 file of the captures (default: the --limit newest)
    --out FILE              write there instead of stdout
    --include-secrets       keep secret header values (redacted by default)

Works beside a running \`hookbench serve\` on the same data dir (through its control API) and
when nothing runs: list, show and export read the files read-only without the lock; delete
takes the lock, appends the deletion to the capture journal as the engine does, and releases
it. A data dir held by a process without a control API (the desktop app) refuses delete.

Exit codes:
  0  done (delete: every id was deleted)
  1  a capture id does not exist (delete: the others are still deleted), the data dir is in
     use by a process without a control API, or it cannot be read or written
  2  usage error

Common options:
  --data-dir DIR   the data dir (default $HOOKBENCH_DATA_DIR or ~/.hookbench/data); must exist
  --json           machine-readable output
  -h, --help       show this help`;

const options = {
  ...COMMON_OPTIONS,
  limit: { type: 'string' },
  method: { type: 'string' },
  path: { type: 'string' },
  trigger: { type: 'string' },
  text: { type: 'string' },
  'body-limit': { type: 'string' },
  har: { type: 'boolean' },
  out: { type: 'string' },
  'include-secrets': { type: 'boolean' },
} as const;

async function localStore(dataDir: string) {
  const { openCaptureStore, capturesDir } = await import('../../engine/store/capture-store');
  return openCaptureStore(capturesDir(dataDir), { maxCaptures: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER }, { readOnly: true });
}

async function list(access: Access, query: CaptureQuery): Promise<CapturePage> {
  if (access.kind === 'serve') return access.client.call('captures.list', query);
  const store = await localStore(access.dataDir);
  try {
    return await store.list(query);
  } finally {
    await store.close();
  }
}

async function show(access: Access, id: string, limit: number): Promise<{ detail: CaptureDetail; body: Buffer } | null> {
  if (access.kind === 'serve') {
    const detail = await access.client.call('captures.get', { id });
    return detail ? { detail, body: Buffer.from(detail.bodyBase64 ?? '', 'base64').subarray(0, limit) } : null;
  }
  const store = await localStore(access.dataDir);
  try {
    const detail = await store.get(id, limit);
    const body = detail ? ((await store.readBody(id)) ?? Buffer.alloc(0)).subarray(0, limit) : null;
    return detail && body ? { detail, body } : null;
  } finally {
    await store.close();
  }
}

type Deleted = { deleted: number; notFound: string[] };

async function deleteThroughServe(client: ControlClient, ids: string[]): Promise<Deleted> {
  const unique = [...new Set(ids)];
  const notFound: string[] = [];
  for (const id of unique) if (!(await client.call('captures.get', { id }))) notFound.push(id);
  const { deleted } = await client.call('captures.delete', { ids: unique.filter((id) => !notFound.includes(id)) });
  return { deleted, notFound };
}

/** With the data dir's lock held: the capture store opened for writing, one deletion record, closed. */
async function deleteLocally(dataDir: string, ids: string[]): Promise<Deleted> {
  const { openCaptureStore, capturesDir } = await import('../../engine/store/capture-store');
  // no retention here: what to keep is the next serve's business (it applies its settings at open)
  const store = await openCaptureStore(capturesDir(dataDir), { maxCaptures: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER });
  try {
    const unique = [...new Set(ids)];
    const notFound: string[] = [];
    for (const id of unique) if (!(await store.get(id, 0))) notFound.push(id);
    const deleted = await store.delete(unique.filter((id) => !notFound.includes(id)));
    return { deleted, notFound };
  } finally {
    await store.close();
  }
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, options);
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const [sub, ...ids] = positionals;
  const limit = positiveInt(values.limit, '--limit') ?? 20;
  const filter = {
    ...(values.method ? { methods: [values.method.toUpperCase()] } : {}),
    ...(values.path ? { path: values.path } : {}),
    ...(values.trigger ? { triggerId: values.trigger } : {}),
    ...(values.text ? { text: values.text } : {}),
  };
  switch (sub) {
    case 'list': {
      const page = await list(await openAccess(values['data-dir']), { filter, limit });
      if (values.json) printJson(page);
      else if (!page.items.length) console.log('no captures');
      else {
        console.log(
          table([
            ['ID', 'RECEIVED', 'METHOD', 'PATH', 'STATUS', 'BYTES', 'TRIGGER'],
            ...page.items.map((c) => [
              c.id,
              time(c.receivedAt),
              c.method,
              c.path,
              String(c.status),
              String(c.bodySize),
              c.triggerId ? `${c.triggerId} ${c.outcome ?? ''}`.trim() : '',
            ]),
          ]),
        );
        if (page.total > page.items.length) console.log(`(${page.items.length} of ${page.total}; --limit N for more)`);
      }
      return 0;
    }
    case 'show': {
      if (ids.length !== 1) throw new CliError('which capture? hookbench captures show ID', USAGE_EXIT_CODE);
      const bodyLimit = positiveInt(values['body-limit'], '--body-limit') ?? 65536;
      const found = await show(await openAccess(values['data-dir']), ids[0], bodyLimit);
      if (!found) throw new CliError(`no capture has id ${ids[0]}`);
      const { detail, body } = found;
      if (values.json) {
        printJson({ ...detail, bodyBase64: body.toString('base64') });
        return 0;
      }
      console.log(
        `${detail.id}  ${time(detail.receivedAt)}  from ${detail.remoteAddress}  -> ${detail.status}${detail.triggerId ? `  trigger ${detail.triggerId} ${detail.outcome ?? ''}` : ''}`,
      );
      console.log(`${detail.method} ${detail.url} HTTP/${detail.httpVersion ?? '1.1'}`);
      for (const [name, value] of detail.rawHeaders ?? []) console.log(`${name}: ${value}`);
      console.log('');
      process.stdout.write(body);
      if (body.length) console.log('');
      if (detail.bodySize > body.length) console.log(`(${body.length} of ${detail.bodySize} bytes; --body-limit N for more)`);
      return 0;
    }
    case 'delete': {
      if (!ids.length) throw new CliError('which captures? hookbench captures delete ID...', USAGE_EXIT_CODE);
      const access = await openWriteAccess(values['data-dir']);
      const { deleted, notFound } =
        access.kind === 'serve' ? await deleteThroughServe(access.client, ids) : await whileLocked(access, () => deleteLocally(access.dataDir, ids));
      if (values.json) printJson({ deleted, notFound });
      else {
        console.log(`deleted ${deleted} of ${ids.length}`);
        if (notFound.length) console.error(`hookbench: no capture has id ${notFound.join(', ')}`);
      }
      return notFound.length ? 1 : 0;
    }
    case 'export': {
      if (!values.har) throw new CliError('export writes HAR: hookbench captures export --har [ID...]', USAGE_EXIT_CODE);
      const access = await openAccess(values['data-dir']);
      const captureIds = ids.length ? ids : (await list(access, { filter, limit })).items.map((c) => c.id);
      const json = await exportHar(access, captureIds, values['include-secrets'] === true);
      if (values.out) {
        await writeFile(values.out, json);
        console.error(`wrote ${captureIds.length} capture(s) to ${values.out}`);
      } else console.log(json);
      return 0;
    }
    default:
      throw new CliError(`unknown or missing subcommand ${sub === undefined ? '' : `"${sub}" `}(list, show, delete, export)`, USAGE_EXIT_CODE);
  }
}

async function exportHar(access: Access, captureIds: string[], includeSecrets: boolean): Promise<string> {
  if (access.kind === 'serve') return (await access.client.call('sender.exportHar', { captureIds, includeSecrets })).json;
  const { exportHar: build } = await import('../../engine/sender/har');
  const { readWorkspaceFile } = await import('../local-workspace');
  const { secretValues } = await import('@shared/triggers/secrets');
  const store = await localStore(access.dataDir);
  try {
    const captures = [];
    for (const id of captureIds) {
      const capture = await store.get(id, 0);
      const body = await store.readBody(id);
      if (!capture || !body) throw new CliError(`no capture has id ${id}`);
      captures.push({ capture, body, baseUrl: 'http://127.0.0.1' });
    }
    const ws = await readWorkspaceFile(access.dataDir);
    return build({ captures, sent: [] }, { includeSecrets, secrets: secretValues(ws.env, []) });
  } finally {
    await store.close();
  }
}

export const capturesCommand: Command = { name: 'captures', summary: 'list, show, delete or export (HAR) captured requests', usage, run };
