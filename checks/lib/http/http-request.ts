import http from 'node:http';
import https from 'node:https';

export interface HttpRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Reuse connections for bursts. */
  agent?: http.Agent;
  /** Read at most this many body bytes (the rest is drained). */
  maxBodyBytes?: number;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Time to the complete response, in ms (float). */
  ms: number;
}

/**
 * One HTTP(S) request with node:http, so headers such as `Origin` are sent verbatim (fetch may rewrite
 * them) and `set-cookie` stays an array. Rejects on network error or timeout.
 */
export function httpRequest(url: URL, options: HttpRequestOptions): Promise<HttpResponse> {
  const client = url.protocol === 'https:' ? https : http;
  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: options.method ?? 'GET',
        headers: { 'user-agent': 'shipgate', ...options.headers },
        timeout: options.timeoutMs,
        signal: options.signal,
        agent: options.agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < maxBody) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).subarray(0, maxBody).toString('utf8'),
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no response within ${options.timeoutMs} ms`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** First value of a header (node joins most duplicates, but `set-cookie` is an array). */
export function headerValue(headers: http.IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** A short reason for a failed request: `ECONNREFUSED`, or the error message. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
