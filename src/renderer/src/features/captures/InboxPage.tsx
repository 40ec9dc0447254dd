import { useRef } from 'react';
import { selectCaptures } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { CaptureDetailPane } from './detail/CaptureDetailPane';
import { CaptureList } from './list/CaptureList';
import { CaptureToolbar } from './toolbar/CaptureToolbar';
import { EmptyInbox } from './EmptyInbox';
import { useInboxKeys } from './useInboxKeys';
import { UndoToast } from './UndoToast';
import { isFilterEmpty } from '../../store/filterMatch';
import './inbox.css';

export function InboxPage() {
  const { status, items, filter, error } = useAppStore(selectCaptures);
  const searchRef = useRef<HTMLInputElement>(null);
  useInboxKeys(searchRef);
  const neverReceived = status === 'ready' && items.length === 0 && isFilterEmpty(filter);
  return (
    <div className="inbox">
      <h1 className="offscreen">Inbox</h1>
      <CaptureToolbar searchRef={searchRef} />
      {error && (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      )}
      <UndoToast />
      {neverReceived ? (
        <EmptyInbox />
      ) : (
        <div className="inbox-split">
          <CaptureList />
          <CaptureDetailPane />
        </div>
      )}
    </div>
  );
}
