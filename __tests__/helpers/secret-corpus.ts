/**
 * A secret-scanning corpus built by code from the providers' documented formats (prefix, length,
 * charset, checksum): true positives per family in the code contexts teams write them in, and
 * look-alikes that must not be flagged. Generated from a seeded PRNG at run time, so no
 * secret-shaped literal is committed. Used by the recall tests and by `npm run bench`.
 */
import { base62Checksum, crc32 } from '../../checks/lib/secrets/checksum.js';
import { seededRandom } from './repo-fake-secrets.js';

export interface CorpusSample {
  family: string;
  /** True positive (must be found) or look-alike (must not be). */
  positive: boolean;
  /** What the sample shows, for failure messages (never the value). */
  label: string;
  file: string;
  text: string;
  /** The value that must never appear in any output. */
  secret: string;
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const HEX = '0123456789abcdef';
const URL_SAFE = `${ALNUM}-_`;
const BASE64 = `${ALNUM}+/`;
const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'.toUpperCase();
const DASHES = '-'.repeat(5);

/** Token builders over one seeded PRNG. */
export class SecretGen {
  private readonly random: () => number;
  constructor(seed: number) {
    this.random = seededRandom(seed);
  }
  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.random() * alphabet.length)];
    return out;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }
  alnum = (n: number) => this.chars(ALNUM, n);
  hex = (n: number) => this.chars(HEX, n);
  /** `prefix` + 30 random base62 + the base62 CRC32 GitHub and npm append. */
  checksummed(prefix: string): string {
    const body = this.alnum(30);
    return `${prefix}${body}${base62Checksum(crc32(body))}`;
  }
  jwt(payload: Record<string, unknown>, signatureLength = 43): string {
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}.${this.chars(URL_SAFE, signatureLength)}`;
  }
  pem(label: string, lines = 8): string {
    const body = Array.from({ length: lines }, () => this.chars(BASE64, 64)).join('\n');
    return `${DASHES}BEGIN ${label}${DASHES}\n${body}\n${DASHES}END ${label}${DASHES}`;
  }
  uuid(): string {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-a${this.hex(3)}-${this.hex(12)}`;
  }
}

/** One family: how to make its tokens, the name teams store them under, and its look-alikes. */
interface FamilySpec {
  family: string;
  /** Identifier stem for the assignment contexts (`twilio` → `twilioToken`, `TWILIO_TOKEN`). */
  ident: string;
  tokens: ((g: SecretGen) => string)[];
  lookalikes: ((g: SecretGen) => string)[];
  /** Key material is written as a block, not assigned on one line. */
  block?: boolean;
  /** Look-alikes that are random strings sit under a neutral name: a secret-named key holding one is a real generic finding. */
  neutralLookalikes?: boolean;
}

const p = (...parts: string[]) => parts.join('');

