/**
 * Prometheus metrics with prom-client (when it is installed): `http_requests_total{method,route,code}`,
 * `http_request_duration_seconds{method,route,code}` and the default process metrics
 * (`process_resident_memory_bytes`, `process_cpu_seconds_total`, …), served at GET /metrics.
 */
const client = await import('prom-client').catch(() => undefined);

/** `/api/orders/17/advance` → `/api/orders/:id/advance`; static files are one route. */
export function routeLabel(pathname) {
  if (pathname === '/health' || pathname === '/metrics') return pathname;
  if (pathname.startsWith('/api/')) return pathname.replace(/\/\d+(?=\/|$)/g, '/:id');
  return 'static';
}

export function createMetrics({ version }) {
  if (!client) return undefined;
  const register = new client.Registry();
  register.setDefaultLabels({ app: 'restaurant-os', version });
  client.collectDefaultMetrics({ register });
  const requests = new client.Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered',
    labelNames: ['method', 'route', 'code'],
    registers: [register],
  });
  const duration = new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route', 'code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2.5, 5],
    registers: [register],
  });
  return {
    /** Call at the start of a request: records it when the response is finished. */
    observe(req, res, pathname) {
      const end = duration.startTimer();
      res.once('finish', () => {
        const labels = { method: req.method, route: routeLabel(pathname), code: String(res.statusCode) };
        requests.inc(labels);
        end(labels);
      });
    },
    async serve(res) {
      res.writeHead(200, { 'content-type': register.contentType });
      res.end(await register.metrics());
    },
  };
}
