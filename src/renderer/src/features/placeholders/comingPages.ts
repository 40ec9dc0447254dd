import type { PageId } from '../../store/types';

export interface ComingInfo {
  title: string;
  summary: string;
  planned: string[];
}

export const COMING_PAGES: Partial<Record<PageId, ComingInfo>> = {
  triggers: {
    title: 'Triggers',
    summary: 'Emulated webhook triggers with conditions (HMAC, JWT, static secrets, timestamps, rate limits, payload filters) and actions. The trigger engine is being built.',
    planned: [
      'Create and edit triggers; each gets its own launch URL on the receiver',
      'See why a request passed or failed, condition by condition',
      '"What if": re-evaluate recent requests against an edited trigger',
      'Environment variables for secrets',
    ],
  },
  sender: {
    title: 'Sender',
    summary: 'Compose, sign and send webhook requests to trigger URLs, local or remote.',
    planned: ['Saved requests', 'Signing profiles (HMAC, JWT)', 'Replay a captured request'],
  },
  runs: {
    title: 'Runs',
    summary: 'The runs that launched triggers started, and their status over time.',
    planned: ['Run list with status', 'Run-info polling results'],
  },
  notifications: {
    title: 'Notifications',
    summary: 'Outgoing webhooks to chat and other channels when runs change state.',
    planned: ['Channels', 'Routing rules', 'Delivery log with retries'],
  },
};
