/**
 * The structure the code promises (docs/architecture.md), checked on the source text: one gate
 * function, one writer, no import cycles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sourceFiles = ['src', 'checks']
  .flatMap((dir) =>
    readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).map((file) =>
      path.join(dir, file),
    ),
  )
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  .sort();
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const code = (file: string) => read(file).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');

function importsOf(file: string): string[] {
  const specifiers = [...read(file).matchAll(/\bfrom\s+['"](\.[^'"]+)['"]/g)].map((m) => m[1] ?? '');
  return specifiers.map((spec) => path.join(path.dirname(file), spec).replace(/\.js$/, '.ts'));
}

describe('one gate, one writer, no cycles', () => {
  it('only src/core/gate evaluates a gate phase; everyone else reads releaseGates / the projection', () => {
    const outside = sourceFiles.filter(
      (file) => !file.startsWith(path.join('src', 'core', 'gate')) && /\bevaluateGate\b/.test(code(file)),
    );
    expect(outside).toEqual([]);
  });

  it('event handlers write to GitHub only through the PR writer (src/bot/pr/publish.ts)', () => {
    const handlers = sourceFiles.filter(
      (file) =>
        file.startsWith(path.join('src', 'bot', 'events')) ||
        file.startsWith(path.join('src', 'bot', 'cutover', 'on-')),
    );
    expect(handlers.length).toBeGreaterThan(5);
    expect(handlers).toContain(path.join('src', 'bot', 'cutover', 'on-cutover-timer.ts'));
    const writing = handlers.filter((file) =>
      /\bgh\.(create|update|delete|review|dispatch|add|remove)\w*\(/.test(code(file)),
    );
    expect(writing).toEqual([]);
  });

  it('has no import cycles in src/ and checks/', () => {
    const graph = new Map(
      sourceFiles.map((file) => [file, importsOf(file).filter((f) => sourceFiles.includes(f))]),
    );
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of sourceFiles) visit(file, []);
    expect(cycles).toEqual([]);
  });
});

/** The hosts: each runs the engine its own way and nothing else builds on it (docs/architecture.md). */
const HOSTS = [
  path.join('src', 'cli'),
  path.join('src', 'action'),
  path.join('src', 'app', 'server'),
  path.join('src', 'app', 'server.ts'),
];
const hostOf = (file: string) => HOSTS.find((host) => file === host || file.startsWith(`${host}${path.sep}`));

describe('hosts are leaves', () => {
  it('finds the hosts and their imports (the check below cannot pass on an empty graph)', () => {
    for (const host of HOSTS) expect(sourceFiles.some((file) => hostOf(file) === host)).toBe(true);
    expect(sourceFiles.filter((file) => hostOf(file) === HOSTS[1]).flatMap(importsOf).length).toBeGreaterThan(
      20,
    );
  });

  it('no host imports another host, and nothing outside a host imports it', () => {
    const offending = sourceFiles.flatMap((file) =>
      importsOf(file)
        .filter((target) => {
          const host = hostOf(target);
          // the server entry (src/app/server.ts) and its folder are one host
          const same =
            host !== undefined &&
            hostOf(file) !== undefined &&
            host.replace(/\.ts$/, '') === hostOf(file)?.replace(/\.ts$/, '');
          return host !== undefined && !same;
        })
        .map((target) => `${file} → ${target}`),
    );
    expect(offending).toEqual([]);
  });
});

/** Below the hosts: the bot engine (src/bot), then the layers everyone shares. */
const SHARED = ['core', 'github', 'load', 'runner', 'report', 'telemetry', 'scale', 'audit'].map((dir) =>
  path.join('src', dir),
);
const inside = (file: string, dir: string) => file.startsWith(`${dir}${path.sep}`);

