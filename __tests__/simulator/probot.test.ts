/** Probot in GHE mode (GHE_HOST/GHE_PROTOCOL) authenticates and calls the simulator under /api/v3. */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createProbot } from 'probot';
import { generateAppPrivateKey, type Simulator, signWebhook, startSimulator } from './index.js';

let sim: Simulator;
const key = generateAppPrivateKey();
beforeAll(async () => {
  sim = await startSimulator({ appId: 99, privateKeyPem: key, webhookSecret: 's' });
  sim.addRepo('acme/web');
});
afterAll(async () => {
  await sim.close();
});

test('a Probot handler comments and looks up permissions through an installation token', async () => {
  const host = sim.url.replace('http://', '');
  const probot = createProbot({
    env: {
      APP_ID: '99',
      PRIVATE_KEY: key,
      WEBHOOK_SECRET: 's',
      GHE_HOST: host,
      GHE_PROTOCOL: 'http',
      LOG_LEVEL: 'fatal',
    },
  });
  const permissions: string[] = [];
  await probot.load((app) => {
    app.on('pull_request.opened', async (context) => {
      await context.octokit.rest.issues.createComment(context.issue({ body: 'hello from probot' }));
      const perm = await context.octokit.rest.repos.getCollaboratorPermissionLevel(
        context.repo({ username: context.payload.sender.login }),
      );
      permissions.push(perm.data.permission);
    });
  });
  const pr = await sim.openPullRequest({ files: { 'a.ts': '1\n' }, user: 'alice' });
  sim.setPermission('acme/web', 'alice', 'write');
  const d = sim.deliveries.at(-1);
  if (!d) throw new Error('no delivery recorded');
  await probot.webhooks.verifyAndReceive({
    id: d.id,
    name: 'pull_request',
    payload: d.body,
    signature: signWebhook('s', d.body),
  });
  expect(sim.commentsOn(pr.number).map((c) => [c.user, c.body])).toEqual([
    ['shipgate[bot]', 'hello from probot'],
  ]);
  expect(permissions).toEqual(['write']);
  expect(sim.requests.every((r) => r.ghe)).toBe(true);
  expect(sim.requests[0]?.identity).toBe('app:99');
  expect(sim.validationErrors).toEqual([]);
  expect(sim.webhookValidationErrors).toEqual([]);
});
