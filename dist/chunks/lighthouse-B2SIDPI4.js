import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  CHROME_CANDIDATES,
  NO_CHROME_REASON,
  badChromePath,
  findChrome
} from "./chunk-73AOYIX6.js";
import {
  require_supports_color
} from "./chunk-5E23WR6H.js";
import {
  headerValue,
  httpRequest,
  resolveTarget
} from "./chunk-ZAPKZXPW.js";
import {
  findLhciRc,
  lighthouseContract
} from "./chunk-DQXQWWG7.js";
import {
  findBuildDir,
  missingBuildDirReason
} from "./chunk-OL436QEU.js";
import {
  defineCheck
} from "./chunk-BFBJ7VPU.js";
import "./chunk-AFGJAQNY.js";
import {
  external_exports
} from "./chunk-RT25MZKP.js";
import {
  __commonJS,
  __esm,
  __export,
  __glob,
  __require,
  __toESM
} from "./chunk-CO3T5JD3.js";

// node_modules/@lhci/utils/src/presets/all.js
var require_all = __commonJS({
  "node_modules/@lhci/utils/src/presets/all.js"(exports, module) {
    "use strict";
    module.exports = {
      assertions: {
        // Not applicable in navigation mode (off)
        // TODO: Enable this to support user flows
        "interaction-to-next-paint": ["off", {}],
        "uses-responsive-images-snapshot": ["off", {}],
        "work-during-interaction": ["off", {}],
        // Not useful or invisible diagnostic audits (off)
        "critical-request-chains": ["off", {}],
        "final-screenshot": ["off", {}],
        "js-libraries": ["off", {}],
        "largest-contentful-paint-element": ["off", {}],
        "layout-shifts": ["off", {}],
        "main-thread-tasks": ["off", {}],
        "network-requests": ["off", {}],
        "network-rtt": ["off", {}],
        "network-server-latency": ["off", {}],
        "resource-summary": ["off", {}],
        "screenshot-thumbnails": ["off", {}],
        "script-treemap-data": ["off", {}],
        "third-party-summary": ["off", {}],
        "total-blocking-time": ["off", {}],
        "user-timings": ["off", {}],
        diagnostics: ["off", {}],
        metrics: ["off", {}],
        // All the rest of the audits (error)
        "aria-allowed-attr": ["error", {}],
        "aria-allowed-role": ["error", {}],
        "aria-command-name": ["error", {}],
        "aria-conditional-attr": ["error", {}],
        "aria-deprecated-role": ["error", {}],
        "aria-dialog-name": ["error", {}],
        "aria-hidden-body": ["error", {}],
        "aria-hidden-focus": ["error", {}],
        "aria-input-field-name": ["error", {}],
        "aria-meter-name": ["error", {}],
        "aria-progressbar-name": ["error", {}],
        "aria-prohibited-attr": ["error", {}],
        "aria-required-attr": ["error", {}],
        "aria-required-children": ["error", {}],
        "aria-required-parent": ["error", {}],
        "aria-roles": ["error", {}],
        "aria-text": ["error", {}],
        "aria-toggle-field-name": ["error", {}],
        "aria-tooltip-name": ["error", {}],
        "aria-treeitem-name": ["error", {}],
        "aria-valid-attr-value": ["error", {}],
        "aria-valid-attr": ["error", {}],
        "bf-cache": ["error", {}],
        "bootup-time": ["error", {}],
        "button-name": ["error", {}],
        "cache-insight": ["error", {}],
        "clickjacking-mitigation": ["error", {}],
        "cls-culprits-insight": ["error", {}],
        "color-contrast": ["error", {}],
        "crawlable-anchors": ["error", {}],
        "csp-xss": ["error", {}],
        "cumulative-layout-shift": ["error", {}],
        "definition-list": ["error", {}],
        "document-latency-insight": ["error", {}],
        "document-title": ["error", {}],
        "dom-size-insight": ["error", {}],
        "dom-size": ["error", {}],
        "duplicate-id-aria": ["error", {}],
        "duplicated-javascript-insight": ["error", {}],
        "duplicated-javascript": ["error", {}],
        "efficient-animated-content": ["error", {}],
        "empty-heading": ["error", {}],
        "errors-in-console": ["error", {}],
        "first-contentful-paint": ["error", {}],
        "first-meaningful-paint": ["error", {}],
        "font-display-insight": ["error", {}],
        "font-display": ["error", {}],
        "font-size": ["error", {}],
        "forced-reflow-insight": ["error", {}],
        "form-field-multiple-labels": ["error", {}],
        "frame-title": ["error", {}],
        "geolocation-on-start": ["error", {}],
        "has-hsts": ["error", {}],
        "heading-order": ["error", {}],
        "html-has-lang": ["error", {}],
        "html-lang-valid": ["error", {}],
        "html-xml-lang-mismatch": ["error", {}],
        "http-status-code": ["error", {}],
        "identical-links-same-purpose": ["error", {}],
        "image-alt": ["error", {}],
        "image-aspect-ratio": ["error", {}],
        "image-delivery-insight": ["error", {}],
        "image-redundant-alt": ["error", {}],
        "image-size-responsive": ["error", {}],
        "input-button-name": ["error", {}],
        "input-image-alt": ["error", {}],
        "inspector-issues": ["error", {}],
        "interaction-to-next-paint-insight": ["error", {}],
        "is-crawlable": ["error", {}],
        "is-on-https": ["error", {}],
        "label-content-name-mismatch": ["error", {}],
        "landmark-one-main": ["error", {}],
        "largest-contentful-paint": ["error", {}],
        "lcp-discovery-insight": ["error", {}],
        "lcp-lazy-loaded": ["error", {}],
        "lcp-phases-insight": ["error", {}],
        "legacy-javascript-insight": ["error", {}],
        "legacy-javascript": ["error", {}],
        "link-in-text-block": ["error", {}],
        "link-name": ["error", {}],
        "link-text": ["error", {}],
        "long-tasks": ["error", {}],
        "mainthread-work-breakdown": ["error", {}],
        "max-potential-fid": ["error", {}],
        "meta-description": ["error", {}],
        "meta-refresh": ["error", {}],
        "meta-viewport": ["error", {}],
        "modern-http-insight": ["error", {}],
        "modern-image-formats": ["error", {}],
        "network-dependency-tree-insight": ["error", {}],
        "no-document-write": ["error", {}],
        "non-composited-animations": ["error", {}],
        "notification-on-start": ["error", {}],
        "object-alt": ["error", {}],
        "offscreen-images": ["error", {}],
        "origin-isolation": ["error", {}],
        "paste-preventing-inputs": ["error", {}],
        "prioritize-lcp-image": ["error", {}],
        "redirects-http": ["error", {}],
        "render-blocking-insight": ["error", {}],
        "render-blocking-resources": ["error", {}],
        "robots-txt": ["error", {}],
        "select-name": ["error", {}],
        "server-response-time": ["error", {}],
        "skip-link": ["error", {}],
        "speed-index": ["error", {}],
        "table-duplicate-name": ["error", {}],
        "table-fake-caption": ["error", {}],
        "target-size": ["error", {}],
        "td-has-header": ["error", {}],
        "td-headers-attr": ["error", {}],
        "th-has-data-cells": ["error", {}],
        "third-parties-insight": ["error", {}],
        "third-party-cookies": ["error", {}],
        "third-party-facades": ["error", {}],
        "total-byte-weight": ["error", {}],
        "unminified-css": ["error", {}],
        "unminified-javascript": ["error", {}],
        "unsized-images": ["error", {}],
        "unused-css-rules": ["error", {}],
        "unused-javascript": ["error", {}],
        "uses-http2": ["error", {}],
        "uses-long-cache-ttl": ["error", {}],
        "uses-optimized-images": ["error", {}],
        "uses-passive-event-listeners": ["error", {}],
        "uses-rel-preconnect": ["error", {}],
        "uses-responsive-images": ["error", {}],
        "uses-text-compression": ["error", {}],
        "valid-lang": ["error", {}],
        "valid-source-maps": ["error", {}],
        "video-caption": ["error", {}],
        "viewport-insight": ["error", {}],
        accesskeys: ["error", {}],
        bypass: ["error", {}],
        canonical: ["error", {}],
        charset: ["error", {}],
        deprecations: ["error", {}],
        dlitem: ["error", {}],
        doctype: ["error", {}],
        hreflang: ["error", {}],
        interactive: ["error", {}],
        label: ["error", {}],
        list: ["error", {}],
        listitem: ["error", {}],
        redirects: ["error", {}],
        tabindex: ["error", {}],
        viewport: ["error", {}]
      }
    };
  }
});

// node_modules/@lhci/utils/src/presets/recommended.js
var require_recommended = __commonJS({
  "node_modules/@lhci/utils/src/presets/recommended.js"(exports, module) {
    "use strict";
    var all = require_all();
    module.exports = {
      assertions: {
        ...all.assertions,
        // Flaky audits (warn)
        "bootup-time": ["warn", {}],
        "cumulative-layout-shift": ["warn", {}],
        "first-contentful-paint": ["warn", {}],
        "first-meaningful-paint": ["warn", {}],
        "largest-contentful-paint": ["warn", {}],
        "mainthread-work-breakdown": ["warn", {}],
        "max-potential-fid": ["warn", {}],
        "speed-index": ["warn", {}],
        interactive: ["warn", {}],
        // Flaky score but non-flaky details (error, maxLength)
        "duplicated-javascript": ["warn", { maxLength: 0 }],
        // warn until https://github.com/GoogleChrome/lighthouse/issues/11285 is fixed
        "efficient-animated-content": ["error", { maxLength: 0 }],
        "legacy-javascript": ["warn", { maxLength: 0 }],
        // warn until https://github.com/GoogleChrome/lighthouse/issues/11285 is fixed
        "offscreen-images": ["error", { maxLength: 0 }],
        "unminified-css": ["error", { maxLength: 0 }],
        "unminified-javascript": ["error", { maxLength: 0 }],
        "unused-css-rules": ["error", { maxLength: 0 }],
        "unused-javascript": ["error", { maxLength: 0 }],
        "uses-optimized-images": ["error", { maxLength: 0 }],
        "uses-rel-preconnect": ["error", { maxLength: 0 }],
        "uses-responsive-images": ["error", { maxLength: 0 }],
        "uses-text-compression": ["error", { maxLength: 0 }],
        // Audits that don't typically apply in dev environments or are more opinionated (warn)
        "uses-http2": ["off", {}],
        // not useful for the dev server
        "long-tasks": ["off", {}],
        // too strict
        "cache-insight": ["warn", { maxLength: 0 }],
        "dom-size-insight": ["warn", {}],
        "dom-size": ["warn", {}],
        "is-on-https": ["warn", {}],
        // passes on localhost, so OK to leave on
        "modern-image-formats": ["warn", { maxLength: 0 }],
        "render-blocking-insight": ["warn", { maxLength: 0 }],
        "render-blocking-resources": ["warn", { maxLength: 0 }],
        "server-response-time": ["warn", {}],
        "uses-long-cache-ttl": ["warn", { maxLength: 0 }]
      }
    };
  }
});

// node_modules/@lhci/utils/src/presets/no-pwa.js
var require_no_pwa = __commonJS({
  "node_modules/@lhci/utils/src/presets/no-pwa.js"(exports, module) {
    "use strict";
    var recommended = require_recommended();
    module.exports = {
      assertions: {
        ...recommended.assertions,
        // Every PWA audit is disabled
        "is-on-https": "off",
        viewport: "off"
      }
    };
  }
});

// require("./presets/**/*.js") in node_modules/@lhci/utils/src/assertions.js
var globRequire_presets_js;
var init_ = __esm({
  'require("./presets/**/*.js") in node_modules/@lhci/utils/src/assertions.js'() {
    globRequire_presets_js = __glob({
      "./presets/all.js": () => require_all(),
      "./presets/no-pwa.js": () => require_no_pwa(),
      "./presets/recommended.js": () => require_recommended()
    });
  }
});

// node_modules/@lhci/utils/src/lodash.js
var require_lodash = __commonJS({
  "node_modules/@lhci/utils/src/lodash.js"(exports, module) {
    "use strict";
    function merge(v1, v2) {
      if (Array.isArray(v1)) {
        if (!Array.isArray(v2)) return v2;
        for (let i = 0; i < Math.max(v1.length, v2.length); i++) {
          v1[i] = i < v2.length ? merge(v1[i], v2[i]) : v1[i];
        }
        return v1;
      } else if (typeof v1 === "object" && v1 !== null) {
        if (typeof v2 !== "object" || v2 === null) return v2;
        const o1 = v1;
        const o2 = v2;
        const o1Keys = new Set(Object.keys(o1));
        const o2Keys = new Set(Object.keys(o2));
        for (const key of /* @__PURE__ */ new Set([...o1Keys, ...o2Keys])) {
          o1[key] = key in o2 ? merge(o1[key], o2[key]) : o1[key];
        }
        return v1;
      } else {
        return v2;
      }
    }
    function kebabCase(s, opts) {
      let kebabed = s.replace(/([a-z])([A-Z])/g, "$1-$2");
      if (opts && opts.alphanumericOnly) {
        kebabed = kebabed.replace(/[^a-z0-9]+/gi, "-").replace(/-+/g, "-").replace(/(^-|-$)/g, "");
      }
      return kebabed.toLowerCase();
    }
    function groupIntoMap(items, keyFn) {
      const groups = /* @__PURE__ */ new Map();
      for (const item of items) {
        const key = keyFn(item);
        const group = groups.get(key) || [];
        group.push(item);
        groups.set(key, group);
      }
      return groups;
    }
    function debounce(fn, time) {
      let timeout;
      const cancel = () => {
        if (timeout) clearTimeout(timeout);
        timeout = void 0;
      };
      const debouncedFn = (...args) => {
        if (timeout) clearTimeout(timeout);
        timeout = setTimeout(() => fn(...args), time);
      };
      debouncedFn.cancel = cancel;
      return debouncedFn;
    }
    module.exports = {
      merge,
      kebabCase,
      debounce,
      /**
       * Generates an array of numbers from `from` (inclusive) to `to` (exclusive)
       * @param {number} from
       * @param {number} to
       * @param {number} [by]
       * @return {Array<number>}
       */
      range(from, to, by = 1) {
        const numbers = [];
        for (let i = from; i < to; i += by) {
          numbers.push(i);
        }
        return numbers;
      },
      /**
       * Converts a string from kebab-case or camelCase to Start Case.
       * @param {string} s
       */
      startCase(s) {
        return kebabCase(s).split("-").map((word) => `${word.slice(0, 1).toUpperCase()}${word.slice(1)}`).join(" ");
      },
      /**
       * @param {string} s
       * @param {number} length
       * @param {string} [padding]
       */
      padStart(s, length, padding = " ") {
        if (s.length >= length) return s;
        return `${padding.repeat(length)}${s}`.slice(-length);
      },
      /**
       * @param {string} s
       * @param {number} length
       * @param {string} [padding]
       */
      padEnd(s, length, padding = " ") {
        if (s.length >= length) return s;
        return `${s}${padding.repeat(length)}`.slice(0, length);
      },
      /**
       * @param {any} o1
       * @param {any} o2
       * @param {number} [depth]
       * @return {boolean}
       */
      isEqual(o1, o2, depth = 0) {
        if (depth > 100) return false;
        if (typeof o1 !== typeof o2) return false;
        if (Number.isNaN(o1) && Number.isNaN(o2)) return true;
        if (typeof o1 !== "object") return o1 === o2;
        if (o1 === o2) return true;
        if (!o1 || !o2) return false;
        if (Array.isArray(o1)) {
          if (!Array.isArray(o2)) return false;
          return o1.every((v, i) => this.isEqual(v, o2[i])) && o1.length === o2.length;
        }
        const o1Keys = Object.keys(o1).sort();
        const o2Keys = Object.keys(o2).sort();
        const allChildrenEqual = o1Keys.every((k) => this.isEqual(o1[k], o2[k], depth + 1));
        return allChildrenEqual && this.isEqual(o1Keys, o2Keys);
      },
      /**
       * Deep clones an object via JSON.parse/JSON.stringify.
       * @template T
       * @param {T} o
       * @return {T}
       */
      cloneDeep(o) {
        return JSON.parse(JSON.stringify(o));
      },
      /**
       * Filters items by referential uniqueness of the value returned by keyFn.
       * Unique items are guaranteed to be in the same order of the original array.
       *
       * @template TArr
       * @template TKey
       * @param {Array<TArr>} items
       * @param {(item: TArr) => TKey} keyFn
       * @return {Array<TArr>}
       */
      uniqBy(items, keyFn) {
        const seen = /* @__PURE__ */ new Set();
        const out = [];
        for (const item of items) {
          const key = keyFn(item);
          if (seen.has(key)) continue;
          seen.add(key);
          out.push(item);
        }
        return out;
      },
      /**
       * @template T
       * @param {Array<T>} items
       * @param {(item: T) => any} keyFn
       * @return {Array<Array<T>>}
       */
      groupBy(items, keyFn) {
        return [...groupIntoMap(items, keyFn).values()];
      },
      groupIntoMap,
      /**
       * @template TArr
       * @param {Array<TArr>} items
       * @param {(o: TArr) => number} keyFn
       */
      maxBy(items, keyFn) {
        let maxItem = void 0;
        let maxValue = -Infinity;
        for (const item of items) {
          const value = keyFn(item);
          if (value > maxValue) {
            maxItem = item;
            maxValue = value;
          }
        }
        return maxItem;
      },
      /**
       * @template TArr
       * @param {Array<TArr>} items
       * @param {(o: TArr) => number} keyFn
       */
      minBy(items, keyFn) {
        return this.maxBy(items, (o) => -keyFn(o));
      },
      /**
       * @template TArr
       * @param {Array<TArr>} items
       * @param {(o: TArr) => number} keyFn
       */
      sortBy(items, keyFn) {
        return items.slice().sort((a, b) => keyFn(a) - keyFn(b));
      },
      /**
       * @template {Object} T
       * @param {T} object
       * @param {Array<keyof T>} propertiesToPick
       * @return {Partial<T>}
       */
      pick(object, propertiesToPick) {
        const out = {};
        for (const [key_, value] of Object.entries(object)) {
          const key = (
            /** @type {keyof T} */
            key_
          );
          if (!propertiesToPick.includes(key)) continue;
          out[key] = value;
        }
        return out;
      },
      /**
       * @template {Object} T
       * @param {T} object
       * @param {Array<keyof T>} propertiesToDrop
       * @param {{dropUndefined?: boolean}} [options]
       * @return {Partial<T>}
       */
      omit(object, propertiesToDrop, options = {}) {
        const out = {};
        for (const [key_, value] of Object.entries(object)) {
          const key = (
            /** @type {keyof T} */
            key_
          );
          if (propertiesToDrop.includes(key)) continue;
          if (options.dropUndefined && value === void 0) continue;
          out[key] = value;
        }
        return out;
      },
      /** @param {string} uuid */
      shortId(uuid) {
        return uuid.replace(/-/g, "").slice(0, 12);
      },
      /** @param {string} string @param {number} number @param {string} [pluralForm] */
      pluralize(string, number, pluralForm) {
        pluralForm = pluralForm || `${string}s`;
        return number === 1 ? string : pluralForm;
      },
      uniqueId: /* @__PURE__ */ (() => {
        let id = 1;
        return () => id++;
      })()
    };
  }
});

// node_modules/@lhci/utils/src/markdown.js
var require_markdown = __commonJS({
  "node_modules/@lhci/utils/src/markdown.js"(exports, module) {
    "use strict";
    function splitMarkdownLink(text) {
      const segments = [];
      const parts = text.split(/\[([^\]]+?)\]\((https?:\/\/.*?)\)/g);
      while (parts.length) {
        const [preambleText, linkText, linkHref] = parts.splice(0, 3);
        if (preambleText) {
          segments.push({
            isLink: false,
            text: preambleText
          });
        }
        if (linkText && linkHref) {
          segments.push({
            isLink: true,
            text: linkText,
            linkHref
          });
        }
      }
      return segments;
    }
    module.exports = { splitMarkdownLink };
  }
});

// node_modules/@lhci/utils/src/representative-runs.js
var require_representative_runs = __commonJS({
  "node_modules/@lhci/utils/src/representative-runs.js"(exports, module) {
    "use strict";
    var getAuditValue = (lhr, auditName) => lhr.audits[auditName] && lhr.audits[auditName].numericValue || 0;
    function getMedianSortValue(lhr, medianFcp, medianInteractive) {
      const distanceFcp = medianFcp - getAuditValue(lhr, "first-contentful-paint");
      const distanceInteractive = medianInteractive - getAuditValue(lhr, "interactive");
      return distanceFcp * distanceFcp + distanceInteractive * distanceInteractive;
    }
    function computeRepresentativeRuns(runsByUrl) {
      const representativeRuns = [];
      for (const runs of runsByUrl) {
        if (!runs.length) continue;
        const sortedByFcp = runs.slice().sort(
          (a, b) => getAuditValue(a[1], "first-contentful-paint") - getAuditValue(b[1], "first-contentful-paint")
        );
        const medianFcp = getAuditValue(
          sortedByFcp[Math.floor(runs.length / 2)][1],
          "first-contentful-paint"
        );
        const sortedByInteractive = runs.slice().sort((a, b) => getAuditValue(a[1], "interactive") - getAuditValue(b[1], "interactive"));
        const medianInteractive = getAuditValue(
          sortedByInteractive[Math.floor(runs.length / 2)][1],
          "interactive"
        );
        const sortedByProximityToMedian = runs.slice().sort(
          (a, b) => getMedianSortValue(a[1], medianFcp, medianInteractive) - getMedianSortValue(b[1], medianFcp, medianInteractive)
        );
        representativeRuns.push(sortedByProximityToMedian[0][0]);
      }
      return representativeRuns;
    }
    module.exports = { computeRepresentativeRuns };
  }
});

