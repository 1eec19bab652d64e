import { describe, expect, it } from '@jest/globals';
import { ConfigSchema, defaultConfig } from '../../src/core/config/config.js';
import {
  missingResultsAction,
  missingResultsNote,
  overdueAt,
  workflowFileName,
} from '../../src/core/evidence/missing-results.js';
import { detectReleaseBot, type ReleaseBot, releaseBotVersion } from '../../src/core/release/release-bots.js';

type Row = [string, { headRef: string; title: string; labels?: string[] }, string | undefined];

const DETECTION: Row[] = [
  [
    'release-please branch',
    { headRef: 'release-please--branches--main', title: 'chore(main): release 6.1.0' },
    'release-please:branch',
  ],
  [
    'release-please monorepo branch',
    { headRef: 'release-please--branches--main--components--web', title: 'chore: release main' },
    'release-please:branch',
  ],
  [
    'release-please label only',
    { headRef: 'x', title: 'whatever', labels: ['autorelease: pending'] },
    'release-please:label',
  ],
  [
    'release-please label, any case',
    { headRef: 'x', title: 'y', labels: ['AutoRelease: Pending'] },
    'release-please:label',
  ],
  ['release-please title only', { headRef: 'rel', title: 'chore: release 2.0.0' }, 'release-please:title'],
  [
    'release-please scoped title',
    { headRef: 'rel', title: 'chore(main): release web 2.0.0' },
    'release-please:title',
  ],
  [
    'changesets branch',
    { headRef: 'changeset-release/main', title: 'Version Packages' },
    'changesets:branch',
  ],
  ['changesets pre-mode title', { headRef: 'cs', title: 'Version Packages (beta)' }, 'changesets:title'],
  ['refs/heads prefix', { headRef: 'refs/heads/changeset-release/main', title: 'x' }, 'changesets:branch'],
  ['feature branch', { headRef: 'feature/login', title: 'Add login' }, undefined],
  [
    'dependabot',
    { headRef: 'dependabot/npm_and_yarn/lodash-4.17.21', title: 'Bump lodash from 4.17.20 to 4.17.21' },
    undefined,
  ],
  [
    'branch that merely mentions release-please',
    { headRef: 'fix/release-please--config', title: 'fix' },
    undefined,
  ],
  ['other chore', { headRef: 'chore/deps', title: 'chore(deps): update eslint' }, undefined],
  ['released label', { headRef: 'x', title: 'y', labels: ['autorelease: tagged'] }, undefined],
  [
    '"Version Packages" inside a longer title',
    { headRef: 'x', title: 'Docs: Version Packages guide' },
    undefined,
  ],
];

describe('detectReleaseBot', () => {
  it.each(DETECTION)('%s', (_name, pull, expected) => {
    const match = detectReleaseBot({ labels: [], ...pull });
    expect(match ? `${match.bot}:${match.by}` : undefined).toBe(expected);
  });

  it('ignores disabled bots', () => {
    const pull = {
      headRef: 'release-please--branches--main',
      title: 'chore(main): release 1.0.0',
      labels: [],
    };
    expect(detectReleaseBot(pull, ['changesets'])).toBeUndefined();
    expect(
      detectReleaseBot({ headRef: 'changeset-release/main', title: 'Version Packages', labels: [] }, []),
    ).toBeUndefined();
  });

  it('is on for both bots by default and can be turned off in the config', () => {
    expect(defaultConfig.release.bots).toEqual(['release-please', 'changesets']);
    expect(ConfigSchema.parse({ release: { bots: [] } }).release.bots).toEqual([]);
    expect(ConfigSchema.safeParse({ release: { bots: ['semantic-release'] } }).success).toBe(false);
  });
});

const RELEASE_PLEASE_BODY = `:robot: I have created a release *beep* *boop*
---


## [6.1.0](https://github.com/acme/web/compare/v6.0.2...v6.1.0) (2026-11-20)


### Features

* checkout v2 ([#41](https://github.com/acme/web/issues/41)) ([abc1234](https://github.com/acme/web/commit/abc1234))
`;
const MONOREPO_BODY = `:robot: I have created a release *beep* *boop*
---
<details><summary>web: 3.4.0-rc.1</summary>

## [3.4.0-rc.1](https://github.com/acme/web/compare/web-v3.3.0...web-v3.4.0-rc.1) (2026-11-20)
</details>`;
const CHANGESETS_BODY = `This PR was opened by the [Changesets release](https://github.com/changesets/action) GitHub action.

# Releases
## @acme/web@2.3.0

### Minor Changes

- 1a2b3c4: New checkout (mentions 9.9.9 in passing)
`;

