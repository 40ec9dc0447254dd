// The run-info endpoint of triggers.md, through real loopback HTTP.
import { describe, expect, it } from 'vitest';
import type { Condition, Trigger } from '@shared/trigger';
import type { RunResultEntry } from '@shared/trigger-log';
import { harnessPerTest, lastEntry, launchUrl, makeTrigger, post, staticAuth, TEST_TOKEN } from './harness';

const TOKEN = TEST_TOKEN;
const auth = staticAuth;
const make = makeTrigger;
const start = harnessPerTest();

describe('run info', () => {
  const ts: Condition = { type: 'web-timestamp', namespace: 'header', key: 'X-Ts', tolerance: 60 };
  const actions: Trigger['actions'] = [
    { type: 'web-response-json', json: { run_id: '{run_id}' } },
    { type: 'run-execution', step: 'Batch feature extraction', payloadInputName: 'dataset' },
    { type: 'run-pipeline', pipeline: 'train', payloadInputName: 'preprocess.dataset' },
  ];
  const headers = () => ({ Authorization: TOKEN, 'X-Ts': String(Math.floor(Date.now() / 1000)) });

  it('pending, then completed with the action results; GET, POST form and POST JSON', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const h = await start(
      [
        make(
          't',
          [auth, ts, { type: 'rate-limit', period: 3600, quota: 1 }, { type: 'payload-filter', namespace: 'json', key: 'go', operator: 'exists' }],
          actions,
        ),
      ],
      {
        router: {
          launchAction: async (action): Promise<RunResultEntry> => {
            await gate;
            return action.type === 'run-execution'
              ? { action: 'run_execution', execution_step: action.step, execution_id: 'exec-1' }
              : { action: 'run_pipeline', pipeline_name: action.pipeline, pipeline_id: 'pipe-1' };
          },
        },
      },
    );
    const launched = await post(launchUrl(h, 't'), '{"go": 1}', headers());
    expect(launched.status).toBe(200);
    const runId = JSON.parse(launched.body).run_id as string;

    // rate limit and payload filter do not apply to run-info (quota 1 is used, no "go" key)
    const pending = await fetch(`${launchUrl(h, 't')}run/?run_id=${runId}`, { headers: headers() });
    expect(pending.status).toBe(200);
    expect(await pending.json()).toEqual({ status: 'pending', result: [] });
    expect(await lastEntry(h)).toMatchObject({ outcome: 'run-info', runId, status: 200 });
    expect((await lastEntry(h)).conditions.map((c) => c.type)).toEqual(['web-auth', 'web-timestamp']);

    release();
    await expect.poll(() => h.runs.get(runId)?.status).toBe('completed');
    const completed = {
      status: 'completed',
      result: [
        { action: 'run_execution', execution_step: 'Batch feature extraction', execution_id: 'exec-1' },
        { action: 'run_pipeline', pipeline_name: 'train', pipeline_id: 'pipe-1' },
      ],
    };
    const form = await post(`${launchUrl(h, 't')}run`, `run_id=${runId}`, { ...headers(), 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(JSON.parse(form.body)).toEqual(completed);
    const json = await post(`${launchUrl(h, 't')}run/`, JSON.stringify({ run_id: runId }), { ...headers(), 'Content-Type': 'application/json' });
    expect(JSON.parse(json.body)).toEqual(completed);
    expect(h.events.filter((e) => e.type === 'run.status').map((e) => e.type === 'run.status' && e.run.status)).toEqual(['pending', 'completed']);
  });

  it('default actions create queued ids; a trigger without run actions completes empty', async () => {
    const h = await start([make('t', [], actions), make('bare', [])]);
    const runId = JSON.parse((await post(launchUrl(h, 't'), '')).body).run_id as string;
    await expect.poll(() => h.runs.get(runId)?.status).toBe('completed');
    const body = await (await fetch(`${launchUrl(h, 't')}run/?run_id=${runId}`)).json();
    expect(body.result).toMatchObject([
      { action: 'run_execution', execution_step: 'Batch feature extraction' },
      { action: 'run_pipeline', pipeline_name: 'train' },
    ]);
    expect(body.result[0].execution_id).toMatch(/^[0-9a-f-]{36}$/);
    await post(launchUrl(h, 'bare'), '');
    const bareRun = (await lastEntry(h)).runId!;
    await expect.poll(() => h.runs.get(bareRun)?.status).toBe('completed');
    expect(h.runs.get(bareRun)!.result).toEqual([]);
  });

  it('runs and their final state survive a restart (latest record per id wins)', async () => {
    let h = await start([make('t', [], actions)]);
    const runId = JSON.parse((await post(launchUrl(h, 't'), '')).body).run_id as string;
    await expect.poll(() => h.runs.get(runId)?.status).toBe('completed');
    const before = h.runs.get(runId);
    const dataDir = h.dataDir;
    await h.close({ keepDir: true });
    h = await start([make('t', [], actions)], { dataDir });
    expect(h.runs.get(runId)).toEqual(before);
    expect((await h.log.list({ outcome: 'launched' }))[0].runId).toBe(runId);
    const info = await (await fetch(`${launchUrl(h, 't')}run/?run_id=${runId}`)).json();
    expect(info).toEqual({ status: 'completed', result: before!.result });
  });

  it("failing auth → 400; unknown run_id or another trigger's run → 404; bad method → 405", async () => {
    const h = await start([make('t', [auth, ts]), make('other', [])]);
    await post(launchUrl(h, 'other'), '');
    const otherRun = (await lastEntry(h)).runId!;
    await post(launchUrl(h, 't'), '', headers());
    const runId = (await lastEntry(h)).runId!;
    const runInfo = `${launchUrl(h, 't')}run/`;

    expect((await fetch(`${runInfo}?run_id=${runId}`, { headers: { Authorization: TOKEN } })).status).toBe(400);
    expect(await lastEntry(h)).toMatchObject({ outcome: 'rejected', status: 400 });
    expect((await lastEntry(h)).conditions[1].reason).toBe('timestamp: header X-Ts not found');
    expect((await fetch(`${runInfo}?run_id=nope`, { headers: headers() })).status).toBe(404);
    expect(await lastEntry(h)).toMatchObject({ outcome: 'not-found', status: 404 });
    expect((await fetch(`${runInfo}?run_id=${otherRun}`, { headers: headers() })).status).toBe(404);
    expect((await fetch(runInfo, { headers: headers() })).status).toBe(404);
    const put = await fetch(runInfo, { method: 'PUT', headers: headers() });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
    expect((await fetch(`${runInfo}?run_id=${runId}`, { headers: headers() })).status).toBe(200);
  });

  it('every request to a trigger URL left exactly one log entry, findable by capture', async () => {
    const h = await start([make('t', [auth])]);
    await post(launchUrl(h, 't'), '', { Authorization: TOKEN });
    await post(launchUrl(h, 't'), '');
    await fetch(launchUrl(h, 't'));
    await fetch(`${launchUrl(h, 't')}run/?run_id=x`, { headers: { Authorization: TOKEN } });
    await post(launchUrl(h, 'missing'), '');
    expect(h.log.count()).toBe(h.captures.length);
    for (const c of h.captures) expect((await h.log.forCapture(c.id))?.outcome).toBe(c.outcome);
    expect(await h.log.list({ triggerId: 't', outcome: 'rejected' })).toHaveLength(1);
    expect((await h.log.list({ triggerId: 't' }, 2)).map((e) => e.outcome)).toEqual(['not-found', 'method-not-allowed']);
  });
});
