import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// checks/lib/http/http-target.ts
var NO_TARGET_REASON = "no target URL: pass --url or set target.url / target.start in .github/shipgate.yml";
function resolveTarget(ctx, path, override) {
  const base = override ?? ctx.targetUrl;
  if (!base) return { ok: false, outcome: { status: "skipped", summary: NO_TARGET_REASON } };
  let parsed;
  try {
    parsed = new URL(base);
  } catch {
    return { ok: false, outcome: { status: "error", summary: `invalid target URL: ${base}` } };
  }
  if (path === void 0) return { ok: true, url: parsed };
  return { ok: true, url: joinBase(parsed, path) };
}
function joinBase(target, path) {
  const baseDir = target.pathname.slice(0, target.pathname.lastIndexOf("/") + 1) || "/";
  const [pathname = "", query] = path.split("?", 2);
  const joined = new URL(target.href);
  joined.pathname = `${baseDir}${pathname.replace(/^\/+/, "")}`;
  joined.search = query ? `?${query}` : "";
  joined.hash = "";
  return joined;
}
function shortPath(url) {
  return `${url.pathname}${url.search}`;
}

// checks/lib/http/http-request.ts
import http from "node:http";
import https from "node:https";
function httpRequest(url, options) {
  const client = url.protocol === "https:" ? https : http;
  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: options.method ?? "GET",
        headers: { "user-agent": "shipgate", ...options.headers },
        timeout: options.timeoutMs,
        signal: options.signal,
        agent: options.agent
      },
      (res) => {
        const chunks = [];
        let size = 0;
        res.on("data", (chunk) => {
          if (size < maxBody) chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", () => {
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).subarray(0, maxBody).toString("utf8"),
            ms: Number(process.hrtime.bigint() - started) / 1e6
          });
        });
        res.on("error", reject);
      }
    );
    req.on("timeout", () => req.destroy(new Error(`no response within ${options.timeoutMs} ms`)));
    req.on("error", reject);
    req.end(options.body);
  });
}
function headerValue(headers, name) {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(", ") : value;
}
function describeError(error) {
  if (error instanceof Error) {
    const code = error.code;
    return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

export {
  resolveTarget,
  joinBase,
  shortPath,
  httpRequest,
  headerValue,
  describeError
};
