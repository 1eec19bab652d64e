/** Pure decisions after the merge: rollback, incident, deployment protection, post-deploy evidence, audit attachment. */
import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import {
  auditCheckText,
  CHECK_TEXT_LIMIT,
  readAuditJson,
  releaseBodyWithAudit,
} from '../../src/core/audit/audit-attachment.js';
import { renderAuditMarkdown } from '../../src/core/audit/audit-markdown.js';
import { buildAuditRecord, verifyAuditRecord } from '../../src/core/audit/audit-record.js';
import { decodeStateBlock, encodeStateBlock } from '../../src/core/comment/state-block.js';
import { defaultConfig } from '../../src/core/config/config.js';
import { parseCommand } from '../../src/core/decide/commands.js';
import { decideDeployment } from '../../src/core/decide/deployment-decision.js';
import { formatEvidenceText, toEvidence } from '../../src/core/evidence/evidence.js';
import { judgePostDeployEvidence } from '../../src/core/evidence/post-deploy-evidence.js';
import { evidenceAudience } from '../../src/core/evidence/provenance.js';
import { evaluateGate } from '../../src/core/gate/gate.js';
import {
  buildIncidentIssue,
  contactText,
  DEFAULT_SEVERITIES,
  incidentSeverities,
} from '../../src/core/gate/incident.js';
import { releaseGates } from '../../src/core/gate/release-gates.js';
import { rollbackPlan, rollbackStatus } from '../../src/core/gate/rollback.js';
import {
  appendEvents,
  compactLedger,
  emptyLedger,
  foldLedger,
  type LedgerEvent,
  ROLLBACK_STATE,
} from '../../src/core/ledger/ledger.js';
import { parseTemplate } from '../../src/core/template/template.js';
import { verified } from '../helpers/oidc-tokens.js';

const HEAD = 'a'.repeat(40);
const MERGE = 'b'.repeat(40);
const SECRET = 'test-secret';
const TEMPLATE = [
  '# R',
  '## Checks',
  '- [ ] Secrets <!-- shipgate: id=secrets check=fake -->',
  '## Post <!-- shipgate: phase=post-deploy -->',
  '- [ ] Home page loads <!-- shipgate: id=home check=fake -->',
  '## 🔄 Rollback Plan <!-- shipgate: optional -->',
  '### Rollback Triggers',
  '- [ ] Error rate > 5% <!-- shipgate: id=trig -->',
  '### Rollback Steps',
  '1. [ ] Switch traffic back <!-- shipgate: id=step -->',
  '## 🚨 Incident Response',
  '### Severity Levels',
  '- **P0**: Everything is down',
  '- **P1**: Checkout broken',
  '### Response Times',
  '- P0: 2 minutes',
  '- P1: 30 min',
  '## After',
  '- P2: 9 hours',
].join('\n');
const checklist = parseTemplate(TEMPLATE, 't.md', new Map([['fake', z.object({}).passthrough()]]));
const POLICY = { checklist, config: defaultConfig };
const result = (item: string, sha: string): LedgerEvent => ({
  t: 'result',
  item,
  status: 'pass',
  summary: 'ok',
  at: 'T',
  sha,
});

