// What every kind (a condition type, an auth type, an action type, a channel type) defines once,
// in its own module: the wire shape (a zod schema, which also gives the TypeScript type and the
// JSON Schema), the editor's label and defaults, a one-line summary, lint, and which fields hold
// secrets. Registries of kinds are typed `satisfies { [Id in KindId]: … }`, so a kind added to a
// union without its module is a compile error.
import type { z } from 'zod';
import type { EnvSource } from '../triggers/secrets';

/** An editor warning: valid, but probably not what the user meant. */
export interface TriggerWarning {
  /** JSON path inside the trigger, e.g. "conditions[1].hmacFormat" */
  path: string;
  severity: 'warning' | 'info';
  code: string;
  message: string;
}

/** What a kind's lint sees besides its own value. */
export interface LintContext<Whole> {
  /** JSON path of the value inside the trigger, e.g. "conditions[2]" */
  path: string;
  /** its index in the trigger's conditions or actions */
  index: number;
  /** the whole trigger (for rules across conditions) */
  whole: Whole;
  /** the workspace variables, when known (missing {env:NAME} references) */
  env?: EnvSource;
}

export interface KindDefinition<Id extends string, V, Whole = unknown> {
  id: Id;
  /** the editor's card title and the docs */
  label: string;
  /** the wire shape: validation with JSON paths, the TypeScript type and the JSON Schema */
  schema: z.ZodType<V>;
  /** a new item in the editor */
  defaults(): V;
  /** one line for lists */
  summary(value: V): string;
  /** editor warnings for this value, in the order they are shown */
  lint(value: V, ctx: LintContext<Whole>): TriggerWarning[];
  /** the fields that hold secrets (may be {env:NAME} references): redacted on export, masked in logs */
  secretFields(value: V): readonly (keyof V & string)[];
}

/** A condition or action of one type: `Extract<Union, { type: T }>`. */
export type OfType<U extends { type: string }, T extends U['type']> = Extract<U, { type: T }>;
