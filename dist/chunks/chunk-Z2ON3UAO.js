import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  defineContract
} from "./chunk-AFGJAQNY.js";
import {
  external_exports
} from "./chunk-RT25MZKP.js";

// checks/contracts/coverage.ts
var COVERAGE_METRICS = ["lines", "branches", "functions", "statements"];
var ParamsSchema = external_exports.object({
  /** Coverage report relative to the checked directory: istanbul json-summary, lcov, Cobertura XML, JaCoCo XML or a Go cover profile. */
  file: external_exports.string().min(1).optional(),
  metric: external_exports.enum(COVERAGE_METRICS).default("lines"),
  /** Minimum percentage. */
  min: external_exports.coerce.number().min(0).max(100).default(70)
}).strict();
var coverageContract = defineContract({
  id: "coverage",
  measures: "build",
  proves: "The coverage report (`file`, else the first of `coverage/coverage-summary.json`, `coverage/lcov.info`, Cobertura `coverage.xml`, JaCoCo `target/site/jacoco/jacoco.xml` or Gradle's `jacocoTestReport.xml`) shows `metric` \u2265 `min`%. Skipped when there is no report (run the tests with coverage first). Does not prove the tests assert anything.",
  title: "Test coverage meets the threshold",
  params: ParamsSchema,
  applicability: {
    needs: [
      { trait: "coverage-tool", otherwise: "manual", reason: "no coverage report or coverage tool found" }
    ],
    bind: [
      // Pinned only when the report exists: a tool's default reporters differ (vitest writes no lcov).
      { when: "coverage-report", params: { file: "{coverage-report}" }, reason: "coverage report exists" },
      { reason: "{coverage-tool}: the tool writes it with --coverage" }
    ]
  }
});

export {
  COVERAGE_METRICS,
  coverageContract
};
