/** The checklist domain: plain data shared by the CLI, the Action and the bot. */

import type { AppTrait } from '../fit/app-traits.js';

export type ItemKind = 'auto' | 'manual' | 'signoff';
export type Phase = 'pre-merge' | 'post-deploy';

/** Parameters of a check binding, as written in the template directive (validated per check). */
export type CheckParams = Record<string, string | number | boolean>;

export interface ChecklistItem {
  /** Stable id: explicit `id=` or derived from section + text. */
  id: string;
  /** The item text exactly as written in the template (directive removed). */
  text: string;
  kind: ItemKind;
  /** For `auto` items: the check name and its parameters. */
  check?: string;
  params: CheckParams;
  /** For `signoff` items: the role that may tick it. */
  role?: string;
  phase: Phase;
  optional: boolean;
  /** Heading path, e.g. ['🔐 Pre-Deployment Security', 'Credentials & Secrets']. */
  section: string[];
  /** 1-based line in the template file. */
  line: number;
  /** `invalidate-on="src/**,db/**"`: a push resets this item only when a matching path changed. */
  invalidateOn?: string[];
  /** `when-paths=…` / `when-labels=…`: the item applies only to PRs that match (see conditions.ts). */
  when?: ItemCondition;
  /** `note=required`: a tick counts only once someone wrote `/shipgate note <id> <text>` (docs/governance.md). */
  noteRequired?: true;
  /** `needs=websocket,…` (here or on a heading above): `shipgate init` drops the item for an app without these traits. */
  needs?: AppTrait[];
  /** `example`: the template's example app's item; init drops it, or replaces its text with `replacement`. */
  example?: { replacement?: string };
}

/** When a conditional item applies: the PR changes a matching path OR carries one of the labels. */
export interface ItemCondition {
  paths?: string[];
  labels?: string[];
}

/** One line of a template: verbatim text (with {{placeholders}}) or a checkbox item. */
export type TemplateLine =
  | { type: 'text'; text: string; line: number }
  | { type: 'item'; itemId: string; prefix: string; line: number };

export interface Checklist {
  /** Where it came from, for error messages. */
  file: string;
  title: string;
  lines: TemplateLine[];
  items: ChecklistItem[];
}

export type CheckStatus = 'pass' | 'fail' | 'skipped' | 'error';

export interface Finding {
  file?: string;
  line?: number;
  commit?: string;
  message: string;
}

/** What one check run for one item produced. */
export interface ItemResult {
  item: string;
  text: string;
  check: string;
  status: CheckStatus;
  /** One line with the measured figure, e.g. "61.2 kB gzip ≤ 80 kB". */
  summary: string;
  findings: Finding[];
  details?: string;
  durationMs?: number;
  /** Measured figures by name (bytes, ms, score…), for summaries and benchmarks. */
  metrics?: Record<string, number>;
  /** The effective parameters the check ran with (directive, then config overrides). */
  params?: CheckParams;
  /**
   * `verified`: computed by a job that runs no code the PR controls; `reported`: measured where the
   * PR's code ran (its build, its app). Absent: reported.
   */
  how?: 'verified' | 'reported';
}

/** The `shipgate check --format json` document (version 1). */
export interface ResultsReport {
  version: 1;
  passed: boolean;
  results: ItemResult[];
}

/** A check that failed or could not run: it blocks, and is reported as an error. */
export function isFailing(status: CheckStatus): boolean {
  return status === 'fail' || status === 'error';
}

/** The results report for a run: passed when no result failed or errored. */
export function resultsReport(results: ItemResult[]): ResultsReport {
  return { version: 1, passed: !results.some((result) => isFailing(result.status)), results };
}