// node_modules/@lhci/utils/src/assertions.js
var require_assertions = __commonJS({
  "node_modules/@lhci/utils/src/assertions.js"(exports, module) {
    "use strict";
    init_();
    var _ = require_lodash();
    var preset = require_all();
    var { splitMarkdownLink } = require_markdown();
    var { computeRepresentativeRuns } = require_representative_runs();
    var AUDIT_TYPE_VALUE_GETTERS = {
      auditRan: (result) => result === void 0 ? 0 : 1,
      minScore: (result) => {
        if (typeof result.score === "number") return result.score;
        if (result.scoreDisplayMode === "notApplicable") return 1;
        if (result.scoreDisplayMode === "informative") return 0;
        return void 0;
      },
      maxLength: (result) => result.details && result.details.items && result.details.items.length || 0,
      maxNumericValue: (result) => result.numericValue
    };
    var AUDIT_TYPE_OPERATORS = {
      auditRan: { operator: "==", passedFn: (actual, expected) => actual === expected },
      minScore: { operator: ">=", passedFn: (actual, expected) => actual >= expected },
      maxLength: { operator: "<=", passedFn: (actual, expected) => actual <= expected },
      maxNumericValue: { operator: "<=", passedFn: (actual, expected) => actual <= expected }
    };
    var isFiniteNumber = (x) => typeof x === "number" && Number.isFinite(x);
    function normalizeAssertion(assertion) {
      if (!assertion) return ["off", {}];
      if (typeof assertion === "string") return [assertion, {}];
      return assertion;
    }
    function getValueForAggregationMethod(values, aggregationMethod, assertionType) {
      if (aggregationMethod === "median") {
        const medianIndex = Math.floor((values.length - 1) / 2);
        const sorted = values.slice().sort((a, b) => a - b);
        if (values.length % 2 === 1) return sorted[medianIndex];
        return (sorted[medianIndex] + sorted[medianIndex + 1]) / 2;
      }
      const useMin = aggregationMethod === "optimistic" && assertionType.startsWith("max") || aggregationMethod === "pessimistic" && assertionType.startsWith("min");
      return useMin ? Math.min(...values) : Math.max(...values);
    }
    function getAssertionResult(auditResults, aggregationMethod, assertionType, expectedValue) {
      const values = auditResults.map(AUDIT_TYPE_VALUE_GETTERS[assertionType]);
      const filteredValues = values.filter(isFiniteNumber);
      const { operator, passedFn } = AUDIT_TYPE_OPERATORS[assertionType];
      if (!filteredValues.length && aggregationMethod !== "pessimistic" || filteredValues.length !== values.length && aggregationMethod === "pessimistic") {
        let message = void 0;
        if (values.some((v) => v === void 0)) {
          const userAction = `"${assertionType}" might not be a valid assertion for this audit.`;
          message = `Audit did not produce a value at all. ${userAction}`;
        } else {
          const userAction = aggregationMethod === "pessimistic" ? 'Try using an aggregationMethod other than "pessimistic".' : "If this is reproducible, please file an issue on GitHub.";
          message = `Audit failed to produce a valid value. ${userAction}`;
        }
        const didRun = values.map((value) => isFiniteNumber(value) ? value : NaN);
        return [
          {
            name: assertionType,
            expected: expectedValue,
            actual: NaN,
            values: didRun,
            operator,
            passed: false,
            message
          }
        ];
      }
      const actualValue = getValueForAggregationMethod(
        filteredValues,
        aggregationMethod,
        assertionType
      );
      return [
        {
          name: assertionType,
          expected: expectedValue,
          actual: actualValue,
          values: filteredValues,
          operator,
          passed: passedFn(actualValue, expectedValue)
        }
      ];
    }
    function getStandardAssertionResults(possibleAuditResults, options, auditId) {
      const { minScore, maxLength, maxNumericValue, aggregationMethod = "optimistic" } = options;
      if (possibleAuditResults.some((result) => result === void 0)) {
        return [
          {
            name: "auditRan",
            expected: 1,
            actual: 0,
            values: possibleAuditResults.map((result) => result === void 0 ? 0 : 1),
            operator: ">=",
            passed: false,
            message: auditId && !(auditId in preset.assertions) ? `"${auditId}" is not a known audit.` : void 0
          }
        ];
      }
      const auditResults = (
        /** @type {Array<LH.AuditResult>} */
        possibleAuditResults
      );
      const results = [];
      let hadManualAssertion = false;
      if (maxLength !== void 0) {
        hadManualAssertion = true;
        results.push(...getAssertionResult(auditResults, aggregationMethod, "maxLength", maxLength));
      }
      if (maxNumericValue !== void 0) {
        hadManualAssertion = true;
        results.push(
          ...getAssertionResult(auditResults, aggregationMethod, "maxNumericValue", maxNumericValue)
        );
      }
      const realMinScore = minScore === void 0 && !hadManualAssertion ? 0.9 : minScore;
      if (realMinScore !== void 0) {
        results.push(...getAssertionResult(auditResults, aggregationMethod, "minScore", realMinScore));
      }
      return results;
    }
    function getAssertionResultsForBudgetRow(key, actual, expected) {
      return getAssertionResult(
        [{ score: 0, numericValue: actual }],
        "pessimistic",
        "maxNumericValue",
        expected
      ).map((assertion) => {
        return { ...assertion, auditProperty: key };
      });
    }
    function getBudgetAssertionResults(auditResults) {
      const results = [];
      const resultsKeys = /* @__PURE__ */ new Set();
      for (const auditResult of auditResults) {
        if (!auditResult) continue;
        if (!auditResult.details || !auditResult.details.items) continue;
        for (const budgetRow of auditResult.details.items) {
          const sizeKey = `${budgetRow.resourceType}.size`;
          const countKey = `${budgetRow.resourceType}.count`;
          if (budgetRow.sizeOverBudget && !resultsKeys.has(sizeKey)) {
            const actual = budgetRow.size || budgetRow.transferSize;
            const expected = actual - budgetRow.sizeOverBudget;
            results.push(...getAssertionResultsForBudgetRow(sizeKey, actual, expected));
            resultsKeys.add(sizeKey);
          }
          if (budgetRow.countOverBudget && !resultsKeys.has(countKey)) {
            const actual = budgetRow.requestCount;
            const overBudgetMatch = budgetRow.countOverBudget.match(/\d+/);
            if (!overBudgetMatch) continue;
            const overBudget = Number(overBudgetMatch[0]) || 0;
            const expected = actual - overBudget;
            results.push(...getAssertionResultsForBudgetRow(countKey, actual, expected));
            resultsKeys.add(countKey);
          }
        }
      }
      return results;
    }
    function getCategoryAssertionResults(auditProperty, assertionOptions, lhrs) {
      if (auditProperty.length !== 1) {
        throw new Error(`Invalid resource-summary assertion "${auditProperty.join(".")}"`);
      }
      const categoryId = auditProperty[0];
      const psuedoAudits = lhrs.map((lhr) => {
        const category = lhr.categories[categoryId];
        if (!category) return void 0;
        return {
          score: category.score
        };
      });
      return getStandardAssertionResults(psuedoAudits, assertionOptions).map((result) => ({
        ...result,
        auditProperty: categoryId
      }));
    }
    function doesLHRMatchPattern(pattern, lhr) {
      return new RegExp(pattern).test(lhr.finalUrl);
    }
    function getAssertionResultsForAudit(auditId, auditProperty, auditResults, assertionOptions, lhrs) {
      if (auditId === "performance-budget") {
        return getBudgetAssertionResults(auditResults);
      } else if (auditId === "categories" && auditProperty) {
        return getCategoryAssertionResults(auditProperty, assertionOptions, lhrs);
      } else if (auditId === "resource-summary" && auditProperty) {
        if (auditProperty.length !== 2 || !["size", "count"].includes(auditProperty[1])) {
          throw new Error(`Invalid resource-summary assertion "${auditProperty.join(".")}"`);
        }
        const psuedoAuditResults = auditResults.map((result) => {
          if (!result || !result.details || !result.details.items) return;
          const item = result.details.items.find((item2) => item2.resourceType === auditProperty[0]);
          if (!item) return;
          const primaryItemKey = auditProperty[1] === "size" ? "size" : "requestCount";
          const backupItemKey = auditProperty[1] === "size" ? "transferSize" : "";
          const itemKey = primaryItemKey in item ? primaryItemKey : backupItemKey;
          if (!(itemKey in item)) return;
          return { ...result, numericValue: item[itemKey] };
        });
        return getStandardAssertionResults(psuedoAuditResults, assertionOptions).map((result) => ({
          ...result,
          auditProperty: auditProperty.join(".")
        }));
      } else if (auditId === "user-timings" && auditProperty) {
        const userTimingName = _.kebabCase(auditProperty.join("-"), { alphanumericOnly: true });
        const psuedoAuditResults = auditResults.map((result) => {
          if (!result || !result.details || !result.details.items) return;
          const item = result.details.items.find(
            (item2) => _.kebabCase(item2.name, { alphanumericOnly: true }) === userTimingName
          );
          if (!item) return;
          const numericValue = Number.isFinite(item.duration) ? item.duration : item.startTime;
          return { ...result, numericValue };
        });
        return getStandardAssertionResults(psuedoAuditResults, assertionOptions).map((result) => ({
          ...result,
          auditProperty: userTimingName
        }));
      } else {
        return getStandardAssertionResults(auditResults, assertionOptions, auditId);
      }
    }
    function resolveAssertionOptionsAndLhrs(baseOptions, unfilteredLhrs) {
      const { preset: preset2 = "", ...optionOverrides } = baseOptions;
      let optionsToUse = optionOverrides;
      const presetMatch = preset2.match(/lighthouse:(.*)$/);
      if (presetMatch) {
        const presetData = globRequire_presets_js(`./presets/${presetMatch[1]}.js`);
        optionsToUse = _.merge(_.cloneDeep(presetData), optionsToUse);
      }
      const { assertions = {}, matchingUrlPattern: urlPattern, aggregationMethod } = optionsToUse;
      const lhrs = urlPattern ? unfilteredLhrs.filter((lhr) => doesLHRMatchPattern(urlPattern, lhr)) : unfilteredLhrs;
      const uniqueURLs = new Set(lhrs.map((lhr) => lhr.finalUrl));
      if (uniqueURLs.size > 1) throw new Error("Can only assert one URL at a time!");
      const medianLhrs = computeRepresentativeRuns([
        lhrs.map((lhr) => (
          /** @type {[LH.Result, LH.Result]} */
          [lhr, lhr]
        ))
      ]);
      const auditsToAssert = [...new Set(Object.keys(assertions).map((key) => _.kebabCase(key)))].map(
        (assertionKey) => {
          const [auditId, ...rest] = assertionKey.split(/\.|:/g).filter(Boolean);
          const auditInstances = lhrs.map((lhr) => lhr.audits[auditId]).filter(Boolean);
          const failedAudit = auditInstances.find((audit2) => audit2.score !== 1);
          const audit = failedAudit || auditInstances[0] || {};
          const auditTitle = audit.title;
          const auditLinks = splitMarkdownLink(audit.description || "").map((segment) => segment.isLink ? segment.linkHref : "").filter(Boolean);
          const auditDocumentationLinkMatches = auditLinks.filter(
            (link) => link.includes("web.dev") || link.includes("developers.google.com/web")
          );
          const auditDocumentationLink = auditDocumentationLinkMatches.find((link) => link.includes("web.dev")) || auditDocumentationLinkMatches[0] || auditLinks[auditLinks.length - 1];
          if (!rest.length) return { assertionKey, auditId, auditTitle, auditDocumentationLink };
          return { assertionKey, auditId, auditTitle, auditDocumentationLink, auditProperty: rest };
        }
      );
      return {
        assertions,
        auditsToAssert,
        medianLhrs,
        aggregationMethod,
        lhrs,
        url: lhrs[0] && lhrs[0].finalUrl || ""
      };
    }
    function getAllAssertionResultsForUrl(baseOptions, unfilteredLhrs) {
      const { assertions, auditsToAssert, medianLhrs, lhrs, url, aggregationMethod } = resolveAssertionOptionsAndLhrs(baseOptions, unfilteredLhrs);
      if (!lhrs.length) return [];
      const results = [];
      for (const auditToAssert of auditsToAssert) {
        const { assertionKey, auditId, auditProperty } = auditToAssert;
        const [level, assertionOptions] = normalizeAssertion(assertions[assertionKey]);
        if (level === "off") continue;
        const options = { aggregationMethod, ...assertionOptions };
        const lhrsToUseForAudit = options.aggregationMethod === "median-run" ? medianLhrs : lhrs;
        const auditResults = lhrsToUseForAudit.map((lhr) => lhr.audits[auditId]);
        const assertionResults = getAssertionResultsForAudit(
          auditId,
          auditProperty,
          auditResults,
          options,
          lhrs
        );
        for (const result of assertionResults) {
          const finalResult = { ...result, auditId, level, url };
          if (auditToAssert.auditTitle) finalResult.auditTitle = auditToAssert.auditTitle;
          if (auditToAssert.auditDocumentationLink) {
            finalResult.auditDocumentationLink = auditToAssert.auditDocumentationLink;
          }
          results.push(finalResult);
        }
      }
      return results;
    }
    function getAllAssertionResults(options, lhrs) {
      const groupedByURL = _.groupBy(lhrs, (lhr) => lhr.finalUrl);
      let arrayOfOptions = [options];
      if (options.assertMatrix) {
        if (options.assertions || options.preset || options.budgetsFile || options.aggregationMethod) {
          throw new Error("Cannot use assertMatrix with other options");
        }
        arrayOfOptions = options.assertMatrix;
      }
      const results = [];
      for (const lhrSet of groupedByURL) {
        for (const baseOptions of arrayOfOptions) {
          results.push(...getAllAssertionResultsForUrl(baseOptions, lhrSet));
        }
      }
      if (options.includePassedAssertions) return results;
      return results.filter((result) => !result.passed);
    }
    module.exports = { getAllAssertionResults };
  }
});

// node_modules/js-yaml/lib/js-yaml/common.js
var require_common = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/common.js"(exports, module) {
    "use strict";
    function isNothing(subject) {
      return typeof subject === "undefined" || subject === null;
    }
    function isObject(subject) {
      return typeof subject === "object" && subject !== null;
    }
    function toArray(sequence) {
      if (Array.isArray(sequence)) return sequence;
      else if (isNothing(sequence)) return [];
      return [sequence];
    }
    function extend(target, source) {
      var index, length, key, sourceKeys;
      if (source) {
        sourceKeys = Object.keys(source);
        for (index = 0, length = sourceKeys.length; index < length; index += 1) {
          key = sourceKeys[index];
          target[key] = source[key];
        }
      }
      return target;
    }
    function repeat(string, count) {
      var result = "", cycle;
      for (cycle = 0; cycle < count; cycle += 1) {
        result += string;
      }
      return result;
    }
    function isNegativeZero(number) {
      return number === 0 && Number.NEGATIVE_INFINITY === 1 / number;
    }
    module.exports.isNothing = isNothing;
    module.exports.isObject = isObject;
    module.exports.toArray = toArray;
    module.exports.repeat = repeat;
    module.exports.isNegativeZero = isNegativeZero;
    module.exports.extend = extend;
  }
});

// node_modules/js-yaml/lib/js-yaml/exception.js
var require_exception = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/exception.js"(exports, module) {
    "use strict";
    function YAMLException(reason, mark2) {
      Error.call(this);
      this.name = "YAMLException";
      this.reason = reason;
      this.mark = mark2;
      this.message = (this.reason || "(unknown reason)") + (this.mark ? " " + this.mark.toString() : "");
      if (Error.captureStackTrace) {
        Error.captureStackTrace(this, this.constructor);
      } else {
        this.stack = new Error().stack || "";
      }
    }
    YAMLException.prototype = Object.create(Error.prototype);
    YAMLException.prototype.constructor = YAMLException;
    YAMLException.prototype.toString = function toString(compact) {
      var result = this.name + ": ";
      result += this.reason || "(unknown reason)";
      if (!compact && this.mark) {
        result += " " + this.mark.toString();
      }
      return result;
    };
    module.exports = YAMLException;
  }
});

// node_modules/js-yaml/lib/js-yaml/mark.js
var require_mark = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/mark.js"(exports, module) {
    "use strict";
    var common = require_common();
    function Mark(name, buffer, position, line, column) {
      this.name = name;
      this.buffer = buffer;
      this.position = position;
      this.line = line;
      this.column = column;
    }
    Mark.prototype.getSnippet = function getSnippet(indent, maxLength) {
      var head, start, tail, end, snippet;
      if (!this.buffer) return null;
      indent = indent || 4;
      maxLength = maxLength || 75;
      head = "";
      start = this.position;
      while (start > 0 && "\0\r\n\x85\u2028\u2029".indexOf(this.buffer.charAt(start - 1)) === -1) {
        start -= 1;
        if (this.position - start > maxLength / 2 - 1) {
          head = " ... ";
          start += 5;
          break;
        }
      }
      tail = "";
      end = this.position;
      while (end < this.buffer.length && "\0\r\n\x85\u2028\u2029".indexOf(this.buffer.charAt(end)) === -1) {
        end += 1;
        if (end - this.position > maxLength / 2 - 1) {
          tail = " ... ";
          end -= 5;
          break;
        }
      }
      snippet = this.buffer.slice(start, end);
      return common.repeat(" ", indent) + head + snippet + tail + "\n" + common.repeat(" ", indent + this.position - start + head.length) + "^";
    };
    Mark.prototype.toString = function toString(compact) {
      var snippet, where = "";
      if (this.name) {
        where += 'in "' + this.name + '" ';
      }
      where += "at line " + (this.line + 1) + ", column " + (this.column + 1);
      if (!compact) {
        snippet = this.getSnippet();
        if (snippet) {
          where += ":\n" + snippet;
        }
      }
      return where;
    };
    module.exports = Mark;
  }
});

// node_modules/js-yaml/lib/js-yaml/type.js
var require_type = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/type.js"(exports, module) {
    "use strict";
    var YAMLException = require_exception();
    var TYPE_CONSTRUCTOR_OPTIONS = [
      "kind",
      "resolve",
      "construct",
      "instanceOf",
      "predicate",
      "represent",
      "defaultStyle",
      "styleAliases"
    ];
    var YAML_NODE_KINDS = [
      "scalar",
      "sequence",
      "mapping"
    ];
    function compileStyleAliases(map) {
      var result = {};
      if (map !== null) {
        Object.keys(map).forEach(function(style) {
          map[style].forEach(function(alias) {
            result[String(alias)] = style;
          });
        });
      }
      return result;
    }
    function Type(tag, options) {
      options = options || {};
      Object.keys(options).forEach(function(name) {
        if (TYPE_CONSTRUCTOR_OPTIONS.indexOf(name) === -1) {
          throw new YAMLException('Unknown option "' + name + '" is met in definition of "' + tag + '" YAML type.');
        }
      });
      this.tag = tag;
      this.kind = options["kind"] || null;
      this.resolve = options["resolve"] || function() {
        return true;
      };
      this.construct = options["construct"] || function(data) {
        return data;
      };
      this.instanceOf = options["instanceOf"] || null;
      this.predicate = options["predicate"] || null;
      this.represent = options["represent"] || null;
      this.defaultStyle = options["defaultStyle"] || null;
      this.styleAliases = compileStyleAliases(options["styleAliases"] || null);
      if (YAML_NODE_KINDS.indexOf(this.kind) === -1) {
        throw new YAMLException('Unknown kind "' + this.kind + '" is specified for "' + tag + '" YAML type.');
      }
    }
    module.exports = Type;
  }
});

// node_modules/js-yaml/lib/js-yaml/schema.js
var require_schema = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/schema.js"(exports, module) {
    "use strict";
    var common = require_common();
    var YAMLException = require_exception();
    var Type = require_type();
    function compileList(schema, name, result) {
      var exclude = [];
      schema.include.forEach(function(includedSchema) {
        result = compileList(includedSchema, name, result);
      });
      schema[name].forEach(function(currentType) {
        result.forEach(function(previousType, previousIndex) {
          if (previousType.tag === currentType.tag && previousType.kind === currentType.kind) {
            exclude.push(previousIndex);
          }
        });
        result.push(currentType);
      });
      return result.filter(function(type, index) {
        return exclude.indexOf(index) === -1;
      });
    }
    function compileMap() {
      var result = {
        scalar: {},
        sequence: {},
        mapping: {},
        fallback: {}
      }, index, length;
      function collectType(type) {
        result[type.kind][type.tag] = result["fallback"][type.tag] = type;
      }
      for (index = 0, length = arguments.length; index < length; index += 1) {
        arguments[index].forEach(collectType);
      }
      return result;
    }
    function Schema(definition) {
      this.include = definition.include || [];
      this.implicit = definition.implicit || [];
      this.explicit = definition.explicit || [];
      this.implicit.forEach(function(type) {
        if (type.loadKind && type.loadKind !== "scalar") {
          throw new YAMLException("There is a non-scalar type in the implicit list of a schema. Implicit resolving of such types is not supported.");
        }
      });
      this.compiledImplicit = compileList(this, "implicit", []);
      this.compiledExplicit = compileList(this, "explicit", []);
      this.compiledTypeMap = compileMap(this.compiledImplicit, this.compiledExplicit);
    }
    Schema.DEFAULT = null;
    Schema.create = function createSchema() {
      var schemas, types;
      switch (arguments.length) {
        case 1:
          schemas = Schema.DEFAULT;
          types = arguments[0];
          break;
        case 2:
          schemas = arguments[0];
          types = arguments[1];
          break;
        default:
          throw new YAMLException("Wrong number of arguments for Schema.create function");
      }
      schemas = common.toArray(schemas);
      types = common.toArray(types);
      if (!schemas.every(function(schema) {
        return schema instanceof Schema;
      })) {
        throw new YAMLException("Specified list of super schemas (or a single Schema object) contains a non-Schema object.");
      }
      if (!types.every(function(type) {
        return type instanceof Type;
      })) {
        throw new YAMLException("Specified list of YAML types (or a single Type object) contains a non-Type object.");
      }
      return new Schema({
        include: schemas,
        explicit: types
      });
    };
    module.exports = Schema;
  }
});

// node_modules/js-yaml/lib/js-yaml/type/str.js
var require_str = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/type/str.js"(exports, module) {
    "use strict";
    var Type = require_type();
    module.exports = new Type("tag:yaml.org,2002:str", {
      kind: "scalar",
      construct: function(data) {
        return data !== null ? data : "";
      }
    });
  }
});

// node_modules/js-yaml/lib/js-yaml/type/seq.js
var require_seq = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/type/seq.js"(exports, module) {
    "use strict";
    var Type = require_type();
    module.exports = new Type("tag:yaml.org,2002:seq", {
      kind: "sequence",
      construct: function(data) {
        return data !== null ? data : [];
      }
    });
  }
});

// node_modules/js-yaml/lib/js-yaml/type/map.js
var require_map = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/type/map.js"(exports, module) {
    "use strict";
    var Type = require_type();
    module.exports = new Type("tag:yaml.org,2002:map", {
      kind: "mapping",
      construct: function(data) {
        return data !== null ? data : {};
      }
    });
  }
});

// node_modules/js-yaml/lib/js-yaml/schema/failsafe.js
var require_failsafe = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/schema/failsafe.js"(exports, module) {
    "use strict";
    var Schema = require_schema();
    module.exports = new Schema({
      explicit: [
        require_str(),
        require_seq(),
        require_map()
      ]
    });
  }
});

// node_modules/js-yaml/lib/js-yaml/type/null.js
var require_null = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/type/null.js"(exports, module) {
    "use strict";
    var Type = require_type();
    function resolveYamlNull(data) {
      if (data === null) return true;
      var max = data.length;
      return max === 1 && data === "~" || max === 4 && (data === "null" || data === "Null" || data === "NULL");
    }
    function constructYamlNull() {
      return null;
    }
    function isNull(object) {
      return object === null;
    }
    module.exports = new Type("tag:yaml.org,2002:null", {
      kind: "scalar",
      resolve: resolveYamlNull,
      construct: constructYamlNull,
      predicate: isNull,
      represent: {
        canonical: function() {
          return "~";
        },
        lowercase: function() {
          return "null";
        },
        uppercase: function() {
          return "NULL";
        },
        camelcase: function() {
          return "Null";
        }
      },
      defaultStyle: "lowercase"
    });
  }
});

// node_modules/js-yaml/lib/js-yaml/type/bool.js
var require_bool = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/type/bool.js"(exports, module) {
    "use strict";
    var Type = require_type();
    function resolveYamlBoolean(data) {
      if (data === null) return false;
      var max = data.length;
      return max === 4 && (data === "true" || data === "True" || data === "TRUE") || max === 5 && (data === "false" || data === "False" || data === "FALSE");
    }
    function constructYamlBoolean(data) {
      return data === "true" || data === "True" || data === "TRUE";
    }
    function isBoolean(object) {
      return Object.prototype.toString.call(object) === "[object Boolean]";
    }
    module.exports = new Type("tag:yaml.org,2002:bool", {
      kind: "scalar",
      resolve: resolveYamlBoolean,
      construct: constructYamlBoolean,
      predicate: isBoolean,
      represent: {
        lowercase: function(object) {
          return object ? "true" : "false";
        },
        uppercase: function(object) {
          return object ? "TRUE" : "FALSE";
        },
        camelcase: function(object) {
          return object ? "True" : "False";
        }
      },
      defaultStyle: "lowercase"
    });
  }
});

// node_modules/js-yaml/lib/js-yaml/type/int.js
var require_int = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/type/int.js"(exports, module) {
    "use strict";
    var common = require_common();
    var Type = require_type();
    function isHexCode(c) {
      return 48 <= c && c <= 57 || 65 <= c && c <= 70 || 97 <= c && c <= 102;
    }
    function isOctCode(c) {
      return 48 <= c && c <= 55;
    }
    function isDecCode(c) {
      return 48 <= c && c <= 57;
    }
    function resolveYamlInteger(data) {
      if (data === null) return false;
      var max = data.length, index = 0, hasDigits = false, ch;
      if (!max) return false;
      ch = data[index];
      if (ch === "-" || ch === "+") {
        ch = data[++index];
      }
      if (ch === "0") {
        if (index + 1 === max) return true;
        ch = data[++index];
        if (ch === "b") {
          index++;
          for (; index < max; index++) {
            ch = data[index];
            if (ch === "_") continue;
            if (ch !== "0" && ch !== "1") return false;
            hasDigits = true;
          }
          return hasDigits && ch !== "_";
        }
        if (ch === "x") {
          index++;
          for (; index < max; index++) {
            ch = data[index];
            if (ch === "_") continue;
            if (!isHexCode(data.charCodeAt(index))) return false;
            hasDigits = true;
          }
          return hasDigits && ch !== "_";
        }
        for (; index < max; index++) {
          ch = data[index];
          if (ch === "_") continue;
          if (!isOctCode(data.charCodeAt(index))) return false;
          hasDigits = true;
        }
        return hasDigits && ch !== "_";
      }
      if (ch === "_") return false;
      for (; index < max; index++) {
        ch = data[index];
        if (ch === "_") continue;
        if (ch === ":") break;
        if (!isDecCode(data.charCodeAt(index))) {
          return false;
        }
        hasDigits = true;
      }
      if (!hasDigits || ch === "_") return false;
      if (ch !== ":") return true;
      return /^(:[0-5]?[0-9])+$/.test(data.slice(index));
    }
    function constructYamlInteger(data) {
      var value = data, sign = 1, ch, base, digits = [];
      if (value.indexOf("_") !== -1) {
        value = value.replace(/_/g, "");
      }
      ch = value[0];
      if (ch === "-" || ch === "+") {
        if (ch === "-") sign = -1;
        value = value.slice(1);
        ch = value[0];
      }
      if (value === "0") return 0;
      if (ch === "0") {
        if (value[1] === "b") return sign * parseInt(value.slice(2), 2);
        if (value[1] === "x") return sign * parseInt(value, 16);
        return sign * parseInt(value, 8);
      }
      if (value.indexOf(":") !== -1) {
        value.split(":").forEach(function(v) {
          digits.unshift(parseInt(v, 10));
        });
        value = 0;
        base = 1;
        digits.forEach(function(d) {
          value += d * base;
          base *= 60;
        });
        return sign * value;
      }
      return sign * parseInt(value, 10);
    }
    function isInteger(object) {
      return Object.prototype.toString.call(object) === "[object Number]" && (object % 1 === 0 && !common.isNegativeZero(object));
    }
    module.exports = new Type("tag:yaml.org,2002:int", {
      kind: "scalar",
      resolve: resolveYamlInteger,
      construct: constructYamlInteger,
      predicate: isInteger,
      represent: {
        binary: function(obj) {
          return obj >= 0 ? "0b" + obj.toString(2) : "-0b" + obj.toString(2).slice(1);
        },
        octal: function(obj) {
          return obj >= 0 ? "0" + obj.toString(8) : "-0" + obj.toString(8).slice(1);
        },
        decimal: function(obj) {
          return obj.toString(10);
        },
        /* eslint-disable max-len */
        hexadecimal: function(obj) {
          return obj >= 0 ? "0x" + obj.toString(16).toUpperCase() : "-0x" + obj.toString(16).toUpperCase().slice(1);
        }
      },
      defaultStyle: "decimal",
      styleAliases: {
        binary: [2, "bin"],
        octal: [8, "oct"],
        decimal: [10, "dec"],
        hexadecimal: [16, "hex"]
      }
    });
  }
});

// node_modules/js-yaml/lib/js-yaml/type/float.js
var require_float = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/type/float.js"(exports, module) {
    "use strict";
    var common = require_common();
    var Type = require_type();
    var YAML_FLOAT_PATTERN = new RegExp(
      // 2.5e4, 2.5 and integers
      "^(?:[-+]?(?:0|[1-9][0-9_]*)(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"
    );
    function resolveYamlFloat(data) {
      if (data === null) return false;
      if (!YAML_FLOAT_PATTERN.test(data) || // Quick hack to not allow integers end with `_`
      // Probably should update regexp & check speed
      data[data.length - 1] === "_") {
        return false;
      }
      return true;
    }
    function constructYamlFloat(data) {
      var value, sign, base, digits;
      value = data.replace(/_/g, "").toLowerCase();
      sign = value[0] === "-" ? -1 : 1;
      digits = [];
      if ("+-".indexOf(value[0]) >= 0) {
        value = value.slice(1);
      }
      if (value === ".inf") {
        return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
      } else if (value === ".nan") {
        return NaN;
      } else if (value.indexOf(":") >= 0) {
        value.split(":").forEach(function(v) {
          digits.unshift(parseFloat(v, 10));
        });
        value = 0;
        base = 1;
        digits.forEach(function(d) {
          value += d * base;
          base *= 60;
        });
        return sign * value;
      }
      return sign * parseFloat(value, 10);
    }
    var SCIENTIFIC_WITHOUT_DOT = /^[-+]?[0-9]+e/;
    function representYamlFloat(object, style) {
      var res;
      if (isNaN(object)) {
        switch (style) {
          case "lowercase":
            return ".nan";
          case "uppercase":
            return ".NAN";
          case "camelcase":
            return ".NaN";
        }
      } else if (Number.POSITIVE_INFINITY === object) {
        switch (style) {
          case "lowercase":
            return ".inf";
          case "uppercase":
            return ".INF";
          case "camelcase":
            return ".Inf";
        }
      } else if (Number.NEGATIVE_INFINITY === object) {
        switch (style) {
          case "lowercase":
            return "-.inf";
          case "uppercase":
            return "-.INF";
          case "camelcase":
            return "-.Inf";
        }
      } else if (common.isNegativeZero(object)) {
        return "-0.0";
      }
      res = object.toString(10);
      return SCIENTIFIC_WITHOUT_DOT.test(res) ? res.replace("e", ".e") : res;
    }
    function isFloat(object) {
      return Object.prototype.toString.call(object) === "[object Number]" && (object % 1 !== 0 || common.isNegativeZero(object));
    }
    module.exports = new Type("tag:yaml.org,2002:float", {
      kind: "scalar",
      resolve: resolveYamlFloat,
      construct: constructYamlFloat,
      predicate: isFloat,
      represent: representYamlFloat,
      defaultStyle: "lowercase"
    });
  }
});

// node_modules/js-yaml/lib/js-yaml/schema/json.js
var require_json = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/schema/json.js"(exports, module) {
    "use strict";
    var Schema = require_schema();
    module.exports = new Schema({
      include: [
        require_failsafe()
      ],
      implicit: [
        require_null(),
        require_bool(),
        require_int(),
        require_float()
      ]
    });
  }
});

// node_modules/js-yaml/lib/js-yaml/schema/core.js
var require_core = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/schema/core.js"(exports, module) {
    "use strict";
    var Schema = require_schema();
    module.exports = new Schema({
      include: [
        require_json()
      ]
    });
  }
});

// node_modules/js-yaml/lib/js-yaml/type/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/type/timestamp.js"(exports, module) {
    "use strict";
    var Type = require_type();
    var YAML_DATE_REGEXP = new RegExp(
      "^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$"
    );
    var YAML_TIMESTAMP_REGEXP = new RegExp(
      "^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$"
    );
    function resolveYamlTimestamp(data) {
      if (data === null) return false;
      if (YAML_DATE_REGEXP.exec(data) !== null) return true;
      if (YAML_TIMESTAMP_REGEXP.exec(data) !== null) return true;
      return false;
    }
    function constructYamlTimestamp(data) {
      var match, year, month, day, hour, minute, second, fraction = 0, delta = null, tz_hour, tz_minute, date;
      match = YAML_DATE_REGEXP.exec(data);
      if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(data);
      if (match === null) throw new Error("Date resolve error");
      year = +match[1];
      month = +match[2] - 1;
      day = +match[3];
      if (!match[4]) {
        return new Date(Date.UTC(year, month, day));
      }
      hour = +match[4];
      minute = +match[5];
      second = +match[6];
      if (match[7]) {
        fraction = match[7].slice(0, 3);
        while (fraction.length < 3) {
          fraction += "0";
        }
        fraction = +fraction;
      }
      if (match[9]) {
        tz_hour = +match[10];
        tz_minute = +(match[11] || 0);
        delta = (tz_hour * 60 + tz_minute) * 6e4;
        if (match[9] === "-") delta = -delta;
      }
      date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
      if (delta) date.setTime(date.getTime() - delta);
      return date;
    }
    function representYamlTimestamp(object) {
      return object.toISOString();
    }
    module.exports = new Type("tag:yaml.org,2002:timestamp", {
      kind: "scalar",
      resolve: resolveYamlTimestamp,
      construct: constructYamlTimestamp,
      instanceOf: Date,
      represent: representYamlTimestamp
    });
  }
});

