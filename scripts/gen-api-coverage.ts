// Writes docs/api-coverage.md from the live gateway registry (run: npm run gen:coverage).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apiCoverageOf, createApp } from '../src/app/app.js';
import { createLogger } from '../src/app/logger.js';
import { loadConfig } from '../src/config/config.js';

const dir = mkdtempSync(path.join(tmpdir(), 'waihu-coverage-'));
const app = await createApp(loadConfig({}, dir, { dataDir: dir }), { logger: createLogger('silent') });
try {
  const file = path.join(import.meta.dirname, '..', 'docs', 'api-coverage.md');
  writeFileSync(file, apiCoverageOf(app));
  console.log(`wrote ${file}`);
} finally {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}
