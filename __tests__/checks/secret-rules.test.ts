import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { base62Checksum, crc32 } from '../../checks/lib/secrets/checksum.js';
import { scanText } from '../../checks/lib/secrets/engine.js';
import { SECRET_RULES } from '../../checks/lib/secrets/rules.js';
import { ALNUM, FakeSecrets } from '../helpers/repo-fake-secrets.js';
import { buildSecretCorpus } from '../helpers/secret-corpus.js';

const fake = new FakeSecrets();
const dashes = '-'.repeat(5);
/** `${NAME}`, a shell/compose variable reference (built at run time to keep the linter quiet). */
const ref = (name: string) => `$${'{'}${name}}`;

interface Case {
  name: string;
  file: string;
  text: string;
  /** Expected rule id, or null when the text must produce no finding. */
  rule: string | null;
  /** The secret that must never appear in the display. */
  secret?: string;
}

function tp(name: string, rule: string, file: string, secret: string, line: (s: string) => string): Case {
  return { name, rule, file, text: line(secret), secret };
}

const truePositives: Case[] = [
  tp(
    'AWS access key id',
    'aws-access-key-id',
    'src/aws.ts',
    fake.awsAccessKeyId(),
    (s) => `const id = '${s}';`,
  ),
  tp(
    'AWS secret key',
    'aws-secret-access-key',
    '.env.prod',
    fake.awsSecretAccessKey(),
    (s) => `AWS_SECRET_ACCESS_KEY=${s}`,
  ),
  tp('GitHub ghp_', 'github-token', 'ci.sh', fake.githubToken('p'), (s) => `export GH=${s}`),
  tp('GitHub gho_', 'github-token', 'a.json', fake.githubToken('o'), (s) => `{"t": "${s}"}`),
  tp('GitHub ghu_', 'github-token', 'a.ts', fake.githubToken('u'), (s) => `x("${s}")`),
  tp('GitHub ghs_', 'github-token', 'a.ts', fake.githubToken('s'), (s) => `x("${s}")`),
  tp('GitHub ghr_', 'github-token', 'a.ts', fake.githubToken('r'), (s) => `x("${s}")`),
  tp(
    'GitHub fine-grained',
    'github-fine-grained-pat',
    'a.ts',
    fake.githubFineGrainedPat(),
    (s) => `t = "${s}"`,
  ),
  tp('Slack bot token', 'slack-token', 'bot.py', fake.slackToken('b'), (s) => `client = WebClient("${s}")`),
  tp('Slack user token', 'slack-token', 'bot.py', fake.slackToken('p'), (s) => `client = WebClient("${s}")`),
  tp('Slack webhook', 'slack-webhook', 'notify.ts', fake.slackWebhook(), (s) => `post('${s}')`),
  tp('Stripe sk_live_', 'stripe-secret-key', 'pay.ts', fake.stripeKey('sk'), (s) => `new Stripe('${s}')`),
  tp('Stripe rk_live_', 'stripe-secret-key', 'pay.ts', fake.stripeKey('rk'), (s) => `new Stripe('${s}')`),
  tp(
    'Square access token',
    'square-access-token',
    'sq.ts',
    fake.squareAccessToken(),
    (s) => `accessToken: '${s}',`,
  ),
  tp(
    'Square app secret',
    'square-application-secret',
    'sq.ts',
    fake.squareApplicationSecret(),
    (s) => `x = '${s}'`,
  ),
  tp(
    'Supabase service role JWT',
    'supabase-service-role-key',
    'db.ts',
    fake.supabaseJwt('service_role'),
    (s) => `createClient(url, '${s}')`,
  ),
  tp(
    'Supabase sbp_',
    'supabase-access-token',
    'deploy.sh',
    fake.supabaseAccessToken(),
    (s) => `SUPABASE_ACCESS=${s}`,
  ),
  tp('Supabase sb_secret_', 'supabase-secret-key', 'srv.ts', fake.supabaseSecretKey(), (s) => `key: '${s}',`),
  tp(
    'OpenAI project key',
    'openai-api-key',
    'ai.ts',
    fake.openaiProjectKey(),
    (s) => `new OpenAI({ apiKey: '${s}' })`,
  ),
  tp(
    'OpenAI legacy T3BlbkFJ key',
    'openai-api-key',
    'ai.py',
    fake.openaiLegacyKey(),
    (s) => `openai.api_key = "${s}"`,
  ),
  tp('PEM RSA private key', 'private-key', 'key.pem', fake.privateKeyPem(), (s) => s),
  tp(
    'OpenSSH key with runs of A',
    'private-key',
    'id_ed25519',
    fake.privateKeyPem('OPENSSH PRIVATE KEY', 'AAAAAAAAAAAB'),
    (s) => s,
  ),
  tp(
    'PEM key in JSON',
    'private-key',
    'sa.json',
    fake.privateKeyPem('PRIVATE KEY'),
    (s) => `{"private_key": "${s.replace(/\n/g, '\\n')}"}`,
  ),
  tp(
    'postgres URL with password',
    'connection-string-password',
    'db.ts',
    fake.password(),
    (s) => `const url = 'postgres://app:${s}@db.internal:5432/app';`,
  ),
  tp(
    'mongodb+srv URL',
    'connection-string-password',
    'db.ts',
    fake.password(),
    (s) => `uri = "mongodb+srv://svc:${s}@cluster0.abcde.mongodb.net/x"`,
  ),
  tp(
    'generic password in .env',
    'generic-secret-assignment',
    '.env',
    fake.password(),
    (s) => `DB_PASSWORD=${s}`,
  ),
  tp(
    'generic quoted api key in code',
    'generic-secret-assignment',
    'cfg.ts',
    fake.password(32),
    (s) => `const apiKey = "${s}";`,
  ),
  tp(
    'generic yaml secret',
    'generic-secret-assignment',
    'values.yaml',
    fake.password(),
    (s) => `  client_secret: ${s}`,
  ),
  // `aws_secret` contains the generic keyword `secret`: the keyword pass must still run the generic rule
  tp(
    'generic value under an AWS-ish key',
    'generic-secret-assignment',
    '.env',
    fake.password(20),
    (s) => `AWS_SECRET=${s}`,
  ),
];

