import { WebSocketServer } from 'ws';

/**
 * `/ws`: pushes `{type:'order', order}` to every client when an order changes, and answers
 * `{type:'ping', id}` with `{type:'pong', id}` (protocol-level pings are answered by `ws` itself).
 */
export function attachLiveUpdates(server, store) {
  const wss = new WebSocketServer({ server, path: '/ws', maxPayload: 16 * 1024 });
  wss.on('connection', (socket) => {
    socket.send(JSON.stringify({ type: 'snapshot', orders: store.list().slice(-50) }));
    socket.on('message', (data) => {
      let message;
      try {
        message = JSON.parse(data.toString());
      } catch {
        return;
      }
      if (message?.type === 'ping') socket.send(JSON.stringify({ type: 'pong', id: message.id }));
    });
  });
  const broadcast = (order) => {
    const text = JSON.stringify({ type: 'order', order });
    for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(text);
  };
  store.on('order', broadcast);
  return {
    wss,
    close: () =>
      new Promise((resolve) => {
        store.off('order', broadcast);
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}