const FAMILIES: FamilySpec[] = [
  {
    family: 'aws',
    ident: 'aws_secret_access_key',
    tokens: [
      (g) => p('AK', 'IA', g.chars(`${UPPER}234567`, 16)),
      (g) => p('AS', 'IA', g.chars(`${UPPER}234567`, 16)),
      (g) => g.chars(BASE64, 40),
    ],
    lookalikes: [() => p('AKIA', 'IOSFODNN7', 'EXAMPLE'), (g) => p('AKIA', g.chars(LOWER, 16))],
    neutralLookalikes: true,
  },
  {
    family: 'github',
    ident: 'github',
    tokens: [
      (g) => g.checksummed(p('gh', 'p_')),
      (g) => g.checksummed(p('gh', 'o_')),
      (g) => g.checksummed(p('gh', 'u_')),
      (g) => g.checksummed(p('gh', 's_')),
      (g) => g.checksummed(p('gh', 'r_')),
      (g) => p('github', '_pat_', g.alnum(22), '_', g.alnum(59)),
      (g) =>
        p(
          'gh',
          's_',
          String(1000 + Math.floor(g.chars(DIGITS, 6).length * 1e5)),
          '_',
          g.jwt({ iss: 'github', inst: g.hex(8), exp: 2000000000 }, 342),
        ),
    ],
    lookalikes: [
      () => p('gh', 'p_', 'PersonalAccessTokenGoesHere', '0123456789'),
      () => p('gh', 'p_', 'x'.repeat(36)),
      (g) => p('gh', 'p_', g.alnum(12)),
    ],
  },
  {
    family: 'gitlab',
    ident: 'gitlab',
    tokens: [
      (g) => p('gl', 'pat-', g.chars(URL_SAFE, 20)),
      (g) => p('gl', 'pat-', g.chars(URL_SAFE, 27), '.01.', g.chars(DIGITS + LOWER, 9)),
      (g) => p('gl', 'dt-', g.chars(URL_SAFE, 20)),
      (g) => p('gl', 'rt-', g.chars(URL_SAFE, 20)),
      (g) => p('gl', 'cbt-', g.hex(1), '_', g.chars(URL_SAFE, 20)),
      (g) => p('gl', 'ptt-', g.hex(40)),
      (g) => p('gl', 'ft-', g.chars(URL_SAFE, 20)),
      (g) => p('gl', 'soat-', g.chars(URL_SAFE, 20)),
      (g) => p('GR', '1348941', g.chars(URL_SAFE, 20)),
    ],
    lookalikes: [() => p('gl', 'pat-', 'x'.repeat(20)), () => p('gl', 'pat-', '<your-token>')],
  },
  {
    family: 'gcp',
    ident: 'google_api',
    tokens: [(g) => p('AI', 'za', g.chars(URL_SAFE, 35))],
    lookalikes: [() => p('AI', 'za', 'X'.repeat(35)), (g) => p('AI', 'za', g.chars(URL_SAFE, 10))],
  },
  {
    family: 'google-oauth',
    ident: 'google_client_secret',
    tokens: [(g) => p('GOC', 'SPX-', g.chars(URL_SAFE, 28)), (g) => p('ya', '29.', g.chars(URL_SAFE, 120))],
    lookalikes: [() => p('GOC', 'SPX-', 'your-client-secret-here-xxx')],
  },
  {
    family: 'firebase',
    ident: 'firebase',
    tokens: [
      (g) => p('AI', 'za', g.chars(URL_SAFE, 35)),
      (g) => p('AAAA', g.chars(URL_SAFE, 7), ':APA91b', g.chars(URL_SAFE, 134)),
    ],
    lookalikes: [(g) => `${g.chars(LOWER, 12)}.firebaseapp.com`],
  },
  {
    family: 'azure',
    ident: 'azure_client_secret',
    tokens: [
      (g) => p(g.chars(`${ALNUM}_~.`, 3), g.chars(DIGITS, 1), 'Q~', g.chars(`${ALNUM}_~.-`, 34)),
      (g) => p(g.chars(ALNUM, 3), g.chars(DIGITS, 1), 'Q~', g.chars(`${ALNUM}_~.-`, 31)),
    ],
    lookalikes: [(g) => p(g.alnum(3), 'Q~', g.alnum(10))],
    neutralLookalikes: true,
  },
  {
    family: 'cloudflare',
    ident: 'cloudflare_api',
    tokens: [
      (g) => g.chars(URL_SAFE, 40),
      (g) => g.hex(37),
      (g) => p('v1', '.0-', g.hex(24), '-', g.hex(146)),
    ],
    lookalikes: [(g) => g.chars(LOWER, 12)],
  },
  {
    family: 'digitalocean',
    ident: 'digitalocean',
    tokens: [
      (g) => p('do', 'p_v1_', g.hex(64)),
      (g) => p('do', 'o_v1_', g.hex(64)),
      (g) => p('do', 'r_v1_', g.hex(64)),
    ],
    lookalikes: [() => p('do', 'p_v1_', '0'.repeat(64))],
  },
  {
    family: 'heroku',
    ident: 'heroku_api',
    tokens: [(g) => p('HR', 'KU-AA', g.chars(URL_SAFE, 58)), (g) => g.uuid()],
    lookalikes: [() => p('HR', 'KU-', 'your-heroku-key')],
  },
  {
    family: 'databricks',
    ident: 'databricks',
    tokens: [(g) => p('da', 'pi', g.hex(32)), (g) => p('da', 'pi', g.hex(32), '-2')],
    lookalikes: [() => p('da', 'pi', 'x'.repeat(32))],
  },
  {
    family: 'vault',
    ident: 'vault',
    tokens: [
      (g) => p('hv', 's.', g.chars(URL_SAFE, 94)),
      (g) => p('hv', 's.', g.alnum(24)),
      (g) => p('hv', 'b.', g.chars(URL_SAFE, 138)),
      (g) => p('s', '.', g.alnum(24)),
    ],
    lookalikes: [() => p('hv', 's.', 'x'.repeat(24))],
  },
  {
    family: 'terraform',
    ident: 'tfe',
    tokens: [(g) => p(g.alnum(14), '.atlas', 'v1.', g.chars(URL_SAFE, 67))],
    lookalikes: [() => p('x'.repeat(14), '.atlas', 'v1.', 'x'.repeat(67))],
  },
  {
    family: 'pulumi',
    ident: 'pulumi',
    tokens: [(g) => p('pu', 'l-', g.hex(40))],
    lookalikes: [() => p('pu', 'l-', '0'.repeat(40))],
  },
  {
    family: 'doppler',
    ident: 'doppler',
    tokens: [
      (g) => p('dp', '.pt.', g.alnum(43)),
      (g) => p('dp', '.st.', g.alnum(43)),
      (g) => p('dp', '.sa.', g.alnum(43)),
    ],
    lookalikes: [() => p('dp', '.pt.', 'x'.repeat(43))],
  },
  {
    family: 'npm',
    ident: 'npm',
    tokens: [(g) => g.checksummed(p('np', 'm_'))],
    lookalikes: [
      () => p('np', 'm_', 'YourNpmAccessTokenGoesHereToday12345'),
      () => p('np', 'm_', 'x'.repeat(36)),
    ],
  },
  {
    family: 'pypi',
    ident: 'pypi',
    tokens: [
      (g) => p('py', 'pi-AgEIcHlwaS5vcmc', g.chars(URL_SAFE, 140)),
      (g) => p('py', 'pi-AgENdGVzdC5weXBpLm9yZw', g.chars(URL_SAFE, 140)),
    ],
    lookalikes: [() => p('py', 'pi-', 'your-token-here')],
  },
  {
    family: 'atlassian',
    ident: 'jira',
    tokens: [(g) => p('ATA', 'TT3', g.chars(`${URL_SAFE}=`, 180), '=', g.chars('0123456789ABCDEF', 8))],
    lookalikes: [() => p('ATA', 'TT3', 'x'.repeat(40))],
  },
  {
    family: 'linear',
    ident: 'linear',
    tokens: [(g) => p('lin', '_api_', g.alnum(40))],
    lookalikes: [() => p('lin', '_api_', 'x'.repeat(40))],
  },
  {
    family: 'postman',
    ident: 'postman',
    tokens: [(g) => p('PM', 'AK-', g.hex(24), '-', g.hex(34))],
    lookalikes: [() => p('PM', 'AK-', 'your-api-key')],
  },
  {
    family: 'okta',
    ident: 'okta_api',
    tokens: [(g) => p('00', g.chars(URL_SAFE, 40))],
    lookalikes: [(g) => `https://${g.chars(LOWER, 8)}.okta.com`],
  },
  {
    family: 'slack',
    ident: 'slack',
    tokens: [
      (g) => p('xo', 'xb-', g.chars(DIGITS, 11), '-', g.chars(DIGITS, 13), '-', g.alnum(24)),
      (g) =>
        p(
          'xo',
          'xp-',
          g.chars(DIGITS, 11),
          '-',
          g.chars(DIGITS, 11),
          '-',
          g.chars(DIGITS, 12),
          '-',
          g.hex(32),
        ),
      (g) => p('xa', 'pp-1-A', g.chars(`${UPPER}${DIGITS}`, 10), '-', g.chars(DIGITS, 13), '-', g.hex(64)),
      (g) => p('xo', 'xe.xoxp-1-', g.chars(`${UPPER}${DIGITS}`, 166)),
      (g) => p('xo', 'xe-1-', g.chars(`${UPPER}${DIGITS}`, 146)),
      (g) => p('xo', 'xa-2-', '5', '1'.repeat(8), '-3', '1'.repeat(10), '-3', '1'.repeat(12), '-', g.hex(18)),
      (g) =>
        p(
          'xo',
          'xs-',
          g.chars(DIGITS, 10),
          '-',
          g.chars(DIGITS, 11),
          '-',
          g.chars(DIGITS, 12),
          '-',
          g.hex(64),
        ),
      (g) =>
        p(
          'xo',
          'xo-',
          g.chars(DIGITS, 10),
          '-',
          g.chars(DIGITS, 11),
          '-',
          g.chars(DIGITS, 12),
          '-',
          g.hex(64),
        ),
    ],
    lookalikes: [
      () => p('xo', 'xb-12345-abcd234'),
      () => p('xo', 'xb-xoxb-my-bot-token'),
      () => p('xo', 'xe.xoxp-1-SlackAppConfigurationAccessTokenHere'),
    ],
  },
  {
    family: 'slack-webhook',
    ident: 'slack_webhook',
    tokens: [
      (g) =>
        p(
          'https://hooks.slack',
          '.com/services/T',
          g.chars(`${UPPER}${DIGITS}`, 10),
          '/B',
          g.chars(`${UPPER}${DIGITS}`, 10),
          '/',
          g.alnum(24),
        ),
      (g) =>
        p(
          'hooks.slack',
          '.com/services/T',
          g.chars(`${UPPER}${DIGITS}`, 10),
          '/B',
          g.chars(`${UPPER}${DIGITS}`, 10),
          '/',
          g.alnum(24),
        ),
      (g) =>
        p(
          'https://hooks.slack',
          '.com/workflows/T',
          g.chars(`${UPPER}${DIGITS}`, 10),
          '/A',
          g.chars(`${UPPER}${DIGITS}`, 10),
          '/',
          g.chars(DIGITS, 18),
          '/',
          g.alnum(24),
        ),
    ],
    lookalikes: [() => p('https://hooks.slack', '.com/services/XXXXXXXX/XXXXXXXX/XXXXXXXXXXXXXXXX')],
  },
  {
    family: 'stripe',
    ident: 'stripe',
    tokens: [
      (g) => p('sk', '_live_', g.alnum(24)),
      (g) => p('sk', '_test_', g.alnum(99)),
      (g) => p('rk', '_live_', g.alnum(99)),
      (g) => p('rk', '_test_', g.alnum(24)),
      (g) => p('wh', 'sec_', g.alnum(32)),
    ],
    lookalikes: [
      (g) => p('pk', '_live_', g.alnum(24)),
      () => p('sk', '_live_', '0'.repeat(24)),
      (g) => p('task', '_test_', g.alnum(24)),
    ],
  },
  {
    family: 'square',
    ident: 'square_access',
    tokens: [
      (g) => p('EA', 'AA', g.chars(URL_SAFE, 60)),
      (g) => p('EA', 'AA', g.chars(URL_SAFE, 30)),
      (g) => p('sq0', 'atp-', g.chars(URL_SAFE, 22)),
      (g) => p('sq0', 'csp-', g.chars(URL_SAFE, 43)),
    ],
    lookalikes: [() => p('EA', 'AA', 'A'.repeat(60)), () => p('sq0', 'csp-', '<your-application-secret>')],
  },
  {
    family: 'shopify',
    ident: 'shopify',
    tokens: [
      (g) => p('shp', 'at_', g.hex(32)),
      (g) => p('shp', 'ca_', g.hex(32)),
      (g) => p('shp', 'pa_', g.hex(32)),
      (g) => p('shp', 'ss_', g.hex(32)),
    ],
    lookalikes: [() => p('shp', 'at_', 'x'.repeat(32))],
  },
  {
    family: 'twilio',
    ident: 'twilio',
    tokens: [(g) => p('S', 'K', g.hex(32)), (g) => g.hex(32)],
    lookalikes: [(g) => p('A', 'C', g.hex(32))],
  },
  {
    family: 'sendgrid',
    ident: 'sendgrid',
    tokens: [(g) => p('S', 'G.', g.chars(URL_SAFE, 22), '.', g.chars(URL_SAFE, 43))],
    lookalikes: [() => p('S', 'G.', 'x'.repeat(22), '.', 'x'.repeat(43))],
  },
  {
    family: 'mailgun',
    ident: 'mailgun',
    tokens: [
      (g) => p('ke', 'y-', g.hex(32)),
      (g) => p('pub', 'key-', g.hex(32)),
      (g) => p(g.hex(32), '-', g.hex(8), '-', g.hex(8)),
    ],
    lookalikes: [() => p('ke', 'y-', 'x'.repeat(32))],
  },
  {
    family: 'datadog',
    ident: 'datadog_api',
    tokens: [(g) => g.hex(32), (g) => g.hex(40)],
    lookalikes: [() => 'datadoghq.com'],
  },
  {
    family: 'new-relic',
    ident: 'new_relic',
    tokens: [
      (g) => p('NR', 'AK-', g.chars(`${UPPER}${DIGITS}`, 27)),
      (g) => p('NR', 'II-', g.chars(URL_SAFE, 32)),
      (g) => p('NR', 'JS-', g.hex(19)),
      (g) => p(g.hex(36), 'NR', 'AL'),
    ],
    lookalikes: [() => p('NR', 'AK-', 'X'.repeat(27))],
  },
  {
    family: 'sentry',
    ident: 'sentry_auth',
    tokens: [
      (g) => p('sntr', 'yu_', g.hex(64)),
      (g) =>
        p(
          'sntr',
          'ys_',
          Buffer.from(JSON.stringify({ iat: 1700000000, url: 'https://sentry.io', org: g.hex(6) }))
            .toString('base64')
            .replace(/=+$/, ''),
          '_',
          g.chars(BASE64, 43),
        ),
      (g) => g.hex(64),
    ],
    lookalikes: [
      (g) => p('https://', g.hex(32), '@o', g.chars(DIGITS, 6), '.ingest.sentry.io/', g.chars(DIGITS, 7)),
    ],
  },
  {
    family: 'openai',
    ident: 'openai_api',
    tokens: [
      (g) => p('sk', '-proj-', g.chars(URL_SAFE, 74), 'T3Blbk', 'FJ', g.chars(URL_SAFE, 74)),
      (g) => p('sk', '-', g.alnum(20), 'T3Blbk', 'FJ', g.alnum(20)),
      (g) => p('sk', '-svcacct-', g.chars(URL_SAFE, 74), 'T3Blbk', 'FJ', g.chars(URL_SAFE, 74)),
    ],
    lookalikes: [(g) => p('sk', '-', g.alnum(48)), (g) => p('sk', '-proj-', g.alnum(60))],
  },
  {
    family: 'anthropic',
    ident: 'anthropic_api',
    tokens: [
      (g) => p('sk', '-ant-api03-', g.chars(URL_SAFE, 93), 'AA'),
      (g) => p('sk', '-ant-admin01-', g.chars(URL_SAFE, 93), 'AA'),
    ],
    lookalikes: [() => p('sk', '-ant-', 'your-key-here')],
  },
  {
    family: 'huggingface',
    ident: 'hf',
    tokens: [
      (g) => p('h', 'f_', g.chars(UPPER + LOWER, 34)),
      (g) => p('api', '_org_', g.chars(UPPER + LOWER, 34)),
    ],
    lookalikes: [() => p('h', 'f_', 'x'.repeat(34))],
  },
  {
    family: 'jwt',
    ident: 'session_jwt',
    tokens: [
      (g) => g.jwt({ sub: g.hex(12), name: 'svc', iat: 1700000000 }),
      (g) =>
        g.jwt({ iss: 'supabase', ref: g.chars(LOWER, 20), role: 'anon', iat: 1700000000, exp: 2000000000 }),
      (g) =>
        g.jwt({
          sub: g.uuid(),
          scope: 'read write admin',
          aud: 'https://api.example.net',
          claims: g.alnum(120),
        }),
    ],
    lookalikes: [
      () =>
        `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"1"}').toString('base64url')}.`,
    ],
  },
  {
    family: 'supabase',
    ident: 'supabase_service_role',
    tokens: [
      (g) =>
        g.jwt({
          iss: 'supabase',
          ref: g.chars(LOWER, 20),
          role: 'service_role',
          iat: 1700000000,
          exp: 2000000000,
        }),
      (g) => p('sb', 'p_', g.hex(40)),
      (g) => p('sb_', 'secret_', g.chars(URL_SAFE, 31)),
    ],
    lookalikes: [() => p('sb_', 'secret_', 'your-secret-key-here')],
  },
  {
    family: 'private-key',
    ident: 'private_key',
    block: true,
    tokens: [
      (g) => g.pem('RSA PRIVATE KEY'),
      (g) => g.pem('EC PRIVATE KEY', 3),
      (g) => g.pem('PRIVATE KEY'),
      (g) => g.pem('ENCRYPTED PRIVATE KEY'),
    ],
    lookalikes: [
      (g) => g.pem('PUBLIC KEY'),
      () => `${DASHES}BEGIN RSA PRIVATE KEY${DASHES}\nMIIEow...\n${DASHES}END RSA PRIVATE KEY${DASHES}`,
    ],
  },
  {
    family: 'ssh',
    ident: 'ssh_key',
    block: true,
    tokens: [(g) => g.pem('OPENSSH PRIVATE KEY', 7), (g) => g.pem('DSA PRIVATE KEY', 6)],
    lookalikes: [(g) => p('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI', g.chars(BASE64, 43), ' user@host')],
  },
  {
    family: 'pgp',
    ident: 'pgp_key',
    block: true,
    tokens: [
      (g) => g.pem('PGP PRIVATE KEY BLOCK', 10).replace('BLOCK-----\n', `BLOCK-----\nVersion: GnuPG v2\n\n`),
    ],
    lookalikes: [(g) => g.pem('PGP PUBLIC KEY BLOCK', 6)],
  },
  {
    family: 'age',
    ident: 'age_key',
    tokens: [(g) => p('AGE-SECRET', '-KEY-1', g.chars(BECH32, 58))],
    lookalikes: [(g) => p('age1', g.chars(BECH32.toLowerCase(), 58))],
  },
  {
    family: 'connection-string',
    ident: 'database_url',
    tokens: [
      (g) => `postgres://app:${g.alnum(20)}@db.internal:5432/app`,
      (g) => `mongodb+srv://svc:${g.alnum(16)}@cluster0.${g.chars(LOWER, 5)}.mongodb.net/x`,
      (g) => `redis://default:${g.alnum(24)}@cache.internal:6379`,
    ],
    lookalikes: [
      () => 'postgresql://{username}:{password}@{{host}}:5432/db',
      () => 'postgres://$(PGUSER):$(PGPASSWORD)@db.internal/app',
      () => `postgres://app:${'$'}{DB_PASSWORD}@db/app`,
      () => 'mysql://root:%MYSQL_PASSWORD%@db/app',
      (g) => `postgres://app:${g.alnum(20)}@localhost:5432/app`,
    ],
  },
  {
    family: 'generic',
    ident: 'api_secret',
    tokens: [(g) => g.chars(`${ALNUM}!%^*.~`, 24), (g) => g.alnum(32), (g) => g.chars(URL_SAFE, 40)],
    lookalikes: [
      () => `${'$'}{API_SECRET}`,
      () => '$(API_SECRET)',
      () => '{{api_secret}}',
      () => '{api_secret}',
      () => '%API_SECRET%',
      () => 'changeme',
      () => 'process.env.API_SECRET',
      () => 'auth.errors.passwordTooShort',
      (g) => p('task', '_test_', g.alnum(24)),
    ],
  },
];

