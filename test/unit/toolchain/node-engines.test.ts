// package.json's engines.node, .nvmrc and the README name one Node requirement, and it is what
// every installed package asks for: `npm install` on that Node prints no EBADENGINE. The
// dependency-free range check that .ci/run and `npm start` use agrees with semver.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requiredNodeRange, satisfies } from '../../../scripts/node-version.cjs';
import { mulberry32 } from '../../support/seeded-random';

const ROOT = resolve(__dirname, '../../..');
const semver = createRequire(join(ROOT, 'package.json'))('semver') as {
  subset(a: string, b: string): boolean;
  satisfies(v: string, r: string): boolean;
  minVersion(r: string): { version: string } | null;
  intersects(a: string, b: string): boolean;
};

function installedEngines(): { pkg: string; range: string }[] {
  const found: { pkg: string; range: string }[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.')) continue;
      if (name.startsWith('@')) {
        walk(join(dir, name));
        continue;
      }
      const manifest = join(dir, name, 'package.json');
      if (existsSync(manifest)) {
        const p = JSON.parse(readFileSync(manifest, 'utf8')) as { name: string; version: string; engines?: { node?: string } };
        if (p.engines?.node) found.push({ pkg: `${p.name}@${p.version}`, range: p.engines.node });
      }
      walk(join(dir, name, 'node_modules'));
    }
  };
  walk(join(ROOT, 'node_modules'));
  return found;
}

describe('the Node version the project states', () => {
  const range = requiredNodeRange(ROOT);

  it('is accepted by every installed package (no EBADENGINE on any Node it allows)', () => {
    const engines = installedEngines();
    expect(engines.length).toBeGreaterThan(50);
    // the packages that set the floor are among them
    expect(engines.map((e) => e.pkg.split('@').slice(0, -1).join('@'))).toEqual(expect.arrayContaining(['electron', '@electron/get']));
    const rejected = engines.filter((e) => !semver.subset(range, e.range)).map((e) => `${e.pkg} wants ${e.range}`);
    expect(rejected, `package.json engines.node "${range}" allows Node versions these packages reject`).toEqual([]);
  });

  it('is what .nvmrc and the README say', () => {
    const nvmrc = readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim();
    const floor = semver.minVersion(range)!.version; // e.g. 22.15.0
    // .nvmrc names a release line (nvm installs its newest release), and that line's current
    // releases satisfy engines
    expect(nvmrc).toMatch(/^\d+$/);
    expect(semver.satisfies(`${nvmrc}.999.0`, range)).toBe(true);
    expect(semver.satisfies(floor, range)).toBe(true);
    expect(Number(floor.split('.')[0])).toBe(Number(nvmrc));
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const short = floor.replace(/\.0$/, ''); // 22.15
    expect(readme).toContain(`Node ${short}`);
    expect(readme).toContain('.nvmrc');
  });

  it('range check agrees with semver on 5000 seeded versions and the ranges package.json may use', () => {
    const random = mulberry32(20261201);
    const ranges = [range, '>=22.12.0', '^20.19.0 || ^22.13.0 || >=24', '^22.15.0', '>=24', '22', '20 || >=24.1.2'];
    const pick = (n: number) => Math.floor(random() * n);
    for (let i = 0; i < 5000; i++) {
      const version = `${pick(30)}.${pick(25)}.${pick(12)}`;
      for (const r of ranges) expect(satisfies(version, r), `${version} in ${r}`).toBe(semver.satisfies(version, r));
    }
  });

  it('rejects range forms it does not understand instead of guessing', () => {
    expect(() => satisfies('22.0.0', '~22.1')).toThrow(/unsupported range/);
    expect(() => satisfies('22.0.0', '^0.2.0')).toThrow(/unsupported range/);
    expect(() => satisfies('nope', '>=22')).toThrow(/not a version/);
  });
});
