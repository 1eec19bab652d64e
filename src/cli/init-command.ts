import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { envNames } from '../../checks/lib/detect/env-names.js';
import { detectStack, type StackFacts } from '../../checks/lib/detect/stack.js';
import type { Checklist } from '../core/template/model.js';
import { loadChecklist } from '../load/load-checklist.js';
import { CONFIG_PATH, readConfigText } from '../load/load-config.js';
import { type CliIO, UsageError } from './io.js';

export const INIT_HELP = `Usage: shipgate init [DIR] [--dry-run] [--force]

Detects the stack of DIR (default: .): framework and build dir, build and start commands, the
migrations folder, coverage output, WebSocket use and the secrets the app reads; prints what it
found and why, and writes ${CONFIG_PATH}. Checks that cannot apply (no WebSocket server, no
migrations, no browser build) are turned off there, which the gate counts as N/A.
  --dry-run   print the config instead of writing it
  --force     overwrite an existing config that differs
Running it again on an unchanged repository changes nothing.
`;

const line = (key: string, value: string, indent = 0) =>
  `${' '.repeat(indent)}${key}: ${JSON.stringify(value)}`;

/** The config text for the facts found: plain YAML with a comment giving each decision's reason. */
/** A template item that judges a secret the app does not use: N/A, with the reason. */
export interface SecretNotUsed {
  itemId: string;
  name: string;
}

/**
 * `env-secrets` items whose variable the app neither documents (.env.example) nor reads: the
 * template's Restaurant OS secrets are not this app's, so init records them N/A in the config.
 */
export function secretsNotUsed(checklist: Checklist, used: ReadonlySet<string>): SecretNotUsed[] {
  const out: SecretNotUsed[] = [];
  for (const item of checklist.items) {
    const name = item.check === 'env-secrets' ? item.params.name : undefined;
    if (typeof name === 'string' && !used.has(name)) out.push({ itemId: item.id, name });
  }
  return out;
}

export function renderInitConfig(facts: StackFacts, notUsed: readonly SecretNotUsed[] = []): string {
  const out = [
    '# Written by `shipgate init` from what it found; edit freely (`shipgate validate` checks it).',
  ];
  if (facts.buildCommand || facts.buildDir) {
    out.push('build:');
    if (facts.buildCommand) out.push(line('command', facts.buildCommand, 2));
    if (facts.buildDir) out.push(line('dir', facts.buildDir, 2));
  }
  if (facts.start && facts.url) out.push('target:', line('start', facts.start, 2), line('url', facts.url, 2));
  const off: [string, string][] = [];
  if (!facts.websocket) off.push(['websocket', 'no WebSocket server found']);
  if (!facts.migrationsDir) off.push(['migrations', 'no migrations folder found']);
  if (facts.kind === 'api') {
    for (const id of ['bundle-size', 'build-output', 'lighthouse'])
      off.push([id, 'API only: no browser build']);
  }
  if (!facts.coverage) off.push(['coverage', 'no coverage report or coverage tool found']);
  if (off.length > 0) {
    out.push('checks:');
    for (const [id, why] of off) out.push(`  ${id}:`, `    enabled: false  # ${why}`);
  }
  if (notUsed.length > 0) {
    out.push('items:');
    for (const { itemId, name } of notUsed) {
      out.push(`  ${itemId}:`, line('na', `the app neither documents nor reads ${name} (shipgate init)`, 4));
    }
  }
  return `${out.join('\n')}\n`;
}

export function initCommand(io: CliIO, args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false }, force: { type: 'boolean', default: false } },
  });
  if (positionals.length > 1) throw new UsageError('init takes at most one directory');
  const repoDir = resolve(io.cwd, positionals[0] ?? '.');
  if (!existsSync(repoDir)) throw new UsageError(`${positionals[0] ?? '.'}: no such directory`);
  if (!statSync(repoDir).isDirectory()) throw new UsageError(`${positionals[0]}: not a directory`);
  const facts = detectStack(repoDir);
  const width = Math.max(...facts.findings.map((f) => f.what.length));
  for (const found of facts.findings) {
    io.stdout.write(`${found.what.padEnd(width)}  ${found.value}  (${found.why})\n`);
  }
  const env = envNames(repoDir);
  const notUsed = secretsNotUsed(loadChecklist(undefined, io.cwd), new Set([...env.documented, ...env.read]));
  for (const { name } of notUsed) {
    io.stdout.write(`${'secret N/A'.padEnd(width)}  ${name}  (template item; not in .env.example nor read)
`);
  }
  const text = renderInitConfig(facts, notUsed);
  readConfigText(text, CONFIG_PATH); // what init writes must validate
  const file = join(repoDir, CONFIG_PATH);
  if (values['dry-run']) {
    io.stdout.write(`\n# ${CONFIG_PATH} (dry run, not written)\n${text}`);
    return 0;
  }
  if (existsSync(file)) {
    if (readFileSync(file, 'utf8') === text) {
      io.stdout.write(`\n${CONFIG_PATH} is up to date\n`);
      return 0;
    }
    if (!values.force) {
      io.stderr.write(
        `${CONFIG_PATH} exists and differs from what init would write; --force overwrites it\n`,
      );
      return 1;
    }
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  io.stdout.write(`\nwrote ${CONFIG_PATH}\n`);
  return 0;
}
