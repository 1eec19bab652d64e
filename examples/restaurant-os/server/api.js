import { MENU } from './store.js';

const MAX_BODY_BYTES = 16 * 1024;

export function sendJson(res, status, value) {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}

/** Reads a JSON body up to 16 kB; resolves `{ value }` or `{ error }`. */
function readJson(req) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return resolve({ error: 'body too large' });
      try {
        resolve({ value: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') });
      } catch {
        resolve({ error: 'body is not valid JSON' });
      }
    });
  });
}

/** Routes /api/*; returns false for unknown paths. CORS, CSRF and rate limits are applied by app.js. */
export async function handleApi(req, res, { store, csrfToken }) {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'GET' && pathname === '/api/menu') {
    sendJson(res, 200, { items: MENU });
    return true;
  }
  if (req.method === 'GET' && pathname === '/api/session') {
    sendJson(res, 200, { csrfToken });
    return true;
  }
  if (req.method === 'GET' && pathname === '/api/orders') {
    sendJson(res, 200, { orders: store.list().slice(-50) });
    return true;
  }
  if (req.method === 'POST' && pathname === '/api/orders') {
    const body = await readJson(req);
    const result = body.error ? body : store.create(body.value);
    if (result.error) sendJson(res, 400, { error: result.error });
    else sendJson(res, 201, { order: result.order });
    return true;
  }
  const advance = /^\/api\/orders\/(\d+)\/advance$/.exec(pathname);
  if (req.method === 'POST' && advance) {
    const order = store.advance(Number(advance[1]));
    if (order) sendJson(res, 200, { order });
    else sendJson(res, 404, { error: 'no such order' });
    return true;
  }
  return false;
}