describe('rollback', () => {
  it('splits the rollback plan into triggers and steps', () => {
    const plan = rollbackPlan(checklist);
    expect(plan.triggers.map((i) => i.id)).toEqual(['trig']);
    expect(plan.steps.map((i) => i.id)).toEqual(['step']);
  });

  it('a ticked trigger or a rollback event activates the steps; the rollback survives compaction', () => {
    expect(rollbackStatus(checklist, {}).activated).toEqual([]);
    expect(rollbackStatus(checklist, { trig: { checked: true } }).activated).toEqual(['step']);
    const rollback: LedgerEvent = {
      t: 'rollback',
      by: 'bob',
      at: 'T',
      sha: MERGE,
      reason: 'r',
      source: 'x',
      incident: 7,
    };
    let ledger = appendEvents(emptyLedger(SECRET), [rollback, { ...rollback, incident: 8 }], SECRET);
    ledger = compactLedger(appendEvents(ledger, [result('home', MERGE)], SECRET), 1, SECRET);
    const status = rollbackStatus(checklist, foldLedger(ledger));
    expect(status.started).toEqual({ by: 'bob', at: 'T', reason: 'r', incident: 7 });
    expect(foldLedger(ledger)[ROLLBACK_STATE]?.incident).toBe(7);
    // the state block round-trips the new event; blocks written before it still decode
    const decoded = decodeStateBlock(encodeStateBlock(appendEvents(emptyLedger(SECRET), [rollback], SECRET)));
    expect(decoded.found && 'ledger' in decoded && decoded.ledger.events[0]?.t).toBe('rollback');
    const old = decodeStateBlock(
      encodeStateBlock(appendEvents(emptyLedger(SECRET), [result('secrets', HEAD)], SECRET)),
    );
    expect(old.found && 'ledger' in old).toBe(true);
  });

  it('activated steps count before the merge in pre-merge and after it in post-deploy', () => {
    const states = {
      trig: { checked: true },
      secrets: { checked: true, status: 'pass' as const, sha: HEAD },
    };
    const open = releaseGates({ checklist, states, headSha: HEAD });
    expect(open.preMerge.required).toBe(2);
    expect(open.display.summary).toContain('rollback in progress');
    const merged = releaseGates({ checklist, states, headSha: HEAD, mergeSha: MERGE });
    expect(merged.postDeploy?.required).toBe(2);
    expect(merged.display.summary).toContain(`merged as bbbbbbb · post-deploy: 0 of 2`);
    const plain = evaluateGate({ checklist, states: {}, headSha: MERGE, phase: 'post-deploy' });
    expect(plain.required).toBe(1);
  });

  it('parses /shipgate rollback with its reason', () => {
    expect(parseCommand('/shipgate rollback payments down')).toEqual({
      name: 'rollback',
      reason: 'payments down',
    });
  });
});

describe('incident', () => {
  it('reads severities and response times from the Incident Response section, defaults otherwise', () => {
    expect(incidentSeverities(checklist)).toEqual([
      { level: 'P0', meaning: 'Everything is down', response: '2 minutes' },
      { level: 'P1', meaning: 'Checkout broken', response: '30 min' },
      { level: 'P2', meaning: 'Degraded performance', response: '1 hour' },
      { level: 'P3', meaning: 'Minor issue', response: '4 hours' },
    ]);
    const bare = parseTemplate('# R\n- [ ] x <!-- shipgate: id=x -->', 't.md', new Map());
    expect(incidentSeverities(bare)).toEqual(DEFAULT_SEVERITIES);
  });

  it('mentions logins in contact values and escapes everything else', () => {
    expect(contactText('@olga')).toBe('@olga');
    expect(contactText('ops@example.com, +1 555')).toBe('ops@example.com, +1 555');
    expect(contactText('<img src=x> @bob')).toBe('&lt;img src=x&gt; @bob');
  });

  it('builds the issue with the reason, PR, SHA, severities and the steps as a task list', () => {
    const issue = buildIncidentIssue({
      repo: 'acme/web',
      pr: { number: 5, title: 'Release 1.2.3' },
      sha: MERGE,
      version: '1.2.3',
      reason: 'errors @everyone <script>',
      startedBy: 'bob',
      severities: DEFAULT_SEVERITIES,
      steps: rollbackPlan(checklist).steps,
      contacts: ['on-call: @olga'],
    });
    expect(issue.title).toBe('Incident: rollback of acme/web v1.2.3 (PR #5)');
    expect(issue.body).toContain('**Reason**: errors @\u200beveryone &lt;script&gt;');
    expect(issue.body).toContain(`**Commit**: \`${MERGE}\``);
    expect(issue.body).toContain('| **P1** | Critical function broken | 15 minutes |');
    expect(issue.body).toContain('- [ ] Switch traffic back');
  });
});

describe('deployment decision', () => {
  const ready = evaluateGate({
    checklist,
    states: { secrets: { checked: true, status: 'pass', sha: HEAD } },
    headSha: HEAD,
    phase: 'pre-merge',
  });
  const waiting = evaluateGate({ checklist, states: {}, headSha: HEAD, phase: 'pre-merge' });
  const input = { environment: 'production', protectedEnvironments: ['production'], sha: MERGE };

  it('approves a complete gate and rejects an incomplete one or an unknown commit', () => {
    expect(decideDeployment({ ...input, candidates: [{ number: 3, gate: ready }] })).toMatchObject({
      state: 'approved',
      pr: 3,
    });
    expect(decideDeployment({ ...input, candidates: [{ number: 4, gate: waiting }] })).toMatchObject({
      state: 'rejected',
      pr: 4,
    });
    expect(decideDeployment({ ...input, candidates: [] })).toEqual({
      state: 'rejected',
      comment: 'no release PR with a complete shipgate gate for bbbbbbb',
    });
  });

  it('fails closed on config problems and lets unprotected environments through', () => {
    expect(
      decideDeployment({ ...input, candidates: [{ number: 3, gate: ready }], problems: ['x:1: bad'] }).state,
    ).toBe('rejected');
    expect(decideDeployment({ ...input, environment: 'Staging', candidates: [] }).state).toBe('approved');
  });
});

