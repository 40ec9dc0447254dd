// payload-filter: compare a value from the request with the condition's value. The operator
// decides the value's shape (a list for "in", nothing for exists/not-exists, one string
// otherwise), so each operator group is its own shape and the JSON Schema says so too.
import { z } from 'zod';
import type { FilterOperator } from '../../trigger';
import { strictObject } from '../../schema/fields';
import { compilePattern } from '../../triggers/safe-regex';
import { namespaceSchema } from '../lookup';
import type { ConditionKind, ConditionOf } from './types';

const filterShape = <O extends z.ZodType, V extends z.ZodType>(operator: O, value: V) =>
  strictObject({
    type: z.literal('payload-filter'),
    namespace: namespaceSchema,
    key: z.string().min(1),
    operator,
    value,
  });

/** Operators that compare the found value with one string. */
export const STRING_OPERATORS = ['equals', 'not-equals', 'contains', 'starts-with', 'regex'] as const;
const absent = (operator: 'exists' | 'not-exists') =>
  filterShape(
    z.literal(operator),
    z
      .never({ error: `must be absent for operator ${operator}` })
      .optional()
      .meta({ description: 'absent' }),
  );

export const PayloadFilterConditionSchema = z.discriminatedUnion('operator', [
  filterShape(z.enum(STRING_OPERATORS), z.string().meta({ description: 'the string to compare with (a pattern for "regex")' })),
  absent('exists'),
  absent('not-exists'),
  filterShape(z.literal('in'), z.array(z.string()).meta({ description: 'the accepted values' })),
]);

type PayloadFilter = ConditionOf<'payload-filter'>;

/** "in" takes a list, exists/not-exists take nothing, the rest one string. */
export function withOperator(c: PayloadFilter, operator: FilterOperator): PayloadFilter {
  const { value, operator: _old, ...base } = c;
  switch (operator) {
    case 'exists':
    case 'not-exists':
      return { ...base, operator };
    case 'in':
      return { ...base, operator, value: Array.isArray(value) ? value : value ? [value] : [] };
    case 'equals':
    case 'not-equals':
    case 'contains':
    case 'starts-with':
    case 'regex':
      return { ...base, operator, value: Array.isArray(value) ? (value[0] ?? '') : (value ?? '') };
  }
}

export const payloadFilterCondition = {
  id: 'payload-filter',
  label: 'Payload filter',
  schema: PayloadFilterConditionSchema,
  defaults: () => ({ type: 'payload-filter', namespace: 'json', key: 'ref', operator: 'equals', value: 'refs/heads/main' }),
  summary: (c) => {
    const value = Array.isArray(c.value) ? `[${c.value.map((v) => JSON.stringify(v)).join(', ')}]` : c.value === undefined ? '' : JSON.stringify(c.value);
    return `${c.namespace} ${c.key} ${c.operator}${value ? ` ${value}` : ''}`;
  },
  lint(c, { path }) {
    if (c.operator !== 'regex' || typeof c.value !== 'string') return [];
    const re = compilePattern(c.value);
    if (re.ok) return [];
    const what = re.unsupported ? 'Unsupported regular expression' : 'Invalid regular expression';
    return [
      {
        path: `${path}.value`,
        severity: 'warning',
        code: re.unsupported ? 'unsupported-regex' : 'invalid-regex',
        message: `${what}: ${re.message}. The condition always fails.`,
      },
    ];
  },
  checkedOnRunInfo: false,
  countsLaunches: false,
  secretFields: () => [],
} satisfies ConditionKind<'payload-filter'>;
