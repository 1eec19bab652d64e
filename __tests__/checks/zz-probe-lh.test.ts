import { measureLighthouse } from '../../checks/lib/lighthouse-run.js';
import { startStaticServer } from '../../checks/lib/static-server.js';
import { makeRepo, removeRepo } from '../helpers/build-fixtures.js';
test('timing', async () => {
  const repo = makeRepo({ 'dist/index.html': '<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><title>x</title></head><body><h1>hi</h1></body></html>' });
  const server = await startStaticServer(`${repo}/dist`);
  const stamps: number[] = [Date.now()];
  const m = await measureLighthouse({ url: server.url, runs: 3, chromePath: '/usr/lib/chromium/chromium', signal: new AbortController().signal, log: (l) => { stamps.push(Date.now()); console.log(l, Date.now() - stamps[0]!); } });
  console.log(JSON.stringify(m), Date.now() - stamps[0]!);
  await server.close(); removeRepo(repo);
}, 120000);
