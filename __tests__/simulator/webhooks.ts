/**
 * Webhook sender: signs bodies like GitHub (X-Hub-Signature-256 = sha256 HMAC of the raw body),
 * POSTs them to one or several targets (round-robin), keeps every delivery for redelivery and
 * can queue events until `flush()` when auto delivery is off.
 */
import crypto from 'node:crypto';

export interface Delivery {
  id: string;
  event: string;
  action: string | undefined;
  body: string;
  payload: Record<string, unknown>;
  /** HTTP status per attempt (0 = connection error) */
  attempts: Array<{ target: string; status: number; error?: string }>;
}
export interface RawDeliveryOptions {
  deliveryId?: string;
  /** override the signature header; `null` omits it */
  signature?: string | null;
  target?: string;
}

export const sign = (secret: string, body: string): string =>
  `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;

export class WebhookSender {
  readonly deliveries: Delivery[] = [];
  readonly queue: Delivery[] = [];
  private inflight = new Set<Promise<number>>();
  private cursor = 0;

  constructor(
    private readonly targets: string[],
    private readonly secret: string,
    /** false → events from state changes are queued until flush() */
    public autoDeliver: boolean,
    private readonly onPayload?: (event: string, payload: Record<string, unknown>) => void,
  ) {}

  private record(event: string, payload: Record<string, unknown>, deliveryId?: string): Delivery {
    const d: Delivery = {
      id: deliveryId ?? crypto.randomUUID(),
      event,
      action: typeof payload.action === 'string' ? payload.action : undefined,
      body: JSON.stringify(payload),
      payload,
      attempts: [],
    };
    this.deliveries.push(d);
    this.onPayload?.(event, payload);
    return d;
  }

  private nextTarget(): string | undefined {
    const t = this.targets[this.cursor % Math.max(1, this.targets.length)];
    this.cursor += 1;
    return t;
  }

  private async post(d: Delivery, opts: RawDeliveryOptions = {}): Promise<number> {
    const target = opts.target ?? this.nextTarget();
    if (!target) throw new Error('simulator: no webhookTarget configured');
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/sim',
      'x-github-event': d.event,
      'x-github-delivery': d.id,
      'x-github-hook-id': '1',
      'x-github-hook-installation-target-type': 'integration',
    };
    const signature = opts.signature === undefined ? sign(this.secret, d.body) : opts.signature;
    if (signature !== null) headers['x-hub-signature-256'] = signature;
    try {
      const res = await fetch(target, {
        method: 'POST',
        headers,
        body: d.body,
        signal: AbortSignal.timeout(30_000),
      });
      await res.arrayBuffer();
      d.attempts.push({ target, status: res.status });
      return res.status;
    } catch (err) {
      d.attempts.push({ target, status: 0, error: String(err) });
      return 0;
    }
  }

  private track(p: Promise<number>): Promise<number> {
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p));
    return p;
  }

  /** Deliver now and resolve with the receiver's HTTP status (0 on connection error). */
  deliver(
    event: string,
    payload: Record<string, unknown>,
    opts: { deliveryId?: string } = {},
  ): Promise<number> {
    return this.track(this.post(this.record(event, payload, opts.deliveryId)));
  }

  /**
   * For events caused by state changes: delivered now (resolving with the status) or, in manual mode,
   * queued for flush() (resolving undefined). Without targets the event is only recorded.
   */
  send(event: string, payload: Record<string, unknown>): Promise<number | undefined> {
    const d = this.record(event, payload);
    if (this.targets.length === 0) return Promise.resolve(undefined);
    if (!this.autoDeliver) {
      this.queue.push(d);
      return Promise.resolve(undefined);
    }
    return this.track(this.post(d));
  }

  /** Fire-and-forget variant of send() used by REST handlers (GitHub delivers asynchronously). */
  emit(event: string, payload: Record<string, unknown>): void {
    void this.send(event, payload);
  }

  /** Send all queued events in order; resolves with their statuses. */
  async flush(): Promise<number[]> {
    const out: number[] = [];
    for (let d = this.queue.shift(); d; d = this.queue.shift()) out.push(await this.track(this.post(d)));
    return out;
  }

  /** Re-send an earlier delivery with the same body and delivery id. */
  redeliver(deliveryId: string, target?: string): Promise<number> {
    const d = this.deliveries.find((x) => x.id === deliveryId);
    if (!d) throw new Error(`simulator: unknown delivery ${deliveryId}`);
    return this.track(this.post(d, { target }));
  }

  /** Deliver a raw body with a chosen (bad) signature for negative tests; not recorded as a delivery. */
  async deliverRaw(event: string, body: string, opts: RawDeliveryOptions = {}): Promise<number> {
    const d: Delivery = {
      id: opts.deliveryId ?? crypto.randomUUID(),
      event,
      action: undefined,
      body,
      payload: {},
      attempts: [],
    };
    return this.post(d, opts);
  }

  /** Wait until no background delivery is in flight. */
  async idle(): Promise<void> {
    for (let i = 0; i < 1000 && this.inflight.size > 0; i++) await Promise.allSettled([...this.inflight]);
  }
}
