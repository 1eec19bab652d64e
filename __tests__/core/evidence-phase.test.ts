import { describe, expect, it } from '@jest/globals';
import { defaultConfig } from '../../src/core/config/config.js';
import { formatEvidenceText, toEvidence } from '../../src/core/evidence/evidence.js';
import { judgeEvidence } from '../../src/core/evidence/judge-evidence.js';
import { judgePostDeployEvidence } from '../../src/core/evidence/post-deploy-evidence.js';
import { evidenceAudience } from '../../src/core/evidence/provenance.js';
import { parseTemplate } from '../../src/core/template/template.js';
import { checkSchemas } from '../../src/load/load-checklist.js';
import { verified } from '../helpers/oidc-tokens.js';

const SHA = 'a'.repeat(40);
const checklist = parseTemplate(
  `# R
## Pre
- [ ] No secrets <!-- shipgate: check=secrets id=secrets -->
## Post <!-- shipgate: phase=post-deploy -->
- [ ] No 500 errors <!-- shipgate: check=prometheus metric=error-count max=0 id=no-500 -->
- [ ] 10% traffic to green <!-- shipgate: id=step-10 -->
- [ ] Monitor for 5 minutes <!-- shipgate: check=cutover-window duration=5m metrics="error-rate<=1" id=window -->
`,
  't.md',
  checkSchemas,
);
const POLICY = { checklist, config: defaultConfig };

function sourceFor(phase: 'pre-merge' | 'post-deploy') {
  const text = formatEvidenceText(
    toEvidence(SHA, phase, [
      { item: 'secrets', text: '', check: 'secrets', status: 'pass', summary: 'ok', findings: [] },
      {
        item: 'no-500',
        text: '',
        check: 'prometheus',
        params: checklist.items.find((item) => item.id === 'no-500')?.params ?? {},
        status: 'pass',
        summary: '0',
        findings: [],
      },
      { item: 'window', text: '', check: 'cutover-window', status: 'pass', summary: 'forged', findings: [] },
    ]),
  );
  return {
    appSlug: 'github-actions',
    runSha: SHA,
    repo: 'acme/web',
    token: verified(evidenceAudience(text), { sha: SHA }),
    workflowFile: 'same' as const,
    text,
  };
}

describe('evidence is taken only for items of its phase', () => {
  it('pre-merge evidence never ticks a post-deploy item (nor a cutover window)', () => {
    const judged = judgeEvidence(
      { ...sourceFor('pre-merge'), expectedSha: SHA, pullNumber: 42 },
      POLICY,
      {},
      'T',
    );
    expect(judged).toMatchObject({ accepted: true, ignoredItems: ['no-500', 'window'] });
    expect(judged.accepted && judged.events.map((event) => 'item' in event && event.item)).toEqual([
      'secrets',
    ]);
  });
  it('post-deploy evidence ticks only post-deploy items, never a cutover window (the bot judges those)', () => {
    const judged = judgePostDeployEvidence({ ...sourceFor('post-deploy'), mergeSha: SHA }, POLICY, {}, 'T');
    expect(judged).toMatchObject({ accepted: true, ignoredItems: ['secrets', 'window'] });
    expect(judged.accepted && judged.events.map((event) => 'item' in event && event.item)).toEqual([
      'no-500',
    ]);
  });
});
