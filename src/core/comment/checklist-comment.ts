import { compactLedger, type Ledger } from '../ledger/ledger.js';
import { utf8Length } from '../utf8.js';
import { type RenderInput, renderComment } from './render.js';
import { encodeStateBlock } from './state-block.js';

/** GitHub rejects comment bodies longer than this, counted in UTF-8 bytes. */
export const GITHUB_COMMENT_LIMIT = 65_536;
const SAFETY_MARGIN = 512;

/**
 * Renders the checklist comment with its signed ledger, compacting the oldest ledger events
 * until the whole body fits GitHub's comment limit. Returns the (possibly compacted) ledger too.
 */
export function buildChecklistComment(
  input: Omit<RenderInput, 'stateBlock'>,
  ledger: Ledger,
  secret: string,
): { body: string; ledger: Ledger } {
  const withoutBlock = utf8Length(renderComment(input));
  const budget = GITHUB_COMMENT_LIMIT - withoutBlock - SAFETY_MARGIN;
  let fitted = ledger;
  let block = encodeStateBlock(fitted);
  while (utf8Length(block) > budget && fitted.events.length > 0) {
    fitted = compactLedger(fitted, Math.floor(fitted.events.length / 2), secret);
    block = encodeStateBlock(fitted);
  }
  if (utf8Length(block) > budget) {
    throw new Error(`checklist comment cannot fit GitHub's ${GITHUB_COMMENT_LIMIT}-byte limit`);
  }
  return { body: renderComment({ ...input, stateBlock: block }), ledger: fitted };
}
