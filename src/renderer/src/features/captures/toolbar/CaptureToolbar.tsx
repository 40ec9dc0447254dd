import { useState } from 'react';
import type { RefObject } from 'react';
import type { CaptureFilter } from '@shared/capture';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { useDebouncedCallback } from '../../../hooks/useDebouncedCallback';
import { clearAllCaptures, markAllCapturesRead, setCaptureFilter } from '../../../store/captureActions';
import { selectCaptureFilter, selectCaptureTotal, selectUnreadCount } from '../../../store/selectors';
import { useAppStore } from '../../../store/store';
import { MethodFilter } from './MethodFilter';
import { describeError } from '../../../api/envelope';
import { formatCount } from '../../../lib/format';

const FILTER_DEBOUNCE_MS = 250;

/** Empty strings and lists mean "no filter": they are not sent. */
function cleanFilter(filter: CaptureFilter): CaptureFilter {
  const clean: CaptureFilter = {};
  if (filter.text?.trim()) clean.text = filter.text.trim();
  if (filter.methods?.length) clean.methods = filter.methods;
  if (filter.path?.trim()) clean.path = filter.path.trim();
  if (filter.header?.trim()) clean.header = filter.header.trim();
  if (filter.body?.trim()) clean.body = filter.body.trim();
  return clean;
}

export function CaptureToolbar({ searchRef }: { searchRef: RefObject<HTMLInputElement | null> }) {
  const applied = useAppStore(selectCaptureFilter);
  const total = useAppStore(selectCaptureTotal);
  const unread = useAppStore(selectUnreadCount);
  const [draft, setDraft] = useState<CaptureFilter>(applied);
  const [showMore, setShowMore] = useState(Boolean(applied.path || applied.header || applied.body));
  const [clearError, setClearError] = useState<string | null>(null);
  const apply = useDebouncedCallback((filter: CaptureFilter) => void setCaptureFilter(cleanFilter(filter)), FILTER_DEBOUNCE_MS);

  const update = (patch: Partial<CaptureFilter>, immediate = false) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (immediate) void setCaptureFilter(cleanFilter(next));
    else apply(next);
  };
  const activeExtra = [draft.path, draft.header, draft.body].filter((v) => v?.trim()).length;

  return (
    <div className="toolbar">
      <div className="toolbar-row">
        <input
          ref={searchRef}
          className="input toolbar-search"
          type="search"
          placeholder="Search method, URL, headers, body…  ( / )"
          aria-label="Search requests"
          data-testid="search-input"
          value={draft.text ?? ''}
          onChange={(event) => update({ text: event.target.value })}
        />
        <MethodFilter value={draft.methods ?? []} onChange={(methods) => update({ methods }, true)} />
        <button
          type="button"
          className={`button${showMore ? ' is-pressed' : ''}`}
          aria-expanded={showMore}
          data-testid="toggle-filters"
          onClick={() => setShowMore(!showMore)}
        >
          Filters{activeExtra ? ` (${activeExtra})` : ''}
        </button>
        <span className="toolbar-spacer" />
        <span className="toolbar-count" data-testid="capture-count">
          {formatCount(total)} {total === 1 ? 'request' : 'requests'}
        </span>
        {unread > 0 && (
          <button type="button" className="button" data-testid="mark-all-read" onClick={markAllCapturesRead}>
            Mark all read
          </button>
        )}
        <ConfirmButton
          label="Clear all"
          confirmLabel="Delete every request"
          testId="clear-all"
          disabled={total === 0}
          onConfirm={() =>
            clearAllCaptures().then(
              () => setClearError(null),
              (error) => setClearError(describeError(error)),
            )
          }
        />
      </div>
      {showMore && (
        <div className="toolbar-row toolbar-filters">
          <label className="toolbar-field">
            Path contains
            <input
              className="input"
              data-testid="filter-path"
              value={draft.path ?? ''}
              onChange={(e) => update({ path: e.target.value })}
              placeholder="/stripe"
            />
          </label>
          <label className="toolbar-field">
            Header contains
            <input
              className="input"
              data-testid="filter-header"
              value={draft.header ?? ''}
              onChange={(e) => update({ header: e.target.value })}
              placeholder="x-github-event: push"
            />
          </label>
          <label className="toolbar-field">
            Body contains
            <input
              className="input"
              data-testid="filter-body"
              value={draft.body ?? ''}
              onChange={(e) => update({ body: e.target.value })}
              placeholder="invoice.paid"
            />
          </label>
          {activeExtra > 0 && (
            <button type="button" className="button button-small" onClick={() => update({ path: '', header: '', body: '' }, true)}>
              Reset
            </button>
          )}
        </div>
      )}
      {clearError && (
        <div className="banner banner-error" role="alert">
          Could not clear: {clearError}
        </div>
      )}
    </div>
  );
}
