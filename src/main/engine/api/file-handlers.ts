// Revealing a run's files in the OS file manager. The path comes from the renderer, so it is
// resolved (symlinks included) and must lie inside a run folder or the linked project.
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { ApiError, type ApiHandlers } from '@shared/contract';
import type { EngineContext } from '../context';
import type { DesktopIntegration } from '../ports';
import { runsDir } from '../runs/run-records';

type FileHandlers = Pick<ApiHandlers, 'files.reveal'>;

const inside = (child: string, parent: string): boolean => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

export function fileHandlers(ctx: () => EngineContext, dataDir: string, desktop: DesktopIntegration | undefined): FileHandlers {
  return {
    'files.reveal': async ({ path: wanted }) => {
      if (!desktop) return { ok: false, reason: 'Only the desktop app can open a file manager; copy the path instead.' };
      if (typeof wanted !== 'string' || !path.isAbsolute(wanted)) throw new ApiError('invalid', 'path: must be an absolute path', 'path');
      const resolved = await realpath(wanted).catch(() => null);
      if (!resolved) return { ok: false, reason: `${wanted} no longer exists` };
      const folder = ctx().project.section().folder;
      const roots = [runsDir(dataDir), ...(folder ? [folder] : [])];
      const allowedRoots = await Promise.all(roots.map((r) => realpath(r).catch(() => r)));
      if (!allowedRoots.some((root) => inside(resolved, root))) {
        throw new ApiError('forbidden', 'path: only files of runs and of the linked project can be revealed', 'path');
      }
      desktop.reveal(resolved);
      return { ok: true };
    },
  };
}
