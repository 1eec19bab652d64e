import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  BROWSER_BUILD_APPLICABILITY
} from "./chunk-UBXZVA46.js";
import {
  defineContract
} from "./chunk-AFGJAQNY.js";
import {
  external_exports
} from "./chunk-RT25MZKP.js";

// checks/contracts/build-output.ts
var params = external_exports.object({ aspect: external_exports.enum(["sourcemaps", "minified", "console", "env"]) });
var buildOutputContract = defineContract({
  id: "build-output",
  measures: "build",
  usesBuild: true,
  proves: "The browser build (HTML entry points or a framework's client output; never a server's `dist/`) ships separate, referenced source maps (`sourcemaps`), minified JS/CSS over 1 kB (`minified`), no `console.log`/`console.debug` (`console`), no unreplaced `process.env` and no `.env` file (`env`). Skipped, with the reason, when there is no browser build. Does not prove the server build is clean.",
  title: "Production build output hygiene",
  params,
  applicability: BROWSER_BUILD_APPLICABILITY
});

export {
  buildOutputContract
};
