import { formatPrice, h } from 'restaurant-vendor';
import type { AppState, MenuItem, Order } from './types.js';

export function menuView(menu: MenuItem[], cart: AppState['cart'], onAdd: (id: string) => void): HTMLElement {
  if (menu.length === 0) return h('p', { class: 'muted' }, 'Loading menu…');
  return h(
    'ul',
    { class: 'menu' },
    ...menu.map((item) =>
      h(
        'li',
        { class: 'menu-item' },
        h('span', { class: 'name' }, item.name),
        h('span', { class: 'price' }, formatPrice(item.priceCents)),
        h(
          'button',
          { type: 'button', onclick: () => onAdd(item.id), 'aria-label': `Add ${item.name}` },
          cart[item.id] ? `Add (${cart[item.id]})` : 'Add',
        ),
      ),
    ),
  );
}

export function cartTotal(menu: MenuItem[], cart: AppState['cart']): number {
  return menu.reduce((sum, item) => sum + item.priceCents * (cart[item.id] ?? 0), 0);
}

export function ordersView(orders: Order[]): HTMLElement {
  if (orders.length === 0) return h('p', { class: 'muted' }, 'No orders yet.');
  return h(
    'ol',
    { class: 'orders' },
    ...orders
      .slice(-10)
      .reverse()
      .map((order) =>
        h(
          'li',
          { class: `order status-${order.status}` },
          h('strong', {}, `#${order.id} · table ${order.table}`),
          h('span', {}, order.lines.map((line) => `${line.quantity}× ${line.name}`).join(', ')),
          h('span', { class: 'badge' }, order.status),
        ),
      ),
  );
}
