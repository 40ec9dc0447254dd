// `hookbench validate FILE`: checks a workspace file and lists every problem with path and line:column.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseCommand, printJson } from '../access';
import { CliError, type Command, USAGE_EXIT_CODE } from '../command';

const usage = `Usage: hookbench validate FILE [--json]

Checks a workspace file (hookbench.json, version 1 or 2) against the same schema serve uses
and prints every problem as FILE:LINE:COLUMN: JSON.PATH: problem.
Exit codes: 0 valid, 1 invalid (or unreadable), 2 usage error.

Options:
  --json       print { file, valid, version, problems: [{ path, message, line, column }] }
  -h, --help   show this help`;

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError('which file? hookbench validate FILE', USAGE_EXIT_CODE);
  const file = resolve(positionals[0]);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const { workspaceProblems, parseWorkspaceJson } = await import('@shared/triggers/workspace');
  const problems = workspaceProblems(text);
  const summary = problems.length ? null : parseWorkspaceJson(text);
  if (values.json) {
    printJson({ file, valid: problems.length === 0, version: summary?.version ?? null, problems });
  } else if (summary) {
    const sections = ['project', 'notifications', 'signingProfiles', 'settings'].filter((k) => (summary as Record<string, unknown>)[k] !== undefined);
    console.log(
      `${file}: valid (version ${summary.version}: ${summary.triggers.length} trigger(s), ${summary.env.length} env variable(s)${sections.length ? `, ${sections.join(', ')}` : ''})`,
    );
  } else {
    for (const p of problems) console.log(`${file}:${p.line ?? 1}:${p.column ?? 1}: ${p.path ? `${p.path}: ` : ''}${p.message}`);
  }
  return problems.length ? 1 : 0;
}

export const validateCommand: Command = { name: 'validate', summary: 'check a workspace file (hookbench.json) and list its problems', usage, run };
