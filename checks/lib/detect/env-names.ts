import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { listSourceFiles, readSmallFile } from './repo-files.js';

/** Sources of every language init reads env variables from. */
const ENV_SOURCE = /\.(?:[cm]?[jt]sx?|svelte|vue|astro|py|go|rb|java|kt|erb|ya?ml|properties)$/i;

/** Files that document the variables an app reads, in the order looked at. */
export const ENV_EXAMPLE_FILES = ['.env.example', '.env.sample', '.env.template', '.env.dist', 'example.env'];

export interface EnvNames {
  /** Variables listed in the first env example file found. */
  documented: Set<string>;
  exampleFile?: string;
  /**
   * Variables the sources read: `process.env.X`, `import.meta.env.X`, SvelteKit `$env`; Python
   * `os.environ['X']`, `os.environ.get('X')`, `os.getenv('X')`, django-environ `env('X')`; Go
   * `os.Getenv("X")`, `os.LookupEnv("X")`; Ruby `ENV['X']`, `ENV.fetch('X')`; Java/Kotlin
   * `System.getenv("X")`; Spring/Rails config `${X}` / `<%= ENV['X'] %>`.
   */
  read: Set<string>;
}

const READ_RE =
  /\b(?:process\.env|import\.meta\.env|Deno\.env\.get\(|\$env\/(?:static|dynamic)\/(?:private|public)['"][^;]*?\b)(?:\.|\[\s*['"]|\(\s*['"])?([A-Z][A-Z0-9_]{1,})/g;
const OTHER_READ_RE =
  /\b(?:os\.environ(?:\.get)?\s*[[(]|os\.getenv\s*\(|os\.Getenv\s*\(|os\.LookupEnv\s*\(|ENV(?:\.fetch)?\s*[[(]|System\.getenv\s*\(|\benv(?:\.(?:str|bool|int|db|url))?\s*\()\s*['"]([A-Z][A-Z0-9_]{1,})['"]/g;
/** Spring `${DB_PASSWORD}` / `${DB_PASSWORD:default}` placeholders in application.properties/yml. */
const PLACEHOLDER_RE = /\$\{([A-Z][A-Z0-9_]{1,})(?::[^}]*)?\}/g;
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
  for (const file of listSourceFiles(repoDir, ENV_SOURCE)) {
    const text = readSmallFile(join(repoDir, file));
    if (/\.(?:ya?ml|properties)$/i.test(file)) {
      if (/(?:^|\/)application[\w-]*\.(?:ya?ml|properties)$/.test(file))
        for (const match of text.matchAll(PLACEHOLDER_RE)) if (match[1]) read.add(match[1]);
      // Rails' config/database.yml reads `<%= ENV['DATABASE_PASSWORD'] %>`.
      if (/(?:^|\/)config\/[\w-]+\.ya?ml$/.test(file))
        for (const match of text.matchAll(OTHER_READ_RE)) if (match[1]) read.add(match[1]);
      continue;
    }
    if (!/env|ENV|Getenv|getenv/.test(text)) continue;
    for (const match of text.matchAll(READ_RE)) if (match[1]) read.add(match[1]);
    for (const match of text.matchAll(OTHER_READ_RE)) if (match[1]) read.add(match[1]);
    for (const match of text.matchAll(DESTRUCTURE_RE)) {
      for (const part of (match[1] ?? '').split(',')) {
        const name = /^\s*([A-Z][A-Z0-9_]*)/.exec(part)?.[1];
        if (name) read.add(name);
      }
    }
  }
  return { documented, exampleFile, read };
}
