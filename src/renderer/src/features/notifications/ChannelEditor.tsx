// Create or edit one channel: type-specific fields, headers and HMAC signing for Custom.
import { useState } from 'react';
import type { ChannelSigning, NotificationChannel } from '../../../../shared/notifications';
import { HMAC_ALGORITHMS, type HmacAlgorithm } from '../../../../shared/trigger';
import { CHANNEL_KINDS, CHANNEL_TYPES, withChannelType } from '../../../../shared/kinds/channels';
import { describeError } from '../../api/envelope';
import { saveChannel } from '../../store/notificationActions';
import { useAppStore } from '../../store/store';
import { HeadersEditor } from './HeadersEditor';

const DEFAULT_SIGNING: ChannelSigning = {
  header: 'X-Hookbench-Signature', prefix: 'sha256=', algorithm: 'sha256', encoding: 'hex', secret: '{env:NOTIFY_SECRET}',
  format: 'v0:{header:X-Hookbench-Timestamp}:{body}', timestampHeader: 'X-Hookbench-Timestamp',
};

export function blankChannel(): NotificationChannel {
  return { id: `channel-${Math.random().toString(36).slice(2, 8)}`, name: '', type: 'custom', url: '', headers: [], signing: null };
}


export function ChannelEditor({ initial, isNew, onDone }: { initial: NotificationChannel; isNew: boolean; onDone(): void }) {
  const [c, setC] = useState<NotificationChannel>(initial);
  const [error, setError] = useState<string | null>(null);
  const triggers = useAppStore((s) => s.triggers.items);
  const sign = c.type === 'custom' ? c.signing : null;
  const setSign = (patch: Partial<ChannelSigning>) => c.type === 'custom' && setC({ ...c, signing: { ...(c.signing ?? DEFAULT_SIGNING), ...patch } });

  async function save() {
    try {
      await saveChannel(c, isNew ? undefined : initial.id);
      onDone();
    } catch (e) {
      setError(describeError(e));
    }
  }

  return (
    <form className="notify-form" data-testid="channel-editor" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h3>{isNew ? 'New channel' : `Edit ${initial.name}`}</h3>
      <label>Type
        <select className="input" value={c.type} data-testid="channel-type" onChange={(e) => setC(withChannelType(c, e.target.value as NotificationChannel['type']))}>
          {CHANNEL_TYPES.map((t) => <option key={t} value={t}>{CHANNEL_KINDS[t].label}</option>)}
        </select>
      </label>
      <label>Name<input className="input" value={c.name} data-testid="channel-name" onChange={(e) => setC({ ...c, name: e.target.value })} placeholder="team-ml-alerts" /></label>
      <label>Id<input className="input" value={c.id} data-testid="channel-id" onChange={(e) => setC({ ...c, id: e.target.value })} /></label>
      {c.type !== 'trigger' && (
        <label>{c.type === 'slack' ? 'Webhook URL' : 'URL (POST)'}
          <input className="input" value={c.url} data-testid="channel-url" onChange={(e) => setC({ ...c, url: e.target.value })}
            placeholder={c.type === 'slack' ? 'https://hooks.slack.com/services/T00…/B00…/xxxx' : 'https://example.com/hooks/valohai'} />
        </label>
      )}
      {c.type === 'trigger' && (
        <label>Trigger
          <select className="input" value={c.triggerId} data-testid="channel-trigger" onChange={(e) => setC({ ...c, triggerId: e.target.value })}>
            <option value="">Choose a trigger…</option>
            {triggers.map((t) => <option key={t.id} value={t.id}>{t.title || t.id}</option>)}
          </select>
        </label>
      )}
      {c.type === 'custom' && (
        <>
          <fieldset><legend>Headers</legend>
            <HeadersEditor rows={c.headers} onChange={(headers) => setC({ ...c, headers })} testId="channel-headers" />
          </fieldset>
          <fieldset><legend>
            <label className="inline"><input type="checkbox" checked={!!sign} data-testid="channel-signing-toggle"
              onChange={(e) => setC({ ...c, signing: e.target.checked ? DEFAULT_SIGNING : null })} /> HMAC signing</label>
          </legend>
            {sign && (
              <div className="notify-grid">
                <label>Signature header<input className="input" value={sign.header} onChange={(e) => setSign({ header: e.target.value })} /></label>
                <label>Prefix<input className="input" value={sign.prefix} onChange={(e) => setSign({ prefix: e.target.value })} /></label>
                <label>Algorithm<select className="input" value={sign.algorithm} onChange={(e) => setSign({ algorithm: e.target.value as HmacAlgorithm })}>
                  {HMAC_ALGORITHMS.map((a) => <option key={a}>{a}</option>)}</select></label>
                <label>Encoding<select className="input" value={sign.encoding} onChange={(e) => setSign({ encoding: e.target.value as 'hex' | 'base64' })}>
                  <option>hex</option><option>base64</option></select></label>
                <label>Secret<input className="input" value={sign.secret} data-testid="channel-signing-secret" onChange={(e) => setSign({ secret: e.target.value })} /></label>
                <label>Timestamp header<input className="input" value={sign.timestampHeader} onChange={(e) => setSign({ timestampHeader: e.target.value })} /></label>
                <label className="wide">Basestring format<input className="input mono" value={sign.format} data-testid="channel-signing-format" onChange={(e) => setSign({ format: e.target.value })} /></label>
              </div>
            )}
          </fieldset>
        </>
      )}
      {error && <p className="notify-error" role="alert" data-testid="channel-error">{error}</p>}
      <div className="notify-actions">
        <button type="submit" className="button button-primary" data-testid="channel-save">Save channel</button>
        <button type="button" className="button" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
