/** A failed delivery is logged with its id and the cause, never with the webhook payload. */
import { Writable } from 'node:stream';
import { expect, test } from '@jest/globals';
import { pino } from 'pino';
import { Probot } from 'probot';
import { createShipgateApp } from '../../src/app/server/app.js';
import { generateAppPrivateKey } from '../simulator/index.js';

test('a handler error reaches the log as one line with the delivery id and no payload', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const probot = new Probot({
    appId: 1,
    privateKey: generateAppPrivateKey(),
    secret: 's',
    log: pino({ level: 'info' }, sink),
  });
  const app = createShipgateApp({ ledgerSecret: 'k', appId: 1, appSlug: 'shipgate' });
  await probot.load(app.appFn);
  const payload = {
    action: 'created',
    repository: { name: 'web', owner: { login: 'acme' } },
    installation: { id: 1 },
    sender: { login: 'alice' },
    issue: { number: 1 },
    comment: { id: 'not-a-number', body: 'PAYLOAD-MARKER private text', user: { login: 'alice' } },
  };
  await expect(
    probot.receive({ id: 'delivery-77', name: 'issue_comment', payload } as never),
  ).rejects.toThrow(/issue_comment delivery delivery-77 failed/);
  const errors = lines.filter((l) => (JSON.parse(l) as { level: number }).level >= 50);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain('delivery-77');
  expect(lines.join('\n')).not.toContain('PAYLOAD-MARKER');
});
