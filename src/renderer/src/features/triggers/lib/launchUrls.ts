// The URLs a sender posts to: the local receiver's, and the real service's for the same trigger.
export const REAL_SERVICE_ORIGIN = 'https://app.valohai.com';

export function localLaunchUrl(receiverUrl: string, triggerId: string): string {
  return `${receiverUrl.replace(/\/+$/, '')}/api/v0/launch/${encodeURIComponent(triggerId)}/`;
}

export function realLaunchUrl(realTriggerId: string): string {
  return `${REAL_SERVICE_ORIGIN}/api/v0/launch/${encodeURIComponent(realTriggerId.trim())}/`;
}
