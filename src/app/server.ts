/** `node dist/server.js`: runs the shipgate GitHub App (configuration from the environment). */
import { startServer } from './http-server.js';

const running = await startServer({
  env: process.env,
  reconcileOnStart: process.env.SHIPGATE_RECONCILE !== 'false',
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void running.close().then(() => process.exit(0));
  });
}