const VERSIONS: [string, ReleaseBot, { title: string; body?: string | null }, string | undefined][] = [
  ['release-please title', 'release-please', { title: 'chore(main): release 6.1.0' }, '6.1.0'],
  ['release-please plain title', 'release-please', { title: 'chore: release 6.1.0' }, '6.1.0'],
  [
    'release-please body',
    'release-please',
    { title: 'chore: release main', body: RELEASE_PLEASE_BODY },
    '6.1.0',
  ],
  [
    'release-please component body',
    'release-please',
    { title: 'chore: release main', body: MONOREPO_BODY },
    '3.4.0-rc.1',
  ],
  ['changesets body', 'changesets', { title: 'Version Packages', body: CHANGESETS_BODY }, '2.3.0'],
  ['changesets without body', 'changesets', { title: 'Version Packages', body: null }, undefined],
  [
    'changesets with a release-please body',
    'changesets',
    { title: 'Version Packages', body: RELEASE_PLEASE_BODY },
    undefined,
  ],
  [
    'invalid semver in body',
    'release-please',
    { title: 'chore: release main', body: '## [01.2.3](x) (d)' },
    undefined,
  ],
];

describe('releaseBotVersion', () => {
  it.each(VERSIONS)('%s', (_name, bot, pull, expected) => {
    expect(releaseBotVersion(bot, pull)).toBe(expected);
  });
});

describe('missing results', () => {
  const since = '2026-11-25T10:00:00.000Z';
  const at = (minutes: number) => new Date(Date.parse(since) + minutes * 60_000).toISOString();
  const ACTIONS: [string, { now: string; resultsSeen?: boolean; dispatched?: boolean }, string][] = [
    ['before the timeout', { now: at(9.9) }, 'wait'],
    ['at the timeout', { now: at(10) }, 'dispatch'],
    ['results arrived', { now: at(30), resultsSeen: true }, 'stop'],
    ['already dispatched', { now: at(30), dispatched: true }, 'stop'],
    ['unreadable clock', { now: 'not a time' }, 'wait'],
  ];
  it.each(ACTIONS)('%s', (_name, input, expected) => {
    expect(
      missingResultsAction({
        since,
        timeoutMinutes: 10,
        resultsSeen: false,
        dispatched: false,
        ...input,
      }),
    ).toBe(expected);
  });

  it('computes when a commit is overdue', () => {
    expect(overdueAt(since, 10)).toBe(Date.parse(since) + 600_000);
  });

  it('says what happened in one line', () => {
    const sha = 'abc1234def5678abc1234def5678abc1234def56';
    expect(missingResultsNote({ sha, timeoutMinutes: 10, file: 'shipgate.yml' })).toBe(
      'no shipgate/checks results for abc1234 after 10 min — dispatched shipgate.yml',
    );
    expect(
      missingResultsNote({
        sha,
        timeoutMinutes: 2.5,
        file: '.github/workflows/shipgate.yml',
        error: "422 Workflow does not have 'workflow_dispatch' trigger",
      }),
    ).toBe(
      "no shipgate/checks results for abc1234 after 2.5 min — could not dispatch shipgate.yml: 422 Workflow does not have 'workflow_dispatch' trigger",
    );
    expect(workflowFileName('.github/workflows/checks.yaml')).toBe('checks.yaml');
  });

  it('is configured with checksWorkflow (absent by default)', () => {
    expect(defaultConfig.checksWorkflow).toBeUndefined();
    expect(ConfigSchema.parse({ checksWorkflow: { file: 'shipgate.yml' } }).checksWorkflow).toEqual({
      file: 'shipgate.yml',
      timeoutMinutes: 10,
    });
    expect(ConfigSchema.safeParse({ checksWorkflow: { file: '../evil.yml' } }).success).toBe(false);
    expect(ConfigSchema.safeParse({ checksWorkflow: { file: 'x.yml', timeoutMinutes: 0 } }).success).toBe(
      false,
    );
  });
});
