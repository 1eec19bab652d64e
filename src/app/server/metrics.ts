/**
 * Prometheus metrics for one running app (`GET /metrics`). Each server gets its own registry, so
 * several apps in one process (tests, benchmarks) do not mix their counts.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { BotMetrics, EventOutcome } from '../../bot/runtime/bot.js';

/** How a webhook delivery ended. */

/** What the GitHub client reports about each HTTP attempt and each finished request. */
export interface GitHubRequestObserver {
  /** One HTTP attempt: `status` is the response status, or `timeout` / `network-error`. */
  attempt(method: string, status: number | 'timeout' | 'network-error'): void;
  /** A request finished after `retries` retries (rate limits, 5xx, timeouts). */
  retried(method: string, retries: number): void;
}

export class AppMetrics implements GitHubRequestObserver, BotMetrics {
  readonly registry = new Registry();
  private readonly events = new Counter({
    name: 'shipgate_webhook_events_total',
    help: 'Webhook deliveries handled, by event, action and outcome',
    labelNames: ['event', 'action', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly ticks = new Counter({
    name: 'shipgate_ticks_total',
    help: 'Checkbox changes made by people, by decision (accepted or rejected)',
    labelNames: ['decision'] as const,
    registers: [this.registry],
  });
  private readonly requests = new Counter({
    name: 'shipgate_github_requests_total',
    help: 'HTTP attempts against the GitHub API, by method and status',
    labelNames: ['method', 'status'] as const,
    registers: [this.registry],
  });
  private readonly retries = new Counter({
    name: 'shipgate_github_retries_total',
    help: 'GitHub API requests retried (rate limits, 5xx, timeouts), by method',
    labelNames: ['method'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'shipgate_handler_duration_seconds',
    help: 'Time to handle one webhook delivery, by event',
    labelNames: ['event', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  private readonly batches = new Histogram({
    name: 'shipgate_pr_writes_steps',
    help: 'Steps (toggles, results, pushes…) folded into one write of a PR state',
    buckets: [1, 2, 3, 5, 10, 20, 50],
    registers: [this.registry],
  });

  private readonly redeliveries = new Counter({
    name: 'shipgate_redeliveries_total',
    help: 'Failed webhook deliveries the app asked GitHub to redeliver, by outcome (requested, error)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor(opts: { processMetrics?: boolean } = {}) {
    if (opts.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'shipgate_' });
  }

  event(event: string, action: string | undefined, outcome: EventOutcome, seconds?: number): void {
    this.events.inc({ event, action: action ?? '', outcome });
    if (seconds !== undefined) this.latency.observe({ event, outcome }, seconds);
  }

  tickDecisions(accepted: number, rejected: number): void {
    if (accepted > 0) this.ticks.inc({ decision: 'accepted' }, accepted);
    if (rejected > 0) this.ticks.inc({ decision: 'rejected' }, rejected);
  }

  redelivery(outcome: 'requested' | 'error'): void {
    this.redeliveries.inc({ outcome });
  }

  stepsWritten(steps: number): void {
    this.batches.observe(steps);
  }

  attempt(method: string, status: number | 'timeout' | 'network-error'): void {
    this.requests.inc({ method, status: String(status) });
  }

  retried(method: string, retries: number): void {
    if (retries > 0) this.retries.inc({ method }, retries);
  }

  /** The Prometheus text exposition and its content type. */
  /**
   * `shipgate_pending_work`: what the app still has to do, read when /metrics is scraped — a
   * backlog that does not drain, or what a replica would drop if killed instead of drained.
   */
  watchPendingWork(count: () => number): void {
    new Gauge({
      name: 'shipgate_pending_work',
      help: 'Events being handled, steps waiting for their write window or being written, PR tasks queued, replies waiting',
      registers: [this.registry],
      collect() {
        this.set(count());
      },
    });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
