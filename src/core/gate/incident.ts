import type { Config } from '../config/config.js';
import { escapeInline, mention } from '../escape.js';
import type { Checklist, ChecklistItem } from '../template/model.js';

/** One severity level: `P0` · "Complete outage" · "5 minutes". */
export interface SeverityLevel {
  level: string;
  meaning: string;
  response: string;
}

/** The seed checklist's levels; used when the template has no `🚨 Incident Response` section. */
export const DEFAULT_SEVERITIES: readonly SeverityLevel[] = [
  { level: 'P0', meaning: 'Complete outage', response: '5 minutes' },
  { level: 'P1', meaning: 'Critical function broken', response: '15 minutes' },
  { level: 'P2', meaning: 'Degraded performance', response: '1 hour' },
  { level: 'P3', meaning: 'Minor issue', response: '4 hours' },
];

const MEANING = /^\s*[-*]\s+\*{0,2}(P\d)\*{0,2}\s*:\s*(.+?)\s*$/;
const RESPONSE = /^\s*[-*]\s+\*{0,2}(P\d)\*{0,2}\s*:\s*(\d+\s*(?:min(?:ute)?s?|h(?:our)?s?|hrs?))\s*$/i;

/**
 * Severity levels and response times from the text of the template's "Incident Response" section
 * (`- **P0**: Complete outage`, `- P0: 5 minutes`). Levels missing from either list keep the defaults.
 */
export function incidentSeverities(checklist: Checklist): SeverityLevel[] {
  const texts = checklist.lines.flatMap((line) => (line.type === 'text' ? [line.text] : []));
  const start = texts.findIndex((text) => /^#{1,6}\s.*incident\s+response/i.test(text));
  if (start < 0) return DEFAULT_SEVERITIES.map((level) => ({ ...level }));
  const depth = /^(#+)/.exec(texts[start] ?? '')?.[1]?.length ?? 2;
  const meanings = new Map<string, string>();
  const responses = new Map<string, string>();
  for (const text of texts.slice(start + 1, start + 200)) {
    const heading = /^(#+)\s/.exec(text);
    if (heading && (heading[1]?.length ?? 0) <= depth) break;
    const response = RESPONSE.exec(text);
    if (response?.[1] && response[2]) responses.set(response[1], response[2]);
    else {
      const meaning = MEANING.exec(text);
      if (meaning?.[1] && meaning[2]) meanings.set(meaning[1], meaning[2]);
    }
  }
  const levels = [...new Set([...DEFAULT_SEVERITIES.map((l) => l.level), ...meanings.keys()])].sort();
  return levels.map((level) => {
    const fallback = DEFAULT_SEVERITIES.find((l) => l.level === level);
    return {
      level,
      meaning: meanings.get(level) ?? fallback?.meaning ?? '',
      response: responses.get(level) ?? fallback?.response ?? '',
    };
  });
}

/** "DevOps Lead (Olga): @olga" for every configured contact; logins in values are mentioned, the rest escaped. */
export function contactLines(contacts: Config['contacts']): string[] {
  return Object.entries(contacts).flatMap(([role, { name, contact }]) => {
    if (!name && !contact) return [];
    const who = name ? ` (${escapeInline(name, 80)})` : '';
    return [`${escapeInline(role, 60)}${who}: ${contactText(contact)}`];
  });
}

// `@login` not preceded by a word character (so `ops@example.com` is not a mention).
const LOGIN = /(^|[^\w@])@([A-Za-z0-9][A-Za-z0-9-]{0,38})\b(?!@)/g;

/** Escapes a contact value but keeps `@login` mentions (not e-mail addresses) so they notify. */
export function contactText(contact: string): string {
  const logins: string[] = [];
  const marked = contact.replace(LOGIN, (_all, before: string, login: string) => {
    logins.push(login);
    return `${before}\u0000${logins.length - 1}\u0000`;
  });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: placeholders we inserted ourselves
  const parts = marked.split(/\u0000(\d+)\u0000/);
  return parts
    .map((part, index) => (index % 2 === 1 ? mention(logins[Number(part)] ?? '') : keepSpaces(part)))
    .join('')
    .trim();
}

/** escapeInline trims; the text between mentions keeps its surrounding spaces. */
function keepSpaces(part: string): string {
  const lead = /^\s/.test(part) ? ' ' : '';
  const trail = /\S\s+$/.test(part) ? ' ' : '';
  return `${lead}${escapeInline(part, 200)}${trail}`;
}

export interface IncidentInput {
  repo: string;
  pr: { number: number; title: string };
  /** The commit being rolled back (the merge commit once merged, else the PR head). */
  sha: string;
  version?: string;
  reason: string;
  startedBy: string;
  severities: readonly SeverityLevel[];
  steps: readonly ChecklistItem[];
  contacts: readonly string[];
}

export const INCIDENT_MARKER = '<!-- shipgate:incident -->';

/** The incident issue opened for a rollback: severities, response times, reason, PR, SHA, steps. */
export function buildIncidentIssue(input: IncidentInput): { title: string; body: string; labels: string[] } {
  const version = input.version ? ` v${escapeInline(input.version, 40)}` : '';
  const steps =
    input.steps.length > 0
      ? input.steps.map((step) => `- [ ] ${escapeInline(step.text, 200)}`)
      : ['- [ ] Roll back the deployment', '- [ ] Verify the previous version is healthy'];
  const body = [
    INCIDENT_MARKER,
    `## 🚨 Rollback of${version} (#${input.pr.number})`,
    '',
    `- **Reason**: ${escapeInline(input.reason, 500)}`,
    `- **Pull request**: #${input.pr.number} — ${escapeInline(input.pr.title, 200)}`,
    `- **Commit**: \`${escapeInline(input.sha, 64)}\``,
    `- **Started by**: ${mention(input.startedBy)}`,
    '',
    '### Severity (pick one)',
    '',
    '| Level | Meaning | Response time |',
    '| --- | --- | --- |',
    ...input.severities.map(
      (s) => `| **${escapeInline(s.level, 10)}** | ${cell(s.meaning)} | ${cell(s.response)} |`,
    ),
    '',
    ...input.severities.map((s) => `- [ ] ${escapeInline(s.level, 10)}: ${escapeInline(s.meaning, 100)}`),
    '',
    '### Rollback steps',
    '',
    ...steps,
    '',
    '### Contacts',
    '',
    ...(input.contacts.length > 0 ? input.contacts.map((c) => `- ${c}`) : ['- none configured']),
    '',
  ].join('\n');
  return {
    title: `Incident: rollback of ${input.repo}${version} (PR #${input.pr.number})`.slice(0, 250),
    body,
    labels: ['incident', 'rollback'],
  };
}

function cell(text: string): string {
  return escapeInline(text, 100).replace(/\|/g, '\\|');
}
