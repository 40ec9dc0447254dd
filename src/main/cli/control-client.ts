// Calls into a running `serve` through its control API (POST /api/call/<method>, bearer token).
import type { ApiMethod, ApiArgs, ApiResult } from '@shared/contract';
import { WEB_CALL_PREFIX } from '@shared/contract';
import type { CallEnvelope } from '@shared/transport';
import { CliError } from './command';
import type { ControlEndpoint } from './control-file';

export interface ControlClient {
  readonly endpoint: ControlEndpoint;
  call<M extends ApiMethod>(method: M, args?: ApiArgs<M>): Promise<ApiResult<M>>;
}

export function controlClient(endpoint: ControlEndpoint): ControlClient {
  return {
    endpoint,
    async call(method, args) {
      let response: Response;
      try {
        response = await fetch(`${endpoint.url}${WEB_CALL_PREFIX}${method}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${endpoint.token}`, 'content-type': 'application/json' },
          body: args === undefined ? '' : JSON.stringify(args),
        });
      } catch (error) {
        throw new CliError(`the running serve (pid ${endpoint.pid}) does not answer at ${endpoint.url}: ${(error as Error).message}`);
      }
      const envelope = (await response.json()) as CallEnvelope<typeof method>;
      if (!envelope.ok) throw new CliError(`${envelope.error.path ? `${envelope.error.path}: ` : ''}${envelope.error.message}`);
      return envelope.result;
    },
  };
}
