import { z } from 'zod';
import { defineContract } from '../contract.js';
import { BROWSER_BUILD_APPLICABILITY } from './bundle-size.js';

const params = z.object({ aspect: z.enum(['sourcemaps', 'minified', 'console', 'env']) });

export const buildOutputContract = defineContract({
  id: 'build-output',
  measures: 'build',
  usesBuild: true,
  proves:
    "The browser build (HTML entry points or a framework's client output; never a server's `dist/`) ships separate, referenced source maps (`sourcemaps`), minified JS/CSS over 1 kB (`minified`), no `console.log`/`console.debug` (`console`), no unreplaced `process.env` and no `.env` file (`env`). Skipped, with the reason, when there is no browser build. Does not prove the server build is clean.",
  title: 'Production build output hygiene',
  params: params,
  applicability: BROWSER_BUILD_APPLICABILITY,
});