// node_modules/js-yaml/lib/js-yaml/type/merge.js
var require_merge = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/type/merge.js"(exports, module) {
    "use strict";
    var Type = require_type();
    function resolveYamlMerge(data) {
      return data === "<<" || data === null;
    }
    module.exports = new Type("tag:yaml.org,2002:merge", {
      kind: "scalar",
      resolve: resolveYamlMerge
    });
  }
});

// node_modules/js-yaml/lib/js-yaml/type/binary.js
var require_binary = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/type/binary.js"(exports, module) {
    "use strict";
    var NodeBuffer;
    try {
      _require = __require;
      NodeBuffer = _require("buffer").Buffer;
    } catch (__) {
    }
    var _require;
    var Type = require_type();
    var BASE64_MAP = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\n\r";
    function resolveYamlBinary(data) {
      if (data === null) return false;
      var code, idx, bitlen = 0, max = data.length, map = BASE64_MAP;
      for (idx = 0; idx < max; idx++) {
        code = map.indexOf(data.charAt(idx));
        if (code > 64) continue;
        if (code < 0) return false;
        bitlen += 6;
      }
      return bitlen % 8 === 0;
    }
    function constructYamlBinary(data) {
      var idx, tailbits, input = data.replace(/[\r\n=]/g, ""), max = input.length, map = BASE64_MAP, bits = 0, result = [];
      for (idx = 0; idx < max; idx++) {
        if (idx % 4 === 0 && idx) {
          result.push(bits >> 16 & 255);
          result.push(bits >> 8 & 255);
          result.push(bits & 255);
        }
        bits = bits << 6 | map.indexOf(input.charAt(idx));
      }
      tailbits = max % 4 * 6;
      if (tailbits === 0) {
        result.push(bits >> 16 & 255);
        result.push(bits >> 8 & 255);
        result.push(bits & 255);
      } else if (tailbits === 18) {
        result.push(bits >> 10 & 255);
        result.push(bits >> 2 & 255);
      } else if (tailbits === 12) {
        result.push(bits >> 4 & 255);
      }
      if (NodeBuffer) {
        return NodeBuffer.from ? NodeBuffer.from(result) : new NodeBuffer(result);
      }
      return result;
    }
    function representYamlBinary(object) {
      var result = "", bits = 0, idx, tail, max = object.length, map = BASE64_MAP;
      for (idx = 0; idx < max; idx++) {
        if (idx % 3 === 0 && idx) {
          result += map[bits >> 18 & 63];
          result += map[bits >> 12 & 63];
          result += map[bits >> 6 & 63];
          result += map[bits & 63];
        }
        bits = (bits << 8) + object[idx];
      }
      tail = max % 3;
      if (tail === 0) {
        result += map[bits >> 18 & 63];
        result += map[bits >> 12 & 63];
        result += map[bits >> 6 & 63];
        result += map[bits & 63];
      } else if (tail === 2) {
        result += map[bits >> 10 & 63];
        result += map[bits >> 4 & 63];
        result += map[bits << 2 & 63];
        result += map[64];
      } else if (tail === 1) {
        result += map[bits >> 2 & 63];
        result += map[bits << 4 & 63];
        result += map[64];
        result += map[64];
      }
      return result;
    }
    function isBinary(object) {
      return NodeBuffer && NodeBuffer.isBuffer(object);
    }
    module.exports = new Type("tag:yaml.org,2002:binary", {
      kind: "scalar",
      resolve: resolveYamlBinary,
      construct: constructYamlBinary,
      predicate: isBinary,
      represent: representYamlBinary
    });
  }
});

// node_modules/js-yaml/lib/js-yaml/type/omap.js
var require_omap = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/type/omap.js"(exports, module) {
    "use strict";
    var Type = require_type();
    var _hasOwnProperty = Object.prototype.hasOwnProperty;
    var _toString = Object.prototype.toString;
    function resolveYamlOmap(data) {
      if (data === null) return true;
      var objectKeys = {}, index, length, pair, pairKey, pairHasKey, object = data;
      for (index = 0, length = object.length; index < length; index += 1) {
        pair = object[index];
        pairHasKey = false;
        if (_toString.call(pair) !== "[object Object]") return false;
        for (pairKey in pair) {
          if (_hasOwnProperty.call(pair, pairKey)) {
            if (!pairHasKey) pairHasKey = true;
            else return false;
          }
        }
        if (!pairHasKey) return false;
        if (_hasOwnProperty.call(objectKeys, pairKey)) return false;
        Object.defineProperty(objectKeys, pairKey, { value: true });
      }
      return true;
    }
    function constructYamlOmap(data) {
      return data !== null ? data : [];
    }
    module.exports = new Type("tag:yaml.org,2002:omap", {
      kind: "sequence",
      resolve: resolveYamlOmap,
      construct: constructYamlOmap
    });
  }
});

// node_modules/js-yaml/lib/js-yaml/type/pairs.js
var require_pairs = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/type/pairs.js"(exports, module) {
    "use strict";
    var Type = require_type();
    var _toString = Object.prototype.toString;
    function resolveYamlPairs(data) {
      if (data === null) return true;
      var index, length, pair, keys, result, object = data;
      result = new Array(object.length);
      for (index = 0, length = object.length; index < length; index += 1) {
        pair = object[index];
        if (_toString.call(pair) !== "[object Object]") return false;
        keys = Object.keys(pair);
        if (keys.length !== 1) return false;
        result[index] = [keys[0], pair[keys[0]]];
      }
      return true;
    }
    function constructYamlPairs(data) {
      if (data === null) return [];
      var index, length, pair, keys, result, object = data;
      result = new Array(object.length);
      for (index = 0, length = object.length; index < length; index += 1) {
        pair = object[index];
        keys = Object.keys(pair);
        result[index] = [keys[0], pair[keys[0]]];
      }
      return result;
    }
    module.exports = new Type("tag:yaml.org,2002:pairs", {
      kind: "sequence",
      resolve: resolveYamlPairs,
      construct: constructYamlPairs
    });
  }
});

// node_modules/js-yaml/lib/js-yaml/type/set.js
var require_set = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/type/set.js"(exports, module) {
    "use strict";
    var Type = require_type();
    var _hasOwnProperty = Object.prototype.hasOwnProperty;
    function resolveYamlSet(data) {
      if (data === null) return true;
      var key, object = data;
      for (key in object) {
        if (_hasOwnProperty.call(object, key)) {
          if (object[key] !== null) return false;
        }
      }
      return true;
    }
    function constructYamlSet(data) {
      return data !== null ? data : {};
    }
    module.exports = new Type("tag:yaml.org,2002:set", {
      kind: "mapping",
      resolve: resolveYamlSet,
      construct: constructYamlSet
    });
  }
});

// node_modules/js-yaml/lib/js-yaml/schema/default_safe.js
var require_default_safe = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/schema/default_safe.js"(exports, module) {
    "use strict";
    var Schema = require_schema();
    module.exports = new Schema({
      include: [
        require_core()
      ],
      implicit: [
        require_timestamp(),
        require_merge()
      ],
      explicit: [
        require_binary(),
        require_omap(),
        require_pairs(),
        require_set()
      ]
    });
  }
});

// node_modules/js-yaml/lib/js-yaml/type/js/undefined.js
var require_undefined = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/type/js/undefined.js"(exports, module) {
    "use strict";
    var Type = require_type();
    function resolveJavascriptUndefined() {
      return true;
    }
    function constructJavascriptUndefined() {
      return void 0;
    }
    function representJavascriptUndefined() {
      return "";
    }
    function isUndefined(object) {
      return typeof object === "undefined";
    }
    module.exports = new Type("tag:yaml.org,2002:js/undefined", {
      kind: "scalar",
      resolve: resolveJavascriptUndefined,
      construct: constructJavascriptUndefined,
      predicate: isUndefined,
      represent: representJavascriptUndefined
    });
  }
});

// node_modules/js-yaml/lib/js-yaml/type/js/regexp.js
var require_regexp = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/type/js/regexp.js"(exports, module) {
    "use strict";
    var Type = require_type();
    function resolveJavascriptRegExp(data) {
      if (data === null) return false;
      if (data.length === 0) return false;
      var regexp = data, tail = /\/([gim]*)$/.exec(data), modifiers = "";
      if (regexp[0] === "/") {
        if (tail) modifiers = tail[1];
        if (modifiers.length > 3) return false;
        if (regexp[regexp.length - modifiers.length - 1] !== "/") return false;
      }
      return true;
    }
    function constructJavascriptRegExp(data) {
      var regexp = data, tail = /\/([gim]*)$/.exec(data), modifiers = "";
      if (regexp[0] === "/") {
        if (tail) modifiers = tail[1];
        regexp = regexp.slice(1, regexp.length - modifiers.length - 1);
      }
      return new RegExp(regexp, modifiers);
    }
    function representJavascriptRegExp(object) {
      var result = "/" + object.source + "/";
      if (object.global) result += "g";
      if (object.multiline) result += "m";
      if (object.ignoreCase) result += "i";
      return result;
    }
    function isRegExp(object) {
      return Object.prototype.toString.call(object) === "[object RegExp]";
    }
    module.exports = new Type("tag:yaml.org,2002:js/regexp", {
      kind: "scalar",
      resolve: resolveJavascriptRegExp,
      construct: constructJavascriptRegExp,
      predicate: isRegExp,
      represent: representJavascriptRegExp
    });
  }
});

// node_modules/js-yaml/lib/js-yaml/type/js/function.js
var require_function = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/type/js/function.js"(exports, module) {
    "use strict";
    var esprima;
    try {
      _require = __require;
      esprima = _require("esprima");
    } catch (_) {
      if (typeof window !== "undefined") esprima = window.esprima;
    }
    var _require;
    var Type = require_type();
    function resolveJavascriptFunction(data) {
      if (data === null) return false;
      try {
        var source = "(" + data + ")", ast = esprima.parse(source, { range: true });
        if (ast.type !== "Program" || ast.body.length !== 1 || ast.body[0].type !== "ExpressionStatement" || ast.body[0].expression.type !== "ArrowFunctionExpression" && ast.body[0].expression.type !== "FunctionExpression") {
          return false;
        }
        return true;
      } catch (err) {
        return false;
      }
    }
    function constructJavascriptFunction(data) {
      var source = "(" + data + ")", ast = esprima.parse(source, { range: true }), params = [], body;
      if (ast.type !== "Program" || ast.body.length !== 1 || ast.body[0].type !== "ExpressionStatement" || ast.body[0].expression.type !== "ArrowFunctionExpression" && ast.body[0].expression.type !== "FunctionExpression") {
        throw new Error("Failed to resolve function");
      }
      ast.body[0].expression.params.forEach(function(param) {
        params.push(param.name);
      });
      body = ast.body[0].expression.body.range;
      if (ast.body[0].expression.body.type === "BlockStatement") {
        return new Function(params, source.slice(body[0] + 1, body[1] - 1));
      }
      return new Function(params, "return " + source.slice(body[0], body[1]));
    }
    function representJavascriptFunction(object) {
      return object.toString();
    }
    function isFunction(object) {
      return Object.prototype.toString.call(object) === "[object Function]";
    }
    module.exports = new Type("tag:yaml.org,2002:js/function", {
      kind: "scalar",
      resolve: resolveJavascriptFunction,
      construct: constructJavascriptFunction,
      predicate: isFunction,
      represent: representJavascriptFunction
    });
  }
});

// node_modules/js-yaml/lib/js-yaml/schema/default_full.js
var require_default_full = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/schema/default_full.js"(exports, module) {
    "use strict";
    var Schema = require_schema();
    module.exports = Schema.DEFAULT = new Schema({
      include: [
        require_default_safe()
      ],
      explicit: [
        require_undefined(),
        require_regexp(),
        require_function()
      ]
    });
  }
});

