// Issue 14 item 2/4: an honest Diagnose, the whole basestring in the visualiser, and the
// basestring comparator telling a changed body from a different secret.
import { createHmac } from 'node:crypto';
import { expect, test } from './fixtures';
import { openInbox, rowFor } from './inbox-page';
import { sendRaw } from './serve-process';

const SECRET = 'diagnose-slack-signing-secret';

test('a body changed by one byte: Diagnose says what a digest cannot tell, the comparator finds the byte and clears the secret', async ({
  page,
  hookbench,
}) => {
  const tag = Math.random().toString(36).slice(2, 8);
  const triggerId = `diag-${tag}`;
  await hookbench.call('env.save', { env: [{ name: 'SLACK_SIGNING_SECRET', value: SECRET, secret: true }] });
  await hookbench.call('triggers.save', {
    trigger: {
      id: triggerId,
      title: `Diagnose ${tag}`,
      enabled: true,
      conditions: [
        {
          type: 'web-auth',
          authType: 'hmac',
          namespace: 'header',
          key: 'X-Slack-Signature',
          prefix: 'v0=',
          secretKey: '{env:SLACK_SIGNING_SECRET}',
          algorithm: 'sha256',
          hmacFormat: 'v0:{header:X-Slack-Request-Timestamp}:{body}',
        },
      ],
      actions: [{ type: 'web-response-json', json: { ok: true } }],
    },
  });
  // a 1 KB body; the sender signed it with "ZEBRA" near the end, a proxy delivered "ZEBRB"
  const filler = 'x'.repeat(1000);
  const signedBody = JSON.stringify({ type: 'event_callback', filler, tail: 'ZEBRA-end' });
  const sentBody = signedBody.replace('ZEBRA', 'ZEBRB');
  const ts = String(Math.floor(Date.now() / 1000));
  const signedBasestring = `v0:${ts}:${signedBody}`;
  const signature = createHmac('sha256', SECRET).update(signedBasestring).digest('hex');
  const path = `/api/v0/launch/${triggerId}/`;
  const res = await sendRaw(hookbench.receiverUrl, {
    path,
    headers: [
      ['Content-Type', 'application/json'],
      ['X-Slack-Request-Timestamp', ts],
      ['X-Slack-Signature', `v0=${signature}`],
    ],
    body: sentBody,
  });
  expect(res.status).toBe(400);

  await openInbox(page, hookbench.uiUrl);
  await rowFor(page, path).click();
  const trace = page.getByTestId('capture-detail').getByTestId('trace');
  await expect(trace).toHaveAttribute('data-outcome', 'rejected');

  // digests are compared whole; no "first character" story
  await expect(trace.getByTestId('sig-verdict')).toContainText('cannot say which');
  await expect(trace.getByTestId('sig-verdict')).not.toContainText('first character');

  // the visualiser shows the whole basestring, including where it differs (byte ~1,000)
  const coloured = trace.getByTestId('basestring-coloured');
  await coloured.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  const shownText = () =>
    coloured.locator('.virtual-line').evaluateAll((rows) =>
      rows
        .map((r) =>
          Array.from(r.children)
            .filter((c) => !c.classList.contains('line-offset'))
            .map((c) => c.textContent)
            .join(''),
        )
        .join(''),
    );
  await expect.poll(shownText).toContain('ZEBRB-end"}');
  const hex = trace.getByTestId('basestring-hex');
  const total = Buffer.byteLength(`v0:${ts}:${sentBody}`);
  await hex.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  const lastOffset = (Math.floor((total - 1) / 16) * 16).toString(16).padStart(8, '0');
  await expect(hex).toContainText(lastOffset);
  await expect(hex).toContainText(Buffer.from('-end').toString('hex').match(/../g)!.join(' ').slice(0, 5));

  await trace.getByTestId('diagnose').click();
  const none = trace.getByTestId('forensics-nomatch');
  await expect(none).toContainText('indistinguishable');
  await expect(none).not.toContainText('most likely');

  // paste the basestring the sender logged
  const comparator = trace.getByTestId('basestring-comparator');
  await comparator.getByTestId('comparator-input').fill(signedBasestring);
  const diffAt = signedBasestring.indexOf('ZEBRA') + 4;
  const verdict = comparator.getByTestId('comparator-verdict');
  await expect(verdict).toHaveAttribute('data-diff-at', String(diffAt));
  await expect(verdict).toContainText(`byte offset ${diffAt.toLocaleString('en-US')}`);
  await expect(verdict).toContainText("ours has 0x42 'B'");
  await expect(verdict).toContainText("the sender's has 0x41 'A'");
  await expect(comparator.getByTestId('aligned-first-ours')).toContainText('42');
  await expect(comparator.getByTestId('aligned-first-theirs')).toContainText('41');
  await comparator.getByTestId('comparator-sign').click();
  await expect(comparator.getByTestId('comparator-sign-verdict')).toHaveAttribute('data-same-secret', 'true');
  await expect(comparator.getByTestId('comparator-sign-verdict')).toContainText('the secret is right');

  // the body the sender believes it signed, uploaded with CRLF line breaks: the CR shows as a byte
  await comparator.getByTestId('comparator-mode-body').click();
  const crlfBody = sentBody.replace('"tail"', '\r\n"tail"');
  await comparator.getByTestId('comparator-file').setInputFiles({ name: 'body.json', mimeType: 'application/json', buffer: Buffer.from(crlfBody) });
  const crAt = `v0:${ts}:`.length + sentBody.indexOf('"tail"');
  await expect(verdict).toHaveAttribute('data-diff-at', String(crAt));
  await expect(verdict).toContainText('0x0d CR (carriage return)');
  await expect(comparator.getByTestId('aligned-first-theirs')).toContainText('←');
  await comparator.getByTestId('comparator-sign').click();
  await expect(comparator.getByTestId('comparator-sign-verdict')).toHaveAttribute('data-same-secret', 'false');
});

