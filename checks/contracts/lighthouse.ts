import { z } from 'zod';
import { defineContract } from '../contract.js';

const params = z.object({
  path: z
    .string()
    .optional()
    .describe('the page to audit, relative to target.url (default: target.url itself)'),
  metric: z
    .enum(['performance', 'lcp', 'cls', 'ttfb', 'fid', 'console-errors', 'lhci'])
    .default('performance')
    .describe(
      "what is judged; `lhci`: every assertion of the repository's Lighthouse CI config (lighthouserc.*), as `lhci assert` judges them",
    ),
  /** Lighthouse runs; each metric is the median over them (mpfid/TBT are noisy on small runners). */
  runs: z.coerce
    .number()
    .int()
    .min(1)
    .max(9)
    .optional()
    .describe("Lighthouse runs per URL (default: the Lighthouse CI config's numberOfRuns, else 3)"),
  /** Performance score floor, 0–1 or 0–100 (default 0.90, the seed's "> 90"). */
  min: z.coerce.number().min(0).max(100).optional(),
  /** Ceiling for lcp/ttfb/fid (ms) or cls (unitless). */
  max: z.coerce.number().min(0).optional(),
});

export type LighthouseParams = z.infer<typeof params>;

export const lighthouseContract = defineContract({
  id: 'lighthouse',
  measures: 'app',
  proves:
    "Lighthouse (mobile, simulated throttling; median of `runs`) on target.url, else on the browser build served locally: the performance score ≥ `min`, or LCP/CLS/TTFB/max-potential-FID ≤ `max`, or no console errors. With a Lighthouse CI config (lighthouserc.{json,js,cjs,yml,yaml}) its `collect` URLs, runs and settings are used, an audit it asserts is judged by its limit with lhci's own assertion engine (the summary names the file), and `metric=lhci` judges all its assertions as `lhci assert` does. A console error for another host that the hermetic local run cannot reach is not judged. A page Lighthouse cannot load is an error with its likely cause; a target that serves no page (GET answers `application/json` or another non-HTML type) is `skipped` as not applicable (point `path` at a page). `CHROME_PATH` set but not executable is an error; no Chromium is `skipped`. Lab figures: does not prove field (real-user) performance.",
  usesTarget: true,
  title: 'Lighthouse performance budgets (Chromium)',
  exclusive: true,
  params: params,
  applicability: {
    needs: [{ trait: 'pages', otherwise: 'dropped', reason: 'API only: no pages to load in a browser' }],
    adds: [
      {
        // the team's own assertions, judged beside the template's budgets
        after: { each: { metric: 'performance' } },
        trait: 'lighthouse-ci',
        text: 'Lighthouse CI assertions pass ({lighthouse-ci})',
        params: { metric: 'lhci' },
        reason: '{lighthouse-ci} exists: its assertions judged as lhci assert does',
      },
    ],
  },
});
