import { join } from 'node:path';
import { listSourceFiles, readPackage, readSmallFile } from './repo-files.js';

/** Packages that serve WebSockets (a client library alone does not make the app a WebSocket server). */
export const WEBSOCKET_SERVER_PACKAGES = [
  'ws',
  'socket.io',
  '@fastify/websocket',
  'fastify-websocket',
  'express-ws',
  'koa-websocket',
  '@nestjs/websockets',
  '@nestjs/platform-socket.io',
  '@nestjs/platform-ws',
  'uWebSockets.js',
  'graphql-ws',
  'subscriptions-transport-ws',
  'sockjs',
  'faye-websocket',
  'websocket',
  '@hocuspocus/server',
  'y-websocket',
  'crossws',
  '@hono/node-ws',
  'partykit',
];

const SERVER_SOURCE =
  /\bnew\s+WebSocketServer\s*\(|\bWebSocket\.Server\s*\(|\bDeno\.upgradeWebSocket\b|\bBun\.serve\b[\s\S]{0,400}\bwebsocket\s*:|\.on\(\s*['"]upgrade['"]/;

/** Where the app shows it serves WebSockets (`package.json: ws`, `server.ts: new WebSocketServer`), if it does. */
export function findWebSocketUse(repoDir: string): string | undefined {
  const pkg = readPackage(repoDir);
  const dep = pkg && WEBSOCKET_SERVER_PACKAGES.find((name) => pkg.runtimeDeps.has(name));
  if (dep) return `package.json depends on ${dep}`;
  for (const file of listSourceFiles(repoDir)) {
    if (SERVER_SOURCE.test(readSmallFile(join(repoDir, file)))) return `${file} serves WebSocket upgrades`;
  }
  return undefined;
}
