import { createStore, formatPrice, mount } from 'restaurant-vendor';
import { fetchMenu, placeOrder } from './api.js';
import { connectLive } from './live.js';
import './styles.css';
import type { AppState, Order } from './types.js';
import { cartTotal, menuView, ordersView } from './views.js';

const store = createStore<AppState>({ menu: [], cart: {}, orders: [], live: 'connecting', message: '' });

const byId = (id: string): HTMLElement => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} missing from index.html`);
  return element;
};

function upsert(orders: Order[], order: Order): Order[] {
  const rest = orders.filter((o) => o.id !== order.id);
  return [...rest, order].sort((a, b) => a.id - b.id);
}

function render(state: AppState): void {
  const addToCart = (id: string) => store.set((s) => ({ cart: { ...s.cart, [id]: (s.cart[id] ?? 0) + 1 } }));
  mount(byId('menu'), menuView(state.menu, state.cart, addToCart));
  mount(byId('total'), formatPrice(cartTotal(state.menu, state.cart)));
  mount(byId('orders'), ordersView(state.orders));
  mount(byId('live'), state.live);
  byId('live').className = `live ${state.live}`;
  mount(byId('message'), state.message);
}

async function submitOrder(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const table = Number(new FormData(form).get('table'));
  const items = Object.entries(store.get().cart).map(([id, quantity]) => ({ id, quantity }));
  if (items.length === 0) {
    store.set({ message: 'Add at least one dish.' });
    return;
  }
  try {
    const order = await placeOrder(table, items);
    store.set((s) => ({ cart: {}, orders: upsert(s.orders, order), message: `Order #${order.id} sent.` }));
  } catch (error) {
    store.set({ message: `Could not place the order: ${(error as Error).message}` });
  }
}

store.subscribe(render);
render(store.get());
byId('order-form').addEventListener('submit', (event) => void submitOrder(event as SubmitEvent));
fetchMenu()
  .then((menu) => store.set({ menu }))
  .catch(() => store.set({ message: 'The menu is unavailable, please retry.' }));
connectLive({
  onStatus: (live) => store.set({ live }),
  onSnapshot: (orders) => store.set({ orders }),
  onOrder: (order) => store.set((s) => ({ orders: upsert(s.orders, order) })),
});
