import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from './open-store.js';
import { nonceFileFor } from './sqlite-nonce-file.js';

test('the nonce file sits next to the main database and keeps nonces across reopening', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'waihu-nonce-file-'));
  const main = path.join(dir, 'waihu.db');
  assert.equal(nonceFileFor(main), path.join(dir, 'waihu.nonces.db'));
  assert.equal(nonceFileFor(':memory:'), ':memory:');
  const first = await openStore({ sqliteFile: main });
  await first.migrate();
  assert.equal(await first.claimNonce('AK', 'n1', 1000, 5000), true);
  await first.close();
  assert.ok(existsSync(path.join(dir, 'waihu.nonces.db')));
  const again = await openStore({ sqliteFile: main });
  await again.migrate();
  assert.equal(await again.claimNonce('AK', 'n1', 2000, 6000), false, 'a replay after a restart is still refused');
  await again.close();
});

test('a damaged nonce file is replaced instead of stopping the server', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'waihu-nonce-file-'));
  writeFileSync(path.join(dir, 'waihu.nonces.db'), Buffer.alloc(8192, 0x5a));
  const store = await openStore({ sqliteFile: path.join(dir, 'waihu.db') });
  await store.migrate();
  assert.equal(await store.claimNonce('AK', 'n1', 1000, 5000), true);
  assert.equal(await store.claimNonce('AK', 'n1', 1000, 5000), false);
  await store.close();
});
