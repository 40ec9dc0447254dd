export function StatusCode({ status }: { status: number }) {
  const family = status >= 500 ? '5xx' : status >= 400 ? '4xx' : status >= 300 ? '3xx' : status >= 200 ? '2xx' : 'other';
  return <span className={`status status-${family}`}>{status}</span>;
}
