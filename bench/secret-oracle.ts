/**
 * The secret-scanning oracle: gitleaks' own rule test samples (`tps`/`fps` in
 * cmd/generate/config/rules/*.go at a pinned v8.28 commit) plus secretlint's rule fixtures
 * (packages/@secretlint/secretlint-rule-*\/test/snapshots at a pinned v13 commit), read at run time
 * from local mirrors of the two public repositories and wrapped in code contexts of several
 * languages. Nothing of theirs is copied into this project: the Go expressions that build the
 * samples are evaluated here (random parts generated from their regexes with a seeded generator).
 *
 * Mirrors: SHIPGATE_GITLEAKS_GIT / SHIPGATE_SECRETLINT_GIT (git directories), else the fetch
 * tool's /work/.mirror copies. Absent (CI on a fresh machine): `loadOracle` says so and callers skip.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// randexp is CommonJS (`module.exports = RandExp`) while its types declare a default export
const RandExp = createRequire(import.meta.url)('randexp') as typeof import('randexp').default;

/** gitleaks v8.28.0 and secretlint v13.0.4, pinned: the oracle must not move under the figures. */
export const GITLEAKS_COMMIT = 'v8.28.0';
export const SECRETLINT_COMMIT = 'v13.0.4';

export interface OracleSample {
  /** Where it comes from: `gitleaks:<rule id>` or `secretlint:<fixture dir>`. */
  source: string;
  family: string;
  positive: boolean;
  /** File name in the corpus (its extension picks the wrapping language). */
  file: string;
  text: string;
}

export type Oracle = { samples: OracleSample[] } | { skipped: string };

function mirror(envName: string, fallback: string): string | undefined {
  const dir = process.env[envName] ?? fallback;
  return existsSync(dir) ? dir : undefined;
}

function git(gitDir: string, args: string[]): string {
  return execFileSync('git', [`--git-dir=${gitDir}`, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Deterministic PRNG (mulberry32): every run builds the same corpus. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// A small evaluator for the Go expressions gitleaks' rule files build their samples with.

type Token =
  | { kind: 'str'; value: string }
  | { kind: 'id'; value: string }
  | { kind: 'num'; value: string }
  | { kind: 'op'; value: string }
  | { kind: 'nl' };

function unescapeGo(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[0-7]{3}|.)/g, (_, esc: string) => {
    if (esc.startsWith('x') || esc.startsWith('u'))
      return String.fromCharCode(Number.parseInt(esc.slice(1), 16));
    if (/^[0-7]{3}$/.test(esc)) return String.fromCharCode(Number.parseInt(esc, 8));
    const simple: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      '"': '"',
      "'": "'",
      '\\': '\\',
      a: '\x07',
    };
    return simple[esc] ?? esc;
  });
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] ?? '';
    if (c === '\n') {
      tokens.push({ kind: 'nl' });
      i++;
    } else if (/\s/.test(c)) i++;
    else if (source.startsWith('//', i))
      i = source.indexOf('\n', i) === -1 ? source.length : source.indexOf('\n', i);
    else if (source.startsWith('/*', i)) i = source.indexOf('*/', i) + 2;
    else if (c === '`') {
      const end = source.indexOf('`', i + 1);
      tokens.push({ kind: 'str', value: source.slice(i + 1, end).replace(/\r/g, '') });
      i = end + 1;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      tokens.push({ kind: 'str', value: unescapeGo(source.slice(i + 1, j)) });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][\w.]*/.exec(source.slice(i, i + 200));
      tokens.push({ kind: 'id', value: m?.[0] ?? c });
      i += m?.[0].length ?? 1;
    } else if (/\d/.test(c)) {
      const m = /^\d+/.exec(source.slice(i, i + 40));
      tokens.push({ kind: 'num', value: m?.[0] ?? c });
      i += m?.[0].length ?? 1;
    } else {
      const op =
        [':::=', '::=', '...', ':=', '==', '!=', '&&', '||'].find((o) => source.startsWith(o, i)) ?? c;
      tokens.push({ kind: 'op', value: op });
      i += op.length;
    }
  }
  return tokens;
}

type Value = string | string[] | Record<string, string>;

class GoEvalError extends Error {}

