// The run-info request for a tracked run, built fresh for every poll so its timestamp and
// signature are new: POST JSON for body-signing profiles, GET ?run_id= for header/query tokens.
import { utf8 } from '@shared/triggers/bytes';
import type { OutgoingRequest, SigningProfile } from '@shared/signing/types';

export function runInfoRequest(runInfoUrl: string, runId: string, profile: SigningProfile | null): OutgoingRequest {
  const placement = profile && profile.kind !== 'provider' ? profile.placement.namespace : null;
  const signsBody = profile?.kind === 'hmac' || profile?.kind === 'provider';
  if (!signsBody && (placement === null || placement === 'header' || placement === 'query')) {
    const u = new URL(runInfoUrl);
    u.searchParams.set('run_id', runId);
    return { method: 'GET', url: u.toString(), headers: [], body: new Uint8Array() };
  }
  if (placement === 'form') {
    return {
      method: 'POST',
      url: runInfoUrl,
      headers: [['Content-Type', 'application/x-www-form-urlencoded']],
      body: utf8(new URLSearchParams({ run_id: runId }).toString()),
    };
  }
  return { method: 'POST', url: runInfoUrl, headers: [['Content-Type', 'application/json']], body: utf8(JSON.stringify({ run_id: runId })) };
}
