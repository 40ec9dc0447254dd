// A notification channel type's definition (channels/<type>.ts); the registry in
// channels/index.ts has one per `NotificationChannel['type']`.
import type { z } from 'zod';
import type { ChannelType, NotificationChannel } from '../../notifications';

export type ChannelOf<T extends ChannelType> = Extract<NotificationChannel, { type: T }>;

/** A secret a channel holds: where it is, what it is, and the channel with it replaced. */
export interface ChannelSecret<C> {
  /** "signing.secret", "headers[0].value" */
  path: string;
  value: string;
  /** a header value is a secret only when its name looks like one (Authorization, …-Token) */
  kind: 'signing' | 'header';
  replace(channel: C, value: string): C;
}

export interface ChannelKind<T extends ChannelType> {
  id: T;
  /** the editor's type select */
  label: string;
  /** the channel list's type column */
  shortLabel: string;
  /** the wire shape (the workspace file's notifications.channels[]) */
  schema: z.ZodType<ChannelOf<T>>;
  /** this type's channel built from the common fields, keeping what still applies of `previous` */
  withType(base: { id: string; name: string }, previous: NotificationChannel): ChannelOf<T>;
  /** where it posts, for lists: a URL or "trigger <id>" */
  target(channel: ChannelOf<T>): string;
  /** the secrets it holds (redacted on export, masked on the way to the renderer) */
  secrets(channel: ChannelOf<T>): ChannelSecret<ChannelOf<T>>[];
}
