/**
 * Token bucket per client IP and bucket class. A bucket holds `capacity` tokens and refills at
 * `refillPerSec`; each request takes one, an empty bucket means 429. Idle buckets are pruned and the
 * map is capped, so the limiter itself cannot leak memory under many clients.
 */
export class RateLimiter {
  #buckets = new Map();
  #maxBuckets;

  constructor({ capacity, refillPerSec, maxBuckets = 10_000, now = () => Date.now() }) {
    this.capacity = capacity;
    this.refillPerSec = refillPerSec;
    this.#maxBuckets = maxBuckets;
    this.now = now;
  }

  /** Takes a token for `key`; returns what the RateLimit headers need. */
  take(key) {
    const now = this.now();
    let bucket = this.#buckets.get(key);
    if (bucket) {
      bucket.tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.refillPerSec);
      bucket.at = now;
      this.#buckets.delete(key); // re-insert: Map order doubles as LRU order
    } else {
      bucket = { tokens: this.capacity, at: now };
    }
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > this.#maxBuckets) this.#buckets.delete(this.#buckets.keys().next().value);
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    const secondsToFull = Math.ceil((this.capacity - bucket.tokens) / this.refillPerSec);
    return {
      allowed,
      limit: this.capacity,
      remaining: Math.floor(bucket.tokens),
      reset: allowed ? secondsToFull : Math.ceil((1 - bucket.tokens) / this.refillPerSec),
    };
  }

  get size() {
    return this.#buckets.size;
  }

  /** Policy for the `RateLimit-Policy` header: capacity per the time a full refill takes. */
  get policy() {
    return `${this.capacity};w=${Math.ceil(this.capacity / this.refillPerSec)}`;
  }
}

/** Sets the IETF draft `RateLimit` / `RateLimit-Policy` headers (plus Retry-After on 429). */
export function setRateLimitHeaders(res, limiter, verdict) {
  res.setHeader('RateLimit-Policy', limiter.policy);
  res.setHeader(
    'RateLimit',
    `limit=${verdict.limit}, remaining=${verdict.remaining}, reset=${verdict.reset}`,
  );
  if (!verdict.allowed) res.setHeader('Retry-After', String(verdict.reset));
}