/** Go's regex syntax where JavaScript's differs, for the generator. */
function jsRegex(goRegex: string): RegExp {
  let flags = '';
  let source = goRegex;
  if (source.startsWith('(?i)')) {
    flags = 'i';
    source = source.slice(4);
  }
  source = source
    .replace(/\(\?i:/g, '(?:')
    .replace(/\\z/g, '$')
    .replace(/\[\[:alnum:\]\]/g, '[A-Za-z0-9]');
  return new RegExp(source, flags);
}

class GoEvaluator {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly env: Map<string, Value>,
    private readonly random: () => number,
  ) {}

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }
  private isOp(value: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t?.kind === 'op' && t.value === value;
  }
  private expectOp(value: string): void {
    if (!this.isOp(value)) throw new GoEvalError(`expected ${value}`);
    this.pos++;
  }
  private skipNewlines(): void {
    while (this.peek()?.kind === 'nl') this.pos++;
  }

  /** Runs the statements of one function body; assignments it cannot evaluate leave the variable unset. */
  run(): void {
    while (this.pos < this.tokens.length) {
      const t = this.peek();
      const atStart = this.pos === 0 || this.tokens[this.pos - 1]?.kind === 'nl' || this.isOp('{', -1);
      if (atStart && t?.kind === 'id' && t.value === 'var' && this.peek(1)?.kind === 'id') {
        this.pos++;
        this.assignment();
        continue;
      }
      if (
        atStart &&
        t?.kind === 'id' &&
        !t.value.includes('.') &&
        (this.isOp(':=', 1) || this.isOp('=', 1))
      ) {
        this.assignment();
        continue;
      }
      this.pos++;
    }
  }

  private assignment(): void {
    const name = (this.peek() as { value: string }).value;
    this.pos++;
    if (this.peek()?.kind === 'id' && !this.isOp('=', 0)) {
      // `var x []string = …`: skip the type
      while (this.pos < this.tokens.length && !this.isOp('=') && this.peek()?.kind !== 'nl') this.pos++;
    }
    if (!this.isOp(':=') && !this.isOp('=')) return;
    this.pos++;
    const start = this.pos;
    try {
      this.env.set(name, this.expression());
    } catch (error) {
      if (!(error instanceof GoEvalError)) throw error;
      this.env.delete(name);
      this.pos = start;
      this.skipStatement();
    }
  }

  private skipStatement(): void {
    let depth = 0;
    while (this.pos < this.tokens.length) {
      const t = this.peek();
      if (t?.kind === 'op' && '([{'.includes(t.value)) depth++;
      if (t?.kind === 'op' && ')]}'.includes(t.value)) depth--;
      if (depth < 0) return;
      if (t?.kind === 'nl' && depth === 0) return;
      this.pos++;
    }
  }

  private expression(): Value {
    let value = this.primary();
    while (this.isOp('+')) {
      this.pos++;
      this.skipNewlines();
      const right = this.primary();
      if (typeof value !== 'string' || typeof right !== 'string') throw new GoEvalError('+ on non-strings');
      value += right;
    }
    return value;
  }

  private arguments(): { values: Value[]; spread: boolean } {
    this.expectOp('(');
    const values: Value[] = [];
    let spread = false;
    this.skipNewlines();
    while (!this.isOp(')')) {
      values.push(this.expression());
      if (this.isOp('...')) {
        spread = true;
        this.pos++;
      }
      this.skipNewlines();
      if (this.isOp(',')) this.pos++;
      this.skipNewlines();
    }
    this.pos++;
    return { values, spread };
  }

  private composite(): Value {
    // []string{…} or map[string]string{…}
    const isMap = this.peek()?.kind === 'id' && (this.peek() as { value: string }).value === 'map';
    while (this.pos < this.tokens.length && !this.isOp('{')) this.pos++;
    this.pos++;
    const list: string[] = [];
    const map: Record<string, string> = {};
    this.skipNewlines();
    while (!this.isOp('}')) {
      const first = this.expression();
      this.skipNewlines();
      if (isMap) {
        this.expectOp(':');
        this.skipNewlines();
        const second = this.expression();
        if (typeof first !== 'string' || typeof second !== 'string') throw new GoEvalError('map entry');
        map[first] = second;
      } else {
        if (typeof first !== 'string') throw new GoEvalError('list entry');
        list.push(first);
      }
      this.skipNewlines();
      if (this.isOp(',')) this.pos++;
      this.skipNewlines();
    }
    this.pos++;
    return isMap ? map : list;
  }

  private primary(): Value {
    const t = this.peek();
    if (!t) throw new GoEvalError('end of input');
    if (t.kind === 'str') {
      this.pos++;
      return t.value;
    }
    if (t.kind === 'op' && t.value === '(') {
      this.pos++;
      const value = this.expression();
      this.expectOp(')');
      return value;
    }
    if ((t.kind === 'op' && t.value === '[') || (t.kind === 'id' && t.value === 'map'))
      return this.composite();
    if (t.kind !== 'id') throw new GoEvalError(`unexpected ${t.kind}`);
    this.pos++;
    if (!this.isOp('(')) {
      const value = this.env.get(t.value);
      if (value === undefined) throw new GoEvalError(`unknown ${t.value}`);
      return value;
    }
    const { values } = this.arguments();
    return this.call(t.value, values);
  }

  private call(name: string, args: Value[]): Value {
    const str = (i: number): string => {
      const v = args[i];
      if (typeof v !== 'string') throw new GoEvalError(`${name}: argument ${i} is not a string`);
      return v;
    };
    const classes: Record<string, string> = {
      'utils.Numeric': '[0-9]',
      'utils.Hex': '[a-f0-9]',
      'utils.AlphaNumeric': '[a-z0-9]',
      'utils.AlphaNumericExtendedShort': '[a-z0-9_-]',
      'utils.AlphaNumericExtended': '[a-z0-9=_\\-]',
      'utils.AlphaNumericExtendedLong': '[a-z0-9\\/=_\\+\\-]',
    };
    const charClass = classes[name];
    if (charClass) return `${charClass}{${str(0)}}`;
    switch (name) {
      case 'utils.Hex8_4_4_4_12':
        return '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
      case 'secrets.NewSecret':
        return this.generate(str(0));
      case 'newPlausibleSecret': {
        for (;;) {
          const secret = this.generate(str(0));
          if (/[1-9]/.test(secret)) return secret;
        }
      }
      case 'utils.GenerateSampleSecret':
        return `${str(0)}_api_token = "${str(1)}"`;
      case 'utils.GenerateSampleSecrets':
        return sampleContexts(str(0), str(1));
      case 'fmt.Sprintf': {
        let i = 1;
        return str(0).replace(/%[sdqv%]/g, (verb) => {
          if (verb === '%%') return '%';
          const arg = str(i++);
          return verb === '%q' ? JSON.stringify(arg) : arg;
        });
      }
      case 'strings.ToUpper':
        return str(0).toUpperCase();
      case 'strings.ToLower':
        return str(0).toLowerCase();
      case 'strings.Repeat':
        throw new GoEvalError('strings.Repeat with a number');
      case 'append': {
        const base = args[0];
        if (!Array.isArray(base)) throw new GoEvalError('append to a non-list');
        const out = [...base];
        for (const extra of args.slice(1)) {
          if (Array.isArray(extra)) out.push(...extra);
          else if (typeof extra === 'string') out.push(extra);
          else throw new GoEvalError('append of a map');
        }
        return out;
      }
      default:
        throw new GoEvalError(`unknown function ${name}`);
    }
  }

  /** A string matching the regex, as gitleaks' generator (reggen, repetition limit 1) would produce. */
  private generate(goRegex: string): string {
    const generator = new RandExp(jsRegex(goRegex));
    generator.max = 1;
    generator.randInt = (low: number, high: number) => low + Math.floor(this.random() * (high - low + 1));
    return generator.gen();
  }
}

