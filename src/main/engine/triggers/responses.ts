// The answers a trigger URL gives. Failure bodies are fixed: they are not customisable.
import type { CapturedResponse } from '@shared/capture';
import type { Action } from '@shared/trigger';
import { isResponseAction, type ActionOf, type ResponseAction } from '@shared/kinds/actions';
import { substituteRunIdJson, substituteRunIdText } from '@shared/triggers/run-id';

const TEXT = 'text/plain; charset=utf-8';

export const textResponse = (status: number, body: string, extra: [string, string][] = []): CapturedResponse => ({
  status,
  headers: [['Content-Type', TEXT], ...extra],
  body,
});

export const jsonResponse = (status: number, value: unknown): CapturedResponse => ({
  status,
  headers: [['Content-Type', 'application/json']],
  body: JSON.stringify(value),
});

export const badRequest = (): CapturedResponse => textResponse(400, 'Bad Request');
export const notFound = (): CapturedResponse => textResponse(404, 'Not Found');
export const methodNotAllowed = (allow: string): CapturedResponse => textResponse(405, 'Method Not Allowed', [['Allow', allow]]);

type Respond<A> = (action: A, runId: string) => CapturedResponse;

/** How each response action answers, keyed by the ids of shared/kinds/actions (role "response"). */
export const RESPONDERS = {
  'web-response-text': (a, runId) => textResponse(200, substituteRunIdText(a.text, runId)),
  'web-response-json': (a, runId) => jsonResponse(200, substituteRunIdJson(a.json, runId)),
} as const satisfies { readonly [T in ResponseAction['type']]: Respond<ActionOf<T>> };

/** The first web-response action answers a launch; the default is `ok`. */
export function launchResponse(actions: Action[], runId: string): CapturedResponse {
  const first = actions.find(isResponseAction);
  if (!first) return textResponse(200, 'ok');
  return (RESPONDERS[first.type] as Respond<ResponseAction>)(first, runId);
}
