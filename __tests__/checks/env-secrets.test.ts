import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CheckContext } from '../../checks/check.js';
import { envSecretsCheck } from '../../checks/env-secrets.js';
import { type ApiServer, startApiServer } from '../helpers/repo-api-server.js';
import { FakeSecrets } from '../helpers/repo-fake-secrets.js';
import { removeDirs, repoContext, tempDir, writeFiles } from '../helpers/repo-temp.js';

const fake = new FakeSecrets(3);

// An app that documents the variables these tests ask about (others are not applicable to it).
const app = tempDir('shipgate-env-app-');
writeFiles(app, {
  '.env.example': [
    'A',
    'OTHER',
    'A_SECRET',
    'B_SECRET',
    'C_SECRET',
    'JWT_SECRET',
    'OPENAI_API_KEY',
    'PIN_PEPPER',
    'SESSION_SECRET',
    'SQUARE_ACCESS_TOKEN',
    'SUPABASE_SERVICE_ROLE_KEY',
    'SUPABASE_URL',
    'ID_TOKEN',
    'DATABASE_URL',
  ]
    .map((name) => `${name}=`)
    .join('\n'),
});
afterAll(() => removeDirs([app]));

async function run(
  params: Record<string, unknown>,
  env: Record<string, string>,
  extra: Partial<CheckContext> = {},
) {
  const parsed = envSecretsCheck.params.parse(params);
  const outcome = await envSecretsCheck.run(parsed, repoContext(app, { env, ...extra }));
  // whatever happens, no value is ever printed
  for (const value of Object.values(env)) expect(JSON.stringify(outcome)).not.toContain(value);
  return outcome;
}

describe('env-secrets check: present and strong', () => {
  it('passes a long random JWT_SECRET and states the figures', async () => {
    const outcome = await run({ name: 'JWT_SECRET', minLength: '32' }, { JWT_SECRET: fake.alnum(48) });
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/^JWT_SECRET set \(48 chars ≥ 32, \d\.\d bits\/char ≥ 3\.0\)$/);
  });

  it.each([
    [{ name: 'SQUARE_ACCESS_TOKEN' }, {}, 'SQUARE_ACCESS_TOKEN is not set'],
    [{ name: 'JWT_SECRET', minLength: 32 }, { JWT_SECRET: fake.alnum(12) }, 'JWT_SECRET is 12 chars < 32'],
    [
      { name: 'PIN_PEPPER', minLength: 32 },
      { PIN_PEPPER: 'ab'.repeat(20) },
      'PIN_PEPPER has low entropy (1.0 bits/char < 3.0)',
    ],
    [{ name: 'SESSION_SECRET' }, { SESSION_SECRET: 'changeme' }, 'SESSION_SECRET holds a placeholder value'],
    [{ name: 'SESSION_SECRET' }, { SESSION_SECRET: '   ' }, 'SESSION_SECRET is not set'],
  ])('fails %j', async (params, env, summary) => {
    const outcome = await run(params, env);
    expect(outcome).toMatchObject({ status: 'fail', summary, findings: [{ message: summary }] });
  });

  it.each([
    ['SQUARE_ACCESS_TOKEN', fake.squareAccessToken(), 'Square access token'],
    ['SUPABASE_SERVICE_ROLE_KEY', fake.supabaseJwt('service_role'), 'Supabase service-role key'],
    ['SUPABASE_SERVICE_ROLE_KEY', fake.supabaseSecretKey(), 'Supabase service-role key'],
    ['OPENAI_API_KEY', fake.openaiProjectKey(), 'OpenAI API key'],
    ['SUPABASE_URL', `https://${fake.chars('qwertyuiopasdfghjklzxcvbnm', 20)}.supabase.co`, 'Supabase URL'],
  ])('accepts a well-formed %s (format inferred from the name)', async (name, value, label) => {
    const outcome = await run({ name }, { [name]: value });
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toContain(`${name} set (${label}, `);
  });

  it.each([
    ['SQUARE_ACCESS_TOKEN', { format: 'square' }, fake.openaiPlainKey(), 'is not a Square access token'],
    [
      'SUPABASE_SERVICE_ROLE_KEY',
      {},
      fake.supabaseJwt('anon'),
      'is a JWT with role "anon", not "service_role"',
    ],
    ['OPENAI_API_KEY', {}, fake.stripeKey(), 'is not an OpenAI API key'],
    ['SUPABASE_URL', {}, 'http://localhost:54321', 'is not an https URL'],
    ['ID_TOKEN', { format: 'jwt' }, fake.jwt({ sub: 'x', exp: 1_000_000 }), 'is an expired JWT'],
    ['ID_TOKEN', { format: 'jwt' }, fake.alnum(40), 'is not a well-formed JWT'],
  ])('rejects a malformed %s', async (name, extra, value, problem) => {
    const outcome = await run({ name, ...extra }, { [name]: value });
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toContain(`${name} ${problem}`);
  });

  // The checks workflow `shipgate init` writes gives the job its service containers' URLs: those
  // are CI values, and must not pass for production's.
  it.each([
    [`postgres://postgres:${fake.alnum(24)}@localhost:5432/app`, 'fail', 'localhost'],
    [`mysql://root:${fake.alnum(24)}@127.0.0.1:3306/app`, 'fail', '127.0.0.1'],
    [`postgres://app:${fake.alnum(24)}@db-7f3k.prod.acme.io:5432/orders`, 'pass', undefined],
  ])('a DATABASE_URL on a loopback host is not production’s (%#)', async (value, status, host) => {
    const outcome = await run({ name: 'DATABASE_URL' }, { DATABASE_URL: value });
    expect(outcome.status).toBe(status);
    if (host)
      expect(outcome.summary).toBe(
        `DATABASE_URL points at ${host}: a development or CI service, not production's`,
      );
  });

  it('checks a list of names and reports the failing ones', async () => {
    const env = { A_SECRET: fake.alnum(40), B_SECRET: fake.alnum(40) };
    expect(await run({ names: 'A_SECRET, B_SECRET' }, env)).toMatchObject({
      status: 'pass',
      summary: '2 of 2 variables set and strong',
    });
    expect(await run({ names: 'A_SECRET,B_SECRET,C_SECRET' }, env)).toMatchObject({
      status: 'fail',
      summary: '1 of 3 variables failing: C_SECRET is not set',
    });
  });

  it('rejects directives without a name or with bad names', () => {
    expect(envSecretsCheck.params.safeParse({}).success).toBe(false);
    expect(envSecretsCheck.params.safeParse({ name: 'not a name' }).success).toBe(false);
    expect(envSecretsCheck.params.safeParse({ names: 'A,b c' }).success).toBe(false);
    expect(envSecretsCheck.params.safeParse({ name: 'A', format: 'aws' }).success).toBe(false);
  });
});

