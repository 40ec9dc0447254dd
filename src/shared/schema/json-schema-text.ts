// The text of schema/hookbench.schema.json: generated, never edited by hand.
import { workspaceJsonSchema } from './workspace-file';

export function workspaceJsonSchemaText(): string {
  return `${JSON.stringify(workspaceJsonSchema(), null, 2)}\n`;
}
