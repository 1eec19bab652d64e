import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { type Check, defineCheck } from '../../checks/check.js';
import { ConfigSchema } from '../../src/core/config/config.js';
import { parseTemplate } from '../../src/core/template/template.js';
import { checkSchemas } from '../../src/load/load-checklist.js';
import { runChecks } from '../../src/runner/run-checks.js';

const template = (source: string) => parseTemplate(source, 'test.md', checkSchemas);

const repoDir = mkdtempSync(join(tmpdir(), 'shipgate-order-'));

function fake(id: string, flags: Partial<Check<unknown>>, calls: string[]): Check<unknown> {
  return defineCheck({
    id,
    title: id,
    measures: 'repository',
    params: z.object({}).strict(),
    ...flags,
    async run() {
      calls.push(`start:${id}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      calls.push(`end:${id}`);
      return { status: 'pass', summary: id };
    },
  }) as Check<unknown>;
}

describe('runner order and config decisions', () => {
  test('the rate-limit burst (disruptive) runs last and alone, after the exclusive and parallel checks', async () => {
    const calls: string[] = [];
    const registry = new Map<string, Check<unknown>>([
      ['rate-limit', fake('rate-limit', { disruptive: true, usesTarget: true }, calls)],
      ['health', fake('health', { usesTarget: true }, calls)],
      ['load-test', fake('load-test', { exclusive: true, usesTarget: true }, calls)],
    ]);
    // The template lists the burst first: order in the template must not matter.
    const checklist = template(
      [
        '## S',
        '- [ ] Rate <!-- shipgate: check=rate-limit id=rate -->',
        '- [ ] Health <!-- shipgate: check=health id=health -->',
        '- [ ] Load <!-- shipgate: check=load-test id=load -->',
      ].join('\n'),
    );
    const results = await runChecks({
      checklist,
      config: ConfigSchema.parse({ concurrency: 4 }),
      repoDir,
      phase: 'pre-merge',
      env: {},
      resolveCheck: (name) => registry.get(name),
    });
    expect(results.map((r) => r.item)).toEqual(['rate', 'health', 'load']);
    expect(calls.indexOf('start:rate-limit')).toBeGreaterThan(calls.indexOf('end:load-test'));
    expect(calls.indexOf('start:rate-limit')).toBeGreaterThan(calls.indexOf('end:health'));
  });

  test('config items.<id>.na and checks.<name>.enabled: false make items N/A without running them', async () => {
    const calls: string[] = [];
    const registry = new Map<string, Check<unknown>>([
      ['health', fake('health', {}, calls)],
      ['websocket', fake('websocket', {}, calls)],
    ]);
    const checklist = template(
      [
        '## S',
        '- [ ] Health <!-- shipgate: check=health id=health -->',
        '- [ ] WS <!-- shipgate: check=websocket id=ws -->',
      ].join('\n'),
    );
    const config = ConfigSchema.parse({
      checks: { websocket: { enabled: false } },
      items: { health: { na: 'static site: no server to ask' } },
    });
    const results = await runChecks({
      checklist,
      config,
      repoDir,
      phase: 'pre-merge',
      env: {},
      resolveCheck: (name) => registry.get(name),
    });
    expect(results.map((r) => [r.item, r.status, r.summary])).toEqual([
      ['health', 'skipped', 'N/A (config items.health.na): static site: no server to ask'],
      ['ws', 'skipped', 'N/A: check websocket disabled (config checks.websocket.enabled: false)'],
    ]);
    expect(calls).toEqual([]);
  });
});
