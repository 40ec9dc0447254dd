// The workspace file (hookbench.json). Version 1 holds env and triggers; version 2 carries every
// section the app keeps, in the shapes the app uses and exports. The JSON Schema in
// schema/hookbench.schema.json is generated from these definitions (scripts/generate-schema.ts).
import { z } from 'zod';
import { EnvSchema } from './env';
import { strictObject } from './fields';
import { NotificationsSectionSchema } from './notifications';
import { ProjectSectionSchema } from './project';
import { SettingsSchema } from './settings';
import { SigningProfilesSchema } from './signing-profile';
import { TriggersSchema } from './trigger';

/** Where exported files point their "$schema" (the file is committed at this path in the repository). */
export const WORKSPACE_SCHEMA_URL = 'https://raw.githubusercontent.com/hookbench/hookbench/main/schema/hookbench.schema.json';

export const WorkspaceFileV1Schema = strictObject({
  version: z.literal(1),
  env: EnvSchema.default([]),
  triggers: TriggersSchema.default([]),
});

export const WorkspaceFileV2Schema = strictObject({
  $schema: z.string().optional().meta({ description: 'the JSON Schema this file follows (for editors)' }),
  version: z.literal(2),
  env: EnvSchema.default([]).meta({ description: 'variables triggers and channels reference as {env:NAME}' }),
  triggers: TriggersSchema.default([]).meta({ description: 'trigger URLs /api/v0/launch/<id>/ with conditions and actions' }),
  project: ProjectSectionSchema.optional().meta({
    description: "the linked valohai.yaml (folder relative to this file), run modes, simulate options, run concurrency; absent: keep the data dir's",
  }),
  notifications: NotificationsSectionSchema.optional().meta({
    description: "outgoing notification channels, routings and delivery settings; absent: keep the data dir's",
  }),
  signingProfiles: SigningProfilesSchema.optional().meta({ description: "sender signing profiles; absent: keep the data dir's" }),
  settings: SettingsSchema.optional().meta({ description: "receiver settings; absent: keep the data dir's" }),
});

export const WorkspaceFileSchema = z
  .discriminatedUnion('version', [WorkspaceFileV1Schema, WorkspaceFileV2Schema])
  .meta({ title: 'Hookbench workspace file (hookbench.json)' });

export type WorkspaceFileV2 = z.infer<typeof WorkspaceFileV2Schema>;
export type AnyWorkspaceFile = z.infer<typeof WorkspaceFileSchema>;

/** The JSON Schema of the file, for editors: what a person may write (defaults make fields optional). */
export function workspaceJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(WorkspaceFileSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: WORKSPACE_SCHEMA_URL };
}
