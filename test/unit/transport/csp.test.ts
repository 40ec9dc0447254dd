import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspFromHtml } from '../../../src/main/transport/csp';

describe('CSP header from the renderer meta', () => {
  it("reads the renderer's own index.html policy", () => {
    const html = readFileSync(resolve(__dirname, '../../../src/renderer/index.html'), 'utf8');
    const csp = cspFromHtml(html);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/\n/);
  });

  it('handles attribute order, single quotes and entities, and ignores other metas', () => {
    expect(cspFromHtml(`<meta name="viewport" content="x"><meta content="default-src 'none'" http-equiv="Content-Security-Policy">`)).toBe(
      "default-src 'none'",
    );
    expect(cspFromHtml(`<META HTTP-EQUIV='content-security-policy' CONTENT='img-src &quot;x&quot;'>`)).toBe('img-src "x"');
    expect(cspFromHtml('<meta charset="utf-8">')).toBeNull();
  });
});
