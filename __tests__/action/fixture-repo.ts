/** A small release repository for the Action tests: main at 1.1.0, release/1.2.0 on top. */
import { randomBytes } from 'node:crypto';
import { FakeSecrets } from '../helpers/repo-fake-secrets.js';
import { commitAll, gitInit, runGit, writeFiles } from '../helpers/repo-temp.js';

export const FIXTURE_TEMPLATE = [
  '# Release checklist',
  '',
  '## Release',
  '',
  '- [ ] CHANGELOG.md updated <!-- shipgate: check=changelog -->',
  '- [ ] Version number updated <!-- shipgate: check=version -->',
  '- [ ] Total JS < 1KB <!-- shipgate: check=bundle-size target=js limit="1 kB" -->',
  '- [ ] No hardcoded credentials in code <!-- shipgate: check=secrets -->',
  '- [ ] Release notes reviewed',
  '',
].join('\n');

export interface FixtureRepo {
  dir: string;
  headSha: string;
  /** The fake credential committed in src/config.js line 3 (must never appear in any output). */
  secret: string;
}

/** Builds the repository in `dir`; `bigBundle` makes the JS budget fail, `leak` commits a secret. */
export function buildFixtureRepo(dir: string, options: { bigBundle: boolean; leak: boolean }): FixtureRepo {
  gitInit(dir);
  writeFiles(dir, {
    'package.json': '{\n  "name": "fixture-app",\n  "version": "1.1.0"\n}\n',
    'CHANGELOG.md': '# Changelog\n\n## 1.1.0\n\n- first release\n',
    'shipgate.md': FIXTURE_TEMPLATE,
    '.gitignore': 'node_modules\n',
  });
  commitAll(dir, 'chore: 1.1.0');
  runGit(dir, ['checkout', '--quiet', '-b', 'release/1.2.0']);
  const secret = new FakeSecrets(7).githubToken();
  // Incompressible bytes (hex of random data gzips to ~half) so the 1 kB budget fails when asked.
  const app = options.bigBundle
    ? `export const blob = "${randomBytes(4000).toString('base64')}";\n`
    : 'export const x = 1;\n';
  writeFiles(dir, {
    'package.json': '{\n  "name": "fixture-app",\n  "version": "1.2.0"\n}\n',
    'CHANGELOG.md': '# Changelog\n\n## 1.2.0\n\n- faster menu\n\n## 1.1.0\n\n- first release\n',
    // A browser build: bundle checks judge only builds with an HTML entry point (issue 14).
    'dist/index.html': '<!doctype html><script type="module" src="/app.js"></script>\n',
    'dist/app.js': app,
    'src/config.js': options.leak
      ? `// settings\nexport const region = 'eu';\nexport const token = '${secret}';\n`
      : "// settings\nexport const region = 'eu';\n",
  });
  const headSha = commitAll(dir, 'chore: release 1.2.0');
  return { dir, headSha, secret };
}

/**
 * The repository's default branch on the simulator holds the fixture's template, as a real
 * repository would: the Action reads its policy from there, not from the PR's checkout.
 */
export function seedFixturePolicy(
  sim: { commit(repo: string, input: { branch: string; files: Record<string, string> }): unknown },
  repo: string,
): void {
  sim.commit(repo, { branch: 'main', files: { 'shipgate.md': FIXTURE_TEMPLATE } });
}
