import type { MenuItem, Order } from './types.js';

let csrfToken: string | undefined;

async function json<T>(response: Response): Promise<T> {
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body;
}

export async function fetchMenu(): Promise<MenuItem[]> {
  return (await json<{ items: MenuItem[] }>(await fetch('/api/menu'))).items;
}

/** The server checks Origin for browser requests; the token is sent as well, as defense in depth. */
async function token(): Promise<string> {
  csrfToken ??= (await json<{ csrfToken: string }>(await fetch('/api/session'))).csrfToken;
  return csrfToken;
}

export async function placeOrder(table: number, items: { id: string; quantity: number }[]): Promise<Order> {
  const response = await fetch('/api/orders', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': await token() },
    body: JSON.stringify({ table, items }),
  });
  return (await json<{ order: Order }>(response)).order;
}
