import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  listSourceFiles,
  readPackage,
  readSmallFile
} from "./chunk-AA4V3XL4.js";

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
  findWebSocketUse
};
