import type { TelemetryConfig } from '../src/core/config/telemetry-config.js';
import type { CheckStatus, Finding } from '../src/core/template/model.js';
import type { CheckContract } from './contract.js';

/** Where a check runs and what it may use. Every field is plain data or an injected capability. */
export interface CheckContext {
  /** Repository (or app) directory being checked. */
  repoDir: string;
  /** Base ref to compare against (merge base with main/master by default). */
  baseRef?: string;
  /** Production build directory, auto-detected (dist/, build/, out/) or configured. */
  buildDir?: string;
  /** Target URL of the running app (from --url, config target.url, or a started target). */
  targetUrl?: string;
  /** PID of the target process when shipgate started it itself (enables the RSS leak heuristic). */
  targetPid?: number;
  /** The release version from branch name / PR title, when known. */
  releaseVersion?: string;
  /** The release branch name and PR title, when known. */
  branch?: string;
  prTitle?: string;
  /** Config `environment` and `telemetry` (the `prometheus` check), and the commit checked or deployed. */
  environment?: string;
  telemetry?: TelemetryConfig;
  sha?: string;
  /** Environment variables (secrets are read from here, never printed). */
  env: Record<string, string | undefined>;
  /** Aborted when the check's timeout elapses or the run is cancelled. */
  signal: AbortSignal;
  timeoutMs: number;
  /** GitHub access, when available (Action / token in env). */
  github?: { token: string; owner: string; repo: string; apiUrl: string; headSha?: string };
  /** Share one expensive measurement (a Lighthouse run, a load test) between items of one run. */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /** Progress lines (stderr in the CLI, core.info in the Action). Never pass secrets. */
  log(message: string): void;
}

/** What a check returns for one item. `skipped` always says why in `summary`. */
export interface CheckOutcome {
  status: CheckStatus;
  summary: string;
  details?: string;
  findings?: Finding[];
  metrics?: Record<string, number>;
}

/**
 * A check's implementation: its contract (checks/contracts/, data the bot, `validate`, `init` and
 * the docs read) and the run function, the only part that loads the check's libraries and tools.
 */
export interface Check<P = unknown> extends CheckContract<P> {
  run(params: P, ctx: CheckContext): Promise<CheckOutcome>;
}

/** Helper so each check file declares its param type once (from its contract). */
export function defineCheck<P>(check: Check<P>): Check<P> {
  return check;
}
