/**
 * The auditor's evidence pack: one row per production release, built from its verified signed
 * audit record and its verified live ledger (post-deploy items, post-review and rollbacks happen
 * after the merge), each column named with the control it evidences. Pure: the CLI reads and
 * verifies (src/cli/audit-command.ts), this decides what a row says.
 */
import { NOT_REVIEWED } from '../gate/governance.js';
import {
  BREAK_GLASS_STATE,
  EXCEPTION_STATE,
  type ItemStates,
  type LedgerEvent,
  notesStateOf,
  ROLLBACK_STATE,
} from '../ledger/ledger.js';
import type { AuditRecord } from './audit-record.js';
import { itemLabel } from './audit-view.js';

const CC81 = 'SOC 2 CC8.1';
const A832 = 'ISO 27001:2022 A.8.32';

/** Every column, what it holds and the control it serves (docs/governance.md has the same table). */
export const EXPORT_COLUMNS = [
  { key: 'pr', title: 'PR', control: `${CC81} (change identified); ${A832} (change recorded)` },
  { key: 'version', title: 'Version', control: `${A832} (change identified)` },
  { key: 'mergedAt', title: 'Merged at', control: `${CC81} (change implemented)` },
  { key: 'mergeCommit', title: 'Merge commit', control: `${CC81} (traceable to production code)` },
  { key: 'author', title: 'Author', control: `${CC81} (who developed the change)` },
  {
    key: 'approvers',
    title: 'Approvers (role)',
    control: `${CC81} (authorized and approved); ${A832} (approval by authorized persons)`,
  },
  {
    key: 'separationOfDuties',
    title: 'Separation of duties',
    control: `${CC81} (independent approval); ISO 27001:2022 A.5.3`,
  },
  {
    key: 'automatedEvidence',
    title: 'Automated evidence (how obtained)',
    control: `${CC81} (tested); ${A832} (tested before release)`,
  },
  { key: 'manualItems', title: 'Manual items (ticked by)', control: `${CC81} (tested, documented)` },
  { key: 'deployment', title: 'Deployment', control: `${CC81} (implemented as approved)` },
  {
    key: 'postDeploy',
    title: 'Post-deploy verification and cutover windows',
    control: `${CC81} (verified after change); ${A832}`,
  },
  { key: 'rollback', title: 'Rollback and incident', control: `${CC81} (back-out); ${A832} (fall-back)` },
  {
    key: 'emergency',
    title: 'Break-glass and its review',
    control: `${CC81} (emergency changes reviewed); ${A832} (emergency change)`,
  },
  { key: 'windows', title: 'Change-window exceptions and freezes', control: `${A832} (scheduled changes)` },
  {
    key: 'signals',
    title: 'Rubber-stamp signals',
    control: `${CC81} (approval is a review, not a formality)`,
  },
  { key: 'integrity', title: 'Record integrity', control: `${CC81} (complete and accurate evidence)` },
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number]['key'];
export type ExportRow = Record<ExportColumn, string> & { number: number };

export interface ReleaseEvidence {
  record: AuditRecord;
  /** The live verified ledger's events and states (the record's ledger extended after the merge). */
  events: readonly LedgerEvent[];
  states: ItemStates;
  mergedAt?: string;
  version?: string;
  /** Conclusion of the `shipgate/post-deploy` run on the merge commit, when there is one. */
  postDeployRun?: string;
  /** `shipgate/post-review` run state, when there is one. */
  postReviewRun?: string;
  /** What verified: "record signature, ledger chain (N events)". */
  integrity: string;
}

const join = (parts: readonly string[]) => (parts.length > 0 ? parts.join('; ') : '—');

