// Env variables and workspace import/export. Secret values never leave the engine unless an
// export explicitly asks for them; the renderer sees SECRET_PLACEHOLDER instead.
import type { ApiHandlers } from '@shared/contract';
import { SECRET_PLACEHOLDER, type EnvVariable } from '@shared/trigger';
import type { NotificationsSection } from '@shared/notifications';
import type { SigningProfile } from '@shared/signing/types';
import { lintRunActions } from '@shared/triggers/project-check';
import { exportWorkspace, parseWorkspaceJson, toVersion2, validateEnv } from '@shared/triggers/workspace';
import type { EngineContext } from '../context';
import { readProjectSection } from '../project/project-link';
import { applyWorkspaceFile, keepStoredSecrets } from '../workspace/apply-file';
import { applySettings, asApiError } from './settings-handlers';

type WorkspaceHandlers = Pick<ApiHandlers, 'env.list' | 'env.save' | 'workspace.export' | 'workspace.import'>;

const masked = (env: readonly EnvVariable[]): EnvVariable[] => env.map((v) => (v.secret && v.value ? { ...v, value: SECRET_PLACEHOLDER } : { ...v }));

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
      const { env, triggers, sections, settings } = ctx().workspace.get();
      const json = exportWorkspace(
        {
          env,
          triggers,
          settings,
          project: readProjectSection(ctx().workspace),
          notifications: sections.notifications as NotificationsSection | undefined,
          signingProfiles: (sections.signingProfiles as SigningProfile[] | undefined) ?? [],
        },
        { includeSecrets: includeSecrets === true },
      );
      return { json };
    },

    'workspace.import': async ({ json, mode }) => {
      const file = toVersion2(parseWorkspaceJson(json));
      const { settings, ...rest } = file;
      await asApiError(() => ctx().workspace.update((draft) => applyWorkspaceFile(draft, rest, mode ?? 'merge')));
      // settings go through the same path as the Settings page: the receiver moves when its address changed
      if (settings) await applySettings(ctx(), settings);
      emitChanged();
      const project = await ctx().project.summary();
      const warnings = file.triggers.flatMap((t, i) => lintRunActions(t, project).map((w) => `triggers[${i}].${w.path}: ${w.message}`));
      return { triggers: file.triggers.length, env: file.env.length, warnings };
    },
  };
}