type Render = (stem: string, value: string) => { file: string; text: string };

const snake = (stem: string) => stem.toUpperCase();
const camel = (stem: string) => stem.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const suffixed = (stem: string) =>
  /(?:key|secret|token|url|jwt|role|api|auth)$/i.test(stem) ? stem : `${stem}_token`;

/** The code contexts every family is written in (one sample per file, like a real repository). */
const CONTEXTS: Record<string, Render> = {
  env: (s, v) => ({ file: '.env', text: `# service\n${snake(suffixed(s))}=${v}\n` }),
  yaml: (s, v) => ({ file: 'config/app.yaml', text: `service:\n  ${suffixed(s)}: ${v}\n` }),
  json: (s, v) => ({ file: 'config.json', text: `{\n  "${camel(suffixed(s))}": "${v}"\n}\n` }),
  ts: (s, v) => ({ file: 'src/client.ts', text: `export const ${camel(suffixed(s))} = '${v}';\n` }),
  python: (s, v) => ({ file: 'app/settings.py', text: `${snake(suffixed(s))} = "${v}"\n` }),
  go: (s, v) => ({ file: 'main.go', text: `package main\n\nvar ${camel(suffixed(s))} string = "${v}"\n` }),
  java: (s, v) => ({ file: 'src/App.java', text: `System.setProperty("${snake(suffixed(s))}", "${v}");\n` }),
  php: (s, v) => ({ file: 'config.php', text: `<?php\n$${camel(suffixed(s))} .= "${v}";\n` }),
  makefile: (s, v) => ({ file: 'Makefile', text: `${snake(suffixed(s))} ::= ${v}\n` }),
  xml: (s, v) => ({
    file: 'web.xml',
    text: `<config>\n  <${camel(suffixed(s))}>${v}</${camel(suffixed(s))}>\n</config>\n`,
  }),
  shell: (s, v) => ({ file: 'deploy.sh', text: `#!/bin/sh\nexport ${snake(suffixed(s))}=${v}\n` }),
  'json-env': (s, v) => ({
    file: 'task.json',
    text: `{"environment": "${snake(suffixed(s))}=${v}\\nLOG_LEVEL=info"}\n`,
  }),
  'call-arg': (s, v) => ({
    file: 'src/Config.kt',
    text: `val value = getEnvOrDefault("${suffixed(s)}", "${v}")\n`,
  }),
  'makefile-cond': (s, v) => ({ file: 'build.mk', text: `${snake(suffixed(s))} ?= ${v}\n` }),
};