const jwtSample = fake.supabaseJwt('anon');
truePositives.push(
  tp(
    'Bedrock API key',
    'aws-bedrock-api-key',
    'a.ts',
    `ABSK${Buffer.from(`BedrockAPIKey-${fake.alnum(8)}-at-${fake.alnum(60)}`).toString('base64')}`,
    (s) => `key = '${s}'`,
  ),
  tp(
    'Azure storage key',
    'azure-storage-account-key',
    'app.config',
    `${fake.chars(ALNUM, 86)}==`,
    (s) => `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${s};EndpointSuffix=core.windows.net`,
  ),
  tp(
    'PuTTY key',
    'putty-private-key',
    'id.ppk',
    Array.from({ length: 4 }, () => fake.chars(ALNUM, 64)).join('\n'),
    (s) =>
      `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: me\nPublic-Lines: 2\nAAAA\nBBBB\nPrivate-Lines: 4\n${s}\n`,
  ),
  tp(
    'base64 JWT',
    'jwt-base64',
    'secret.yaml',
    Buffer.from(jwtSample).toString('base64'),
    (s) => `data:\n  token: ${s}`,
  ),
  tp(
    'Bearer header',
    'authorization-header',
    'a.sh',
    fake.alnum(40),
    (s) => `curl -H "Authorization: Bearer ${s}" https://api`,
  ),
  tp(
    'password in an https URL',
    'basic-auth-url',
    'src/client.ts',
    `r3l${fake.alnum(9)}`,
    (s) => `const API = "https://deploy:${s}@api.${'corp'}.com/v2";`,
  ),
  tp(
    'Google Cloud service account key file',
    'gcp-service-account-key',
    'keys/sa.json',
    `"type": "${'service'}_account"`,
    // built from parts: this file is scanned too (no key file committed)
    (s) =>
      `{\n  ${s},\n  "project_id": "orders",\n  "${'private'}_key_id": "${fake.chars('0123456789abcdef', 40)}",\n  "${'private'}_key": "…"\n}`,
  ),
  tp(
    'password literal in Terraform',
    'terraform-password',
    'infra/main.tf',
    `Db${fake.alnum(12)}`,
    (s) => `  administrator_login_password = "${s}"`,
  ),
  tp(
    'Clojars deploy token',
    'clojars-deploy-token',
    'deploy.sh',
    `${'CLOJARS'}_${fake.chars('0123456789abcdef', 60)}`,
    (s) => `export CLOJARS_PASSWORD=${s}`,
  ),
  tp(
    'New Relic key under a New Relic name',
    'new-relic-keyed-key',
    'newrelic.yml',
    fake.alnum(64),
    (s) => `new_relic_key: ${s}`,
  ),
);

