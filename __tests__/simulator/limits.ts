/**
 * GitHub's body limits, counted in UTF-8 bytes with GitHub's answers (real-github.md, "Check runs"):
 * a check run `output.summary` over 65,535 bytes is refused with 422; `output.text` over 65,535
 * bytes is stored cut, without an error. The docs say "Maximum length: 65535 characters"
 * (https://docs.github.com/en/rest/checks/runs); the answer quoted in github/docs#35252 shows the
 * check is in bytes: 422 `summary exceeds a maximum bytesize of 65535`.
 */
import { json, type SimResponse } from './http.js';

export const CHECK_OUTPUT_BYTES = 65_535;

/** 422 for an oversized summary; otherwise the output with `text` cut to the limit (or undefined). */
export function checkOutputWithinLimits(
  body: Record<string, unknown>,
): { refused: SimResponse } | { output: Record<string, unknown> | undefined } {
  const out = body.output;
  if (out === null || typeof out !== 'object') return { output: undefined };
  const o = { ...(out as Record<string, unknown>) };
  if (typeof o.summary === 'string') {
    if (Buffer.byteLength(o.summary, 'utf8') > CHECK_OUTPUT_BYTES)
      return {
        refused: json(
          {
            message: 'Validation Failed',
            errors: [
              {
                resource: 'CheckRun',
                code: 'custom',
                field: 'summary',
                message: `summary exceeds a maximum bytesize of ${CHECK_OUTPUT_BYTES}`,
              },
            ],
            documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
            status: '422',
          },
          422,
        ),
      };
  }
  if (typeof o.text === 'string' && Buffer.byteLength(o.text, 'utf8') > CHECK_OUTPUT_BYTES) {
    // cut on a byte boundary, dropping a partial code point, as GitHub stores it
    o.text = Buffer.from(o.text, 'utf8')
      .subarray(0, CHECK_OUTPUT_BYTES)
      .toString('utf8')
      .replace(/\uFFFD$/, '');
  }
  return { output: o };
}
