/**
 * Optional engine: a `gitleaks` binary found on PATH scans the directory instead of the built-in
 * rules. Only its redacted JSON report is read; its `Secret`/`Match` fields are never printed.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const GitleaksFindingSchema = z.object({
  RuleID: z.string(),
  File: z.string(),
  StartLine: z.number().int(),
  Commit: z.string().optional(),
});
const GitleaksReportSchema = z.array(GitleaksFindingSchema);

export interface GitleaksFinding {
  ruleId: string;
  /** Relative to the scanned directory, `/`-separated. */
  file: string;
  line: number;
}

/** Runs `gitleaks dir` on `dir` and returns its findings (exit code 1 just means "leaks found"). */
export async function runGitleaksDir(
  binary: string,
  dir: string,
  signal?: AbortSignal,
): Promise<GitleaksFinding[]> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'shipgate-gitleaks-'));
  const report = path.join(tmp, 'report.json');
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        binary,
        ['dir', '.', '--redact', '--no-banner', '--report-format', 'json', '--report-path', report],
        { cwd: dir, signal, maxBuffer: 16 * 1024 * 1024 },
        (error) => {
          if (error && error.code !== 1)
            reject(new Error(`gitleaks failed: ${error.message.split('\n')[0]}`));
          else resolve();
        },
      );
    });
    const parsed = GitleaksReportSchema.parse(JSON.parse(await readFile(report, 'utf8')));
    return parsed.map((finding) => ({
      ruleId: finding.RuleID,
      file: path.relative(dir, path.resolve(dir, finding.File)).split(path.sep).join('/'),
      line: finding.StartLine,
    }));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