/** gitleaks' GenerateSampleSecrets: the contexts its rule tests place each secret in (issue #1222). */
function sampleContexts(identifier: string, secret: string): string[] {
  const contexts = [
    '{i}Token="{s}"',
    '{i}Token = "{s}"',
    '{i}Token={s}',
    '{i}Token = {s}',
    '{\n    "{i}_token": "{s}"\n}',
    '{"config.ini": "{I}_TOKEN={s}\\nBACKUP_ENABLED=true"}',
    '<{i}Token>\n    {s}\n</{i}Token>',
    '{i}_token: {s}',
    "{i}_token: '{s}'",
    '{i}_token: "{s}"',
    'string {i}Token = "{s}";',
    'var {i}Token string = "{s}"',
    '{i}Token := "{s}"',
    '{i}Token := `{s}`',
    'String {i}Token = "{s}";',
    'var {i}Token = "{s}"',
    // PHP: `$` + the identifier placeholder
    `${'$'}{i}Token .= "{s}"`,
    "{i}Token = '{s}'",
    '{i}Token = "{s}"',
    'System.setProperty("{I}_TOKEN", "{s}")',
    '  "{i}Token" => "{s}"',
    '{i}_TOKEN = "{s}"',
    '{i}_TOKEN := "{s}"',
    '{i}_TOKEN ::= "{s}"',
    '{i}_TOKEN :::= "{s}"',
    '{i}_TOKEN ?= "{s}"',
  ];
  return contexts.map((c) =>
    c.replaceAll('{i}', identifier).replaceAll('{I}', identifier.toUpperCase()).replaceAll('{s}', secret),
  );
}

