// Does this Node satisfy package.json's `engines.node`? Runs before `npm install` (from .ci/run
// and `npm start`), so it cannot use the semver package: it understands the range forms
// package.json uses — `||` of `^X.Y.Z`, `>=X.Y.Z`, `X` — and throws on anything else.
// Usage: node scripts/node-version.cjs  → exit 0 when it satisfies, 1 with one line when not.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

/** The `engines.node` range of the package.json at the repository root. */
function requiredNodeRange(root = join(__dirname, '..')) {
  const range = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines?.node;
  if (typeof range !== 'string') throw new Error('package.json has no engines.node');
  return range;
}

function parseVersion(text) {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new Error(`not a version: "${text}"`);
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

function compare(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

function satisfiesPart(version, part) {
  const text = part.trim();
  if (text.startsWith('>=')) return compare(version, parseVersion(text.slice(2))) >= 0;
  if (text.startsWith('^')) {
    const floor = parseVersion(text.slice(1));
    if (floor[0] === 0) throw new Error(`unsupported range "${text}"`);
    return version[0] === floor[0] && compare(version, floor) >= 0;
  }
  if (/^\d+$/.test(text)) return version[0] === Number(text);
  throw new Error(`unsupported range "${text}"`);
}

/** satisfies('22.23.5', '^22.15.0 || >=24') === true */
function satisfies(version, range) {
  const parsed = parseVersion(version);
  return range.split('||').some((part) => satisfiesPart(parsed, part));
}

module.exports = { requiredNodeRange, satisfies };

if (require.main === module) {
  const range = requiredNodeRange();
  if (!satisfies(process.versions.node, range)) {
    console.error(`Node ${process.versions.node} does not satisfy package.json's engines.node "${range}"`);
    process.exit(1);
  }
}
