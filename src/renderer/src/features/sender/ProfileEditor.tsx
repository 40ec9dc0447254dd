// Profile picker, presets, "sign like this trigger", the kind-specific editor and key generation.
import { profileFromTrigger, generateKeyPair } from '../../store/senderActions';
import { useState } from 'react';
import { PROVIDER_PRESETS, presetProfile } from '@shared/signing/presets';
import type { SigningProfile, TokenPlacement } from '@shared/signing/types';
import { JWT_ALGORITHMS, type JwtAlgorithm } from '@shared/trigger';
import { describeError } from '../../api/envelope';
import { deleteProfile, saveProfile } from '../../store/senderActions';
import { useAppStore } from '../../store/store';
import { errorMessage } from '@shared/error-message';
import { isSymmetric } from '@shared/kinds/web-auth/jwt';

const newId = () => globalThis.crypto.randomUUID();

function blank(kind: SigningProfile['kind']): SigningProfile {
  const placement: TokenPlacement = { namespace: 'header', key: 'Authorization' };
  if (kind === 'static') return { id: newId(), name: 'Static token', kind, secret: '{env:WEBHOOK_TOKEN}', placement };
  if (kind === 'jwt')
    return { id: newId(), name: 'JWT', kind, secret: '{env:WEBHOOK_TOKEN}', algorithm: 'HS256', claims: { iat: true, expSeconds: 60 }, placement };
  if (kind === 'provider') return presetProfile('stripe', '', newId());
  return { id: newId(), name: 'HMAC', kind: 'hmac', secret: '{env:WEBHOOK_TOKEN}', algorithm: 'sha256', encoding: 'hex', format: '{body}', placement };
}

