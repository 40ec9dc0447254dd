// Project link and local runs calls.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError, type ApiHandlers } from '@shared/contract';
import { validateProjectSection, type ProjectSection } from '@shared/project';
import type { EngineContext } from '../context';
import { readProjectSection } from '../project/project-link';

type RunsHandlers = Pick<
  ApiHandlers,
  | 'project.get'
  | 'project.set'
  | 'project.summary'
  | 'runs.list'
  | 'runs.getExecution'
  | 'runs.getPipeline'
  | 'runs.stop'
  | 'runs.rerun'
  | 'runs.log'
  | 'runs.files'
>;

const requireId = (args: { id?: unknown } | undefined): string => {
  if (!args || typeof args.id !== 'string' || !args.id) throw new ApiError('invalid', 'id must be a non-empty string', 'id');
  return args.id;
};

export function runsHandlers(ctx: () => EngineContext): RunsHandlers {
  return {
    'project.get': async () => ctx().project.info(),

    'project.set': async (patch) => {
      const current = readProjectSection(ctx().workspace);
      let folder = patch.folder === undefined ? current.folder : patch.folder;
      if (typeof folder === 'string') {
        folder = path.resolve(folder.trim());
        const stat = await fs.stat(folder).catch(() => null);
        if (!stat?.isDirectory()) throw new ApiError('invalid', `${folder} is not a folder`, 'folder');
      }
      // a ValidationError with the problem's path ("project.concurrency") when it is invalid
      const next: ProjectSection = validateProjectSection({ ...current, ...patch, folder, simulate: { ...current.simulate, ...patch.simulate } }, 'project');
      await ctx().workspace.update((draft) => {
        draft.sections = { ...draft.sections, project: next };
      });
      ctx().events.emit({ type: 'workspace.changed', at: ctx().now() });
      return ctx().project.info();
    },

    'project.summary': async () => ctx().project.summary(),

    'runs.list': async (query) => ctx().runs.list(query ?? {}),
    'runs.getExecution': async (args) => ctx().runs.execution(requireId(args)),
    'runs.getPipeline': async (args) => ctx().runs.pipeline(requireId(args)),
    'runs.stop': async (args) => ctx().runs.stop(requireId(args)),
    'runs.rerun': async (args) => ctx().runs.rerun(requireId(args)),
    'runs.log': async (query) => {
      if (!query || typeof query.executionId !== 'string') throw new ApiError('invalid', 'executionId must be a string', 'executionId');
      return ctx().runs.log(query);
    },
    'runs.files': async (args) => ctx().runs.files(requireId(args)),
  };
}
