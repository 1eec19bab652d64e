/**
 * Release PRs opened by release bots: release-please and changesets. They are release PRs whatever
 * the repository's branch/label/title settings say (unless `release.bots` turns a bot off), and
 * their version is read from what the bot writes: the title, else the body, else package.json.
 */
import { isValidSemver, type ReleaseVersionInput, versionFromTitle } from './release-version.js';

export const RELEASE_BOTS = ['release-please', 'changesets'] as const;
export type ReleaseBot = (typeof RELEASE_BOTS)[number];

export interface ReleaseBotPull {
  headRef: string;
  title: string;
  labels: readonly string[];
}

export interface ReleaseBotMatch {
  bot: ReleaseBot;
  /** What gave it away (for logs). */
  by: 'branch' | 'label' | 'title';
}

// release-please: `release-please--branches--main` (+ `--components--pkg` in monorepos).
const RELEASE_PLEASE_BRANCH = /^release-please--branches--.+/;
// Its default titles: `chore(main): release 1.2.3`, `chore: release 1.2.3`, `chore(main): release web 1.2.3`.
const RELEASE_PLEASE_TITLE = /^chore(?:\([^)]*\))?: release\b/;
const RELEASE_PLEASE_LABEL = 'autorelease: pending';
// changesets/action: branch `changeset-release/<base>`, title `Version Packages` (`(beta)` in pre mode).
const CHANGESETS_BRANCH = /^changeset-release\/.+/;
const CHANGESETS_TITLE = /^Version Packages(?: \([\w.-]+\))?$/;

/** Which release bot opened this PR, if any (only among the enabled bots). */
export function detectReleaseBot(
  pull: ReleaseBotPull,
  enabled: readonly ReleaseBot[] = RELEASE_BOTS,
): ReleaseBotMatch | undefined {
  const ref = pull.headRef.replace(/^refs\/heads\//, '');
  const title = pull.title.trim();
  const labels = pull.labels.map((label) => label.trim().toLowerCase());
  const candidates: (ReleaseBotMatch | false)[] = [
    RELEASE_PLEASE_BRANCH.test(ref) && { bot: 'release-please', by: 'branch' },
    CHANGESETS_BRANCH.test(ref) && { bot: 'changesets', by: 'branch' },
    labels.includes(RELEASE_PLEASE_LABEL) && { bot: 'release-please', by: 'label' },
    RELEASE_PLEASE_TITLE.test(title) && { bot: 'release-please', by: 'title' },
    CHANGESETS_TITLE.test(title) && { bot: 'changesets', by: 'title' },
  ];
  for (const match of candidates) if (match && enabled.includes(match.bot)) return match;
  return undefined;
}

// release-please bodies: `## [1.2.3](https://…/compare/v1.2.2...v1.2.3) (2024-05-01)`, `## 1.2.3 (…)`,
// or per component `<summary>web: 1.2.3</summary>`.
const RELEASE_PLEASE_BODY = [
  /^##\s+\[?v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\]?[\s(]/m,
  /<summary>[^<:]*:\s*v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\s*<\/summary>/,
];
// changesets bodies: `## web@1.2.3` or `## @acme/web@1.2.3` under `# Releases`.
const CHANGESETS_BODY = [/^##\s+(?:@[\w.-]+\/)?[\w.-]+@(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\s*$/m];

/** The version a bot's PR names in its title, else its body; undefined when neither does. */
export function releaseBotVersion(
  bot: ReleaseBot,
  pull: { title: string; body?: string | null },
): string | undefined {
  const fromTitle = versionFromTitle(pull.title);
  if (fromTitle) return fromTitle;
  const body = (pull.body ?? '').slice(0, 65_536);
  for (const pattern of bot === 'release-please' ? RELEASE_PLEASE_BODY : CHANGESETS_BODY) {
    const found = pattern.exec(body)?.[1];
    if (found && isValidSemver(found)) return found;
  }
  return undefined;
}

/**
 * What a pull request says about its version, as readReleaseVersion takes it: its branch, its title
 * and, when a release bot (among `enabled`) opened it, the version the bot wrote in its body. The bot
 * and the Action both read a PR through this, so they agree on its version.
 */
export function pullVersionNames(
  pull: ReleaseBotPull & { body?: string | null },
  enabled: readonly ReleaseBot[] = RELEASE_BOTS,
): Pick<ReleaseVersionInput, 'branch' | 'title' | 'releaseBotVersion'> {
  const bot = detectReleaseBot(pull, enabled);
  const fromBot = bot ? releaseBotVersion(bot.bot, pull) : undefined;
  return { branch: pull.headRef, title: pull.title, ...(fromBot ? { releaseBotVersion: fromBot } : {}) };
}
