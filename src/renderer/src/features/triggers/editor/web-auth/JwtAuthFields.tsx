// The field only a JWT web-auth condition has: the JWS algorithm.
import { JWT_ALGORITHMS } from '@shared/trigger';
import { AlgorithmField } from './AlgorithmField';
import type { WebAuthFieldsProps } from './types';

export function JwtAuthFields({ value, path, onChange }: WebAuthFieldsProps) {
  return <AlgorithmField value={value} path={path} algorithms={JWT_ALGORITHMS} onChange={onChange} />;
}
