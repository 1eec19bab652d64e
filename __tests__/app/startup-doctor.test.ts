/** At start-up the app logs, per installation, each permission or event app.yml needs and it lacks. */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { pino } from 'pino';
import { Probot } from 'probot';
import { logInstallationProblems } from '../../src/app/server/startup-doctor.js';
import { REQUIRED_EVENTS } from '../../src/core/doctor/diagnose.js';
import { generateAppPrivateKey, type Simulator, startSimulator } from '../simulator/index.js';
import { manifestPermissions } from './harness.js';

const key = generateAppPrivateKey();
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ appId: 77, privateKeyPem: key });
  sim.addRepo('acme/web');
  sim.addRepo('beta/api');
  Object.assign(sim.installationFor('acme'), {
    permissions: manifestPermissions(),
    events: [...REQUIRED_EVENTS],
  });
  const { merge_queues: _, ...lacking } = manifestPermissions();
  Object.assign(sim.installationFor('beta'), { permissions: lacking, events: [...REQUIRED_EVENTS] });
});
afterAll(async () => {
  await sim?.close();
});

test('a complete installation logs nothing; one without merge_queues gets one warning with the fix', async () => {
  const lines: Array<{ level: number; msg: string; account?: string }> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const probot = new Probot({
    appId: 77,
    privateKey: key,
    baseUrl: sim.apiUrl,
    log: pino({ level: 'info' }, sink),
  });
  expect(await logInstallationProblems(probot)).toBe(1);
  const warnings = lines.filter((line) => line.level === 40);
  expect(warnings).toEqual([
    expect.objectContaining({
      account: 'beta',
      msg: expect.stringMatching(/^shipgate doctor: the app lacks merge_queues: read: fix: /),
    }),
  ]);
});
