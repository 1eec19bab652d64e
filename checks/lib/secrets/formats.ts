/**
 * Provider formats for secrets held in environment variables (env-secrets check). Each validator
 * returns problems in words that never include the value itself.
 */
import type { SECRET_FORMATS } from '../../contracts/env-secrets.js';
import { decodeJwt } from './jwt.js';

export type SecretFormat = (typeof SECRET_FORMATS)[number];

/** Well-known variable names and their format, used when the directive gives none. */
export const FORMAT_BY_NAME: Readonly<Record<string, SecretFormat>> = {
  SQUARE_ACCESS_TOKEN: 'square',
  SUPABASE_URL: 'supabase-url',
  SUPABASE_SERVICE_ROLE_KEY: 'supabase-service-role',
  OPENAI_API_KEY: 'openai',
};

export const FORMAT_LABEL: Readonly<Record<SecretFormat, string>> = {
  square: 'Square access token',
  'supabase-url': 'Supabase URL',
  'supabase-service-role': 'Supabase service-role key',
  openai: 'OpenAI API key',
  jwt: 'JWT',
};

/** Formats that are identifiers rather than random secrets: no entropy or length rule applies. */
export const NOT_RANDOM: ReadonlySet<SecretFormat> = new Set(['supabase-url']);

function jwtProblems(name: string, value: string, now: Date): string[] {
  const jwt = decodeJwt(value);
  if (!jwt) return [`${name} is not a well-formed JWT`];
  const exp = jwt.payload.exp;
  if (typeof exp === 'number' && exp * 1000 < now.getTime()) return [`${name} is an expired JWT`];
  return [];
}

/** Problems with `value` for `format` (empty when it fits). */
export function formatProblems(
  name: string,
  value: string,
  format: SecretFormat,
  now = new Date(),
): string[] {
  switch (format) {
    case 'square':
      return /^(?:EAAA[A-Za-z0-9_-]{56,124}|sq0atp-[A-Za-z0-9_-]{22,60})$/.test(value)
        ? []
        : [`${name} is not a Square access token (expected EAAA… , 60+ characters)`];
    case 'openai':
      return /^sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,}$/.test(value)
        ? []
        : [`${name} is not an OpenAI API key (expected sk-… or sk-proj-…)`];
    case 'supabase-url': {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return [`${name} is not a URL`];
      }
      if (url.protocol !== 'https:') return [`${name} is not an https URL`];
      if (/^(?:localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0)$/.test(url.hostname))
        return [`${name} points to localhost`];
      return [];
    }
    case 'supabase-service-role': {
      if (/^sb_secret_[A-Za-z0-9_-]{20,}$/.test(value)) return [];
      const jwt = decodeJwt(value);
      if (!jwt) return [`${name} is neither a service-role JWT nor an sb_secret_ key`];
      const role = jwt.payload.role;
      if (role !== 'service_role') {
        return [
          `${name} is a JWT with role ${typeof role === 'string' ? `"${role}"` : 'missing'}, not "service_role"`,
        ];
      }
      return jwtProblems(name, value, now);
    }
    case 'jwt':
      return jwtProblems(name, value, now);
  }
}
