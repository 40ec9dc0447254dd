// custom: any URL, with extra headers and optional HMAC signing of each attempt.
import { z } from 'zod';
import { HMAC_ALGORITHMS } from '../../trigger';
import { headerName, httpUrl, strictObject } from '../../schema/fields';
import { channelBase } from './base';
import type { ChannelKind, ChannelOf, ChannelSecret } from './types';

export const HeaderRowSchema = strictObject({
  name: headerName(),
  value: z
    .string()
    .regex(/^[^\r\n]*$/, { error: 'must be one line' })
    .meta({ description: 'may contain {env:NAME}' }),
});

export const ChannelSigningSchema = strictObject({
  header: z.string().min(1).meta({ description: 'header that carries the signature, e.g. X-Hookbench-Signature' }),
  prefix: z.string().default(''),
  algorithm: z.enum(HMAC_ALGORITHMS as readonly ['sha1', 'sha256', 'sha512', 'sha224', 'sha384', 'md5']).default('sha256'),
  encoding: z.enum(['hex', 'base64']).default('hex'),
  secret: z.string().min(1).meta({ description: 'usually {env:NAME}' }),
  format: z.string().min(1).default('{body}').meta({ description: 'basestring format, e.g. v0:{header:X-Hookbench-Timestamp}:{body}' }),
  timestampHeader: z.string().default('').meta({ description: 'header set to the UNIX seconds of each attempt; empty: none' }),
});

export const CustomChannelSchema = strictObject({
  ...channelBase,
  type: z.literal('custom'),
  url: httpUrl(),
  headers: z.array(HeaderRowSchema).default([]),
  signing: ChannelSigningSchema.nullable().default(null),
});

/** header names whose values are secrets */
const SECRET_HEADER = /authorization|token|secret|key|signature|password/i;

type Custom = ChannelOf<'custom'>;

export const customChannel = {
  id: 'custom',
  label: 'Custom webhook',
  shortLabel: 'Custom',
  schema: CustomChannelSchema,
  withType: (base, previous) => ({
    ...base,
    type: 'custom',
    url: 'url' in previous ? previous.url : '',
    headers: previous.type === 'custom' ? previous.headers : [],
    signing: previous.type === 'custom' ? previous.signing : null,
  }),
  target: (c) => c.url,
  secrets(c) {
    const out: ChannelSecret<Custom>[] = [];
    c.headers.forEach((h, i) => {
      if (!SECRET_HEADER.test(h.name)) return;
      out.push({
        path: `headers[${i}].value`,
        value: h.value,
        kind: 'header',
        replace: (ch, value) => ({ ...ch, headers: ch.headers.map((row, j) => (j === i ? { ...row, value } : row)) }),
      });
    });
    if (c.signing) {
      out.push({
        path: 'signing.secret',
        value: c.signing.secret,
        kind: 'signing',
        replace: (ch, value) => (ch.signing ? { ...ch, signing: { ...ch.signing, secret: value } } : ch),
      });
    }
    return out;
  },
} satisfies ChannelKind<'custom'>;