describe('env-secrets check: rotated (GitHub secret metadata)', () => {
  let api: ApiServer;
  beforeAll(async () => {
    api = await startApiServer();
  });
  afterAll(() => api.close());

  // a minute of slack: the check reads the clock before the server answers
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000 - 60_000).toISOString();
  const github = () => ({ token: 'test-token', owner: 'acme', repo: 'shop', apiUrl: api.url });

  it('passes when the secret was updated within maxAgeDays, sending GitHub headers', async () => {
    api.route = (url) =>
      url === '/repos/acme/shop/actions/secrets/SESSION_SECRET'
        ? { status: 200, body: { name: 'SESSION_SECRET', created_at: daysAgo(400), updated_at: daysAgo(10) } }
        : { status: 404 };
    const outcome = await run({ name: 'SESSION_SECRET', mode: 'rotated' }, {}, { github: github() });
    expect(outcome).toMatchObject({
      status: 'pass',
      summary: 'SESSION_SECRET rotated 10 days ago ≤ 90 days',
    });
    expect(api.requests.at(-1)?.headers).toMatchObject({
      authorization: 'token test-token', // Octokit's scheme (GitHub accepts both)
      'x-github-api-version': '2022-11-28',
    });
  });

  it('fails when the secret is older than maxAgeDays or missing', async () => {
    api.route = (url) =>
      url.endsWith('/SESSION_SECRET')
        ? {
            status: 200,
            body: { name: 'SESSION_SECRET', created_at: daysAgo(200), updated_at: daysAgo(200) },
          }
        : { status: 404, body: { message: 'Not Found' } };
    expect(
      await run({ name: 'SESSION_SECRET', mode: 'rotated', maxAgeDays: '30' }, {}, { github: github() }),
    ).toMatchObject({
      status: 'fail',
      summary: 'SESSION_SECRET last rotated 200 days ago > 30 days',
    });
    expect(await run({ name: 'OTHER', mode: 'rotated' }, {}, { github: github() })).toMatchObject({
      status: 'fail',
      summary: 'OTHER is not a GitHub Actions secret of acme/shop',
    });
  });

  it('reads environment secrets when asked', async () => {
    api.route = (url) =>
      url === '/repos/acme/shop/environments/production/secrets/SESSION_SECRET'
        ? { status: 200, body: { name: 'SESSION_SECRET', created_at: daysAgo(5), updated_at: daysAgo(5) } }
        : { status: 404 };
    const params = { name: 'SESSION_SECRET', mode: 'rotated', environment: 'production' };
    expect((await run(params, {}, { github: github() })).status).toBe('pass');
  });

  it('is skipped without GitHub access or when the token may not read secrets', async () => {
    expect(await run({ name: 'SESSION_SECRET', mode: 'rotated' }, {})).toEqual({
      status: 'skipped',
      summary: 'no GitHub token: cannot read when SESSION_SECRET was last rotated',
    });
    api.route = () => ({ status: 403, body: { message: 'Resource not accessible by integration' } });
    expect(await run({ name: 'SESSION_SECRET', mode: 'rotated' }, {}, { github: github() })).toMatchObject({
      status: 'skipped',
      summary: expect.stringContaining('(HTTP 403)'),
    });
  });
});

describe('env-secrets on an app that does not use the variable', () => {
  it('is not applicable (a Vite SPA is not asked for Restaurant OS secrets); a variable read in the sources counts', async () => {
    const spa = tempDir('shipgate-env-spa-');
    try {
      writeFiles(spa, {
        '.env.example': 'VITE_API_URL=\n',
        'src/main.ts':
          'const key = process.env.STRIPE_SECRET_KEY;\nconst url = import.meta.env.VITE_API_URL;\n',
      });
      const ctx = (env: Record<string, string>) => repoContext(spa, { env });
      const square = await envSecretsCheck.run(
        envSecretsCheck.params.parse({ name: 'SQUARE_ACCESS_TOKEN' }),
        ctx({}),
      );
      expect(square).toEqual({
        status: 'skipped',
        summary:
          'not applicable: the app does not use SQUARE_ACCESS_TOKEN (not in .env.example, no process.env/import.meta.env read in its sources)',
      });
      const stripe = await envSecretsCheck.run(
        envSecretsCheck.params.parse({ names: 'STRIPE_SECRET_KEY,PIN_PEPPER' }),
        ctx({}),
      );
      expect(stripe.status).toBe('fail');
      expect(stripe.summary).toBe('STRIPE_SECRET_KEY is not set');
      expect(stripe.details).toContain('not judged (the app does not use them): PIN_PEPPER');
    } finally {
      removeDirs([spa]);
    }
  });
});
