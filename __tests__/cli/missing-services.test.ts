import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { runCli } from '../helpers/cli-io.js';
import { removeDirs, tempDir, writeFiles } from '../helpers/repo-temp.js';

const dirs: string[] = [];
afterAll(() => removeDirs(dirs));

/** An Express app over PostgreSQL whose server exits when the database does not answer, as real ones do. */
function app(): string {
  const dir = tempDir('shipgate-services-');
  dirs.push(dir);
  writeFiles(dir, {
    'package.json': JSON.stringify({
      name: 'orders',
      dependencies: { express: '5', pg: '8' },
      scripts: { start: 'node server.js' },
    }),
    'server.js': "console.error('connect ECONNREFUSED', process.env.DATABASE_URL);\nprocess.exit(1);\n",
    'routes.js': "app.get('/health', (req, res) => res.json({ ok: true }));\n",
  });
  return dir;
}

async function listen(): Promise<Server> {
  const server = createServer((socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const portOf = (server: Server) => (server.address() as { port: number }).port;

test('a database that is not running is named once, with the items that wait on it', async () => {
  const dir = app();
  expect((await runCli(['init', dir])).code).toBe(0);
  // A port nothing listens on: taken, then released.
  const closed = await listen();
  const port = portOf(closed);
  await new Promise((resolve) => closed.close(resolve));
  const env = { DATABASE_URL: `postgres://app@127.0.0.1:${port}/orders` };
  const { stdout } = await runCli(['check', dir, '--only', 'health'], { env });
  const lines = stdout.split('\n');
  expect(lines.filter((line) => line.includes('not reachable here'))).toEqual([
    `PostgreSQL (127.0.0.1:${port}) not reachable here: 2 items that run or build the app errored and wait on it (health ×2).`,
  ]);
  expect(stdout).toContain('  - PostgreSQL: the app needs it (depends on pg)');
  const json = await runCli(['check', dir, '--only', 'health', '--format', 'json'], { env });
  const report = JSON.parse(json.stdout) as { results: { status: string; summary: string }[] };
  for (const result of report.results) {
    expect(result.status).toBe('error');
    expect(result.summary).toMatch(/^waits on PostgreSQL \(not reachable\): target failed to start/);
  }
}, 60_000);

test('when the database answers, the errors are the app’s own and nothing is blamed on it', async () => {
  const dir = app();
  await runCli(['init', dir]);
  const database = await listen();
  try {
    const env = { DATABASE_URL: `postgres://app@127.0.0.1:${portOf(database)}/orders` };
    const { stdout } = await runCli(['check', dir, '--only', 'health'], { env });
    expect(stdout).not.toContain('not reachable here');
    // the app's own start failure, said once with its cause
    expect(stdout.split('\n').filter((line) => line.startsWith('The app did not start'))).toEqual([
      expect.stringMatching(
        /^The app did not start \(target command "npm run start" exited with code 1\): 2 items that run it wait on it \(health ×2\); each item's result has the command's last output\.$/,
      ),
    ]);
  } finally {
    await new Promise((resolve) => database.close(resolve));
  }
}, 60_000);

test('a start command whose program is not installed is named once, and not blamed on the database', async () => {
  const dir = app();
  await runCli(['init', dir]);
  const config = join(dir, '.github/shipgate.yml');
  writeFileSync(
    config,
    readFileSync(config, 'utf8').replace('npm run start', 'shipgate-no-such-server --port 3000'),
  );
  const { stdout } = await runCli(['check', dir, '--only', 'health'], { env: { PATH: process.env.PATH } });
  expect(stdout).toContain(
    'shipgate-no-such-server is not installed here (the target command exited with 127): 2 items that run the app wait on it (health ×2).',
  );
  expect(stdout).not.toContain('PostgreSQL');
}, 60_000);

test('a check that does not run the app keeps its own skip when the app cannot start', async () => {
  const dir = app();
  await runCli(['init', dir]);
  const checklist = join(dir, '.github/shipgate/checklist.md');
  // coverage's skip names the paths it tried, target/site/jacoco/jacoco.xml among them: not a target problem.
  const text = readFileSync(checklist, 'utf8').replace(
    '- [ ] CHANGELOG.md updated <!-- shipgate: check=changelog -->\n',
    '- [ ] CHANGELOG.md updated <!-- shipgate: check=changelog -->\n- [ ] Coverage read <!-- shipgate: check=coverage -->\n',
  );
  expect(text).toContain('Coverage read');
  writeFileSync(checklist, text);
  // health runs the app (which cannot start), coverage only reads files
  const { stdout } = await runCli(['check', dir, '--only', 'coverage,health', '--format', 'json'], {
    env: { PATH: process.env.PATH },
  });
  const report = JSON.parse(stdout) as { results: { check: string; status: string; summary: string }[] };
  const coverage = report.results.find((result) => result.check === 'coverage');
  expect(coverage?.status).toBe('skipped');
  expect(coverage?.summary).toContain('target/site/jacoco/jacoco.xml');
  const health = report.results.filter((result) => result.check === 'health');
  expect(health.map((result) => result.status)).toEqual(['error', 'error']);
}, 60_000);

test('a jar the build did not produce is the cause, not the databases the compose file offers', async () => {
  const dir = tempDir('shipgate-services-');
  dirs.push(dir);
  writeFiles(dir, {
    'pom.xml':
      '<project><artifactId>clinic</artifactId><version>1.0.0</version><dependencies><dependency><artifactId>spring-boot-starter-web</artifactId></dependency><dependency><artifactId>spring-boot-starter-actuator</artifactId></dependency></dependencies></project>',
    'docker-compose.yml': 'services:\n  postgres:\n    image: postgres:18\n',
  });
  await runCli(['init', dir]);
  const config = join(dir, '.github/shipgate.yml');
  // the build is not what this test is about: a build that makes nothing
  writeFileSync(config, readFileSync(config, 'utf8').replace('mvn -B package -DskipTests', 'true'));
  const { stdout } = await runCli(['check', dir, '--only', 'health'], { env: { PATH: process.env.PATH } });
  expect(stdout).toContain(
    'target/clinic-1.0.0.jar does not exist (build.command `true` did not produce it): 2 items that run the app wait on it (health ×2).',
  );
  expect(stdout).not.toContain('PostgreSQL');
}, 60_000);

test('a failed build is said once, with the items that judge it', async () => {
  const dir = app();
  await runCli(['init', dir]);
  const config = join(dir, '.github/shipgate.yml');
  writeFileSync(config, `${readFileSync(config, 'utf8')}build:\n  command: "echo boom >&2; exit 3"\n`);
  const checklist = join(dir, '.github/shipgate/checklist.md');
  writeFileSync(
    checklist,
    readFileSync(checklist, 'utf8').replace(
      '- [ ] CHANGELOG.md updated <!-- shipgate: check=changelog -->\n',
      '- [ ] CHANGELOG.md updated <!-- shipgate: check=changelog -->\n- [ ] Assets minified <!-- shipgate: check=build-output aspect=minified -->\n- [ ] Main bundle small <!-- shipgate: check=bundle-size target=main limit="80 kB" -->\n',
    ),
  );
  const database = await listen();
  try {
    const env = {
      PATH: process.env.PATH,
      DATABASE_URL: `postgres://app@127.0.0.1:${portOf(database)}/orders`,
    };
    const { stdout } = await runCli(['check', dir, '--only', 'build-output,bundle-size'], { env });
    expect(stdout.split('\n').filter((line) => line.startsWith('The build command'))).toEqual([
      'The build command "echo boom >&2; exit 3" failed (exit 3): 2 items that judge the build wait on it (build-output, bundle-size); each item\'s result has the build\'s error line.',
    ]);
  } finally {
    await new Promise((resolve) => database.close(resolve));
  }
}, 60_000);
