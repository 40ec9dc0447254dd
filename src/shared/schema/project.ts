// The `project` workspace section: the linked valohai.yaml and how run actions are carried out.
import { z } from 'zod';
import { strictObject, wholeNumber } from './fields';

// the defaults live here (shared/project.ts builds its defaultProjectSection from this schema)
const d = { folder: null, defaultMode: 'simulate', concurrency: 2, timeoutSeconds: 600, simulate: { durationMs: 2000, outcome: 'completed' } } as const;

export const SimulateOptionsSchema = strictObject({
  durationMs: wholeNumber(0, 24 * 3600 * 1000)
    .default(d.simulate.durationMs)
    .meta({ description: 'how long a simulated execution runs' }),
  outcome: z.enum(['completed', 'error', 'stopped'], { error: 'must be completed, error or stopped' }).default(d.simulate.outcome),
});

export const ProjectSectionSchema = strictObject({
  folder: z
    .string()
    .min(1, { error: 'must be a non-empty string or null' })
    .nullable()
    .default(d.folder)
    .meta({ description: 'the folder holding valohai.yaml (in a workspace file: relative to the file); null: no project' }),
  defaultMode: z
    .enum(['simulate', 'command'], { error: 'must be "simulate" or "command"' })
    .default(d.defaultMode)
    .meta({ description: 'how run actions are carried out when a project is linked' }),
  concurrency: wholeNumber(1, 64).default(d.concurrency).meta({ description: 'executions running at once; more wait queued' }),
  timeoutSeconds: wholeNumber(0, 7 * 24 * 3600)
    .default(d.timeoutSeconds)
    .meta({ description: 'a command-mode execution still running after this is stopped (0: no limit)' }),
  simulate: SimulateOptionsSchema.default(() => ({ ...d.simulate })),
});
