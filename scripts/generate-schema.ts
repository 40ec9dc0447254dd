// Writes schema/hookbench.schema.json from the zod schemas the validators use (npm run build:schema).
// `--check` exits 1 when the committed file differs from what the schemas generate.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { workspaceJsonSchemaText } from '@shared/schema/json-schema-text';

const file = resolve(__dirname, '../schema/hookbench.schema.json');
const text = workspaceJsonSchemaText();
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    // missing: differs
  }
  if (committed !== text) {
    console.error(`${file} is out of date: run npm run build:schema`);
    process.exit(1);
  }
} else {
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
