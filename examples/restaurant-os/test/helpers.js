import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../server/app.js';

/** A tiny stand-in for dist/, so server tests do not depend on a prior build. */
export function makeDist() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'restaurant-os-dist-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Restaurant OS</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'main-TEST.js'), 'export const answer = 42;\n'.repeat(20));
  return dir;
}

/** Starts the real server on 127.0.0.1, random port. */
export async function startApp(options = {}) {
  const distDir = options.distDir ?? makeDist();
  const app = createApp({ distDir, env: options.env ?? {}, limits: options.limits });
  await new Promise((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.server.address();
  return { ...app, port, base: `http://127.0.0.1:${port}` };
}
