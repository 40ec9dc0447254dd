// The argument schema of every control-API call, checked once at dispatch (both transports),
// before a handler runs. Envelope-level: the argument's own fields (ids, strings, numbers,
// flags, lists); workspace shapes inside it (a trigger, a signing profile, a channel…) are
// checked by their own validators with their JSON paths. A call added to ApiCalls without a
// schema here is a compile error.
import { z } from 'zod';
import { joinPath, ValidationError } from './api-error';
import type { ApiArgs, ApiMethod } from './contract';

/** A field-level schema typed as the contract's argument (the schema checks what it lists). */
const args = <T>(shape: z.ZodRawShape): z.ZodType<T> => z.looseObject(shape) as unknown as z.ZodType<T>;
/** An argument whose fields are all optional may also be left out. */
const optionalArgs = <T>(shape: z.ZodRawShape): z.ZodType<T> => z.looseObject(shape).optional() as unknown as z.ZodType<T>;
/** A call without an argument: whatever is sent is ignored. */
const none = z.unknown() as z.ZodType<void>;

const id = z.string().min(1, 'must be a non-empty string');
const ids = z.array(z.string());
const int = z.number().int('must be a whole number');
const count = int.min(0, 'must not be negative');
/** An object validated in depth by its own shape validator. */
const shape = z.record(z.string(), z.unknown(), { error: 'must be an object' });
const headerTuples = z.array(z.tuple([z.string(), z.string()], { error: 'must be a [name, value] pair' }));
const track = z.union([z.boolean(), shape], { error: 'must be true, false or tracking options' });

const sendDraft = {
  url: z.string(),
  method: z.string(),
  headers: headerTuples,
  bodyBase64: z.string(),
  profileId: z.string().optional(),
  profile: shape.optional(),
  timeoutMs: count.optional(),
};

type ArgsSchemas = { readonly [M in ApiMethod]: z.ZodType<ApiArgs<M>> };