describe('hosts → engine → shared layers', () => {
  it('the engine is src/bot, and the shared layers import neither it nor a host', () => {
    const engine = sourceFiles.filter((file) => inside(file, path.join('src', 'bot')));
    expect(engine.length).toBeGreaterThan(40);
    // the engine is a layer of its own: the GitHub App's server and the Action's bot mode both run it
    for (const host of [path.join('src', 'app', 'server'), path.join('src', 'action')])
      expect(
        sourceFiles.some(
          (file) => inside(file, host) && importsOf(file).some((t) => inside(t, path.join('src', 'bot'))),
        ),
      ).toBe(true);
    const shared = sourceFiles.filter((file) => SHARED.some((dir) => inside(file, dir)));
    expect(shared.length).toBeGreaterThan(100);
    const upward = shared.flatMap((file) =>
      importsOf(file)
        .filter((target) => inside(target, path.join('src', 'bot')) || hostOf(target) !== undefined)
        .map((target) => `${file} → ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it('src/app holds the server host only', () => {
    const app = sourceFiles.filter((file) => inside(file, path.join('src', 'app')));
    expect(app.filter((file) => hostOf(file) === undefined)).toEqual([]);
  });
});

describe('the bot engine goes one way: events → pr → runtime', () => {
  const LAYERS = ['events', 'pr', 'runtime'];
  /**
   * Each engine folder is a layer, but src/bot/cutover holds one concern across two: its event
   * handlers (on-*.ts) sit with events/, its readings store, watch index and sampler with pr/ —
   * pr/run-step.ts, facts.ts and deployment-wait.ts keep and read the readings and the watch.
   */
  const layer = (file: string) => {
    const [src, bot, folder = '', name = ''] = file.split(path.sep);
    if (src !== 'src' || bot !== 'bot') return -1;
    if (folder === 'cutover') return LAYERS.indexOf(name.startsWith('on-') ? 'events' : 'pr');
    return LAYERS.indexOf(folder);
  };
  const engine = sourceFiles.filter((file) => layer(file) >= 0);

  it('finds every layer, the cutover folder on two of them (the check below is not vacuous)', () => {
    expect(engine.length).toBeGreaterThan(40);
    for (const index of LAYERS.keys())
      expect(engine.filter((file) => layer(file) === index).length).toBeGreaterThan(3);
    const cutover = engine.filter((file) => file.startsWith(path.join('src', 'bot', 'cutover')));
    expect(new Set(cutover.map(layer))).toEqual(new Set([0, 1]));
    // pr/ uses the cutover stores: the engine's imports are read, not assumed
    expect(importsOf(path.join('src', 'bot', 'pr', 'run-step.ts'))).toContain(
      path.join('src', 'bot', 'cutover', 'cutover-watch.ts'),
    );
  });

  it('no upward import inside the engine (runtime knows no pr or events; pr knows no events)', () => {
    const upward = engine.flatMap((file) =>
      importsOf(file)
        .filter((target) => layer(target) >= 0 && layer(target) < layer(file))
        .map((target) => `${file} → ${target}`),
    );
    expect(upward).toEqual([]);
  });
});

/** A check's contract is data: what the bot, `validate`, `init` and the docs read without its code. */
describe('checks: contracts apart from implementations', () => {
  const contracts = sourceFiles.filter((file) => file.startsWith(path.join('checks', 'contracts')));
  const implementation = (file: string) =>
    file.startsWith(`checks${path.sep}`) &&
    !file.startsWith(path.join('checks', 'contracts')) &&
    file !== path.join('checks', 'contract.ts');

  it('a contract imports zod, other contracts and the pure core only', () => {
    expect(contracts.length).toBeGreaterThan(20);
    const allowed = (target: string) =>
      target.startsWith(path.join('checks', 'contracts')) ||
      target === path.join('checks', 'contract.ts') ||
      target.startsWith(path.join('src', 'core'));
    const offending = contracts.flatMap((file) => [
      ...importsOf(file)
        .filter((target) => !allowed(target))
        .map((target) => `${file} → ${target}`),
      ...[...read(file).matchAll(/\bfrom\s+['"]([^.'"][^'"]*)['"]/g)]
        .map((m) => m[1] ?? '')
        .filter((pkg) => pkg !== 'zod')
        .map((pkg) => `${file} → ${pkg}`),
    ]);
    expect(offending).toEqual([]);
  });

  it('the bot engine, its server and the shared layers import no check implementation', () => {
    const readers = sourceFiles.filter(
      (file) =>
        ['app', 'bot', 'load', 'core', 'github', 'report', 'telemetry', 'scale', 'audit'].some((dir) =>
          file.startsWith(path.join('src', dir)),
        ) || file === path.join('src', 'app', 'server.ts'),
    );
    expect(readers.length).toBeGreaterThan(100);
    const offending = readers.flatMap((file) =>
      importsOf(file)
        .filter((target) => implementation(target))
        .map((target) => `${file} → ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it('every contract has its implementation, which keeps the contract as it is', async () => {
    const { checkContracts } = await import('../../checks/contracts/index.js');
    const { checks } = await import('../../checks/index.js');
    expect(checks.map((check) => check.id)).toEqual(checkContracts.map((contract) => contract.id));
    for (const contract of checkContracts) {
      const file = path.join(root, 'checks', `${contract.id}.ts`);
      const module = (await import(file)) as Record<string, unknown>;
      const run = Object.values(module).find(
        (value): value is { id: string; params: unknown; run: unknown } =>
          typeof value === 'object' && value !== null && (value as { id?: unknown }).id === contract.id,
      );
      expect(run?.params).toBe(contract.params);
      expect(typeof run?.run).toBe('function');
      expect({ ...run, run: undefined }).toEqual({ ...contract, run: undefined });
    }
  });
});

/**
 * What each built host loads: the bot's server bundle holds no check implementation and none of
 * their tools; the Action's and the CLI's entries reach a check's implementation (and its tools)
 * only through the dynamic import that runs it (checks/index.ts). Reads the committed dist/, which
 * CI rebuilds and compares.
 */
describe('bundles', () => {
  const TOOLS = [
    'autocannon',
    'chrome-launcher',
    'lighthouse',
    'size-limit',
    '@size-limit/file',
    '@lhci/utils',
    'ws',
  ];
  const dist = (file: string) => readFileSync(path.join(root, 'dist', file), 'utf8');
  /** Bundled packages leave `// node_modules/<pkg>/…` markers; external ones an import of the name. */
  const toolsIn = (text: string) =>
    TOOLS.filter(
      (tool) =>
        text.includes(`// node_modules/${tool}/`) ||
        new RegExp(`(?:from|import\\(|require\\()\\s*["']${tool.replace('/', '\\/')}(?:/[^"']*)?["']`).test(
          text,
        ),
    );
  const implementationsIn = (text: string) =>
    [...text.matchAll(/^\/\/ (checks\/[^\n]+\.ts)$/gm)]
      .map((m) => m[1] ?? '')
      .filter((file) => !file.startsWith('checks/contracts/') && file !== 'checks/contract.ts');
  /**
   * The files a host can load without running a check: its static and dynamic imports,
   * transitively, except the dynamic imports of checks/index.ts that load a check to run it (each
   * check's chunk is named after its implementation file, checks/<id>.ts).
   */
  const withoutRunningACheck = async (entry: string): Promise<string[]> => {
    const { checkContracts } = await import('../../checks/contracts/index.js');
    const checkChunk = new RegExp(`^chunks/(?:${checkContracts.map((c) => c.id).join('|')})-[A-Z0-9]+\\.js$`);
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = dist(file);
      const imports = [
        ...[...text.matchAll(/\bfrom\s*"(\.\.?\/[^"]+)"/g)].map((m) => m[1] ?? ''),
        ...[...text.matchAll(/\bimport\s*"(\.\.?\/[^"]+)"/g)].map((m) => m[1] ?? ''),
        ...[...text.matchAll(/\bimport\(\s*"(\.\.?\/[^"]+)"\s*\)/g)]
          .map((m) => m[1] ?? '')
          .filter((spec) => !checkChunk.test(path.posix.join(path.posix.dirname(file), spec))),
      ];
      for (const spec of imports) visit(path.posix.join(path.posix.dirname(file), spec));
    };
    visit(entry);
    return [...seen];
  };

  it('the server bundle is one file with no check implementation and none of their tools', () => {
    const server = dist('server.js');
    expect(server).toContain('// checks/contracts/index.ts');
    expect(toolsIn(server)).toEqual([]);
    expect(implementationsIn(server)).toEqual([]);
    expect(server).not.toMatch(/from\s*"\.\/chunks\//);
  });

  it.each(['index.js', 'cli.js'])(
    'dist/%s loads no check implementation or tool until it runs one',
    async (entry) => {
      const loaded = await withoutRunningACheck(entry);
      expect(loaded.length).toBeGreaterThan(1);
      const all = loaded.map(dist).join('\n');
      expect(toolsIn(all)).toEqual([]);
      // the hosts share checks/lib's helpers (tool lookup, init's detection); no check itself
      const checkFiles = implementationsIn(all).filter((file) => /^checks\/[^/]+\.ts$/.test(file));
      expect(checkFiles).toEqual(['checks/index.ts']);
      // …and they are in the build, behind the dynamic imports
      const chunks = readdirSync(path.join(root, 'dist', 'chunks')).map((file) =>
        dist(path.join('chunks', file)),
      );
      expect(implementationsIn(chunks.join('\n'))).toEqual(
        expect.arrayContaining(['checks/lighthouse.ts', 'checks/load-test.ts']),
      );
    },
  );
});
