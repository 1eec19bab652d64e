/** The one GET behind a "likely cause" line: redirects hop by hop, status and a bounded body, on loopback. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { probePage } from '../../checks/lib/lighthouse/lighthouse-run.js';

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/old') res.writeHead(301, { location: '/login' }).end();
    else if (req.url === '/login') res.writeHead(302, { location: 'https://auth.example.com/' }).end();
    else if (req.url === '/broken')
      res.writeHead(500, { 'content-type': 'text/html' }).end('<title>Internal Error</title>');
    else if (req.url === '/big')
      res.writeHead(200, { 'content-type': 'text/html' }).end('x'.repeat(1024 * 1024));
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('probePage', () => {
  it('follows a local redirect and stops before another host', async () => {
    const probe = await probePage(`${base}/old`, new AbortController().signal);
    expect(probe.hops).toEqual([
      { url: `${base}/old`, status: 301, location: '/login' },
      { url: `${base}/login`, status: 302, location: 'https://auth.example.com/' },
    ]);
    expect(probe.body).toBeUndefined();
  });

  it('reads the status, content type and body of an error page', async () => {
    const probe = await probePage(`${base}/broken`, new AbortController().signal);
    expect(probe.hops).toEqual([{ url: `${base}/broken`, status: 500, location: undefined }]);
    expect(probe).toMatchObject({ contentType: 'text/html', body: '<title>Internal Error</title>' });
  });

  it('reads at most 256 kB of a body', async () => {
    const probe = await probePage(`${base}/big`, new AbortController().signal);
    expect(probe.body).toHaveLength(256 * 1024);
  });

  it('a refused connection is the error, not a throw', async () => {
    const probe = await probePage('http://127.0.0.1:1/', new AbortController().signal);
    expect(probe.hops).toEqual([]);
    expect(probe.error).toMatch(/ECONNREFUSED/);
  });
});