export const API_ARGS = {
  'engine.info': none,
  'files.reveal': args({ path: z.string() }),

  'captures.list': optionalArgs({ filter: shape.optional(), beforeSeq: z.number().optional(), limit: count.optional() }),
  'captures.get': args({ id: z.string() }),
  'captures.delete': args({ ids }),
  'captures.clear': none,

  'settings.get': none,
  'settings.update': optionalArgs({}),

  'triggers.list': none,
  'triggers.save': args({ trigger: shape, previousId: z.string().optional() }),
  'triggers.delete': args({ id: z.string() }),
  'triggers.whatIf': args({ trigger: shape, limit: count.optional() }),
  'triggers.forensics': args({ captureId: z.string(), conditionIndex: count }),
  'playground.sign': args({ format: z.string(), secretKey: z.string(), algorithm: z.string(), encoding: z.enum(['hex', 'base64']), request: shape }),

  'env.list': none,
  'env.save': args({ env: z.unknown() }),

  'workspace.export': optionalArgs({ includeSecrets: z.boolean().optional() }),
  'workspace.import': args({ json: z.string(), mode: z.enum(['merge', 'replace']).optional() }),

  'triggerLog.list': optionalArgs({ filter: shape.optional(), limit: count.optional() }),
  'triggerLog.forCapture': args({ captureId: z.string() }),
  'triggerRuns.get': args({ id: z.string() }),

  'signing.listProfiles': none,
  'signing.saveProfile': args({ profile: shape, previousId: z.string().optional() }),
  'signing.deleteProfile': args({ id: z.string() }),
  'signing.exportProfiles': optionalArgs({ includeSecrets: z.boolean().optional() }),
  'signing.fromTrigger': args({ triggerId: z.string() }),
  'signing.generateKeys': args({ algorithm: z.string() }),
  'sender.preview': args(sendDraft),
  'sender.send': args({ draft: z.looseObject(sendDraft), track: track.optional() }),
  'sender.replay': args({
    captureId: z.string(),
    to: z.string().optional(),
    profileId: z.string().optional(),
    profile: shape.optional(),
    headers: headerTuples.optional(),
    bodyBase64: z.string().optional(),
    method: z.string().optional(),
    track: track.optional(),
  }),
  'sender.bulkReplay': args({
    captureIds: ids,
    to: z.string().optional(),
    profileId: z.string().optional(),
    profile: shape.optional(),
    concurrency: count.optional(),
  }),
  'sender.bulkCancel': args({ bulkId: z.string() }),
  'sender.matrix': args(sendDraft),
  'sender.history': optionalArgs({ text: z.string().optional(), limit: count.optional(), beforeAt: z.number().optional() }),
  'sender.get': args({ id: z.string() }),
  'sender.track': args({ sentId: z.string(), runId: z.string().optional(), jsonPath: z.string().optional() }),
  'sender.tracks': none,
  'sender.stopTrack': args({ id: z.string() }),
  'sender.export': args({
    draft: z.looseObject(sendDraft).optional(),
    sentId: z.string().optional(),
    format: z.enum(['curl', 'fetch', 'python']),
    includeSecrets: z.boolean().optional(),
  }),
  'sender.exportHar': optionalArgs({ captureIds: ids.optional(), sentIds: ids.optional(), includeSecrets: z.boolean().optional() }),
  'sender.importHar': args({ har: z.string() }),

  'project.get': none,
  'project.set': optionalArgs({}),
  'project.summary': none,
  'runs.list': optionalArgs({ limit: count.optional(), includePipelineNodes: z.boolean().optional() }),
  'runs.getExecution': args({ id }),
  'runs.getPipeline': args({ id }),
  'runs.stop': args({ id }),
  'runs.rerun': args({ id }),
  'runs.log': args({ executionId: z.string(), offset: count.optional(), limit: count.optional(), search: z.string().optional() }),
  'runs.files': args({ id }),

  'notifications.get': none,
  'notifications.saveChannel': args({ channel: shape, previousId: z.string().optional() }),
  'notifications.deleteChannel': args({ id: z.string() }),
  'notifications.saveRouting': args({ routing: shape }),
  'notifications.deleteRouting': args({ id: z.string() }),
  'notifications.saveSettings': args({ project: shape.optional(), delivery: shape.optional() }),
  'notifications.setNotificationTrigger': args({ triggerId: z.string(), enabled: z.boolean() }),
  'notifications.testChannel': args({ channelId: z.string(), eventType: z.string().optional() }),
  'notifications.example': args({ eventType: z.unknown() }),
  'notifications.preview': args({ target: shape, payload: z.unknown() }),
  'notifications.send': args({ target: shape, payload: z.unknown() }),
  'deliveries.list': optionalArgs({ filter: shape.optional(), limit: count.optional() }),
  'deliveries.get': args({ id: z.string() }),
  'deliveries.redeliver': args({ ids }),
  'deliveries.health': none,
} as const satisfies ArgsSchemas;

const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`);
const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

function problemOf(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code === 'invalid_type') {
    let value: unknown = input;
    for (const key of issue.path) value = isObject(value) ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    if (value === undefined) return 'is required';
    if (issue.expected === 'object' || issue.expected === 'record') return `must be an object, got ${describe(value)}`;
    const article = /^[aeiou]/.test(issue.expected) ? 'an' : 'a';
    return `must be ${article} ${issue.expected}, got ${describe(value)}`;
  }
  return issue.message;
}

/**
 * Checks a call's argument against its schema and returns what the handler gets; throws a
 * ValidationError naming the first offending field. `undefined` is "no argument" (JSON
 * carries it as null). A primitive where an object is expected has no fields: it is checked,
 * and handed on, as `{}`.
 */
export function checkArgs<M extends ApiMethod>(method: M, input: unknown): ApiArgs<M> {
  const schema: z.ZodType = API_ARGS[method];
  if (schema === none) return input as ApiArgs<M>;
  const value = input === undefined || isObject(input) ? input : {};
  const result = schema.safeParse(value);
  if (result.success) return value as ApiArgs<M>;
  const issue = result.error.issues[0];
  if (issue.path.length === 0 && value === undefined) throw new ValidationError('', `${method} needs an object argument, got none`);
  const path = issue.path.reduce<string>((at, key) => joinPath(at, typeof key === 'number' ? key : String(key)), '');
  throw new ValidationError(path, problemOf(issue, value));
}
