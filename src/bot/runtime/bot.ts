import type { JWTVerifyGetKey } from 'jose';
import type { Ledger } from '../../core/ledger/ledger.js';
import type { AppOctokit } from '../../github/client.js';
import type { CommentInfo, GitHub, PullInfo } from '../../github/types.js';
import type { RepoSetup } from '../../load/setup.js';
import type { Coordinator } from '../../scale/coordinator.js';
import { createLocalCoordinator } from '../../scale/local-coordinator.js';
import { AwaitingResults } from './awaiting-results.js';
import type { BotLog } from './bot-log.js';
import { CoordinatedQueue } from './coordinated-queue.js';
import { ReplyBurst } from './reply-burst.js';
import { TtlCache } from './ttl-cache.js';
import type { WindowClock } from './write-coalescer.js';

/** How a webhook delivery ended, for the host's counters. */
export type EventOutcome = 'handled' | 'duplicate' | 'ignored' | 'error';

/**
 * What the engine and its host report to metrics; the server's Prometheus counters
 * (server/metrics.ts) implement it. Declared here so the engine never imports its host.
 */
export interface BotMetrics {
  event(event: string, action: string | undefined, outcome: EventOutcome, seconds?: number): void;
  tickDecisions(accepted: number, rejected: number): void;
  stepsWritten(steps: number): void;
  redelivery(outcome: 'requested' | 'error'): void;
}

export interface BotOptions {
  /** Key for the ledger HMAC (SHIPGATE_LEDGER_SECRET, or derived from the webhook secret). */
  ledgerSecret: string;
  appId: number;
  /** The app's slug (its comments are by `<slug>[bot]`); looked up with GET /app when absent. */
  appSlug?: string;
  /** How long config, membership and permission look-ups are trusted. */
  cacheTtlMs?: number;
  now?: () => Date;
  /** Per-PR locks and delivery de-duplication: Redis across replicas (REDIS_URL), else in-process. */
  coordinator?: Coordinator;
  /** Reverted ticks within this window get one explanation reply per PR (default 1.5 s). */
  replyBurstMs?: number;
  /** Toggles within this window of a PR's last write are written together (default 1 s). */
  writeWindowMs?: number;
  /** The clock that window is reckoned by (default the wall clock; tests move one by hand). */
  writeClock?: WindowClock;
  /** The app's external base URL (SHIPGATE_PUBLIC_URL); the check run links to the audit page under it. */
  publicUrl?: string;
  /** Issuer of the GitHub Actions ID tokens that vouch for results (SHIPGATE_OIDC_ISSUER; GHES: https://HOST/_services/token). */
  oidcIssuer?: string;
  /** Prometheus counters (GET /metrics); absent in unit tests. */
  metrics?: BotMetrics;
  /** PROMETHEUS_URL and the credentials the config names (cutover windows query Prometheus); never logged. */
  telemetryEnv?: Record<string, string | undefined>;
  /** The cutover timer's period (its time slot for claiming a PR) and its bound per pass. */
  cutoverIntervalMs?: number;
  cutoverMaxWindows?: number;
}

/** A PR with a cutover window open: where it is, and when its next window closes (ms since the epoch). */
export interface WatchedPull {
  owner: string;
  repo: string;
  number: number;
  closesAt: number;
}

/**
 * What the bot keeps about each release PR between events: its pull, comment, ledger and check
 * runs as last seen or written. Only caches: GitHub stays the source of truth.
 */
export class PrMemory {
  readonly pulls: TtlCache<PullInfo>;
  /**
   * PR key → its checklist comment as last seen (an edit's payload) or written. Trusted for the
   * cache TTL, so events other than edits need not list the PR's comments; a comment gone since
   * is found again by the writer (404 → look up the live one).
   */
  readonly comments: TtlCache<CommentInfo>;
  /** PR key → last ledger written (the longest verified copy wins anyway). */
  readonly ledgers = new TtlCache<Ledger>(24 * 3600_000);
  /** `repo@sha` → id of our `shipgate` check run on that commit, and what it last showed. */
  readonly checkRuns = new TtlCache<{ id: number; fingerprint: string; completed: boolean }>(24 * 3600_000);
  /** PR key → id of the check run holding the latest ledger mirror. */
  readonly mirrors = new TtlCache<number>(24 * 3600_000);
  /** `PR key@sha` → notes for the check summary (e.g. why results were ignored). */
  readonly notes = new TtlCache<string[]>(24 * 3600_000);
  /** `PR key@base sha...head sha` → paths the PR changes (for `when-paths` items; see pull-conditions.ts). */
  readonly pullFiles = new TtlCache<{ paths: string[]; complete: boolean }>(24 * 3600_000, 1000);
  /** `repo@sha` of a merge-queue commit → the PR it was built from. */
  readonly mergeGroups = new TtlCache<number>(24 * 3600_000);
  constructor(ttlMs: number) {
    this.pulls = new TtlCache(ttlMs);
    this.comments = new TtlCache(ttlMs);
  }
}

