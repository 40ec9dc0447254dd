// Inbox calls: list, open, delete, clear.
import type { ApiHandlers } from '@shared/contract';
import type { EngineContext } from '../context';

type CaptureHandlers = Pick<ApiHandlers, 'captures.list' | 'captures.get' | 'captures.delete' | 'captures.clear'>;

const MAX_PAGE = 500;

export function captureHandlers(ctx: () => EngineContext): CaptureHandlers {
  return {
    'captures.list': (query) => ctx().captures.list({ ...query, limit: Math.min(Math.max(1, query?.limit ?? 200), MAX_PAGE) }),
    'captures.get': ({ id }) => ctx().captures.get(id),
    'captures.delete': async ({ ids }) => {
      const { captures, events, now } = ctx();
      const deleted = await captures.delete(ids);
      if (deleted) events.emit({ type: 'captures.deleted', at: now(), ids });
      return { deleted };
    },
    'captures.clear': async () => {
      const { captures, events, now } = ctx();
      const deleted = await captures.clear();
      events.emit({ type: 'captures.cleared', at: now() });
      return { deleted };
    },
  };
}
