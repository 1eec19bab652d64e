/**
 * Samples a cutover window's metrics from Prometheus over the window so far (range queries, one
 * step per `interval`): the window's own metrics by their default queries, and the rollback
 * triggers bound to `prometheus`. Reads only; the core judges (src/core/cutover/judge-window.ts).
 */

import { type PrometheusParams, prometheusContract } from '../../../checks/contracts/prometheus.js';
import type { PrometheusConfig } from '../../core/config/telemetry-config.js';
import type { MetricSamples } from '../../core/cutover/judge-window.js';
import type { CutoverWindow, WindowStatus } from '../../core/cutover/windows.js';
import { rollbackPlan } from '../../core/gate/rollback.js';
import { foldLedger } from '../../core/ledger/ledger.js';
import { type CanaryLimits, hasRelativeLimits } from '../../core/telemetry/judge-canary.js';
import { queryPrometheus } from '../../telemetry/prometheus-api.js';
import {
  canaryLimits,
  fillQuery,
  NO_PROMETHEUS,
  prometheusAuthorization,
  resolveBaselineQuery,
  resolveQuery,
} from '../../telemetry/prometheus-query.js';
import { releaseVersion } from '../pr/facts.js';
import type { PrSession } from '../pr/session.js';
import type { EventScope } from '../runtime/bot.js';

/** The window's metrics and (unless `triggers=false`) the untripped `prometheus` rollback triggers, sampled since it opened. */
export async function sampleWindow(
  scope: EventScope,
  session: PrSession,
  window: CutoverWindow,
  status: Extract<WindowStatus, { state: 'open' | 'closing' }>,
  nowMs: number,
): Promise<MetricSamples[]> {
  const { config, checklist } = session.setup;
  const prometheus = config.telemetry?.prometheus;
  const env = scope.bot.telemetryEnv ?? {};
  const url = prometheus?.url ?? env.PROMETHEUS_URL;
  const version = await releaseVersion(scope, session);
  const states = foldLedger(session.ledger);
  const wanted: Array<{
    /** Resolves the queries (its limits are not used: `limits` are). */
    params: Record<string, unknown>;
    limits?: CanaryLimits;
    label: string;
    dryRun?: boolean;
    trigger?: { item: string; text: string };
  }> = window.metrics.map(({ metric, limits, dryRun }) => ({
    params: { metric, max: 0, ...(window.baseline !== undefined ? { baseline: window.baseline } : {}) },
    limits,
    label: metric,
    ...(dryRun ? { dryRun } : {}),
  }));
  if (window.triggers)
    for (const trigger of rollbackPlan(checklist).triggers)
      if (trigger.check === 'prometheus' && !states[trigger.id]?.checked)
        wanted.push({
          params: trigger.params,
          label: `trigger “${trigger.text}”`,
          ...(trigger.params.dryRun === true ? { dryRun: true } : {}),
          trigger: { item: trigger.id, text: trigger.text },
        });
  const variables = {
    ...(version ? { version } : {}),
    ...(session.pull.mergeCommitSha ? { sha: session.pull.mergeCommitSha } : { sha: session.pull.headSha }),
    ...(config.environment ? { environment: config.environment } : {}),
  };
  const range = {
    startSec: status.opensAt / 1000,
    endSec: Math.min(nowMs, status.closesAt) / 1000,
    stepSec: window.intervalMs / 1000,
  };
  const samples: MetricSamples[] = [];
  for (const one of wanted) {
    const parsed = prometheusContract.params.safeParse(one.params);
    const base = {
      label: one.label,
      ...(one.trigger ? { trigger: one.trigger } : {}),
      ...(one.dryRun ? { dryRun: true } : {}),
    };
    if (!parsed.success) {
      samples.push({ ...base, unit: '', limits: {}, answer: { ok: false, reason: 'bad binding' } });
      continue;
    }
    const params: PrometheusParams = parsed.data;
    const limits = one.limits ?? canaryLimits(params);
    const failureLimit = one.limits ? window.failureLimit : params.failureLimit;
    const consecutive = one.limits ? window.consecutiveFailureLimit : params.consecutiveFailureLimit;
    const resolved = resolveQuery(params, prometheus);
    const unit = resolved.ok ? resolved.unit : '';
    const entry = {
      ...base,
      unit,
      limits,
      ...(failureLimit !== undefined ? { failureLimit } : {}),
      ...(consecutive !== undefined ? { consecutiveFailureLimit: consecutive } : {}),
    };
    const answer = await rangeQuery({ resolved, prometheus, url, env, variables, ...range });
    const relative = hasRelativeLimits(limits);
    const baselineResolved = resolveBaselineQuery(params, prometheus, relative);
    const baseline = baselineResolved
      ? await rangeQuery({
          resolved: baselineResolved.ok ? { ...baselineResolved, unit, label: one.label } : baselineResolved,
          prometheus,
          url,
          env,
          variables,
          ...range,
        })
      : undefined;
    samples.push({ ...entry, answer, ...(baseline ? { baseline } : {}) });
  }
  return samples;
}

async function rangeQuery(input: {
  resolved: ReturnType<typeof resolveQuery>;
  prometheus: PrometheusConfig | undefined;
  url: string | undefined;
  env: Record<string, string | undefined>;
  variables: Record<string, string>;
  startSec: number;
  endSec: number;
  stepSec: number;
}): Promise<MetricSamples['answer']> {
  if (!input.url) return { ok: false, reason: NO_PROMETHEUS };
  if (!input.resolved.ok) return { ok: false, reason: input.resolved.reason };
  const filled = fillQuery(input.resolved.template, input.variables);
  if (!filled.ok) return filled;
  // The app's credentials go only to the app's own Prometheus, never to a URL a repository's config names.
  const auth =
    input.url === input.env.PROMETHEUS_URL ? prometheusAuthorization(input.prometheus, input.env) : undefined;
  const answer = await queryPrometheus(
    {
      url: input.url,
      timeoutMs: input.prometheus?.timeoutMs ?? 10_000,
      ...(auth ? { authorization: auth } : {}),
    },
    {
      kind: 'range',
      query: filled.query,
      start: input.startSec,
      end: Math.max(input.endSec, input.startSec),
      stepSeconds: Math.max(input.stepSec, 0.001),
    },
  );
  return answer.ok ? { ok: true, series: answer.series } : answer;
}
