import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

export interface ApiReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A tiny fake of the GitHub REST API on 127.0.0.1: `route(url)` decides each reply. */
export interface ApiServer {
  url: string;
  requests: RecordedRequest[];
  route: (url: string) => ApiReply;
  close(): Promise<void>;
}

export async function startApiServer(): Promise<ApiServer> {
  const api: ApiServer = {
    url: '',
    requests: [],
    route: () => ({ status: 404, body: { message: 'Not Found' } }),
    close: async () => {},
  };
  const server = http.createServer((req, res) => {
    api.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const reply = api.route(req.url ?? '');
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  api.url = `http://127.0.0.1:${port}`;
  api.close = () =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    });
  return api;
}
