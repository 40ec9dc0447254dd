const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Toggle chips; none pressed means every method. */
export function MethodFilter({ value, onChange }: { value: string[]; onChange(methods: string[]): void }) {
  return (
    <div className="method-filter" role="group" aria-label="Filter by method">
      {METHODS.map((method) => {
        const on = value.includes(method);
        return (
          <button
            key={method}
            type="button"
            className={`chip${on ? ' is-pressed' : ''}`}
            aria-pressed={on}
            data-testid={`filter-method-${method.toLowerCase()}`}
            onClick={() => onChange(on ? value.filter((m) => m !== method) : [...value, method])}
          >
            {method}
          </button>
        );
      })}
    </div>
  );
}
