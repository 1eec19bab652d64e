// The Action's entry (bundled to dist/index.js): it only calls run(), so tests can import main.ts freely.
import { run } from './main.js';

void run();
