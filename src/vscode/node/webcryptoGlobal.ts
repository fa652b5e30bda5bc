// Injected into the desktop bundle only. VS Code releases before 1.90 run extensions on Node 16/18,
// where `globalThis.crypto` (Web Crypto) is not defined by default; the nonce code uses it in both
// hosts, so the desktop build supplies it from node:crypto when missing.
import { webcrypto } from 'node:crypto';

if (!('crypto' in globalThis)) {
  Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
}
