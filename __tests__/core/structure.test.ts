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

  it('event handlers write to GitHub only through the PR writer (src/app/pr/publish.ts)', () => {
    const handlers = sourceFiles.filter((file) => file.startsWith(path.join('src', 'app', 'events')));
    expect(handlers.length).toBeGreaterThan(5);
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

describe('the bot engine goes one way: events → pr → runtime', () => {
  const layer = (file: string) =>
    ['events', 'pr', 'runtime'].indexOf(file.split(path.sep).slice(0, 3).join('/').replace('src/app/', ''));
  it('no upward import inside the engine (runtime knows no pr or events; pr knows no events)', () => {
    const engine = sourceFiles.filter((file) => layer(file) >= 0);
    expect(engine.length).toBeGreaterThan(40);
    const upward = engine.flatMap((file) =>
      importsOf(file)
        .filter((target) => layer(target) >= 0 && layer(target) < layer(file))
        .map((target) => `${file} → ${target}`),
    );
    expect(upward).toEqual([]);
  });
});
