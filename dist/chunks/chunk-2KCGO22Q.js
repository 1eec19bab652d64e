import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  external_exports
} from "./chunk-RT25MZKP.js";

// checks/lib/secrets/placeholders.ts
var PLACEHOLDER_WORDS = [
  "changeme",
  "change_me",
  "change-me",
  "your-",
  "your_",
  "yourkey",
  "yoursecret",
  "yourtoken",
  "yourpassword",
  "example",
  "placeholder",
  "dummy",
  "redacted",
  "replace",
  "insert",
  "xxxx",
  "****",
  "....",
  // counting sequences of documentation examples (`1234567890abcdef…`, `abc123`)
  "123456",
  "abcdef",
  "abc123"
];
function isPlaceholder(value) {
  const v = value.trim().toLowerCase();
  if (v.length === 0) return true;
  if (/^(.)\1*$/.test(v)) return true;
  if (/(.)\1{5,}/.test(v)) return true;
  if (/^(?:x+|todo|tbd|none|null|undefined|secret|password|pass|token|test|string|value|key)$/.test(v))
    return true;
  if (/<[^<>]*>/.test(v)) return true;
  return PLACEHOLDER_WORDS.some((word) => v.includes(word));
}
var TEMPLATE_RE = /\$\{|\$\(|\{\{|\{[A-Za-z_][\w.-]*\}|%[A-Za-z_][\w]*%|#\{[^}]*\}|<%|@[A-Z_][A-Z0-9_]*@/;
var LOOKUP_RE = /^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|getenv\(|env\(|ENV\[|System\.getenv|Deno\.env|secrets\.|vars\.)/;
function isReference(value) {
  const v = value.trim();
  return /^\$[A-Za-z_]/.test(v) || TEMPLATE_RE.test(v) || LOOKUP_RE.test(v);
}
function wordiness(value) {
  let covered = 0;
  for (const m of value.matchAll(/[A-Z]?[a-z]{3,}/g)) if (/[g-z]/.test(m[0])) covered += m[0].length;
  return value.length === 0 ? 0 : covered / value.length;
}
function handWrittenShare(value) {
  let covered = 0;
  for (const m of value.matchAll(/[A-Z][a-z]{2,}|(?<![A-Za-z0-9])[a-z]{3,}(?![A-Za-z0-9])/g))
    if (/[g-z]/.test(m[0])) covered += m[0].length;
  return value.length === 0 ? 0 : covered / value.length;
}
function isDegenerate(value) {
  const v = value.trim().toLowerCase();
  return v.length === 0 || /^[x*.]+$/.test(v) || /x{4}|\*{4}|\.{4}/.test(v) || /<[^<>]*>/.test(v);
}

// checks/lib/secrets/entropy.ts
function shannonEntropy(value) {
  if (value.length === 0) return 0;
  const counts = /* @__PURE__ */ new Map();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  const length = [...value].length;
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

// checks/lib/secrets/jwt.ts
var JwtJsonSchema = external_exports.record(external_exports.string(), external_exports.unknown());
var SEGMENT_RE = /^[A-Za-z0-9_-]+$/;
function decodeSegment(segment) {
  if (!SEGMENT_RE.test(segment)) return void 0;
  try {
    const parsed = JwtJsonSchema.safeParse(JSON.parse(Buffer.from(segment, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : void 0;
  } catch {
    return void 0;
  }
}
function decodeJwt(token) {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts[2] || !SEGMENT_RE.test(parts[2])) return void 0;
  const header = decodeSegment(parts[0] ?? "");
  const payload = decodeSegment(parts[1] ?? "");
  if (!header || !payload || typeof header.alg !== "string") return void 0;
  return { header, payload };
}
function isServiceRoleJwt(token) {
  return decodeJwt(token)?.payload.role === "service_role";
}

export {
  isPlaceholder,
  isReference,
  wordiness,
  handWrittenShare,
  isDegenerate,
  shannonEntropy,
  decodeJwt,
  isServiceRoleJwt
};
