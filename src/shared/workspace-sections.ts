// Parts of the workspace document that features own (project link, signing profiles,
// notification channels...). Each section has a default and a validator that names
// the JSON path of a problem; the workspace store keeps, checks and writes them like the rest.

export type SectionValidator<T> = (value: unknown, path: string) => T;

export interface SectionSpec<T> {
  defaultValue: () => T;
  validate: SectionValidator<T>;
}

/** Features register their sections here (one line each, in src/shared/workspace-section-registry.ts). */
export type SectionRegistry = Record<string, SectionSpec<unknown>>;

export function arrayOfObjects(value: unknown, path: string): Record<string, unknown>[] {
  if (!Array.isArray(value)) throw new Error(`${path} must be an array`);
  value.forEach((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new Error(`${path}[${i}] must be an object`);
  });
  return value as Record<string, unknown>[];
}
