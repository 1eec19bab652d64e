import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  INPUT_NAMES,
  InputError,
  parseInputs
} from "./chunk-QTPHBQOI.js";
import "./chunk-RT25MZKP.js";
import "./chunk-CO3T5JD3.js";
export {
  INPUT_NAMES,
  InputError,
  parseInputs
};