// node_modules/js-yaml/lib/js-yaml/loader.js
var require_loader = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/loader.js"(exports, module) {
    "use strict";
    var common = require_common();
    var YAMLException = require_exception();
    var Mark = require_mark();
    var DEFAULT_SAFE_SCHEMA = require_default_safe();
    var DEFAULT_FULL_SCHEMA = require_default_full();
    var _hasOwnProperty = Object.prototype.hasOwnProperty;
    var CONTEXT_FLOW_IN = 1;
    var CONTEXT_FLOW_OUT = 2;
    var CONTEXT_BLOCK_IN = 3;
    var CONTEXT_BLOCK_OUT = 4;
    var CHOMPING_CLIP = 1;
    var CHOMPING_STRIP = 2;
    var CHOMPING_KEEP = 3;
    var PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
    var PATTERN_NON_ASCII_LINE_BREAKS = /[\x85\u2028\u2029]/;
    var PATTERN_FLOW_INDICATORS = /[,\[\]\{\}]/;
    var PATTERN_TAG_HANDLE = /^(?:!|!!|![a-z\-]+!)$/i;
    var PATTERN_TAG_URI = /^(?:!|[^,\[\]\{\}])(?:%[0-9a-f]{2}|[0-9a-z\-#;\/\?:@&=\+\$,_\.!~\*'\(\)\[\]])*$/i;
    function _class(obj) {
      return Object.prototype.toString.call(obj);
    }
    function is_EOL(c) {
      return c === 10 || c === 13;
    }
    function is_WHITE_SPACE(c) {
      return c === 9 || c === 32;
    }
    function is_WS_OR_EOL(c) {
      return c === 9 || c === 32 || c === 10 || c === 13;
    }
    function is_FLOW_INDICATOR(c) {
      return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
    }
    function fromHexCode(c) {
      var lc;
      if (48 <= c && c <= 57) {
        return c - 48;
      }
      lc = c | 32;
      if (97 <= lc && lc <= 102) {
        return lc - 97 + 10;
      }
      return -1;
    }
    function escapedHexLen(c) {
      if (c === 120) {
        return 2;
      }
      if (c === 117) {
        return 4;
      }
      if (c === 85) {
        return 8;
      }
      return 0;
    }
    function fromDecimalCode(c) {
      if (48 <= c && c <= 57) {
        return c - 48;
      }
      return -1;
    }
    function simpleEscapeSequence(c) {
      return c === 48 ? "\0" : c === 97 ? "\x07" : c === 98 ? "\b" : c === 116 ? "	" : c === 9 ? "	" : c === 110 ? "\n" : c === 118 ? "\v" : c === 102 ? "\f" : c === 114 ? "\r" : c === 101 ? "\x1B" : c === 32 ? " " : c === 34 ? '"' : c === 47 ? "/" : c === 92 ? "\\" : c === 78 ? "\x85" : c === 95 ? "\xA0" : c === 76 ? "\u2028" : c === 80 ? "\u2029" : "";
    }
    function charFromCodepoint(c) {
      if (c <= 65535) {
        return String.fromCharCode(c);
      }
      return String.fromCharCode(
        (c - 65536 >> 10) + 55296,
        (c - 65536 & 1023) + 56320
      );
    }
    function setProperty(object, key, value) {
      if (key === "__proto__") {
        Object.defineProperty(object, key, {
          configurable: true,
          enumerable: true,
          writable: true,
          value
        });
      } else {
        object[key] = value;
      }
    }
    var simpleEscapeCheck = new Array(256);
    var simpleEscapeMap = new Array(256);
    for (i = 0; i < 256; i++) {
      simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
      simpleEscapeMap[i] = simpleEscapeSequence(i);
    }
    var i;
    function State(input, options) {
      this.input = input;
      this.filename = options["filename"] || null;
      this.schema = options["schema"] || DEFAULT_FULL_SCHEMA;
      this.onWarning = options["onWarning"] || null;
      this.legacy = options["legacy"] || false;
      this.json = options["json"] || false;
      this.listener = options["listener"] || null;
      this.maxTotalMergeKeys = typeof options["maxTotalMergeKeys"] === "number" ? options["maxTotalMergeKeys"] : 1e4;
      this.implicitTypes = this.schema.compiledImplicit;
      this.typeMap = this.schema.compiledTypeMap;
      this.length = input.length;
      this.position = 0;
      this.line = 0;
      this.lineStart = 0;
      this.lineIndent = 0;
      this.totalMergeKeys = 0;
      this.documents = [];
    }
    function generateError(state, message) {
      return new YAMLException(
        message,
        new Mark(state.filename, state.input, state.position, state.line, state.position - state.lineStart)
      );
    }
    function throwError(state, message) {
      throw generateError(state, message);
    }
    function throwWarning(state, message) {
      if (state.onWarning) {
        state.onWarning.call(null, generateError(state, message));
      }
    }
    var directiveHandlers = {
      YAML: function handleYamlDirective(state, name, args) {
        var match, major, minor;
        if (state.version !== null) {
          throwError(state, "duplication of %YAML directive");
        }
        if (args.length !== 1) {
          throwError(state, "YAML directive accepts exactly one argument");
        }
        match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
        if (match === null) {
          throwError(state, "ill-formed argument of the YAML directive");
        }
        major = parseInt(match[1], 10);
        minor = parseInt(match[2], 10);
        if (major !== 1) {
          throwError(state, "unacceptable YAML version of the document");
        }
        state.version = args[0];
        state.checkLineBreaks = minor < 2;
        if (minor !== 1 && minor !== 2) {
          throwWarning(state, "unsupported YAML version of the document");
        }
      },
      TAG: function handleTagDirective(state, name, args) {
        var handle, prefix;
        if (args.length !== 2) {
          throwError(state, "TAG directive accepts exactly two arguments");
        }
        handle = args[0];
        prefix = args[1];
        if (!PATTERN_TAG_HANDLE.test(handle)) {
          throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
        }
        if (_hasOwnProperty.call(state.tagMap, handle)) {
          throwError(state, 'there is a previously declared suffix for "' + handle + '" tag handle');
        }
        if (!PATTERN_TAG_URI.test(prefix)) {
          throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
        }
        state.tagMap[handle] = prefix;
      }
    };
    function captureSegment(state, start, end, checkJson) {
      var _position, _length, _character, _result;
      if (start < end) {
        _result = state.input.slice(start, end);
        if (checkJson) {
          for (_position = 0, _length = _result.length; _position < _length; _position += 1) {
            _character = _result.charCodeAt(_position);
            if (!(_character === 9 || 32 <= _character && _character <= 1114111)) {
              throwError(state, "expected valid JSON character");
            }
          }
        } else if (PATTERN_NON_PRINTABLE.test(_result)) {
          throwError(state, "the stream contains non-printable characters");
        }
        state.result += _result;
      }
    }
    function chargeMergeWork(state) {
      state.totalMergeKeys += 1;
      if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) {
        throwError(state, "merge keys exceeded maxTotalMergeKeys (" + state.maxTotalMergeKeys + ")");
      }
    }
    function mergeMappings(state, destination, source, overridableKeys) {
      var sourceKeys, key, index, quantity;
      if (!common.isObject(source)) {
        throwError(state, "cannot merge mappings; the provided source object is unacceptable");
      }
      chargeMergeWork(state);
      sourceKeys = Object.keys(source);
      for (index = 0, quantity = sourceKeys.length; index < quantity; index += 1) {
        key = sourceKeys[index];
        chargeMergeWork(state);
        if (!_hasOwnProperty.call(destination, key)) {
          setProperty(destination, key, source[key]);
          overridableKeys[key] = true;
        }
      }
    }
    function storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, startLine, startPos) {
      var index, quantity;
      if (Array.isArray(keyNode)) {
        keyNode = Array.prototype.slice.call(keyNode);
        for (index = 0, quantity = keyNode.length; index < quantity; index += 1) {
          if (Array.isArray(keyNode[index])) {
            throwError(state, "nested arrays are not supported inside keys");
          }
          if (typeof keyNode === "object" && _class(keyNode[index]) === "[object Object]") {
            keyNode[index] = "[object Object]";
          }
        }
      }
      if (typeof keyNode === "object" && _class(keyNode) === "[object Object]") {
        keyNode = "[object Object]";
      }
      keyNode = String(keyNode);
      if (_result === null) {
        _result = {};
      }
      if (keyTag === "tag:yaml.org,2002:merge") {
        if (Array.isArray(valueNode)) {
          if (valueNode.length > 100) {
            throwError(state, "abnormal merge sequence size");
          }
          for (index = 0, quantity = valueNode.length; index < quantity; index += 1) {
            mergeMappings(state, _result, valueNode[index], overridableKeys);
          }
        } else {
          mergeMappings(state, _result, valueNode, overridableKeys);
        }
      } else {
        if (!state.json && !_hasOwnProperty.call(overridableKeys, keyNode) && _hasOwnProperty.call(_result, keyNode)) {
          state.line = startLine || state.line;
          state.position = startPos || state.position;
          throwError(state, "duplicated mapping key");
        }
        setProperty(_result, keyNode, valueNode);
        delete overridableKeys[keyNode];
      }
      return _result;
    }
    function readLineBreak(state) {
      var ch;
      ch = state.input.charCodeAt(state.position);
      if (ch === 10) {
        state.position++;
      } else if (ch === 13) {
        state.position++;
        if (state.input.charCodeAt(state.position) === 10) {
          state.position++;
        }
      } else {
        throwError(state, "a line break is expected");
      }
      state.line += 1;
      state.lineStart = state.position;
    }
    function skipSeparationSpace(state, allowComments, checkIndent) {
      var lineBreaks = 0, ch = state.input.charCodeAt(state.position);
      while (ch !== 0) {
        while (is_WHITE_SPACE(ch)) {
          ch = state.input.charCodeAt(++state.position);
        }
        if (allowComments && ch === 35) {
          do {
            ch = state.input.charCodeAt(++state.position);
          } while (ch !== 10 && ch !== 13 && ch !== 0);
        }
        if (is_EOL(ch)) {
          readLineBreak(state);
          ch = state.input.charCodeAt(state.position);
          lineBreaks++;
          state.lineIndent = 0;
          while (ch === 32) {
            state.lineIndent++;
            ch = state.input.charCodeAt(++state.position);
          }
        } else {
          break;
        }
      }
      if (checkIndent !== -1 && lineBreaks !== 0 && state.lineIndent < checkIndent) {
        throwWarning(state, "deficient indentation");
      }
      return lineBreaks;
    }
    function testDocumentSeparator(state) {
      var _position = state.position, ch;
      ch = state.input.charCodeAt(_position);
      if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(_position + 1) && ch === state.input.charCodeAt(_position + 2)) {
        _position += 3;
        ch = state.input.charCodeAt(_position);
        if (ch === 0 || is_WS_OR_EOL(ch)) {
          return true;
        }
      }
      return false;
    }
    function writeFoldedLines(state, count) {
      if (count === 1) {
        state.result += " ";
      } else if (count > 1) {
        state.result += common.repeat("\n", count - 1);
      }
    }
    function readPlainScalar(state, nodeIndent, withinFlowCollection) {
      var preceding, following, captureStart, captureEnd, hasPendingContent, _line, _lineStart, _lineIndent, _kind = state.kind, _result = state.result, ch;
      ch = state.input.charCodeAt(state.position);
      if (is_WS_OR_EOL(ch) || is_FLOW_INDICATOR(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96) {
        return false;
      }
      if (ch === 63 || ch === 45) {
        following = state.input.charCodeAt(state.position + 1);
        if (is_WS_OR_EOL(following) || withinFlowCollection && is_FLOW_INDICATOR(following)) {
          return false;
        }
      }
      state.kind = "scalar";
      state.result = "";
      captureStart = captureEnd = state.position;
      hasPendingContent = false;
      while (ch !== 0) {
        if (ch === 58) {
          following = state.input.charCodeAt(state.position + 1);
          if (is_WS_OR_EOL(following) || withinFlowCollection && is_FLOW_INDICATOR(following)) {
            break;
          }
        } else if (ch === 35) {
          preceding = state.input.charCodeAt(state.position - 1);
          if (is_WS_OR_EOL(preceding)) {
            break;
          }
        } else if (state.position === state.lineStart && testDocumentSeparator(state) || withinFlowCollection && is_FLOW_INDICATOR(ch)) {
          break;
        } else if (is_EOL(ch)) {
          _line = state.line;
          _lineStart = state.lineStart;
          _lineIndent = state.lineIndent;
          skipSeparationSpace(state, false, -1);
          if (state.lineIndent >= nodeIndent) {
            hasPendingContent = true;
            ch = state.input.charCodeAt(state.position);
            continue;
          } else {
            state.position = captureEnd;
            state.line = _line;
            state.lineStart = _lineStart;
            state.lineIndent = _lineIndent;
            break;
          }
        }
        if (hasPendingContent) {
          captureSegment(state, captureStart, captureEnd, false);
          writeFoldedLines(state, state.line - _line);
          captureStart = captureEnd = state.position;
          hasPendingContent = false;
        }
        if (!is_WHITE_SPACE(ch)) {
          captureEnd = state.position + 1;
        }
        ch = state.input.charCodeAt(++state.position);
      }
      captureSegment(state, captureStart, captureEnd, false);
      if (state.result) {
        return true;
      }
      state.kind = _kind;
      state.result = _result;
      return false;
    }
    function readSingleQuotedScalar(state, nodeIndent) {
      var ch, captureStart, captureEnd;
      ch = state.input.charCodeAt(state.position);
      if (ch !== 39) {
        return false;
      }
      state.kind = "scalar";
      state.result = "";
      state.position++;
      captureStart = captureEnd = state.position;
      while ((ch = state.input.charCodeAt(state.position)) !== 0) {
        if (ch === 39) {
          captureSegment(state, captureStart, state.position, true);
          ch = state.input.charCodeAt(++state.position);
          if (ch === 39) {
            captureStart = state.position;
            state.position++;
            captureEnd = state.position;
          } else {
            return true;
          }
        } else if (is_EOL(ch)) {
          captureSegment(state, captureStart, captureEnd, true);
          writeFoldedLines(state, skipSeparationSpace(state, false, nodeIndent));
          captureStart = captureEnd = state.position;
        } else if (state.position === state.lineStart && testDocumentSeparator(state)) {
          throwError(state, "unexpected end of the document within a single quoted scalar");
        } else {
          state.position++;
          captureEnd = state.position;
        }
      }
      throwError(state, "unexpected end of the stream within a single quoted scalar");
    }
    function readDoubleQuotedScalar(state, nodeIndent) {
      var captureStart, captureEnd, hexLength, hexResult, tmp, ch;
      ch = state.input.charCodeAt(state.position);
      if (ch !== 34) {
        return false;
      }
      state.kind = "scalar";
      state.result = "";
      state.position++;
      captureStart = captureEnd = state.position;
      while ((ch = state.input.charCodeAt(state.position)) !== 0) {
        if (ch === 34) {
          captureSegment(state, captureStart, state.position, true);
          state.position++;
          return true;
        } else if (ch === 92) {
          captureSegment(state, captureStart, state.position, true);
          ch = state.input.charCodeAt(++state.position);
          if (is_EOL(ch)) {
            skipSeparationSpace(state, false, nodeIndent);
          } else if (ch < 256 && simpleEscapeCheck[ch]) {
            state.result += simpleEscapeMap[ch];
            state.position++;
          } else if ((tmp = escapedHexLen(ch)) > 0) {
            hexLength = tmp;
            hexResult = 0;
            for (; hexLength > 0; hexLength--) {
              ch = state.input.charCodeAt(++state.position);
              if ((tmp = fromHexCode(ch)) >= 0) {
                hexResult = (hexResult << 4) + tmp;
              } else {
                throwError(state, "expected hexadecimal character");
              }
            }
            state.result += charFromCodepoint(hexResult);
            state.position++;
          } else {
            throwError(state, "unknown escape sequence");
          }
          captureStart = captureEnd = state.position;
        } else if (is_EOL(ch)) {
          captureSegment(state, captureStart, captureEnd, true);
          writeFoldedLines(state, skipSeparationSpace(state, false, nodeIndent));
          captureStart = captureEnd = state.position;
        } else if (state.position === state.lineStart && testDocumentSeparator(state)) {
          throwError(state, "unexpected end of the document within a double quoted scalar");
        } else {
          state.position++;
          captureEnd = state.position;
        }
      }
      throwError(state, "unexpected end of the stream within a double quoted scalar");
    }
    function readFlowCollection(state, nodeIndent) {
      var readNext = true, _line, _tag = state.tag, _result, _anchor = state.anchor, following, terminator, isPair, isExplicitPair, isMapping, overridableKeys = {}, keyNode, keyTag, valueNode, ch;
      ch = state.input.charCodeAt(state.position);
      if (ch === 91) {
        terminator = 93;
        isMapping = false;
        _result = [];
      } else if (ch === 123) {
        terminator = 125;
        isMapping = true;
        _result = {};
      } else {
        return false;
      }
      if (state.anchor !== null) {
        state.anchorMap[state.anchor] = _result;
      }
      ch = state.input.charCodeAt(++state.position);
      while (ch !== 0) {
        skipSeparationSpace(state, true, nodeIndent);
        ch = state.input.charCodeAt(state.position);
        if (ch === terminator) {
          state.position++;
          state.tag = _tag;
          state.anchor = _anchor;
          state.kind = isMapping ? "mapping" : "sequence";
          state.result = _result;
          return true;
        } else if (!readNext) {
          throwError(state, "missed comma between flow collection entries");
        }
        keyTag = keyNode = valueNode = null;
        isPair = isExplicitPair = false;
        if (ch === 63) {
          following = state.input.charCodeAt(state.position + 1);
          if (is_WS_OR_EOL(following)) {
            isPair = isExplicitPair = true;
            state.position++;
            skipSeparationSpace(state, true, nodeIndent);
          }
        }
        _line = state.line;
        composeNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
        keyTag = state.tag;
        keyNode = state.result;
        skipSeparationSpace(state, true, nodeIndent);
        ch = state.input.charCodeAt(state.position);
        if ((isExplicitPair || state.line === _line) && ch === 58) {
          isPair = true;
          ch = state.input.charCodeAt(++state.position);
          skipSeparationSpace(state, true, nodeIndent);
          composeNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
          valueNode = state.result;
        }
        if (isMapping) {
          storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode);
        } else if (isPair) {
          _result.push(storeMappingPair(state, null, overridableKeys, keyTag, keyNode, valueNode));
        } else {
          _result.push(keyNode);
        }
        skipSeparationSpace(state, true, nodeIndent);
        ch = state.input.charCodeAt(state.position);
        if (ch === 44) {
          readNext = true;
          ch = state.input.charCodeAt(++state.position);
        } else {
          readNext = false;
        }
      }
      throwError(state, "unexpected end of the stream within a flow collection");
    }
    function readBlockScalar(state, nodeIndent) {
      var captureStart, folding, chomping = CHOMPING_CLIP, didReadContent = false, detectedIndent = false, textIndent = nodeIndent, emptyLines = 0, atMoreIndented = false, tmp, ch;
      ch = state.input.charCodeAt(state.position);
      if (ch === 124) {
        folding = false;
      } else if (ch === 62) {
        folding = true;
      } else {
        return false;
      }
      state.kind = "scalar";
      state.result = "";
      while (ch !== 0) {
        ch = state.input.charCodeAt(++state.position);
        if (ch === 43 || ch === 45) {
          if (CHOMPING_CLIP === chomping) {
            chomping = ch === 43 ? CHOMPING_KEEP : CHOMPING_STRIP;
          } else {
            throwError(state, "repeat of a chomping mode identifier");
          }
        } else if ((tmp = fromDecimalCode(ch)) >= 0) {
          if (tmp === 0) {
            throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
          } else if (!detectedIndent) {
            textIndent = nodeIndent + tmp - 1;
            detectedIndent = true;
          } else {
            throwError(state, "repeat of an indentation width identifier");
          }
        } else {
          break;
        }
      }
      if (is_WHITE_SPACE(ch)) {
        do {
          ch = state.input.charCodeAt(++state.position);
        } while (is_WHITE_SPACE(ch));
        if (ch === 35) {
          do {
            ch = state.input.charCodeAt(++state.position);
          } while (!is_EOL(ch) && ch !== 0);
        }
      }
      while (ch !== 0) {
        readLineBreak(state);
        state.lineIndent = 0;
        ch = state.input.charCodeAt(state.position);
        while ((!detectedIndent || state.lineIndent < textIndent) && ch === 32) {
          state.lineIndent++;
          ch = state.input.charCodeAt(++state.position);
        }
        if (!detectedIndent && state.lineIndent > textIndent) {
          textIndent = state.lineIndent;
        }
        if (is_EOL(ch)) {
          emptyLines++;
          continue;
        }
        if (state.lineIndent < textIndent) {
          if (chomping === CHOMPING_KEEP) {
            state.result += common.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
          } else if (chomping === CHOMPING_CLIP) {
            if (didReadContent) {
              state.result += "\n";
            }
          }
          break;
        }
        if (folding) {
          if (is_WHITE_SPACE(ch)) {
            atMoreIndented = true;
            state.result += common.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
          } else if (atMoreIndented) {
            atMoreIndented = false;
            state.result += common.repeat("\n", emptyLines + 1);
          } else if (emptyLines === 0) {
            if (didReadContent) {
              state.result += " ";
            }
          } else {
            state.result += common.repeat("\n", emptyLines);
          }
        } else {
          state.result += common.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
        }
        didReadContent = true;
        detectedIndent = true;
        emptyLines = 0;
        captureStart = state.position;
        while (!is_EOL(ch) && ch !== 0) {
          ch = state.input.charCodeAt(++state.position);
        }
        captureSegment(state, captureStart, state.position, false);
      }
      return true;
    }
    function readBlockSequence(state, nodeIndent) {
      var _line, _tag = state.tag, _anchor = state.anchor, _result = [], following, detected = false, ch;
      if (state.anchor !== null) {
        state.anchorMap[state.anchor] = _result;
      }
      ch = state.input.charCodeAt(state.position);
      while (ch !== 0) {
        if (ch !== 45) {
          break;
        }
        following = state.input.charCodeAt(state.position + 1);
        if (!is_WS_OR_EOL(following)) {
          break;
        }
        detected = true;
        state.position++;
        if (skipSeparationSpace(state, true, -1)) {
          if (state.lineIndent <= nodeIndent) {
            _result.push(null);
            ch = state.input.charCodeAt(state.position);
            continue;
          }
        }
        _line = state.line;
        composeNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
        _result.push(state.result);
        skipSeparationSpace(state, true, -1);
        ch = state.input.charCodeAt(state.position);
        if ((state.line === _line || state.lineIndent > nodeIndent) && ch !== 0) {
          throwError(state, "bad indentation of a sequence entry");
        } else if (state.lineIndent < nodeIndent) {
          break;
        }
      }
      if (detected) {
        state.tag = _tag;
        state.anchor = _anchor;
        state.kind = "sequence";
        state.result = _result;
        return true;
      }
      return false;
    }
    function readBlockMapping(state, nodeIndent, flowIndent) {
      var following, allowCompact, _line, _pos, _tag = state.tag, _anchor = state.anchor, _result = {}, overridableKeys = {}, keyTag = null, keyNode = null, valueNode = null, atExplicitKey = false, detected = false, ch;
      if (state.anchor !== null) {
        state.anchorMap[state.anchor] = _result;
      }
      ch = state.input.charCodeAt(state.position);
      while (ch !== 0) {
        following = state.input.charCodeAt(state.position + 1);
        _line = state.line;
        _pos = state.position;
        if ((ch === 63 || ch === 58) && is_WS_OR_EOL(following)) {
          if (ch === 63) {
            if (atExplicitKey) {
              storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null);
              keyTag = keyNode = valueNode = null;
            }
            detected = true;
            atExplicitKey = true;
            allowCompact = true;
          } else if (atExplicitKey) {
            atExplicitKey = false;
            allowCompact = true;
          } else {
            throwError(state, "incomplete explicit mapping pair; a key node is missed; or followed by a non-tabulated empty line");
          }
          state.position += 1;
          ch = following;
        } else if (composeNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) {
          if (state.line === _line) {
            ch = state.input.charCodeAt(state.position);
            while (is_WHITE_SPACE(ch)) {
              ch = state.input.charCodeAt(++state.position);
            }
            if (ch === 58) {
              ch = state.input.charCodeAt(++state.position);
              if (!is_WS_OR_EOL(ch)) {
                throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
              }
              if (atExplicitKey) {
                storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null);
                keyTag = keyNode = valueNode = null;
              }
              detected = true;
              atExplicitKey = false;
              allowCompact = false;
              keyTag = state.tag;
              keyNode = state.result;
            } else if (detected) {
              throwError(state, "can not read an implicit mapping pair; a colon is missed");
            } else {
              state.tag = _tag;
              state.anchor = _anchor;
              return true;
            }
          } else if (detected) {
            throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
          } else {
            state.tag = _tag;
            state.anchor = _anchor;
            return true;
          }
        } else {
          break;
        }
        if (state.line === _line || state.lineIndent > nodeIndent) {
          if (composeNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, allowCompact)) {
            if (atExplicitKey) {
              keyNode = state.result;
            } else {
              valueNode = state.result;
            }
          }
          if (!atExplicitKey) {
            storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, _line, _pos);
            keyTag = keyNode = valueNode = null;
          }
          skipSeparationSpace(state, true, -1);
          ch = state.input.charCodeAt(state.position);
        }
        if (state.lineIndent > nodeIndent && ch !== 0) {
          throwError(state, "bad indentation of a mapping entry");
        } else if (state.lineIndent < nodeIndent) {
          break;
        }
      }
      if (atExplicitKey) {
        storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null);
      }
      if (detected) {
        state.tag = _tag;
        state.anchor = _anchor;
        state.kind = "mapping";
        state.result = _result;
      }
      return detected;
    }
    function readTagProperty(state) {
      var _position, isVerbatim = false, isNamed = false, tagHandle, tagName, ch;
      ch = state.input.charCodeAt(state.position);
      if (ch !== 33) return false;
      if (state.tag !== null) {
        throwError(state, "duplication of a tag property");
      }
      ch = state.input.charCodeAt(++state.position);
      if (ch === 60) {
        isVerbatim = true;
        ch = state.input.charCodeAt(++state.position);
      } else if (ch === 33) {
        isNamed = true;
        tagHandle = "!!";
        ch = state.input.charCodeAt(++state.position);
      } else {
        tagHandle = "!";
      }
      _position = state.position;
      if (isVerbatim) {
        do {
          ch = state.input.charCodeAt(++state.position);
        } while (ch !== 0 && ch !== 62);
        if (state.position < state.length) {
          tagName = state.input.slice(_position, state.position);
          ch = state.input.charCodeAt(++state.position);
        } else {
          throwError(state, "unexpected end of the stream within a verbatim tag");
        }
      } else {
        while (ch !== 0 && !is_WS_OR_EOL(ch)) {
          if (ch === 33) {
            if (!isNamed) {
              tagHandle = state.input.slice(_position - 1, state.position + 1);
              if (!PATTERN_TAG_HANDLE.test(tagHandle)) {
                throwError(state, "named tag handle cannot contain such characters");
              }
              isNamed = true;
              _position = state.position + 1;
            } else {
              throwError(state, "tag suffix cannot contain exclamation marks");
            }
          }
          ch = state.input.charCodeAt(++state.position);
        }
        tagName = state.input.slice(_position, state.position);
        if (PATTERN_FLOW_INDICATORS.test(tagName)) {
          throwError(state, "tag suffix cannot contain flow indicator characters");
        }
      }
      if (tagName && !PATTERN_TAG_URI.test(tagName)) {
        throwError(state, "tag name cannot contain such characters: " + tagName);
      }
      if (isVerbatim) {
        state.tag = tagName;
      } else if (_hasOwnProperty.call(state.tagMap, tagHandle)) {
        state.tag = state.tagMap[tagHandle] + tagName;
      } else if (tagHandle === "!") {
        state.tag = "!" + tagName;
      } else if (tagHandle === "!!") {
        state.tag = "tag:yaml.org,2002:" + tagName;
      } else {
        throwError(state, 'undeclared tag handle "' + tagHandle + '"');
      }
      return true;
    }
    function readAnchorProperty(state) {
      var _position, ch;
      ch = state.input.charCodeAt(state.position);
      if (ch !== 38) return false;
      if (state.anchor !== null) {
        throwError(state, "duplication of an anchor property");
      }
      ch = state.input.charCodeAt(++state.position);
      _position = state.position;
      while (ch !== 0 && !is_WS_OR_EOL(ch) && !is_FLOW_INDICATOR(ch)) {
        ch = state.input.charCodeAt(++state.position);
      }
      if (state.position === _position) {
        throwError(state, "name of an anchor node must contain at least one character");
      }
      state.anchor = state.input.slice(_position, state.position);
      return true;
    }
    function readAlias(state) {
      var _position, alias, ch;
      ch = state.input.charCodeAt(state.position);
      if (ch !== 42) return false;
      ch = state.input.charCodeAt(++state.position);
      _position = state.position;
      while (ch !== 0 && !is_WS_OR_EOL(ch) && !is_FLOW_INDICATOR(ch)) {
        ch = state.input.charCodeAt(++state.position);
      }
      if (state.position === _position) {
        throwError(state, "name of an alias node must contain at least one character");
      }
      alias = state.input.slice(_position, state.position);
      if (!_hasOwnProperty.call(state.anchorMap, alias)) {
        throwError(state, 'unidentified alias "' + alias + '"');
      }
      state.result = state.anchorMap[alias];
      skipSeparationSpace(state, true, -1);
      return true;
    }
    function composeNode(state, parentIndent, nodeContext, allowToSeek, allowCompact) {
      var allowBlockStyles, allowBlockScalars, allowBlockCollections, indentStatus = 1, atNewLine = false, hasContent = false, typeIndex, typeQuantity, type, flowIndent, blockIndent;
      if (state.listener !== null) {
        state.listener("open", state);
      }
      state.tag = null;
      state.anchor = null;
      state.kind = null;
      state.result = null;
      allowBlockStyles = allowBlockScalars = allowBlockCollections = CONTEXT_BLOCK_OUT === nodeContext || CONTEXT_BLOCK_IN === nodeContext;
      if (allowToSeek) {
        if (skipSeparationSpace(state, true, -1)) {
          atNewLine = true;
          if (state.lineIndent > parentIndent) {
            indentStatus = 1;
          } else if (state.lineIndent === parentIndent) {
            indentStatus = 0;
          } else if (state.lineIndent < parentIndent) {
            indentStatus = -1;
          }
        }
      }
      if (indentStatus === 1) {
        while (readTagProperty(state) || readAnchorProperty(state)) {
          if (skipSeparationSpace(state, true, -1)) {
            atNewLine = true;
            allowBlockCollections = allowBlockStyles;
            if (state.lineIndent > parentIndent) {
              indentStatus = 1;
            } else if (state.lineIndent === parentIndent) {
              indentStatus = 0;
            } else if (state.lineIndent < parentIndent) {
              indentStatus = -1;
            }
          } else {
            allowBlockCollections = false;
          }
        }
      }
      if (allowBlockCollections) {
        allowBlockCollections = atNewLine || allowCompact;
      }
      if (indentStatus === 1 || CONTEXT_BLOCK_OUT === nodeContext) {
        if (CONTEXT_FLOW_IN === nodeContext || CONTEXT_FLOW_OUT === nodeContext) {
          flowIndent = parentIndent;
        } else {
          flowIndent = parentIndent + 1;
        }
        blockIndent = state.position - state.lineStart;
        if (indentStatus === 1) {
          if (allowBlockCollections && (readBlockSequence(state, blockIndent) || readBlockMapping(state, blockIndent, flowIndent)) || readFlowCollection(state, flowIndent)) {
            hasContent = true;
          } else {
            if (allowBlockScalars && readBlockScalar(state, flowIndent) || readSingleQuotedScalar(state, flowIndent) || readDoubleQuotedScalar(state, flowIndent)) {
              hasContent = true;
            } else if (readAlias(state)) {
              hasContent = true;
              if (state.tag !== null || state.anchor !== null) {
                throwError(state, "alias node should not have any properties");
              }
            } else if (readPlainScalar(state, flowIndent, CONTEXT_FLOW_IN === nodeContext)) {
              hasContent = true;
              if (state.tag === null) {
                state.tag = "?";
              }
            }
            if (state.anchor !== null) {
              state.anchorMap[state.anchor] = state.result;
            }
          }
        } else if (indentStatus === 0) {
          hasContent = allowBlockCollections && readBlockSequence(state, blockIndent);
        }
      }
      if (state.tag !== null && state.tag !== "!") {
        if (state.tag === "?") {
          if (state.result !== null && state.kind !== "scalar") {
            throwError(state, 'unacceptable node kind for !<?> tag; it should be "scalar", not "' + state.kind + '"');
          }
          for (typeIndex = 0, typeQuantity = state.implicitTypes.length; typeIndex < typeQuantity; typeIndex += 1) {
            type = state.implicitTypes[typeIndex];
            if (type.resolve(state.result)) {
              state.result = type.construct(state.result);
              state.tag = type.tag;
              if (state.anchor !== null) {
                state.anchorMap[state.anchor] = state.result;
              }
              break;
            }
          }
        } else if (_hasOwnProperty.call(state.typeMap[state.kind || "fallback"], state.tag)) {
          type = state.typeMap[state.kind || "fallback"][state.tag];
          if (state.result !== null && type.kind !== state.kind) {
            throwError(state, "unacceptable node kind for !<" + state.tag + '> tag; it should be "' + type.kind + '", not "' + state.kind + '"');
          }
          if (!type.resolve(state.result)) {
            throwError(state, "cannot resolve a node with !<" + state.tag + "> explicit tag");
          } else {
            state.result = type.construct(state.result);
            if (state.anchor !== null) {
              state.anchorMap[state.anchor] = state.result;
            }
          }
        } else {
          throwError(state, "unknown tag !<" + state.tag + ">");
        }
      }
      if (state.listener !== null) {
        state.listener("close", state);
      }
      return state.tag !== null || state.anchor !== null || hasContent;
    }
    function readDocument(state) {
      var documentStart = state.position, _position, directiveName, directiveArgs, hasDirectives = false, ch;
      state.version = null;
      state.checkLineBreaks = state.legacy;
      state.tagMap = {};
      state.anchorMap = {};
      while ((ch = state.input.charCodeAt(state.position)) !== 0) {
        skipSeparationSpace(state, true, -1);
        ch = state.input.charCodeAt(state.position);
        if (state.lineIndent > 0 || ch !== 37) {
          break;
        }
        hasDirectives = true;
        ch = state.input.charCodeAt(++state.position);
        _position = state.position;
        while (ch !== 0 && !is_WS_OR_EOL(ch)) {
          ch = state.input.charCodeAt(++state.position);
        }
        directiveName = state.input.slice(_position, state.position);
        directiveArgs = [];
        if (directiveName.length < 1) {
          throwError(state, "directive name must not be less than one character in length");
        }
        while (ch !== 0) {
          while (is_WHITE_SPACE(ch)) {
            ch = state.input.charCodeAt(++state.position);
          }
          if (ch === 35) {
            do {
              ch = state.input.charCodeAt(++state.position);
            } while (ch !== 0 && !is_EOL(ch));
            break;
          }
          if (is_EOL(ch)) break;
          _position = state.position;
          while (ch !== 0 && !is_WS_OR_EOL(ch)) {
            ch = state.input.charCodeAt(++state.position);
          }
          directiveArgs.push(state.input.slice(_position, state.position));
        }
        if (ch !== 0) readLineBreak(state);
        if (_hasOwnProperty.call(directiveHandlers, directiveName)) {
          directiveHandlers[directiveName](state, directiveName, directiveArgs);
        } else {
          throwWarning(state, 'unknown document directive "' + directiveName + '"');
        }
      }
      skipSeparationSpace(state, true, -1);
      if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45) {
        state.position += 3;
        skipSeparationSpace(state, true, -1);
      } else if (hasDirectives) {
        throwError(state, "directives end mark is expected");
      }
      composeNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, true);
      skipSeparationSpace(state, true, -1);
      if (state.checkLineBreaks && PATTERN_NON_ASCII_LINE_BREAKS.test(state.input.slice(documentStart, state.position))) {
        throwWarning(state, "non-ASCII line breaks are interpreted as content");
      }
      state.documents.push(state.result);
      if (state.position === state.lineStart && testDocumentSeparator(state)) {
        if (state.input.charCodeAt(state.position) === 46) {
          state.position += 3;
          skipSeparationSpace(state, true, -1);
        }
        return;
      }
      if (state.position < state.length - 1) {
        throwError(state, "end of the stream or a document separator is expected");
      } else {
        return;
      }
    }
    function loadDocuments(input, options) {
      input = String(input);
      options = options || {};
      if (input.length !== 0) {
        if (input.charCodeAt(input.length - 1) !== 10 && input.charCodeAt(input.length - 1) !== 13) {
          input += "\n";
        }
        if (input.charCodeAt(0) === 65279) {
          input = input.slice(1);
        }
      }
      var state = new State(input, options);
      var nullpos = input.indexOf("\0");
      if (nullpos !== -1) {
        state.position = nullpos;
        throwError(state, "null byte is not allowed in input");
      }
      state.input += "\0";
      while (state.input.charCodeAt(state.position) === 32) {
        state.lineIndent += 1;
        state.position += 1;
      }
      while (state.position < state.length - 1) {
        readDocument(state);
      }
      return state.documents;
    }
    function loadAll(input, iterator, options) {
      if (iterator !== null && typeof iterator === "object" && typeof options === "undefined") {
        options = iterator;
        iterator = null;
      }
      var documents = loadDocuments(input, options);
      if (typeof iterator !== "function") {
        return documents;
      }
      for (var index = 0, length = documents.length; index < length; index += 1) {
        iterator(documents[index]);
      }
    }
    function load(input, options) {
      var documents = loadDocuments(input, options);
      if (documents.length === 0) {
        return void 0;
      } else if (documents.length === 1) {
        return documents[0];
      }
      throw new YAMLException("expected a single document in the stream, but found more");
    }
    function safeLoadAll(input, iterator, options) {
      if (typeof iterator === "object" && iterator !== null && typeof options === "undefined") {
        options = iterator;
        iterator = null;
      }
      return loadAll(input, iterator, common.extend({ schema: DEFAULT_SAFE_SCHEMA }, options));
    }
    function safeLoad(input, options) {
      return load(input, common.extend({ schema: DEFAULT_SAFE_SCHEMA }, options));
    }
    module.exports.loadAll = loadAll;
    module.exports.load = load;
    module.exports.safeLoadAll = safeLoadAll;
    module.exports.safeLoad = safeLoad;
  }
});

