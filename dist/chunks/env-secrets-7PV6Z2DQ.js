import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  envNames
} from "./chunk-YJO5KNN7.js";
import {
  envSecretsContract
} from "./chunk-KKDQQ3WV.js";
import {
  gitHubForToken,
  statusOf
} from "./chunk-OAKTBEPE.js";
import {
  decodeJwt,
  isPlaceholder,
  shannonEntropy
} from "./chunk-2KCGO22Q.js";
import "./chunk-ZXEKOUN3.js";
import "./chunk-AA4V3XL4.js";
import {
  defineCheck
} from "./chunk-BFBJ7VPU.js";
import "./chunk-AFGJAQNY.js";
import "./chunk-RT25MZKP.js";
import "./chunk-CO3T5JD3.js";

// checks/lib/secrets/formats.ts
var FORMAT_BY_NAME = {
  SQUARE_ACCESS_TOKEN: "square",
  SUPABASE_URL: "supabase-url",
  SUPABASE_SERVICE_ROLE_KEY: "supabase-service-role",
  OPENAI_API_KEY: "openai"
};
var FORMAT_LABEL = {
  square: "Square access token",
  "supabase-url": "Supabase URL",
  "supabase-service-role": "Supabase service-role key",
  openai: "OpenAI API key",
  jwt: "JWT"
};
var NOT_RANDOM = /* @__PURE__ */ new Set(["supabase-url"]);
function jwtProblems(name, value, now) {
  const jwt = decodeJwt(value);
  if (!jwt) return [`${name} is not a well-formed JWT`];
  const exp = jwt.payload.exp;
  if (typeof exp === "number" && exp * 1e3 < now.getTime()) return [`${name} is an expired JWT`];
  return [];
}
function formatProblems(name, value, format, now = /* @__PURE__ */ new Date()) {
  switch (format) {
    case "square":
      return /^(?:EAAA[A-Za-z0-9_-]{56,124}|sq0atp-[A-Za-z0-9_-]{22,60})$/.test(value) ? [] : [`${name} is not a Square access token (expected EAAA\u2026 , 60+ characters)`];
    case "openai":
      return /^sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,}$/.test(value) ? [] : [`${name} is not an OpenAI API key (expected sk-\u2026 or sk-proj-\u2026)`];
    case "supabase-url": {
      let url;
      try {
        url = new URL(value);
      } catch {
        return [`${name} is not a URL`];
      }
      if (url.protocol !== "https:") return [`${name} is not an https URL`];
      if (/^(?:localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0)$/.test(url.hostname))
        return [`${name} points to localhost`];
      return [];
    }
    case "supabase-service-role": {
      if (/^sb_secret_[A-Za-z0-9_-]{20,}$/.test(value)) return [];
      const jwt = decodeJwt(value);
      if (!jwt) return [`${name} is neither a service-role JWT nor an sb_secret_ key`];
      const role = jwt.payload.role;
      if (role !== "service_role") {
        return [
          `${name} is a JWT with role ${typeof role === "string" ? `"${role}"` : "missing"}, not "service_role"`
        ];
      }
      return jwtProblems(name, value, now);
    }
    case "jwt":
      return jwtProblems(name, value, now);
  }
}

// checks/lib/env/env-secret-strength.ts
var DEFAULT_MIN_LENGTH = 16;
function localService(value) {
  const url = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s]*@)?(\[[^\]]+\]|[^:/?#\s]+)/i.exec(value.trim());
  const host = url?.[1]?.toLowerCase();
  if (!host) return void 0;
  return /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/.test(host) ? host : void 0;
}
function assessSecret(name, value, rule, now = /* @__PURE__ */ new Date()) {
  const base = { name, length: value?.length ?? 0, entropy: value ? shannonEntropy(value) : 0 };
  if (value === void 0 || value.trim() === "") {
    return { ...base, ok: false, problems: [`${name} is not set`], description: `${name} is not set` };
  }
  if (isPlaceholder(value)) {
    const problem = `${name} holds a placeholder value`;
    return { ...base, ok: false, problems: [problem], description: problem };
  }
  const random = !(rule.format && NOT_RANDOM.has(rule.format));
  const problems = rule.format ? formatProblems(name, value, rule.format, now) : [];
  const local = localService(value);
  if (local) problems.push(`${name} points at ${local}: a development or CI service, not production's`);
  const minLength = rule.minLength ?? (rule.format ? void 0 : DEFAULT_MIN_LENGTH);
  if (minLength !== void 0 && value.length < minLength) {
    problems.push(`${name} is ${value.length} chars < ${minLength}`);
  }
  const bits = base.entropy.toFixed(1);
  const floor = rule.minEntropy.toFixed(1);
  if (random && base.entropy < rule.minEntropy) {
    problems.push(`${name} has low entropy (${bits} bits/char < ${floor})`);
  }
  const figures = [
    rule.format ? FORMAT_LABEL[rule.format] : void 0,
    minLength !== void 0 ? `${value.length} chars \u2265 ${minLength}` : `${value.length} chars`,
    random ? `${bits} bits/char \u2265 ${floor}` : void 0
  ].filter(Boolean);
  return {
    ...base,
    ok: problems.length === 0,
    problems,
    description: problems.length === 0 ? `${name} set (${figures.join(", ")})` : problems.join("; ")
  };
}

