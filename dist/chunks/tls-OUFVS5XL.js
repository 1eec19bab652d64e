import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  describeError,
  resolveTarget
} from "./chunk-ZAPKZXPW.js";
import {
  tlsContract
} from "./chunk-F5P2DGUE.js";
import {
  defineCheck
} from "./chunk-BFBJ7VPU.js";
import "./chunk-AFGJAQNY.js";
import "./chunk-RT25MZKP.js";
import "./chunk-CO3T5JD3.js";

// checks/tls.ts
import { readFile } from "node:fs/promises";
import path from "node:path";

// checks/lib/http/http-tls-probe.ts
import net from "node:net";
import tls from "node:tls";
function probeTls(host, port, options) {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host,
      port,
      // SNI must not be an IP address (RFC 6066).
      servername: net.isIP(host) ? void 0 : host,
      ca: options.ca,
      rejectUnauthorized: false,
      // Hostname is checked below, separately from the chain.
      checkServerIdentity: () => void 0
    });
    socket.setTimeout(
      options.timeoutMs,
      () => socket.destroy(new Error(`no TLS handshake within ${options.timeoutMs} ms`))
    );
    socket.once("error", reject);
    socket.once("secureConnect", () => {
      const cert = socket.getPeerCertificate();
      const identity = tls.checkServerIdentity(host, cert);
      const name = (entity) => {
        const value = entity?.CN ?? entity?.O ?? "?";
        return Array.isArray(value) ? value[0] ?? "?" : value;
      };
      resolve({
        authorized: socket.authorized,
        chainError: socket.authorizationError ? String(socket.authorizationError) : void 0,
        hostnameError: identity ? `${host} not in ${cert.subjectaltname || `CN=${name(cert.subject)}`}` : void 0,
        subject: name(cert.subject),
        issuer: name(cert.issuer),
        validFrom: new Date(cert.valid_from),
        validTo: new Date(cert.valid_to),
        protocol: socket.getProtocol()
      });
      socket.end();
    });
  });
}

// checks/tls.ts
var DAY_MS = 864e5;
var tlsCheck = defineCheck({
  ...tlsContract,
  async run(params, ctx) {
    const target = resolveTarget(ctx, void 0, params.url);
    if (!target.ok) return target.outcome;
    const { url } = target;
    if (url.protocol !== "https:")
      return { status: "skipped", summary: `target is not HTTPS (${url.origin})` };
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const port = Number(url.port || 443);
    let ca;
    if (params.caFile) {
      try {
        ca = await readFile(path.resolve(ctx.repoDir, params.caFile), "utf8");
      } catch (error) {
        return { status: "error", summary: `cannot read caFile ${params.caFile}: ${describeError(error)}` };
      }
    }
    let probe;
    try {
      probe = await probeTls(host, port, { ca, timeoutMs: params.timeoutMs });
    } catch (error) {
      return { status: "fail", summary: `TLS handshake with ${url.host} failed: ${describeError(error)}` };
    }
    const now = Date.now();
    const daysLeft = Math.round((probe.validTo.getTime() - now) / DAY_MS);
    const problems = [];
    if (probe.validFrom.getTime() > now) problems.push(`not valid before ${probe.validFrom.toISOString()}`);
    if (daysLeft < 0) problems.push(`expired ${-daysLeft} days ago`);
    else if (daysLeft < params.minDays) problems.push(`expires in ${daysLeft} days (< ${params.minDays})`);
    if (probe.chainError)
      problems.push(
        `chain does not verify: ${probe.chainError}${ca ? "" : " (set caFile for a private CA)"}`
      );
    if (probe.hostnameError) problems.push(`hostname mismatch: ${probe.hostnameError}`);
    const details = [
      `subject ${probe.subject}, issuer ${probe.issuer}, ${probe.protocol ?? "unknown protocol"}`,
      `valid ${probe.validFrom.toISOString()} \u2192 ${probe.validTo.toISOString()}`
    ].join("\n");
    const metrics = { daysLeft };
    if (problems.length > 0)
      return { status: "fail", summary: `${url.host}: ${problems.join("; ")}`, details, metrics };
    return {
      status: "pass",
      summary: `${url.host}: trusted chain, hostname matches, expires in ${daysLeft} days (\u2265 ${params.minDays})`,
      details,
      metrics
    };
  }
});
export {
  tlsCheck
};
