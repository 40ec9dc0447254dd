// web-auth static: the request carries the secret itself (a bearer token, a query token).
import { z } from 'zod';
import { webAuthSchema } from './shape';
import type { WebAuthKind } from './types';

export const StaticAuthSchema = webAuthSchema('static', z.string().optional().meta({ description: 'not used by static tokens' }));

export const staticAuth = {
  id: 'static',
  label: 'Static token',
  withType: (base) => ({ ...base, authType: 'static' }),
  summary: (_c, where) => `Static token in ${where}`,
  secretKeyIsSecret: () => true,
  signingProfile: (c, like) => ({ id: like.id, name: like.name, kind: 'static', secret: c.secretKey, placement: like.placement }),
  lint: () => [],
} satisfies WebAuthKind<'static'>;
