import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};

/** Reads every file of the built front-end once (it is small) and pre-compresses the text ones. */
export function loadStaticFiles(distDir) {
  const files = new Map();
  if (!fs.existsSync(distDir)) return files;
  for (const entry of fs.readdirSync(distDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    const urlPath = `/${path.relative(distDir, full).split(path.sep).join('/')}`;
    const body = fs.readFileSync(full);
    const type = TYPES[path.extname(entry.name)] ?? 'application/octet-stream';
    // Hashed asset names never change content; index.html must be revalidated to pick up new hashes.
    const immutable = urlPath.startsWith('/assets/');
    files.set(urlPath, {
      body,
      gzip: type.startsWith('text/') || type.startsWith('application/json') ? gzipSync(body) : undefined,
      type,
      cacheControl: immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  }
  return files;
}

/** Serves a loaded file (or index.html for `/`); returns false when there is no such file. */
export function serveStatic(req, res, files) {
  const pathname = req.url === '/' ? '/index.html' : (req.url ?? '/').split('?')[0];
  const file = files.get(pathname);
  if (!file) return false;
  const gzip = file.gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  res.setHeader('Content-Type', file.type);
  res.setHeader('Cache-Control', file.cacheControl);
  res.setHeader('Vary', 'Accept-Encoding');
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  res.writeHead(200);
  res.end(req.method === 'HEAD' ? undefined : gzip ? file.gzip : file.body);
  return true;
}
