// A static token has no fields beyond where it is and the secret itself.
import type { WebAuthFieldsProps } from './types';

export function StaticAuthFields(_props: WebAuthFieldsProps) {
  return null;
}
