// Payload filter: compare a value from the request with the condition's value.
import type { PayloadFilterCondition } from '@shared/trigger';
import { cut } from '@shared/triggers/bytes';
import { describeLookup, lookupValue } from '@shared/triggers/lookup';
import { compilePattern } from '@shared/triggers/safe-regex';
import { failed, pass, type CheckOutcome, type RequestView } from './types';

const q = (s: string): string => JSON.stringify(cut(s, 80));

export function checkPayloadFilter(c: PayloadFilterCondition, request: RequestView): CheckOutcome {
  const where = describeLookup(c.namespace, c.key);
  const found = lookupValue(request, c.namespace, c.key);
  // A body that cannot be parsed is an error for every operator, not "absent".
  if (!found.ok && found.malformed) return failed(found.reason);
  const present = found.ok;
  const text = found.ok ? found.text : '';
  const want = typeof c.value === 'string' ? c.value : '';
  const verdict = (ok: boolean, yes: string, no: string): CheckOutcome => (ok ? pass(yes) : failed(no));

  switch (c.operator) {
    case 'exists':
      return verdict(present, `${where} exists`, `${where} does not exist`);
    case 'not-exists':
      return verdict(!present, `${where} does not exist`, `${where} exists (${q(text)})`);
    case 'not-equals':
      if (!present) return pass(`${where} is absent, so it does not equal ${q(want)}`);
      return verdict(text !== want, `${where} is ${q(text)}, not ${q(want)}`, `${where} equals ${q(want)}`);
  }
  if (!present) return failed(`${where} not found`);
  switch (c.operator) {
    case 'equals':
      return verdict(text === want, `${where} equals ${q(want)}`, `${where} is ${q(text)}, not ${q(want)}`);
    case 'contains':
      return verdict(text.includes(want), `${where} contains ${q(want)}`, `${where} is ${q(text)}, which does not contain ${q(want)}`);
    case 'starts-with':
      return verdict(text.startsWith(want), `${where} starts with ${q(want)}`, `${where} is ${q(text)}, which does not start with ${q(want)}`);
    case 'regex': {
      const re = compilePattern(want);
      if (!re.ok) return failed(`invalid regular expression ${q(want)}: ${re.message}`);
      return verdict(re.test(text), `${where} matches /${want}/`, `${where} is ${q(text)}, which does not match /${want}/`);
    }
    case 'in': {
      const value: unknown = c.value; // a single string still counts as a list of one (hand-made data)
      const list = Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : [];
      return verdict(
        list.includes(text),
        `${where} is ${q(text)}, one of the listed values`,
        `${where} is ${q(text)}, not one of ${cut(JSON.stringify(list), 120)}`,
      );
    }
    default:
      return failed(`unknown operator ${String((c as { operator: unknown }).operator)}`);
  }
}
