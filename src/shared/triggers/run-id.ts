// The {run_id} placeholder in web-response actions: in text, and in every string of a JSON
// document, nested objects and arrays included.

const RUN_ID = /\{run_id\}/g;

export const substituteRunIdText = (text: string, runId: string): string => text.replace(RUN_ID, runId);

export function substituteRunIdJson(value: unknown, runId: string): unknown {
  if (typeof value === 'string') return substituteRunIdText(value, runId);
  if (Array.isArray(value)) return value.map((v) => substituteRunIdJson(v, runId));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[substituteRunIdText(k, runId)] = substituteRunIdJson(v, runId);
    return out;
  }
  return value;
}
