import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';

const app = createApp({ distDir: path.join(root, 'dist') });
app.server.listen(port, host, () => {
  process.stdout.write(`restaurant-os listening on http://${host}:${port}/\n`);
});

// Stop cleanly when shipgate (or a process manager) ends the target.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    app.close().then(() => process.exit(0));
  });
}
