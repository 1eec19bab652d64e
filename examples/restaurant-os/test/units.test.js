import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RateLimiter } from '../server/rate-limit.js';
import { csrfAllowed, isHttps, parseAllowList } from '../server/security.js';
import { OrderStore } from '../server/store.js';

describe('RateLimiter', () => {
  test('empties, refuses, and refills over time', () => {
    let now = 0;
    const limiter = new RateLimiter({ capacity: 3, refillPerSec: 1, now: () => now });
    assert.deepEqual(
      [1, 2, 3, 4].map(() => limiter.take('ip').allowed),
      [true, true, true, false],
    );
    assert.equal(limiter.take('ip').reset, 1);
    now = 1500;
    assert.equal(limiter.take('ip').allowed, true);
    assert.equal(limiter.take('other').remaining, 2);
    assert.equal(limiter.policy, '3;w=3');
  });

  test('keeps at most maxBuckets buckets', () => {
    const limiter = new RateLimiter({ capacity: 1, refillPerSec: 1, maxBuckets: 10 });
    for (let i = 0; i < 100; i++) limiter.take(`ip-${i}`);
    assert.equal(limiter.size, 10);
  });
});

describe('security helpers', () => {
  const req = (headers, encrypted = false) => ({ headers, socket: { encrypted } });

  test('parseAllowList trims and ignores empties', () => {
    assert.deepEqual(
      [...parseAllowList(' https://a.example, ,https://b.example')],
      ['https://a.example', 'https://b.example'],
    );
    assert.equal(parseAllowList(undefined).size, 0);
  });

  test('csrfAllowed: same host, allow-list, token, or nothing', () => {
    const allow = parseAllowList('https://partner.example');
    assert.equal(csrfAllowed(req({ origin: 'http://shop.test', host: 'shop.test' }), allow, 't'), true);
    assert.equal(csrfAllowed(req({ origin: 'https://partner.example', host: 'x' }), allow, 't'), true);
    assert.equal(csrfAllowed(req({ origin: 'https://evil.example', host: 'shop.test' }), allow, 't'), false);
    assert.equal(csrfAllowed(req({ origin: 'null', host: 'shop.test' }), allow, 't'), false);
    assert.equal(csrfAllowed(req({ 'x-csrf-token': 't' }), allow, 't'), true);
    assert.equal(csrfAllowed(req({}), allow, 't'), false);
  });

  test('isHttps: TLS sockets, or a trusted proxy in production', () => {
    assert.equal(isHttps(req({}, true), {}), true);
    assert.equal(isHttps(req({ 'x-forwarded-proto': 'https' }), { NODE_ENV: 'production' }), false);
    assert.equal(
      isHttps(req({ 'x-forwarded-proto': 'https' }), { NODE_ENV: 'production', TRUST_PROXY: '1' }),
      true,
    );
  });
});

describe('OrderStore', () => {
  test('validates input', () => {
    const store = new OrderStore();
    assert.match(store.create(null).error, /JSON object/);
    assert.match(store.create({ table: 1, items: [{ id: 'nope', quantity: 1 }] }).error, /unknown dish/);
    assert.match(store.create({ table: 1, items: [{ id: 'caesar', quantity: 99 }] }).error, /quantity/);
    assert.equal(store.advance(123), undefined);
  });

  test('advances an order to served and stops there', () => {
    const store = new OrderStore();
    const { order } = store.create({ table: 1, items: [{ id: 'caesar', quantity: 1 }] });
    for (let i = 0; i < 5; i++) store.advance(order.id);
    assert.equal(order.status, 'served');
  });
});
