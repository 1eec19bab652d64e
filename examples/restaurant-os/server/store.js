import { EventEmitter } from 'node:events';

/** The menu is static data in this example; a real app would load it from the database. */
export const MENU = Object.freeze([
  { id: 'margherita', name: 'Pizza Margherita', priceCents: 1150, category: 'mains' },
  { id: 'carbonara', name: 'Spaghetti Carbonara', priceCents: 1390, category: 'mains' },
  { id: 'caesar', name: 'Caesar Salad', priceCents: 890, category: 'starters' },
  { id: 'tiramisu', name: 'Tiramisu', priceCents: 650, category: 'desserts' },
  { id: 'lemonade', name: 'Homemade Lemonade', priceCents: 390, category: 'drinks' },
]);

const MAX_ORDERS = 1000;
const MAX_LINES = 20;
const MAX_QUANTITY = 20;

/**
 * In-memory order book. Bounded (oldest orders are dropped) so a long load test cannot grow memory
 * without limit. Emits `order` for every created or updated order.
 */
export class OrderStore extends EventEmitter {
  #orders = new Map();
  #next = 1;

  list() {
    return [...this.#orders.values()];
  }

  /** Validates `{ table, items: [{ id, quantity }] }`; returns `{ order }` or `{ error }`. */
  create(input) {
    if (typeof input !== 'object' || input === null) return { error: 'body must be a JSON object' };
    const table = Number(input.table);
    if (!Number.isInteger(table) || table < 1 || table > 200) return { error: 'table must be 1-200' };
    if (!Array.isArray(input.items) || input.items.length === 0 || input.items.length > MAX_LINES) {
      return { error: `items must be a list of 1-${MAX_LINES} lines` };
    }
    const lines = [];
    for (const line of input.items) {
      const dish = MENU.find((item) => item.id === line?.id);
      const quantity = Number(line?.quantity);
      if (!dish) return { error: `unknown dish: ${String(line?.id).slice(0, 40)}` };
      if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
        return { error: `quantity must be 1-${MAX_QUANTITY}` };
      }
      lines.push({ id: dish.id, name: dish.name, quantity, priceCents: dish.priceCents });
    }
    const totalCents = lines.reduce((sum, line) => sum + line.priceCents * line.quantity, 0);
    const order = {
      id: this.#next++,
      table,
      lines,
      totalCents,
      status: 'received',
      createdAt: new Date().toISOString(),
    };
    this.#orders.set(order.id, order);
    if (this.#orders.size > MAX_ORDERS) this.#orders.delete(this.#orders.keys().next().value);
    this.emit('order', order);
    return { order };
  }

  /** Moves an order along received → preparing → ready → served. */
  advance(id) {
    const order = this.#orders.get(id);
    if (!order) return undefined;
    const flow = ['received', 'preparing', 'ready', 'served'];
    const next = flow[flow.indexOf(order.status) + 1];
    if (next) {
      order.status = next;
      this.emit('order', order);
    }
    return order;
  }
}
