import { CopyButton } from '../components/CopyButton';
import { selectConnection, selectEngine, selectEngineError } from '../store/selectors';
import { useAppStore } from '../store/store';

const CONNECTION_LABEL = { connecting: 'Connecting…', connected: 'Connected', disconnected: 'Disconnected' } as const;

export function Header() {
  const engine = useAppStore(selectEngine);
  const engineError = useAppStore(selectEngineError);
  const connection = useAppStore(selectConnection);
  return (
    <header className="header">
      <div className="header-receiver">
        <span className="header-label">Receiver</span>
        {engine ? (
          <>
            <code className="header-url" data-testid="receiver-url">
              {engine.receiverUrl}
            </code>
            <CopyButton text={engine.receiverUrl} label="Copy receiver URL" />
          </>
        ) : (
          <span className="header-muted">{engineError ?? 'loading…'}</span>
        )}
        {engine?.receiverError && (
          <span className="header-error" role="alert" data-testid="receiver-error">
            Receiver not running: {engine.receiverError}
          </span>
        )}
      </div>
      <div className="header-right">
        {engine && (
          <span className="header-muted" title={`Data: ${engine.dataDir}`}>
            {engine.mode} · v{engine.version}
          </span>
        )}
        <span className={`connection connection-${connection.state}`} data-testid="connection-state" data-state={connection.state}>
          <span className="connection-dot" aria-hidden="true" />
          {CONNECTION_LABEL[connection.state]}
        </span>
      </div>
    </header>
  );
}
