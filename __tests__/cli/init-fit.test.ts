import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContracts } from '../../checks/contracts/index.js';
import { parseTemplate } from '../../src/core/template/template.js';
import { checkSchemas, loadChecklist } from '../../src/load/load-checklist.js';
import { runCli } from '../helpers/cli-io.js';
import { removeDirs, tempDir, writeFiles } from '../helpers/repo-temp.js';

/**
 * `shipgate init --template`: a team's own template — its own wording and sections, items saying
 * what they need (`needs=`) or that they are the example app's (`example`), items bound to several
 * checks — fitted from the checks' contracts alone, on apps built by code.
 */
const TEAM_TEMPLATE = `# {{app|Acme Shop}} release {{version|1.0.0}}

## Before merge

### Browser
- [ ] Entry bundle stays small <!-- shipgate: check=bundle-size target=main limit="100 kB" -->
- [ ] Page speed good <!-- shipgate: check=lighthouse metric=performance min=0.8 -->
- [ ] Fonts served from our CDN <!-- shipgate: needs=static-assets -->

### Data <!-- shipgate: needs=database -->
- [ ] Schema changes reversible <!-- shipgate: check=migrations -->
- [ ] Read replicas caught up

### Realtime
- [ ] Live updates reach every tab <!-- shipgate: check=websocket max=300 -->
- [ ] Socket fan-out configured <!-- shipgate: needs=websocket -->

### Quality
- [ ] Tests cover enough <!-- shipgate: check=coverage metric=lines min=60 -->
- [ ] \`STRIPE_KEY\` present <!-- shipgate: check=env-secrets name=STRIPE_KEY -->
- [ ] Checkout demo works <!-- shipgate: example="Your main flow works (describe it)" -->
- [ ] Loyalty points demo <!-- shipgate: example id=loyalty -->

## After deploy <!-- shipgate: phase=post-deploy -->
- [ ] Liveness answers <!-- shipgate: check=health path=/live -->
- [ ] Landing page opens <!-- shipgate: check=health path=/ -->
- [ ] Errors stay low <!-- shipgate: check=prometheus metric=error-rate max=2 -->
- [ ] Support team told
`;

const API_APP = {
  'package.json': JSON.stringify({
    name: 'orders-api',
    version: '0.9.0',
    dependencies: { fastify: '5', postgrator: '8', pg: '8' },
    devDependencies: { c8: '10' },
    scripts: { start: 'node server.js', test: 'c8 node --test' },
  }),
  'server.js': [
    "fastify.get('/healthz', async () => ({ status: 'ok' }));",
    'const { STRIPE_KEY, SESSION_SECRET } = process.env;',
    '',
  ].join('\n'),
  'migrations/001.do.init.sql': 'CREATE TABLE orders (id int);',
  'migrations/001.undo.init.sql': 'DROP TABLE orders;',
};

const SPA_APP = {
  'package.json': JSON.stringify({
    name: 'shop-front',
    version: '2.1.0',
    dependencies: { react: '19', 'react-dom': '19' },
    devDependencies: { vite: '6', vitest: '3' },
    scripts: { build: 'vite build', preview: 'vite preview' },
  }),
  'index.html': '<!doctype html><div id="root"></div><script type="module" src="/src/main.tsx"></script>',
  'src/main.tsx': 'const api = import.meta.env.VITE_API_URL;\n',
  '.env.example': 'VITE_API_URL=http://localhost:8080\n',
  'lighthouserc.json': JSON.stringify({ ci: { assert: { preset: 'lighthouse:no-pwa' } } }),
};

const dirs: string[] = [];
afterAll(() => removeDirs(dirs));

