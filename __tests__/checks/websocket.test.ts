import { type WebSocket, WebSocketServer } from 'ws';
import { websocketCheck } from '../../checks/websocket.js';
import { runtimeContext } from '../helpers/runtime-context.js';
import { type RunningServer, refusedUrl, startHttpServer } from '../helpers/runtime-servers.js';

/** A ws server on an HTTP server; `onConnection` decides how it answers. */
async function startWsServer(options: { autoPong: boolean }, onConnection: (socket: WebSocket) => void) {
  const http = await startHttpServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ server: http.server, path: '/ws', autoPong: options.autoPong });
  wss.on('connection', onConnection);
  return {
    url: http.url,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await http.close();
    },
  };
}

const run = (params: Record<string, unknown>, targetUrl?: string) =>
  websocketCheck.run(websocketCheck.params.parse(params), runtimeContext({ targetUrl }));

describe('websocket check', () => {
  let fast: { url: string; close(): Promise<void> };
  let slow: { url: string; close(): Promise<void> };
  let plainHttp: RunningServer;
  beforeAll(async () => {
    // Answers pings automatically and echoes every message.
    fast = await startWsServer({ autoPong: true }, (socket) => {
      socket.on('message', (data) => socket.send(data.toString()));
    });
    // Answers pings and echoes only after 600 ms.
    slow = await startWsServer({ autoPong: false }, (socket) => {
      socket.on('ping', (data) => setTimeout(() => socket.pong(data), 600));
      socket.on('message', (data) => setTimeout(() => socket.send(data.toString()), 600));
    });
    plainHttp = await startHttpServer((_req, res) => res.writeHead(404).end());
  });
  afterAll(async () => {
    await fast.close();
    await slow.close();
    await plainHttp.close();
  });

  test('skips without a target URL', async () => {
    const outcome = await run({});
    expect(outcome.status).toBe('skipped');
  });

  test('ping/pong against a fast server passes', async () => {
    const outcome = await run({ clients: 20, messages: 10 }, fast.url);
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/^p95 round trip [\d.]+ ms < 500 ms \(20 clients × 10\)$/);
    expect(outcome.metrics?.roundTrips).toBe(200);
  });

  test('echo mode against a fast echo server passes', async () => {
    const outcome = await run({ clients: 10, messages: 5, mode: 'echo' }, fast.url);
    expect(outcome.status).toBe('pass');
    expect(outcome.details).toContain('50/50 round trips answered (echo mode)');
  });

  test.each(['ping', 'echo'])('%s mode against a server answering after 600 ms fails', async (mode) => {
    const outcome = await run({ clients: 5, messages: 2, mode }, slow.url);
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/^p95 round trip \d+ ms ≥ 500 ms/);
  });

  test('a round trip that never comes back fails with the timeout', async () => {
    const silent = await startWsServer({ autoPong: false }, () => {});
    try {
      const outcome = await run({ clients: 3, messages: 2, timeoutMs: 300 }, silent.url);
      expect(outcome.status).toBe('fail');
      expect(outcome.summary).toContain('3 of 3 clients failed (no pong within 300 ms)');
    } finally {
      await silent.close();
    }
  });

  test('no server listening fails with the connection error', async () => {
    const outcome = await run({ clients: 3, messages: 1 }, await refusedUrl());
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(
      /^no WebSocket connection to ws:\/\/127\.0\.0\.1:\d+\/ws: connect: .*ECONNREFUSED/,
    );
  });

  test('an HTTP server without WebSocket support fails clearly', async () => {
    const outcome = await run({ clients: 2, messages: 1 }, plainHttp.url);
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toContain('HTTP 404 instead of a WebSocket upgrade');
  });
});