/** What the bot keeps about each repository: its policy (config + template), facts and files. */
export class RepositoryMemory {
  readonly setups: TtlCache<RepoSetup>;
  /** `owner/repo` → its id and default branch. */
  readonly repositories: TtlCache<{ id: number; defaultBranch: string }>;
  /** `owner/repo@ref:path` → file text (workflow files). */
  readonly files: TtlCache<string>;
  /** `owner/repo@sha` → the version in package.json (a release PR named without one). */
  readonly packageVersions: TtlCache<string>;
  /** `owner/repo` → its last `/shipgate doctor` report: repeated commands within a minute read nothing again. */
  readonly doctorReports = new TtlCache<string>(60_000, 100);
  constructor(ttlMs: number) {
    this.setups = new TtlCache(ttlMs);
    this.repositories = new TtlCache(ttlMs);
    this.files = new TtlCache(ttlMs, 1000);
    this.packageVersions = new TtlCache(ttlMs * 10);
  }
}

/** Who may do what: repository permissions and team membership, trusted for the TTL. */
export class AccessMemory {
  readonly permissions: TtlCache<string>;
  readonly teams: TtlCache<boolean>;
  constructor(ttlMs: number) {
    this.permissions = new TtlCache(ttlMs);
    this.teams = new TtlCache(ttlMs);
  }
}

/** What vouches for evidence: the OIDC issuers' key sets. */
export class EvidenceMemory {
  /** Issuer → its key set (pr/id-token.ts: jose caches the keys, refetches on rotation, with a cooldown). */
  readonly issuerKeySets = new Map<string, JWTVerifyGetKey>();
}

/** What the timers and sweeps watch for: commits awaiting results, PRs with cutover windows open. */
export class WatchMemory {
  /** Head commits waiting for `shipgate/checks` results (see missing-results.ts). */
  readonly awaitingResults = new AwaitingResults();
  /** PR key → its open cutover windows (see cutover/cutover-watch.ts; shared via the coordinator too). */
  readonly cutoverWatch = new Map<string, WatchedPull>();
}

/**
 * What the bot remembers between events, grouped by the concern that owns it; the runtime's own
 * parts (PR leases, reply bursts, the coordinator) sit beside them.
 */
export class BotMemory {
  readonly pr: PrMemory;
  readonly repository: RepositoryMemory;
  readonly access: AccessMemory;
  readonly evidence = new EvidenceMemory();
  readonly watch = new WatchMemory();
  readonly queue: CoordinatedQueue;
  readonly replies: ReplyBurst;
  readonly ttlMs: number;
  readonly coordinator: Coordinator;
  /** See BotOptions.writeWindowMs. */
  readonly writeWindowMs: number;
  /** See BotOptions.writeClock. */
  readonly writeClock: WindowClock | undefined;
  constructor(options: {
    ttlMs: number;
    coordinator?: Coordinator;
    replyBurstMs?: number;
    writeWindowMs?: number;
    writeClock?: WindowClock;
  }) {
    const { ttlMs, coordinator = createLocalCoordinator(), replyBurstMs = 1500 } = options;
    this.ttlMs = ttlMs;
    this.coordinator = coordinator;
    this.writeWindowMs = options.writeWindowMs ?? 1000;
    this.writeClock = options.writeClock;
    this.queue = new CoordinatedQueue(coordinator);
    this.replies = new ReplyBurst(replyBurstMs);
    this.pr = new PrMemory(ttlMs);
    this.repository = new RepositoryMemory(ttlMs);
    this.access = new AccessMemory(ttlMs);
  }
}

export interface Bot {
  readonly options: Required<Pick<BotOptions, 'ledgerSecret' | 'appId'>>;
  readonly memory: BotMemory;
  now(): Date;
  /** `<slug>[bot]`: the login the bot comments as. */
  botLogin(): string;
  /** External base URL for audit links; none → check runs carry no details_url. */
  readonly publicUrl?: string;
  /** Issuer of the Actions ID tokens (provenance.ts). */
  readonly oidcIssuer: string;
  readonly metrics?: BotMetrics;
  /** See BotOptions.telemetryEnv. */
  readonly telemetryEnv?: Record<string, string | undefined>;
  /** The app's own credentials (JWT; with an id, that installation's token) for `/shipgate doctor`; absent in bot mode. */
  readonly auth?: (installationId?: number) => Promise<AppOctokit>;
}

/** Everything one event handler needs: the bot, a GitHub adapter for the repo, a logger. */
export interface EventScope {
  bot: Bot;
  gh: GitHub;
  log: BotLog;
  /** The webhook delivery being handled (absent for work no webhook started). */
  delivery?: string;
}

export function prKey(gh: GitHub, number: number): string {
  return `${gh.repo.owner}/${gh.repo.repo}#${number}`;
}