/** Runs `init --template` on an app; returns the report's checklist lines and the checklist written. */
async function initWithTeamTemplate(app: Record<string, string>) {
  const dir = tempDir('shipgate-init-fit-');
  dirs.push(dir);
  writeFiles(dir, { ...app, 'ops/release.md': TEAM_TEMPLATE });
  const { code, stdout, stderr } = await runCli(['init', dir, '--template', join(dir, 'ops/release.md')]);
  expect([code, stderr]).toEqual([0, '']);
  const report = stdout.slice(stdout.indexOf('\nchecklist:')).split('\n\n')[0]?.split('\n').slice(1) ?? [];
  const checklist = readFileSync(join(dir, '.github/shipgate/checklist.md'), 'utf8');
  const config = readFileSync(join(dir, '.github/shipgate.yml'), 'utf8');
  // what init writes is a valid template for the bot
  parseTemplate(checklist, 'checklist.md', checkSchemas);
  return { report: report.map((row) => row.replace(/ +/g, ' ').trim()), checklist, config };
}

describe('a team’s own template fitted by init from the contracts', () => {
  test('on an API: browser items and the example app’s dropped, migrations and health bound, a secret added', async () => {
    const { report, checklist, config } = await initWithTeamTemplate(API_APP);
    expect(report).toEqual([
      'checklist: 4 items bound to checks, 1 made manual, 7 dropped, 2 added',
      '(an item that cannot apply to this app is dropped; one that may apply but cannot be checked here stays manual)',
      'dropped Entry bundle stays small [bundle-size] (API only: no browser build)',
      'dropped Page speed good [lighthouse] (API only: no pages to load in a browser)',
      'dropped Fonts served from our CDN (API only: no static assets)',
      'bound Schema changes reversible [migrations] (dir=migrations: migrations folder migrations)',
      'dropped Live updates reach every tab [websocket] (no WebSocket server found)',
      'dropped Socket fan-out configured (no WebSocket server found)',
      'bound Tests cover enough [coverage] (coverage/lcov.info: the tool writes it with --coverage)',
      'added `SESSION_SECRET` set for production [env-secrets] (the app documents or reads it)',
      "added Your main flow works (describe it) (instead of the template's example app (Acme Shop) flow, not this app's)",
      "dropped Loyalty points demo (the template's example app (Acme Shop) flow, not this app's)",
      expect.stringMatching(/^bound Liveness answers \[health\] \(path=\/healthz: .+\)$/),
      'dropped Landing page opens [health] (API only: no home page)',
      'manual Errors stay low [prometheus] (no Prometheus metrics (prom-client, /metrics) found: read it from your monitoring (docs/telemetry.md))',
    ]);
    expect(checklist).toBe(
      [
        '# {{app|Orders API}} release {{version|0.9.0}}',
        '',
        '## Before merge',
        '',
        '### Data',
        '- [ ] Schema changes reversible <!-- shipgate: check=migrations dir=migrations -->',
        '- [ ] Read replicas caught up',
        '',
        '### Quality',
        '- [ ] Tests cover enough <!-- shipgate: check=coverage metric=lines min=60 -->',
        '- [ ] `STRIPE_KEY` present <!-- shipgate: check=env-secrets name=STRIPE_KEY -->',
        '- [ ] `SESSION_SECRET` set for production <!-- shipgate: check=env-secrets name=SESSION_SECRET minLength=32 -->',
        '- [ ] Your main flow works (describe it)',
        '',
        '## After deploy <!-- shipgate: phase=post-deploy -->',
        '- [ ] Liveness answers <!-- shipgate: check=health path=/healthz -->',
        '- [ ] Errors stay low',
        '- [ ] Support team told',
        '',
      ].join('\n'),
    );
    expect(config).toContain('# The checklist init derived from');
    expect(config).toContain('ops/release.md for this app.');
  });

  test('on a SPA: browser items bound, Lighthouse CI added, data and realtime dropped, health and metrics manual', async () => {
    const { report, checklist } = await initWithTeamTemplate(SPA_APP);
    expect(report).toEqual([
      'checklist: 3 items bound to checks, 3 made manual, 6 dropped, 2 added',
      '(an item that cannot apply to this app is dropped; one that may apply but cannot be checked here stays manual)',
      'bound Entry bundle stays small [bundle-size] (build dir dist)',
      'added Lighthouse CI assertions pass (lighthouserc.json) [lighthouse] (lighthouserc.json exists: its assertions judged as lhci assert does)',
      'dropped Schema changes reversible [migrations] (no database client and no migrations folder)',
      'dropped Read replicas caught up (no database client and no migrations folder)',
      'dropped Live updates reach every tab [websocket] (no WebSocket server found)',
      'dropped Socket fan-out configured (no WebSocket server found)',
      'bound Tests cover enough [coverage] (coverage/lcov.info: the tool writes it with --coverage)',
      'dropped `STRIPE_KEY` present [env-secrets] (the app neither documents nor reads STRIPE_KEY)',
      "added Your main flow works (describe it) (instead of the template's example app (Acme Shop) flow, not this app's)",
      "dropped Loyalty points demo (the template's example app (Acme Shop) flow, not this app's)",
      "manual Liveness answers [health] (no health route in the sources of a SPA: the host's own checks apply)",
      'manual Landing page opens [health] (a page, not a health endpoint: open it after the deploy)',
      'manual Errors stay low [prometheus] (no Prometheus metrics (prom-client, /metrics) found: read it from your monitoring (docs/telemetry.md))',
    ]);
    expect(checklist).toContain(
      [
        '### Browser',
        '- [ ] Entry bundle stays small <!-- shipgate: check=bundle-size target=main limit="100 kB" -->',
        '- [ ] Page speed good <!-- shipgate: check=lighthouse metric=performance min=0.8 -->',
        '- [ ] Lighthouse CI assertions pass (lighthouserc.json) <!-- shipgate: check=lighthouse metric=lhci -->',
        '- [ ] Fonts served from our CDN',
        '',
        '### Quality',
      ].join('\n'),
    );
    expect(checklist).not.toMatch(/### Data|### Realtime|STRIPE_KEY|needs=|example/);
    expect(checklist).toContain('- [ ] Liveness answers\n- [ ] Landing page opens\n- [ ] Errors stay low\n');
  });

  test('a bad needs= or example names the file and line, and init writes nothing (exit 2)', async () => {
    const dir = tempDir('shipgate-init-fit-');
    dirs.push(dir);
    writeFiles(dir, {
      ...SPA_APP,
      'release.md':
        '# R\n\n## S <!-- shipgate: needs=gpu -->\n- [ ] A\n- [ ] B <!-- shipgate: example="" -->\n',
    });
    const { code, stderr } = await runCli(['init', dir, '--template', join(dir, 'release.md')]);
    expect(code).toBe(2);
    expect(stderr).toContain('release.md:3: needs: unknown trait "gpu"; known: pages, static-assets,');
    expect(stderr).toContain(
      'release.md:5: example takes the text that replaces the item (example="…"), or nothing to drop it',
    );
  });
});

describe('init-checklist.ts knows no check and no template wording', () => {
  const sources = ['src/cli/init-checklist.ts', 'src/cli/init-traits.ts'].map((file) => ({
    file,
    code: readFileSync(join(process.cwd(), file), 'utf8'),
  }));
  const builtIn = loadChecklist();

  test.each(sources)('$file names no check id', ({ code }) => {
    const named = checkContracts
      .map((contract) => contract.id)
      .filter((id) => new RegExp(`['"\`]${id}['"\`]`).test(code));
    expect(named).toEqual([]);
  });

  test.each(sources)('$file quotes no item text of the built-in template', ({ code }) => {
    const quoted = builtIn.items
      .map((item) => item.text)
      .filter((text) => text.length >= 12 && code.includes(text));
    expect(quoted).toEqual([]);
    expect(code).not.toMatch(/Restaurant OS|Database Preparation/);
  });
});
