import { CopyButton } from '../../../components/CopyButton';
import { selectReceiverUrl } from '../../../store/selectors';
import { useAppStore } from '../../../store/store';
import { localLaunchUrl, realLaunchUrl } from '../lib/launchUrls';
import { useRealTriggerId } from '../lib/realTriggerIds';

/** The local launch URL, and the real service's URL once the user notes the real trigger id. */
/** realId: 'edit' shows the field for the real id, 'show' only the real URL once one is noted. */
export function LaunchUrls({ triggerId, realId: mode }: { triggerId: string; realId: 'edit' | 'show' | 'none' }) {
  const receiverUrl = useAppStore(selectReceiverUrl);
  const [realId, setRealId] = useRealTriggerId(triggerId);
  const local = receiverUrl ? localLaunchUrl(receiverUrl, triggerId) : null;
  return (
    <div className="launch-urls">
      <div className="launch-url">
        <span className="launch-url-label">Local</span>
        {local ? (
          <>
            <code className="launch-url-text" data-testid="local-launch-url" title={local}>
              {local}
            </code>
            <CopyButton text={local} label="Copy local launch URL" testId="copy-local-url" />
          </>
        ) : (
          <span className="muted small">receiver address loading…</span>
        )}
      </div>
      {(mode === 'edit' || (mode === 'show' && realId.trim())) && (
        <div className="launch-url">
          <span className="launch-url-label">Real</span>
          {mode === 'edit' && (
            <input
              className="input mono launch-real-id"
              placeholder="real trigger id (optional)"
              aria-label="Real trigger id on app.valohai.com"
              title="The id of this trigger on app.valohai.com; kept in this browser only"
              data-testid="real-trigger-id"
              value={realId}
              spellCheck={false}
              onClick={(e) => e.stopPropagation()}
              onChange={(e) => setRealId(e.target.value)}
            />
          )}
          {realId.trim() && (
            <>
              <code className="launch-url-text" data-testid="real-launch-url" title={realLaunchUrl(realId)}>
                {realLaunchUrl(realId)}
              </code>
              <CopyButton text={realLaunchUrl(realId)} label="Copy real launch URL" testId="copy-real-url" />
            </>
          )}
        </div>
      )}
    </div>
  );
}
