const KNOWN = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

export function MethodBadge({ method }: { method: string }) {
  const upper = method.toUpperCase();
  return <span className={`method method-${KNOWN.has(upper) ? upper.toLowerCase() : 'other'}`}>{upper}</span>;
}