export function exportRow(release: ReleaseEvidence, nowIso: string): ExportRow {
  const { record, states } = release;
  const items = record.items;
  const byId = new Map(items.map((item) => [item.id, item]));
  const stateOf = (id: string) => states[id] ?? byId.get(id)?.state;
  const signoffs = items.filter((item) => item.kind === 'signoff');
  const approvers = signoffs.map((item) => {
    const state = stateOf(item.id);
    return state?.checked ? `${state.by} (${item.role}) at ${state.at}` : `${item.role}: not signed`;
  });
  const signers = signoffs.flatMap((item) => (stateOf(item.id)?.checked ? [stateOf(item.id)?.by ?? ''] : []));
  const selfSigned = signers.includes(record.pr.author);
  const sod =
    signers.length === 0
      ? 'no sign-off'
      : selfSigned
        ? `NOT held: the author ${record.pr.author} signed off`
        : `held: ${new Set(signers).size} approver(s), none the author`;
  // `how` arrives with the evidence format of issue 20 (verified | reported); shown when present
  const howOf = (item: string) => {
    const result = [...release.events]
      .reverse()
      .find(
        (event): event is Extract<LedgerEvent, { t: 'result' }> =>
          event.t === 'result' && event.item === item,
      );
    const how = result && 'how' in result ? (result as { how?: unknown }).how : undefined;
    return typeof how === 'string' ? ` [${how}]` : '';
  };
  const automated = items
    .filter((item) => item.kind === 'auto' && item.phase === 'pre-merge')
    .map((item) => {
      const state = stateOf(item.id);
      const status = state?.waived
        ? `waived by ${state.waived.by}: ${state.waived.reason}`
        : (state?.status ?? 'no result');
      return `${item.id}: ${status}${state?.summary && !state.waived ? ` (${state.summary})` : ''}${howOf(item.id)}`;
    });
  const manual = items
    .filter((item) => item.kind === 'manual' && item.phase === 'pre-merge' && item.required)
    .map((item) => {
      const state = stateOf(item.id);
      const note = states[notesStateOf(item.id)]?.summary;
      return `${item.id}: ${state?.checked ? `${state.by} at ${state.at}` : 'not done'}${note ? ` — note: ${note}` : ''}`;
    });
  const postItems = items.filter((item) => item.phase === 'post-deploy' && item.required);
  const postDone = postItems.filter((item) => stateOf(item.id)?.checked);
  const postDeploy = [
    `${postDone.length} of ${postItems.length} post-deploy items done`,
    ...postItems.map((item) => {
      const state = stateOf(item.id);
      return `${item.id}: ${state?.checked ? `done${state.by ? ` by ${state.by}` : ''} at ${state.at}` : 'not done'}`;
    }),
  ];
  const rollback = states[ROLLBACK_STATE];
  const glass = states[BREAK_GLASS_STATE];
  let emergency = 'none';
  if (glass?.checked) {
    const missing = (glass.items ?? []).filter((id) => !stateOf(id)?.checked);
    const overdue = glass.due !== undefined && Date.parse(nowIso) > Date.parse(glass.due);
    const review =
      missing.length === 0 ? 'reviewed' : overdue ? NOT_REVIEWED : `pending review (due ${glass.due})`;
    emergency = `break-glass by ${glass.by} at ${glass.at}: ${glass.summary} — skipped ${(glass.items ?? []).length}, review: ${review}${missing.length > 0 ? ` (missing: ${missing.join(', ')})` : ''}`;
  }
  const exception = states[EXCEPTION_STATE];
  const freezes = release.events.filter((event) => event.t === 'freeze' || event.t === 'unfreeze');
  const windows = [
    ...(exception?.checked ? [`exception by ${exception.by} at ${exception.at}: ${exception.summary}`] : []),
    ...freezes.map((event) =>
      event.t === 'freeze'
        ? `frozen by ${event.by} until ${event.until}: ${event.reason}`
        : `freeze lifted by ${event.by} at ${event.at}`,
    ),
  ];
  return {
    number: record.pr.number,
    pr: `#${record.pr.number} ${record.pr.title}`,
    version: release.version ?? '—',
    mergedAt: release.mergedAt ?? '—',
    mergeCommit: record.pr.mergeCommitSha ?? '—',
    author: record.pr.author,
    approvers: join(approvers),
    separationOfDuties: sod,
    automatedEvidence: join(automated),
    manualItems: join(manual),
    deployment: release.postDeployRun
      ? `merge commit ${record.pr.mergeCommitSha?.slice(0, 7) ?? '?'} tracked; post-deploy gate: ${release.postDeployRun}`
      : `merge commit ${record.pr.mergeCommitSha?.slice(0, 7) ?? '?'}; no post-deploy gate run`,
    postDeploy: join(postDeploy),
    rollback: rollback?.checked
      ? `rollback by ${rollback.by} at ${rollback.at}: ${rollback.summary}${rollback.incident ? ` (incident #${rollback.incident})` : ''}`
      : 'none',
    emergency,
    windows: join(windows),
    signals: join(record.signals ?? []),
    integrity: release.integrity,
  };
}

/**
 * Items ticked by a person in every exported release (at least 3) and never with a note: the
 * cross-release signal no single PR can show. Appended to each affected row's signals.
 */
export function everyReleaseWithoutNote(releases: readonly ReleaseEvidence[]): string[] {
  if (releases.length < 3) return [];
  const counts = new Map<string, number>();
  for (const release of releases)
    for (const item of release.record.items) {
      if (item.kind === 'auto') continue;
      const state = release.states[item.id] ?? item.state;
      if (state.checked && !release.states[notesStateOf(item.id)])
        counts.set(item.id, (counts.get(item.id) ?? 0) + 1);
    }
  return [...counts].filter(([, count]) => count === releases.length).map(([id]) => id);
}

export function withEveryReleaseSignal(
  rows: ExportRow[],
  items: readonly string[],
  records: readonly AuditRecord[],
): ExportRow[] {
  if (items.length === 0) return rows;
  const texts = new Map(
    records.flatMap((record) => record.items.map((item) => [item.id, itemLabel(item)] as const)),
  );
  const line = `ticked in every release of the period without a note: ${items.map((id) => texts.get(id) ?? id).join(', ')}`;
  return rows.map((row) => ({ ...row, signals: row.signals === '—' ? line : `${row.signals}; ${line}` }));
}

/** RFC 4180 CSV: header `Title [control]`, one line per release, quotes doubled, CRLF. */
export function exportCsv(rows: readonly ExportRow[]): string {
  const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  // a cell starting with = + - @ is a formula in spreadsheets: prefix it so it stays text
  const safe = (value: string) => cell(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
  const header = EXPORT_COLUMNS.map((column) => cell(`${column.title} [${column.control}]`)).join(',');
  const lines = rows.map((row) => EXPORT_COLUMNS.map((column) => safe(row[column.key])).join(','));
  return `${[header, ...lines].join('\r\n')}\r\n`;
}

/** A deterministic PRNG (mulberry32): the sample an auditor drew is reproduced from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` of `items` drawn without replacement (Fisher–Yates with the seeded PRNG), in their original order. */
export function sample<T>(items: readonly T[], n: number, seed: number): T[] {
  const random = seededRandom(seed);
  const indexes = items.map((_, index) => index);
  for (let i = indexes.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [indexes[i], indexes[j]] = [indexes[j] as number, indexes[i] as number];
  }
  return indexes
    .slice(0, Math.min(n, items.length))
    .sort((a, b) => a - b)
    .map((index) => items[index] as T);
}
