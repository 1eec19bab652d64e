import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatProblem, InvalidInputError, type Problem } from '../../src/core/errors.js';
import { evaluateGate } from '../../src/core/gate/gate.js';
import { parseTemplate } from '../../src/core/template/template.js';
import { runCli } from '../helpers/cli-io.js';
import { corpusSchemas, type RejectCase } from './corpus.js';

/** A control character other than tab and newline: never in a message or a rendered comment. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** Runs `parse` and returns the InvalidInputError it must throw (anything else fails the test). */
export function rejectionOf(parse: () => unknown): InvalidInputError {
  let thrown: unknown;
  try {
    parse();
  } catch (error) {
    thrown = error;
  }
  if (!(thrown instanceof InvalidInputError)) {
    throw new Error(
      `expected an InvalidInputError, got ${thrown === undefined ? 'success' : String(thrown)}`,
    );
  }
  return thrown;
}

/** Every problem names the file, a line inside it, and a one-line message without control characters. */
export function expectLocated(
  problems: readonly Problem[],
  file: string,
  text: string,
  testCase: RejectCase,
) {
  const lineCount = Math.max(1, text.split(/\r\n?|\n/).length);
  expect(problems.length).toBeGreaterThan(0);
  // Plain filter then one assertion: thousands of expect() calls would dominate the suite's time.
  const misplaced = problems.filter(
    (problem) =>
      problem.file !== file ||
      !Number.isInteger(problem.line) ||
      problem.line < 1 ||
      problem.line > lineCount ||
      /[\n\t]/.test(problem.message) ||
      CONTROL_CHARACTER.test(problem.message),
  );
  expect(misplaced).toEqual([]);
  const located = problems.filter((problem) => problem.line === testCase.line);
  expect(located.map((problem) => problem.message)).toContainEqual(expect.stringMatching(testCase.message));
}

const done = parseTemplate('## S\n- [ ] A', 'ok.md', corpusSchemas);
const HEAD = 'c'.repeat(40);

/** The gate fails closed: a checklist that is otherwise complete still fails while problems exist. */
export function expectGateFailsClosed(problems: readonly Problem[]) {
  const base = {
    checklist: done,
    states: { 's.a': { checked: true } },
    headSha: HEAD,
    phase: 'pre-merge' as const,
  };
  expect(evaluateGate(base).conclusion).toBe('success');
  const decision = evaluateGate({ ...base, problems: problems.map(formatProblem) });
  expect(decision.conclusion).toBe('failure');
  expect(decision.summary).toContain('configuration invalid');
}

/** Writes the case to a fresh temp dir and validates it through the CLI. */
export async function validateThroughCli(testCase: RejectCase, fileName: string) {
  const dir = mkdtempSync(join(tmpdir(), 'shipgate-hostile-'));
  writeFileSync(join(dir, fileName), testCase.bytes ? testCase.bytes() : testCase.text());
  const result = await runCli(['validate', fileName], { cwd: dir });
  expect(result.code).toBe(1);
  expect(result.stdout).not.toContain(': ok');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines.at(-1)).toMatch(/^\d+ problems? found$/);
  for (const line of lines.slice(0, -1)) expect(line.startsWith(`${fileName}:`)).toBe(true);
  const located = lines.filter((line) => line.startsWith(`${fileName}:${testCase.line}: `));
  expect(located).toContainEqual(expect.stringMatching(testCase.message));
  expect(result.stderr).not.toMatch(/\n\s+at |Error:|TypeError|RangeError/);
}
