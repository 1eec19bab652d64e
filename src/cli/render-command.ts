import { parseArgs } from 'node:util';
import { renderComment } from '../core/comment/render.js';
import { phaseGate } from '../core/gate/release-gates.js';
import { loadRepoContext, variablesFor } from '../load/repo-context.js';
import { type CliIO, UsageError } from './io.js';

export const RENDER_HELP = `Usage: shipgate render [DIR] [--template FILE] [--config FILE] [--var key=value]...

Prints the checklist comment shipgate would post on a release PR (no state yet).
  --template FILE   Markdown checklist template (default: config template, else built-in)
  --config FILE     shipgate config (default: DIR/.github/shipgate.yml when present)
  --var key=value   fill a header variable: date, version, deployed-by, environment, app,
                    contact.<role>.name, contact.<role>.contact, next-deployment-date, next-review-date
`;

export async function renderCommand(io: CliIO, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      template: { type: 'string' },
      config: { type: 'string' },
      var: { type: 'string', multiple: true },
    },
  });
  if (positionals.length > 1) throw new UsageError('render takes at most one directory');
  const overrides: Record<string, string> = {};
  for (const pair of values.var ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--var expects key=value, got "${pair}"`);
    overrides[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const context = await loadRepoContext(io, positionals[0], values);
  const gate = phaseGate({ checklist: context.checklist, states: {}, headSha: '', phase: 'pre-merge' });
  io.stdout.write(
    renderComment({
      checklist: context.checklist,
      states: {},
      headSha: '',
      variables: variablesFor(context, io, overrides),
      gate,
    }),
  );
  return 0;
}
