import { z } from 'zod';

const JwtJsonSchema = z.record(z.string(), z.unknown());
export type JwtJson = z.infer<typeof JwtJsonSchema>;

export interface DecodedJwt {
  header: JwtJson;
  payload: JwtJson;
}

const SEGMENT_RE = /^[A-Za-z0-9_-]+$/;

function decodeSegment(segment: string): JwtJson | undefined {
  if (!SEGMENT_RE.test(segment)) return undefined;
  try {
    const parsed = JwtJsonSchema.safeParse(JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Decodes (does not verify) a compact JWS `header.payload.signature`; undefined when malformed. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[2] || !SEGMENT_RE.test(parts[2])) return undefined;
  const header = decodeSegment(parts[0] ?? '');
  const payload = decodeSegment(parts[1] ?? '');
  if (!header || !payload || typeof header.alg !== 'string') return undefined;
  return { header, payload };
}

/** True for a Supabase service-role key: a JWT whose payload says `"role":"service_role"`. */
export function isServiceRoleJwt(token: string): boolean {
  return decodeJwt(token)?.payload.role === 'service_role';
}