// checks/lib/secrets/rotation.ts
async function lookupSecretUpdate(github, name, environment) {
  const where = environment ? `environment "${environment}" of ${github.owner}/${github.repo}` : `${github.owner}/${github.repo}`;
  let updated;
  try {
    updated = await gitHubForToken(github).secretUpdatedAt(name, environment);
  } catch (error) {
    const status = statusOf(error);
    if (status === 401 || status === 403) return { kind: "forbidden", status };
    throw new Error(
      `GitHub answered ${status === void 0 ? "with an error" : `HTTP ${status}`} for secret ${name}`
    );
  }
  if (updated === void 0) return { kind: "missing", where };
  const updatedAt = new Date(updated);
  if (Number.isNaN(updatedAt.getTime())) throw new Error(`GitHub returned an invalid updated_at for ${name}`);
  return { kind: "found", updatedAt };
}

// checks/env-secrets.ts
function namesOf(params) {
  const list = [params.name ?? "", ...(params.names ?? "").split(",")].map((n) => n.trim()).filter(Boolean);
  return [...new Set(list)];
}
function combine(results, what, metrics) {
  const failing = results.filter((r) => !r.ok);
  const findings = failing.map((r) => ({ message: r.description }));
  const only = results[0];
  if (results.length === 1 && only) {
    return { status: only.ok ? "pass" : "fail", summary: only.description, findings, metrics };
  }
  const summary = failing.length === 0 ? `${results.length} of ${results.length} variables ${what}` : `${failing.length} of ${results.length} variables failing: ${failing.map((r) => r.description).join("; ")}`;
  return {
    status: failing.length === 0 ? "pass" : "fail",
    summary,
    details: results.map((r) => `- ${r.description}`).join("\n"),
    findings,
    metrics
  };
}
function checkPresent(names, params, ctx) {
  const reports = names.map(
    (name) => assessSecret(name, ctx.env[name], {
      minLength: params.minLength,
      minEntropy: params.minEntropy,
      format: params.format ?? FORMAT_BY_NAME[name]
    })
  );
  const first = reports[0];
  const metrics = reports.length === 1 && first ? { length: first.length, entropyBitsPerChar: Number(first.entropy.toFixed(2)) } : { failing: reports.filter((r) => !r.ok).length };
  return combine(reports, "set and strong", metrics);
}
async function checkRotated(names, params, ctx) {
  const github = ctx.github;
  if (!github) {
    return {
      status: "skipped",
      summary: `no GitHub token: cannot read when ${names.join(", ")} was last rotated`
    };
  }
  const now = Date.now();
  const results = [];
  let oldest = 0;
  for (const name of names) {
    const lookup = await lookupSecretUpdate(github, name, params.environment);
    if (lookup.kind === "forbidden") {
      return {
        status: "skipped",
        summary: `GitHub token may not read Actions secret metadata (HTTP ${lookup.status}): cannot tell when ${name} was rotated`
      };
    }
    if (lookup.kind === "missing") {
      results.push({
        name,
        ok: false,
        description: `${name} is not a GitHub Actions secret of ${lookup.where}`
      });
      continue;
    }
    const days = Math.floor((now - lookup.updatedAt.getTime()) / 864e5);
    oldest = Math.max(oldest, days);
    const ok = days <= params.maxAgeDays;
    results.push({
      name,
      ok,
      description: `${name} ${ok ? "rotated" : "last rotated"} ${days} days ago ${ok ? "\u2264" : ">"} ${params.maxAgeDays} days`
    });
  }
  return combine(results, `rotated within ${params.maxAgeDays} days`, { ageDays: oldest });
}
var envSecretsCheck = defineCheck({
  ...envSecretsContract,
  async run(params, ctx) {
    const wanted = namesOf(params);
    const known = await ctx.memo(`env-names:${ctx.repoDir}`, async () => envNames(ctx.repoDir));
    const names = wanted.filter((name) => known.documented.has(name) || known.read.has(name));
    if (names.length === 0) {
      const where = known.exampleFile ? `not in ${known.exampleFile}, ` : "no .env.example, ";
      return {
        status: "skipped",
        summary: `not applicable: the app does not use ${wanted.join(", ")} (${where}no process.env/import.meta.env read in its sources)`
      };
    }
    const outcome = params.mode === "rotated" ? await checkRotated(names, params, ctx) : checkPresent(names, params, ctx);
    const unused = wanted.filter((name) => !names.includes(name));
    if (unused.length === 0) return outcome;
    const note = `not judged (the app does not use them): ${unused.join(", ")}`;
    return { ...outcome, details: [outcome.details, note].filter(Boolean).join("\n") };
  }
});
export {
  envSecretsCheck
};
