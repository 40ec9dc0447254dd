import { CopyButton } from '../../components/CopyButton';
import { selectReceiverUrl } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/** The first thing a new user sees: a command that fills the inbox. */
export function EmptyInbox() {
  const receiverUrl = useAppStore(selectReceiverUrl) ?? 'http://127.0.0.1:7780';
  const command = `curl -X POST '${receiverUrl}/hello' -H 'Content-Type: application/json' -d '{"hello":"hookbench"}'`;
  return (
    <div className="empty" data-testid="empty-inbox">
      <h2>No requests yet</h2>
      <p>
        Every request sent to <code>{receiverUrl}</code> (any method, any path) shows up here the moment it arrives. Send a first one from a terminal:
      </p>
      <div className="empty-command">
        <pre data-testid="empty-inbox-command">{command}</pre>
        <CopyButton text={command} label="Copy command" testId="copy-empty-command" />
      </div>
      <p className="muted">
        To receive webhooks from a service on the internet, point a tunnel (ngrok, cloudflared…) at the receiver port and use the tunnel's URL.
      </p>
    </div>
  );
}
