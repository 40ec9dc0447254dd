// Builds the typed client from the runtime list of calls, so its shape is the contract's and
// a call missing here is impossible by construction.
import { API_METHODS } from '@shared/contract';
import type { ApiClient, ApiMethod } from '@shared/contract';
import type { Transport } from './transport';

export function createApiClient(invoke: Transport['invoke']): ApiClient {
  const client: Partial<Record<ApiMethod, (args?: unknown) => Promise<unknown>>> = {};
  for (const method of API_METHODS) {
    // void calls carry null on the wire (JSON has no undefined)
    client[method] = (args?: unknown) => invoke(method, args === undefined ? null : args);
  }
  return client as ApiClient;
}