const integrityWithAwsLookalike = `sha512-${fake.alnum(20)}/${fake.awsAccessKeyId()}+${fake.alnum(40)}==`;

const falsePositives: Case[] = [
  { name: 'AWS docs example key', rule: null, file: 'a.md', text: `id: AKIA${'IOSFODNN7'}EXAMPLE` },
  {
    name: 'AWS secret reference',
    rule: null,
    file: '.env',
    text: `AWS_SECRET_ACCESS_KEY=${ref('AWS_SECRET')}`,
  },
  { name: 'GitHub placeholder', rule: null, file: 'a.ts', text: `t = 'ghp_${'x'.repeat(36)}'` },
  {
    name: 'GitHub token from env',
    rule: null,
    file: 'a.ts',
    text: 'const token = process.env.GITHUB_TOKEN;',
  },
  { name: 'GitHub too short', rule: null, file: 'a.ts', text: `t = 'ghp_${fake.alnum(10)}'` },
  { name: 'Fine-grained placeholder', rule: null, file: 'a.md', text: 'GH=github_pat_<your-token>' },
  { name: 'Slack placeholder', rule: null, file: 'a.md', text: 'SLACK=xoxb-your-token-here' },
  {
    name: 'Slack webhook placeholder',
    rule: null,
    file: 'a.md',
    text: 'https://hooks.slack.com/services/XXXXXXXX/XXXXXXXX/XXXXXXXXXXXXXXXX',
  },
  {
    name: 'Stripe test key is a secret too',
    rule: 'stripe-secret-key',
    file: 'a.ts',
    text: `k = 'sk_${'test'}_${fake.alnum(24)}'`,
  },
  { name: 'Stripe publishable key', rule: null, file: 'a.ts', text: `k = 'pk_${'live'}_${fake.alnum(24)}'` },
  {
    name: 'OpenAI-looking key without T3BlbkFJ',
    rule: null,
    file: 'ai.py',
    text: `client = OpenAI(api_key="sk-${fake.alnum(48)}")`,
  },
  {
    name: 'GitHub-looking words without a checksum',
    rule: null,
    file: 'a.ts',
    text: `t = 'ghp_${'PersonalAccessTokenGoesHereNow'}${'12345'}6'`,
  },
  { name: 'Stripe low-entropy', rule: null, file: 'a.ts', text: `k = 'sk_live_${'0'.repeat(24)}'` },
  { name: 'Square low-entropy', rule: null, file: 'a.ts', text: `t = 'EAAA${'A'.repeat(60)}'` },
  {
    name: 'Square app secret placeholder',
    rule: null,
    file: 'a.md',
    text: 'sq0csp-<your-application-secret>',
  },
  {
    name: 'Supabase anon JWT is reported as a JWT',
    rule: 'jwt',
    file: 'db.ts',
    text: `createClient(url, '${fake.supabaseJwt('anon')}')`,
  },
  { name: 'Supabase sbp_ low-entropy', rule: null, file: 'a.sh', text: `T=sbp_${'0'.repeat(40)}` },
  {
    name: 'Supabase secret placeholder',
    rule: null,
    file: '.env.example',
    text: 'KEY=sb_secret_your-secret-key-here',
  },
  { name: 'OpenAI placeholder', rule: null, file: '.env.example', text: 'OPENAI_API_KEY=sk-your-key-here' },
  { name: 'OpenAI x placeholder', rule: null, file: 'a.ts', text: `k = 'sk-proj-${'x'.repeat(60)}'` },
  { name: 'words ending in sk-', rule: null, file: 'a.ts', text: `const task-${fake.alnum(48)} = 1` },
  {
    name: 'PEM public key',
    rule: null,
    file: 'k.pem',
    text: `${dashes}BEGIN PUBLIC KEY${dashes}\n${fake.alnum(64)}\n${dashes}END PUBLIC KEY${dashes}`,
  },
  {
    name: 'code mentioning both PEM markers',
    rule: null,
    file: 'key.js',
    text: `if (!key.startsWith('${dashes}BEGIN RSA PRIVATE KEY${dashes}')) {\n  throw new Error('expected a key such as ${dashes}END RSA PRIVATE KEY${dashes}');\n}`,
  },
  {
    name: 'documentation token with a run of zeros',
    rule: null,
    file: 'README.md',
    text: `createTokenAuth("ghp_PersonalAccessToken0124567${'0'.repeat(10)}")`,
  },
  {
    name: 'documentation hex with a counting sequence',
    rule: null,
    file: 'README.md',
    text: `clientSecret: "${'1234567890abcdef'.repeat(2)}12345678",`,
  },
  { name: 'short doc example', rule: null, file: 'core.js', text: ' * const apiToken = "abc123xyz456";' },
  {
    name: 'enum-like words',
    rule: null,
    file: 'p.d.ts',
    text: 'PrivateStateTokenIssuance = "PrivateStateTokenIssuance",',
  },
  {
    name: 'PEM doc stub',
    rule: null,
    file: 'a.md',
    text: `${dashes}BEGIN RSA PRIVATE KEY${dashes}\nMIIEow...\n${dashes}END RSA PRIVATE KEY${dashes}`,
  },
  {
    name: 'connection string with a variable reference',
    rule: null,
    file: 'db.ts',
    text: `url = "postgres://app:${ref('DB_PASSWORD')}@db/app"`,
  },
  {
    name: 'local dev database',
    rule: null,
    file: 'compose.yml',
    text: `DATABASE_URL: postgres://app:${fake.password()}@localhost:5432/app`,
  },
  {
    name: 'connection string placeholder',
    rule: null,
    file: 'a.md',
    text: 'postgres://user:password@host/db',
  },
  { name: 'changeme', rule: null, file: 'a.ts', text: 'const password = "changeme";' },
  { name: 'empty value', rule: null, file: '.env', text: 'JWT_SECRET=' },
  { name: 'angle placeholder', rule: null, file: '.env', text: 'API_KEY=<api-key>' },
  { name: 'process.env lookup', rule: null, file: 'a.ts', text: 'const apiKey = process.env.API_KEY;' },
  { name: 'import.meta.env lookup', rule: null, file: 'a.ts', text: 'apiKey: import.meta.env.VITE_API_KEY,' },
  {
    name: 'variable reference in .env',
    rule: null,
    file: '.env',
    text: `SESSION_SECRET=${ref('SESSION_SECRET')}`,
  },
  { name: 'low entropy value', rule: null, file: 'a.ts', text: 'password = "aaaaaaaabbbbbbbb"' },
  {
    name: 'descriptive key',
    rule: null,
    file: 'a.ts',
    text: 'token_url = "https://oauth2.googleapis.com/token"',
  },
  {
    name: 'regex source in a secret-named constant',
    rule: null,
    file: 'a.ts',
    text: "const VERSION_TOKEN = '(\\\\d+\\\\.\\\\d+\\\\.\\\\d+(?:-[0-9A-Za-z.-]+)?)';",
  },
  { name: 'i18n key', rule: null, file: 'a.ts', text: 'password: "auth.errors.passwordTooShort",' },
  { name: 'bare code value', rule: null, file: 'a.ts', text: `const secret = ${fake.alnum(20)};` },
  {
    name: 'AWS-lookalike outside an integrity hash is found',
    rule: 'aws-access-key-id',
    file: 'a.txt',
    text: `"x": "${integrityWithAwsLookalike.slice(7)}"`,
  },
  {
    name: 'lockfile integrity hash',
    rule: null,
    file: 'package-lock.json',
    text: `"integrity": "${integrityWithAwsLookalike}"`,
  },
  {
    name: 'shipgate:allow pragma',
    rule: null,
    file: 'a.ts',
    text: `t = '${fake.githubToken()}' // shipgate:allow`,
  },
  {
    name: 'gitleaks:allow pragma',
    rule: null,
    file: 'a.py',
    text: `t = '${fake.githubToken()}' # gitleaks:allow`,
  },
  {
    name: 'fixture pragma',
    rule: null,
    file: 'a.ts',
    text: `// shipgate:fixture\nt = '${fake.githubToken()}'`,
  },
];