describe('post-deploy evidence', () => {
  const text = formatEvidenceText(
    toEvidence(MERGE, 'post-deploy', [
      { item: 'home', text: 'h', check: 'fake', status: 'pass', summary: 'HTTP 200', findings: [] },
      { item: 'secrets', text: 's', check: 'fake', status: 'fail', summary: 'leak', findings: [] },
    ]),
  );
  const source = {
    appSlug: 'github-actions',
    runSha: MERGE,
    mergeSha: MERGE,
    repo: 'acme/web',
    token: verified(evidenceAudience(text), {
      ref: 'refs/heads/main',
      sha: MERGE,
      event_name: 'deployment_status',
      workflow_ref: 'acme/web/.github/workflows/deploy.yml@refs/heads/main',
    }),
    workflowFile: 'same' as const,
    text,
  };

  it('takes only post-deploy items, keyed by the merge commit', () => {
    const judged = judgePostDeployEvidence(source, POLICY, {}, 'T');
    expect(judged.accepted && judged.events).toEqual(
      [result('home', MERGE)].map((e) => ({
        ...e,
        summary: 'HTTP 200',
        how: 'reported',
        run: { iat: Math.floor(Date.parse('2026-11-25T12:00:00Z') / 1000), id: '77', attempt: 1 },
      })),
    );
    expect(judged.accepted && judged.ignoredItems).toEqual(['secrets']);
  });

  it('refuses other apps, other commits and workflows missing from the base branch', () => {
    expect(judgePostDeployEvidence({ ...source, appSlug: 'evil' }, POLICY, {}, 'T').accepted).toBe(false);
    expect(judgePostDeployEvidence({ ...source, runSha: HEAD }, POLICY, {}, 'T').accepted).toBe(false);
    const missing = judgePostDeployEvidence(
      { ...source, workflowFile: 'not-on-default-branch' },
      POLICY,
      {},
      'T',
    );
    expect(!missing.accepted && missing.reason).toContain('is not on the default branch');
  });
});

describe('audit attachment', () => {
  const many = Array.from(
    { length: 400 },
    (_, i): LedgerEvent => ({
      t: 'reject',
      item: 'secrets',
      by: `user${i}`,
      at: '2025-01-01T00:00:00Z',
      sha: HEAD,
      reason: 'x'.repeat(150),
    }),
  );
  const record = (events: LedgerEvent[]) =>
    buildAuditRecord(
      {
        repo: 'acme/web',
        pr: { number: 1, title: 'Release', author: 'rita', headSha: HEAD, mergeCommitSha: MERGE },
        checklist,
        ledger: appendEvents(emptyLedger(SECRET), events, SECRET),
        generatedAt: '2025-01-01T00:00:00Z',
      },
      SECRET,
    );

  it('keeps Markdown and signed JSON when they fit, and stays within the limit when they do not', () => {
    const small = record([]);
    const text = auditCheckText(small, renderAuditMarkdown(small), 'TAIL');
    expect(verifyAuditRecord(readAuditJson(text), SECRET).ok).toBe(true);
    expect(text).toContain('TAIL');
    const big = record(many);
    const cut = auditCheckText(big, renderAuditMarkdown(big), 'TAIL');
    expect(cut.length).toBeLessThanOrEqual(CHECK_TEXT_LIMIT);
    expect(cut).toContain('TAIL');
    expect(cut).toMatch(/left out|does not fit/);
  });

  it('appends to a release body once and replaces its own section on a second merge event', () => {
    const r = record([]);
    const md = renderAuditMarkdown(r);
    const once = releaseBodyWithAudit('Notes', r, md);
    const twice = releaseBodyWithAudit(once, r, md);
    expect(twice).toBe(once);
    expect(once.startsWith('Notes\n\n<!-- shipgate:audit -->')).toBe(true);
    expect(verifyAuditRecord(readAuditJson(once), SECRET).ok).toBe(true);
  });
});
