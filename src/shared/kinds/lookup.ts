// The fields a condition uses to find a value in the request (web-auth, web-timestamp and
// payload-filter share them).
import { z } from 'zod';

export const NAMESPACES = ['header', 'query', 'form', 'json'] as const;

export const namespaceSchema = z.enum(NAMESPACES).meta({ description: 'where the value is looked up' });

export const lookupShape = {
  namespace: namespaceSchema,
  key: z.string().min(1),
  prefix: z.string().optional().meta({ description: 'cut from the start of the found value; a value without it fails' }),
};

/** "header X-Signature (prefix "sha256=")": where a condition looks, for summaries. */
export const describeWhere = (l: { namespace: string; key: string; prefix?: string }): string =>
  `${l.namespace} ${l.key}${l.prefix ? ` (prefix ${JSON.stringify(l.prefix)})` : ''}`;
