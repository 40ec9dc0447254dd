// User settings: stored in the workspace document, edited on the Settings page.

export type ThemePreference = 'system' | 'light' | 'dark';

export interface InboxResponse {
  status: number;
  contentType: string;
  body: string;
}

export interface Settings {
  receiver: {
    /** 127.0.0.1 by default: listening on other interfaces is an explicit opt-in */
    host: string;
    port: number;
    /**
     * open connections the receiver accepts at once; more are closed at connect. Well below the
     * usual fd limit (1024), so slow clients cannot take the descriptors the UI's server needs.
     */
    maxConnections: number;
  };
  /** requests with a larger body get 413 and are not stored */
  bodyLimitBytes: number;
  retention: {
    maxCaptures: number;
    maxBytes: number;
  };
  /** what a request on a path that is not a trigger URL is answered with */
  inboxResponse: InboxResponse;
  theme: ThemePreference;
}

export const DEFAULT_RECEIVER_PORT = 7780;
export const DEFAULT_CONTROL_PORT = 7781;

export const DEFAULT_SETTINGS: Settings = {
  receiver: { host: '127.0.0.1', port: DEFAULT_RECEIVER_PORT, maxConnections: 512 },
  bodyLimitBytes: 25 * 1024 * 1024,
  retention: { maxCaptures: 100_000, maxBytes: 2 * 1024 * 1024 * 1024 },
  inboxResponse: { status: 200, contentType: 'text/plain; charset=utf-8', body: 'ok' },
  theme: 'system',
};

/** A partial update, one level deep for nested groups. */
export interface SettingsPatch {
  receiver?: Partial<Settings['receiver']>;
  bodyLimitBytes?: number;
  retention?: Partial<Settings['retention']>;
  inboxResponse?: Partial<InboxResponse>;
  theme?: ThemePreference;
}
