import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  listSourceFiles,
  readPackage,
  readSmallFile
} from "./chunk-AA4V3XL4.js";
import {
  defineContract,
  external_exports
} from "./chunk-PZ57HXUH.js";

// checks/contracts/websocket.ts
var Params = external_exports.object({
  path: external_exports.string().default("/ws"),
  clients: external_exports.coerce.number().int().min(1).max(500).default(50),
  messages: external_exports.coerce.number().int().min(1).max(200).default(20),
  /** Max p95 round trip, ms. */
  max: external_exports.coerce.number().positive().default(500),
  mode: external_exports.enum(["ping", "echo"]).default("ping"),
  timeoutMs: external_exports.coerce.number().int().positive().max(3e4).default(5e3)
});
var websocketContract = defineContract({
  id: "websocket",
  measures: "app",
  usesTarget: true,
  exclusive: true,
  title: "WebSocket round-trip latency under concurrent clients",
  proves: "`clients` concurrent WebSocket clients each get `messages` round trips (protocol ping/pong, or a JSON echo) on `path` with p95 under `max` ms. Skipped (not applicable) when the app shows no WebSocket server: no server package (ws, socket.io, \u2026) in `dependencies` and no `new WebSocketServer`/upgrade handler in its sources. Does not prove the app's own message handling beyond the echo.",
  params: Params,
  applicability: {
    needs: [{ trait: "websocket", otherwise: "dropped", reason: "no WebSocket server found" }],
    bind: [{ reason: "{websocket}" }]
  }
});

// checks/lib/detect/websocket-use.ts
import { join } from "node:path";
var WEBSOCKET_SERVER_PACKAGES = [
  "ws",
  "socket.io",
  "@fastify/websocket",
  "fastify-websocket",
  "express-ws",
  "koa-websocket",
  "@nestjs/websockets",
  "@nestjs/platform-socket.io",
  "@nestjs/platform-ws",
  "uWebSockets.js",
  "graphql-ws",
  "subscriptions-transport-ws",
  "sockjs",
  "faye-websocket",
  "websocket",
  "@hocuspocus/server",
  "y-websocket",
  "crossws",
  "@hono/node-ws",
  "partykit"
];
var SERVER_SOURCE = /\bnew\s+WebSocketServer\s*\(|\bWebSocket\.Server\s*\(|\bDeno\.upgradeWebSocket\b|\bBun\.serve\b[\s\S]{0,400}\bwebsocket\s*:|\.on\(\s*['"]upgrade['"]/;
function findWebSocketUse(repoDir) {
  const pkg = readPackage(repoDir);
  const dep = pkg && WEBSOCKET_SERVER_PACKAGES.find((name) => pkg.runtimeDeps.has(name));
  if (dep) return `package.json depends on ${dep}`;
  for (const file of listSourceFiles(repoDir)) {
    if (SERVER_SOURCE.test(readSmallFile(join(repoDir, file)))) return `${file} serves WebSocket upgrades`;
  }
  return void 0;
}

export {
  websocketContract,
  findWebSocketUse
};
