/** `node dist/server.js`: runs the shipgate GitHub App (configuration from the environment). */

import { tuningFromEnv } from '../github/tuning-from-env.js';
import { startServer } from './server/http-server.js';
import { missingEnv } from './server/required-env.js';

// A newcomer's first run: one line per missing setting, not a stack trace from deep inside Probot.
const problems = missingEnv(process.env);
if (problems.length > 0) {
  for (const problem of problems) process.stderr.write(`shipgate: ${problem}\n`);
  process.stderr.write('shipgate: see docs/app.md for every setting\n');
  process.exit(2);
}

const running = await startServer({
  env: process.env,
  reconcileOnStart: process.env.SHIPGATE_RECONCILE !== 'false',
  redeliverOnStart: process.env.SHIPGATE_REDELIVER !== 'false',
  doctorOnStart: true,
  tuning: tuningFromEnv(process.env),
  processMetrics: true,
}).catch((error: unknown) => {
  process.stderr.write(`shipgate: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
