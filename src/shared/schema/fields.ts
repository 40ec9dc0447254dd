// Building blocks the shape schemas share, each with the app's wording for its problems.
import { z } from 'zod';

/** An object that rejects unknown fields and names the ones it allows. */
export function strictObject<S extends z.ZodRawShape>(shape: S) {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? `unknown field (allowed: ${allowed})` : undefined),
  });
}

/** A whole number in [min, max]. */
export const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: (iss) => (iss.input === undefined ? undefined : `must be a whole number from ${min} to ${max}`) })
    .int({ error: `must be a whole number from ${min} to ${max}` })
    .min(min, { error: `must be a whole number from ${min} to ${max}` })
    .max(max, { error: `must be a whole number from ${min} to ${max}` });

export const nonEmptyString = () => z.string().min(1);

/** [A-Za-z0-9_-]{1,64}: trigger, channel and routing ids */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const idString = (problem = 'must be 1-64 letters, digits, _ or -') => z.string().regex(ID_PATTERN, { error: problem });

/** an absolute http(s) URL */
export const httpUrl = () =>
  z
    .string()
    .min(1)
    .superRefine((text, ctx) => {
      let parsed: URL;
      try {
        parsed = new URL(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not a URL' });
        return;
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') ctx.addIssue({ code: 'custom', message: 'must be an http or https URL' });
    })
    .meta({ format: 'uri' });

/** RFC 9110 token */
export const headerName = () =>
  z
    .string()
    .min(1)
    .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, { error: 'is not a valid header name' });

/** Adds "duplicate" problems for repeated keys in a list. */
export function uniqueBy<T>(key: (item: T) => string, field: string, what: (value: string) => string) {
  return (items: T[], ctx: z.core.$RefinementCtx<T[]>) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [i, field], message: what(k) });
      seen.add(k);
    });
  };
}