// node_modules/js-yaml/lib/js-yaml/dumper.js
var require_dumper = __commonJS({
  "node_modules/js-yaml/lib/js-yaml/dumper.js"(exports, module) {
    "use strict";
    var common = require_common();
    var YAMLException = require_exception();
    var DEFAULT_FULL_SCHEMA = require_default_full();
    var DEFAULT_SAFE_SCHEMA = require_default_safe();
    var _toString = Object.prototype.toString;
    var _hasOwnProperty = Object.prototype.hasOwnProperty;
    var CHAR_TAB = 9;
    var CHAR_LINE_FEED = 10;
    var CHAR_CARRIAGE_RETURN = 13;
    var CHAR_SPACE = 32;
    var CHAR_EXCLAMATION = 33;
    var CHAR_DOUBLE_QUOTE = 34;
    var CHAR_SHARP = 35;
    var CHAR_PERCENT = 37;
    var CHAR_AMPERSAND = 38;
    var CHAR_SINGLE_QUOTE = 39;
    var CHAR_ASTERISK = 42;
    var CHAR_COMMA = 44;
    var CHAR_MINUS = 45;
    var CHAR_COLON = 58;
    var CHAR_EQUALS = 61;
    var CHAR_GREATER_THAN = 62;
    var CHAR_QUESTION = 63;
    var CHAR_COMMERCIAL_AT = 64;
    var CHAR_LEFT_SQUARE_BRACKET = 91;
    var CHAR_RIGHT_SQUARE_BRACKET = 93;
    var CHAR_GRAVE_ACCENT = 96;
    var CHAR_LEFT_CURLY_BRACKET = 123;
    var CHAR_VERTICAL_LINE = 124;
    var CHAR_RIGHT_CURLY_BRACKET = 125;
    var ESCAPE_SEQUENCES = {};
    ESCAPE_SEQUENCES[0] = "\\0";
    ESCAPE_SEQUENCES[7] = "\\a";
    ESCAPE_SEQUENCES[8] = "\\b";
    ESCAPE_SEQUENCES[9] = "\\t";
    ESCAPE_SEQUENCES[10] = "\\n";
    ESCAPE_SEQUENCES[11] = "\\v";
    ESCAPE_SEQUENCES[12] = "\\f";
    ESCAPE_SEQUENCES[13] = "\\r";
    ESCAPE_SEQUENCES[27] = "\\e";
    ESCAPE_SEQUENCES[34] = '\\"';
    ESCAPE_SEQUENCES[92] = "\\\\";
    ESCAPE_SEQUENCES[133] = "\\N";
    ESCAPE_SEQUENCES[160] = "\\_";
    ESCAPE_SEQUENCES[8232] = "\\L";
    ESCAPE_SEQUENCES[8233] = "\\P";
    var DEPRECATED_BOOLEANS_SYNTAX = [
      "y",
      "Y",
      "yes",
      "Yes",
      "YES",
      "on",
      "On",
      "ON",
      "n",
      "N",
      "no",
      "No",
      "NO",
      "off",
      "Off",
      "OFF"
    ];
    function compileStyleMap(schema, map) {
      var result, keys, index, length, tag, style, type;
      if (map === null) return {};
      result = {};
      keys = Object.keys(map);
      for (index = 0, length = keys.length; index < length; index += 1) {
        tag = keys[index];
        style = String(map[tag]);
        if (tag.slice(0, 2) === "!!") {
          tag = "tag:yaml.org,2002:" + tag.slice(2);
        }
        type = schema.compiledTypeMap["fallback"][tag];
        if (type && _hasOwnProperty.call(type.styleAliases, style)) {
          style = type.styleAliases[style];
        }
        result[tag] = style;
      }
      return result;
    }
    function encodeHex(character) {
      var string, handle, length;
      string = character.toString(16).toUpperCase();
      if (character <= 255) {
        handle = "x";
        length = 2;
      } else if (character <= 65535) {
        handle = "u";
        length = 4;
      } else if (character <= 4294967295) {
        handle = "U";
        length = 8;
      } else {
        throw new YAMLException("code point within a string may not be greater than 0xFFFFFFFF");
      }
      return "\\" + handle + common.repeat("0", length - string.length) + string;
    }
    function State(options) {
      this.schema = options["schema"] || DEFAULT_FULL_SCHEMA;
      this.indent = Math.max(1, options["indent"] || 2);
      this.noArrayIndent = options["noArrayIndent"] || false;
      this.skipInvalid = options["skipInvalid"] || false;
      this.flowLevel = common.isNothing(options["flowLevel"]) ? -1 : options["flowLevel"];
      this.styleMap = compileStyleMap(this.schema, options["styles"] || null);
      this.sortKeys = options["sortKeys"] || false;
      this.lineWidth = options["lineWidth"] || 80;
      this.noRefs = options["noRefs"] || false;
      this.noCompatMode = options["noCompatMode"] || false;
      this.condenseFlow = options["condenseFlow"] || false;
      this.implicitTypes = this.schema.compiledImplicit;
      this.explicitTypes = this.schema.compiledExplicit;
      this.tag = null;
      this.result = "";
      this.duplicates = [];
      this.usedDuplicates = null;
    }
    function indentString(string, spaces) {
      var ind = common.repeat(" ", spaces), position = 0, next = -1, result = "", line, length = string.length;
      while (position < length) {
        next = string.indexOf("\n", position);
        if (next === -1) {
          line = string.slice(position);
          position = length;
        } else {
          line = string.slice(position, next + 1);
          position = next + 1;
        }
        if (line.length && line !== "\n") result += ind;
        result += line;
      }
      return result;
    }
    function generateNextLine(state, level) {
      return "\n" + common.repeat(" ", state.indent * level);
    }
    function testImplicitResolving(state, str) {
      var index, length, type;
      for (index = 0, length = state.implicitTypes.length; index < length; index += 1) {
        type = state.implicitTypes[index];
        if (type.resolve(str)) {
          return true;
        }
      }
      return false;
    }
    function isWhitespace(c) {
      return c === CHAR_SPACE || c === CHAR_TAB;
    }
    function isPrintable(c) {
      return 32 <= c && c <= 126 || 161 <= c && c <= 55295 && c !== 8232 && c !== 8233 || 57344 <= c && c <= 65533 && c !== 65279 || 65536 <= c && c <= 1114111;
    }
    function isNsChar(c) {
      return isPrintable(c) && !isWhitespace(c) && c !== 65279 && c !== CHAR_CARRIAGE_RETURN && c !== CHAR_LINE_FEED;
    }
    function isPlainSafe(c, prev) {
      return isPrintable(c) && c !== 65279 && c !== CHAR_COMMA && c !== CHAR_LEFT_SQUARE_BRACKET && c !== CHAR_RIGHT_SQUARE_BRACKET && c !== CHAR_LEFT_CURLY_BRACKET && c !== CHAR_RIGHT_CURLY_BRACKET && c !== CHAR_COLON && (c !== CHAR_SHARP || prev && isNsChar(prev));
    }
    function isPlainSafeFirst(c) {
      return isPrintable(c) && c !== 65279 && !isWhitespace(c) && c !== CHAR_MINUS && c !== CHAR_QUESTION && c !== CHAR_COLON && c !== CHAR_COMMA && c !== CHAR_LEFT_SQUARE_BRACKET && c !== CHAR_RIGHT_SQUARE_BRACKET && c !== CHAR_LEFT_CURLY_BRACKET && c !== CHAR_RIGHT_CURLY_BRACKET && c !== CHAR_SHARP && c !== CHAR_AMPERSAND && c !== CHAR_ASTERISK && c !== CHAR_EXCLAMATION && c !== CHAR_VERTICAL_LINE && c !== CHAR_EQUALS && c !== CHAR_GREATER_THAN && c !== CHAR_SINGLE_QUOTE && c !== CHAR_DOUBLE_QUOTE && c !== CHAR_PERCENT && c !== CHAR_COMMERCIAL_AT && c !== CHAR_GRAVE_ACCENT;
    }
    function needIndentIndicator(string) {
      var leadingSpaceRe = /^\n* /;
      return leadingSpaceRe.test(string);
    }
    var STYLE_PLAIN = 1;
    var STYLE_SINGLE = 2;
    var STYLE_LITERAL = 3;
    var STYLE_FOLDED = 4;
    var STYLE_DOUBLE = 5;
    function chooseScalarStyle(string, singleLineOnly, indentPerLevel, lineWidth, testAmbiguousType) {
      var i;
      var char, prev_char;
      var hasLineBreak = false;
      var hasFoldableLine = false;
      var shouldTrackWidth = lineWidth !== -1;
      var previousLineBreak = -1;
      var plain = isPlainSafeFirst(string.charCodeAt(0)) && !isWhitespace(string.charCodeAt(string.length - 1));
      if (singleLineOnly) {
        for (i = 0; i < string.length; i++) {
          char = string.charCodeAt(i);
          if (!isPrintable(char)) {
            return STYLE_DOUBLE;
          }
          prev_char = i > 0 ? string.charCodeAt(i - 1) : null;
          plain = plain && isPlainSafe(char, prev_char);
        }
      } else {
        for (i = 0; i < string.length; i++) {
          char = string.charCodeAt(i);
          if (char === CHAR_LINE_FEED) {
            hasLineBreak = true;
            if (shouldTrackWidth) {
              hasFoldableLine = hasFoldableLine || // Foldable line = too long, and not more-indented.
              i - previousLineBreak - 1 > lineWidth && string[previousLineBreak + 1] !== " ";
              previousLineBreak = i;
            }
          } else if (!isPrintable(char)) {
            return STYLE_DOUBLE;
          }
          prev_char = i > 0 ? string.charCodeAt(i - 1) : null;
          plain = plain && isPlainSafe(char, prev_char);
        }
        hasFoldableLine = hasFoldableLine || shouldTrackWidth && (i - previousLineBreak - 1 > lineWidth && string[previousLineBreak + 1] !== " ");
      }
      if (!hasLineBreak && !hasFoldableLine) {
        return plain && !testAmbiguousType(string) ? STYLE_PLAIN : STYLE_SINGLE;
      }
      if (indentPerLevel > 9 && needIndentIndicator(string)) {
        return STYLE_DOUBLE;
      }
      return hasFoldableLine ? STYLE_FOLDED : STYLE_LITERAL;
    }
    function writeScalar(state, string, level, iskey) {
      state.dump = (function() {
        if (string.length === 0) {
          return "''";
        }
        if (!state.noCompatMode && DEPRECATED_BOOLEANS_SYNTAX.indexOf(string) !== -1) {
          return "'" + string + "'";
        }
        var indent = state.indent * Math.max(1, level);
        var lineWidth = state.lineWidth === -1 ? -1 : Math.max(Math.min(state.lineWidth, 40), state.lineWidth - indent);
        var singleLineOnly = iskey || state.flowLevel > -1 && level >= state.flowLevel;
        function testAmbiguity(string2) {
          return testImplicitResolving(state, string2);
        }
        switch (chooseScalarStyle(string, singleLineOnly, state.indent, lineWidth, testAmbiguity)) {
          case STYLE_PLAIN:
            return string;
          case STYLE_SINGLE:
            return "'" + string.replace(/'/g, "''") + "'";
          case STYLE_LITERAL:
            return "|" + blockHeader(string, state.indent) + dropEndingNewline(indentString(string, indent));
          case STYLE_FOLDED:
            return ">" + blockHeader(string, state.indent) + dropEndingNewline(indentString(foldString(string, lineWidth), indent));
          case STYLE_DOUBLE:
            return '"' + escapeString(string, lineWidth) + '"';
          default:
            throw new YAMLException("impossible error: invalid scalar style");
        }
      })();
    }
    function blockHeader(string, indentPerLevel) {
      var indentIndicator = needIndentIndicator(string) ? String(indentPerLevel) : "";
      var clip = string[string.length - 1] === "\n";
      var keep = clip && (string[string.length - 2] === "\n" || string === "\n");
      var chomp = keep ? "+" : clip ? "" : "-";
      return indentIndicator + chomp + "\n";
    }
    function dropEndingNewline(string) {
      return string[string.length - 1] === "\n" ? string.slice(0, -1) : string;
    }
    function foldString(string, width) {
      var lineRe = /(\n+)([^\n]*)/g;
      var result = (function() {
        var nextLF = string.indexOf("\n");
        nextLF = nextLF !== -1 ? nextLF : string.length;
        lineRe.lastIndex = nextLF;
        return foldLine(string.slice(0, nextLF), width);
      })();
      var prevMoreIndented = string[0] === "\n" || string[0] === " ";
      var moreIndented;
      var match;
      while (match = lineRe.exec(string)) {
        var prefix = match[1], line = match[2];
        moreIndented = line[0] === " ";
        result += prefix + (!prevMoreIndented && !moreIndented && line !== "" ? "\n" : "") + foldLine(line, width);
        prevMoreIndented = moreIndented;
      }
      return result;
    }
    function foldLine(line, width) {
      if (line === "" || line[0] === " ") return line;
      var breakRe = / [^ ]/g;
      var match;
      var start = 0, end, curr = 0, next = 0;
      var result = "";
      while (match = breakRe.exec(line)) {
        next = match.index;
        if (next - start > width) {
          end = curr > start ? curr : next;
          result += "\n" + line.slice(start, end);
          start = end + 1;
        }
        curr = next;
      }
      result += "\n";
      if (line.length - start > width && curr > start) {
        result += line.slice(start, curr) + "\n" + line.slice(curr + 1);
      } else {
        result += line.slice(start);
      }
      return result.slice(1);
    }
    function escapeString(string) {
      var result = "";
      var char, nextChar;
      var escapeSeq;
      for (var i = 0; i < string.length; i++) {
        char = string.charCodeAt(i);
        if (char >= 55296 && char <= 56319) {
          nextChar = string.charCodeAt(i + 1);
          if (nextChar >= 56320 && nextChar <= 57343) {
            result += encodeHex((char - 55296) * 1024 + nextChar - 56320 + 65536);
            i++;
            continue;
          }
        }
        escapeSeq = ESCAPE_SEQUENCES[char];
        result += !escapeSeq && isPrintable(char) ? string[i] : escapeSeq || encodeHex(char);
      }
      return result;
    }
    function writeFlowSequence(state, level, object) {
      var _result = "", _tag = state.tag, index, length;
      for (index = 0, length = object.length; index < length; index += 1) {
        if (writeNode(state, level, object[index], false, false)) {
          if (index !== 0) _result += "," + (!state.condenseFlow ? " " : "");
          _result += state.dump;
        }
      }
      state.tag = _tag;
      state.dump = "[" + _result + "]";
    }
    function writeBlockSequence(state, level, object, compact) {
      var _result = "", _tag = state.tag, index, length;
      for (index = 0, length = object.length; index < length; index += 1) {
        if (writeNode(state, level + 1, object[index], true, true)) {
          if (!compact || index !== 0) {
            _result += generateNextLine(state, level);
          }
          if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
            _result += "-";
          } else {
            _result += "- ";
          }
          _result += state.dump;
        }
      }
      state.tag = _tag;
      state.dump = _result || "[]";
    }
    function writeFlowMapping(state, level, object) {
      var _result = "", _tag = state.tag, objectKeyList = Object.keys(object), index, length, objectKey, objectValue, pairBuffer;
      for (index = 0, length = objectKeyList.length; index < length; index += 1) {
        pairBuffer = "";
        if (index !== 0) pairBuffer += ", ";
        if (state.condenseFlow) pairBuffer += '"';
        objectKey = objectKeyList[index];
        objectValue = object[objectKey];
        if (!writeNode(state, level, objectKey, false, false)) {
          continue;
        }
        if (state.dump.length > 1024) pairBuffer += "? ";
        pairBuffer += state.dump + (state.condenseFlow ? '"' : "") + ":" + (state.condenseFlow ? "" : " ");
        if (!writeNode(state, level, objectValue, false, false)) {
          continue;
        }
        pairBuffer += state.dump;
        _result += pairBuffer;
      }
      state.tag = _tag;
      state.dump = "{" + _result + "}";
    }
    function writeBlockMapping(state, level, object, compact) {
      var _result = "", _tag = state.tag, objectKeyList = Object.keys(object), index, length, objectKey, objectValue, explicitPair, pairBuffer;
      if (state.sortKeys === true) {
        objectKeyList.sort();
      } else if (typeof state.sortKeys === "function") {
        objectKeyList.sort(state.sortKeys);
      } else if (state.sortKeys) {
        throw new YAMLException("sortKeys must be a boolean or a function");
      }
      for (index = 0, length = objectKeyList.length; index < length; index += 1) {
        pairBuffer = "";
        if (!compact || index !== 0) {
          pairBuffer += generateNextLine(state, level);
        }
        objectKey = objectKeyList[index];
        objectValue = object[objectKey];
        if (!writeNode(state, level + 1, objectKey, true, true, true)) {
          continue;
        }
        explicitPair = state.tag !== null && state.tag !== "?" || state.dump && state.dump.length > 1024;
        if (explicitPair) {
          if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
            pairBuffer += "?";
          } else {
            pairBuffer += "? ";
          }
        }
        pairBuffer += state.dump;
        if (explicitPair) {
          pairBuffer += generateNextLine(state, level);
        }
        if (!writeNode(state, level + 1, objectValue, true, explicitPair)) {
          continue;
        }
        if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
          pairBuffer += ":";
        } else {
          pairBuffer += ": ";
        }
        pairBuffer += state.dump;
        _result += pairBuffer;
      }
      state.tag = _tag;
      state.dump = _result || "{}";
    }
    function detectType(state, object, explicit) {
      var _result, typeList, index, length, type, style;
      typeList = explicit ? state.explicitTypes : state.implicitTypes;
      for (index = 0, length = typeList.length; index < length; index += 1) {
        type = typeList[index];
        if ((type.instanceOf || type.predicate) && (!type.instanceOf || typeof object === "object" && object instanceof type.instanceOf) && (!type.predicate || type.predicate(object))) {
          state.tag = explicit ? type.tag : "?";
          if (type.represent) {
            style = state.styleMap[type.tag] || type.defaultStyle;
            if (_toString.call(type.represent) === "[object Function]") {
              _result = type.represent(object, style);
            } else if (_hasOwnProperty.call(type.represent, style)) {
              _result = type.represent[style](object, style);
            } else {
              throw new YAMLException("!<" + type.tag + '> tag resolver accepts not "' + style + '" style');
            }
            state.dump = _result;
          }
          return true;
        }
      }
      return false;
    }
    function writeNode(state, level, object, block, compact, iskey) {
      state.tag = null;
      state.dump = object;
      if (!detectType(state, object, false)) {
        detectType(state, object, true);
      }
      var type = _toString.call(state.dump);
      if (block) {
        block = state.flowLevel < 0 || state.flowLevel > level;
      }
      var objectOrArray = type === "[object Object]" || type === "[object Array]", duplicateIndex, duplicate;
      if (objectOrArray) {
        duplicateIndex = state.duplicates.indexOf(object);
        duplicate = duplicateIndex !== -1;
      }
      if (state.tag !== null && state.tag !== "?" || duplicate || state.indent !== 2 && level > 0) {
        compact = false;
      }
      if (duplicate && state.usedDuplicates[duplicateIndex]) {
        state.dump = "*ref_" + duplicateIndex;
      } else {
        if (objectOrArray && duplicate && !state.usedDuplicates[duplicateIndex]) {
          state.usedDuplicates[duplicateIndex] = true;
        }
        if (type === "[object Object]") {
          if (block && Object.keys(state.dump).length !== 0) {
            writeBlockMapping(state, level, state.dump, compact);
            if (duplicate) {
              state.dump = "&ref_" + duplicateIndex + state.dump;
            }
          } else {
            writeFlowMapping(state, level, state.dump);
            if (duplicate) {
              state.dump = "&ref_" + duplicateIndex + " " + state.dump;
            }
          }
        } else if (type === "[object Array]") {
          var arrayLevel = state.noArrayIndent && level > 0 ? level - 1 : level;
          if (block && state.dump.length !== 0) {
            writeBlockSequence(state, arrayLevel, state.dump, compact);
            if (duplicate) {
              state.dump = "&ref_" + duplicateIndex + state.dump;
            }
          } else {
            writeFlowSequence(state, arrayLevel, state.dump);
            if (duplicate) {
              state.dump = "&ref_" + duplicateIndex + " " + state.dump;
            }
          }
        } else if (type === "[object String]") {
          if (state.tag !== "?") {
            writeScalar(state, state.dump, level, iskey);
          }
        } else {
          if (state.skipInvalid) return false;
          throw new YAMLException("unacceptable kind of an object to dump " + type);
        }
        if (state.tag !== null && state.tag !== "?") {
          state.dump = "!<" + state.tag + "> " + state.dump;
        }
      }
      return true;
    }
    function getDuplicateReferences(object, state) {
      var objects = [], duplicatesIndexes = [], index, length;
      inspectNode(object, objects, duplicatesIndexes);
      for (index = 0, length = duplicatesIndexes.length; index < length; index += 1) {
        state.duplicates.push(objects[duplicatesIndexes[index]]);
      }
      state.usedDuplicates = new Array(length);
    }
    function inspectNode(object, objects, duplicatesIndexes) {
      var objectKeyList, index, length;
      if (object !== null && typeof object === "object") {
        index = objects.indexOf(object);
        if (index !== -1) {
          if (duplicatesIndexes.indexOf(index) === -1) {
            duplicatesIndexes.push(index);
          }
        } else {
          objects.push(object);
          if (Array.isArray(object)) {
            for (index = 0, length = object.length; index < length; index += 1) {
              inspectNode(object[index], objects, duplicatesIndexes);
            }
          } else {
            objectKeyList = Object.keys(object);
            for (index = 0, length = objectKeyList.length; index < length; index += 1) {
              inspectNode(object[objectKeyList[index]], objects, duplicatesIndexes);
            }
          }
        }
      }
    }
    function dump(input, options) {
      options = options || {};
      var state = new State(options);
      if (!state.noRefs) getDuplicateReferences(input, state);
      if (writeNode(state, 0, input, true, true)) return state.dump + "\n";
      return "";
    }
    function safeDump(input, options) {
      return dump(input, common.extend({ schema: DEFAULT_SAFE_SCHEMA }, options));
    }
    module.exports.dump = dump;
    module.exports.safeDump = safeDump;
  }
});

// node_modules/js-yaml/lib/js-yaml.js
var require_js_yaml = __commonJS({
  "node_modules/js-yaml/lib/js-yaml.js"(exports, module) {
    "use strict";
    var loader = require_loader();
    var dumper = require_dumper();
    function deprecated(name) {
      return function() {
        throw new Error("Function " + name + " is deprecated and cannot be used.");
      };
    }
    module.exports.Type = require_type();
    module.exports.Schema = require_schema();
    module.exports.FAILSAFE_SCHEMA = require_failsafe();
    module.exports.JSON_SCHEMA = require_json();
    module.exports.CORE_SCHEMA = require_core();
    module.exports.DEFAULT_SAFE_SCHEMA = require_default_safe();
    module.exports.DEFAULT_FULL_SCHEMA = require_default_full();
    module.exports.load = loader.load;
    module.exports.loadAll = loader.loadAll;
    module.exports.safeLoad = loader.safeLoad;
    module.exports.safeLoadAll = loader.safeLoadAll;
    module.exports.dump = dumper.dump;
    module.exports.safeDump = dumper.safeDump;
    module.exports.YAMLException = require_exception();
    module.exports.MINIMAL_SCHEMA = require_failsafe();
    module.exports.SAFE_SCHEMA = require_default_safe();
    module.exports.DEFAULT_SCHEMA = require_default_full();
    module.exports.scan = deprecated("scan");
    module.exports.parse = deprecated("parse");
    module.exports.compose = deprecated("compose");
    module.exports.addConstructor = deprecated("addConstructor");
  }
});

// node_modules/js-yaml/index.js
var require_js_yaml2 = __commonJS({
  "node_modules/js-yaml/index.js"(exports, module) {
    "use strict";
    var yaml = require_js_yaml();
    module.exports = yaml;
  }
});

// node_modules/@lhci/utils/src/lighthouserc.js
var require_lighthouserc = __commonJS({
  "node_modules/@lhci/utils/src/lighthouserc.js"(exports, module) {
    "use strict";
    var fs3 = __require("fs");
    var path2 = __require("path");
    var yaml = require_js_yaml2();
    var _ = require_lodash();
    var RC_FILE_NAMES = [
      ".lighthouserc.cjs",
      "lighthouserc.cjs",
      ".lighthouserc.js",
      "lighthouserc.js",
      ".lighthouserc.json",
      "lighthouserc.json",
      ".lighthouserc.yml",
      "lighthouserc.yml",
      ".lighthouserc.yaml",
      "lighthouserc.yaml"
    ];
    var JS_FILE_EXTENSION_REGEX = /\.(cjs|js)$/i;
    var YAML_FILE_EXTENSION_REGEX = /\.(yml|yaml)$/i;
    function recursivelyReplaceDotInKeyName(object) {
      if (typeof object !== "object" || !object) return;
      for (const [key, value] of Object.entries(object)) {
        recursivelyReplaceDotInKeyName(value);
        if (!key.includes(".")) continue;
        delete object[key];
        object[key.replace(/\./g, ":")] = value;
      }
    }
    function loadAndParseRcFile(pathToRcFile) {
      return convertRcFileToYargsOptions(loadRcFile(pathToRcFile), pathToRcFile);
    }
    function loadRcFile(pathToRcFile) {
      const contents = fs3.readFileSync(pathToRcFile, "utf8");
      const rc = parseFileContentToJSON(pathToRcFile, contents);
      recursivelyReplaceDotInKeyName(rc);
      return rc;
    }
    function parseFileContentToJSON(pathToRcFile, contents) {
      if (JS_FILE_EXTENSION_REGEX.test(pathToRcFile)) {
        return __require(pathToRcFile);
      }
      if (YAML_FILE_EXTENSION_REGEX.test(pathToRcFile)) {
        return yaml.safeLoad(contents);
      }
      return JSON.parse(contents);
    }
    function findRcFileInDirectory(dir) {
      for (const file of RC_FILE_NAMES) {
        if (fs3.existsSync(path2.join(dir, file))) return path2.join(dir, file);
      }
    }
    function findRcFile(startDir, opts = {}) {
      const { recursive = false } = opts;
      let lastDir = "";
      let dir = startDir || process.cwd();
      if (!recursive) return findRcFileInDirectory(dir);
      while (lastDir.length !== dir.length) {
        const rcFile = findRcFileInDirectory(dir);
        if (rcFile) return rcFile;
        lastDir = dir;
        dir = path2.join(dir, "..");
      }
    }
    function hasOptedOutOfRcDetection(argv = process.argv, env = process.env) {
      if (env.LHCI_NO_LIGHTHOUSERC) return true;
      if (argv.some((arg) => /no-?lighthouserc/i.test(arg))) return true;
      return false;
    }
    function convertRcFileToYargsOptions(rcFile, pathToRcFile) {
      const ci = flattenRcToConfig(rcFile);
      let merged = { ...ci.wizard, ...ci.assert, ...ci.collect, ...ci.upload, ...ci.server };
      if (ci.extends) {
        const extendedRcFilePath = path2.resolve(path2.dirname(pathToRcFile), ci.extends);
        const extensionBase = loadAndParseRcFile(extendedRcFilePath);
        merged = _.merge(extensionBase, merged);
      }
      return merged;
    }
    function flattenRcToConfig(rc) {
      return {
        ...rc.ci || {},
        ...rc.lhci || {},
        ..._.omit(rc["ci:client"] || {}, ["server"]),
        ..._.pick(rc["ci:server"] || {}, ["server"])
      };
    }
    function resolveRcFilePath(pathToRcFile) {
      if (typeof pathToRcFile === "string") return path2.resolve(process.cwd(), pathToRcFile);
      return hasOptedOutOfRcDetection() ? void 0 : findRcFile();
    }
    module.exports = {
      loadRcFile,
      loadAndParseRcFile,
      findRcFile,
      resolveRcFilePath: (
        /** @type {ResolveRcFilePathTrueType} */
        resolveRcFilePath
      ),
      flattenRcToConfig,
      hasOptedOutOfRcDetection
    };
  }
});

// node_modules/escape-string-regexp/index.js
var require_escape_string_regexp = __commonJS({
  "node_modules/escape-string-regexp/index.js"(exports, module) {
    "use strict";
    module.exports = (string) => {
      if (typeof string !== "string") {
        throw new TypeError("Expected a string");
      }
      return string.replace(/[|\\{}()[\]^$+*?.]/g, "\\$&").replace(/-/g, "\\x2d");
    };
  }
});

