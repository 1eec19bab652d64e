import { afterAll, describe, expect, test } from '@jest/globals';
import { gitHistoryCheck } from '../../checks/git-history.js';
import { TEST_FIXTURE_PATH, testFixtureReason } from '../../checks/lib/secrets/test-fixtures.js';
import { secretsCheck } from '../../checks/secrets.js';
import { FakeSecrets } from '../helpers/repo-fake-secrets.js';
import { commitAll, gitInit, removeDirs, repoContext, tempDir, writeFiles } from '../helpers/repo-temp.js';
import { buildSecretCorpus } from '../helpers/secret-corpus.js';

const fake = new FakeSecrets(14);
// Built by code: the repository's own scan (secret-rules.test) must find no literal in this file.
const FIXTURE = ['Pass', 'word', '123$'].join('');
const dirs: string[] = [];
afterAll(() => removeDirs(dirs));

describe('test fixture paths', () => {
  test.each([
    ['test/helper.ts', true],
    ['tests/db.py', true],
    ['src/__tests__/a.ts', true],
    ['fixtures/users.json', true],
    ['test/fixtures/seed.sql', true],
    ['spec/models/user_spec.rb', true],
    ['src/user.test.ts', true],
    ['src/user.spec.js', true],
    ['src/config.ts', false],
    ['src/testing-utils.ts', false],
    ['contest/entry.ts', false],
    ['.env', false],
  ])('%s → %s', (file, expected) => {
    expect(TEST_FIXTURE_PATH.test(file)).toBe(expected);
  });
});

describe('which findings in test paths are not failures', () => {
  test.each([
    ['a hand-written password in test/', 'test/helper.ts', 'generic-secret-assignment', FIXTURE, true],
    [
      'a word-made password (entropy 3.7)',
      'test/users.test.ts',
      'generic-secret-assignment',
      'WrongPassword123$',
      true,
    ],
    ['the same in a *.spec.* file', 'src/users.spec.ts', 'generic-secret-assignment', 'test_password', true],
    ['a fixture DB URL password', 'tests/db.test.ts', 'connection-string-password', 'postgres', true],
    ['the same password outside tests', 'src/seed.ts', 'generic-secret-assignment', FIXTURE, false],
    ['generated key material in test/', 'test/keys.ts', 'generic-secret-assignment', fake.alnum(32), false],
    [
      'a long value in test/',
      'test/a.ts',
      'generic-secret-assignment',
      'correct-horse-battery-staple-x',
      false,
    ],
    ['an AWS key in test/', 'test/aws.ts', 'aws-access-key-id', fake.awsAccessKeyId(), false],
    ['a GitHub token in __tests__/', '__tests__/gh.ts', 'github-pat', fake.githubToken(), false],
    ['a private key in fixtures/', 'fixtures/key.pem', 'private-key', 'MIIEow', false],
  ])('%s', (_name, file, ruleId, secret, allowed) => {
    expect(testFixtureReason(file, ruleId, secret) !== undefined).toBe(allowed);
  });
});

describe('the secrets and git-history checks on a repository with test fixtures', () => {
  const repo = (files: Record<string, string>) => {
    const dir = tempDir('shipgate-fixture-secrets-');
    dirs.push(dir);
    writeFiles(dir, files);
    gitInit(dir);
    commitAll(dir, 'fixtures');
    return dir;
  };
  const helper = `export const user = {\n  username: 'basic',\n  password: '${FIXTURE}'\n};\n`;

  test('fixture passwords only: pass, with the allowed findings named in the summary and details', async () => {
    const dir = repo({ 'test/helper.ts': helper, 'src/app.ts': 'export const ok = 1;\n' });
    const outcome = await secretsCheck.run(
      secretsCheck.params.parse({ engine: 'builtin' }),
      repoContext(dir),
    );
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/1 test-fixture password allowed/);
    expect(outcome.details).toContain('test/helper.ts:3 generic-secret-assignment: allowed, test fixture');
    expect(outcome.details).not.toContain(FIXTURE);
    const history = await gitHistoryCheck.run({}, repoContext(dir));
    expect([history.status, history.summary]).toEqual([
      'pass',
      expect.stringMatching(/1 test-fixture password allowed/),
    ]);
  });

  test('a real-format token in a test path still fails, beside the allowed fixture', async () => {
    const token = fake.githubToken();
    const dir = repo({ 'test/helper.ts': helper, 'test/github.test.ts': `const token = '${token}';\n` });
    const outcome = await secretsCheck.run(
      secretsCheck.params.parse({ engine: 'builtin' }),
      repoContext(dir),
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.findings?.map((f) => f.file)).toEqual(['test/github.test.ts']);
    expect(JSON.stringify(outcome)).not.toContain(token);
    const history = await gitHistoryCheck.run({}, repoContext(dir));
    expect(history.status).toBe('fail');
    expect(history.findings?.map((f) => f.file)).toEqual(['test/github.test.ts']);
  });

  test('the same fixture password in application code fails', async () => {
    const dir = repo({ 'src/seed.ts': helper });
    const outcome = await secretsCheck.run(
      secretsCheck.params.parse({ engine: 'builtin' }),
      repoContext(dir),
    );
    expect(outcome.status).toBe('fail');
  });
});

describe('the corpus moved into test paths', () => {
  // Generic assignments and connection-string passwords are what the rule may allow (low entropy, short).
  const judgedByName = new Set(['generic', 'connection-string']);
  test('every provider-format secret is still a failure there; only name-judged ones may be allowed', async () => {
    const corpus = buildSecretCorpus().filter((sample) => sample.positive);
    const dir = tempDir('shipgate-corpus-in-tests-');
    dirs.push(dir);
    const files: Record<string, string> = {};
    corpus.forEach((sample, index) => {
      files[`test/s${index}/${sample.file}`] = sample.text;
    });
    writeFiles(dir, files);
    const outcome = await secretsCheck.run(
      secretsCheck.params.parse({ engine: 'builtin' }),
      repoContext(dir),
    );
    const found = new Set((outcome.findings ?? []).map((f) => f.file?.split('/')[1]));
    const missed = corpus.filter(
      (sample, index) => !judgedByName.has(sample.family) && !found.has(`s${index}`),
    );
    expect(missed.map((sample) => sample.label)).toEqual([]);
  });
});
