// Webhook → trigger with a run-pipeline action → the step's code runs locally on a temp project →
// the pipeline's nodes turn green on the Runs page and the log shows a field of the payload.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { openInbox } from './inbox-page';

const YAML = `
- step:
    name: greet
    command: python3 greet.py
    inputs:
      - name: payload
- step:
    name: shout
    command: node shout.js
    inputs:
      - name: greeting
- pipeline:
    name: hello-flow
    nodes:
      - name: greet
        type: execution
        step: greet
      - name: shout
        type: execution
        step: shout
    edges:
      - [greet.output.*.txt, shout.input.greeting]
`;
const GREET = `
import json, os, time
info = json.load(open(os.path.join(os.environ["VH_CONFIG_DIR"], "inputs.json")))
body = json.load(open(info["payload"]["files"][0]["path"]))
print("payload user:", body["user"]["name"])
time.sleep(0.5)
open(os.path.join(os.environ["VH_OUTPUTS_DIR"], "greeting.txt"), "w").write("hello " + body["user"]["name"])
`;
import { makeTempDir } from '../support/temp-dir';
const SHOUT = `
const fs = require('fs'); const path = require('path');
const info = JSON.parse(fs.readFileSync(path.join(process.env.VH_CONFIG_DIR, 'inputs.json'), 'utf8'));
console.log(fs.readFileSync(info.greeting.files[0].path, 'utf8').toUpperCase());
`;

test('a webhook runs a local pipeline whose nodes turn green, with the payload field in the log', async ({ page, hookbench }) => {
  const project = await makeTempDir('e2e-project');
  const tag = Math.random().toString(36).slice(2, 8);
  try {
    await writeFile(join(project, 'valohai.yaml'), YAML);
    await writeFile(join(project, 'greet.py'), GREET);
    await writeFile(join(project, 'shout.js'), SHOUT);
    await hookbench.call('project.set', { folder: project, defaultMode: 'command' });
    await hookbench.call('triggers.save', {
      trigger: {
        id: `e2e-runs-${tag}`,
        title: 'E2E runs',
        enabled: true,
        conditions: [],
        actions: [{ type: 'run-pipeline', pipeline: 'hello-flow', payloadInputName: 'greet.payload' }],
      },
    });

    await openInbox(page, hookbench.uiUrl);
    await page.getByTestId('nav-runs').click();
    await expect(page.getByTestId('project-mode')).toHaveText('run as commands');

    const res = await fetch(`${hookbench.receiverUrl}/api/v0/launch/e2e-runs-${tag}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: { name: `Ada-${tag}` } }),
    });
    expect(res.status).toBe(200);

    // the pipeline appears live, without a reload
    const row = page.getByTestId('runs-row').filter({ hasText: 'hello-flow' }).first();
    await row.click();
    const detail = page.getByTestId('pipeline-detail');
    const node = (name: string) => detail.getByTestId('pipeline-node').and(page.locator(`[data-node="${name}"]`));
    await expect(node('greet')).toHaveAttribute('data-status', 'completed', { timeout: 20_000 });
    await expect(node('shout')).toHaveAttribute('data-status', 'completed', { timeout: 20_000 });
    await expect(detail.getByTestId('pipeline-status')).toHaveAttribute('data-status', 'completed');
    await expect(row.getByTestId('run-status-badge')).toHaveAttribute('data-status', 'completed');
    await expect(detail.getByTestId('gantt-bar')).toHaveCount(2);
    // green: the completed colour of the theme
    const colour = await node('greet').evaluate((el) => getComputedStyle(el).borderTopColor);
    const ok = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--ok').trim());
    expect(colour).toBe(hexToRgb(ok));

    await node('greet').click();
    const execution = page.getByTestId('execution-detail');
    await expect(execution.getByTestId('execution-status')).toHaveAttribute('data-status', 'completed');
    await expect(execution.getByTestId('run-log')).toContainText(`payload user: Ada-${tag}`);
    await execution.getByTestId('run-log-search').fill('payload user');
    await expect(execution.getByTestId('run-log-count')).toHaveText('1 matching');
    await execution.getByTestId('tab-payload').click();
    await expect(execution.getByTestId('run-payload')).toContainText(`Ada-${tag}`);
    await execution.getByTestId('tab-files').click();
    await expect(execution.getByTestId('run-files-outputs')).toContainText('greeting.txt');

    await execution.getByTestId('execution-pipeline-link').click();
    await node('shout').click();
    await expect(page.getByTestId('execution-detail').getByTestId('run-log')).toContainText(`HELLO ADA-${tag.toUpperCase()}`);
  } finally {
    // the worker's serve is shared: leave runs simulated for the other specs
    await hookbench.call('project.set', { folder: null, defaultMode: 'simulate' });
    await rm(project, { recursive: true, force: true });
  }
});

function hexToRgb(hex: string): string {
  const n = parseInt(hex.replace('#', ''), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}
