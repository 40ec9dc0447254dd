import type { ChannelSigning } from '@shared/notifications';
import { HMAC_ALGORITHMS, type HmacAlgorithm } from '@shared/trigger';
import { HeadersEditor } from '../HeadersEditor';
import { ChannelUrlField } from './ChannelUrlField';
import type { ChannelFieldsProps } from './types';

const DEFAULT_SIGNING: ChannelSigning = {
  header: 'X-Hookbench-Signature',
  prefix: 'sha256=',
  algorithm: 'sha256',
  encoding: 'hex',
  secret: '{env:NOTIFY_SECRET}',
  format: 'v0:{header:X-Hookbench-Timestamp}:{body}',
  timestampHeader: 'X-Hookbench-Timestamp',
};

/** URL, extra headers and optional HMAC signing of each attempt. */
export function CustomChannelFields({ channel: c, onChange }: ChannelFieldsProps<'custom'>) {
  const sign = c.signing;
  const setSign = (patch: Partial<ChannelSigning>) => onChange({ ...c, signing: { ...(c.signing ?? DEFAULT_SIGNING), ...patch } });
  return (
    <>
      <ChannelUrlField label="URL (POST)" value={c.url} placeholder="https://example.com/hooks/valohai" onChange={(url) => onChange({ ...c, url })} />
      <fieldset>
        <legend>Headers</legend>
        <HeadersEditor rows={c.headers} onChange={(headers) => onChange({ ...c, headers })} testId="channel-headers" />
      </fieldset>
      <fieldset>
        <legend>
          <label className="inline">
            <input
              type="checkbox"
              checked={!!sign}
              data-testid="channel-signing-toggle"
              onChange={(e) => onChange({ ...c, signing: e.target.checked ? DEFAULT_SIGNING : null })}
            />{' '}
            HMAC signing
          </label>
        </legend>
        {sign && (
          <div className="notify-grid">
            <label>
              Signature header
              <input className="input" value={sign.header} onChange={(e) => setSign({ header: e.target.value })} />
            </label>
            <label>
              Prefix
              <input className="input" value={sign.prefix} onChange={(e) => setSign({ prefix: e.target.value })} />
            </label>
            <label>
              Algorithm
              <select className="input" value={sign.algorithm} onChange={(e) => setSign({ algorithm: e.target.value as HmacAlgorithm })}>
                {HMAC_ALGORITHMS.map((a) => (
                  <option key={a}>{a}</option>
                ))}
              </select>
            </label>
            <label>
              Encoding
              <select className="input" value={sign.encoding} onChange={(e) => setSign({ encoding: e.target.value as 'hex' | 'base64' })}>
                <option>hex</option>
                <option>base64</option>
              </select>
            </label>
            <label>
              Secret
              <input className="input" value={sign.secret} data-testid="channel-signing-secret" onChange={(e) => setSign({ secret: e.target.value })} />
            </label>
            <label>
              Timestamp header
              <input className="input" value={sign.timestampHeader} onChange={(e) => setSign({ timestampHeader: e.target.value })} />
            </label>
            <label className="wide">
              Basestring format
              <input className="input mono" value={sign.format} data-testid="channel-signing-format" onChange={(e) => setSign({ format: e.target.value })} />
            </label>
          </div>
        )}
      </fieldset>
    </>
  );
}