/** Key material as teams commit it: a key file, JSON with escaped newlines, a YAML block, a TS template. */
const BLOCK_CONTEXTS: Record<string, Render> = {
  pem: (_s, v) => ({ file: 'deploy/key.pem', text: `${v}\n` }),
  json: (s, v) => ({ file: 'service-account.json', text: `{"${s}": "${v.replace(/\n/g, '\\n')}"}\n` }),
  yaml: (s, v) => ({ file: 'values.yaml', text: `${s}: |\n  ${v.replace(/\n/g, '\n  ')}\n` }),
  ts: (s, v) => ({ file: 'src/keys.ts', text: `export const ${camel(s)} = \`${v}\`;\n` }),
  python: (s, v) => ({ file: 'keys.py', text: `${snake(s)} = """${v}"""\n` }),
};

/** Extra generic-rule contexts the issue names: `creds`/`auth` keys, Go `:=`, PHP arrays, comparisons. */
const GENERIC_EXTRA: Render[] = [
  (_s, v) => ({ file: 'deploy/creds.yaml', text: `creds: ${v}\n` }),
  (_s, v) => ({ file: 'src/http.ts', text: `const client = new Client({ auth: "${v}" });\n` }),
  (_s, v) => ({ file: 'cmd/main.go', text: `dbPassword := "${v}"\n` }),
  (_s, v) => ({ file: 'settings.php', text: `$config['db_password'] = '${v}';\n` }),
  (_s, v) => ({ file: 'check.go', text: `if apiSecret == "${v}" {\n}\n` }),
  (_s, v) => ({ file: 'app.properties', text: `client.secret=${v}\n` }),
  (_s, v) => ({ file: 'Dockerfile', text: `ENV API_KEY=${v}\n` }),
];