/** gitleaks rule id → the provider family recall is reported by. */
export function familyOfGitleaksRule(ruleId: string): string {
  if (ruleId.startsWith('slack-webhook')) return 'slack-webhook';
  if (ruleId.startsWith('gcp')) return 'gcp';
  if (ruleId.startsWith('generic')) return 'generic';
  if (ruleId.startsWith('private-key')) return 'private-key';
  if (ruleId.startsWith('jwt')) return 'jwt';
  if (ruleId.startsWith('curl-auth')) return 'curl-auth';
  if (ruleId.startsWith('new-relic')) return 'new-relic';
  if (ruleId.startsWith('hashicorp-tf')) return 'terraform';
  if (ruleId.startsWith('age-')) return 'private-key';
  if (ruleId.startsWith('aws')) return 'aws';
  return ruleId.split('-')[0] ?? ruleId;
}

/** secretlint rule package → the same family names. */
export function familyOfSecretlintRule(rule: string): string {
  const map: Record<string, string> = {
    basicauth: 'basic-auth',
    privatekey: 'private-key',
    'slack-webhook': 'slack-webhook',
    gcp: 'gcp',
    azure: 'azure',
  };
  return map[rule] ?? rule.split('-')[0] ?? rule;
}

function functionBodies(source: string): { name: string; body: string }[] {
  const out: { name: string; body: string }[] = [];
  const re = /^func (\w+)\([^)]*\)[^{\n]*\{\n/gm;
  for (let m = re.exec(source); m !== null; m = re.exec(source)) {
    const end = source.indexOf('\n}\n', m.index);
    out.push({ name: m[1] ?? '', body: source.slice(m.index + m[0].length, end === -1 ? undefined : end) });
  }
  return out;
}

interface RawSample {
  source: string;
  family: string;
  positive: boolean;
  text: string;
  /** A path the rule depends on (ValidateWithPaths), else undefined. */
  path?: string;
}

function gitleaksSamples(gitDir: string, random: () => number): RawSample[] {
  const dir = 'cmd/generate/config/rules';
  const files = git(gitDir, ['ls-tree', '--name-only', `${GITLEAKS_COMMIT}:${dir}`])
    .split('\n')
    .filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'));
  const samples: RawSample[] = [];
  for (const file of files) {
    const source = git(gitDir, ['show', `${GITLEAKS_COMMIT}:${dir}/${file}`]);
    // package-level `var x = …` helpers some files share
    const globals = new Map<string, Value>();
    const header = source.replace(/^func [\s\S]*?^}\n/gm, '');
    new GoEvaluator(tokenize(header), globals, random).run();
    for (const { body } of functionBodies(source)) {
      if (!/utils\.Validate(?:WithPaths)?\(/.test(body)) continue;
      const ruleId = /RuleID:\s*"([^"]+)"/.exec(body)?.[1];
      if (!ruleId) continue;
      const env = new Map(globals);
      new GoEvaluator(tokenize(body), env, random).run();
      const family = familyOfGitleaksRule(ruleId);
      for (const [name, positive] of [
        ['tps', true],
        ['fps', false],
      ] as const) {
        const value = env.get(name);
        if (Array.isArray(value))
          for (const text of value) samples.push({ source: `gitleaks:${ruleId}`, family, positive, text });
        else if (value && typeof value === 'object')
          for (const [path, text] of Object.entries(value))
            samples.push({ source: `gitleaks:${ruleId}`, family, positive, text, path });
      }
    }
  }
  return samples;
}

interface SecretlintMessage {
  range?: [number, number];
}

