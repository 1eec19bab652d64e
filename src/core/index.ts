/** The pure shipgate core: plain data in, plain data out. No I/O, no clock. */

export * from './audit-record.js';
export * from './checklist-comment.js';
export * from './config.js';
export * from './config-file.js';
export * from './errors.js';
export * from './evidence.js';
export * from './gate.js';
export * from './ledger.js';
export * from './model.js';
export * from './parse.js';
export * from './release-version.js';
export * from './render.js';
export * from './state-block.js';
export * from './template.js';
export * from './variables.js';
