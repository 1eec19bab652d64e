import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const coreDir = fileURLToPath(new URL('../../src/core/', import.meta.url));
const files = readdirSync(coreDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .sort();
/** A relative import that stays inside src/core. */
const insideCore = (file: string, specifier: string) =>
  specifier.startsWith('.') &&
  !path.relative(coreDir, path.resolve(coreDir, path.dirname(file), specifier)).startsWith('..');
// Pure libraries only: parsing, validation, hashing. Nothing that touches disk, network, process or clock.
// luxon: time-zone arithmetic on instants passed in (the core never calls DateTime.now())
const ALLOWED_MODULES = new Set(['zod', 'yaml', 'node:crypto', 'picomatch', 'luxon']);

describe('src/core is pure', () => {
  it.each(files)('%s imports nothing that does I/O', (file) => {
    const source = readFileSync(coreDir + file, 'utf8');
    const specifiers = [...source.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]/g)].map(
      (match) => match[1] ?? match[2] ?? '',
    );
    for (const specifier of specifiers) {
      const ok = insideCore(file, specifier) || ALLOWED_MODULES.has(specifier);
      if (!ok) throw new Error(`${file} imports "${specifier}"`);
    }
  });

  it.each(files)('%s reads no process state or clock', (file) => {
    const code = readFileSync(coreDir + file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(/\bprocess\.|\bDate\.now\(|new Date\(\)|\brequire\(|\bfetch\(|Math\.random\(/);
  });
});
