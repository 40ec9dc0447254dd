// The workspace's env variables: values triggers and channels reference as {env:NAME}.
import { z } from 'zod';
import { strictObject, uniqueBy } from './fields';

export const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const EnvVariableSchema = strictObject({
  name: z.string().min(1).regex(ENV_NAME_PATTERN, { error: 'must start with a letter or _ and contain only letters, digits and _' }),
  value: z.string(),
  secret: z.boolean().default(false),
}).meta({ id: 'EnvVariable', description: 'A variable triggers and channels reference as {env:NAME}; secret values are redacted in exports.' });

export const EnvSchema = z.array(EnvVariableSchema).superRefine(
  uniqueBy(
    (v) => v.name,
    'name',
    (name) => `duplicate variable ${JSON.stringify(name)}`,
  ),
);
