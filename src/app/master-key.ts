/** Where the master key for secrets at rest comes from: config, or a key file generated once. */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseMasterKey } from '../core/accounts/secret-box.js';

/** File name of the generated key inside the data dir. */
export const MASTER_KEY_FILE = 'master.key';

/**
 * Returns the configured key, or the one in `<dataDir>/master.key`, creating that file (mode 0600,
 * exclusive create so two processes starting together cannot write different keys) on first use.
 */
export function loadMasterKey(dataDir: string, configured?: string): Buffer {
  if (configured) return parseMasterKey(configured);
  const file = path.join(dataDir, MASTER_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return parseMasterKey(readFileSync(file, 'utf8'));
}