describe('built-in secret rules', () => {
  it.each(truePositives)('finds $name', ({ rule, file, text, secret }) => {
    const hits = scanText(text, file);
    expect(hits.map((hit) => hit.ruleId)).toEqual([rule]);
    const display = hits[0]?.display ?? '';
    expect(display).toContain('[redacted]');
    expect(display).not.toContain(secret ?? '');
  });

  it.each(falsePositives)('ignores $name', ({ file, text, rule }) => {
    expect(scanText(text, file).map((hit) => hit.ruleId)).toEqual(rule ? [rule] : []);
  });

  it('keeps a token with a valid checksum even when it reads like a placeholder', () => {
    const body = `${'0'.repeat(6)}${fake.alnum(24)}`;
    const token = `ghp_${body}${base62Checksum(crc32(body))}`;
    expect(scanText(`t = '${token}'`, 'a.ts').map((hit) => hit.ruleId)).toEqual(['github-token']);
  });

  it('has a true positive for every rule (in its own test or in the corpus)', () => {
    const corpus = buildSecretCorpus();
    const byCorpus = new Set(
      corpus.filter((s) => s.positive).flatMap((s) => scanText(s.text, s.file).map((hit) => hit.ruleId)),
    );
    const covered = new Set([...truePositives.map((c) => c.rule), ...byCorpus]);
    expect(SECRET_RULES.map((rule) => rule.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('reports the line of a match', () => {
    const hits = scanText(`a\nb\nconst k = '${fake.stripeKey()}';\n`, 'x.ts');
    expect(hits.map((hit) => hit.line)).toEqual([3]);
  });

  it('finds nothing in its own source and tests (no literal secrets committed)', () => {
    const root = process.cwd();
    const mine = (dir: string, pattern: RegExp) =>
      readdirSync(path.join(root, dir), { withFileTypes: true })
        .filter((entry) => entry.isFile() && pattern.test(entry.name))
        .map((entry) => entry.name)
        .map((name) => `${dir}/${name}`);
    const files = [
      ...mine('checks/lib', /^(?:secret-|git)/),
      ...mine('checks/lib/secrets', /\.ts$/),
      ...mine(
        '__tests__/checks',
        /^(?:secret|git-history|env-|changelog|version|migrations|coverage|ci-status)/,
      ),
      ...mine('__tests__/helpers', /^(?:repo-|secret-)/),
    ];
    expect(files.length).toBeGreaterThan(10);
    const hits = files.flatMap((file) =>
      scanText(readFileSync(path.join(root, file), 'utf8'), file).map(
        (hit) => `${file}:${hit.line} ${hit.ruleId}`,
      ),
    );
    expect(hits).toEqual([]);
  });
});
