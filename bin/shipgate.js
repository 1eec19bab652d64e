#!/usr/bin/env node
// The CLI is bundled into dist/cli.js (npm run build); dist/ is committed.
await import('../dist/cli.js');
