CREATE TABLE orders (
  id BIGSERIAL PRIMARY KEY,
  table_number INTEGER NOT NULL CHECK (table_number BETWEEN 1 AND 200),
  status TEXT NOT NULL DEFAULT 'received',
  total_cents INTEGER NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE order_lines (
  order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  menu_item_id TEXT NOT NULL REFERENCES menu_items (id),
  quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 20),
  price_cents INTEGER NOT NULL,
  PRIMARY KEY (order_id, menu_item_id)
);
