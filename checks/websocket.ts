import { defineCheck } from './check.js';
import { websocketContract } from './contracts/websocket.js';
import { findWebSocketUse } from './lib/detect/websocket-use.js';
import { resolveTarget } from './lib/http/http-target.js';
import { formatMs, nearestRank } from './lib/load/load-percentile.js';
import { probeWebSocket } from './lib/load/load-ws-probe.js';

/** `http://host/` → `ws://host/ws`, `https://` → `wss://`. */
function toWebSocketUrl(url: URL): URL {
  const ws = new URL(url.href);
  ws.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return ws;
}

/** Concurrent WebSocket clients measuring round-trip latency (protocol ping/pong or a JSON echo). */
export const websocketCheck = defineCheck({
  ...websocketContract,
  async run(params, ctx) {
    const target = resolveTarget(ctx, params.path);
    if (!target.ok) return target.outcome;
    const use = await ctx.memo(`websocket-use:${ctx.repoDir}`, async () => findWebSocketUse(ctx.repoDir));
    if (!use) {
      return {
        status: 'skipped',
        summary:
          'not applicable: the app serves no WebSocket (no ws/socket.io/… in package.json dependencies, no WebSocket server in its sources)',
      };
    }
    const url = toWebSocketUrl(target.url);
    const key = `websocket:${url.href}:${params.clients}:${params.messages}:${params.mode}:${params.timeoutMs}`;
    const result = await ctx.memo(key, () => {
      ctx.log(
        `websocket: ${params.clients} clients × ${params.messages} ${params.mode} round trips on ${url.href}`,
      );
      return probeWebSocket({
        url,
        clients: params.clients,
        messagesPerClient: params.messages,
        mode: params.mode,
        timeoutMs: params.timeoutMs,
        signal: ctx.signal,
      });
    });
    const p95 = nearestRank(result.rtts, 95);
    const expected = params.clients * params.messages;
    const details = [
      `${result.connected}/${params.clients} clients connected, ${result.rtts.length}/${expected} round trips answered (${params.mode} mode)`,
      result.rtts.length > 0
        ? `p50 ${formatMs(nearestRank(result.rtts, 50))} ms, p95 ${formatMs(p95)} ms`
        : '',
      ...result.failures.map((reason) => `failure: ${reason}`),
    ]
      .filter(Boolean)
      .join('\n');
    const metrics = { p95Ms: p95, clients: result.connected, roundTrips: result.rtts.length };
    if (result.connected === 0) {
      return {
        status: 'fail',
        summary: `no WebSocket connection to ${url.href}: ${result.failures[0] ?? 'unknown'}`,
        details,
      };
    }
    if (result.failureCount > 0) {
      const summary = `${result.failureCount} of ${params.clients} clients failed (${result.failures[0]}); p95 ${formatMs(p95)} ms`;
      return { status: 'fail', summary, details, metrics };
    }
    const ok = p95 < params.max;
    const summary = `p95 round trip ${formatMs(p95)} ms ${ok ? '<' : '≥'} ${params.max} ms (${params.clients} clients × ${params.messages})`;
    return { status: ok ? 'pass' : 'fail', summary, details, metrics };
  },
});
