/** `node dist/server.js`: runs the shipgate GitHub App (configuration from the environment). */

import { tuningFromEnv } from '../github/tuning-from-env.js';
import { startServer } from './server/http-server.js';

const running = await startServer({
  env: process.env,
  reconcileOnStart: process.env.SHIPGATE_RECONCILE !== 'false',
  tuning: tuningFromEnv(process.env),
  processMetrics: true,
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
