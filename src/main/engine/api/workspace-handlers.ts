// Env variables and workspace import/export. Secret values never leave the engine unless an
// export explicitly asks for them; the renderer sees SECRET_PLACEHOLDER instead.
import type { ApiHandlers } from '../../../shared/contract';
import { SECRET_PLACEHOLDER, type EnvVariable, type WorkspaceFile } from '../../../shared/trigger';
import { lintRunActions } from '../../../shared/triggers/project-check';
import { exportWorkspace, parseWorkspaceJson, validateEnv } from '../../../shared/triggers/workspace';
import type { EngineContext } from '../context';
import { asApiError } from './settings-handlers';

type WorkspaceHandlers = Pick<ApiHandlers, 'env.list' | 'env.save' | 'workspace.export' | 'workspace.import'>;

const masked = (env: readonly EnvVariable[]): EnvVariable[] =>
  env.map((v) => (v.secret && v.value ? { ...v, value: SECRET_PLACEHOLDER } : { ...v }));

/** An incoming secret that is the placeholder (or empty, from a redacted export) keeps the stored value. */
function keepStoredSecrets(incoming: EnvVariable[], stored: readonly EnvVariable[], placeholders: string[]): EnvVariable[] {
  const byName = new Map(stored.map((v) => [v.name, v]));
  return incoming.map((v) => {
    const old = byName.get(v.name);
    return v.secret && old && placeholders.includes(v.value) ? { ...v, value: old.value } : v;
  });
}

export function workspaceHandlers(ctx: () => EngineContext): WorkspaceHandlers {
  const emitChanged = (): void => ctx().events.emit({ type: 'workspace.changed', at: ctx().now() });

  return {
    'env.list': async () => masked(ctx().workspace.get().env),

    'env.save': async ({ env }) => {
      const incoming = validateEnv(env);
      const next = await asApiError(() =>
        ctx().workspace.update((draft) => {
          draft.env = keepStoredSecrets(incoming, draft.env, [SECRET_PLACEHOLDER]);
        }),
      );
      emitChanged();
      return masked(next.env);
    },

    'workspace.export': async ({ includeSecrets }) => {
      const { env, triggers } = ctx().workspace.get();
      const file: WorkspaceFile = { version: 1, env: [...env], triggers: [...triggers] };
      return { json: exportWorkspace(file, { includeSecrets: includeSecrets === true }) };
    },

    'workspace.import': async ({ json, mode }) => {
      const file = parseWorkspaceJson(json);
      await asApiError(() =>
        ctx().workspace.update((draft) => {
          const env = keepStoredSecrets(file.env, draft.env, ['', SECRET_PLACEHOLDER]);
          if (mode === 'replace') {
            draft.env = env;
            draft.triggers = file.triggers;
            return;
          }
          draft.env = mergeBy(draft.env, env, (v) => v.name);
          draft.triggers = mergeBy(draft.triggers, file.triggers, (t) => t.id);
        }),
      );
      emitChanged();
      const project = await ctx().project.summary();
      const warnings = file.triggers.flatMap((t, i) => lintRunActions(t, project).map((w) => `triggers[${i}].${w.path}: ${w.message}`));
      return { triggers: file.triggers.length, env: file.env.length, warnings };
    },
  };
}

/** Items of `incoming` replace those with the same key in place; new ones are appended. */
function mergeBy<T>(existing: readonly T[], incoming: readonly T[], key: (item: T) => string): T[] {
  const replacements = new Map(incoming.map((item) => [key(item), item]));
  const merged = existing.map((item) => replacements.get(key(item)) ?? item);
  const known = new Set(existing.map(key));
  return [...merged, ...incoming.filter((item) => !known.has(key(item)))];
}