function secretlintSamples(gitDir: string): RawSample[] {
  const paths = git(gitDir, ['ls-tree', '-r', '--name-only', SECRETLINT_COMMIT, 'packages/@secretlint/'])
    .split('\n')
    .filter((p) => /secretlint-rule-[^/]+\/test\/snapshots\/[^/]+\/input\.\w+$/.test(p));
  const samples: RawSample[] = [];
  for (const path of paths) {
    const m = /secretlint-rule-([^/]+)\/test\/snapshots\/([^/]+)\//.exec(path);
    const rule = m?.[1] ?? '';
    const fixture = m?.[2] ?? '';
    // option-dependent fixtures (`options.*`, `…--option-false`) judge settings, not formats
    if (rule.startsWith('preset') || rule === 'pattern' || rule === 'no-k8s-kind-secret') continue;
    if (!/^(?:ng|ok)\./.test(fixture) || fixture.includes('--')) continue;
    const input = git(gitDir, ['show', `${SECRETLINT_COMMIT}:${path}`]);
    // binary fixtures (PKCS#12 files) are not source code: no code context can hold them
    if (input.includes('\u0000') || input.includes('\ufffd')) continue;
    const family = familyOfSecretlintRule(rule);
    const source = `secretlint:${rule}/${fixture}`;
    const ext = path.slice(path.lastIndexOf('.'));
    if (fixture.startsWith('ok.')) {
      samples.push({ source, family, positive: false, text: input, path: `fixture${ext}` });
      continue;
    }
    let output: { messages?: SecretlintMessage[] };
    try {
      output = JSON.parse(git(gitDir, ['show', `${SECRETLINT_COMMIT}:${dirname(path)}/output.json`]));
    } catch {
      continue;
    }
    // one sample per reported secret: the line it is on
    const seen = new Set<number>();
    for (const message of output.messages ?? []) {
      const at = message.range?.[0];
      if (at === undefined) continue;
      const start = input.lastIndexOf('\n', at - 1) + 1;
      if (seen.has(start)) continue;
      seen.add(start);
      const end = input.indexOf('\n', message.range?.[1] ?? at);
      samples.push({
        source,
        family,
        positive: true,
        text: input.slice(start, end === -1 ? undefined : end),
      });
    }
  }
  return samples;
}

/** Code around a sample, per language: the sample stays verbatim on its own lines. */
const WRAPPERS: { ext: string; before: string; after: string }[] = [
  {
    ext: 'ts',
    before:
      "import { createServer } from 'node:http';\n\nexport function port(): number {\n  return Number(process.env.PORT ?? 3000);\n}\n\n",
    after: "\n\ncreateServer((req, res) => res.end('ok')).listen(port());\n",
  },
  {
    ext: 'py',
    before: 'import os\nimport logging\n\nlog = logging.getLogger(__name__)\n\n',
    after: '\n\ndef main():\n    log.info("started on %s", os.environ.get("PORT", "8000"))\n',
  },
  {
    ext: 'go',
    before: 'package config\n\nimport "os"\n\nfunc Port() string { return os.Getenv("PORT") }\n\n',
    after: '\n\nfunc Debug() bool { return os.Getenv("DEBUG") == "1" }\n',
  },
  {
    ext: 'yaml',
    before: 'service:\n  name: orders\n  replicas: 2\n',
    after: '\nlogging:\n  level: info\n',
  },
  {
    ext: 'java',
    before: 'package com.example.app;\n\npublic final class Settings {\n  static final int PORT = 8080;\n',
    after: '\n  static String name() { return "orders"; }\n}\n',
  },
  {
    ext: 'rb',
    before: "require 'json'\n\nmodule Orders\n  PORT = ENV.fetch('PORT', '3000')\n",
    after: '\n  def self.ready? = true\nend\n',
  },
];

/** The oracle's samples, wrapped; or why it cannot be built here. */
export function loadOracle(): Oracle {
  const gitleaks = mirror('SHIPGATE_GITLEAKS_GIT', '/work/.mirror/gitleaks+gitleaks/repo');
  const secretlint = mirror('SHIPGATE_SECRETLINT_GIT', '/work/.mirror/secretlint+secretlint/repo');
  if (!gitleaks || !secretlint)
    return {
      skipped:
        'no local mirror of github.com/gitleaks/gitleaks and github.com/secretlint/secretlint ' +
        '(set SHIPGATE_GITLEAKS_GIT and SHIPGATE_SECRETLINT_GIT to their git directories)',
    };
  const random = seeded(22);
  let raw: RawSample[];
  try {
    raw = [...gitleaksSamples(gitleaks, random), ...secretlintSamples(secretlint)];
  } catch (error) {
    return { skipped: `mirror unreadable at the pinned commits: ${(error as Error).message.split('\n')[0]}` };
  }
  const samples = raw.map((sample, index): OracleSample => {
    if (sample.path) {
      const ext = sample.path.slice(sample.path.lastIndexOf('.') + 1) || 'txt';
      return { ...sample, file: `s${index}/${sample.path.split('/').pop() ?? `sample.${ext}`}` };
    }
    const wrapper = WRAPPERS[index % WRAPPERS.length] ?? { ext: 'txt', before: '', after: '' };
    return {
      source: sample.source,
      family: sample.family,
      positive: sample.positive,
      file: `s${index}/sample.${wrapper.ext}`,
      text: `${wrapper.before}${sample.text}${wrapper.after}`,
    };
  });
  return { samples };
}

/** Writes the samples under a new temporary directory (one file each); returns it. */
export function writeOracle(samples: readonly OracleSample[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipgate-secret-oracle-'));
  for (const sample of samples) {
    const path = join(dir, sample.file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, sample.text);
  }
  return dir;
}
