/**
 * GitHub requests for one whole release, and writes for a burst, on the simulator with the
 * production write window (1 s) and warm caches (a first release PR warmed the config,
 * permission and team look-ups, as on a repository people work in every day).
 *
 * `api_requests_per_release_lifecycle`: every request the app sends (reads and writes, installation
 * token) for: release PR opened → CI evidence for every automated item → 20 manual ticks by 5
 * people within a minute (each person ticks their 4 items in a row) → 4 sign-offs → a push that
 * resets the sign-offs (and CI evidence for the new head) → the 4 sign-offs again → merge with the
 * audit record. Target ≤ 60.
 * `writes_per_burst_20`: writes for 20 toggles landing within one second. Target ≤ 4.
 */
import {
  checklist,
  type Harness,
  openRelease,
  publishEvidence,
  REPO,
  startHarness,
  toggle,
} from '../__tests__/app/harness.js';

const MANUAL = Array.from({ length: 20 }, (_, i) => `m${i + 1}`);
const SIGN_OFFS = [
  ['qa-signoff', 'quinn'],
  ['eng-signoff', 'erin'],
  ['po-signoff', 'olga'],
  ['ops-signoff', 'bob'],
] as const;
const PEOPLE = ['rita', 'quinn', 'erin', 'bob', 'olga'];

const TEMPLATE = `# Web v{{version}} - Release Checklist

## Automated
- [ ] No hardcoded credentials in code <!-- shipgate: check=secrets id=secrets -->
- [ ] Env files never committed <!-- shipgate: check=env-files id=env-files -->

## Manual
${MANUAL.map((id) => `- [ ] Manual step ${id} <!-- shipgate: id=${id} -->`).join('\n')}

## Sign-off
- [ ] QA Lead <!-- shipgate: role=qa-lead id=qa-signoff -->
- [ ] Engineering Lead <!-- shipgate: role=engineering-lead id=eng-signoff -->
- [ ] Product Owner <!-- shipgate: role=product-owner id=po-signoff -->
- [ ] Ops Lead <!-- shipgate: role=ops-lead id=ops-signoff -->
`;
const CONFIG = `template: .github/release-checklist.md
roles:
  qa-lead:
    teams: [acme/qa]
  engineering-lead:
    users: [erin]
  product-owner:
    users: [olga]
  ops-lead:
    users: [bob]
`;
const PASSING = [
  { item: 'secrets', check: 'secrets', status: 'pass' as const, summary: '0 secrets' },
  { item: 'env-files', check: 'env-files', status: 'pass' as const, summary: 'none committed' },
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One person's edit of the checklist, without waiting for the bot (people do not wait either). */
function edit(h: Harness, pr: number, login: string, id: string, checked: boolean): Promise<unknown> {
  const comment = checklist(h.sim, pr);
  return h.sim.userEditsComment(comment.id, login, toggle(comment.body, id, checked));
}

/** The app's requests (installation token) since `from`. */
function appRequests(h: Harness, from: number) {
  return h.sim.requests.slice(from).filter((r) => r.identity.startsWith('installation:'));
}

export async function benchLifecycle(): Promise<{
  api_requests_per_release_lifecycle: number;
  api_writes_per_release_lifecycle: number;
  writes_per_burst_20: number;
}> {
  const h = await startHarness({ validateWebhooks: false, writeWindowMs: 1000 });
  try {
    h.sim.setPermission(REPO, 'olga', 'write');
    h.sim.commit(REPO, {
      branch: 'main',
      files: { '.github/release-checklist.md': TEMPLATE, '.github/shipgate.yml': CONFIG },
    });
    // warm-up release: config, permissions and team look-ups cached
    const warm = await openRelease(h, { head: 'release/1.0.0', files: { 'w.ts': '1\n' } });
    for (const [i, login] of PEOPLE.entries()) {
      await edit(h, warm.number, login, MANUAL[i] ?? 'm1', true);
      await h.settle();
      await sleep(1050);
    }
    for (const [id, login] of SIGN_OFFS) {
      await edit(h, warm.number, login, id, true);
      await h.settle();
      await sleep(1050);
    }

    const start = h.sim.requests.length;
    const { number: pr, sha } = await openRelease(h, { head: 'release/1.1.0', files: { 'a.ts': '1\n' } });
    await publishEvidence(h, sha, PASSING);
    await sleep(1050);
    const edits: Promise<unknown>[] = [];
    for (const [p, login] of PEOPLE.entries()) {
      for (const id of MANUAL.slice(p * 4, p * 4 + 4)) {
        edits.push(edit(h, pr, login, id, true));
        await sleep(150);
      }
      await sleep(1200); // the next person, a moment later
    }
    await Promise.all(edits);
    await h.settle();
    const signOff = async () => {
      for (const [id, login] of SIGN_OFFS) {
        await sleep(1050);
        await edit(h, pr, login, id, true);
        await h.settle();
      }
    };
    await signOff();
    await sleep(1050);
    const pushed = await h.sim.pushToPullRequest(pr, { files: { 'a.ts': '2\n' } });
    await h.settle();
    await publishEvidence(h, pushed.pull?.head.sha ?? '', PASSING);
    await signOff();
    await h.sim.closePullRequest(pr, { merged: true, login: 'erin' });
    await h.settle();
    const lifecycle = appRequests(h, start);
    if (process.env.BENCH_VERBOSE)
      for (const r of lifecycle)
        process.stderr.write(
          `${r.method} ${r.route ?? r.path} ${r.method === 'POST' ? JSON.stringify(r.body).slice(0, 120) : ''}\n`,
        );
    const body = checklist(h.sim, pr).body;
    if (!body.includes('merged as')) throw new Error('lifecycle bench: the release did not reach the merge');

    // 20 toggles within one second on a quiet PR
    const { number: burstPr } = await openRelease(h, { head: 'release/1.2.0', files: { 'b.ts': '1\n' } });
    await sleep(1100);
    const burstStart = h.sim.requests.length;
    const burst: Promise<unknown>[] = [];
    for (const [i, id] of MANUAL.entries()) {
      burst.push(edit(h, burstPr, PEOPLE[i % PEOPLE.length] ?? 'bob', id, true));
      await sleep(45);
    }
    await Promise.all(burst);
    await h.settle();
    const burstWrites = appRequests(h, burstStart).filter((r) => r.method !== 'GET').length;
    if (!checklist(h.sim, burstPr).body.includes('20 of 26 required items done'))
      throw new Error('lifecycle bench: a toggle of the burst was lost');

    return {
      api_requests_per_release_lifecycle: lifecycle.length,
      api_writes_per_release_lifecycle: lifecycle.filter((r) => r.method !== 'GET').length,
      writes_per_burst_20: burstWrites,
    };
  } finally {
    await h.close();
  }
}
