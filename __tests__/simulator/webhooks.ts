/**
 * Webhook sender: signs bodies like GitHub (X-Hub-Signature-256 = sha256 HMAC of the raw body),
 * POSTs them to one or several targets (round-robin), records every attempt as GitHub's App
 * hook-delivery log does, and can queue events until `flush()` when auto delivery is off.
 *
 * GitHub never redelivers a failed delivery by itself: a refused connection, a timeout or a non-2xx
 * answer is recorded as failed and stays failed until someone (a person in the app's settings, or
 * the app through `POST /app/hook/deliveries/{id}/attempts`) asks for a redelivery, which keeps the
 * guid (`X-GitHub-Delivery`) and is marked `redelivery: true`.
 * Source: https://docs.github.com/en/webhooks/using-webhooks/handling-failed-webhook-deliveries
 * ("GitHub does not automatically redeliver failed deliveries"),
 * https://docs.github.com/en/rest/apps/webhooks (list deliveries, redeliver).
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
/** One attempt as `GET /app/hook/deliveries` lists it (OpenAPI `hook-delivery-item`). */
export interface HookDelivery {
  id: number;
  guid: string;
  delivered_at: string;
  redelivery: boolean;
  duration: number;
  /** `OK` for a 2xx; GitHub's docs: a failed delivery has a status that is not `OK`. */
  status: string;
  /** 0 when no HTTP answer came (refused connection, reset, timeout). */
  status_code: number;
  event: string;
  action: string | null;
  installation_id: number | null;
  repository_id: number | null;
  throttled_at: null;
}
export interface RawDeliveryOptions {
  deliveryId?: string;
  /** override the signature header; `null` omits it */
  signature?: string | null;
  target?: string;
}

/** Marks raw negative-test deliveries, which GitHub would never have sent and the log does not list. */
const NOT_LOGGED: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

export const sign = (secret: string, body: string): string =>
  `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;

export class WebhookSender {
  readonly deliveries: Delivery[] = [];
  readonly queue: Delivery[] = [];
  /** Every attempt, newest last (the App's delivery log). */
  readonly hookLog: HookDelivery[] = [];
  private inflight = new Set<Promise<number>>();
  private cursor = 0;

  constructor(
    private targets: string[],
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

  /**
   * Points deliveries at other URLs, as an App owner does by updating the App's webhook URL
   * (https://docs.github.com/en/rest/apps/webhooks#update-a-webhook-configuration-for-an-app):
   * deliveries made from now on go there; one in flight finishes where it started.
   */
  setTargets(targets: string[]): void {
    this.targets = [...targets];
    this.cursor = 0;
  }

  private nextTarget(): string | undefined {
    const t = this.targets[this.cursor % Math.max(1, this.targets.length)];
    this.cursor += 1;
    return t;
  }

  private log(d: Delivery, status: number, started: number, redelivery: boolean, error?: string): void {
    const installation = d.payload.installation as { id?: unknown } | undefined;
    const repository = d.payload.repository as { id?: unknown } | undefined;
    this.hookLog.push({
      id: this.hookLog.length + 1,
      guid: d.id,
      delivered_at: new Date(started).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      redelivery,
      duration: (Date.now() - started) / 1000,
      status:
        status >= 200 && status < 300
          ? 'OK'
          : status === 0
            ? (error ?? 'failed to connect')
            : `Invalid HTTP Response: ${status}`,
      status_code: status,
      event: d.event,
      action: d.action ?? null,
      installation_id: typeof installation?.id === 'number' ? installation.id : null,
      repository_id: typeof repository?.id === 'number' ? repository.id : null,
      throttled_at: null,
    });
  }

  private async post(d: Delivery, opts: RawDeliveryOptions = {}, redelivery = false): Promise<number> {
    const started = Date.now();
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
        // github.com counts a delivery as failed after 10 s without an answer (handling-failed-webhook-deliveries)
        signal: AbortSignal.timeout(10_000),
      });
      await res.arrayBuffer();
      d.attempts.push({ target, status: res.status });
      if (d.payload !== NOT_LOGGED) this.log(d, res.status, started, redelivery);
      return res.status;
    } catch (err) {
      d.attempts.push({ target, status: 0, error: String(err) });
      if (d.payload !== NOT_LOGGED) this.log(d, 0, started, redelivery, 'failed to connect to host');
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

  /**
   * What the "Redeliver" button in the app's settings does: re-send an earlier delivery with the
   * same body and guid, recorded as a redelivery. Nothing calls this on its own: GitHub never does.
   */
  redeliver(deliveryId: string, target?: string): Promise<number> {
    const d = this.deliveries.find((x) => x.id === deliveryId);
    if (!d) throw new Error(`simulator: unknown delivery ${deliveryId}`);
    return this.track(this.post(d, { target }, true));
  }

  /**
   * `POST /app/hook/deliveries/{id}/attempts`: 202 and a redelivery in the background, or false for
   * an unknown attempt id (GitHub: 404) or one older than 3 days (GitHub: 422; "You can redeliver
   * deliveries from the past 3 days", docs: webhooks/testing-and-troubleshooting-webhooks/redelivering-webhooks).
   */
  requestRedelivery(attemptId: number): 'accepted' | 'unknown' | 'too-old' {
    const attempt = this.hookLog.find((a) => a.id === attemptId);
    const d = attempt && this.deliveries.find((x) => x.id === attempt.guid);
    if (!attempt || !d) return 'unknown';
    if (Date.now() - Date.parse(attempt.delivered_at) > 3 * 24 * 3600_000) return 'too-old';
    void this.track(this.post(d, {}, true));
    return 'accepted';
  }

  /** Deliver a raw body with a chosen (bad) signature for negative tests; not recorded as a delivery. */
  async deliverRaw(event: string, body: string, opts: RawDeliveryOptions = {}): Promise<number> {
    const d: Delivery = {
      id: opts.deliveryId ?? crypto.randomUUID(),
      event,
      action: undefined,
      body,
      payload: NOT_LOGGED,
      attempts: [],
    };
    return this.post(d, opts);
  }

  /** Wait until no background delivery is in flight. */
  async idle(): Promise<void> {
    for (let i = 0; i < 1000 && this.inflight.size > 0; i++) await Promise.allSettled([...this.inflight]);
  }
}