export function ProfileEditor({ profile, onChange }: { profile: SigningProfile | null; onChange(p: SigningProfile | null): void }) {
  const saved = useAppStore((s) => s.sender.profiles);
  const triggers = useAppStore((s) => s.triggers.items);
  const [message, setMessage] = useState<string | null>(null);
  const [keys, setKeys] = useState<{ publicPem: string; publicJwk: string } | null>(null);
  const run = (task: () => Promise<void>) => task().catch((e) => setMessage(describeError(e)));
  const set = (patch: Partial<SigningProfile>) => profile && onChange({ ...profile, ...patch } as SigningProfile);
  const setPlacement = (patch: Partial<TokenPlacement>) =>
    profile && profile.kind !== 'provider' && onChange({ ...profile, placement: { ...profile.placement, ...patch } });

  return (
    <fieldset className="sender-profile" data-testid="profile-editor">
      <legend>Signing</legend>
      <div className="sender-row">
        <select
          className="input"
          aria-label="Profile"
          data-testid="profile-picker"
          value={profile ? (saved.some((p) => p.id === profile.id) ? profile.id : '__draft') : ''}
          onChange={(e) => onChange(e.target.value === '' ? null : (saved.find((p) => p.id === e.target.value) ?? profile))}
        >
          <option value="">Unsigned</option>
          {saved.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
          {profile && !saved.some((p) => p.id === profile.id) && <option value="__draft">{profile.name} (unsaved)</option>}
        </select>
        <select
          className="input"
          aria-label="New profile"
          value=""
          data-testid="profile-new"
          onChange={(e) => e.target.value && onChange(blank(e.target.value as SigningProfile['kind']))}
        >
          <option value="">New…</option>
          <option value="static">Static token</option>
          <option value="hmac">HMAC</option>
          <option value="jwt">JWT</option>
        </select>
        <select
          className="input"
          aria-label="Provider preset"
          value=""
          data-testid="profile-preset"
          onChange={(e) => e.target.value && onChange(presetProfile(e.target.value, profile?.secret ?? '', newId()))}
        >
          <option value="">Preset…</option>
          {PROVIDER_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
        <select
          className="input"
          aria-label="Sign like trigger"
          value=""
          data-testid="sign-like-trigger"
          onChange={(e) => {
            const id = e.target.value;
            if (id) run(async () => onChange(await profileFromTrigger(id)));
          }}
        >
          <option value="">Sign like trigger…</option>
          {triggers.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title || t.id}
            </option>
          ))}
        </select>
      </div>
      {message && (
        <p className="banner banner-error small" role="alert">
          {message}
        </p>
      )}
      {profile && (
        <div className="sender-grid">
          <label>
            Name
            <input className="input" value={profile.name} onChange={(e) => set({ name: e.target.value })} data-testid="profile-name" />
          </label>
          <label>
            Secret / key
            <textarea
              className="input mono"
              rows={profile.kind === 'jwt' && !isSymmetric(profile.algorithm) ? 4 : 1}
              value={profile.secret}
              onChange={(e) => set({ secret: e.target.value })}
              data-testid="profile-secret"
              placeholder="{env:NAME} or the secret"
            />
          </label>
          {profile.kind !== 'provider' && (
            <>
              <label>
                Placement
                <select
                  className="input"
                  value={profile.placement.namespace}
                  onChange={(e) => setPlacement({ namespace: e.target.value as TokenPlacement['namespace'] })}
                >
                  <option value="header">Header</option>
                  <option value="query">Query</option>
                  <option value="form">Form field</option>
                  <option value="json">JSON field</option>
                </select>
              </label>
              <label>
                Key
                <input className="input mono" value={profile.placement.key} onChange={(e) => setPlacement({ key: e.target.value })} data-testid="profile-key" />
              </label>
              <label>
                Prefix
                <input className="input mono" value={profile.placement.prefix ?? ''} onChange={(e) => setPlacement({ prefix: e.target.value })} />
              </label>
            </>
          )}
          {profile.kind === 'hmac' && (
            <>
              <label>
                Basestring
                <input className="input mono" value={profile.format} onChange={(e) => set({ format: e.target.value })} data-testid="profile-format" />
              </label>
              <label>
                Algorithm
                <select className="input" value={profile.algorithm} onChange={(e) => set({ algorithm: e.target.value as 'sha256' })}>
                  <option>sha1</option>
                  <option>sha256</option>
                  <option>sha512</option>
                </select>
              </label>
              <label>
                Encoding
                <select className="input" value={profile.encoding} onChange={(e) => set({ encoding: e.target.value as 'hex' })}>
                  <option>hex</option>
                  <option>base64</option>
                </select>
              </label>
              <label>
                Timestamp header
                <input
                  className="input mono"
                  value={profile.timestamp?.key ?? ''}
                  placeholder="none"
                  onChange={(e) =>
                    set({ timestamp: e.target.value ? { namespace: 'header', key: e.target.value, unit: profile.timestamp?.unit ?? 's' } : undefined })
                  }
                />
              </label>
              {profile.timestamp && (
                <label>
                  Unit
                  <select
                    className="input"
                    value={profile.timestamp.unit}
                    onChange={(e) => set({ timestamp: { ...profile.timestamp!, unit: e.target.value as 's' } })}
                  >
                    <option value="s">seconds</option>
                    <option value="ms">ms</option>
                  </select>
                </label>
              )}
            </>
          )}
          {profile.kind === 'jwt' && (
            <>
              <label>
                Algorithm
                <select className="input" value={profile.algorithm} onChange={(e) => set({ algorithm: e.target.value as JwtAlgorithm })}>
                  {JWT_ALGORITHMS.map((a) => (
                    <option key={a}>{a}</option>
                  ))}
                </select>
              </label>
              <label>
                exp (s from now)
                <input
                  className="input"
                  type="number"
                  value={profile.claims.expSeconds ?? ''}
                  onChange={(e) => set({ claims: { ...profile.claims, expSeconds: e.target.value === '' ? undefined : Number(e.target.value) } })}
                />
              </label>
              <label>
                nbf (s from now)
                <input
                  className="input"
                  type="number"
                  value={profile.claims.nbfSeconds ?? ''}
                  onChange={(e) => set({ claims: { ...profile.claims, nbfSeconds: e.target.value === '' ? undefined : Number(e.target.value) } })}
                />
              </label>
              <label className="sender-check">
                <input type="checkbox" checked={profile.claims.iat === true} onChange={(e) => set({ claims: { ...profile.claims, iat: e.target.checked } })} />{' '}
                iat
              </label>
              <label>
                Custom claims (JSON)
                <input
                  className="input mono"
                  defaultValue={JSON.stringify(profile.claims.custom ?? {})}
                  onBlur={(e) => {
                    try {
                      set({ claims: { ...profile.claims, custom: JSON.parse(e.target.value || '{}') } });
                      setMessage(null);
                    } catch (err) {
                      setMessage(`custom claims: ${errorMessage(err)}`);
                    }
                  }}
                />
              </label>
              {!isSymmetric(profile.algorithm) && (
                <button
                  type="button"
                  className="button button-small"
                  data-testid="generate-keys"
                  onClick={() =>
                    run(async () => {
                      const k = await generateKeyPair({ algorithm: profile.algorithm });
                      set({ secret: k.privatePem });
                      setKeys(k);
                    })
                  }
                >
                  Generate key pair
                </button>
              )}
            </>
          )}
          <div className="sender-row">
            <button
              type="button"
              className="button button-small"
              data-testid="save-profile"
              onClick={() =>
                run(async () => {
                  onChange(await saveProfile(profile));
                  setMessage('Saved.');
                })
              }
            >
              Save profile
            </button>
            {saved.some((p) => p.id === profile.id) && (
              <button
                type="button"
                className="button button-small button-danger-quiet"
                data-testid="delete-profile"
                onClick={() => {
                  deleteProfile(profile);
                  onChange(null);
                }}
              >
                Delete
              </button>
            )}
          </div>
          {keys && (
            <div className="sender-keys" data-testid="public-key">
              <p className="small muted">Paste the public key into the trigger's secret key:</p>
              <pre className="mono small">{keys.publicPem}</pre>
              <pre className="mono small">{keys.publicJwk}</pre>
            </div>
          )}
        </div>
      )}
    </fieldset>
  );
}
