/**
 * The Action's check mode and the bot read a PR's release version through one rule
 * (src/core/release/release-version.ts): whatever the PR names it by, both measure the same version.
 */
import { describe, expect, it } from '@jest/globals';
import { stepReleaseVersion } from '../../src/action/check-mode.js';
import { readRunEvent } from '../../src/action/event.js';
import { pullReleaseVersion } from '../../src/bot/pr/facts.js';
import { defaultConfig } from '../../src/core/config/config.js';
import type { PullInfo } from '../../src/github/types.js';

const SHA = 'a'.repeat(40);

interface Case {
  ref: string;
  title: string;
  body?: string;
  labels?: string[];
  /** package.json's version at the head. */
  file?: string;
}

function botPull(pr: Case): PullInfo {
  return {
    number: 7,
    headSha: SHA,
    headRef: pr.ref,
    baseRef: 'main',
    baseSha: 'b'.repeat(40),
    title: pr.title,
    author: 'rita',
    labels: pr.labels ?? [],
    open: true,
    draft: false,
    ...(pr.body ? { body: pr.body } : {}),
  };
}

function actionVersion(pr: Case): string | undefined {
  const payload = {
    pull_request: {
      number: 7,
      title: pr.title,
      head: { sha: SHA, ref: pr.ref },
      body: pr.body ?? null,
      labels: (pr.labels ?? []).map((name) => ({ name })),
    },
  };
  const event = readRunEvent(payload, { GITHUB_REPOSITORY: 'o/r', GITHUB_HEAD_REF: pr.ref });
  // GitHub sets GITHUB_HEAD_REF to the PR's head branch; loadRepoContext reads the branch from it
  const context = { branch: pr.ref, packageJson: { version: pr.file }, config: defaultConfig };
  return stepReleaseVersion(context, event);
}

describe('the release version of a PR, as the Action and the bot read it', () => {
  it.each<[string, Case, string | undefined]>([
    ['only the title', { ref: 'fix-checkout', title: 'Release v6.0.4', file: '6.0.3' }, '6.0.4'],
    ['the branch over the title', { ref: 'release/6.0.5', title: 'Release 6.0.4', file: '6.0.3' }, '6.0.5'],
    [
      "a release bot's body",
      {
        ref: 'changeset-release/main',
        title: 'Version Packages',
        body: '# Releases\n## @acme/web@2.1.0\n',
        file: '2.0.0',
      },
      '2.1.0',
    ],
    [
      "release-please's body, told by its label",
      { ref: 'next', title: 'Ship it', labels: ['autorelease: pending'], body: '## [3.0.0](x) (2024-05-01)' },
      '3.0.0',
    ],
    [
      'package.json when nothing names one',
      { ref: 'fix-checkout', title: 'Fix checkout', file: '6.0.3' },
      '6.0.3',
    ],
    ['none at all', { ref: 'fix-checkout', title: 'Fix checkout' }, undefined],
  ])('%s', async (_name, pr, expected) => {
    const bot = await pullReleaseVersion(botPull(pr), defaultConfig.release.bots, async () => pr.file);
    expect(bot).toBe(expected);
    expect(actionVersion(pr)).toBe(expected);
  });
});
