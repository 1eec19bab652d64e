import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  envFilesContract
} from "./chunk-ZXEKOUN3.js";
import {
  defineContract
} from "./chunk-AFGJAQNY.js";
import {
  external_exports
} from "./chunk-RT25MZKP.js";

// checks/contracts/env-secrets.ts
var VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
var SECRET_FORMATS = ["square", "supabase-url", "supabase-service-role", "openai", "jwt"];
var DEFAULT_MIN_ENTROPY = 3;
var ParamsSchema = external_exports.object({
  /** One environment variable, e.g. `JWT_SECRET`. */
  name: external_exports.string().regex(VAR_NAME, "an environment variable name").optional(),
  /** Several variables, comma-separated, each checked with the same rule. */
  names: external_exports.string().optional(),
  minLength: external_exports.coerce.number().int().positive().optional(),
  /** Provider format; inferred for well-known names (SQUARE_ACCESS_TOKEN, OPENAI_API_KEY…). */
  format: external_exports.enum(SECRET_FORMATS).optional(),
  /** Shannon entropy floor in bits per character. */
  minEntropy: external_exports.coerce.number().min(0).max(8).default(DEFAULT_MIN_ENTROPY),
  /** `present`: the value is set and strong. `rotated`: the GitHub secret was updated recently. */
  mode: external_exports.enum(["present", "rotated"]).default("present"),
  maxAgeDays: external_exports.coerce.number().positive().default(90),
  /** For `rotated`: read an environment secret (e.g. `production`) instead of a repository secret. */
  environment: external_exports.string().min(1).optional()
}).strict().refine((p) => p.name !== void 0 || p.names !== void 0, { message: "name (or names) is required" }).refine((p) => (p.names ?? "").split(",").every((n) => n.trim() === "" || VAR_NAME.test(n.trim())), {
  message: "names must be comma-separated environment variable names"
});
var envSecretsContract = defineContract({
  id: "env-secrets",
  measures: "environment",
  proves: "The named variables are set in the environment of the run and strong (length, entropy, provider format; a connection URL on localhost is a CI or development value and fails); with `mode=rotated`, the GitHub secret was updated within `maxAgeDays`. Skipped (not applicable) when the app neither lists the variable in its `.env.example` nor reads it in its sources. Values are never printed.",
  title: "Required secrets are set, well-formed and strong (values never printed)",
  params: ParamsSchema,
  applicability: {
    // a template's example secrets (Restaurant OS's Square token) are not every app's
    params: [
      {
        param: "name",
        notAmong: "env",
        becomes: "dropped",
        reason: "the app neither documents nor reads {value}"
      }
    ],
    adds: [
      {
        after: { last: [envFilesContract.id] },
        trait: "secrets",
        unlessParam: "name",
        text: "`{each}` set for production",
        params: { name: "{each}" },
        // Secrets the team generates (signing keys, peppers) must be long; provider keys have their own shapes.
        paramsFor: [
          {
            matches: "(?:SECRET|PEPPER|SALT|SECRET_KEY|SECRET_KEY_BASE)$",
            unless: "API_SECRET$|CLIENT_SECRET$",
            params: { minLength: 32 }
          }
        ],
        reason: "the app documents or reads it"
      }
    ]
  }
});

export {
  envSecretsContract
};
