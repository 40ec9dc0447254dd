// The composer's editable state and how it becomes a SendDraft (body modes → exact bytes).
import type { HeaderTuple } from '@shared/capture';
import type { SendDraft, SigningProfile } from '@shared/signing/types';
import { toBase64, utf8 } from '@shared/triggers/bytes';
import { errorMessage } from '@shared/error-message';

export type BodyMode = 'raw' | 'json' | 'form' | 'file';

export interface ComposerState {
  url: string;
  method: string;
  headers: HeaderTuple[];
  bodyMode: BodyMode;
  raw: string;
  form: HeaderTuple[];
  fileBase64: string;
  fileName: string;
  profile: SigningProfile | null;
  /** the user's choice; null: follow the URL (on for a trigger launch URL, off otherwise) */
  track: boolean | null;
  /** dotted JSON path to the run id in the response; empty: find any run-id-like string */
  runIdPath: string;
}

export const emptyComposer = (url = ''): ComposerState => ({
  url,
  method: 'POST',
  headers: [['Content-Type', 'application/json']],
  bodyMode: 'json',
  raw: '{\n  "hello": "valohai"\n}',
  form: [['hello', 'valohai']],
  fileBase64: '',
  fileName: '',
  profile: null,
  track: null,
  runIdPath: '',
});

/** null when valid; the parser's message otherwise */
export function jsonProblem(text: string): string | null {
  if (text.trim() === '') return null;
  try {
    JSON.parse(text);
    return null;
  } catch (err) {
    return errorMessage(err);
  }
}

export function bodyBase64(s: ComposerState): string {
  switch (s.bodyMode) {
    case 'raw':
    case 'json':
      return toBase64(utf8(s.raw));
    case 'form':
      return toBase64(utf8(new URLSearchParams(s.form.filter(([k]) => k !== '')).toString()));
    case 'file':
      return s.fileBase64;
  }
}

export function toDraft(s: ComposerState): SendDraft {
  let headers = s.headers.filter(([n]) => n.trim() !== '');
  const hasType = headers.some(([n]) => n.toLowerCase() === 'content-type');
  if (!hasType && s.bodyMode === 'json') headers = [...headers, ['Content-Type', 'application/json']];
  if (!hasType && s.bodyMode === 'form') headers = [...headers, ['Content-Type', 'application/x-www-form-urlencoded']];
  return { url: s.url.trim(), method: s.method, headers, bodyBase64: bodyBase64(s), ...(s.profile ? { profile: s.profile } : {}) };
}
