// Pure judging lives in src/core/telemetry so the bot's cutover windows judge samples the same way.
export * from '../../../src/core/telemetry/judge-samples.js';
