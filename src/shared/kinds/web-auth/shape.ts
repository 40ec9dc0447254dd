// The wire shape every web-auth type shares. Each type narrows `authType` and `algorithm`; all
// keep the same fields (the ones a type does not use are accepted and ignored, as they always were).
import { z } from 'zod';
import { lookupShape } from '../lookup';
import { strictObject } from '../../schema/fields';

export function webAuthSchema<T extends string, A extends z.ZodType>(authType: T, algorithm: A) {
  return strictObject({
    type: z.literal('web-auth'),
    authType: z.literal(authType),
    ...lookupShape,
    secretKey: z.string().meta({ description: 'may contain {env:NAME} references' }),
    algorithm,
    hmacFormat: z.string().optional().meta({ description: 'hmac basestring format; default {body}' }),
    encoding: z.enum(['hex', 'base64']).optional().meta({ description: 'hmac digest encoding; default hex' }),
  });
}
