// Which extra sections the workspace document holds. A feature adds one entry with its
// default and validator; the store then keeps the section across reads, writes and migrations.
import type { SectionRegistry } from './workspace-sections';
import { defaultNotificationsSection } from './notifications';
import { validateNotificationsSection } from './notification-section';
import { defaultProjectSection, validateProjectSection } from './project';
import { validateProfiles } from './signing/validate-profile';

export const WORKSPACE_SECTIONS: SectionRegistry = {
  notifications: { defaultValue: defaultNotificationsSection, validate: validateNotificationsSection },
  project: { defaultValue: defaultProjectSection, validate: validateProjectSection },
  signingProfiles: { defaultValue: () => [], validate: validateProfiles },
};

/** The sections' values, keyed like the registry. Features read theirs with a typed accessor. */
export type WorkspaceSectionValues = Record<string, unknown>;

export function defaultSections(): WorkspaceSectionValues {
  return Object.fromEntries(Object.entries(WORKSPACE_SECTIONS).map(([name, spec]) => [name, spec.defaultValue()]));
}

/** Validates every registered section of a document; the first problem is thrown with its path. */
export function validateSections(doc: Record<string, unknown>): WorkspaceSectionValues {
  return Object.fromEntries(
    Object.entries(WORKSPACE_SECTIONS).map(([name, spec]) => [name, doc[name] === undefined ? spec.defaultValue() : spec.validate(doc[name], name)]),
  );
}
