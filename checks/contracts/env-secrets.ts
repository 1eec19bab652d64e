import { z } from 'zod';
import { defineContract } from '../contract.js';
import { envFilesContract } from './env-files.js';

const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Provider formats the check validates (checks/lib/secrets/formats.ts). */
export const SECRET_FORMATS = ['square', 'supabase-url', 'supabase-service-role', 'openai', 'jwt'] as const;
/** Default entropy floor in bits/char: random hex is ~4, base64 ~5; words and `aaaa1111` fall below. */
export const DEFAULT_MIN_ENTROPY = 3;

const ParamsSchema = z
  .object({
    /** One environment variable, e.g. `JWT_SECRET`. */
    name: z.string().regex(VAR_NAME, 'an environment variable name').optional(),
    /** Several variables, comma-separated, each checked with the same rule. */
    names: z.string().optional(),
    minLength: z.coerce.number().int().positive().optional(),
    /** Provider format; inferred for well-known names (SQUARE_ACCESS_TOKEN, OPENAI_API_KEY…). */
    format: z.enum(SECRET_FORMATS).optional(),
    /** Shannon entropy floor in bits per character. */
    minEntropy: z.coerce.number().min(0).max(8).default(DEFAULT_MIN_ENTROPY),
    /** `present`: the value is set and strong. `rotated`: the GitHub secret was updated recently. */
    mode: z.enum(['present', 'rotated']).default('present'),
    maxAgeDays: z.coerce.number().positive().default(90),
    /** For `rotated`: read an environment secret (e.g. `production`) instead of a repository secret. */
    environment: z.string().min(1).optional(),
  })
  .strict()
  .refine((p) => p.name !== undefined || p.names !== undefined, { message: 'name (or names) is required' })
  .refine((p) => (p.names ?? '').split(',').every((n) => n.trim() === '' || VAR_NAME.test(n.trim())), {
    message: 'names must be comma-separated environment variable names',
  });

export type EnvSecretsParams = z.infer<typeof ParamsSchema>;

export const envSecretsContract = defineContract({
  id: 'env-secrets',
  measures: 'environment',
  proves:
    'The named variables are set in the environment of the run and strong (length, entropy, provider format; a connection URL on localhost is a CI or development value and fails); with `mode=rotated`, the GitHub secret was updated within `maxAgeDays`. Skipped (not applicable) when the app neither lists the variable in its `.env.example` nor reads it in its sources. Values are never printed.',
  title: 'Required secrets are set, well-formed and strong (values never printed)',
  params: ParamsSchema,
  applicability: {
    // a template's example secrets (Restaurant OS's Square token) are not every app's
    params: [
      {
        param: 'name',
        notAmong: 'env',
        becomes: 'dropped',
        reason: 'the app neither documents nor reads {value}',
      },
    ],
    adds: [
      {
        after: { last: [envFilesContract.id] },
        trait: 'secrets',
        unlessParam: 'name',
        text: '`{each}` set for production',
        params: { name: '{each}' },
        // Secrets the team generates (signing keys, peppers) must be long; provider keys have their own shapes.
        paramsFor: [
          {
            matches: '(?:SECRET|PEPPER|SALT|SECRET_KEY|SECRET_KEY_BASE)$',
            unless: 'API_SECRET$|CLIENT_SECRET$',
            params: { minLength: 32 },
          },
        ],
        reason: 'the app documents or reads it',
      },
    ],
  },
});
