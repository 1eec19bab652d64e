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
