import { HMAC_ALGORITHMS, JWT_ALGORITHMS, type EnvVariable, type WebAuthCondition } from '../../../../../shared/trigger';
import { withAuthType } from '../lib/draftOps';
import { controlProps, EditorField } from './EditorField';
import { FormatInput } from './FormatInput';
import { fieldId, useIssues } from './issuesContext';
import { LookupFields } from './LookupFields';
import { SecretKeyInput } from './SecretKeyInput';

const AUTH_TYPES: { id: WebAuthCondition['authType']; label: string }[] = [
  { id: 'static', label: 'Static token' },
  { id: 'hmac', label: 'HMAC' },
  { id: 'jwt', label: 'JWT' },
];

export function WebAuthFields({ value, path, env, onChange }: { value: WebAuthCondition; path: string; env: EnvVariable[] | null; onChange(next: WebAuthCondition): void }) {
  const formatIssues = useIssues(`${path}.hmacFormat`);
  const algorithms = value.authType === 'jwt' ? JWT_ALGORITHMS : HMAC_ALGORITHMS;
  const publicKey = value.authType === 'jwt' && !!value.algorithm && !value.algorithm.startsWith('HS');
  return (
    <>
      <EditorField label="Auth type" path={`${path}.authType`}>
        <div className="segmented" role="radiogroup" id={fieldId(`${path}.authType`)}>
          {AUTH_TYPES.map((t) => (
            <button key={t.id} type="button" role="radio" aria-checked={value.authType === t.id} className={`segmented-item${value.authType === t.id ? ' is-active' : ''}`} data-testid={`authtype-${t.id}-${path}`} onClick={() => onChange(withAuthType(value, t.id))}>
              {t.label}
            </button>
          ))}
        </div>
      </EditorField>
      <LookupFields value={value} path={path} onChange={(l) => onChange({ ...value, ...l })} />
      <EditorField label={publicKey ? 'Public key' : 'Secret key'} path={`${path}.secretKey`} wide>
        <SecretKeyInput value={value.secretKey} path={`${path}.secretKey`} env={env} publicKey={publicKey} onChange={(secretKey) => onChange({ ...value, secretKey })} />
      </EditorField>
      {value.authType !== 'static' && (
        <EditorField label="Algorithm" path={`${path}.algorithm`}>
          <select className="input" {...controlProps(`${path}.algorithm`, undefined)} value={value.algorithm ?? ''} onChange={(e) => onChange({ ...value, algorithm: e.target.value })}>
            {value.algorithm === undefined && <option value="">(default sha256)</option>}
            {algorithms.map((a) => <option key={a} value={a}>{a}{['sha224', 'sha384', 'md5'].includes(a) ? ' (extension)' : ''}</option>)}
          </select>
        </EditorField>
      )}
      {value.authType === 'hmac' && (
        <>
          <EditorField label="Basestring format" path={`${path}.hmacFormat`} wide hint="What is signed: literal text with {body} and {header:Name} filled in from the request.">
            <FormatInput value={value.hmacFormat ?? '{body}'} id={fieldId(`${path}.hmacFormat`)} testId={`input-${path}.hmacFormat`} invalid={!!formatIssues.error} onChange={(hmacFormat) => onChange({ ...value, hmacFormat })} />
          </EditorField>
          <EditorField label="Encoding" path={`${path}.encoding`}>
            <select className="input" {...controlProps(`${path}.encoding`, undefined)} value={value.encoding ?? 'hex'} onChange={(e) => onChange({ ...value, encoding: e.target.value as 'hex' | 'base64' })}>
              <option value="hex">hex (compared case-insensitively)</option>
              <option value="base64">base64 (extension)</option>
            </select>
          </EditorField>
        </>
      )}
    </>
  );
}
