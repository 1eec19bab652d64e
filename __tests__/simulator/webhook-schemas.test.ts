/**
 * The simulator's webhooks are GitHub's: every payload it sent during a whole release (open, push,
 * label, results, ticks, commands, buttons, re-run, merge queue, deployment, merge, delete) validates
 * against @octokit/webhooks-schemas. And every real example payload in @octokit/webhooks-examples
 * (api.github.com and each GHES version) of an event the app handles passes the app's parsers.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parseEvent } from '../../src/bot/events/handle-event.js';
import { REQUIRED_EVENTS } from '../../src/core/doctor/diagnose.js';
import { checklist, gateRun, type Harness } from '../app/harness.js';
import { edit, openCompleteRelease, startReleaseHarness } from '../app/release-harness.js';

const require = createRequire(import.meta.url);
// the events the app subscribes to (app.yml, checked by the doctor) are the ones it handles
const HANDLED = REQUIRED_EVENTS;

function schemaValidator(): (event: string, payload: Record<string, unknown>) => string[] {
  const schema = require('@octokit/webhooks-schemas/schema.json') as { definitions: Record<string, unknown> };
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  (addFormatsModule as unknown as (a: Ajv) => Ajv)(ajv);
  ajv.addSchema(schema, 'webhooks');
  return (event, payload) => {
    const action = typeof payload.action === 'string' ? payload.action : undefined;
    const name = action && `${event}$${action}` in schema.definitions ? `${event}$${action}` : event;
    if (!(name in schema.definitions)) return [`no schema for ${name}`];
    const validate = ajv.compile({ $ref: `webhooks#/definitions/${name}` });
    return validate(payload)
      ? []
      : (validate.errors ?? []).map((e) => `${name} ${e.instancePath} ${e.message}`);
  };
}

describe('every webhook the simulator sends', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startReleaseHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  test('validates against @octokit/webhooks-schemas', async () => {
    const { pr, head } = await openCompleteRelease(h);
    await h.sim.labelPullRequest(pr, 'release', { login: 'rita' });
    await h.sim.userComments(pr, 'rita', '/shipgate status');
    await edit(h, pr, 'bob', 'customer-flow', true);
    const gate = gateRun(h.sim, head);
    if (gate) {
      await h.sim.requestedAction(gate.id, 'qa-lead', 'quinn');
      await h.sim.rerequestCheckRun(gate.id, 'rita');
    }
    await h.sim.mergeGroup(pr);
    await h.sim.deploymentProtectionRule({ environment: 'production', sha: head });
    const merged = await h.sim.closePullRequest(pr, { merged: true, login: 'erin' });
    await h.sim.deploymentStatus({
      environment: 'production',
      state: 'success',
      sha: merged.pull?.merge_commit_sha ?? '',
    });
    const reply = await h.sim.userComments(pr, 'bob', 'deploying now');
    await h.sim.userDeletesComment(reply.id, 'bob');
    await h.settle();
    expect(checklist(h.sim, pr).body).toContain('Release Checklist');

    const validate = schemaValidator();
    const sent = h.sim.deliveries.map((d) => ({
      kind: `${d.event}.${d.action ?? ''}`,
      errors: validate(d.event, d.payload),
    }));
    expect(new Set(sent.map((s) => s.kind))).toEqual(
      new Set([
        'pull_request.opened',
        'pull_request.labeled',
        'pull_request.closed',
        'issue_comment.created',
        'issue_comment.edited',
        'issue_comment.deleted',
        'check_run.created',
        'check_run.completed',
        'check_run.requested_action',
        'check_run.rerequested',
        'merge_group.checks_requested',
        'deployment_protection_rule.requested',
        'deployment_status.created',
      ]),
    );
    expect(sent.filter((s) => s.errors.length > 0)).toEqual([]);
  });
});

describe('every real example payload of a handled event', () => {
  const dir = path.dirname(require.resolve('@octokit/webhooks-examples/package.json'));
  const hosts = fs.readdirSync(dir).filter((entry) => fs.existsSync(path.join(dir, entry, 'index.json')));
  const cases = hosts.flatMap((host) => {
    const defs = require(`@octokit/webhooks-examples/${host}/index.json`) as Array<{
      name: string;
      examples: Array<Record<string, unknown>>;
    }>;
    return defs
      .filter((def) => HANDLED.includes(def.name))
      .flatMap((def) =>
        def.examples.map(
          (example, i) => [host, def.name, `${String(example.action ?? '')}#${i}`, example] as const,
        ),
      );
  });

  test('covers api.github.com and GHES', () => {
    expect(hosts).toEqual(expect.arrayContaining(['api.github.com', 'ghes-35']));
    expect(cases.length).toBeGreaterThan(100);
  });

  test.each(cases)('%s %s %s passes the app parser', (_host, name, _which, example) => {
    expect(() => parseEvent(name, example)).not.toThrow();
  });
});
