// Compile-time proof that what the schemas accept is exactly what the app's types describe:
// `npm run typecheck` fails when a schema and its type drift apart. (No runtime code.)
import type { z } from 'zod';
import type { Action, Condition, EnvVariable, Trigger, WorkspaceFile } from '../trigger';
import type {
  ChannelSigning,
  DeliverySettings,
  HeaderRow,
  NotificationChannel,
  NotificationProject,
  NotificationRouting,
  NotificationsSection,
} from '../notifications';
import type { ProjectSection } from '../project';
import type { Settings } from '../settings';
import type { SigningProfile, TokenPlacement } from '../signing/types';
import type { EnvVariableSchema } from './env';
import type { ActionSchema, ConditionSchema, TriggerSchema } from './trigger';
import type {
  ChannelSigningSchema,
  DeliverySettingsSchema,
  HeaderRowSchema,
  NotificationChannelSchema,
  NotificationProjectSchema,
  NotificationRoutingSchema,
  NotificationsSectionSchema,
} from './notifications';
import type { ProjectSectionSchema } from './project';
import type { SettingsSchema } from './settings';
import type { SigningProfileSchema, TokenPlacementSchema } from './signing-profile';
import type { WorkspaceFileV1Schema } from './workspace-file';

/** true when A and B are assignable both ways (same shape, optional fields included) */
type IsAny<T> = 0 extends 1 & T ? true : false;
type Same<A, B> = IsAny<A> extends true ? false : [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

export type SchemaTypeChecks = [
  Assert<Same<z.infer<typeof EnvVariableSchema>, EnvVariable>>,
  Assert<Same<z.infer<typeof ConditionSchema>, Condition>>,
  Assert<Same<z.infer<typeof ActionSchema>, Action>>,
  Assert<Same<z.infer<typeof TriggerSchema>, Trigger>>,
  Assert<Same<z.infer<typeof WorkspaceFileV1Schema>, WorkspaceFile>>,
  Assert<Same<z.infer<typeof HeaderRowSchema>, HeaderRow>>,
  Assert<Same<z.infer<typeof ChannelSigningSchema>, ChannelSigning>>,
  Assert<Same<z.infer<typeof NotificationChannelSchema>, NotificationChannel>>,
  Assert<Same<z.infer<typeof NotificationRoutingSchema>, NotificationRouting>>,
  Assert<Same<z.infer<typeof DeliverySettingsSchema>, DeliverySettings>>,
  Assert<Same<z.infer<typeof NotificationProjectSchema>, NotificationProject>>,
  Assert<Same<z.infer<typeof NotificationsSectionSchema>, NotificationsSection>>,
  Assert<Same<z.infer<typeof ProjectSectionSchema>, ProjectSection>>,
  Assert<Same<z.infer<typeof SettingsSchema>, Settings>>,
  Assert<Same<z.infer<typeof TokenPlacementSchema>, TokenPlacement>>,
  Assert<Same<z.infer<typeof SigningProfileSchema>, SigningProfile>>,
];
