/**
 * The gate definition is read one way from disk (CLI, Action) and from GitHub (the bot reads the
 * default branch): the same files give the same config, checklist and problems on both paths.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CliIO } from '../../src/cli/io.js';
import { formatProblem, InvalidInputError } from '../../src/core/errors.js';
import type { GitHub } from '../../src/github/types.js';
import { loadRepoContext } from '../../src/load/repo-context.js';
import { loadSetup } from '../../src/load/setup.js';

const TEMPLATE = `# Release

## Checks
- [ ] No secrets <!-- shipgate: check=secrets id=secrets -->
- [ ] Reviewed <!-- shipgate: id=reviewed -->
`;

interface Case {
  name: string;
  files: Record<string, string>;
  /** The checklist's item ids (undefined: the built-in template). */
  items?: string[];
  /** How each expected problem starts. */
  problems?: string[];
}

const cases: Case[] = [
  {
    name: 'a config naming a template',
    files: { '.github/shipgate.yml': 'template: .github/release.md\n', '.github/release.md': TEMPLATE },
    items: ['secrets', 'reviewed'],
  },
  { name: 'no config: the built-in template', files: {} },
  {
    name: 'a template the config names is missing',
    files: { '.github/shipgate.yml': 'template: .github/gone.md\n' },
    problems: ['.github/gone.md:1: template not found'],
  },
  {
    name: 'a check setting out of range: refused with its line',
    files: { '.github/shipgate.yml': 'checks:\n  coverage:\n    min: 800\n' },
    problems: ['.github/shipgate.yml:3: checks.coverage.min'],
  },
  {
    name: 'an invalid template: every problem, not just the first',
    files: {
      '.github/shipgate.yml': 'template: .github/release.md\n',
      '.github/release.md':
        '# R\n\n## A\n- [ ] x <!-- shipgate: check=nosuchcheck -->\n- [ ] y <!-- shipgate: check=health timeout=5 -->\n',
    },
    problems: ['.github/release.md:4:', '.github/release.md:5:'],
  },
];

function testIO(cwd: string): CliIO {
  const sink = { write: () => true };
  return { argv: [], cwd, env: {}, stdout: sink, stderr: sink, now: () => new Date('2026-12-02T00:00:00Z') };
}

/** A GitHub whose default branch holds `files` (only what loadSetup reads). */
function githubWith(files: Record<string, string>): GitHub {
  return { readFile: async (path: string) => files[path] } as unknown as GitHub;
}

describe('the gate definition from disk and from GitHub', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shipgate-definition-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each(cases)('$name', async ({ files, items, problems }) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const fromGitHub = await loadSetup(githubWith(files), { ref: 'main', sha: 'abc' });
    if (problems) {
      expect(fromGitHub.problems.map((p, i) => p.slice(0, problems[i]?.length))).toEqual(problems);
      const error = await loadRepoContext(testIO(dir), '.', {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInputError);
      // the same problems; the bot's also name the branch it read
      const fromDisk = (error as InvalidInputError).problems.map(formatProblem);
      expect(fromGitHub.problems.map((p) => p.replace(/ on main$/, ''))).toEqual(fromDisk);
      return;
    }
    expect(fromGitHub.problems).toEqual([]);
    const fromDisk = await loadRepoContext(testIO(dir), '.', {});
    expect(fromDisk.checklist).toEqual(fromGitHub.checklist);
    expect(fromDisk.config).toEqual(fromGitHub.config);
    if (items) expect(fromDisk.checklist.items.map((item) => item.id)).toEqual(items);
    else expect(fromDisk.checklist.items.length).toBeGreaterThan(100);
  });

  it('an explicit --config that does not exist is an error with its file', async () => {
    const error = await loadRepoContext(testIO(dir), '.', { config: 'nope.yml' }).catch((e: unknown) => e);
    expect((error as InvalidInputError).problems).toEqual([
      { file: 'nope.yml', line: 1, message: 'cannot read config' },
    ]);
  });
});
