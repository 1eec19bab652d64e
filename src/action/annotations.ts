import { relative } from 'node:path';
import { type ItemResult, isFailing } from '../core/template/model.js';

export interface Annotation {
  level: 'error' | 'warning';
  message: string;
  title: string;
  /** Path relative to the repository root (GITHUB_WORKSPACE), as GitHub expects. */
  file: string;
  startLine?: number;
}

/** GitHub shows at most 10 errors and 10 warnings per step; more would only fill the log. */
const MAX_ANNOTATIONS = 50;

/**
 * One annotation per finding that names a file: errors for failing items, warnings otherwise.
 * Messages come from the checks, which already redact secret values; nothing else is added.
 */
export function annotationsFor(
  results: readonly ItemResult[],
  repoDir: string,
  workspace: string,
): Annotation[] {
  const prefix = relative(workspace, repoDir);
  const out: Annotation[] = [];
  for (const result of results) {
    for (const finding of result.findings) {
      if (!finding.file || out.length >= MAX_ANNOTATIONS) continue;
      out.push({
        level: isFailing(result.status) ? 'error' : 'warning',
        message: finding.message,
        title: `shipgate ${result.check}: ${result.text}`.slice(0, 200),
        file: prefix ? `${prefix}/${finding.file}`.replace(/\\/g, '/') : finding.file,
        ...(finding.line !== undefined && finding.line > 0 ? { startLine: finding.line } : {}),
      });
    }
  }
  return out;
}