// node_modules/ms/index.js
var require_ms = __commonJS({
  "node_modules/ms/index.js"(exports, module) {
    var s = 1e3;
    var m = s * 60;
    var h = m * 60;
    var d = h * 24;
    var w = d * 7;
    var y = d * 365.25;
    module.exports = function(val, options) {
      options = options || {};
      var type = typeof val;
      if (type === "string" && val.length > 0) {
        return parse(val);
      } else if (type === "number" && isFinite(val)) {
        return options.long ? fmtLong(val) : fmtShort(val);
      }
      throw new Error(
        "val is not a non-empty string or a valid number. val=" + JSON.stringify(val)
      );
    };
    function parse(str) {
      str = String(str);
      if (str.length > 100) {
        return;
      }
      var match = /^(-?(?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)?$/i.exec(
        str
      );
      if (!match) {
        return;
      }
      var n = parseFloat(match[1]);
      var type = (match[2] || "ms").toLowerCase();
      switch (type) {
        case "years":
        case "year":
        case "yrs":
        case "yr":
        case "y":
          return n * y;
        case "weeks":
        case "week":
        case "w":
          return n * w;
        case "days":
        case "day":
        case "d":
          return n * d;
        case "hours":
        case "hour":
        case "hrs":
        case "hr":
        case "h":
          return n * h;
        case "minutes":
        case "minute":
        case "mins":
        case "min":
        case "m":
          return n * m;
        case "seconds":
        case "second":
        case "secs":
        case "sec":
        case "s":
          return n * s;
        case "milliseconds":
        case "millisecond":
        case "msecs":
        case "msec":
        case "ms":
          return n;
        default:
          return void 0;
      }
    }
    function fmtShort(ms) {
      var msAbs = Math.abs(ms);
      if (msAbs >= d) {
        return Math.round(ms / d) + "d";
      }
      if (msAbs >= h) {
        return Math.round(ms / h) + "h";
      }
      if (msAbs >= m) {
        return Math.round(ms / m) + "m";
      }
      if (msAbs >= s) {
        return Math.round(ms / s) + "s";
      }
      return ms + "ms";
    }
    function fmtLong(ms) {
      var msAbs = Math.abs(ms);
      if (msAbs >= d) {
        return plural(ms, msAbs, d, "day");
      }
      if (msAbs >= h) {
        return plural(ms, msAbs, h, "hour");
      }
      if (msAbs >= m) {
        return plural(ms, msAbs, m, "minute");
      }
      if (msAbs >= s) {
        return plural(ms, msAbs, s, "second");
      }
      return ms + " ms";
    }
    function plural(ms, msAbs, n, name) {
      var isPlural = msAbs >= n * 1.5;
      return Math.round(ms / n) + " " + name + (isPlural ? "s" : "");
    }
  }
});

// node_modules/debug/src/common.js
var require_common2 = __commonJS({
  "node_modules/debug/src/common.js"(exports, module) {
    function setup(env) {
      createDebug.debug = createDebug;
      createDebug.default = createDebug;
      createDebug.coerce = coerce;
      createDebug.disable = disable;
      createDebug.enable = enable;
      createDebug.enabled = enabled;
      createDebug.humanize = require_ms();
      createDebug.destroy = destroy;
      Object.keys(env).forEach((key) => {
        createDebug[key] = env[key];
      });
      createDebug.names = [];
      createDebug.skips = [];
      createDebug.formatters = {};
      function selectColor(namespace) {
        let hash = 0;
        for (let i = 0; i < namespace.length; i++) {
          hash = (hash << 5) - hash + namespace.charCodeAt(i);
          hash |= 0;
        }
        return createDebug.colors[Math.abs(hash) % createDebug.colors.length];
      }
      createDebug.selectColor = selectColor;
      function createDebug(namespace) {
        let prevTime;
        let enableOverride = null;
        let namespacesCache;
        let enabledCache;
        function debug2(...args) {
          if (!debug2.enabled) {
            return;
          }
          const self = debug2;
          const curr = Number(/* @__PURE__ */ new Date());
          const ms = curr - (prevTime || curr);
          self.diff = ms;
          self.prev = prevTime;
          self.curr = curr;
          prevTime = curr;
          args[0] = createDebug.coerce(args[0]);
          if (typeof args[0] !== "string") {
            args.unshift("%O");
          }
          let index = 0;
          args[0] = args[0].replace(/%([a-zA-Z%])/g, (match, format) => {
            if (match === "%%") {
              return "%";
            }
            index++;
            const formatter = createDebug.formatters[format];
            if (typeof formatter === "function") {
              const val = args[index];
              match = formatter.call(self, val);
              args.splice(index, 1);
              index--;
            }
            return match;
          });
          createDebug.formatArgs.call(self, args);
          const logFn = self.log || createDebug.log;
          logFn.apply(self, args);
        }
        debug2.namespace = namespace;
        debug2.useColors = createDebug.useColors();
        debug2.color = createDebug.selectColor(namespace);
        debug2.extend = extend;
        debug2.destroy = createDebug.destroy;
        Object.defineProperty(debug2, "enabled", {
          enumerable: true,
          configurable: false,
          get: () => {
            if (enableOverride !== null) {
              return enableOverride;
            }
            if (namespacesCache !== createDebug.namespaces) {
              namespacesCache = createDebug.namespaces;
              enabledCache = createDebug.enabled(namespace);
            }
            return enabledCache;
          },
          set: (v) => {
            enableOverride = v;
          }
        });
        if (typeof createDebug.init === "function") {
          createDebug.init(debug2);
        }
        return debug2;
      }
      function extend(namespace, delimiter) {
        const newDebug = createDebug(this.namespace + (typeof delimiter === "undefined" ? ":" : delimiter) + namespace);
        newDebug.log = this.log;
        return newDebug;
      }
      function enable(namespaces) {
        createDebug.save(namespaces);
        createDebug.namespaces = namespaces;
        createDebug.names = [];
        createDebug.skips = [];
        const split = (typeof namespaces === "string" ? namespaces : "").trim().replace(/\s+/g, ",").split(",").filter(Boolean);
        for (const ns of split) {
          if (ns[0] === "-") {
            createDebug.skips.push(ns.slice(1));
          } else {
            createDebug.names.push(ns);
          }
        }
      }
      function matchesTemplate(search, template) {
        let searchIndex = 0;
        let templateIndex = 0;
        let starIndex = -1;
        let matchIndex = 0;
        while (searchIndex < search.length) {
          if (templateIndex < template.length && (template[templateIndex] === search[searchIndex] || template[templateIndex] === "*")) {
            if (template[templateIndex] === "*") {
              starIndex = templateIndex;
              matchIndex = searchIndex;
              templateIndex++;
            } else {
              searchIndex++;
              templateIndex++;
            }
          } else if (starIndex !== -1) {
            templateIndex = starIndex + 1;
            matchIndex++;
            searchIndex = matchIndex;
          } else {
            return false;
          }
        }
        while (templateIndex < template.length && template[templateIndex] === "*") {
          templateIndex++;
        }
        return templateIndex === template.length;
      }
      function disable() {
        const namespaces = [
          ...createDebug.names,
          ...createDebug.skips.map((namespace) => "-" + namespace)
        ].join(",");
        createDebug.enable("");
        return namespaces;
      }
      function enabled(name) {
        for (const skip of createDebug.skips) {
          if (matchesTemplate(name, skip)) {
            return false;
          }
        }
        for (const ns of createDebug.names) {
          if (matchesTemplate(name, ns)) {
            return true;
          }
        }
        return false;
      }
      function coerce(val) {
        if (val instanceof Error) {
          return val.stack || val.message;
        }
        return val;
      }
      function destroy() {
        console.warn("Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`.");
      }
      createDebug.enable(createDebug.load());
      return createDebug;
    }
    module.exports = setup;
  }
});

// node_modules/debug/src/browser.js
var require_browser = __commonJS({
  "node_modules/debug/src/browser.js"(exports, module) {
    exports.formatArgs = formatArgs;
    exports.save = save;
    exports.load = load;
    exports.useColors = useColors;
    exports.storage = localstorage();
    exports.destroy = /* @__PURE__ */ (() => {
      let warned = false;
      return () => {
        if (!warned) {
          warned = true;
          console.warn("Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`.");
        }
      };
    })();
    exports.colors = [
      "#0000CC",
      "#0000FF",
      "#0033CC",
      "#0033FF",
      "#0066CC",
      "#0066FF",
      "#0099CC",
      "#0099FF",
      "#00CC00",
      "#00CC33",
      "#00CC66",
      "#00CC99",
      "#00CCCC",
      "#00CCFF",
      "#3300CC",
      "#3300FF",
      "#3333CC",
      "#3333FF",
      "#3366CC",
      "#3366FF",
      "#3399CC",
      "#3399FF",
      "#33CC00",
      "#33CC33",
      "#33CC66",
      "#33CC99",
      "#33CCCC",
      "#33CCFF",
      "#6600CC",
      "#6600FF",
      "#6633CC",
      "#6633FF",
      "#66CC00",
      "#66CC33",
      "#9900CC",
      "#9900FF",
      "#9933CC",
      "#9933FF",
      "#99CC00",
      "#99CC33",
      "#CC0000",
      "#CC0033",
      "#CC0066",
      "#CC0099",
      "#CC00CC",
      "#CC00FF",
      "#CC3300",
      "#CC3333",
      "#CC3366",
      "#CC3399",
      "#CC33CC",
      "#CC33FF",
      "#CC6600",
      "#CC6633",
      "#CC9900",
      "#CC9933",
      "#CCCC00",
      "#CCCC33",
      "#FF0000",
      "#FF0033",
      "#FF0066",
      "#FF0099",
      "#FF00CC",
      "#FF00FF",
      "#FF3300",
      "#FF3333",
      "#FF3366",
      "#FF3399",
      "#FF33CC",
      "#FF33FF",
      "#FF6600",
      "#FF6633",
      "#FF9900",
      "#FF9933",
      "#FFCC00",
      "#FFCC33"
    ];
    function useColors() {
      if (typeof window !== "undefined" && window.process && (window.process.type === "renderer" || window.process.__nwjs)) {
        return true;
      }
      if (typeof navigator !== "undefined" && navigator.userAgent && navigator.userAgent.toLowerCase().match(/(edge|trident)\/(\d+)/)) {
        return false;
      }
      let m;
      return typeof document !== "undefined" && document.documentElement && document.documentElement.style && document.documentElement.style.WebkitAppearance || // Is firebug? http://stackoverflow.com/a/398120/376773
      typeof window !== "undefined" && window.console && (window.console.firebug || window.console.exception && window.console.table) || // Is firefox >= v31?
      // https://developer.mozilla.org/en-US/docs/Tools/Web_Console#Styling_messages
      typeof navigator !== "undefined" && navigator.userAgent && (m = navigator.userAgent.toLowerCase().match(/firefox\/(\d+)/)) && parseInt(m[1], 10) >= 31 || // Double check webkit in userAgent just in case we are in a worker
      typeof navigator !== "undefined" && navigator.userAgent && navigator.userAgent.toLowerCase().match(/applewebkit\/(\d+)/);
    }
    function formatArgs(args) {
      args[0] = (this.useColors ? "%c" : "") + this.namespace + (this.useColors ? " %c" : " ") + args[0] + (this.useColors ? "%c " : " ") + "+" + module.exports.humanize(this.diff);
      if (!this.useColors) {
        return;
      }
      const c = "color: " + this.color;
      args.splice(1, 0, c, "color: inherit");
      let index = 0;
      let lastC = 0;
      args[0].replace(/%[a-zA-Z%]/g, (match) => {
        if (match === "%%") {
          return;
        }
        index++;
        if (match === "%c") {
          lastC = index;
        }
      });
      args.splice(lastC, 0, c);
    }
    exports.log = console.debug || console.log || (() => {
    });
    function save(namespaces) {
      try {
        if (namespaces) {
          exports.storage.setItem("debug", namespaces);
        } else {
          exports.storage.removeItem("debug");
        }
      } catch (error) {
      }
    }
    function load() {
      let r;
      try {
        r = exports.storage.getItem("debug") || exports.storage.getItem("DEBUG");
      } catch (error) {
      }
      if (!r && typeof process !== "undefined" && "env" in process) {
        r = process.env.DEBUG;
      }
      return r;
    }
    function localstorage() {
      try {
        return localStorage;
      } catch (error) {
      }
    }
    module.exports = require_common2()(exports);
    var { formatters } = module.exports;
    formatters.j = function(v) {
      try {
        return JSON.stringify(v);
      } catch (error) {
        return "[UnexpectedJSONParseError]: " + error.message;
      }
    };
  }
});

// node_modules/debug/src/node.js
var require_node = __commonJS({
  "node_modules/debug/src/node.js"(exports, module) {
    var tty = __require("tty");
    var util = __require("util");
    exports.init = init;
    exports.log = log;
    exports.formatArgs = formatArgs;
    exports.save = save;
    exports.load = load;
    exports.useColors = useColors;
    exports.destroy = util.deprecate(
      () => {
      },
      "Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`."
    );
    exports.colors = [6, 2, 3, 4, 5, 1];
    try {
      const supportsColor = require_supports_color();
      if (supportsColor && (supportsColor.stderr || supportsColor).level >= 2) {
        exports.colors = [
          20,
          21,
          26,
          27,
          32,
          33,
          38,
          39,
          40,
          41,
          42,
          43,
          44,
          45,
          56,
          57,
          62,
          63,
          68,
          69,
          74,
          75,
          76,
          77,
          78,
          79,
          80,
          81,
          92,
          93,
          98,
          99,
          112,
          113,
          128,
          129,
          134,
          135,
          148,
          149,
          160,
          161,
          162,
          163,
          164,
          165,
          166,
          167,
          168,
          169,
          170,
          171,
          172,
          173,
          178,
          179,
          184,
          185,
          196,
          197,
          198,
          199,
          200,
          201,
          202,
          203,
          204,
          205,
          206,
          207,
          208,
          209,
          214,
          215,
          220,
          221
        ];
      }
    } catch (error) {
    }
    exports.inspectOpts = Object.keys(process.env).filter((key) => {
      return /^debug_/i.test(key);
    }).reduce((obj, key) => {
      const prop = key.substring(6).toLowerCase().replace(/_([a-z])/g, (_, k) => {
        return k.toUpperCase();
      });
      let val = process.env[key];
      if (/^(yes|on|true|enabled)$/i.test(val)) {
        val = true;
      } else if (/^(no|off|false|disabled)$/i.test(val)) {
        val = false;
      } else if (val === "null") {
        val = null;
      } else {
        val = Number(val);
      }
      obj[prop] = val;
      return obj;
    }, {});
    function useColors() {
      return "colors" in exports.inspectOpts ? Boolean(exports.inspectOpts.colors) : tty.isatty(process.stderr.fd);
    }
    function formatArgs(args) {
      const { namespace: name, useColors: useColors2 } = this;
      if (useColors2) {
        const c = this.color;
        const colorCode = "\x1B[3" + (c < 8 ? c : "8;5;" + c);
        const prefix = `  ${colorCode};1m${name} \x1B[0m`;
        args[0] = prefix + args[0].split("\n").join("\n" + prefix);
        args.push(colorCode + "m+" + module.exports.humanize(this.diff) + "\x1B[0m");
      } else {
        args[0] = getDate() + name + " " + args[0];
      }
    }
    function getDate() {
      if (exports.inspectOpts.hideDate) {
        return "";
      }
      return (/* @__PURE__ */ new Date()).toISOString() + " ";
    }
    function log(...args) {
      return process.stderr.write(util.formatWithOptions(exports.inspectOpts, ...args) + "\n");
    }
    function save(namespaces) {
      if (namespaces) {
        process.env.DEBUG = namespaces;
      } else {
        delete process.env.DEBUG;
      }
    }
    function load() {
      return process.env.DEBUG;
    }
    function init(debug2) {
      debug2.inspectOpts = {};
      const keys = Object.keys(exports.inspectOpts);
      for (let i = 0; i < keys.length; i++) {
        debug2.inspectOpts[keys[i]] = exports.inspectOpts[keys[i]];
      }
    }
    module.exports = require_common2()(exports);
    var { formatters } = module.exports;
    formatters.o = function(v) {
      this.inspectOpts.colors = this.useColors;
      return util.inspect(v, this.inspectOpts).split("\n").map((str) => str.trim()).join(" ");
    };
    formatters.O = function(v) {
      this.inspectOpts.colors = this.useColors;
      return util.inspect(v, this.inspectOpts);
    };
  }
});

// node_modules/debug/src/index.js
var require_src = __commonJS({
  "node_modules/debug/src/index.js"(exports, module) {
    if (typeof process === "undefined" || process.type === "renderer" || process.browser === true || process.__nwjs) {
      module.exports = require_browser();
    } else {
      module.exports = require_node();
    }
  }
});

// node_modules/marky/lib/marky.cjs.js
var require_marky_cjs = __commonJS({
  "node_modules/marky/lib/marky.cjs.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var perf = typeof performance !== "undefined" && performance;
    var nowPolyfillForNode;
    {
      hrtime = process.hrtime;
      getNanoSeconds = function() {
        var hr = hrtime();
        return hr[0] * 1e9 + hr[1];
      };
      loadTime = getNanoSeconds();
      nowPolyfillForNode = function() {
        return (getNanoSeconds() - loadTime) / 1e6;
      };
    }
    var hrtime;
    var getNanoSeconds;
    var loadTime;
    var now = perf && perf.now ? function() {
      return perf.now();
    } : nowPolyfillForNode;
    function throwIfEmpty(name) {
      if (!name) {
        throw new Error("name must be non-empty");
      }
    }
    function insertSorted(arr, item) {
      var low = 0;
      var high = arr.length;
      var mid;
      while (low < high) {
        mid = low + high >>> 1;
        if (arr[mid].startTime < item.startTime) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      arr.splice(low, 0, item);
    }
    exports.mark = void 0;
    exports.stop = void 0;
    exports.getEntries = void 0;
    exports.clear = void 0;
    if (perf && perf.mark && perf.measure && perf.getEntriesByName && perf.getEntriesByType && perf.clearMarks && perf.clearMeasures && // In Node, we want to detect that this perf/correctness fix [1] is available, which
    // landed in Node 16.15.0, 17.6.0, and 18.0.0. However, it's not observable, and
    // we don't want to rely on fragile version checks.
    // So we can rely on this observable change [2] to add clearResourceTimings, which
    // landed a bit later (18.2.0), but is close enough for our purposes.
    // [1]: https://github.com/nodejs/node/pull/42032
    // [2]: https://github.com/nodejs/node/pull/42725
    perf.clearResourceTimings) {
      exports.mark = function(name) {
        throwIfEmpty(name);
        perf.mark("start " + name);
      };
      exports.stop = function(name) {
        throwIfEmpty(name);
        perf.mark("end " + name);
        var measure = perf.measure(name, "start " + name, "end " + name);
        if (measure) {
          return measure;
        }
        var entries2 = perf.getEntriesByName(name);
        return entries2[entries2.length - 1];
      };
      exports.getEntries = function() {
        return perf.getEntriesByType("measure");
      };
      exports.clear = function() {
        perf.clearMarks();
        perf.clearMeasures();
      };
    } else {
      marks = {};
      entries = [];
      exports.mark = function(name) {
        throwIfEmpty(name);
        var startTime = now();
        marks["$" + name] = startTime;
      };
      exports.stop = function(name) {
        throwIfEmpty(name);
        var endTime = now();
        var startTime = marks["$" + name];
        if (!startTime) {
          throw new Error("no known mark: " + name);
        }
        var entry = {
          startTime,
          name,
          duration: endTime - startTime,
          entryType: "measure"
        };
        insertSorted(entries, entry);
        return entry;
      };
      exports.getEntries = function() {
        return entries;
      };
      exports.clear = function() {
        marks = {};
        entries = [];
      };
    }
    var marks;
    var entries;
  }
});

// node_modules/is-docker/index.js
var require_is_docker = __commonJS({
  "node_modules/is-docker/index.js"(exports, module) {
    "use strict";
    var fs3 = __require("fs");
    var isDocker;
    function hasDockerEnv() {
      try {
        fs3.statSync("/.dockerenv");
        return true;
      } catch (_) {
        return false;
      }
    }
    function hasDockerCGroup() {
      try {
        return fs3.readFileSync("/proc/self/cgroup", "utf8").includes("docker");
      } catch (_) {
        return false;
      }
    }
    module.exports = () => {
      if (isDocker === void 0) {
        isDocker = hasDockerEnv() || hasDockerCGroup();
      }
      return isDocker;
    };
  }
});

// node_modules/is-wsl/index.js
var require_is_wsl = __commonJS({
  "node_modules/is-wsl/index.js"(exports, module) {
    "use strict";
    var os = __require("os");
    var fs3 = __require("fs");
    var isDocker = require_is_docker();
    var isWsl3 = () => {
      if (process.platform !== "linux") {
        return false;
      }
      if (os.release().toLowerCase().includes("microsoft")) {
        if (isDocker()) {
          return false;
        }
        return true;
      }
      try {
        return fs3.readFileSync("/proc/version", "utf8").toLowerCase().includes("microsoft") ? !isDocker() : false;
      } catch (_) {
        return false;
      }
    };
    if (process.env.__IS_WSL_TEST__) {
      module.exports = isWsl3;
    } else {
      module.exports = isWsl3();
    }
  }
});

// checks/lighthouse.ts
import { existsSync } from "node:fs";
import { join as join5 } from "node:path";

// checks/lib/lighthouse/lhci-utils.ts
var import_assertions = __toESM(require_assertions(), 1);
var import_lighthouserc = __toESM(require_lighthouserc(), 1);
var AssertionResultSchema = external_exports.object({
  name: external_exports.string(),
  auditId: external_exports.string(),
  auditProperty: external_exports.string().optional(),
  auditTitle: external_exports.string().optional(),
  level: external_exports.enum(["error", "warn"]),
  passed: external_exports.boolean(),
  expected: external_exports.number(),
  // NaN when the audit produced no value (lhci fails the assertion then).
  actual: external_exports.number().or(external_exports.nan()),
  operator: external_exports.string(),
  values: external_exports.array(external_exports.number().or(external_exports.nan())),
  url: external_exports.string(),
  message: external_exports.string().optional()
});
function pick(module, name) {
  const value = module && typeof module === "object" ? module[name] : void 0;
  if (typeof value !== "function") throw new Error(`@lhci/utils has no ${name}: an incompatible version`);
  return value;
}
function lhciAssertionResults(options, lhrs) {
  const engine = pick(import_assertions.default, "getAllAssertionResults");
  const raw = engine({ ...options, includePassedAssertions: true }, lhrs);
  return external_exports.array(AssertionResultSchema.passthrough()).parse(raw);
}
function lhciReadRc(file) {
  const rc = import_lighthouserc.default;
  return pick(rc, "flattenRcToConfig")(pick(rc, "loadRcFile")(file));
}

// checks/lib/lighthouse/lhci-assert.ts
var METRIC_AUDIT = {
  performance: "categories:performance",
  lcp: "largest-contentful-paint",
  cls: "cumulative-layout-shift",
  ttfb: "server-response-time",
  fid: "max-potential-fid",
  "console-errors": "errors-in-console"
};
var normalizeKey = (key) => key.replace(/\./g, ":");
function explicitAssertion(config, metric) {
  const wanted = METRIC_AUDIT[metric];
  for (const [key, value] of Object.entries(config.assert?.assertions ?? {})) {
    if (normalizeKey(key) !== wanted) continue;
    const level = typeof value === "string" ? value : value[0];
    return { key, level };
  }
  return void 0;
}
function formatValue(result, value) {
  if (Number.isNaN(value)) return "no value";
  if (result.name === "minScore") return String(Math.round(value * 100) / 100);
  if (result.auditId === "cumulative-layout-shift") return String(Math.round(value * 1e3) / 1e3);
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
function describeAssertion(result) {
  const what = result.auditProperty ? `${result.auditId}.${result.auditProperty}` : result.auditId;
  const relation = result.passed ? result.operator : negate(result.operator);
  return `${what} ${result.name} ${formatValue(result, result.actual)} ${relation} ${formatValue(result, result.expected)} (${result.level})`;
}
function negate(operator) {
  return { ">=": "<", "<=": ">", "==": "\u2260" }[operator] ?? `not ${operator}`;
}
function urlPath(url) {
  return URL.canParse(url) ? new URL(url).pathname : url;
}
function lhciVerdict(config, lhrs, only) {
  const assert = config.assert ?? {};
  const all = lhciAssertionResults({ ...assert }, lhrs);
  const wanted = only ? METRIC_AUDIT[only] : void 0;
  const results = wanted ? all.filter(
    (result) => wanted.startsWith("categories:") ? result.auditId === "categories" && `categories:${result.auditProperty}` === wanted : result.auditId === wanted
  ) : all;
  const errors = results.filter((result) => !result.passed && result.level === "error");
  const warnings = results.filter((result) => !result.passed && result.level === "warn");
  const findings = [...errors, ...warnings].map((result) => ({
    message: `${describeAssertion(result)} at ${urlPath(result.url)}`
  }));
  const source = [config.file, assert.preset && `preset ${assert.preset}`].filter(Boolean).join(", ");
  const counted = `${results.length} assertion result${results.length === 1 ? "" : "s"}`;
  if (results.length === 0)
    return {
      status: "skipped",
      summary: `lhci asserted nothing${wanted ? ` for ${wanted}` : ""} on these runs (${source})`,
      findings,
      results
    };
  if (only) {
    const first = errors[0] ?? warnings[0] ?? results[0];
    const reading = first ? describeAssertion(first) : `no result for ${wanted}`;
    const warned = errors.length === 0 && warnings.length > 0 ? " \u2014 a warning: lhci assert passes it" : "";
    return {
      status: errors.length > 0 ? "fail" : "pass",
      summary: `${reading}${warned} (limit from ${source})`,
      findings,
      results
    };
  }
  const summary = errors.length > 0 ? `lhci assert fails: ${errors.length} error${errors.length === 1 ? "" : "s"}, ${warnings.length} warning${warnings.length === 1 ? "" : "s"} of ${counted} (${source}); first: ${describeAssertion(errors[0])}` : `lhci assert passes: 0 errors, ${warnings.length} warning${warnings.length === 1 ? "" : "s"} of ${counted} (${source})`;
  return { status: errors.length > 0 ? "fail" : "pass", summary, findings, results };
}

// checks/lib/lighthouse/lhci-config.ts
import { join } from "node:path";
var Level = external_exports.enum(["off", "warn", "error"]);
var Assertion = external_exports.union([
  Level,
  external_exports.tuple([Level]),
  external_exports.tuple([
    Level,
    external_exports.object({
      minScore: external_exports.number().optional(),
      maxNumericValue: external_exports.number().optional(),
      maxLength: external_exports.number().optional(),
      aggregationMethod: external_exports.enum(["median", "optimistic", "pessimistic", "median-run"]).optional()
    }).passthrough()
  ])
]);
var AssertOptions = external_exports.object({
  preset: external_exports.enum(["lighthouse:all", "lighthouse:recommended", "lighthouse:no-pwa"]).optional(),
  assertions: external_exports.record(external_exports.string(), Assertion).optional(),
  aggregationMethod: external_exports.enum(["median", "optimistic", "pessimistic", "median-run"]).optional(),
  matchingUrlPattern: external_exports.string().optional(),
  budgetsFile: external_exports.string().optional()
}).passthrough();
var Settings = external_exports.object({
  preset: external_exports.enum(["desktop", "perf", "experimental"]).optional(),
  onlyCategories: external_exports.array(external_exports.string()).optional(),
  onlyAudits: external_exports.array(external_exports.string()).optional(),
  skipAudits: external_exports.array(external_exports.string()).optional(),
  formFactor: external_exports.enum(["mobile", "desktop"]).optional(),
  throttlingMethod: external_exports.enum(["simulate", "devtools", "provided"]).optional(),
  throttling: external_exports.record(external_exports.string(), external_exports.number()).optional(),
  screenEmulation: external_exports.record(external_exports.string(), external_exports.union([external_exports.number(), external_exports.boolean()])).optional(),
  emulatedUserAgent: external_exports.union([external_exports.string(), external_exports.boolean()]).optional(),
  chromeFlags: external_exports.union([external_exports.string(), external_exports.array(external_exports.string())]).optional()
}).passthrough();
var Collect = external_exports.object({
  url: external_exports.union([external_exports.string(), external_exports.array(external_exports.string())]).optional(),
  numberOfRuns: external_exports.number().int().min(1).optional(),
  settings: Settings.optional(),
  staticDistDir: external_exports.string().optional()
}).passthrough();
var RcSchema = external_exports.object({
  collect: Collect.optional(),
  assert: AssertOptions.optional(),
  assertMatrix: external_exports.unknown().optional()
}).passthrough();
function splitFlags(value) {
  if (value === void 0) return [];
  return (Array.isArray(value) ? value : value.split(/\s+/)).map((flag) => flag.trim()).filter(Boolean);
}
function collectPath(url) {
  const parsed = URL.canParse(url) ? new URL(url) : new URL(url, "http://shipgate.invalid/");
  return `${parsed.pathname}${parsed.search}`.replace(/^\//, "");
}
function loadLhciConfig(repoDir, file) {
  let raw;
  try {
    raw = lhciReadRc(join(repoDir, file));
  } catch (error) {
    throw new Error(`${file}: cannot read it as lhci would: ${error.message.split("\n")[0]}`);
  }
  const parsed = RcSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new Error(`${file}: ${external_exports.prettifyError(parsed.error).split("\n").join(" ")}`);
  const { collect = {}, assert, assertMatrix } = parsed.data;
  const { chromeFlags, preset, ...flags } = collect.settings ?? {};
  const ignored = [];
  if (assertMatrix !== void 0) ignored.push("assertMatrix");
  if (assert?.budgetsFile) ignored.push("assert.budgetsFile");
  const urls = collect.url === void 0 ? [] : Array.isArray(collect.url) ? collect.url : [collect.url];
  const paths = [...new Set(urls.map(collectPath))];
  const asserts = assert && (assert.preset || Object.keys(assert.assertions ?? {}).length > 0);
  return {
    file,
    paths: paths.length === 1 && paths[0] === "" ? [] : paths,
    numberOfRuns: collect.numberOfRuns,
    flags,
    preset,
    chromeFlags: splitFlags(chromeFlags),
    assert: asserts ? assert : void 0,
    ignored
  };
}

// checks/lib/lighthouse/lighthouse-run.ts
import { fork } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join3 } from "node:path";
import { fileURLToPath } from "node:url";

// node_modules/chrome-launcher/dist/chrome-launcher.js
import * as fs2 from "fs";
import * as net from "net";

// node_modules/chrome-launcher/dist/chrome-finder.js
var chrome_finder_exports = {};
__export(chrome_finder_exports, {
  darwin: () => darwin,
  darwinFast: () => darwinFast,
  linux: () => linux,
  win32: () => win32,
  wsl: () => wsl
});
var import_escape_string_regexp = __toESM(require_escape_string_regexp(), 1);
import fs from "fs";
import path from "path";
import { homedir } from "os";
import { execSync, execFileSync } from "child_process";

// node_modules/lighthouse-logger/index.js
var import_debug = __toESM(require_src(), 1);
var marky = __toESM(require_marky_cjs(), 1);
import process2 from "process";
import { EventEmitter } from "events";
var isWindows = process2.platform === "win32";
var isBrowser = process2.browser;
var colors = {
  red: isBrowser ? "crimson" : 1,
  yellow: isBrowser ? "gold" : 3,
  cyan: isBrowser ? "darkturquoise" : 6,
  green: isBrowser ? "forestgreen" : 2,
  blue: isBrowser ? "steelblue" : 4,
  magenta: isBrowser ? "palevioletred" : 5
};
import_debug.default.colors = [colors.cyan, colors.green, colors.blue, colors.magenta];
var Emitter = class extends EventEmitter {
  // yarn build-types fails without this!
  // https://github.com/microsoft/TypeScript/issues/41672#issuecomment-2303803072
  constructor(options) {
    super(options);
  }
  /**
   * Fires off all status updates. Listen with
   * `require('lib/log').events.addListener('status', callback)`
   * @param {string} title
   * @param {!Array<*>} argsArray
   */
  issueStatus(title, argsArray) {
    if (title === "status" || title === "statusEnd") {
      this.emit(title, [title, ...argsArray]);
    }
  }
  /**
   * Fires off all warnings. Listen with
   * `require('lib/log').events.addListener('warning', callback)`
   * @param {string} title
   * @param {!Array<*>} argsArray
   */
  issueWarning(title, argsArray) {
    this.emit("warning", [title, ...argsArray]);
  }
};
var loggersByTitle = {};
var loggingBufferColumns = 25;
var level_;
var Log = class _Log {
  static _logToStdErr(title, argsArray) {
    const log = _Log.loggerfn(title);
    log(...argsArray);
  }
  /**
   * @param {string} title
   */
  static loggerfn(title) {
    title = `LH:${title}`;
    let log = loggersByTitle[title];
    if (!log) {
      log = (0, import_debug.default)(title);
      loggersByTitle[title] = log;
      if (title.endsWith("error")) {
        log.color = colors.red;
      } else if (title.endsWith("warn")) {
        log.color = colors.yellow;
      }
    }
    return log;
  }
  /**
   * @param {string} level
   */
  static setLevel(level) {
    level_ = level;
    switch (level) {
      case "silent":
        import_debug.default.enable("-LH:*");
        break;
      case "verbose":
        import_debug.default.enable("LH:*");
        break;
      case "warn":
        import_debug.default.enable("-LH:*, LH:*:warn, LH:*:error");
        break;
      case "error":
        import_debug.default.enable("-LH:*, LH:*:error");
        break;
      default:
        import_debug.default.enable("LH:*, -LH:*:verbose");
    }
  }
  /**
   * A simple formatting utility for event logging.
   * @param {string} prefix
   * @param {!Object} data A JSON-serializable object of event data to log.
   * @param {string=} level Optional logging level. Defaults to 'log'.
   */
  static formatProtocol(prefix, data, level) {
    const columns = !process2 || process2.browser ? Infinity : process2.stdout.columns;
    const method = data.method || "?????";
    const maxLength = columns - method.length - prefix.length - loggingBufferColumns;
    const snippet = data.params && method !== "IO.read" ? JSON.stringify(data.params).substr(0, maxLength) : "";
    _Log._logToStdErr(`${prefix}:${level || ""}`, [method, snippet]);
  }
  /**
   * @return {boolean}
   */
  static isVerbose() {
    return level_ === "verbose";
  }
  /**
   * @param {{msg: string, id: string, args?: any[]}} status
   * @param {string} level
   */
  static time({ msg, id, args = [] }, level = "log") {
    marky.mark(id);
    _Log[level]("status", msg, ...args);
  }
  /**
   * @param {{msg: string, id: string, args?: any[]}} status
   * @param {string} level
   */
  static timeEnd({ msg, id, args = [] }, level = "verbose") {
    _Log[level]("statusEnd", msg, ...args);
    marky.stop(id);
  }
  /**
   * @param {string} title
   * @param {...any} args
   */
  static log(title, ...args) {
    _Log.events.issueStatus(title, args);
    return _Log._logToStdErr(title, args);
  }
  /**
   * @param {string} title
   * @param {...any} args
   */
  static warn(title, ...args) {
    _Log.events.issueWarning(title, args);
    return _Log._logToStdErr(`${title}:warn`, args);
  }
  /**
   * @param {string} title
   * @param {...any} args
   */
  static error(title, ...args) {
    return _Log._logToStdErr(`${title}:error`, args);
  }
  /**
   * @param {string} title
   * @param {...any} args
   */
  static verbose(title, ...args) {
    _Log.events.issueStatus(title, args);
    return _Log._logToStdErr(`${title}:verbose`, args);
  }
  /**
   * Add surrounding escape sequences to turn a string green when logged.
   * @param {string} str
   * @return {string}
   */
  static greenify(str) {
    return `${_Log.green}${str}${_Log.reset}`;
  }
  /**
   * Add surrounding escape sequences to turn a string red when logged.
   * @param {string} str
   * @return {string}
   */
  static redify(str) {
    return `${_Log.red}${str}${_Log.reset}`;
  }
  static get green() {
    return "\x1B[32m";
  }
  static get red() {
    return "\x1B[31m";
  }
  static get yellow() {
    return "\x1B[33m";
  }
  static get purple() {
    return "\x1B[95m";
  }
  static get reset() {
    return "\x1B[0m";
  }
  static get bold() {
    return "\x1B[1m";
  }
  static get dim() {
    return "\x1B[2m";
  }
  static get tick() {
    return isWindows ? "\u221A" : "\u2713";
  }
  static get cross() {
    return isWindows ? "\xD7" : "\u2718";
  }
  static get whiteSmallSquare() {
    return isWindows ? "\u0387" : "\u25AB";
  }
  static get heavyHorizontal() {
    return isWindows ? "\u2500" : "\u2501";
  }
  static get heavyVertical() {
    return isWindows ? "\u2502 " : "\u2503 ";
  }
  static get heavyUpAndRight() {
    return isWindows ? "\u2514" : "\u2517";
  }
  static get heavyVerticalAndRight() {
    return isWindows ? "\u251C" : "\u2523";
  }
  static get heavyDownAndHorizontal() {
    return isWindows ? "\u252C" : "\u2533";
  }
  static get doubleLightHorizontal() {
    return "\u2500\u2500";
  }
};
Log.events = new Emitter();
Log.takeTimeEntries = () => {
  const entries = marky.getEntries();
  marky.clear();
  return entries;
};
Log.getTimeEntries = () => marky.getEntries();
var lighthouse_logger_default = Log;

// node_modules/chrome-launcher/dist/utils.js
var import_is_wsl = __toESM(require_is_wsl(), 1);
import { join as join2 } from "path";
import childProcess from "child_process";
import { mkdirSync } from "fs";
function defaults(val, def) {
  return typeof val === "undefined" ? def : val;
}
async function delay(time) {
  return new Promise((resolve2) => setTimeout(resolve2, time));
}
var LauncherError = class extends Error {
  constructor(message = "Unexpected error", code) {
    super();
    this.message = message;
    this.code = code;
    this.stack = new Error().stack;
    return this;
  }
};
var ChromePathNotSetError = class extends LauncherError {
  constructor() {
    super(...arguments);
    this.message = "The CHROME_PATH environment variable must be set to a Chrome/Chromium executable no older than Chrome stable.";
    this.code = "ERR_LAUNCHER_PATH_NOT_SET";
  }
};
var InvalidUserDataDirectoryError = class extends LauncherError {
  constructor() {
    super(...arguments);
    this.message = "userDataDir must be false or a path.";
    this.code = "ERR_LAUNCHER_INVALID_USER_DATA_DIRECTORY";
  }
};
var UnsupportedPlatformError = class extends LauncherError {
  constructor() {
    super(...arguments);
    this.message = `Platform ${getPlatform()} is not supported.`;
    this.code = "ERR_LAUNCHER_UNSUPPORTED_PLATFORM";
  }
};
var ChromeNotInstalledError = class extends LauncherError {
  constructor() {
    super(...arguments);
    this.message = "No Chrome installations found.";
    this.code = "ERR_LAUNCHER_NOT_INSTALLED";
  }
};
function getPlatform() {
  return import_is_wsl.default ? "wsl" : process.platform;
}
function makeTmpDir() {
  switch (getPlatform()) {
    case "darwin":
    case "linux":
      return makeUnixTmpDir();
    case "wsl":
      process.env.TEMP = getWSLLocalAppDataPath(`${process.env.PATH}`);
    case "win32":
      return makeWin32TmpDir();
    default:
      throw new UnsupportedPlatformError();
  }
}
function toWinDirFormat(dir = "") {
  const results = /\/mnt\/([a-z])\//.exec(dir);
  if (!results) {
    return dir;
  }
  const driveLetter = results[1];
  return dir.replace(`/mnt/${driveLetter}/`, `${driveLetter.toUpperCase()}:\\`).replace(/\//g, "\\");
}
function toWin32Path(dir = "") {
  if (/[a-z]:\\/iu.test(dir)) {
    return dir;
  }
  try {
    return childProcess.execFileSync("wslpath", ["-w", dir]).toString().trim();
  } catch {
    return toWinDirFormat(dir);
  }
}
function toWSLPath(dir, fallback) {
  try {
    return childProcess.execFileSync("wslpath", ["-u", dir]).toString().trim();
  } catch {
    return fallback;
  }
}
function getLocalAppDataPath(path2) {
  const userRegExp = /\/mnt\/([a-z])\/Users\/([^\/:]+)\/AppData\//;
  const results = userRegExp.exec(path2) || [];
  return `/mnt/${results[1]}/Users/${results[2]}/AppData/Local`;
}
function getWSLLocalAppDataPath(path2) {
  const userRegExp = /\/([a-z])\/Users\/([^\/:]+)\/AppData\//;
  const results = userRegExp.exec(path2) || [];
  return toWSLPath(`${results[1]}:\\Users\\${results[2]}\\AppData\\Local`, getLocalAppDataPath(path2));
}
function makeUnixTmpDir() {
  return childProcess.execSync("mktemp -d -t lighthouse.XXXXXXX").toString().trim();
}
function makeWin32TmpDir() {
  const winTmpPath = process.env.TEMP || process.env.TMP || (process.env.SystemRoot || process.env.windir) + "\\temp";
  const randomNumber = Math.floor(Math.random() * 9e7 + 1e7);
  const tmpdir2 = join2(winTmpPath, "lighthouse." + randomNumber);
  mkdirSync(tmpdir2, { recursive: true });
  return tmpdir2;
}

// node_modules/chrome-launcher/dist/chrome-finder.js
var newLineRegex = /\r?\n/;
function darwinFast() {
  const priorityOptions = [
    process.env.CHROME_PATH,
    process.env.LIGHTHOUSE_CHROMIUM_PATH,
    "/Applications/Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
  ];
  for (const chromePath of priorityOptions) {
    if (chromePath && canAccess(chromePath))
      return chromePath;
  }
  return darwin()[0];
}
function darwin() {
  const suffixes = ["/Contents/MacOS/Google Chrome Canary", "/Contents/MacOS/Google Chrome"];
  const LSREGISTER = "/System/Library/Frameworks/CoreServices.framework/Versions/A/Frameworks/LaunchServices.framework/Versions/A/Support/lsregister";
  const installations = [];
  const customChromePath = resolveChromePath();
  if (customChromePath) {
    installations.push(customChromePath);
  }
  execSync(`${LSREGISTER} -dump | grep -i 'google chrome\\( canary\\)\\?\\.app' | awk '{$1=""; print $0}'`).toString().split(newLineRegex).forEach((inst) => {
    suffixes.forEach((suffix) => {
      const execPath = path.join(inst.substring(0, inst.indexOf(".app") + 4).trim(), suffix);
      if (canAccess(execPath) && installations.indexOf(execPath) === -1) {
        installations.push(execPath);
      }
    });
  });
  const home = (0, import_escape_string_regexp.default)(process.env.HOME || homedir());
  const priorities = [
    { regex: new RegExp(`^${home}/Applications/.*Chrome\\.app`), weight: 50 },
    { regex: new RegExp(`^${home}/Applications/.*Chrome Canary\\.app`), weight: 51 },
    { regex: /^\/Applications\/.*Chrome.app/, weight: 100 },
    { regex: /^\/Applications\/.*Chrome Canary.app/, weight: 101 },
    { regex: /^\/Volumes\/.*Chrome.app/, weight: -2 },
    { regex: /^\/Volumes\/.*Chrome Canary.app/, weight: -1 }
  ];
  if (process.env.LIGHTHOUSE_CHROMIUM_PATH) {
    priorities.unshift({ regex: new RegExp((0, import_escape_string_regexp.default)(process.env.LIGHTHOUSE_CHROMIUM_PATH)), weight: 150 });
  }
  if (process.env.CHROME_PATH) {
    priorities.unshift({ regex: new RegExp((0, import_escape_string_regexp.default)(process.env.CHROME_PATH)), weight: 151 });
  }
  return sort(installations, priorities);
}
function resolveChromePath() {
  if (canAccess(process.env.CHROME_PATH)) {
    return process.env.CHROME_PATH;
  }
  if (canAccess(process.env.LIGHTHOUSE_CHROMIUM_PATH)) {
    lighthouse_logger_default.warn("ChromeLauncher", "LIGHTHOUSE_CHROMIUM_PATH is deprecated, use CHROME_PATH env variable instead.");
    return process.env.LIGHTHOUSE_CHROMIUM_PATH;
  }
  return void 0;
}
function linux() {
  let installations = [];
  const customChromePath = resolveChromePath();
  if (customChromePath) {
    installations.push(customChromePath);
  }
  const desktopInstallationFolders = [
    path.join(homedir(), ".local/share/applications/"),
    "/usr/share/applications/"
  ];
  desktopInstallationFolders.forEach((folder) => {
    installations = installations.concat(findChromeExecutables(folder));
  });
  const executables = [
    "google-chrome-stable",
    "google-chrome",
    "chromium-browser",
    "chromium"
  ];
  executables.forEach((executable) => {
    try {
      const chromePath = execFileSync("which", [executable], { stdio: "pipe" }).toString().split(newLineRegex)[0];
      if (canAccess(chromePath)) {
        installations.push(chromePath);
      }
    } catch (e) {
    }
  });
  if (!installations.length) {
    throw new ChromePathNotSetError();
  }
  const priorities = [
    { regex: /chrome-wrapper$/, weight: 51 },
    { regex: /google-chrome-stable$/, weight: 50 },
    { regex: /google-chrome$/, weight: 49 },
    { regex: /chromium-browser$/, weight: 48 },
    { regex: /chromium$/, weight: 47 }
  ];
  if (process.env.LIGHTHOUSE_CHROMIUM_PATH) {
    priorities.unshift({ regex: new RegExp((0, import_escape_string_regexp.default)(process.env.LIGHTHOUSE_CHROMIUM_PATH)), weight: 100 });
  }
  if (process.env.CHROME_PATH) {
    priorities.unshift({ regex: new RegExp((0, import_escape_string_regexp.default)(process.env.CHROME_PATH)), weight: 101 });
  }
  return sort(uniq(installations.filter(Boolean)), priorities);
}
function wsl() {
  process.env.LOCALAPPDATA = getWSLLocalAppDataPath(`${process.env.PATH}`);
  process.env.PROGRAMFILES = toWSLPath("C:/Program Files", "/mnt/c/Program Files");
  process.env["PROGRAMFILES(X86)"] = toWSLPath("C:/Program Files (x86)", "/mnt/c/Program Files (x86)");
  return win32();
}
function win32() {
  const installations = [];
  const suffixes = [
    `${path.sep}Google${path.sep}Chrome SxS${path.sep}Application${path.sep}chrome.exe`,
    `${path.sep}Google${path.sep}Chrome${path.sep}Application${path.sep}chrome.exe`
  ];
  const prefixes = [
    process.env.LOCALAPPDATA,
    process.env.PROGRAMFILES,
    process.env["PROGRAMFILES(X86)"]
  ].filter(Boolean);
  const customChromePath = resolveChromePath();
  if (customChromePath) {
    installations.push(customChromePath);
  }
  prefixes.forEach((prefix) => suffixes.forEach((suffix) => {
    const chromePath = path.join(prefix, suffix);
    if (canAccess(chromePath)) {
      installations.push(chromePath);
    }
  }));
  return installations;
}
function sort(installations, priorities) {
  const defaultPriority = 10;
  return installations.map((inst) => {
    for (const pair of priorities) {
      if (pair.regex.test(inst)) {
        return { path: inst, weight: pair.weight };
      }
    }
    return { path: inst, weight: defaultPriority };
  }).sort((a, b) => b.weight - a.weight).map((pair) => pair.path);
}
function canAccess(file) {
  if (!file) {
    return false;
  }
  try {
    fs.accessSync(file);
    return true;
  } catch (e) {
    return false;
  }
}
function uniq(arr) {
  return Array.from(new Set(arr));
}
function findChromeExecutables(folder) {
  const argumentsRegex = /(^[^ ]+).*/;
  const chromeExecRegex = "^Exec=/.*/(google-chrome|chrome|chromium)-.*";
  let installations = [];
  if (canAccess(folder)) {
    let execPaths;
    try {
      execPaths = execSync(`grep -ER "${chromeExecRegex}" ${folder} | awk -F '=' '{print $2}'`, { stdio: "pipe" });
    } catch (e) {
      execPaths = execSync(`grep -Er "${chromeExecRegex}" ${folder} | awk -F '=' '{print $2}'`, { stdio: "pipe" });
    }
    execPaths = execPaths.toString().split(newLineRegex).map((execPath) => execPath.replace(argumentsRegex, "$1"));
    execPaths.forEach((execPath) => canAccess(execPath) && installations.push(execPath));
  }
  return installations;
}

// node_modules/chrome-launcher/dist/random-port.js
import { createServer } from "http";
function getRandomPort() {
  return new Promise((resolve2, reject) => {
    const server = createServer();
    server.listen(0);
    server.once("listening", () => {
      const { port } = server.address();
      server.close(() => resolve2(port));
    });
    server.once("error", reject);
  });
}

// node_modules/chrome-launcher/dist/flags.js
var DEFAULT_FLAGS = [
  "--disable-features=" + [
    // Disable built-in Google Translate service
    "Translate",
    // Disable the Chrome Optimization Guide background networking
    "OptimizationHints",
    //  Disable the Chrome Media Router (cast target discovery) background networking
    "MediaRouter",
    /// Avoid the startup dialog for _Do you want the application “Chromium.app” to accept incoming network connections?_. This is a sub-component of the MediaRouter.
    "DialMediaRouteProvider",
    // Disable the feature of: Calculate window occlusion on Windows will be used in the future to throttle and potentially unload foreground tabs in occluded windows.
    "CalculateNativeWinOcclusion",
    // Disables the Discover feed on NTP
    "InterestFeedContentSuggestions",
    // Don't update the CT lists
    "CertificateTransparencyComponentUpdater",
    // Disables autofill server communication. This feature isn't disabled via other 'parent' flags.
    "AutofillServerCommunication",
    // Disables "Enhanced ad privacy in Chrome" dialog (though as of 2024-03-20 it shouldn't show up if the profile has no stored country).
    "PrivacySandboxSettings4",
    // Disable RenderDocument (https://chromium.googlesource.com/chromium/src/+/main/docs/render_document.md) until remaining bugs are fixed. https://github.com/GoogleChrome/lighthouse/pull/16363
    "RenderDocument"
  ].join(","),
  // Disable all chrome extensions
  "--disable-extensions",
  // Disable some extensions that aren't affected by --disable-extensions
  "--disable-component-extensions-with-background-pages",
  // Disable various background network services, including extension updating,
  //   safe browsing service, upgrade detector, translate, UMA
  "--disable-background-networking",
  // Don't update the browser 'components' listed at chrome://components/
  "--disable-component-update",
  // Disables client-side phishing detection.
  "--disable-client-side-phishing-detection",
  // Disable syncing to a Google account
  "--disable-sync",
  // Disable reporting to UMA, but allows for collection
  "--metrics-recording-only",
  // Disable installation of default apps on first run
  "--disable-default-apps",
  // Mute any audio
  "--mute-audio",
  // Disable the default browser check, do not prompt to set it as such
  "--no-default-browser-check",
  // Skip first run wizards
  "--no-first-run",
  // Disable backgrounding renders for occluded windows
  "--disable-backgrounding-occluded-windows",
  // Disable renderer process backgrounding
  "--disable-renderer-backgrounding",
  // Disable task throttling of timer tasks from background pages.
  "--disable-background-timer-throttling",
  // Disable the default throttling of IPC between renderer & browser processes.
  "--disable-ipc-flooding-protection",
  // Avoid potential instability of using Gnome Keyring or KDE wallet. crbug.com/571003 crbug.com/991424
  "--password-store=basic",
  // Use mock keychain on Mac to prevent blocking permissions dialogs
  "--use-mock-keychain",
  // Disable background tracing (aka slow reports & deep reports) to avoid 'Tracing already started'
  "--force-fieldtrials=*BackgroundTracing/default/",
  // Suppresses hang monitor dialogs in renderer processes. This flag may allow slow unload handlers on a page to prevent the tab from closing.
  "--disable-hang-monitor",
  // Reloading a page that came from a POST normally prompts the user.
  "--disable-prompt-on-repost",
  // Disables Domain Reliability Monitoring, which tracks whether the browser has difficulty contacting Google-owned sites and uploads reports to Google.
  "--disable-domain-reliability",
  // Disable the in-product Help (IPH) system.
  "--propagate-iph-for-testing"
];

// node_modules/chrome-launcher/dist/chrome-launcher.js
import { spawn, spawnSync } from "child_process";
var isWsl2 = getPlatform() === "wsl";
var isWindows2 = getPlatform() === "win32";
var _SIGINT = "SIGINT";
var _SIGINT_EXIT_CODE = 130;
var _SUPPORTED_PLATFORMS = /* @__PURE__ */ new Set(["darwin", "linux", "win32", "wsl"]);
var instances = /* @__PURE__ */ new Set();
var sigintListener = () => {
  killAll();
  process.exit(_SIGINT_EXIT_CODE);
};
async function launch(opts = {}) {
  opts.handleSIGINT = defaults(opts.handleSIGINT, true);
  const instance = new Launcher(opts);
  if (opts.handleSIGINT && instances.size === 0) {
    process.on(_SIGINT, sigintListener);
  }
  instances.add(instance);
  await instance.launch();
  const kill = () => {
    instances.delete(instance);
    if (instances.size === 0) {
      process.removeListener(_SIGINT, sigintListener);
    }
    instance.kill();
  };
  return {
    pid: instance.pid,
    port: instance.port,
    process: instance.chromeProcess,
    remoteDebuggingPipes: instance.remoteDebuggingPipes,
    kill
  };
}
function killAll() {
  let errors = [];
  for (const instance of instances) {
    try {
      instance.kill();
      instances.delete(instance);
    } catch (err) {
      errors.push(err);
    }
  }
  return errors;
}
var Launcher = class _Launcher {
  constructor(opts = {}, moduleOverrides = {}) {
    this.opts = opts;
    this.tmpDirandPidFileReady = false;
    this.remoteDebuggingPipes = null;
    this.fs = moduleOverrides.fs || fs2;
    this.spawn = moduleOverrides.spawn || spawn;
    lighthouse_logger_default.setLevel(defaults(this.opts.logLevel, "silent"));
    this.startingUrl = defaults(this.opts.startingUrl, "about:blank");
    this.chromeFlags = defaults(this.opts.chromeFlags, []);
    this.prefs = defaults(this.opts.prefs, {});
    this.requestedPort = defaults(this.opts.port, 0);
    this.portStrictMode = opts.portStrictMode;
    this.chromePath = this.opts.chromePath;
    this.ignoreDefaultFlags = defaults(this.opts.ignoreDefaultFlags, false);
    this.connectionPollInterval = defaults(this.opts.connectionPollInterval, 500);
    this.maxConnectionRetries = defaults(this.opts.maxConnectionRetries, 50);
    this.envVars = defaults(opts.envVars, Object.assign({}, process.env));
    if (typeof this.opts.userDataDir === "boolean") {
      if (!this.opts.userDataDir) {
        this.useDefaultProfile = true;
        this.userDataDir = void 0;
      } else {
        throw new InvalidUserDataDirectoryError();
      }
    } else {
      this.useDefaultProfile = false;
      this.userDataDir = this.opts.userDataDir;
    }
    this.useRemoteDebuggingPipe = this.chromeFlags.some((f) => f.startsWith("--remote-debugging-pipe"));
  }
  get flags() {
    const flags = this.ignoreDefaultFlags ? [] : DEFAULT_FLAGS.slice();
    if (this.port) {
      flags.push(`--remote-debugging-port=${this.port}`);
    }
    if (!this.ignoreDefaultFlags && getPlatform() === "linux") {
      flags.push("--disable-setuid-sandbox");
    }
    if (!this.useDefaultProfile) {
      flags.push(`--user-data-dir=${isWsl2 ? toWin32Path(this.userDataDir) : this.userDataDir}`);
    }
    if (process.env.HEADLESS)
      flags.push("--headless");
    flags.push(...this.chromeFlags);
    flags.push(this.startingUrl);
    return flags;
  }
  static defaultFlags() {
    return DEFAULT_FLAGS.slice();
  }
  /** Returns the highest priority chrome installation. */
  static getFirstInstallation() {
    if (getPlatform() === "darwin")
      return darwinFast();
    return chrome_finder_exports[getPlatform()]()[0];
  }
  /** Returns all available chrome installations in decreasing priority order. */
  static getInstallations() {
    return chrome_finder_exports[getPlatform()]();
  }
  // Wrapper function to enable easy testing.
  makeTmpDir() {
    return makeTmpDir();
  }
  prepare() {
    const platform = getPlatform();
    if (!_SUPPORTED_PLATFORMS.has(platform)) {
      throw new UnsupportedPlatformError();
    }
    this.userDataDir = this.userDataDir || this.makeTmpDir();
    this.outFile = this.fs.openSync(`${this.userDataDir}/chrome-out.log`, "a");
    this.errFile = this.fs.openSync(`${this.userDataDir}/chrome-err.log`, "a");
    this.setBrowserPrefs();
    this.pidFile = `${this.userDataDir}/chrome.pid`;
    lighthouse_logger_default.verbose("ChromeLauncher", `created ${this.userDataDir}`);
    this.tmpDirandPidFileReady = true;
  }
  setBrowserPrefs() {
    if (Object.keys(this.prefs).length === 0) {
      return;
    }
    const profileDir = `${this.userDataDir}/Default`;
    if (!this.fs.existsSync(profileDir)) {
      this.fs.mkdirSync(profileDir, { recursive: true });
    }
    const preferenceFile = `${profileDir}/Preferences`;
    try {
      if (this.fs.existsSync(preferenceFile)) {
        const file = this.fs.readFileSync(preferenceFile, "utf-8");
        const content = JSON.parse(file);
        this.fs.writeFileSync(preferenceFile, JSON.stringify({ ...content, ...this.prefs }), "utf-8");
      } else {
        this.fs.writeFileSync(preferenceFile, JSON.stringify({ ...this.prefs }), "utf-8");
      }
    } catch (err) {
      lighthouse_logger_default.log("ChromeLauncher", `Failed to set browser prefs: ${err.message}`);
    }
  }
  async launch() {
    if (this.requestedPort !== 0) {
      this.port = this.requestedPort;
      try {
        await this.isDebuggerReady();
        lighthouse_logger_default.log("ChromeLauncher", `Found existing Chrome already running using port ${this.port}, using that.`);
        return;
      } catch (err) {
        if (this.portStrictMode) {
          throw new Error(`found no Chrome at port ${this.requestedPort}`);
        }
        lighthouse_logger_default.log("ChromeLauncher", `No debugging port found on port ${this.port}, launching a new Chrome.`);
      }
    }
    if (this.chromePath === void 0) {
      const installation = _Launcher.getFirstInstallation();
      if (!installation) {
        throw new ChromeNotInstalledError();
      }
      this.chromePath = installation;
    }
    if (!this.tmpDirandPidFileReady) {
      this.prepare();
    }
    this.pid = await this.spawnProcess(this.chromePath);
    return Promise.resolve();
  }
  async spawnProcess(execPath) {
    const spawnPromise = (async () => {
      if (this.chromeProcess) {
        lighthouse_logger_default.log("ChromeLauncher", `Chrome already running with pid ${this.chromeProcess.pid}.`);
        return this.chromeProcess.pid;
      }
      if (this.requestedPort === 0) {
        if (this.useRemoteDebuggingPipe) {
          this.port = 0;
        } else {
          this.port = await getRandomPort();
        }
      }
      lighthouse_logger_default.verbose("ChromeLauncher", `Launching with command:
"${execPath}" ${this.flags.join(" ")}`);
      this.chromeProcess = this.spawn(execPath, this.flags, {
        // On non-windows platforms, `detached: true` makes child process a leader of a new
        // process group, making it possible to kill child process tree with `.kill(-pid)` command.
        // @see https://nodejs.org/api/child_process.html#child_process_options_detached
        detached: process.platform !== "win32",
        stdio: this.useRemoteDebuggingPipe ? ["ignore", this.outFile, this.errFile, "pipe", "pipe"] : ["ignore", this.outFile, this.errFile],
        env: this.envVars
      });
      if (this.chromeProcess.pid) {
        this.fs.writeFileSync(this.pidFile, this.chromeProcess.pid.toString());
      }
      if (this.useRemoteDebuggingPipe) {
        this.remoteDebuggingPipes = {
          incoming: this.chromeProcess.stdio[4],
          outgoing: this.chromeProcess.stdio[3]
        };
      }
      lighthouse_logger_default.verbose("ChromeLauncher", `Chrome running with pid ${this.chromeProcess.pid} on port ${this.port}.`);
      return this.chromeProcess.pid;
    })();
    const pid = await spawnPromise;
    if (this.port !== 0) {
      await this.waitUntilReady();
    }
    return pid;
  }
  cleanup(client) {
    if (client) {
      client.removeAllListeners();
      client.end();
      client.destroy();
      client.unref();
    }
  }
  // resolves if ready, rejects otherwise
  isDebuggerReady() {
    return new Promise((resolve2, reject) => {
      const client = net.createConnection(this.port, "127.0.0.1");
      client.once("error", (err) => {
        this.cleanup(client);
        reject(err);
      });
      client.once("connect", () => {
        this.cleanup(client);
        resolve2();
      });
    });
  }
  // resolves when debugger is ready, rejects after 10 polls
  waitUntilReady() {
    const launcher = this;
    return new Promise((resolve2, reject) => {
      let retries = 0;
      let waitStatus = "Waiting for browser.";
      const poll = () => {
        if (retries === 0) {
          lighthouse_logger_default.log("ChromeLauncher", waitStatus);
        }
        retries++;
        waitStatus += "..";
        lighthouse_logger_default.log("ChromeLauncher", waitStatus);
        launcher.isDebuggerReady().then(() => {
          lighthouse_logger_default.log("ChromeLauncher", waitStatus + `${lighthouse_logger_default.greenify(lighthouse_logger_default.tick)}`);
          resolve2();
        }).catch((err) => {
          if (retries > launcher.maxConnectionRetries) {
            lighthouse_logger_default.error("ChromeLauncher", err.message);
            const stderr = this.fs.readFileSync(`${this.userDataDir}/chrome-err.log`, { encoding: "utf-8" });
            lighthouse_logger_default.error("ChromeLauncher", `Logging contents of ${this.userDataDir}/chrome-err.log`);
            lighthouse_logger_default.error("ChromeLauncher", stderr);
            return reject(err);
          }
          delay(launcher.connectionPollInterval).then(poll);
        });
      };
      poll();
    });
  }
  kill() {
    if (!this.chromeProcess) {
      return;
    }
    this.chromeProcess.on("close", () => {
      delete this.chromeProcess;
      this.destroyTmp();
    });
    lighthouse_logger_default.log("ChromeLauncher", `Killing Chrome instance ${this.chromeProcess.pid}`);
    try {
      if (isWindows2) {
        const taskkillProc = spawnSync(`taskkill /pid ${this.chromeProcess.pid} /T /F`, { shell: true, encoding: "utf-8" });
        const { stderr } = taskkillProc;
        if (stderr)
          lighthouse_logger_default.error("ChromeLauncher", `taskkill stderr`, stderr);
      } else {
        if (this.chromeProcess.pid) {
          process.kill(-this.chromeProcess.pid, "SIGKILL");
        }
      }
    } catch (err) {
      const message = `Chrome could not be killed ${err.message}`;
      lighthouse_logger_default.warn("ChromeLauncher", message);
    }
    this.destroyTmp();
  }
  destroyTmp() {
    if (this.outFile) {
      this.fs.closeSync(this.outFile);
      delete this.outFile;
    }
    if (this.userDataDir === void 0 || this.opts.userDataDir !== void 0) {
      return;
    }
    if (this.errFile) {
      this.fs.closeSync(this.errFile);
      delete this.errFile;
    }
    const rmSync = this.fs.rmSync || this.fs.rmdirSync;
    rmSync(this.userDataDir, { recursive: true, force: true, maxRetries: 10 });
  }
};

// checks/lib/lighthouse/load-error.ts
var LOOPBACK = /^(?:localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;
function hostOf(url, base) {
  try {
    return new URL(url, base).host;
  } catch {
    return void 0;
  }
}
function assetUrls(html) {
  const urls = [];
  const tag = /<(script|link|img)\b([^>]*)>/gi;
  for (const match of html.matchAll(tag)) {
    const name = (match[1] ?? "").toLowerCase();
    const attrs = match[2] ?? "";
    if (name === "link" && !/\brel\s*=\s*["']?(?:stylesheet|modulepreload|preload)\b/i.test(attrs)) continue;
    const src = /\b(?:src|href)\s*=\s*["']([^"']+)["']/i.exec(attrs)?.[1];
    if (src && !src.startsWith("data:")) urls.push(src);
  }
  return urls;
}
function visibleText(html) {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return body.replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1>/gi, "").replace(/<[^>]+>/g, "").replace(/&nbsp;|\s+/g, " ").trim();
}
function explainLoadError(lhr, probe, loopbackOnly) {
  const requested = lhr.requestedUrl ?? probe?.hops[0]?.url;
  const pageHost = requested ? hostOf(requested) : void 0;
  const offline = (host) => loopbackOnly && !LOOPBACK.test(host.replace(/:\d+$/, ""));
  const redirects = (probe?.hops ?? []).filter(
    (hop) => hop.status >= 300 && hop.status < 400 && hop.location
  );
  if (redirects.length > 0) {
    const last = redirects.at(-1);
    const target = last?.location ? new URL(last.location, last.url).href : "";
    const targetHost = hostOf(target) ?? "";
    const where = `${requested} redirects (${redirects.map((hop) => hop.status).join(" \u2192 ")}) to ${target}`;
    if (targetHost && targetHost !== pageHost && offline(targetHost))
      return `${where}, another host, which this runner cannot reach (loopback-only DNS): point target.url (or the lighthouse path) at the page itself, e.g. the login page's own path`;
    return `${where}: measure the final page directly (a login redirect needs a public page or a signed-in path)`;
  }
  if (lhr.finalDisplayedUrl && requested && lhr.finalDisplayedUrl !== requested && !lhr.finalDisplayedUrl.startsWith("chrome-error:"))
    return `${requested} ended on ${lhr.finalDisplayedUrl} (a client-side redirect): measure the final page directly`;
  const status = probe?.hops.at(-1)?.status ?? Number(/\(Status code: (\d{3})\)/.exec(lhr.message)?.[1] ?? 0);
  if (status >= 400) {
    const title = /<title[^>]*>([^<]{1,80})/i.exec(probe?.body ?? "")?.[1]?.trim();
    const body = title ? `page "${title}"` : probe?.body?.trim().slice(0, 80).replace(/\s+/g, " ");
    return `the document answered ${status}${body ? ` (${title ? body : JSON.stringify(body)})` : ""}: the page failed on the server, not in the browser`;
  }
  if (probe?.error) return `GET ${requested} failed: ${probe.error}`;
  const html = probe?.body ?? "";
  if (probe && html.trim() === "") return "the document is empty (0 bytes): nothing to paint";
  const assets = assetUrls(html);
  const foreign = [
    ...new Set(
      assets.map((url) => hostOf(url, requested)).filter((host) => !!host && host !== pageHost)
    )
  ];
  const blocked = foreign.filter(offline);
  const text = visibleText(html);
  if (blocked.length > 0 && text.length === 0)
    return `the page's scripts or styles load from ${blocked.join(", ")}, which this runner cannot reach (loopback-only DNS), and the HTML has no content of its own: measure a staging URL, or serve those assets from the app`;
  if (probe && text.length === 0 && assets.length === 0)
    return "the document has no visible content and no scripts: nothing to paint";
  if (probe && text.length === 0 && /^(?:NO_FCP|NO_LCP)$/.test(lhr.code))
    return `the HTML has no content of its own and its scripts (${assets.length}) painted nothing: a script error at start-up, or an API the app waits for that is unreachable here (see the browser console)`;
  if (blocked.length > 0)
    return `assets on ${blocked.join(", ")} are unreachable on this runner (loopback-only DNS) and may have blocked rendering`;
  return void 0;
}

// checks/lib/lighthouse/lighthouse-run.ts
var CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
];
var LOOPBACK_ONLY_RULE = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost, EXCLUDE 127.0.0.1";
function chromeFlagsFor(url) {
  return isLoopback(url) ? [...CHROME_FLAGS, LOOPBACK_ONLY_RULE] : [...CHROME_FLAGS];
}
function isLoopback(url) {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}
var PageLoadError = class extends Error {
  constructor(lhr) {
    super(`Lighthouse could not measure the page: ${lhr.code} ${lhr.message}`);
    this.lhr = lhr;
  }
  lhr;
};
var numericAudit = external_exports.object({ numericValue: external_exports.number() });
var consoleAudit = external_exports.object({
  details: external_exports.object({
    items: external_exports.array(
      external_exports.object({
        source: external_exports.string().optional(),
        description: external_exports.string().optional(),
        sourceLocation: external_exports.object({ url: external_exports.string().optional(), line: external_exports.number().optional() }).optional()
      })
    )
  }).optional()
});
var lhrSchema = external_exports.object({
  lighthouseVersion: external_exports.string(),
  runtimeError: external_exports.object({ code: external_exports.string(), message: external_exports.string() }).optional(),
  categories: external_exports.object({ performance: external_exports.object({ score: external_exports.number().nullable() }) }),
  audits: external_exports.object({
    "largest-contentful-paint": numericAudit,
    "cumulative-layout-shift": numericAudit,
    "server-response-time": numericAudit,
    "max-potential-fid": numericAudit,
    "errors-in-console": consoleAudit
  })
});
var failedHeader = external_exports.object({
  runtimeError: external_exports.object({ code: external_exports.string(), message: external_exports.string() }).optional(),
  requestedUrl: external_exports.string().optional(),
  finalDisplayedUrl: external_exports.string().optional(),
  runWarnings: external_exports.array(external_exports.string()).optional()
});
function parseLhr(raw) {
  const header = failedHeader.safeParse(raw).data;
  const runtimeError = header?.runtimeError;
  if (runtimeError)
    throw new PageLoadError({
      ...runtimeError,
      requestedUrl: header.requestedUrl,
      finalDisplayedUrl: header.finalDisplayedUrl,
      runWarnings: header.runWarnings
    });
  const parsed = lhrSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`unexpected Lighthouse result: ${external_exports.prettifyError(parsed.error)}`);
  if (parsed.data.categories.performance.score === null)
    throw new Error("Lighthouse returned no performance score");
  return parsed.data;
}
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}
function abortable(promise, signal) {
  promise.catch(() => {
  });
  return new Promise((ok, fail) => {
    const onAbort = () => fail(signal.reason ?? new Error("aborted"));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(ok, fail).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
var queue = Promise.resolve();
function measureLighthouse(options) {
  const next = queue.then(() => measureNow(options));
  queue = next.catch(() => {
  });
  return next;
}
var WORKER = fileURLToPath(new URL("./lighthouse-worker.mjs", import.meta.url));
var workerMessage = external_exports.union([
  external_exports.object({ lhr: external_exports.unknown(), full: external_exports.unknown().optional() }),
  external_exports.object({ error: external_exports.string() })
]);
function runWorker(job, log) {
  const { url, runs } = job;
  const child = fork(WORKER, [JSON.stringify(job)], {
    execArgv: [],
    stdio: ["ignore", "ignore", "pipe", "ipc"]
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr = (stderr + chunk.toString()).slice(-2e3);
  });
  const results = new Promise((ok, fail) => {
    const lhrs = [];
    const full = [];
    child.on("message", (raw) => {
      const message = workerMessage.safeParse(raw);
      if (!message.success) return fail(new Error("unexpected message from the Lighthouse worker"));
      if ("error" in message.data) return fail(new Error(`Lighthouse failed: ${message.data.error}`));
      try {
        lhrs.push(parseLhr(message.data.lhr));
      } catch (error) {
        return fail(error);
      }
      if (message.data.full !== void 0) full.push(message.data.full);
      log(`lighthouse: run ${lhrs.length}/${runs} done on ${url}`);
      if (lhrs.length === runs) ok({ parsed: lhrs, full });
    });
    child.on("error", fail);
    child.on(
      "close",
      (code, signal) => fail(new Error(`Lighthouse worker exited (${signal ?? code}) before finishing: ${stderr.trim()}`))
    );
  });
  return { results, kill: () => child.kill("SIGKILL") };
}
async function measureNow(options) {
  try {
    return await measureOnce(options);
  } catch (error) {
    if (!(error instanceof PageLoadError) || options.signal.aborted) throw error;
    const probe = await probePage(error.lhr.requestedUrl ?? options.url, options.signal);
    const cause = explainLoadError(error.lhr, probe, isLoopback(options.url));
    throw new Error(`${error.message}${cause ? `
Likely cause: ${cause}` : ""}`);
  }
}
var PROBE_TIMEOUT_MS = 5e3;
var PROBE_MAX_BODY = 256 * 1024;
async function probePage(url, signal) {
  const hops = [];
  let current = url;
  try {
    for (let hop = 0; hop < 6; hop++) {
      const response = await httpRequest(new URL(current), {
        timeoutMs: PROBE_TIMEOUT_MS,
        signal: AbortSignal.any([signal, AbortSignal.timeout(PROBE_TIMEOUT_MS)]),
        maxBodyBytes: PROBE_MAX_BODY
      });
      const location = headerValue(response.headers, "location");
      hops.push({ url: current, status: response.status, location });
      if (response.status >= 300 && response.status < 400 && location) {
        const next = new URL(location, current).href;
        if (isLoopback(url) && !isLoopback(next)) return { hops };
        current = next;
        continue;
      }
      return { hops, contentType: headerValue(response.headers, "content-type"), body: response.body };
    }
    return { hops };
  } catch (error) {
    return { hops, error: error instanceof Error ? error.message : String(error) };
  }
}
async function measureOnce({
  url,
  runs,
  chromePath,
  signal,
  log,
  flags,
  preset,
  chromeFlags,
  full
}) {
  signal.throwIfAborted();
  const userDataDir = mkdtempSync(join3(tmpdir(), "shipgate-chrome-"));
  let chrome;
  let killWorker = () => {
  };
  const killAll2 = () => {
    killWorker();
    chrome?.kill();
  };
  signal.addEventListener("abort", killAll2, { once: true });
  try {
    const launching = launch({
      chromePath,
      chromeFlags: [...chromeFlagsFor(url), ...chromeFlags ?? []],
      userDataDir,
      logLevel: "silent",
      handleSIGINT: false
    });
    launching.then(
      (launched2) => {
        chrome = launched2;
        if (signal.aborted) launched2.kill();
      },
      () => {
      }
    );
    const launched = await abortable(launching, signal);
    log(`lighthouse: ${runs} run(s) on ${url} (Chromium pid ${launched.pid})`);
    const worker = runWorker({ url, port: launched.port, runs, flags, preset, full }, log);
    killWorker = worker.kill;
    const { parsed, full: fullLhrs } = await abortable(worker.results, signal);
    return { ...summarize(url, parsed), ...full ? { lhrs: fullLhrs } : {} };
  } finally {
    signal.removeEventListener("abort", killAll2);
    killAll2();
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 }).catch(() => {
    });
  }
}
function summarize(url, results) {
  const loopbackOnly = isLoopback(url);
  const consoleErrors = /* @__PURE__ */ new Map();
  for (const lhr of results) {
    for (const item of lhr.audits["errors-in-console"].details?.items ?? []) {
      const error = {
        source: item.source ?? "console",
        description: item.description ?? "(no message)",
        url: item.sourceLocation?.url,
        line: item.sourceLocation?.line === void 0 ? void 0 : item.sourceLocation.line + 1
      };
      consoleErrors.set(`${error.source}|${error.description}|${error.url}|${error.line}`, error);
    }
  }
  const of = (pick2) => median(results.map(pick2));
  return {
    url,
    runs: results.length,
    lighthouseVersion: results[0]?.lighthouseVersion ?? "unknown",
    performance: of((lhr) => lhr.categories.performance.score ?? 0),
    lcpMs: of((lhr) => lhr.audits["largest-contentful-paint"].numericValue),
    cls: of((lhr) => lhr.audits["cumulative-layout-shift"].numericValue),
    ttfbMs: of((lhr) => lhr.audits["server-response-time"].numericValue),
    maxPotentialFidMs: of((lhr) => lhr.audits["max-potential-fid"].numericValue),
    consoleErrors: [...consoleErrors.values()],
    loopbackOnly
  };
}

// checks/lib/lighthouse/static-server.ts
import { createReadStream, statSync } from "node:fs";
import { createServer as createServer2 } from "node:http";
import { extname, join as join4, resolve, sep } from "node:path";
var CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm"
};
function resolveFile(root, urlPath2) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath2.split("?")[0] ?? "/");
  } catch {
    return void 0;
  }
  const candidate = resolve(join4(root, decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return void 0;
  try {
    const stat = statSync(candidate);
    if (stat.isFile()) return candidate;
    if (stat.isDirectory()) {
      const index = join4(candidate, "index.html");
      return statSync(index).isFile() ? index : void 0;
    }
  } catch {
    return void 0;
  }
  return void 0;
}
async function startStaticServer(dir) {
  const root = resolve(dir);
  const server = createServer2((req, res) => {
    const file = resolveFile(root, req.url ?? "/");
    if (!file || req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
    res.writeHead(200, { "content-type": type, "content-length": statSync(file).size });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    createReadStream(file).on("error", () => res.destroy()).pipe(res);
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => ok());
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((ok) => {
      server.close(() => ok());
      server.closeAllConnections();
    })
  };
}

// checks/lighthouse.ts
var DEFAULT_MAX = {
  lcp: 2500,
  cls: 0.1,
  ttfb: 600,
  fid: 100
};
var DEFAULT_MIN_SCORE = 0.9;
function formatMs(ms) {
  return ms < 1e3 ? `${Math.round(ms)} ms` : `${Number((ms / 1e3).toFixed(2))} s`;
}
var LIMITED = {
  lcp: { label: "LCP", format: formatMs },
  cls: { label: "CLS", format: (value) => (Math.round(value * 1e3) / 1e3).toString() },
  ttfb: { label: "TTFB (server-response-time)", format: formatMs },
  fid: { label: "max-potential-FID (lab proxy for FID)", format: formatMs }
};
function measuredValue(metric, measured) {
  if (metric === "lcp") return measured.lcpMs;
  if (metric === "cls") return measured.cls;
  if (metric === "ttfb") return measured.ttfbMs;
  return measured.maxPotentialFidMs;
}
function metricsOf(measured) {
  return {
    performance: Math.round(measured.performance * 100),
    lcpMs: measured.lcpMs,
    cls: measured.cls,
    ttfbMs: measured.ttfbMs,
    maxPotentialFidMs: measured.maxPotentialFidMs,
    consoleErrors: measured.consoleErrors.length,
    runs: measured.runs
  };
}
function detailsOf(measured) {
  return [
    `Lighthouse ${measured.lighthouseVersion}, ${measured.url}, median of ${measured.runs} run(s) (mobile, simulated throttling)`,
    `performance ${Math.round(measured.performance * 100)}, LCP ${formatMs(measured.lcpMs)}, CLS ${LIMITED.cls.format(measured.cls)}, TTFB ${formatMs(measured.ttfbMs)}, max-potential-FID ${formatMs(measured.maxPotentialFidMs)}, console errors ${measured.consoleErrors.length}`
  ].join("\n");
}
function blockedHost(measured, error) {
  if (!measured.loopbackOnly || !/ERR_NAME_NOT_RESOLVED/.test(error.description) || !error.url)
    return void 0;
  const host = URL.canParse(error.url) ? new URL(error.url).hostname : void 0;
  return host && !/^(?:localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(host) ? host : void 0;
}
function blockedHosts(measured) {
  return [...new Set(measured.consoleErrors.flatMap((error) => blockedHost(measured, error) ?? []))];
}
function blockedNote(measured) {
  const hosts = blockedHosts(measured);
  return hosts.length === 0 ? "" : `; ${hosts.join(", ")} unreachable on this runner (not loaded)`;
}
function judge(metric, p, measured) {
  const blocked = blockedHosts(measured);
  const base = {
    details: `${detailsOf(measured)}${blocked.length > 0 ? `
Requests to ${blocked.join(", ")} failed: only loopback resolves on this runner (hermetic local run), so those assets were not loaded.` : ""}`,
    metrics: metricsOf(measured)
  };
  const runs = `median of ${measured.runs} run${measured.runs === 1 ? "" : "s"}`;
  if (metric === "performance") {
    const min = p.min === void 0 ? DEFAULT_MIN_SCORE : p.min > 1 ? p.min / 100 : p.min;
    const score = Math.round(measured.performance * 100);
    const pass2 = measured.performance >= min;
    const summary2 = `Lighthouse performance ${score} ${pass2 ? "\u2265" : "<"} ${Math.round(min * 100)} (${runs}${blockedNote(measured)})`;
    return { status: pass2 ? "pass" : "fail", summary: summary2, ...base };
  }
  if (metric === "console-errors") {
    const finding = (error) => ({
      message: `${error.source} at ${error.url ?? measured.url}${error.line ? `:${error.line}` : ""}: ${error.description}`
    });
    const errors = measured.consoleErrors.filter((error) => !blockedHost(measured, error));
    const setAside = measured.consoleErrors.length - errors.length;
    const findings = errors.map(finding);
    if (errors.length === 0 && setAside > 0) {
      return {
        status: "skipped",
        summary: `${setAside} console error(s) on ${measured.url}, all requests to ${blocked.join(", ")}, which this runner cannot reach (loopback-only DNS): not judged here; measure a staging URL (target.url)`,
        findings: measured.consoleErrors.map(finding),
        ...base
      };
    }
    const aside = setAside > 0 ? `; ${setAside} more to ${blocked.join(", ")} not judged (unreachable here)` : "";
    const summary2 = errors.length === 0 ? `0 console errors on ${measured.url} (${runs})` : `${errors.length} console error(s) on ${measured.url}, expected 0 (first: ${errors[0]?.description.slice(0, 80)})${aside}`;
    return { status: errors.length === 0 ? "pass" : "fail", summary: summary2, findings, ...base };
  }
  const max = p.max ?? DEFAULT_MAX[metric];
  const value = measuredValue(metric, measured);
  const { label, format } = LIMITED[metric];
  const pass = value <= max;
  const summary = `${label} ${format(value)} ${pass ? "\u2264" : ">"} ${format(max)} (${runs}${blockedNote(measured)})`;
  return { status: pass ? "pass" : "fail", summary, ...base };
}
function judgeAll(metric, p, measured, note) {
  const outcomes = measured.map((one) => judge(metric, p, one));
  const worst = outcomes.find((o) => o.status === "fail") ?? outcomes.find((o) => o.status === "skipped") ?? outcomes[0];
  if (!worst) return { status: "error", summary: "no Lighthouse measurement" };
  const where = measured.length > 1 ? ` [${measured.length} URLs]` : "";
  const findings = outcomes.flatMap((o) => o.findings ?? []);
  return {
    ...worst,
    summary: `${worst.summary}${where}${note}`,
    details: outcomes.map((o) => o.details).join("\n\n"),
    ...findings.length > 0 ? { findings } : {}
  };
}
function judgeByConfig(metric, config, measured) {
  if (metric === "lhci") {
    if (!config)
      return {
        status: "skipped",
        summary: "no Lighthouse CI config (lighthouserc.json, .lighthouserc.yml, \u2026)"
      };
    if (!config.assert)
      return { status: "skipped", summary: `${config.file} asserts nothing (no ci.assert)` };
  } else {
    const explicit = config && explicitAssertion(config, metric);
    if (!config || !explicit) return void 0;
    if (explicit.level === "off")
      return { status: "skipped", summary: `${config.file} turns ${explicit.key} off: not judged` };
  }
  const lhrs = measured.flatMap((one) => one.lhrs ?? []);
  const verdict = lhciVerdict(config, lhrs, metric === "lhci" ? void 0 : metric);
  const ignored = config.ignored.length > 0 ? `; not applied: ${config.ignored.join(", ")}` : "";
  return {
    status: verdict.status,
    summary: `${verdict.summary}${ignored}`,
    findings: verdict.findings,
    details: [
      `Judged by @lhci/utils' assertion engine (the one lhci assert runs) on ${lhrs.length} run(s) of ${measured.map((m) => m.url).join(", ")}.`,
      ...verdict.results.map(
        (r) => `${r.passed ? "pass" : r.level} ${r.auditProperty ? `${r.auditId}.${r.auditProperty}` : r.auditId} ${r.name}: ${r.actual} ${r.operator} ${r.expected}`
      )
    ].join("\n"),
    metrics: { assertions: verdict.results.length, failed: verdict.results.filter((r) => !r.passed).length }
  };
}
function pickTarget(ctx, path2) {
  if (ctx.targetUrl) {
    const resolved = resolveTarget(ctx, path2);
    return resolved.ok ? { url: resolved.url.href } : { skip: resolved.outcome.summary };
  }
  const buildDir = findBuildDir(ctx);
  if (!buildDir) return { skip: `no target URL and ${missingBuildDirReason(ctx)}` };
  if (!existsSync(join5(buildDir, "index.html")))
    return { skip: `no target URL and no index.html in ${buildDir}` };
  return { dir: buildDir };
}
var pathOf = (url) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};
function notAPage(probe) {
  const status = probe.hops.at(-1)?.status ?? 0;
  if (probe.error || status < 200 || status >= 500 || status >= 300 && status < 400) return void 0;
  const type = probe.contentType?.split(";")[0]?.trim().toLowerCase();
  if (!type || type === "text/html" || type === "application/xhtml+xml") return void 0;
  return type;
}
function createLighthouseCheck(options = {}) {
  return defineCheck({
    ...lighthouseContract,
    async run(p, ctx) {
      const badChrome = badChromePath(ctx.env);
      if (badChrome) return { status: "error", summary: badChrome };
      const chromePath = findChrome(ctx.env, options.chromeCandidates ?? CHROME_CANDIDATES);
      if (!chromePath) return { status: "skipped", summary: NO_CHROME_REASON };
      const target = pickTarget(ctx, p.path);
      if ("skip" in target) return { status: "skipped", summary: target.skip };
      const rcFile = findLhciRc(ctx.repoDir, ctx.env);
      let config;
      try {
        config = rcFile ? loadLhciConfig(ctx.repoDir, rcFile) : void 0;
      } catch (error) {
        return { status: "error", summary: error.message };
      }
      const runs = Math.min(9, p.runs ?? config?.numberOfRuns ?? 3);
      const full = config?.assert !== void 0;
      const measure = (url) => measureLighthouse({
        url,
        runs,
        chromePath,
        signal: ctx.signal,
        log: (line) => ctx.log(line),
        flags: config?.flags,
        preset: config?.preset,
        chromeFlags: config?.chromeFlags,
        full
      });
      const urlsOf = (base) => config && config.paths.length > 0 ? config.paths.map((path2) => new URL(path2, base).href) : [base];
      let pageUrls;
      let notPages = [];
      if ("url" in target) {
        const urls = urlsOf(target.url);
        const probes = await ctx.memo(
          `lighthouse:pages:${urls.join(" ")}`,
          () => Promise.all(urls.map(async (url) => ({ url, type: notAPage(await probePage(url, ctx.signal)) })))
        );
        notPages = probes.flatMap(
          (probe) => probe.type ? [`GET ${pathOf(probe.url)} is ${probe.type}`] : []
        );
        pageUrls = probes.filter((probe) => !probe.type).map((probe) => probe.url);
        if (pageUrls.length === 0) {
          return {
            status: "skipped",
            summary: `${notPages.join("; ")}: there is no page to audit; point the item at a page or mark it N/A`
          };
        }
      }
      const measureAll = async (base) => {
        const out = [];
        for (const url of pageUrls ?? urlsOf(base)) out.push(await measure(url));
        return out;
      };
      const where = "url" in target ? target.url : `dir:${target.dir}`;
      const key = `lighthouse:${where}:${runs}:${config ? JSON.stringify([config.file, config.paths, config.flags, config.preset, full]) : ""}`;
      let measured;
      try {
        measured = await ctx.memo(key, async () => {
          if ("url" in target) return measureAll(target.url);
          const server = await startStaticServer(target.dir);
          try {
            return await measureAll(server.url);
          } finally {
            await server.close();
          }
        });
      } catch (error) {
        if (ctx.signal.aborted) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        const cause = /\nLikely cause: (.*)/.exec(reason)?.[1];
        const first = reason.split("\n")[0] ?? reason;
        return {
          status: "error",
          summary: cause ? `${first.replace(/^(Lighthouse could not measure the page: [A-Z_]+).*/, "$1")} \u2014 likely cause: ${cause}` : first,
          details: reason
        };
      }
      const notAudited = notPages.length > 0 ? `; not audited: ${notPages.join("; ")} (no page)` : "";
      const byConfig = judgeByConfig(p.metric, config, measured);
      if (byConfig) return { ...byConfig, summary: `${byConfig.summary}${notAudited}` };
      const metric = p.metric;
      const note = config ? ` \u2014 template limit: ${config.file} does not assert ${METRIC_AUDIT[metric]}` : "";
      return judgeAll(metric, p, measured, `${note}${notAudited}`);
    }
  });
}
var lighthouseCheck = createLighthouseCheck();
export {
  createLighthouseCheck,
  lighthouseCheck,
  notAPage
};
