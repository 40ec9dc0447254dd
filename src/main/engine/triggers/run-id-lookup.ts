// Where a run-info request carries run_id: the query for GET; the body (form or JSON
// top-level) for POST, falling back to the query.
import { findQuery, findHeader, parseFormBody, parseJsonBody } from '@shared/triggers/lookup';
import type { RequestView } from '@shared/triggers/lookup';

function fromBody(request: RequestView): string | undefined {
  const type = (findHeader(request.rawHeaders, 'content-type') ?? '').toLowerCase();
  const tryJson = () => {
    const doc = parseJsonBody(request.body);
    if (!doc.ok || typeof doc.value !== 'object' || doc.value === null || Array.isArray(doc.value)) return undefined;
    const v = (doc.value as Record<string, unknown>).run_id;
    return typeof v === 'string' ? v : undefined;
  };
  const tryForm = () => {
    const form = parseFormBody(request.body);
    return form.ok ? (form.value.get('run_id') ?? undefined) : undefined;
  };
  return type.includes('json') ? (tryJson() ?? tryForm()) : (tryForm() ?? tryJson());
}

export function runIdOf(request: RequestView): string | undefined {
  if (request.method === 'POST') return fromBody(request) ?? findQuery(request.url, 'run_id');
  return findQuery(request.url, 'run_id');
}
