export function ShowMore({ shown, total, unit, onMore, onAll }: { shown: number; total: number; unit: string; onMore(): void; onAll(): void }) {
  if (shown >= total) return null;
  return (
    <div className="show-more">
      <span className="muted">
        Showing {shown.toLocaleString()} of {total.toLocaleString()} {unit}.
      </span>
      <button type="button" className="button button-small" data-testid="show-more" onClick={onMore}>
        Show more
      </button>
      <button type="button" className="button button-small" onClick={onAll}>
        Show all
      </button>
    </div>
  );
}