test('same bytes, other secret: the comparator says the secret differs', async ({ page, hookbench }) => {
  const tag = Math.random().toString(36).slice(2, 8);
  const triggerId = `diag2-${tag}`;
  await hookbench.call('env.save', { env: [{ name: 'SLACK_SIGNING_SECRET', value: SECRET, secret: true }] });
  await hookbench.call('triggers.save', {
    trigger: {
      id: triggerId,
      title: `Diagnose ${tag}`,
      enabled: true,
      conditions: [
        {
          type: 'web-auth',
          authType: 'hmac',
          namespace: 'header',
          key: 'X-Hub-Signature-256',
          prefix: 'sha256=',
          secretKey: '{env:SLACK_SIGNING_SECRET}',
          algorithm: 'sha256',
          hmacFormat: '{body}',
        },
      ],
      actions: [],
    },
  });
  const body = '{"zen":"Keep it logically awesome."}';
  const signature = createHmac('sha256', 'a-different-secret').update(body).digest('hex');
  const path = `/api/v0/launch/${triggerId}/`;
  expect(
    (
      await sendRaw(hookbench.receiverUrl, {
        path,
        headers: [
          ['Content-Type', 'application/json'],
          ['X-Hub-Signature-256', `sha256=${signature}`],
        ],
        body,
      })
    ).status,
  ).toBe(400);
  await openInbox(page, hookbench.uiUrl);
  await rowFor(page, path).click();
  const comparator = page.getByTestId('capture-detail').getByTestId('basestring-comparator');
  await comparator.getByTestId('comparator-input').fill(body);
  await expect(comparator.getByTestId('comparator-verdict')).toContainText('Identical');
  await comparator.getByTestId('comparator-sign').click();
  await expect(comparator.getByTestId('comparator-sign-verdict')).toContainText('the secret (or the algorithm or encoding) differs');
});
