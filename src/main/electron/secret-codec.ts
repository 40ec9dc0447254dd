// Secrets at rest through the OS keychain (safeStorage) when it is available.
import { safeStorage } from 'electron';
import type { SecretCodec } from '../engine/ports';

const PREFIX = 'safe:';

export function safeStorageCodec(): SecretCodec | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  return {
    encrypted: true,
    encrypt: (plain) => PREFIX + safeStorage.encryptString(plain).toString('base64'),
    // values written before encryption was available are read as they are
    decrypt: (stored) => (stored.startsWith(PREFIX) ? safeStorage.decryptString(Buffer.from(stored.slice(PREFIX.length), 'base64')) : stored),
  };
}
