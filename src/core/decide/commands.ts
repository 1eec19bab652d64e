/** `/shipgate …` commands people write as PR comments. */
export type Command =
  | { name: 'refresh' }
  | { name: 'status' }
  | { name: 'waive'; item: string; reason: string }
  /** `/shipgate na <item-id> <reason>` (also `n/a`): mark an item not applicable; see not-applicable.ts. */
  | { name: 'na'; item: string; reason: string }
  | { name: 'rollback'; reason: string }
  /** `/shipgate sign-off <role>`: a role member signs off without editing the comment (read access suffices). */
  | { name: 'sign-off'; role: string }
  /** `/shipgate cutover <percent>`: ticks the "<percent>% traffic to green" step (core/cutover). */
  | { name: 'cutover'; percent: number }
  /** `/shipgate doctor`: the bot replies with the repository's set-up problems, one fix per line. */
  | { name: 'doctor' }
  /** Governance (docs/governance.md): a repository-wide freeze until a time or for a duration. */
  | { name: 'freeze'; until: string; reason: string }
  | { name: 'unfreeze' }
  /** This PR may go out outside the change window or in a freeze. */
  | { name: 'exception'; reason: string }
  /** The audited emergency path: the gate passes for this head; the skipped review is due later. */
  | { name: 'break-glass'; reason: string }
  /** `/shipgate note <item-id> <text>`: what was checked for an item (`note=required` needs one). */
  | { name: 'note'; item: string; text: string }
  /** `/shipgate decide <item-id> pass|fail <reason>`: a person decides an inconclusive judgement. */
  | { name: 'decide'; item: string; outcome: string; reason: string }
  | { name: 'unknown'; text: string };

const LINE = /^\/shipgate\b[ \t]*(.*)$/m;

/** The command in a comment (first `/shipgate` line), or undefined when there is none. */
export function parseCommand(body: string): Command | undefined {
  const match = LINE.exec(body.replace(/\r\n?/g, '\n'));
  if (!match) return undefined;
  const [word = '', ...rest] = (match[1] ?? '').trim().split(/\s+/);
  switch (word.toLowerCase()) {
    case 'refresh':
      return { name: 'refresh' };
    case 'status':
    case '':
      return { name: 'status' };
    case 'waive': {
      const [item = '', ...reason] = rest;
      return { name: 'waive', item, reason: reason.join(' ').trim() };
    }
    case 'na':
    case 'n/a': {
      const [item = '', ...reason] = rest;
      return { name: 'na', item, reason: reason.join(' ').trim() };
    }
    case 'rollback':
      return { name: 'rollback', reason: rest.join(' ').trim() };
    case 'cutover':
      return {
        name: 'cutover',
        percent: /^\d{1,3}(?:\.\d+)?%?$/.test(rest[0] ?? '') ? Number.parseFloat(rest[0] ?? '') : Number.NaN,
      };
    case 'doctor':
      return { name: 'doctor' };
    case 'decide': {
      const [item = '', outcome = '', ...reason] = rest;
      return { name: 'decide', item, outcome: outcome.toLowerCase(), reason: reason.join(' ').trim() };
    }
    case 'sign-off':
    case 'signoff':
      return { name: 'sign-off', role: rest[0] ?? '' };
    case 'freeze': {
      const [until = '', ...reason] = rest;
      return { name: 'freeze', until, reason: reason.join(' ').trim() };
    }
    case 'unfreeze':
      return { name: 'unfreeze' };
    case 'exception':
      return { name: 'exception', reason: rest.join(' ').trim() };
    case 'break-glass':
    case 'breakglass':
      return { name: 'break-glass', reason: rest.join(' ').trim() };
    case 'note': {
      const [item = '', ...text] = rest;
      return { name: 'note', item, text: text.join(' ').trim() };
    }
    default:
      return { name: 'unknown', text: word.slice(0, 40) };
  }
}

export type WaiveDecision = { ok: true; item: string; reason: string } | { ok: false; message: string };

/** `/shipgate waive <item-id> <reason>`: a known, non-sign-off item and a reason are required. */
export function decideWaive(
  command: { item: string; reason: string },
  items: readonly { id: string; kind: 'auto' | 'manual' | 'signoff' }[],
): WaiveDecision {
  const item = items.find((candidate) => candidate.id === command.item);
  if (!item) return { ok: false, message: `no checklist item with id \`${command.item.slice(0, 80)}\`` };
  if (item.kind === 'signoff') return { ok: false, message: 'sign-offs cannot be waived' };
  if (command.reason.length < 3)
    return { ok: false, message: 'a waiver needs a reason: `/shipgate waive <item-id> <reason>`' };
  return { ok: true, item: item.id, reason: command.reason.slice(0, 300) };
}
