// A 1 KB JSON webhook body, shaped like a typical push event.
export function webhookBody(bytes = 1024): string {
  const base = { event: 'push', id: 'evt_0123456789', repository: { name: 'hookbench', owner: 'bench' }, ref: 'refs/heads/main', padding: '' };
  const without = JSON.stringify(base).length;
  base.padding = 'x'.repeat(Math.max(0, bytes - without));
  return JSON.stringify(base);
}
