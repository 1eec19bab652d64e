import type { Order } from './types.js';

type LiveMessage = { type: 'snapshot'; orders: Order[] } | { type: 'order'; order: Order } | { type: 'pong' };

export interface LiveHandlers {
  onStatus(status: 'connecting' | 'online' | 'offline'): void;
  onSnapshot(orders: Order[]): void;
  onOrder(order: Order): void;
}

/** Live order updates over `/ws`, reconnecting with capped backoff (1 s … 30 s). */
export function connectLive(handlers: LiveHandlers, attempt = 0): void {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = new WebSocket(`${scheme}://${location.host}/ws`);
  handlers.onStatus('connecting');
  socket.addEventListener('open', () => {
    attempt = 0;
    handlers.onStatus('online');
  });
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as LiveMessage;
    if (message.type === 'snapshot') handlers.onSnapshot(message.orders);
    if (message.type === 'order') handlers.onOrder(message.order);
  });
  socket.addEventListener('close', () => {
    handlers.onStatus('offline');
    const delay = Math.min(30_000, 1000 * 2 ** attempt);
    setTimeout(() => connectLive(handlers, attempt + 1), delay);
  });
}
