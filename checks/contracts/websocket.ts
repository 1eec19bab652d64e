import { z } from 'zod';
import { defineContract } from '../contract.js';

const Params = z.object({
  path: z.string().default('/ws'),
  clients: z.coerce.number().int().min(1).max(500).default(50),
  messages: z.coerce.number().int().min(1).max(200).default(20),
  /** Max p95 round trip, ms. */
  max: z.coerce.number().positive().default(500),
  mode: z.enum(['ping', 'echo']).default('ping'),
  timeoutMs: z.coerce.number().int().positive().max(30_000).default(5000),
});

export const websocketContract = defineContract({
  id: 'websocket',
  measures: 'app',
  usesTarget: true,
  exclusive: true,
  title: 'WebSocket round-trip latency under concurrent clients',
  proves:
    "`clients` concurrent WebSocket clients each get `messages` round trips (protocol ping/pong, or a JSON echo) on `path` with p95 under `max` ms. Skipped (not applicable) when the app shows no WebSocket server: no server package (ws, socket.io, …) in `dependencies` and no `new WebSocketServer`/upgrade handler in its sources. Does not prove the app's own message handling beyond the echo.",
  params: Params,
  applicability: {
    needs: [{ trait: 'websocket', otherwise: 'dropped', reason: 'no WebSocket server found' }],
    bind: [{ reason: '{websocket}' }],
  },
});
