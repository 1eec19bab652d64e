import { createServer, type Server } from 'node:net';
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
    expect(stdout).toContain('target failed to start');
  } finally {
    await new Promise((resolve) => database.close(resolve));
  }
}, 60_000);