/** The corpus: every family's tokens and look-alikes in every context. */
export function buildSecretCorpus(seed = 15): CorpusSample[] {
  const g = new SecretGen(seed);
  const samples: CorpusSample[] = [];
  for (const spec of FAMILIES) {
    const contexts = Object.entries(spec.block ? BLOCK_CONTEXTS : CONTEXTS);
    const extra = spec.family === 'generic' ? GENERIC_EXTRA.map((r, i) => [`extra-${i}`, r] as const) : [];
    for (const [index, token] of spec.tokens.entries()) {
      for (const [context, render] of [...contexts, ...extra]) {
        const secret = token(g);
        samples.push({
          family: spec.family,
          positive: true,
          label: `${spec.family} #${index} in ${context}`,
          secret,
          ...render(spec.ident, secret),
        });
      }
    }
    for (const [index, lookalike] of spec.lookalikes.entries()) {
      for (const [context, render] of contexts.slice(0, 6)) {
        const secret = lookalike(g);
        const stem = spec.neutralLookalikes ? 'build_url' : spec.ident;
        samples.push({
          family: spec.family,
          positive: false,
          label: `${spec.family} look-alike #${index} in ${context}`,
          secret,
          ...render(stem, secret),
        });
      }
    }
  }
  // public values under secret-looking names
  const publicValues: Render[] = [
    (_s, v) => ({ file: 'src/plaid.ts', text: `const publicToken = "${v}";\n` }),
    (_s, v) => ({ file: '.env.production', text: `NEXT_PUBLIC_API_KEY=${v}\n` }),
    (_s, v) => ({ file: 'src/stripe.ts', text: `const publishableKey = "${v}";\n` }),
  ];
  for (const [index, render] of publicValues.entries()) {
    const secret = g.alnum(32);
    samples.push({
      family: 'generic',
      positive: false,
      label: `public value #${index}`,
      secret,
      ...render('', secret),
    });
  }
  return samples;
}

