import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import WebSocket from 'ws';
import { startApp } from './helpers.js';

let app;
before(async () => {
  app = await startApp();
});
after(() => app.close());

/** Collects JSON messages until `predicate` matches one; bounded by a 2 s timeout. */
function nextMessage(socket, predicate) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no matching message within 2 s')), 2000);
    const onMessage = (data) => {
      const message = JSON.parse(data.toString());
      if (!predicate(message)) return;
      clearTimeout(timer);
      socket.off('message', onMessage);
      resolve(message);
    };
    socket.on('message', onMessage);
  });
}

test('a client gets a snapshot, echoes of its pings, and live order updates', async () => {
  const socket = new WebSocket(`ws://127.0.0.1:${app.port}/ws`);
  const snapshot = nextMessage(socket, (m) => m.type === 'snapshot');
  await new Promise((resolve) => socket.once('open', resolve));
  assert.deepEqual((await snapshot).orders, []);

  const pong = nextMessage(socket, (m) => m.type === 'pong');
  socket.send(JSON.stringify({ type: 'ping', id: 'abc' }));
  assert.equal((await pong).id, 'abc');

  const protocolPong = new Promise((resolve) => socket.once('pong', (data) => resolve(data.toString())));
  socket.ping('frame');
  assert.equal(await protocolPong, 'frame');

  socket.send('not json'); // ignored, the connection stays open
  const update = nextMessage(socket, (m) => m.type === 'order');
  app.store.create({ table: 3, items: [{ id: 'carbonara', quantity: 1 }] });
  assert.equal((await update).order.table, 3);
  socket.close();
});
