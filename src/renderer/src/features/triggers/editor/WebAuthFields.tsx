import { WEB_AUTH_KINDS, WEB_AUTH_TYPES, webAuthKind } from '@shared/kinds/web-auth';
import type { EnvVariable, WebAuthCondition } from '@shared/trigger';
import { withAuthType } from '../lib/draftOps';
import { EditorField } from './EditorField';
import { fieldId } from './issuesContext';
import { LookupFields } from './LookupFields';
import { SecretKeyInput } from './SecretKeyInput';
import { WEB_AUTH_EDITORS } from './web-auth/registry';

export function WebAuthFields({
  value,
  path,
  env,
  onChange,
}: {
  value: WebAuthCondition;
  path: string;
  env: EnvVariable[] | null;
  onChange(next: WebAuthCondition): void;
}) {
  const publicKey = webAuthKind(value)?.secretKeyIsSecret(value) === false;
  const TypeFields = Object.hasOwn(WEB_AUTH_EDITORS, value.authType) ? WEB_AUTH_EDITORS[value.authType] : null;
  return (
    <>
      <EditorField label="Auth type" path={`${path}.authType`}>
        <div className="segmented" role="radiogroup" id={fieldId(`${path}.authType`)}>
          {WEB_AUTH_TYPES.map((id) => (
            <button
              key={id}
              type="button"
              role="radio"
              aria-checked={value.authType === id}
              className={`segmented-item${value.authType === id ? ' is-active' : ''}`}
              data-testid={`authtype-${id}-${path}`}
              onClick={() => onChange(withAuthType(value, id))}
            >
              {WEB_AUTH_KINDS[id].label}
            </button>
          ))}
        </div>
      </EditorField>
      <LookupFields value={value} path={path} onChange={(l) => onChange({ ...value, ...l })} />
      <EditorField label={publicKey ? 'Public key' : 'Secret key'} path={`${path}.secretKey`} wide>
        <SecretKeyInput
          value={value.secretKey}
          path={`${path}.secretKey`}
          env={env}
          publicKey={publicKey}
          onChange={(secretKey) => onChange({ ...value, secretKey })}
        />
      </EditorField>
      {TypeFields && <TypeFields value={value} path={path} onChange={onChange} />}
    </>
  );
}
