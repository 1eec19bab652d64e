import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export interface RunningServer {
  url: string;
  port: number;
  server: http.Server;
  close(): Promise<void>;
}

async function listen(server: http.Server, scheme: 'http' | 'https'): Promise<RunningServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}/`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A real HTTP server on 127.0.0.1, random port. */
export function startHttpServer(handler: http.RequestListener): Promise<RunningServer> {
  return listen(http.createServer({ keepAlive: true }, handler), 'http');
}

/** A real HTTPS server on 127.0.0.1 with the given PEM key/cert chain. */
export function startHttpsServer(tls: { key: string; cert: string }, handler: http.RequestListener) {
  return listen(https.createServer(tls, handler), 'https');
}

/** An address that refuses connections: a server bound then closed. */
export async function refusedUrl(): Promise<string> {
  const probe = await startHttpServer((_req, res) => res.end());
  await probe.close();
  return probe.url;
}
