// The default route: every request lands in the inbox and gets the configured answer.
import type { InboxResponse } from '@shared/settings';
import type { RequestRouter } from '../ports';

export function createInboxRouter(getInboxResponse: () => InboxResponse): RequestRouter {
  return () => {
    const { status, contentType, body } = getInboxResponse();
    return { kind: 'inbox', response: { status, headers: [['Content-Type', contentType]], body } };
  };
}
