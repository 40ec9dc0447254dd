// A failure of the disk, not of the caller's input: no space (ENOSPC, EDQUOT, EFBIG), no
// permission (EACCES, EPERM, EROFS), an I/O error… Such errors come from a system call, so
// they carry `syscall` and an errno `code`. The API answers them with code `storage_error`
// and a 5xx, never `invalid`: the same request may succeed once the disk is fixed.
import { errorMessage } from '@shared/error-message';

export const STORAGE_ERROR_CODE = 'storage_error';

export function isStorageFailure(error: unknown): error is NodeJS.ErrnoException {
  const e = error as NodeJS.ErrnoException | null;
  return typeof e === 'object' && e !== null && typeof e.syscall === 'string' && typeof e.code === 'string' && /^E[A-Z0-9]+$/.test(e.code);
}

/** "could not write /x/workspace.json: ENOSPC: no space left on device, write" */
export function describeStorageFailure(error: NodeJS.ErrnoException, what?: string): string {
  const detail = errorMessage(error);
  return what ? `could not write ${what}: ${detail}` : `storage failure: ${detail}`;
}
