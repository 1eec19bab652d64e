/** A tiny webhook receiver for tests: verifies X-Hub-Signature-256 with @octokit/webhooks and records events. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhooks } from '@octokit/webhooks';

export interface ReceivedWebhook {
  event: string;
  deliveryId: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  payload: Record<string, unknown>;
  verified: boolean;
}
export interface Receiver {
  url: string;
  received: ReceivedWebhook[];
  /** status to answer verified deliveries with (default 200) */
  respondWith: number;
  close(): Promise<void>;
}

export async function startReceiver(secret: string): Promise<Receiver> {
  const webhooks = new Webhooks({ secret });
  const received: ReceivedWebhook[] = [];
  const state = { respondWith: 200 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const sig = req.headers['x-hub-signature-256'];
        const verified = typeof sig === 'string' && (await webhooks.verify(body, sig).catch(() => false));
        let payload: Record<string, unknown> = {};
        try {
          payload = JSON.parse(body) as Record<string, unknown>;
        } catch {
          // negative tests send garbage on purpose
        }
        received.push({
          event: String(req.headers['x-github-event']),
          deliveryId: String(req.headers['x-github-delivery']),
          headers: req.headers,
          body,
          payload,
          verified,
        });
        res.writeHead(verified ? state.respondWith : 401).end();
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`,
    received,
    get respondWith() {
      return state.respondWith;
    },
    set respondWith(v: number) {
      state.respondWith = v;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