export interface FamilyScore {
  samples: number;
  found: number;
  recall: number;
  lookalikes: number;
  falsePositives: number;
}

/** Recall and false positives per family (and `all`) for a detector `flags(sample)`. */
export async function scoreCorpus(
  samples: readonly CorpusSample[],
  flags: (sample: CorpusSample) => boolean | Promise<boolean>,
): Promise<{ families: Record<string, FamilyScore>; missed: string[]; falsePositives: string[] }> {
  const families: Record<string, FamilyScore> = {};
  const missed: string[] = [];
  const falsePositives: string[] = [];
  const bump = (family: string) => {
    families[family] ??= { samples: 0, found: 0, recall: 0, lookalikes: 0, falsePositives: 0 };
    return families[family];
  };
  for (const sample of samples) {
    const flagged = await flags(sample);
    for (const score of [bump(sample.family), bump('all')]) {
      if (sample.positive) {
        score.samples++;
        if (flagged) score.found++;
      } else {
        score.lookalikes++;
        if (flagged) score.falsePositives++;
      }
    }
    if (sample.positive && !flagged) missed.push(sample.label);
    if (!sample.positive && flagged) falsePositives.push(sample.label);
  }
  for (const score of Object.values(families))
    score.recall = score.samples ? Number((score.found / score.samples).toFixed(3)) : 1;
  return { families, missed, falsePositives };
}
