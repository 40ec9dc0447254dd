// URLs the composer offers: the app's own trigger launch URLs on the local receiver.
import type { Trigger } from '@shared/trigger';

export const triggerUrls = (receiverUrl: string | null, triggers: Trigger[]): Array<{ url: string; label: string }> =>
  receiverUrl ? triggers.map((t) => ({ url: `${receiverUrl.replace(/\/$/, '')}/api/v0/launch/${t.id}/`, label: t.title || t.id })) : [];
