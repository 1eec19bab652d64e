import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  ZodObject,
  external_exports
} from "./chunk-RT25MZKP.js";

// checks/contract.ts
function defineContract(contract) {
  return contract;
}
function paramNames(schema) {
  return schema instanceof ZodObject ? Object.keys(schema.shape) : void 0;
}
function strictParams(schema) {
  const known = paramNames(schema);
  const catchall = schema instanceof ZodObject ? schema.def.catchall : void 0;
  if (!known || catchall && catchall._zod.def.type !== "never") return schema;
  return external_exports.record(external_exports.string(), external_exports.unknown()).superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `unknown parameter; known: ${known.join(", ") || "(none)"}`
        });
      }
    }
  }).pipe(schema);
}

export {
  defineContract,
  paramNames,
  strictParams
};
