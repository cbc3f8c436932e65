#!/usr/bin/env node
// The `waihu` command. The CLI is TypeScript compiled to dist/ by `npm run build`.
import '../dist/cli/run.js';
