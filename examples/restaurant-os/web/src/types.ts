export interface MenuItem {
  id: string;
  name: string;
  priceCents: number;
  category: string;
}

export interface OrderLine {
  id: string;
  name: string;
  quantity: number;
  priceCents: number;
}

export interface Order {
  id: number;
  table: number;
  lines: OrderLine[];
  totalCents: number;
  status: 'received' | 'preparing' | 'ready' | 'served';
  createdAt: string;
}

export interface AppState {
  menu: MenuItem[];
  cart: Record<string, number>;
  orders: Order[];
  live: 'connecting' | 'online' | 'offline';
  message: string;
}
