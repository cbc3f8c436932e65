#!/usr/bin/env node
// The `waihu` command. The CLI is TypeScript compiled to dist/ by `npm run build`.
// The heap tuning comes first, before the CLI is loaded and allocates (src/config/heap-tuning.ts).
import { applyHeapTuning } from '../dist/config/heap-tuning.js';

try {
  applyHeapTuning();
} catch (err) {
  console.error(`waihu: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
await import('../dist/cli/run.js');
