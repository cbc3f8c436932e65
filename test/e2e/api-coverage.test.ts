import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apiCoverageOf, createApp } from '../../src/app/app.js';
import { createLogger } from '../../src/app/logger.js';
import { loadConfig } from '../../src/config/config.js';

test('docs/api-coverage.md matches the registry (run npm run gen:coverage after changing actions)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'waihu-cov-'));
  const app = await createApp(loadConfig({}, dir, { dataDir: dir }), { logger: createLogger('silent') });
  try {
    const expected = apiCoverageOf(app);
    const committed = readFileSync(new URL('../../docs/api-coverage.md', import.meta.url), 'utf8');
    assert.equal(committed, expected);
    assert.match(expected, /\| dyvmsapi \| 2017-05-25 \| \d+ \|/);
    assert.match(expected, /`CancelCall` \| NotImplemented \(501\) \| SDK model only/);
    assert.match(expected, /`IvrCall` \| \*\*built\*\*/);
    assert.match(expected, /`GetCallerIdentity` \| \*\*built\*\*/);
  } finally {
    await app.close();
  }
});
