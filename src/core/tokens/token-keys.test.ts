import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { ManualClock } from '../../ports/clock.js';
import { SecretBox } from '../accounts/secret-box.js';
import { verifyJwt } from './jwt.js';
import { TOKEN_KEY_FILES, TokenKeyStore } from './token-keys.js';
import { TokenService } from './token-service.js';

const root = mkdtempSync(path.join(tmpdir(), 'waihu-token-keys-'));
after(() => rmSync(root, { recursive: true, force: true }));
const master = randomBytes(32);

test('the pair is created on first use: private key sealed in a 0600 file, public key as PEM', async () => {
  const dir = path.join(root, 'first');
  const keys = await new TokenKeyStore(dir, new SecretBox(master)).keys();
  const sealedFile = path.join(dir, TOKEN_KEY_FILES.sealedPrivateKey);
  assert.equal(statSync(sealedFile).mode & 0o777, 0o600);
  const sealed = readFileSync(sealedFile, 'utf8');
  assert.match(sealed, /^v1:/);
  assert.doesNotMatch(sealed, /PRIVATE KEY/, 'no plaintext key at rest');
  assert.equal(new SecretBox(master).open(sealed.trim()), keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  assert.equal(readFileSync(path.join(dir, TOKEN_KEY_FILES.publicKey), 'utf8'), keys.publicKeyPem);
  assert.match(keys.publicKeyPem, /^-----BEGIN PUBLIC KEY-----/);
});

test('a restarted store loads the same pair, so earlier tokens still verify; another master key cannot open it', async () => {
  const dir = path.join(root, 'restart');
  const clock = new ManualClock(1_700_000_000_000);
  const { token } = await new TokenService(new TokenKeyStore(dir, new SecretBox(master)), clock).issueAccessToken('1001', 'dyvms');
  const restarted = new TokenKeyStore(dir, new SecretBox(master));
  const verdict = await new TokenService(restarted, clock).verifyToken(token);
  assert.equal(verdict.ok && verdict.claims.sub, '1001');
  assert.equal(verifyJwt(token, readFileSync(restarted.publicKeyPath(), 'utf8'), clock.now()).ok, true);
  await assert.rejects(new TokenKeyStore(dir, new SecretBox(randomBytes(32))).keys());
});

test('stores racing on an empty directory agree on one pair', async () => {
  const dir = path.join(root, 'race');
  const all = await Promise.all([1, 2, 3].map(() => new TokenKeyStore(dir, new SecretBox(master)).keys()));
  assert.equal(new Set(all.map((k) => k.kid)).size, 1);
});
