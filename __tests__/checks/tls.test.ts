import fs from 'node:fs';
import path from 'node:path';
import { tlsCheck } from '../../checks/tls.js';
import { createTestPki, type TestPki } from '../helpers/runtime-certs.js';
import { runtimeContext } from '../helpers/runtime-context.js';
import { type RunningServer, refusedUrl, startHttpsServer } from '../helpers/runtime-servers.js';

describe('tls check', () => {
  let pki: TestPki;
  const servers: RunningServer[] = [];
  const serve = async (tlsFiles: { key: string; cert: string }) => {
    const server = await startHttpsServer(tlsFiles, (_req, res) => res.end('ok'));
    servers.push(server);
    return server;
  };
  const run = (params: Record<string, unknown>, targetUrl?: string) =>
    tlsCheck.run(tlsCheck.params.parse(params), runtimeContext({ targetUrl, repoDir: pki.dir }));

  beforeAll(() => {
    pki = createTestPki();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    pki.cleanup();
  });

  test('skips without a target and for plain http', async () => {
    expect((await run({})).status).toBe('skipped');
    const http = await run({}, 'http://127.0.0.1:4173/');
    expect(http).toEqual({ status: 'skipped', summary: 'target is not HTTPS (http://127.0.0.1:4173)' });
  });

  test('passes for a CA-signed leaf with 90 days left, trusted through caFile', async () => {
    const server = await serve(pki.leaf(90));
    const outcome = await run({ caFile: 'ca.pem' }, server.url);
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe(
      `127.0.0.1:${server.port}: trusted chain, hostname matches, expires in 90 days (≥ 14)`,
    );
  });

  test('fails for a leaf that expires in 5 days', async () => {
    const server = await serve(pki.leaf(5));
    const outcome = await run({ caFile: path.join(pki.dir, 'ca.pem') }, server.url);
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe(`127.0.0.1:${server.port}: expires in 5 days (< 14)`);
  });

  test('fails a self-signed certificate without caFile (chain)', async () => {
    const server = await serve(pki.selfSigned());
    const outcome = await run({ url: server.url });
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toContain(
      'chain does not verify: DEPTH_ZERO_SELF_SIGNED_CERT (set caFile for a private CA)',
    );
  });

  test('fails a CA-signed leaf when the CA is not trusted (Node default CAs)', async () => {
    const server = await serve(pki.leaf(90));
    const outcome = await run({}, server.url);
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toContain('chain does not verify: UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  test('fails on a hostname mismatch', async () => {
    const server = await serve(pki.leaf(90, 'subjectAltName=DNS:shop.example'));
    const outcome = await run({ caFile: 'ca.pem' }, server.url);
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe(
      `127.0.0.1:${server.port}: hostname mismatch: 127.0.0.1 not in DNS:shop.example`,
    );
  });

  test('errors on an unreadable caFile and fails when nothing listens', async () => {
    expect((await run({ caFile: 'missing.pem' }, 'https://127.0.0.1:9/')).status).toBe('error');
    const refused = (await refusedUrl()).replace('http:', 'https:');
    const outcome = await run({}, refused);
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/TLS handshake with 127\.0\.0\.1:\d+ failed: .*ECONNREFUSED/);
    expect(fs.existsSync(pki.caFile)).toBe(true);
  });
});
