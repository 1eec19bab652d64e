import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureLighthouse } from '../../checks/lib/lighthouse-run.js';
import { startStaticServer } from '../../checks/lib/static-server.js';

test('probe', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lh-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="en"><title>x</title><body><h1>hi</h1><script>console.error("boom")</script></body></html>');
  const server = await startStaticServer(dir);
  const t = Date.now();
  try {
    const m = await measureLighthouse({ url: server.url, runs: 1, chromePath: '/usr/lib/chromium/chromium', signal: new AbortController().signal, log: console.log });
    console.log(JSON.stringify(m), Date.now() - t);
  } finally {
    await server.close();
  }
}, 120000);
