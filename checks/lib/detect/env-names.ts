import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { listSourceFiles, readSmallFile } from './repo-files.js';

/** Files that document the variables an app reads, in the order looked at. */
export const ENV_EXAMPLE_FILES = ['.env.example', '.env.sample', '.env.template', '.env.dist', 'example.env'];

export interface EnvNames {
  /** Variables listed in the first env example file found. */
  documented: Set<string>;
  exampleFile?: string;
  /** Variables the sources read (`process.env.X`, `process.env['X']`, `import.meta.env.X`, `env.X` in SvelteKit). */
  read: Set<string>;
}

const READ_RE =
  /\b(?:process\.env|import\.meta\.env|Deno\.env\.get\(|\$env\/(?:static|dynamic)\/(?:private|public)['"][^;]*?\b)(?:\.|\[\s*['"]|\(\s*['"])?([A-Z][A-Z0-9_]{1,})/g;
const DESTRUCTURE_RE = /\{([^}]{1,400})\}\s*=\s*process\.env\b/g;

/** The variables a repository documents (`.env.example`) and reads in its sources. */
export function envNames(repoDir: string): EnvNames {
  const documented = new Set<string>();
  let exampleFile: string | undefined;
  for (const name of ENV_EXAMPLE_FILES) {
    if (!existsSync(join(repoDir, name))) continue;
    exampleFile = name;
    for (const line of readSmallFile(join(repoDir, name)).split(/\r?\n/)) {
      const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line);
      if (match?.[1]) documented.add(match[1]);
    }
    break;
  }
  const read = new Set<string>();
  for (const file of listSourceFiles(repoDir)) {
    const text = readSmallFile(join(repoDir, file));
    if (!text.includes('env')) continue;
    for (const match of text.matchAll(READ_RE)) if (match[1]) read.add(match[1]);
    for (const match of text.matchAll(DESTRUCTURE_RE)) {
      for (const part of (match[1] ?? '').split(',')) {
        const name = /^\s*([A-Z][A-Z0-9_]*)/.exec(part)?.[1];
        if (name) read.add(name);
      }
    }
  }
  return { documented, exampleFile, read };
}
