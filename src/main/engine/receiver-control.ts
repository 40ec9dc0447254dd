// Owns the running receiver: starts it, and moves it when the receiver settings change
// (falling back to the old address when the new one cannot be listened on).
import type { CaptureSummary } from '@shared/capture';
import type { Settings } from '@shared/settings';
import type { CaptureStore, RequestRouter } from './ports';
import { createReceiver, type Receiver } from './receiver';
import { errorMessage } from '@shared/error-message';

type ReceiverAddress = Pick<Settings['receiver'], 'host' | 'port'>;

export interface ReceiverControl {
  /** listens on the address; rejects with a one-line reason */
  start(address: ReceiverAddress): Promise<void>;
  /** moves to a new address; on failure stays where it was and rejects with the reason */
  move(address: ReceiverAddress): Promise<void>;
  url(): string | null;
  error(): string | null;
  stop(): Promise<void>;
}

export interface ReceiverControlOptions {
  router: RequestRouter;
  store: CaptureStore;
  bodyLimitBytes: () => number;
  /** read at each new connection, so a settings change applies at once */
  maxConnections: () => number;
  onDrop?: (limit: number) => void;
  onCapture: (summary: CaptureSummary) => void;
  onError: (error: unknown) => void;
  now: () => number;
}

export function createReceiverControl(options: ReceiverControlOptions): ReceiverControl {
  let current: Receiver | null = null;
  let currentUrl: string | null = null;
  let lastError: string | null = null;

  async function listenOn(address: ReceiverAddress): Promise<{ receiver: Receiver; url: string }> {
    const receiver = createReceiver({ ...options, host: address.host, port: address.port });
    const { url } = await receiver.listen();
    return { receiver, url };
  }

  return {
    async start(address) {
      try {
        ({ receiver: current, url: currentUrl } = await listenOn(address));
        lastError = null;
      } catch (error) {
        lastError = errorMessage(error);
        throw error;
      }
    },
    async move(address) {
      const previous = current;
      const previousAddress = previous?.address();
      await previous?.close();
      current = null;
      currentUrl = null;
      try {
        ({ receiver: current, url: currentUrl } = await listenOn(address));
        lastError = null;
      } catch (error) {
        if (previousAddress) {
          ({ receiver: current, url: currentUrl } = await listenOn(previousAddress));
        } else {
          lastError = errorMessage(error);
        }
        throw error;
      }
    },
    url: () => currentUrl,
    error: () => lastError,
    async stop() {
      await current?.close();
      current = null;
      currentUrl = null;
    },
  };
}
