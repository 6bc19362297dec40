#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  _enum,
  array,
  object,
  record,
  string,
  union
} from "./chunk-7MLJYEXC.js";
import {
  require_semver
} from "./chunk-ENAC3JU5.js";
import {
  policyClamavDatabase,
  policyExploitData,
  policyImageLimits,
  policyVexFiles
} from "./chunk-ORKN2LZK.js";
import {
  openImage,
  walkImage
} from "./chunk-EAWDZE7V.js";
import "./chunk-VL4GPTQJ.js";
import "./chunk-DJZU7JBD.js";
import {
  fetchWithRetry
} from "./chunk-6NPJNXW7.js";
import "./chunk-DRSEBZ5C.js";
import "./chunk-TXKN6PNT.js";
import {
  formatPlatform
} from "./chunk-TJLGGXV5.js";
import {
  eolFinding,
  vulnerabilityRule
} from "./chunk-DTVLKBZP.js";
import {
  createAnalyzers
} from "./chunk-7KII5CIB.js";
import "./chunk-7RXX3OXC.js";
import "./chunk-DML5XCCS.js";
import {
  matchHistoryToInstruction,
  ownHistoryEntries
} from "./chunk-Z4T7NOW3.js";
import {
  shipgateCacheDir
} from "./chunk-YGEM47PD.js";
import "./chunk-FJAP4N5B.js";
import "./chunk-DLZNSFT6.js";
import "./chunk-44QYIPQ7.js";
import {
  mapConcurrent
} from "./chunk-SCYKMJJI.js";
import "./chunk-IARREIY2.js";
import "./chunk-DNEHU5TI.js";
import {
  collectInventory,
  require_packageurl_js
} from "./chunk-W7U6HLX4.js";
import "./chunk-3QODUBSV.js";
import {
  compareText
} from "./chunk-WXYCZFY5.js";
import {
  severityFromScore,
  severityRank
} from "./chunk-LJLRXQKZ.js";
import "./chunk-RFIJBJJT.js";
import "./chunk-6FSLFHTN.js";
import "./chunk-Y4CQZHBA.js";
import "./chunk-NQRDU5S6.js";
import {
  ShipgateError,
  isShipgateError,
  toShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  redactUrl
} from "./chunk-6INDVNBY.js";
import {
  stableHash
} from "./chunk-XFIAZQWE.js";
import {
  logger
} from "./chunk-HYPJQQQ3.js";
import {
  oneLine
} from "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import {
  __commonJS,
  __toESM
} from "./chunk-YNPQFTY5.js";

// node_modules/@renovatebot/pep440/lib/version.js
var require_version = __commonJS({
  "node_modules/@renovatebot/pep440/lib/version.js"(exports, module) {
    var VERSION_PATTERN = [
      "v?",
      "(?:",
      /* */
      "(?:(?<epoch>[0-9]+)!)?",
      // epoch
      /* */
      "(?<release>[0-9]+(?:\\.[0-9]+)*)",
      // release segment
      /* */
      "(?<pre>",
      // pre-release
      /*    */
      "[-_\\.]?",
      /*    */
      "(?<pre_l>(a|b|c|rc|alpha|beta|pre|preview))",
      /*    */
      "[-_\\.]?",
      /*    */
      "(?<pre_n>[0-9]+)?",
      /* */
      ")?",
      /* */
      "(?<post>",
      // post release
      /*    */
      "(?:-(?<post_n1>[0-9]+))",
      /*    */
      "|",
      /*    */
      "(?:",
      /*        */
      "[-_\\.]?",
      /*        */
      "(?<post_l>post|rev|r)",
      /*        */
      "[-_\\.]?",
      /*        */
      "(?<post_n2>[0-9]+)?",
      /*    */
      ")",
      /* */
      ")?",
      /* */
      "(?<dev>",
      // dev release
      /*    */
      "[-_\\.]?",
      /*    */
      "(?<dev_l>dev)",
      /*    */
      "[-_\\.]?",
      /*    */
      "(?<dev_n>[0-9]+)?",
      /* */
      ")?",
      ")",
      "(?:\\+(?<local>[a-z0-9]+(?:[-_\\.][a-z0-9]+)*))?"
      // local version
    ].join("");
    module.exports = {
      VERSION_PATTERN,
      valid: valid2,
      clean,
      explain,
      parse,
      stringify
    };
    var validRegex = new RegExp("^" + VERSION_PATTERN + "$", "i");
    function valid2(version) {
      return validRegex.test(version) ? version : null;
    }
    var cleanRegex = new RegExp("^\\s*" + VERSION_PATTERN + "\\s*$", "i");
    function clean(version) {
      return stringify(parse(version, cleanRegex));
    }
    function parse(version, regex) {
      const { groups } = (regex || validRegex).exec(version) || {};
      if (!groups) {
        return null;
      }
      const parsed2 = {
        epoch: Number(groups.epoch ? groups.epoch : 0),
        release: groups.release.split(".").map(Number),
        pre: normalize_letter_version(groups.pre_l, groups.pre_n),
        post: normalize_letter_version(
          groups.post_l,
          groups.post_n1 || groups.post_n2
        ),
        dev: normalize_letter_version(groups.dev_l, groups.dev_n),
        local: parse_local_version(groups.local)
      };
      return parsed2;
    }
    function stringify(parsed2) {
      if (!parsed2) {
        return null;
      }
      const { epoch, release, pre, post, dev, local } = parsed2;
      const parts2 = [];
      if (epoch !== 0) {
        parts2.push(`${epoch}!`);
      }
      parts2.push(release.join("."));
      if (pre) {
        parts2.push(pre.join(""));
      }
      if (post) {
        parts2.push("." + post.join(""));
      }
      if (dev) {
        parts2.push("." + dev.join(""));
      }
      if (local) {
        parts2.push(`+${local}`);
      }
      return parts2.join("");
    }
    function normalize_letter_version(letterIn, numberIn) {
      let letter = letterIn;
      let number = numberIn;
      if (letter) {
        if (!number) {
          number = 0;
        }
        letter = letter.toLowerCase();
        if (letter === "alpha") {
          letter = "a";
        } else if (letter === "beta") {
          letter = "b";
        } else if (["c", "pre", "preview"].includes(letter)) {
          letter = "rc";
        } else if (["rev", "r"].includes(letter)) {
          letter = "post";
        }
        return [letter, Number(number)];
      }
      if (!letter && number) {
        letter = "post";
        return [letter, Number(number)];
      }
      return null;
    }
    function parse_local_version(local) {
      if (local) {
        return local.split(/[._-]/).map(
          (part) => Number.isNaN(Number(part)) ? part.toLowerCase() : Number(part)
        );
      }
      return null;
    }
    function explain(version) {
      const parsed2 = parse(version);
      if (!parsed2) {
        return parsed2;
      }
      const { epoch, release, pre, post, dev, local } = parsed2;
      let base_version = "";
      if (epoch !== 0) {
        base_version += epoch + "!";
      }
      base_version += release.join(".");
      const is_prerelease = Boolean(dev || pre);
      const is_devrelease = Boolean(dev);
      const is_postrelease = Boolean(post);
      return {
        epoch,
        release,
        pre,
        post: post ? post[1] : post,
        dev: dev ? dev[1] : dev,
        local: local ? local.join(".") : local,
        public: stringify(parsed2).split("+", 1)[0],
        base_version,
        is_prerelease,
        is_devrelease,
        is_postrelease
      };
    }
  }
});

// node_modules/@renovatebot/pep440/lib/operator.js
var require_operator = __commonJS({
  "node_modules/@renovatebot/pep440/lib/operator.js"(exports, module) {
    var { parse } = require_version();
    module.exports = {
      compare: compare2,
      rcompare,
      lt,
      le,
      eq,
      ne,
      ge,
      gt,
      "<": lt,
      "<=": le,
      "==": eq,
      "!=": ne,
      ">=": ge,
      ">": gt,
      "===": arbitrary
    };
    function lt(version, other) {
      return compare2(version, other) < 0;
    }
    function le(version, other) {
      return compare2(version, other) <= 0;
    }
    function eq(version, other) {
      return compare2(version, other) === 0;
    }
    function ne(version, other) {
      return compare2(version, other) !== 0;
    }
    function ge(version, other) {
      return compare2(version, other) >= 0;
    }
    function gt(version, other) {
      return compare2(version, other) > 0;
    }
    function arbitrary(version, other) {
      return version.toLowerCase() === other.toLowerCase();
    }
    function compare2(version, other) {
      const parsedVersion = parse(version);
      const parsedOther = parse(other);
      const keyVersion = calculateKey(parsedVersion);
      const keyOther = calculateKey(parsedOther);
      return pyCompare(keyVersion, keyOther);
    }
    function rcompare(version, other) {
      return -compare2(version, other);
    }
    function pyCompare(elemIn, otherIn) {
      let elem = elemIn;
      let other = otherIn;
      if (elem === other) {
        return 0;
      }
      if (Array.isArray(elem) !== Array.isArray(other)) {
        elem = Array.isArray(elem) ? elem : [elem];
        other = Array.isArray(other) ? other : [other];
      }
      if (Array.isArray(elem)) {
        const len = Math.min(elem.length, other.length);
        for (let i = 0; i < len; i += 1) {
          const res = pyCompare(elem[i], other[i]);
          if (res !== 0) {
            return res;
          }
        }
        return elem.length - other.length;
      }
      if (elem === -Infinity || other === Infinity) {
        return -1;
      }
      if (elem === Infinity || other === -Infinity) {
        return 1;
      }
      return elem < other ? -1 : 1;
    }
    function calculateKey(input) {
      const { epoch } = input;
      let { release, pre, post, local, dev } = input;
      release = release.concat();
      release.reverse();
      while (release.length && release[0] === 0) {
        release.shift();
      }
      release.reverse();
      if (!pre && !post && dev) pre = -Infinity;
      else if (!pre) pre = Infinity;
      if (!post) post = -Infinity;
      if (!dev) dev = Infinity;
      if (!local) {
        local = -Infinity;
      } else {
        local = local.map(
          (i) => Number.isNaN(Number(i)) ? [-Infinity, i] : [Number(i), ""]
        );
      }
      return [epoch, release, pre, post, dev, local];
    }
  }
});

// node_modules/@renovatebot/pep440/lib/specifier.js
var require_specifier = __commonJS({
  "node_modules/@renovatebot/pep440/lib/specifier.js"(exports, module) {
    var { VERSION_PATTERN, explain: explainVersion } = require_version();
    var Operator = require_operator();
    var RANGE_PATTERN = [
      "(?<operator>(===|~=|==|!=|<=|>=|<|>))",
      "\\s*",
      "(",
      /*  */
      "(?<version>(?:" + VERSION_PATTERN.replace(/\?<\w+>/g, "?:") + "))",
      /*  */
      "(?<prefix>\\.\\*)?",
      /*  */
      "|",
      /*  */
      "(?<legacy>[^,;\\s)]+)",
      ")"
    ].join("");
    module.exports = {
      RANGE_PATTERN,
      parse,
      satisfies,
      filter,
      validRange,
      maxSatisfying,
      minSatisfying
    };
    var isEqualityOperator = (op) => ["==", "!=", "==="].includes(op);
    var rangeRegex = new RegExp("^" + RANGE_PATTERN + "$", "i");
    function parse(ranges) {
      if (!ranges.trim()) {
        return [];
      }
      const specifiers = ranges.split(",").map((range) => rangeRegex.exec(range.trim()) || {}).map(({ groups }) => {
        if (!groups) {
          return null;
        }
        let { ...spec } = groups;
        const { operator, version, prefix, legacy } = groups;
        if (version) {
          spec = { ...spec, ...explainVersion(version) };
          if (operator === "~=") {
            if (spec.release.length < 2) {
              return null;
            }
          }
          if (!isEqualityOperator(operator) && spec.local) {
            return null;
          }
          if (prefix) {
            if (!isEqualityOperator(operator) || spec.dev || spec.local) {
              return null;
            }
          }
        }
        if (legacy && operator !== "===") {
          return null;
        }
        return spec;
      });
      if (specifiers.filter(Boolean).length !== specifiers.length) {
        return null;
      }
      return specifiers;
    }
    function filter(versions, specifier, options = {}) {
      const filtered = pick(versions, specifier, options);
      if (filtered.length === 0 && options.prereleases === void 0) {
        return pick(versions, specifier, { prereleases: true });
      }
      return filtered;
    }
    function maxSatisfying(versions, range, options) {
      const found = filter(versions, range, options).sort(Operator.compare);
      return found.length === 0 ? null : found[found.length - 1];
    }
    function minSatisfying(versions, range, options) {
      const found = filter(versions, range, options).sort(Operator.compare);
      return found.length === 0 ? null : found[0];
    }
    function pick(versions, specifier, options) {
      const parsed2 = parse(specifier);
      if (!parsed2) {
        return [];
      }
      return versions.filter((version) => {
        const explained = explainVersion(version);
        if (!parsed2.length) {
          return explained && !(explained.is_prerelease && !options.prereleases);
        }
        return parsed2.reduce((pass, spec) => {
          if (!pass) {
            return false;
          }
          return contains({ ...spec, ...options }, { version, explained });
        }, true);
      });
    }
    function satisfies(version, specifier, options = {}) {
      const filtered = pick([version], specifier, options);
      return filtered.length === 1;
    }
    function arrayStartsWith(array2, prefix) {
      if (prefix.length > array2.length) {
        return false;
      }
      for (let i = 0; i < prefix.length; i += 1) {
        if (prefix[i] !== array2[i]) {
          return false;
        }
      }
      return true;
    }
    function contains(specifier, input) {
      const { explained } = input;
      let { version } = input;
      const { ...spec } = specifier;
      if (spec.prereleases === void 0) {
        spec.prereleases = spec.is_prerelease;
      }
      if (explained && explained.is_prerelease && !spec.prereleases) {
        return false;
      }
      if (spec.operator === "~=") {
        let compatiblePrefix = spec.release.slice(0, -1).concat("*").join(".");
        if (spec.epoch) {
          compatiblePrefix = spec.epoch + "!" + compatiblePrefix;
        }
        return satisfies(version, `>=${spec.version}, ==${compatiblePrefix}`, {
          prereleases: spec.prereleases
        });
      }
      if (spec.prefix) {
        const isMatching = explained.epoch === spec.epoch && arrayStartsWith(explained.release, spec.release);
        const isEquality = spec.operator !== "!=";
        return isEquality ? isMatching : !isMatching;
      }
      if (explained) {
        if (explained.local && spec.version) {
          version = explained.public;
          spec.version = explainVersion(spec.version).public;
        }
      }
      if (spec.operator === "<" || spec.operator === ">") {
        if (Operator.eq(spec.release.join("."), explained.release.join("."))) {
          return false;
        }
      }
      const op = Operator[spec.operator];
      return op(version, spec.version || spec.legacy);
    }
    function validRange(specifier) {
      return Boolean(parse(specifier));
    }
  }
});

// node_modules/@renovatebot/pep440/lib/semantic.js
var require_semantic = __commonJS({
  "node_modules/@renovatebot/pep440/lib/semantic.js"(exports, module) {
    var { explain, parse, stringify } = require_version();
    module.exports = {
      major,
      minor,
      patch,
      inc
    };
    function major(input) {
      const version = explain(input);
      if (!version) {
        throw new TypeError("Invalid Version: " + input);
      }
      return version.release[0];
    }
    function minor(input) {
      const version = explain(input);
      if (!version) {
        throw new TypeError("Invalid Version: " + input);
      }
      if (version.release.length < 2) {
        return 0;
      }
      return version.release[1];
    }
    function patch(input) {
      const version = explain(input);
      if (!version) {
        throw new TypeError("Invalid Version: " + input);
      }
      if (version.release.length < 3) {
        return 0;
      }
      return version.release[2];
    }
    function inc(input, release, preReleaseIdentifier) {
      let identifier = preReleaseIdentifier || `a`;
      const version = parse(input);
      if (!version) {
        return null;
      }
      if (!["a", "b", "c", "rc", "alpha", "beta", "pre", "preview"].includes(
        identifier
      )) {
        return null;
      }
      switch (release) {
        case "premajor":
          {
            const [majorVersion] = version.release;
            version.release.fill(0);
            version.release[0] = majorVersion + 1;
          }
          version.pre = [identifier, 0];
          delete version.post;
          delete version.dev;
          delete version.local;
          break;
        case "preminor":
          {
            const [majorVersion, minorVersion = 0] = version.release;
            version.release.fill(0);
            version.release[0] = majorVersion;
            version.release[1] = minorVersion + 1;
          }
          version.pre = [identifier, 0];
          delete version.post;
          delete version.dev;
          delete version.local;
          break;
        case "prepatch":
          {
            const [majorVersion, minorVersion = 0, patchVersion = 0] = version.release;
            version.release.fill(0);
            version.release[0] = majorVersion;
            version.release[1] = minorVersion;
            version.release[2] = patchVersion + 1;
          }
          version.pre = [identifier, 0];
          delete version.post;
          delete version.dev;
          delete version.local;
          break;
        case "prerelease":
          if (version.pre === null) {
            const [majorVersion, minorVersion = 0, patchVersion = 0] = version.release;
            version.release.fill(0);
            version.release[0] = majorVersion;
            version.release[1] = minorVersion;
            version.release[2] = patchVersion + 1;
            version.pre = [identifier, 0];
          } else {
            if (preReleaseIdentifier === void 0 && version.pre !== null) {
              [identifier] = version.pre;
            }
            const [letter, number] = version.pre;
            if (letter === identifier) {
              version.pre = [letter, number + 1];
            } else {
              version.pre = [identifier, 0];
            }
          }
          delete version.post;
          delete version.dev;
          delete version.local;
          break;
        case "major":
          if (version.release.slice(1).some((value) => value !== 0) || version.pre === null) {
            const [majorVersion] = version.release;
            version.release.fill(0);
            version.release[0] = majorVersion + 1;
          }
          delete version.pre;
          delete version.post;
          delete version.dev;
          delete version.local;
          break;
        case "minor":
          if (version.release.slice(2).some((value) => value !== 0) || version.pre === null) {
            const [majorVersion, minorVersion = 0] = version.release;
            version.release.fill(0);
            version.release[0] = majorVersion;
            version.release[1] = minorVersion + 1;
          }
          delete version.pre;
          delete version.post;
          delete version.dev;
          delete version.local;
          break;
        case "patch":
          if (version.release.slice(3).some((value) => value !== 0) || version.pre === null) {
            const [majorVersion, minorVersion = 0, patchVersion = 0] = version.release;
            version.release.fill(0);
            version.release[0] = majorVersion;
            version.release[1] = minorVersion;
            version.release[2] = patchVersion + 1;
          }
          delete version.pre;
          delete version.post;
          delete version.dev;
          delete version.local;
          break;
        default:
          return null;
      }
      return stringify(version);
    }
  }
});

// node_modules/@renovatebot/pep440/index.js
var require_pep440 = __commonJS({
  "node_modules/@renovatebot/pep440/index.js"(exports, module) {
    var { valid: valid2, clean, explain, parse } = require_version();
    var { lt, le, eq, ne, ge, gt, compare: compare2, rcompare } = require_operator();
    var {
      filter,
      maxSatisfying,
      minSatisfying,
      RANGE_PATTERN,
      satisfies,
      validRange
    } = require_specifier();
    var { major, minor, patch, inc } = require_semantic();
    module.exports = {
      // version
      valid: valid2,
      clean,
      explain,
      parse,
      // operator
      lt,
      le,
      lte: le,
      eq,
      ne,
      neq: ne,
      ge,
      gte: ge,
      gt,
      compare: compare2,
      rcompare,
      // range
      filter,
      maxSatisfying,
      minSatisfying,
      RANGE_PATTERN,
      satisfies,
      validRange,
      // semantic
      major,
      minor,
      patch,
      inc
    };
  }
});

// node_modules/ae-cvss-calculator/dist/ae-cvss-calculator.js
var require_ae_cvss_calculator = __commonJS({
  "node_modules/ae-cvss-calculator/dist/ae-cvss-calculator.js"(exports, module) {
    !(function(e, t) {
      "object" == typeof exports && "object" == typeof module ? module.exports = t() : "function" == typeof define && define.amd ? define([], t) : "object" == typeof exports ? exports.CvssCalculator = t() : e.CvssCalculator = t();
    })(exports, (() => (() => {
      "use strict";
      var e = { 154: (e2, t2) => {
        Object.defineProperty(t2, "__esModule", { value: true }), t2.CvssVector = void 0;
        class o {
          constructor(e3, t3, o2) {
            this.vector = e3, this.normalize = t3, this.scores = o2;
          }
          isUpToDate(e3, t3) {
            return this.vector === e3 && this.normalize === t3;
          }
          getScores() {
            return this.scores;
          }
        }
        t2.CvssVector = class {
          constructor(e3) {
            this.vectorChangedListeners = [], this.components = /* @__PURE__ */ new Map(), this.clearComponents(), e3 && this.applyVector(e3);
          }
          calculateScores(e3 = false) {
            const t3 = this.toString(true);
            if (this.cachedScores && this.cachedScores.isUpToDate(t3, e3)) return this.cachedScores.getScores();
            const a = this.calculateScoresInternal(e3);
            return this.cachedScores = new o(t3, e3, a), a;
          }
          fillBaseMetrics() {
            for (const [e3, t3] of this.getRegisteredComponents()) if ("base" === e3.name) {
              for (const e4 of t3) {
                const t4 = e4.values[1];
                t4 && this.applyComponent(e4, t4);
              }
              return;
            }
            throw new Error("No base category found");
          }
          getComponents() {
            return this.components;
          }
          clearComponents() {
            this.getRegisteredComponents().forEach(((e3, t3) => {
              e3.forEach(((e4) => this.components.set(e4, e4.values[0])));
            }));
          }
          clearSpecifiedComponents(e3) {
            e3.forEach(((e4) => this.components.set(e4, e4.values[0])));
          }
          addVectorChangedListener(e3) {
            this.vectorChangedListeners.push(e3);
          }
          normalizeVector(e3) {
            return e3.replace(/\(/g, "").replace(/\)/g, "").replace(/CVSS:\d+\.?\d?/g, "").replace(/\s/g, "").replace(/\\/g, "").replace(/^\//g, "").replace(/\/$/g, "").trim();
          }
          findComponent(e3) {
            for (const t3 of this.getRegisteredComponents().values()) {
              const o2 = t3.find(((t4) => t4.name === e3 || t4.shortName === e3));
              if (o2) return o2;
            }
            return Array.from(this.components.keys()).find(((t3) => t3.name === e3 || t3.shortName === e3));
          }
          applyVector(e3) {
            this.applyVectorCount(e3);
          }
          applyVectorCount(e3) {
            const t3 = this.normalizeVector(e3).split("/");
            let o2 = 0;
            return t3.forEach(((e4) => {
              if (0 === e4.length) return;
              const [t4, a] = e4.split(":");
              0 !== t4.length && 0 !== a.length ? this.applyComponentString(t4, a, false) && o2++ : console.warn("Invalid component/value pair", e4);
            })), this.vectorChangedListeners.forEach(((e4) => e4(this))), o2;
          }
          applyComponentString(e3, t3, o2 = true) {
            const a = this.findComponent(e3);
            if (a) {
              const i = a.values.find(((e4) => e4.name === t3 || e4.shortName === t3));
              if (i) return this.components.get(a) !== i && (this.applyComponent(a, i), o2 && this.vectorChangedListeners.forEach(((e4) => e4(this))), true);
              throw new Error(`Unknown component value ${t3} for component ${e3}`);
            }
            throw new Error(`Unknown component ${e3} when setting value ${t3}`);
          }
          applyComponentStringSilent(e3, t3, o2 = true) {
            try {
              return this.applyComponentString(e3, t3, o2);
            } catch (e4) {
              return false;
            }
          }
          applyComponent(e3, t3, o2 = true) {
            this.components.set(e3, t3), o2 && this.vectorChangedListeners.forEach(((e4) => e4(this)));
          }
          applyVectorPartsIf(e3, t3, o2) {
            if (!e3) return 0;
            const a = this.normalizeVector(e3);
            if (0 === a.length) return 0;
            const i = a.split("/");
            let s = 0;
            for (const e4 of i) {
              if (!e4) continue;
              const a2 = e4.split(":", 2), i2 = this.clone(), n = t3(i2);
              if (2 === a2.length) {
                i2.applyComponentStringSilent(a2[0], a2[1]);
                const e5 = t3(i2);
                o2 ? e5 <= n && (s += this.applyComponentStringSilent(a2[0], a2[1]) ? 1 : 0) : e5 >= n && (s += this.applyComponentStringSilent(a2[0], a2[1]) ? 1 : 0);
              } else console.warn("Unknown vector argument:", e4);
            }
            return s;
          }
          applyVectorPartsIfLower(e3, t3) {
            return this.applyVectorPartsIf(e3, t3, true);
          }
          applyVectorPartsIfHigher(e3, t3) {
            return this.applyVectorPartsIf(e3, t3, false);
          }
          applyVectorPartsIfLowerVector(e3, t3) {
            return this.applyVectorPartsIf(e3.toStringDefinedParts(), t3, true);
          }
          applyVectorPartsIfHigherVector(e3, t3) {
            return this.applyVectorPartsIf(e3.toStringDefinedParts(), t3, false);
          }
          getComponent(e3) {
            const t3 = this.components.get(e3);
            if (!t3) throw new Error(`Unknown component: ${e3.name}`);
            return t3;
          }
          getComponentByString(e3) {
            const t3 = this.findComponent(e3);
            if (!t3) throw new Error(`Unknown component: ${e3}`);
            const o2 = this.components.get(t3);
            if (!o2) throw new Error(`Unknown component: ${e3}`);
            return o2;
          }
          getComponentByStringOpt(e3) {
            try {
              return this.getComponentByString(e3);
            } catch (e4) {
              return null;
            }
          }
          size() {
            return Array.from(this.components.values()).filter(this.isComponentValueDefined).length;
          }
          getFirstDefinedComponent(e3) {
            return e3.map(((e4) => this.components.get(e4))).find(this.isComponentValueDefined);
          }
          toString(e3 = false, t3 = this.getRegisteredComponents(), o2 = false) {
            let a = "";
            for (const [i, s] of t3) if (e3 || this.isCategoryPartiallyDefined(i)) for (const e4 of s) {
              const t4 = this.components.get(e4);
              if (t4) {
                if (o2 && !this.isComponentValueDefined(t4)) continue;
                a += `${e4.shortName}:${t4.shortName}/`;
              }
            }
            return this.getVectorPrefix() + a.slice(0, -1);
          }
          toStringDefinedParts() {
            return this.toString(false, this.getRegisteredComponents(), true);
          }
          isCategoryFullyDefined(e3) {
            const t3 = this.getRegisteredComponents().get(e3);
            return !!t3 && t3.every(((e4) => void 0 !== this.components.get(e4) && "ND" !== this.components.get(e4).shortName && "X" !== this.components.get(e4).shortName));
          }
          isCategoryPartiallyDefined(e3) {
            const t3 = this.getRegisteredComponents().get(e3);
            return !!t3 && t3.some(((e4) => void 0 !== this.components.get(e4) && "ND" !== this.components.get(e4).shortName && "X" !== this.components.get(e4).shortName));
          }
          round(e3, t3) {
            let o2 = Math.pow(10, t3);
            return Math.round(e3 * o2) / o2;
          }
          roundUp(e3) {
            let t3 = Math.round(1e5 * e3);
            return t3 % 1e4 == 0 ? t3 / 1e5 : (Math.floor(t3 / 1e4) + 1) / 10;
          }
          normalizeScore(e3, t3) {
            return 10 === t3 ? e3 : this.round(this.mapRange(e3, 0, t3, 0, 10), 1);
          }
          mapRange(e3, t3, o2, a, i) {
            return (e3 - t3) / (o2 - t3) * (i - a) + a;
          }
          pickRandomDefinedComponentValue(e3) {
            for (let t3 = 0; t3 < 999999; t3++) {
              const t4 = e3.values[Math.floor(Math.random() * e3.values.length)];
              if ("X" !== t4.shortName && "ND" !== t4.shortName && !t4.hide) return t4;
            }
          }
          clone() {
            const e3 = new this.constructor();
            return e3.components = new Map(this.components), e3;
          }
          diffVector(e3) {
            const t3 = new this.constructor();
            for (const [o2, a] of this.getRegisteredComponents()) for (const o3 of a) {
              const a2 = this.components.get(o3), i = e3.components.get(o3), s = this.isComponentValueDefined(a2), n = this.isComponentValueDefined(i);
              s && n && a2.shortName !== i.shortName || !s && n ? t3.applyComponent(o3, i) : s && !n && t3.applyComponent(o3, a2);
            }
            return t3;
          }
          applyEnvironmentalMetricsOntoBase() {
            for (const [e3, t3] of this.getRegisteredComponents()) for (const e4 of t3) {
              const t4 = this.components.get(e4);
              t4 && e4.baseMetricEquivalent && this.isComponentValueDefined(t4) && (e4.baseMetricEquivalentMapper ? this.applyComponentString(e4.baseMetricEquivalent.shortName, e4.baseMetricEquivalentMapper(t4).shortName, false) : this.applyComponentString(e4.baseMetricEquivalent.shortName, t4.shortName, false), this.applyComponent(e4, e4.values[0], false));
            }
            this.vectorChangedListeners.forEach(((e3) => e3(this)));
          }
          isComponentValueDefined(e3) {
            return void 0 !== e3 && "ND" !== e3.shortName && "X" !== e3.shortName;
          }
          static _reorderAttributeSeverityOrder(e3) {
            const t3 = [];
            return e3.forEach(((e4, o2) => {
              t3.push([e4]);
            })), t3;
          }
        };
      }, 156: function(e2, t2, o) {
        var a = this && this.__createBinding || (Object.create ? function(e3, t3, o2, a2) {
          void 0 === a2 && (a2 = o2);
          var i2 = Object.getOwnPropertyDescriptor(t3, o2);
          i2 && !("get" in i2 ? !t3.__esModule : i2.writable || i2.configurable) || (i2 = { enumerable: true, get: function() {
            return t3[o2];
          } }), Object.defineProperty(e3, a2, i2);
        } : function(e3, t3, o2, a2) {
          void 0 === a2 && (a2 = o2), e3[a2] = t3[o2];
        }), i = this && this.__exportStar || function(e3, t3) {
          for (var o2 in e3) "default" === o2 || Object.prototype.hasOwnProperty.call(t3, o2) || a(t3, e3, o2);
        };
        Object.defineProperty(t2, "__esModule", { value: true }), t2.Cvss4P0 = t2.Cvss3P0 = t2.Cvss3P1 = t2.Cvss2 = t2.CvssVector = void 0;
        var s = o(154);
        Object.defineProperty(t2, "CvssVector", { enumerable: true, get: function() {
          return s.CvssVector;
        } }), i(o(564), t2);
        var n = o(475);
        Object.defineProperty(t2, "Cvss2", { enumerable: true, get: function() {
          return n.Cvss2;
        } });
        var r = o(371);
        Object.defineProperty(t2, "Cvss3P1", { enumerable: true, get: function() {
          return r.Cvss3P1;
        } });
        var c = o(623);
        Object.defineProperty(t2, "Cvss3P0", { enumerable: true, get: function() {
          return c.Cvss3P0;
        } });
        var l = o(987);
        Object.defineProperty(t2, "Cvss4P0", { enumerable: true, get: function() {
          return l.Cvss4P0;
        } });
      }, 331: (e2, t2) => {
        var o;
        Object.defineProperty(t2, "__esModule", { value: true }), t2.Cvss3P0Components = void 0;
        class a {
        }
        t2.Cvss3P0Components = a, o = a, a.CONFIDENTIALITY_IMPACT_VALUES = { X: { shortName: "X", value: 0, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, N: { shortName: "N", value: 0, name: "None", jsonSchemaName: "NONE", description: "There is no loss of confidentiality within the impacted component." }, L: { shortName: "L", value: 0.22, name: "Low", jsonSchemaName: "LOW", description: "There is some loss of confidentiality. Access to some restricted information is obtained, but the attacker does not have control over what information is obtained, or the amount or kind of loss is limited. The information disclosure does not cause a direct, serious loss to the impacted component." }, H: { shortName: "H", value: 0.56, name: "High", jsonSchemaName: "HIGH", description: "There is a total loss of confidentiality, resulting in all resources within the impacted component being divulged to the attacker. Alternatively, access to only some restricted information is obtained, but the disclosed information presents a direct, serious impact. For example, an attacker steals the administrator's password, or private encryption keys of a web server." } }, a.CONFIDENTIALITY_IMPACT = [o.CONFIDENTIALITY_IMPACT_VALUES.X, o.CONFIDENTIALITY_IMPACT_VALUES.N, o.CONFIDENTIALITY_IMPACT_VALUES.L, o.CONFIDENTIALITY_IMPACT_VALUES.H], a.INTEGRITY_IMPACT_VALUES = { X: { shortName: "X", value: 0, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, N: { shortName: "N", value: 0, name: "None", jsonSchemaName: "NONE", description: "There is no loss of integrity within the impacted component." }, L: { shortName: "L", value: 0.22, name: "Low", jsonSchemaName: "LOW", description: "Modification of data is possible, but the attacker does not have control over the consequence of a modification, or the amount of modification is limited. The data modification does not have a direct, serious impact on the impacted component." }, H: { shortName: "H", value: 0.56, name: "High", jsonSchemaName: "HIGH", description: "There is a total loss of integrity, or a complete loss of protection. For example, the attacker is able to modify any/all files protected by the impacted component. Alternatively, only some files can be modified, but malicious modification would present a direct, serious consequence to the impacted component." } }, a.INTEGRITY_IMPACT = [o.INTEGRITY_IMPACT_VALUES.X, o.INTEGRITY_IMPACT_VALUES.N, o.INTEGRITY_IMPACT_VALUES.L, o.INTEGRITY_IMPACT_VALUES.H], a.AVAILABILITY_IMPACT_VALUES = { X: { shortName: "X", value: 0, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, N: { shortName: "N", value: 0, name: "None", jsonSchemaName: "NONE", description: "There is no impact to availability within the impacted component." }, L: { shortName: "L", value: 0.22, name: "Low", jsonSchemaName: "LOW", description: "Performance is reduced or there are interruptions in resource availability. Even if repeated exploitation of the vulnerability is possible, the attacker does not have the ability to completely deny service to legitimate users. The resources in the impacted component are either partially available all of the time, or fully available only some of the time, but overall there is no direct, serious consequence to the impacted component." }, H: { shortName: "H", value: 0.56, name: "High", jsonSchemaName: "HIGH", description: "There is a total loss of availability, resulting in the attacker being able to fully deny access to resources in the impacted component; this loss is either sustained (while the attacker continues to deliver the attack) or persistent (the condition persists even after the attack has completed). Alternatively, the attacker has the ability to deny some availability, but the loss of availability presents a direct, serious consequence to the impacted component (e.g., the attacker cannot disrupt existing connections, but can prevent new connections; the attacker can repeatedly exploit a vulnerability that, in each instance of a successful attack, leaks a only small amount of memory, but after repeated exploitation causes a service to become completely unavailable)." } }, a.AVAILABILITY_IMPACT = [o.AVAILABILITY_IMPACT_VALUES.X, o.AVAILABILITY_IMPACT_VALUES.N, o.AVAILABILITY_IMPACT_VALUES.L, o.AVAILABILITY_IMPACT_VALUES.H], a.CONFIDENTIALITY_REQUIREMENT_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Assigning this value indicates there is insufficient information to choose one of the other values, and has no impact on the overall Environmental Score, i.e., it has the same effect on scoring as assigning Medium." }, L: { shortName: "L", value: 0.5, name: "Low", jsonSchemaName: "LOW", description: "Loss of Confidentiality is likely to have only a limited adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." }, M: { shortName: "M", value: 1, name: "Medium", jsonSchemaName: "MEDIUM", description: "Loss of Confidentiality is likely to have a serious adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." }, H: { shortName: "H", value: 1.5, name: "High", jsonSchemaName: "HIGH", description: "Loss of Confidentiality is likely to have a catastrophic adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." } }, a.CONFIDENTIALITY_REQUIREMENT = [o.CONFIDENTIALITY_REQUIREMENT_VALUES.X, o.CONFIDENTIALITY_REQUIREMENT_VALUES.L, o.CONFIDENTIALITY_REQUIREMENT_VALUES.M, o.CONFIDENTIALITY_REQUIREMENT_VALUES.H], a.INTEGRITY_REQUIREMENT_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Assigning this value indicates there is insufficient information to choose one of the other values, and has no impact on the overall Environmental Score, i.e., it has the same effect on scoring as assigning Medium." }, L: { shortName: "L", value: 0.5, name: "Low", jsonSchemaName: "LOW", description: "Loss of Integrity is likely to have only a limited adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." }, M: { shortName: "M", value: 1, name: "Medium", jsonSchemaName: "MEDIUM", description: "Loss of Integrity is likely to have a serious adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." }, H: { shortName: "H", value: 1.5, name: "High", jsonSchemaName: "HIGH", description: "Loss of Integrity is likely to have a catastrophic adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." } }, a.INTEGRITY_REQUIREMENT = [o.INTEGRITY_REQUIREMENT_VALUES.X, o.INTEGRITY_REQUIREMENT_VALUES.L, o.INTEGRITY_REQUIREMENT_VALUES.M, o.INTEGRITY_REQUIREMENT_VALUES.H], a.AVAILABILITY_REQUIREMENT_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Assigning this value indicates there is insufficient information to choose one of the other values, and has no impact on the overall Environmental Score, i.e., it has the same effect on scoring as assigning Medium." }, L: { shortName: "L", value: 0.5, name: "Low", jsonSchemaName: "LOW", description: "Loss of Availability is likely to have only a limited adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." }, M: { shortName: "M", value: 1, name: "Medium", jsonSchemaName: "MEDIUM", description: "Loss of Availability is likely to have a serious adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." }, H: { shortName: "H", value: 1.5, name: "High", jsonSchemaName: "HIGH", description: "Loss of Availability is likely to have a catastrophic adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." } }, a.AVAILABILITY_REQUIREMENT = [o.AVAILABILITY_REQUIREMENT_VALUES.X, o.AVAILABILITY_REQUIREMENT_VALUES.L, o.AVAILABILITY_REQUIREMENT_VALUES.M, o.AVAILABILITY_REQUIREMENT_VALUES.H], a.TEMPLATE_CIA_REQUIREMENT_MODIFIED_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, L: { shortName: "L", value: 0.5, name: "Low", jsonSchemaName: "LOW", description: "There is no impact to the integrity of the system." }, M: { shortName: "M", value: 1, name: "Medium", jsonSchemaName: "MEDIUM", description: "There is a partial compromise of system integrity." }, H: { shortName: "H", value: 1.5, name: "High", jsonSchemaName: "HIGH", description: "There is a total compromise of system integrity." } }, a.TEMPLATE_CIA_REQUIREMENT_MODIFIED = [o.TEMPLATE_CIA_REQUIREMENT_MODIFIED_VALUES.X, o.TEMPLATE_CIA_REQUIREMENT_MODIFIED_VALUES.L, o.TEMPLATE_CIA_REQUIREMENT_MODIFIED_VALUES.M, o.TEMPLATE_CIA_REQUIREMENT_MODIFIED_VALUES.H], a.BASE_CATEGORY = { name: "base", description: "This metric reflects the qualities of a vulnerability that are constant over time and across user environments." }, a.AV_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, N: { shortName: "N", value: 0.85, name: "Network", abbreviatedName: "Netw.", jsonSchemaName: "NETWORK", description: "The vulnerable component is bound to the network stack and the set of possible attackers extends beyond the other options listed below, up to and including the entire Internet." }, A: { shortName: "A", value: 0.62, name: "Adjacent Network", abbreviatedName: "Adj. Network", jsonSchemaName: "ADJACENT_NETWORK", description: "The vulnerable component is bound to the network stack, but the attack is limited at the protocol level to a logically adjacent topology." }, L: { shortName: "L", value: 0.55, name: "Local", jsonSchemaName: "LOCAL", description: "The vulnerable component is not bound to the network stack and the attacker's path is via read/write/execute capabilities." }, P: { shortName: "P", value: 0.2, name: "Physical", abbreviatedName: "Phys.", jsonSchemaName: "PHYSICAL", description: "The attack requires the attacker to physically touch or manipulate the vulnerable component." } }, a.AV = { name: "Attack Vector", shortName: "AV", subCategory: "Exploitability Metrics", description: "This metric reflects the context by which vulnerability exploitation is possible. The more remote an attacker can be to attack a host, the greater the vulnerability score.", values: [o.AV_VALUES.X, o.AV_VALUES.N, o.AV_VALUES.A, o.AV_VALUES.L, o.AV_VALUES.P] }, a.AC_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, L: { shortName: "L", value: 0.77, name: "Low", jsonSchemaName: "LOW", description: "Specialized access conditions or extenuating circumstances do not exist. An attacker can expect repeatable success when attacking the vulnerable component." }, H: { shortName: "H", value: 0.44, name: "High", jsonSchemaName: "HIGH", description: "A successful attack depends on conditions beyond the attacker's control. That is, a successful attack cannot be accomplished at will, but requires the attacker to invest in some measurable amount of effort in preparation or execution against the vulnerable component before a successful attack can be expected." } }, a.AC = { name: "Attack Complexity", shortName: "AC", subCategory: "Exploitability Metrics", description: "This metric describes the conditions beyond the attacker's control that must exist in order to exploit the vulnerability.", values: [o.AC_VALUES.X, o.AC_VALUES.L, o.AC_VALUES.H] }, a.PR_VALUES = { X: { shortName: "X", value: 1, changedValue: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, N: { shortName: "N", value: 0.85, changedValue: 0.85, name: "None", jsonSchemaName: "NONE", description: "The attacker is unauthorized prior to attack, and therefore does not require any access to settings or files of the vulnerable system to carry out an attack." }, L: { shortName: "L", value: 0.62, changedValue: 0.68, name: "Low", jsonSchemaName: "LOW", description: "The attacker requires privileges that provide basic user capabilities that could normally affect only settings and files owned by a user. Alternatively, an attacker with Low privileges has the ability to access only non-sensitive resources." }, H: { shortName: "H", value: 0.27, changedValue: 0.5, name: "High", jsonSchemaName: "HIGH", description: "The attacker requires privileges that provide significant (e.g., administrative) control over the vulnerable component allowing access to component-wide settings and files." } }, a.PR = { name: "Privileges Required", shortName: "PR", subCategory: "Exploitability Metrics", description: "This metric describes the level of privileges an attacker must possess before successfully exploiting the vulnerability.", values: [o.PR_VALUES.X, o.PR_VALUES.N, o.PR_VALUES.L, o.PR_VALUES.H] }, a.UI_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, N: { shortName: "N", value: 0.85, name: "None", jsonSchemaName: "NONE", description: "The vulnerable system can be exploited without interaction from any user." }, R: { shortName: "R", value: 0.62, name: "Required", abbreviatedName: "Req.", jsonSchemaName: "REQUIRED", description: "Successful exploitation of this vulnerability requires a user to take some action before the vulnerability can be exploited. For example, a successful exploit may only be possible during the installation of an application by a system administrator." } }, a.UI = { name: "User Interaction", shortName: "UI", subCategory: "Exploitability Metrics", description: "This metric captures the requirement for a user, other than the attacker, to participate in the successful compromise of the vulnerable component.", values: [o.UI_VALUES.X, o.UI_VALUES.N, o.UI_VALUES.R] }, a.S_VALUES = { X: { shortName: "X", value: false, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, U: { shortName: "U", value: false, name: "Unchanged", abbreviatedName: "Unchang.", jsonSchemaName: "UNCHANGED", description: "An exploited vulnerability can only affect resources managed by the same authority." }, C: { shortName: "C", value: true, name: "Changed", jsonSchemaName: "CHANGED", description: "An exploited vulnerability can affect resources beyond the authorization privileges intended by the vulnerable system's design." } }, a.S = { name: "Scope", shortName: "S", subCategory: "Exploitability Metrics", description: "Can an exploit of the vulnerability be accomplished remotely?", values: [o.S_VALUES.X, o.S_VALUES.U, o.S_VALUES.C] }, a.C = { name: "Confidentiality Impact", shortName: "C", subCategory: "Impact Metrics", description: "This metric measures the impact to the confidentiality of the information resources managed by a software component due to a successfully exploited vulnerability.", values: o.CONFIDENTIALITY_IMPACT }, a.I = { name: "Integrity Impact", shortName: "I", subCategory: "Impact Metrics", description: "This metric measures the impact to integrity of a successfully exploited vulnerability.", values: o.INTEGRITY_IMPACT }, a.A = { name: "Availability Impact", shortName: "A", subCategory: "Impact Metrics", description: "This metric measures the impact to the availability of the impacted component resulting from a successfully exploited vulnerability.", values: o.AVAILABILITY_IMPACT }, a.BASE_CATEGORY_VALUES = [o.AV, o.AC, o.PR, o.UI, o.S, o.C, o.I, o.A], a.TEMPORAL_CATEGORY = { name: "temporal", description: "This metric reflects the current state of exploit techniques or code availability." }, a.E_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, U: { shortName: "U", value: 0.91, name: "Unproven", abbreviatedName: "Unproven", description: "No exploit code is available, or an exploit is theoretical." }, P: { shortName: "P", value: 0.94, name: "Proof-of-Concept", abbreviatedName: "Proof-of-conc.", jsonSchemaName: "PROOF_OF_CONCEPT", description: "Proof-of-concept exploit code is available, or an attack demonstration is not practical for most systems. The code or technique is not functional in all situations and may require substantial modification by a skilled attacker." }, F: { shortName: "F", value: 0.97, name: "Functional", jsonSchemaName: "FUNCTIONAL", description: "Functional exploit code is available. The code works in most situations where the vulnerability exists." }, H: { shortName: "H", value: 1, name: "High", jsonSchemaName: "HIGH", description: "Functional exploit code is available. The code is widespread and automated and works in all situations where the vulnerability exists." } }, a.E = { name: "Exploit Code Maturity", shortName: "E", description: "This metric measures the likelihood of the vulnerability being attacked, and is typically based on the current state of exploit techniques, exploit code availability, or active, successful exploitation of the vulnerability.", values: [o.E_VALUES.X, o.E_VALUES.U, o.E_VALUES.P, o.E_VALUES.F, o.E_VALUES.H] }, a.RL_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, O: { shortName: "O", value: 0.95, name: "Official Fix", abbreviatedName: "Off. Fix", jsonSchemaName: "OFFICIAL_FIX", description: "A complete vendor solution is available. Either the vendor has issued an official patch, or an upgrade is available." }, T: { shortName: "T", value: 0.96, name: "Temporary Fix", abbreviatedName: "Temp. Fix", jsonSchemaName: "TEMPORARY_FIX", description: "There is an official but temporary fix available. This includes instances where the vendor issues a temporary hotfix, tool, or workaround." }, W: { shortName: "W", value: 0.97, name: "Workaround", jsonSchemaName: "WORKAROUND", description: "There is an unofficial, non-vendor solution available. In some cases, users of the affected technology will create a patch of their own or provide steps to work around or otherwise mitigate the vulnerability." }, U: { shortName: "U", value: 1, name: "Unavailable", jsonSchemaName: "UNAVAILABLE", description: "There is either no solution available or it is impossible to apply." } }, a.RL = { name: "Remediation Level", shortName: "RL", description: "This metric describes the remediation level for a vulnerability in an affected resource.", values: [o.RL_VALUES.X, o.RL_VALUES.O, o.RL_VALUES.T, o.RL_VALUES.W, o.RL_VALUES.U] }, a.RC_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, U: { shortName: "U", value: 0.92, name: "Unknown", description: "Report confidence is unknown." }, R: { shortName: "R", value: 0.96, name: "Reasonable", jsonSchemaName: "REASONABLE", description: "Reasonable confidence exists, or the reported vulnerability is in a component not typically used by a target or not having a large installed base." }, C: { shortName: "C", value: 1, name: "Confirmed", jsonSchemaName: "CONFIRMED", description: "Confirmed confidence exists, or the exploit is functional in the environment where the vulnerability exists." } }, a.RC = { name: "Report Confidence", shortName: "RC", description: "This metric describes the level of confidence in the existence of the vulnerability and the credibility of the known technical details.", values: [o.RC_VALUES.X, o.RC_VALUES.U, o.RC_VALUES.R, o.RC_VALUES.C] }, a.TEMPORAL_CATEGORY_VALUES = [o.E, o.RL, o.RC], a.ENVIRONMENTAL_CATEGORY = { name: "environmental", description: "This metric reflects the characteristics of a vulnerability that are relevant and unique to a particular user's environment. This metric can greatly improve the accuracy of a score." }, a.MAV_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, N: { shortName: "N", value: 0.85, name: "Network", abbreviatedName: "Netw.", jsonSchemaName: "NETWORK", description: "The vulnerable component is bound to the network stack and the set of possible attackers extends beyond the other options listed below, up to and including the entire Internet." }, A: { shortName: "A", value: 0.62, name: "Adjacent Network", abbreviatedName: "Adj. Network", jsonSchemaName: "ADJACENT_NETWORK", description: "The vulnerable component is bound to the network stack, but the attack is limited at the protocol level to a logically adjacent topology." }, L: { shortName: "L", value: 0.55, name: "Local", jsonSchemaName: "LOCAL", description: "The vulnerable component is not bound to the network stack and the attacker's path is via read/write/execute capabilities." }, P: { shortName: "P", value: 0.2, name: "Physical", abbreviatedName: "Phys.", jsonSchemaName: "PHYSICAL", description: "The attack requires the attacker to physically touch or manipulate the vulnerable component." } }, a.MAV = { name: "Modified Attack Vector", shortName: "MAV", subCategory: "Exploitability Metrics", description: "This metric reflects the context by which vulnerability exploitation is possible. The more remote an attacker can be to attack a host, the greater the vulnerability score.", baseMetricEquivalent: o.AV, values: [o.MAV_VALUES.X, o.MAV_VALUES.N, o.MAV_VALUES.A, o.MAV_VALUES.L, o.MAV_VALUES.P] }, a.MAC_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, L: { shortName: "L", value: 0.77, name: "Low", jsonSchemaName: "LOW", description: "Specialized access conditions or extenuating circumstances do not exist. An attacker can expect repeatable success when attacking the vulnerable component." }, H: { shortName: "H", value: 0.44, name: "High", jsonSchemaName: "HIGH", description: "A successful attack depends on conditions beyond the attacker's control. That is, a successful attack cannot be accomplished at will, but requires the attacker to invest in some measurable amount of effort in preparation or execution against the vulnerable component before a successful attack can be expected." } }, a.MAC = { name: "Modified Attack Complexity", shortName: "MAC", subCategory: "Exploitability Metrics", description: "This metric describes the conditions beyond the attacker's control that must exist in order to exploit the vulnerability.", baseMetricEquivalent: o.AC, values: [o.MAC_VALUES.X, o.MAC_VALUES.L, o.MAC_VALUES.H] }, a.MPR_VALUES = { X: { shortName: "X", value: 1, changedValue: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, N: { shortName: "N", value: 0.85, changedValue: 0.85, name: "None", jsonSchemaName: "NONE", description: "The attacker is unauthorized prior to attack, and therefore does not require any access to settings or files of the vulnerable system to carry out an attack." }, L: { shortName: "L", value: 0.62, changedValue: 0.68, name: "Low", jsonSchemaName: "LOW", description: "The attacker requires privileges that provide basic user capabilities that could normally affect only settings and files owned by a user. Alternatively, an attacker with Low privileges has the ability to access only non-sensitive resources." }, H: { shortName: "H", value: 0.27, changedValue: 0.5, name: "High", jsonSchemaName: "HIGH", description: "The attacker requires privileges that provide significant (e.g., administrative) control over the vulnerable component allowing access to component-wide settings and files." } }, a.MPR = { name: "Modified Privileges Required", shortName: "MPR", subCategory: "Exploitability Metrics", description: "This metric describes the level of privileges an attacker must possess before successfully exploiting the vulnerability.", baseMetricEquivalent: o.PR, values: [o.MPR_VALUES.X, o.MPR_VALUES.N, o.MPR_VALUES.L, o.MPR_VALUES.H] }, a.MUI_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, N: { shortName: "N", value: 0.85, name: "None", jsonSchemaName: "NONE", description: "The vulnerable system can be exploited without interaction from any user." }, R: { shortName: "R", value: 0.62, name: "Required", jsonSchemaName: "REQUIRED", description: "Successful exploitation of this vulnerability requires a user to take some action before the vulnerability can be exploited. For example, a successful exploit may only be possible during the installation of an application by a system administrator." } }, a.MUI = { name: "Modified User Interaction", shortName: "MUI", subCategory: "Exploitability Metrics", description: "This metric captures the requirement for a user, other than the attacker, to participate in the successful compromise of the vulnerable component.", baseMetricEquivalent: o.UI, values: [o.MUI_VALUES.X, o.MUI_VALUES.N, o.MUI_VALUES.R] }, a.MS_VALUES = { X: { shortName: "X", value: false, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, U: { shortName: "U", value: false, name: "Unchanged", abbreviatedName: "Unchang.", jsonSchemaName: "UNCHANGED", description: "An exploited vulnerability can only affect resources managed by the same authority." }, C: { shortName: "C", value: true, name: "Changed", jsonSchemaName: "CHANGED", description: "An exploited vulnerability can affect resources beyond the authorization privileges intended by the vulnerable system's design." } }, a.MS = { name: "Modified Scope", shortName: "MS", subCategory: "Exploitability Metrics", description: "Can an exploit of the vulnerability be accomplished remotely?", baseMetricEquivalent: o.S, values: [o.MS_VALUES.X, o.MS_VALUES.U, o.MS_VALUES.C] }, a.MC = { name: "Confidentiality Impact", shortName: "MC", subCategory: "Modified Impact", description: "This metric measures the impact to the confidentiality of the information resources managed by a software component due to a successfully exploited vulnerability.", baseMetricEquivalent: o.C, values: o.CONFIDENTIALITY_IMPACT }, a.MI = { name: "Integrity Impact", shortName: "MI", subCategory: "Modified Impact", description: "This metric measures the impact to integrity of a successfully exploited vulnerability.", baseMetricEquivalent: o.I, values: o.INTEGRITY_IMPACT }, a.MA = { name: "Availability Impact", shortName: "MA", subCategory: "Modified Impact", description: "This metric measures the impact to the availability of the impacted component resulting from a successfully exploited vulnerability.", baseMetricEquivalent: o.A, values: o.AVAILABILITY_IMPACT }, a.CR = { name: "Confidentiality Requirement", shortName: "CR", subCategory: "Modified Requirement (Impact Subscore) Modifiers", description: "This metric describes the remediation level for a vulnerability in an affected resource.", values: o.CONFIDENTIALITY_REQUIREMENT }, a.IR = { name: "Integrity Requirement", shortName: "IR", subCategory: "Modified Requirement (Impact Subscore) Modifiers", description: "This metric describes the remediation level for a vulnerability in an affected resource.", values: o.INTEGRITY_REQUIREMENT }, a.AR = { name: "Availability Requirement", shortName: "AR", subCategory: "Modified Requirement (Impact Subscore) Modifiers", description: "This metric describes the remediation level for a vulnerability in an affected resource.", values: o.AVAILABILITY_REQUIREMENT }, a.ENVIRONMENTAL_CATEGORY_VALUES = [o.CR, o.IR, o.AR, o.MAV, o.MAC, o.MPR, o.MUI, o.MS, o.MC, o.MI, o.MA], a.REGISTERED_COMPONENTS = /* @__PURE__ */ new Map(), o.REGISTERED_COMPONENTS.set(o.BASE_CATEGORY, o.BASE_CATEGORY_VALUES), o.REGISTERED_COMPONENTS.set(o.TEMPORAL_CATEGORY, o.TEMPORAL_CATEGORY_VALUES), o.REGISTERED_COMPONENTS.set(o.ENVIRONMENTAL_CATEGORY, o.ENVIRONMENTAL_CATEGORY_VALUES), a.ATTRIBUTE_SEVERITY_ORDER = [[o.S_VALUES.U, o.MS_VALUES.U], [o.CONFIDENTIALITY_IMPACT_VALUES.N, o.INTEGRITY_IMPACT_VALUES.N, o.AVAILABILITY_IMPACT_VALUES.N], [o.AV_VALUES.P, o.MAV_VALUES.P], [o.CONFIDENTIALITY_IMPACT_VALUES.L, o.INTEGRITY_IMPACT_VALUES.L, o.AVAILABILITY_IMPACT_VALUES.L], [o.PR_VALUES.H, o.MPR_VALUES.H], [o.AC_VALUES.H, o.MAC_VALUES.H], [o.CONFIDENTIALITY_REQUIREMENT_VALUES.L, o.INTEGRITY_REQUIREMENT_VALUES.L, o.AVAILABILITY_REQUIREMENT_VALUES.L], [o.AV_VALUES.L, o.MAV_VALUES.L], [o.CONFIDENTIALITY_IMPACT_VALUES.H, o.INTEGRITY_IMPACT_VALUES.H, o.AVAILABILITY_IMPACT_VALUES.H], [o.AV_VALUES.A, o.MAV_VALUES.A], [o.UI_VALUES.R, o.MUI_VALUES.R], [o.PR_VALUES.L, o.MPR_VALUES.L], [o.AC_VALUES.L, o.MAC_VALUES.L], [o.AV_VALUES.N, o.MAV_VALUES.N], [o.PR_VALUES.N, o.MPR_VALUES.N], [o.UI_VALUES.N, o.MUI_VALUES.N], [o.E_VALUES.U], [o.E_VALUES.P], [o.E_VALUES.F], [o.E_VALUES.H], [o.E_VALUES.X], [o.RC_VALUES.U], [o.RL_VALUES.O], [o.RL_VALUES.T], [o.RC_VALUES.R], [o.RL_VALUES.W], [o.AV_VALUES.X, o.MAV_VALUES.X], [o.AC_VALUES.X, o.MAC_VALUES.X], [o.PR_VALUES.X, o.MPR_VALUES.X], [o.UI_VALUES.X, o.MUI_VALUES.X], [o.S_VALUES.C, o.MS_VALUES.C], [o.S_VALUES.X, o.MS_VALUES.X], [o.CONFIDENTIALITY_IMPACT_VALUES.X], [o.INTEGRITY_IMPACT_VALUES.X], [o.AVAILABILITY_IMPACT_VALUES.X], [o.RL_VALUES.U], [o.RL_VALUES.X], [o.RC_VALUES.C], [o.RC_VALUES.X], [o.CONFIDENTIALITY_REQUIREMENT_VALUES.M, o.INTEGRITY_REQUIREMENT_VALUES.M, o.AVAILABILITY_REQUIREMENT_VALUES.M], [o.CONFIDENTIALITY_REQUIREMENT_VALUES.X, o.INTEGRITY_REQUIREMENT_VALUES.X, o.AVAILABILITY_REQUIREMENT_VALUES.X], [o.CONFIDENTIALITY_REQUIREMENT_VALUES.H, o.INTEGRITY_REQUIREMENT_VALUES.H, o.AVAILABILITY_REQUIREMENT_VALUES.H]];
      }, 371: (e2, t2, o) => {
        Object.defineProperty(t2, "__esModule", { value: true }), t2.Cvss3P1 = void 0;
        const a = o(154), i = o(951);
        class s extends a.CvssVector {
          constructor(e3) {
            super(e3);
          }
          getRegisteredComponents() {
            return i.Cvss3P1Components.REGISTERED_COMPONENTS;
          }
          getVectorPrefix() {
            return "CVSS:3.1/";
          }
          getVectorName() {
            return "CVSS:3.1";
          }
          fillAverageVector() {
            this.applyVector("AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:L");
          }
          fillRandomBaseVector() {
            this.fillRandomComponentsForCategory(i.Cvss3P1Components.BASE_CATEGORY);
          }
          fillRandomTemporalVector() {
            this.fillRandomComponentsForCategory(i.Cvss3P1Components.TEMPORAL_CATEGORY);
          }
          fillRandomEnvironmentalVector() {
            this.fillRandomComponentsForCategory(i.Cvss3P1Components.ENVIRONMENTAL_CATEGORY);
          }
          fillRandomComponentsForCategory(e3) {
            const t3 = i.Cvss3P1Components.REGISTERED_COMPONENTS.get(e3);
            if (t3) for (let e4 = 0; e4 < t3.length; e4++) {
              const o2 = t3[e4], a2 = super.pickRandomDefinedComponentValue(o2);
              if (!a2) return console.warn("Failed to pick random vector component for", o2), void this.fillAverageVector();
              this.applyComponent(o2, a2);
            }
            else console.warn("Failed to pick random vector components for", e3);
          }
          calculateScoresInternal(e3 = false) {
            const t3 = this.isBaseFullyDefined(), o2 = this.isAnyTemporalDefined(), a2 = this.isAnyEnvironmentalDefined();
            return { normalized: e3, base: t3 ? super.round(this.calculateExactBaseScore(), 1) : void 0, impact: t3 ? super.normalizeScore(super.round(this.calculateImpactScore(), 1), e3 ? 6 : 10) : void 0, exploitability: t3 ? super.normalizeScore(super.round(this.calculateExactExploitabilityScore(), 1), e3 ? 3.9 : 10) : void 0, temporal: t3 && o2 ? super.round(this.calculateExactTemporalScore(), 1) : void 0, environmental: t3 && a2 ? super.round(this.calculateExactEnvironmentalScore(), 1) : void 0, modifiedImpact: t3 && a2 ? super.normalizeScore(super.round(Math.max(0, this.calculateExactAdjustedImpactScore()), 1), e3 ? 6.1 : 10) : void 0, overall: super.round(this.calculateExactOverallScore(), 1), vector: this.toString() };
          }
          calculateExactBaseScore() {
            if (!this.isBaseFullyDefined()) return 0;
            let e3 = this.calculateExactImpactScore();
            if (e3 <= 0) return 0;
            let t3 = this.calculateExactExploitabilityScore();
            return this.getComponent(i.Cvss3P1Components.S).value ? super.roundUp(Math.min(s.SCOPE_COEFFICIENT * (e3 + t3), 10)) : super.roundUp(Math.min(e3 + t3, 10));
          }
          calculateImpactScore() {
            const e3 = this.calculateExactImpactScore();
            return e3 <= 0 ? 0 : e3;
          }
          calculateExactImpactScore() {
            let e3 = this.calculateExactISSScore();
            return this.getComponent(i.Cvss3P1Components.S).value ? s.SCOPE_CHANGED_FACTOR * (e3 - 0.029) - 3.25 * Math.pow(e3 - 0.02, 15) : s.SCOPE_UNCHANGED_FACTOR * e3;
          }
          calculateExactISSScore() {
            return 1 - (1 - this.getComponent(i.Cvss3P1Components.C).value) * (1 - this.getComponent(i.Cvss3P1Components.I).value) * (1 - this.getComponent(i.Cvss3P1Components.A).value);
          }
          calculateExactMISSScore() {
            let e3, t3, o2, a2, s2, n, r = this.getComponent(i.Cvss3P1Components.MC), c = this.getComponent(i.Cvss3P1Components.MI), l = this.getComponent(i.Cvss3P1Components.MA), m = this.getComponent(i.Cvss3P1Components.C), h = this.getComponent(i.Cvss3P1Components.I), E = this.getComponent(i.Cvss3P1Components.A), u = this.getComponent(i.Cvss3P1Components.CR), d = this.getComponent(i.Cvss3P1Components.IR), p = this.getComponent(i.Cvss3P1Components.AR);
            return e3 = r === i.Cvss3P1Components.MC.values[0] ? m.value : r.value, t3 = c === i.Cvss3P1Components.MI.values[0] ? h.value : c.value, o2 = l === i.Cvss3P1Components.MA.values[0] ? E.value : l.value, i.Cvss3P1Components.CR.values[0], a2 = u.value, i.Cvss3P1Components.IR.values[0], s2 = d.value, i.Cvss3P1Components.AR.values[0], n = p.value, Math.min(1 - (1 - a2 * e3) * (1 - s2 * t3) * (1 - n * o2), 0.915);
          }
          calculateExactExploitabilityScore() {
            const e3 = this.getComponent(i.Cvss3P1Components.AV).value, t3 = this.getComponent(i.Cvss3P1Components.AC).value, o2 = this.getComponent(i.Cvss3P1Components.UI).value;
            let a2;
            return a2 = this.getComponent(i.Cvss3P1Components.S).value ? this.getComponent(i.Cvss3P1Components.PR).changedValue : this.getComponent(i.Cvss3P1Components.PR).value, s.EXPLOITABILITY_COEFFICIENT * e3 * t3 * a2 * o2;
          }
          calculateExactTemporalScore() {
            if (!this.isBaseFullyDefined()) return 0;
            if (!this.isAnyTemporalDefined()) return 0;
            let e3 = this.getComponent(i.Cvss3P1Components.E).value, t3 = this.getComponent(i.Cvss3P1Components.RL).value, o2 = this.getComponent(i.Cvss3P1Components.RC).value, a2 = this.calculateExactBaseScore();
            return super.roundUp(a2 * e3 * t3 * o2);
          }
          calculateExactEnvironmentalScore() {
            if (!this.isBaseFullyDefined()) return 0;
            if (!this.isAnyEnvironmentalDefined()) return 0;
            let e3 = this.calculateExactAdjustedImpactScore();
            if (e3 <= 0) return 0;
            let t3 = this.calculateAdjustedExploitability(), o2 = this.getComponent(i.Cvss3P1Components.E).value, a2 = this.getComponent(i.Cvss3P1Components.RL).value, n = this.getComponent(i.Cvss3P1Components.RC).value;
            if (this.isModifiedScope()) {
              let i2 = super.roundUp(Math.min(e3 + t3, 10));
              return super.roundUp(i2 * o2 * a2 * n);
            }
            {
              let i2 = super.roundUp(Math.min(s.SCOPE_COEFFICIENT * (e3 + t3), 10));
              return super.roundUp(i2 * o2 * a2 * n);
            }
          }
          calculateExactAdjustedImpactScore() {
            if (!this.isBaseFullyDefined()) return 0;
            if (!this.isAnyEnvironmentalDefined()) return 0;
            let e3 = this.calculateExactMISSScore();
            return this.isModifiedScope() ? s.SCOPE_UNCHANGED_FACTOR * e3 : s.SCOPE_CHANGED_FACTOR * (e3 - 0.029) - 3.25 * Math.pow(0.9731 * e3 - 0.02, 13);
          }
          calculateAdjustedExploitability() {
            let e3, t3 = this.getFirstDefinedComponent([i.Cvss3P1Components.MAV, i.Cvss3P1Components.AV]).value, o2 = this.getFirstDefinedComponent([i.Cvss3P1Components.MAC, i.Cvss3P1Components.AC]).value, a2 = this.getFirstDefinedComponent([i.Cvss3P1Components.MUI, i.Cvss3P1Components.UI]).value, n = this.getFirstDefinedComponent([i.Cvss3P1Components.MPR, i.Cvss3P1Components.PR]);
            return e3 = this.isModifiedScope() ? n.value : n.changedValue, s.EXPLOITABILITY_COEFFICIENT * t3 * o2 * e3 * a2;
          }
          isModifiedScope() {
            let e3 = this.getComponent(i.Cvss3P1Components.S), t3 = this.getComponent(i.Cvss3P1Components.MS);
            return t3 === i.Cvss3P1Components.MS.values[0] ? !e3.value : !t3.value;
          }
          calculateExactOverallScore() {
            return this.isAnyEnvironmentalDefined() ? this.calculateExactEnvironmentalScore() : this.isAnyTemporalDefined() ? this.calculateExactTemporalScore() : this.calculateExactBaseScore();
          }
          isBaseFullyDefined() {
            return super.isCategoryFullyDefined(i.Cvss3P1Components.BASE_CATEGORY);
          }
          isTemporalFullyDefined() {
            return super.isCategoryFullyDefined(i.Cvss3P1Components.TEMPORAL_CATEGORY);
          }
          isEnvironmentalFullyDefined() {
            return super.isCategoryFullyDefined(i.Cvss3P1Components.ENVIRONMENTAL_CATEGORY);
          }
          isAnyBaseDefined() {
            return super.isCategoryPartiallyDefined(i.Cvss3P1Components.BASE_CATEGORY);
          }
          isAnyTemporalDefined() {
            return super.isCategoryPartiallyDefined(i.Cvss3P1Components.TEMPORAL_CATEGORY);
          }
          isAnyEnvironmentalDefined() {
            return super.isCategoryPartiallyDefined(i.Cvss3P1Components.ENVIRONMENTAL_CATEGORY);
          }
          getJsonSchemaSeverity(e3) {
            return 0 === e3 || isNaN(e3) ? "NONE" : e3 <= 3.9 ? "LOW" : e3 <= 6.9 ? "MEDIUM" : e3 <= 8.9 ? "HIGH" : "CRITICAL";
          }
          createJsonSchema() {
            const e3 = this.calculateScores();
            return { version: "3.1", vectorString: this.toString(), baseScore: e3.base, temporalScore: e3.temporal, environmentalScore: e3.environmental, baseSeverity: this.getJsonSchemaSeverity(e3.base), temporalSeverity: e3.temporal ? this.getJsonSchemaSeverity(e3.temporal) : void 0, environmentalSeverity: e3.environmental ? this.getJsonSchemaSeverity(e3.environmental) : void 0, attackVector: this.getComponent(i.Cvss3P1Components.AV).jsonSchemaName, attackComplexity: this.getComponent(i.Cvss3P1Components.AC).jsonSchemaName, privilegesRequired: this.getComponent(i.Cvss3P1Components.PR).jsonSchemaName, userInteraction: this.getComponent(i.Cvss3P1Components.UI).jsonSchemaName, scope: this.getComponent(i.Cvss3P1Components.S).jsonSchemaName, confidentialityImpact: this.getComponent(i.Cvss3P1Components.C).jsonSchemaName, integrityImpact: this.getComponent(i.Cvss3P1Components.I).jsonSchemaName, availabilityImpact: this.getComponent(i.Cvss3P1Components.A).jsonSchemaName, exploitCodeMaturity: this.getComponent(i.Cvss3P1Components.E).jsonSchemaName, remediationLevel: this.getComponent(i.Cvss3P1Components.RL).jsonSchemaName, reportConfidence: this.getComponent(i.Cvss3P1Components.RC).jsonSchemaName, confidentialityRequirement: this.getComponent(i.Cvss3P1Components.CR).jsonSchemaName, integrityRequirement: this.getComponent(i.Cvss3P1Components.IR).jsonSchemaName, availabilityRequirement: this.getComponent(i.Cvss3P1Components.AR).jsonSchemaName, modifiedAttackVector: this.getComponent(i.Cvss3P1Components.MAV).jsonSchemaName, modifiedAttackComplexity: this.getComponent(i.Cvss3P1Components.MAC).jsonSchemaName, modifiedPrivilegesRequired: this.getComponent(i.Cvss3P1Components.MPR).jsonSchemaName, modifiedUserInteraction: this.getComponent(i.Cvss3P1Components.MUI).jsonSchemaName, modifiedScope: this.getComponent(i.Cvss3P1Components.MS).jsonSchemaName, modifiedConfidentialityImpact: this.getComponent(i.Cvss3P1Components.MC).jsonSchemaName, modifiedIntegrityImpact: this.getComponent(i.Cvss3P1Components.MI).jsonSchemaName, modifiedAvailabilityImpact: this.getComponent(i.Cvss3P1Components.MA).jsonSchemaName };
          }
        }
        t2.Cvss3P1 = s, s.SCOPE_CHANGED_FACTOR = 7.52, s.SCOPE_UNCHANGED_FACTOR = 6.42, s.EXPLOITABILITY_COEFFICIENT = 8.22, s.SCOPE_COEFFICIENT = 1.08;
      }, 475: (e2, t2, o) => {
        Object.defineProperty(t2, "__esModule", { value: true }), t2.Cvss2 = void 0;
        const a = o(154), i = o(479);
        class s extends a.CvssVector {
          constructor(e3) {
            super(e3);
          }
          getRegisteredComponents() {
            return i.Cvss2Components.REGISTERED_COMPONENTS;
          }
          getVectorPrefix() {
            return "";
          }
          getVectorName() {
            return "CVSS:2.0";
          }
          fillAverageVector() {
            this.applyVector("AV:A/AC:M/Au:N/C:P/I:P/A:P");
          }
          fillRandomBaseVector() {
            const e3 = i.Cvss2Components.BASE_CATEGORY_VALUES;
            for (let t3 = 0; t3 < e3.length; t3++) {
              const o2 = e3[t3], a2 = super.pickRandomDefinedComponentValue(o2);
              if (!a2) return console.warn("Failed to pick random vector component for", o2), void this.fillAverageVector();
              this.applyComponent(o2, a2);
            }
          }
          calculateScoresInternal(e3 = false) {
            const t3 = this.isBaseFullyDefined(), o2 = this.isAnyTemporalDefined(), a2 = this.isAnyEnvironmentalDefined();
            return { normalized: e3, base: t3 ? super.round(this.calculateExactBaseScore(), 1) : void 0, impact: t3 ? super.round(this.calculateExactImpactScore(), 1) : void 0, exploitability: t3 ? super.round(this.calculateExactExploitabilityScore(), 1) : void 0, temporal: t3 && o2 ? super.round(this.calculateExactTemporalScore(), 1) : void 0, environmental: t3 && a2 ? super.round(this.calculateExactEnvironmentalScore(), 1) : void 0, modifiedImpact: t3 && a2 ? super.round(this.calculateExactAdjustedImpactScore(), 1) : void 0, overall: super.round(this.calculateExactOverallScore(), 1), vector: this.toString() };
          }
          calculateExactBaseScore() {
            if (!this.isBaseFullyDefined()) return 0;
            let e3 = this.calculateExactImpactScore();
            return (0.6 * e3 + 0.4 * this.calculateExactExploitabilityScore() - 1.5) * this.f(e3);
          }
          calculateExactImpactScore() {
            return this.isBaseFullyDefined() ? 10.41 * (1 - (1 - this.getComponent(i.Cvss2Components.C).value) * (1 - this.getComponent(i.Cvss2Components.I).value) * (1 - this.getComponent(i.Cvss2Components.A).value)) : 0;
          }
          calculateExactExploitabilityScore() {
            return this.isBaseFullyDefined() ? 20 * this.getComponent(i.Cvss2Components.AC).value * this.getComponent(i.Cvss2Components.Au).value * this.getComponent(i.Cvss2Components.AV).value : 0;
          }
          calculateExactTemporalScore() {
            return this.isAnyTemporalDefined() ? super.round(this.calculateExactBaseScore(), 1) * this.getComponent(i.Cvss2Components.E).value * this.getComponent(i.Cvss2Components.RL).value * this.getComponent(i.Cvss2Components.RC).value : 0;
          }
          calculateExactAdjustedBaseScore() {
            let e3 = this.calculateExactAdjustedImpactScore(), t3 = this.calculateExactExploitabilityScore();
            return t3 = this.round(t3, 1), (0.6 * e3 + 0.4 * t3 - 1.5) * this.f(e3);
          }
          calculateExactAdjustedTemporalScore() {
            return this.calculateExactAdjustedBaseScore() * this.getComponent(i.Cvss2Components.E).value * this.getComponent(i.Cvss2Components.RL).value * this.getComponent(i.Cvss2Components.RC).value;
          }
          calculateExactEnvironmentalScore() {
            if (!this.isAnyEnvironmentalDefined()) return 0;
            let e3 = this.calculateExactAdjustedTemporalScore();
            return (e3 + (10 - e3) * this.getComponent(i.Cvss2Components.CDP).value) * this.getComponent(i.Cvss2Components.TD).value;
          }
          calculateExactAdjustedImpactScore() {
            if (!this.isAnyEnvironmentalDefined()) return 0;
            let e3 = this.getComponent(i.Cvss2Components.C).value, t3 = this.getComponent(i.Cvss2Components.I).value, o2 = this.getComponent(i.Cvss2Components.A).value, a2 = this.getComponent(i.Cvss2Components.CR).value, s2 = this.getComponent(i.Cvss2Components.IR).value, n = this.getComponent(i.Cvss2Components.AR).value;
            return Math.min(10, 10.41 * (1 - (1 - e3 * a2) * (1 - t3 * s2) * (1 - o2 * n)));
          }
          calculateExactOverallScore() {
            return this.isAnyEnvironmentalDefined() ? this.calculateExactEnvironmentalScore() : this.isAnyTemporalDefined() ? this.calculateExactTemporalScore() : this.calculateExactBaseScore();
          }
          isBaseFullyDefined() {
            return super.isCategoryFullyDefined(i.Cvss2Components.BASE_CATEGORY);
          }
          isTemporalFullyDefined() {
            return super.isCategoryFullyDefined(i.Cvss2Components.TEMPORAL_CATEGORY);
          }
          isEnvironmentalFullyDefined() {
            return super.isCategoryFullyDefined(i.Cvss2Components.ENVIRONMENTAL_CATEGORY);
          }
          isAnyBaseDefined() {
            return super.isCategoryPartiallyDefined(i.Cvss2Components.BASE_CATEGORY);
          }
          isAnyTemporalDefined() {
            return super.isCategoryPartiallyDefined(i.Cvss2Components.TEMPORAL_CATEGORY);
          }
          isAnyEnvironmentalDefined() {
            return super.isCategoryPartiallyDefined(i.Cvss2Components.ENVIRONMENTAL_CATEGORY);
          }
          f(e3) {
            return 0 === e3 ? 0 : 1.176;
          }
          createJsonSchema() {
            const e3 = this.calculateScores();
            return { version: "2.0", vectorString: this.toString(), baseScore: e3.base, temporalScore: e3.temporal, environmentalScore: e3.environmental, accessVector: this.getComponent(i.Cvss2Components.AV).jsonSchemaName, accessComplexity: this.getComponent(i.Cvss2Components.AC).jsonSchemaName, authentication: this.getComponent(i.Cvss2Components.Au).jsonSchemaName, confidentialityImpact: this.getComponent(i.Cvss2Components.C).jsonSchemaName, integrityImpact: this.getComponent(i.Cvss2Components.I).jsonSchemaName, availabilityImpact: this.getComponent(i.Cvss2Components.A).jsonSchemaName, exploitability: this.getComponent(i.Cvss2Components.E).jsonSchemaName, remediationLevel: this.getComponent(i.Cvss2Components.RL).jsonSchemaName, reportConfidence: this.getComponent(i.Cvss2Components.RC).jsonSchemaName, collateralDamagePotential: this.getComponent(i.Cvss2Components.CDP).jsonSchemaName, targetDistribution: this.getComponent(i.Cvss2Components.TD).jsonSchemaName, confidentialityRequirement: this.getComponent(i.Cvss2Components.CR).jsonSchemaName, integrityRequirement: this.getComponent(i.Cvss2Components.IR).jsonSchemaName, availabilityRequirement: this.getComponent(i.Cvss2Components.AR).jsonSchemaName };
          }
        }
        t2.Cvss2 = s;
      }, 479: (e2, t2, o) => {
        var a;
        Object.defineProperty(t2, "__esModule", { value: true }), t2.Cvss2Components = void 0;
        const i = o(154);
        class s {
        }
        t2.Cvss2Components = s, a = s, s.BASE_CATEGORY = { name: "base", description: "Represents the intrinsic and fundamental characteristics of a vulnerability that are constant over time and user environments." }, s.AV_VALUES = { ND: { shortName: "ND", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Assigning this value to the metric will result in no score being calculated." }, L: { shortName: "L", value: 0.395, name: "Local", jsonSchemaName: "LOCAL", description: "A vulnerability exploitable with only local access requires the attacker to have either physical access to the vulnerable system or a local (shell) account. Examples of locally exploitable vulnerabilities are peripheral attacks such as Firewire/USB DMA attacks, and local privilege escalations (e.g., sudo)." }, A: { shortName: "A", value: 0.646, name: "Adjacent Network", abbreviatedName: "Adj. Network", jsonSchemaName: "ADJACENT_NETWORK", description: "A vulnerability exploitable with adjacent network access requires the attacker to have access to either the broadcast or collision domain of the vulnerable software.  Examples of local networks include local IP subnet, Bluetooth, IEEE 802.11, and local Ethernet segment." }, N: { shortName: "N", value: 1, name: "Network", jsonSchemaName: "NETWORK", description: 'A vulnerability exploitable with network access means the vulnerable software is bound to the network stack and the attacker does not require local network access or local access. Such a vulnerability is often termed "remotely exploitable". An example of a network attack is an RPC buffer overflow.' } }, s.AV = { name: "Access Vector", shortName: "AV", subCategory: "Exploitability Metrics", description: "This metric reflects how the vulnerability is exploited. The more remote an attacker can be to attack a host, the greater the vulnerability score.", values: [a.AV_VALUES.ND, a.AV_VALUES.L, a.AV_VALUES.A, a.AV_VALUES.N] }, s.AC_VALUES = { ND: { shortName: "ND", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Assigning this value to the metric will result in no score being calculated." }, H: { shortName: "H", value: 0.35, name: "High", jsonSchemaName: "HIGH", description: "Specialized access conditions exist. For example, an attacker can only exploit the vulnerability under very specialized conditions." }, M: { shortName: "M", value: 0.61, name: "Medium", jsonSchemaName: "MEDIUM", description: "The access conditions are somewhat specialized. For example, the attacker can only exploit the vulnerability under certain conditions." }, L: { shortName: "L", value: 0.71, name: "Low", jsonSchemaName: "LOW", description: "Specialized access conditions or extenuating circumstances do not exist. For example, an attacker can exploit the vulnerability under most conditions." } }, s.AC = { name: "Access Complexity", shortName: "AC", subCategory: "Exploitability Metrics", description: 'This metric measures the complexity of the attack required to exploit the vulnerability once an attacker has gained access to the target system. For example, consider a buffer overflow in an Internet service: If the vulnerability is exploitable only once a user has been authenticated by the service, the vulnerability is only "Medium" complexity. If, however, the vulnerability can be exploited anonymously, it is "Low" complexity.', values: [a.AC_VALUES.ND, a.AC_VALUES.H, a.AC_VALUES.M, a.AC_VALUES.L] }, s.Au_VALUES = { ND: { shortName: "ND", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Assigning this value to the metric will result in no score being calculated." }, M: { shortName: "M", value: 0.45, name: "Multiple", jsonSchemaName: "MULTIPLE", description: "Exploiting the vulnerability requires that the attacker authenticate two or more times, even if the same credentials are used each time. An example is an attacker authenticating to an operating system in addition to providing credentials to access an application hosted on that system." }, S: { shortName: "S", value: 0.56, name: "Single", jsonSchemaName: "SINGLE", description: "The vulnerability requires an attacker to be logged into the system (such as at a command line or via a desktop session or web interface)." }, N: { shortName: "N", value: 0.704, name: "None", jsonSchemaName: "NONE", description: "Authentication is not required to exploit the vulnerability." } }, s.Au = { name: "Authentication", shortName: "Au", subCategory: "Exploitability Metrics", description: 'This metric measures the number of times an attacker must authenticate to a target in order to exploit a vulnerability. "Multiple" means that the attacker must authenticate two or more times, "Single" means that the attacker must authenticate once, and "None" means that the attacker need not authenticate at all to exploit the vulnerability.', values: [a.Au_VALUES.ND, a.Au_VALUES.M, a.Au_VALUES.S, a.Au_VALUES.N] }, s.C_VALUES = { ND: { shortName: "ND", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Assigning this value to the metric will result in no score being calculated." }, N: { shortName: "N", value: 0, name: "None", jsonSchemaName: "NONE", description: "There is no impact to the confidentiality of the system." }, P: { shortName: "P", value: 0.275, name: "Partial", jsonSchemaName: "PARTIAL", description: "There is considerable informational disclosure. Access to some system files is possible, but the attacker does not have control over what is obtained, or the scope of the loss is constrained. An example is a vulnerability that divulges only certain tables in a database." }, C: { shortName: "C", value: 0.66, name: "Complete", jsonSchemaName: "COMPLETE", description: "There is total information disclosure, resulting in all system files being revealed. The attacker is able to read all of the system's data (memory, files, etc.)" } }, s.C = { name: "Confidentiality Impact", shortName: "C", subCategory: "Impact Metrics", description: "This metric measures the impact to the confidentiality of the information resources managed by a software component due to a successfully exploited vulnerability. Confidentiality refers to limiting information access and disclosure to only authorized users, as well as preventing access by, or disclosure to, unauthorized ones.", values: [a.C_VALUES.ND, a.C_VALUES.N, a.C_VALUES.P, a.C_VALUES.C] }, s.I_VALUES = { ND: { shortName: "ND", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Assigning this value to the metric will result in no score being calculated." }, N: { shortName: "N", value: 0, name: "None", jsonSchemaName: "NONE", description: "There is no impact to the integrity of the system." }, P: { shortName: "P", value: 0.275, name: "Partial", jsonSchemaName: "PARTIAL", description: "Modification of some system files or information is possible, but the attacker does not have control over what can be modified, or the scope of what the attacker can affect is limited. For example, system or application files may be overwritten or modified, but either the attacker has no control over which files are affected or the attacker can modify files within only a limited context or scope." }, C: { shortName: "C", value: 0.66, name: "Complete", jsonSchemaName: "COMPLETE", description: "There is a total compromise of system integrity. There is a complete loss of system protection, resulting in the entire system being compromised. The attacker is able to modify any files on the target system." } }, s.I = { name: "Integrity Impact", shortName: "I", subCategory: "Impact Metrics", description: "This metric measures the impact to integrity of a successfully exploited vulnerability. Integrity refers to the trustworthiness and guaranteed veracity of information.", values: [a.I_VALUES.ND, a.I_VALUES.N, a.I_VALUES.P, a.I_VALUES.C] }, s.A_VALUES = { ND: { shortName: "ND", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Assigning this value to the metric will result in no score being calculated." }, N: { shortName: "N", value: 0, name: "None", jsonSchemaName: "NONE", description: "There is no impact to availability within the impacted component." }, P: { shortName: "P", value: 0.275, name: "Partial", jsonSchemaName: "PARTIAL", description: "There is reduced performance or interruptions in resource availability. An example is a network-based flood attack that permits a limited number of successful connections to an Internet service." }, C: { shortName: "C", value: 0.66, name: "Complete", jsonSchemaName: "COMPLETE", description: "There is a total shutdown of the affected resource. The attacker can render the resource completely unavailable." } }, s.A = { name: "Availability Impact", shortName: "A", subCategory: "Impact Metrics", description: "This metric measures the impact to the availability of the impacted component resulting from a successfully exploited vulnerability. While the Confidentiality and Integrity impact metrics apply to the loss of confidentiality or integrity of data (e.g., information, files) used by the impacted component, this metric refers to the loss of availability of the impacted component itself, such as a networked service (e.g., web, database, email). Since availability refers to the accessibility of information resources, attacks that consume network bandwidth, processor cycles, or disk space all impact the availability of an impacted component. This metric considers only the availability of the impacted component itself.", values: [a.A_VALUES.ND, a.A_VALUES.N, a.A_VALUES.P, a.A_VALUES.C] }, s.BASE_CATEGORY_VALUES = [a.AV, a.AC, a.Au, a.C, a.I, a.A], s.TEMPORAL_CATEGORY = { name: "temporal", description: "The threat posed by a vulnerability may change over time. Three such factors that CVSS captures are: confirmation of the technical details of a vulnerability, the remediation status of the vulnerability, and the availability of exploit code or techniques. Since temporal metrics are optional they each include a metric value that has no effect on the score." }, s.E_VALUES = { ND: { shortName: "ND", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Assigning this value to the metric will not influence the score. It is a signal to the equation to skip this metric." }, U: { shortName: "U", value: 0.85, name: "Unproven", jsonSchemaName: "UNPROVEN", description: "No exploit code is available, or an exploit is entirely theoretical." }, POC: { shortName: "POC", value: 0.9, name: "Proof-of-concept", abbreviatedName: "Proof-of-conc.", jsonSchemaName: "PROOF_OF_CONCEPT", description: "Proof-of-concept exploit code or an attack demonstration that is not practical for most systems is available. The code or technique is not functional in all situations and may require substantial modification by a skilled attacker." }, F: { shortName: "F", value: 0.95, name: "Functional", jsonSchemaName: "FUNCTIONAL", description: "Functional exploit code is available. The code works in most situations where the vulnerability exists." }, H: { shortName: "H", value: 1, name: "High", jsonSchemaName: "HIGH", description: "Either the vulnerability is exploitable by functional mobile autonomous code, or no exploit is required (manual trigger) and details are widely available. The code works in every situation, or is actively being delivered via a mobile autonomous agent (such as a worm or virus)." } }, s.E = { name: "Exploitability", shortName: "E", description: 'This metric measures the current state of exploit techniques or code availability. "Unproven that exploit exists" is the lowest impact and "Proof-of-concept code" is the highest impact.', values: [a.E_VALUES.ND, a.E_VALUES.U, a.E_VALUES.POC, a.E_VALUES.F, a.E_VALUES.H] }, s.RL_VALUES = { ND: { shortName: "ND", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Assigning this value to the metric will not influence the score. It is a signal to the equation to skip this metric." }, OF: { shortName: "OF", value: 0.87, name: "Official Fix", abbreviatedName: "Off. Fix", jsonSchemaName: "OFFICIAL_FIX", description: "A complete vendor solution is available. Either the vendor has issued an official patch, or an upgrade is available." }, TF: { shortName: "TF", value: 0.9, name: "Temporary Fix", abbreviatedName: "Temp. Fix", jsonSchemaName: "TEMPORARY_FIX", description: "There is an official but temporary fix available. This includes instances where the vendor issues a temporary hotfix, tool, or workaround." }, W: { shortName: "W", value: 0.95, name: "Workaround", jsonSchemaName: "WORKAROUND", description: "There is an unofficial, non-vendor solution available. In some cases, users of the affected technology will create a patch of their own or provide steps to work around or otherwise mitigate the vulnerability." }, U: { shortName: "U", value: 1, name: "Unavailable", jsonSchemaName: "UNAVAILABLE", description: "There is either no solution available or it is impossible to apply." } }, s.RL = { name: "Remediation Level", shortName: "RL", description: 'This metric measures the remediation level of a vulnerability. "Official fix" is the lowest impact and "Unavailable" is the highest impact.', values: [a.RL_VALUES.ND, a.RL_VALUES.OF, a.RL_VALUES.TF, a.RL_VALUES.W, a.RL_VALUES.U] }, s.RC_VALUES = { ND: { shortName: "ND", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Assigning this value to the metric will not influence the score. It is a signal to the equation to skip this metric." }, UC: { shortName: "UC", value: 0.9, name: "Unconfirmed", jsonSchemaName: "UNCONFIRMED", description: "There is little confidence in the existence of this vulnerability. The report is unconfirmed, or the source is not known." }, UR: { shortName: "UR", value: 0.95, name: "Uncorroborated", jsonSchemaName: "UNCORROBORATED", description: "There is reasonable confidence in the existence of this vulnerability, but the technical details are not known publicly. The report is unconfirmed." }, C: { shortName: "C", value: 1, name: "Confirmed", jsonSchemaName: "CONFIRMED", description: "The existence of this vulnerability is confirmed, but the details are not known publicly. An exploit has been observed, or proof-of-concept exploit code is available. The bugtraq ID or CVE ID has been made public." } }, s.RC = { name: "Report Confidence", shortName: "RC", description: 'This metric measures the degree of confidence in the existence of the vulnerability and the credibility of the known technical details. "Unconfirmed" is the lowest confidence and "Confirmed" is the highest.', values: [a.RC_VALUES.ND, a.RC_VALUES.UC, a.RC_VALUES.UR, a.RC_VALUES.C] }, s.TEMPORAL_CATEGORY_VALUES = [a.E, a.RL, a.RC], s.ENVIRONMENTAL_CATEGORY = { name: "environmental", description: "Different environments can have an immense bearing on the risk that a vulnerability poses to an organization and its stakeholders. The CVSS environmental metric group captures the characteristics of a vulnerability that are associated with a user's IT environment. Since environmental metrics are optional they each include a metric value that has no effect on the score." }, s.CDP_VALUES = { ND: { shortName: "ND", value: 0, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Assigning this value to the metric will not influence the score. It is a signal to the equation to skip this metric." }, N: { shortName: "N", value: 0, name: "None", jsonSchemaName: "NONE", description: "There is no potential for loss of life, physical assets, productivity or revenue." }, L: { shortName: "L", value: 0.1, name: "Low", jsonSchemaName: "LOW", description: "A successful exploit of this vulnerability may result in slight physical or property damage. Or, there may be a slight loss of revenue or productivity to the organization." }, LM: { shortName: "LM", value: 0.3, name: "Low-Medium", abbreviatedName: "Low-Med.", jsonSchemaName: "LOW_MEDIUM", description: "A successful exploit of this vulnerability may result in moderate physical or property damage. Or, there may be a moderate loss of revenue or productivity to the organization." }, MH: { shortName: "MH", value: 0.4, name: "Medium-High", abbreviatedName: "Med.-High", jsonSchemaName: "MEDIUM_HIGH", description: "A successful exploit of this vulnerability may result in significant physical or property damage or loss. Or, there may be a significant loss of revenue or productivity." }, H: { shortName: "H", value: 0.5, name: "High", jsonSchemaName: "HIGH", description: "A successful exploit of this vulnerability may result in catastrophic physical or property damage and loss. Or, there may be a catastrophic loss of revenue or productivity." } }, s.CDP = { name: "Collateral Damage Potential", shortName: "CDP", subCategory: "General Modifiers", description: 'This metric measures the potential for loss of life or physical assets resulting from a vulnerability. "None" is the lowest impact and "High" is the highest impact.', values: [a.CDP_VALUES.ND, a.CDP_VALUES.N, a.CDP_VALUES.L, a.CDP_VALUES.LM, a.CDP_VALUES.MH, a.CDP_VALUES.H] }, s.TD_VALUES = { ND: { shortName: "ND", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Assigning this value to the metric will not influence the score. It is a signal to the equation to skip this metric." }, N: { shortName: "N", value: 0, name: "None", jsonSchemaName: "NONE", description: "There is no (0%) target distribution." }, L: { shortName: "L", value: 0.25, name: "Low", jsonSchemaName: "LOW", description: "There is a small (< 25%) target distribution." }, M: { shortName: "M", value: 0.75, name: "Medium", jsonSchemaName: "MEDIUM", description: "There is a medium (26-75%) target distribution." }, H: { shortName: "H", value: 1, name: "High", description: "There is a high (> 75%) target distribution." } }, s.TD = { name: "Target Distribution", shortName: "TD", subCategory: "General Modifiers", description: 'This metric measures the proportion of vulnerable systems that could be affected by an attack. It is meant to represent the proportion of vulnerable systems that an attacker can expect to target. "None" is the lowest impact and "High" is the highest impact.', values: [a.TD_VALUES.ND, a.TD_VALUES.N, a.TD_VALUES.L, a.TD_VALUES.M, a.TD_VALUES.H] }, s.CR_VALUES = { ND: { shortName: "ND", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Assigning this value to the metric will not influence the score. It is a signal to the equation to skip this metric." }, L: { shortName: "L", value: 0.5, name: "Low", jsonSchemaName: "LOW", description: "Loss of confidentiality is likely to have only a limited adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." }, M: { shortName: "M", value: 1, name: "Medium", jsonSchemaName: "MEDIUM", description: "Loss of confidentiality is likely to have a serious adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." }, H: { shortName: "H", value: 1.51, name: "High", jsonSchemaName: "HIGH", description: "Loss of confidentiality is likely to have a catastrophic adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." } }, s.CR = { name: "Confidentiality Requirement", shortName: "CR", subCategory: "Modified Requirement (Impact Subscore) Modifiers", description: 'This metric measures the need for confidentiality of the vulnerable component to the user. For example, an attacker that exploits a vulnerability that exists on a network boundary and requires no privileges has a low need for the confidentiality of the vulnerable component. Conversely, an attacker that exploits a vulnerability that exists on the same system as the vulnerable component and requires Privileged access to the system in order to exploit it has a high need for confidentiality. "Not Defined" is the lowest impact and "High" is the highest impact.', values: [a.CR_VALUES.ND, a.CR_VALUES.L, a.CR_VALUES.M, a.CR_VALUES.H] }, s.IR_VALUES = { ND: { shortName: "ND", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Assigning this value to the metric will not influence the score. It is a signal to the equation to skip this metric." }, L: { shortName: "L", value: 0.5, name: "Low", jsonSchemaName: "LOW", description: "Loss of integrity is likely to have only a limited adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." }, M: { shortName: "M", value: 1, name: "Medium", jsonSchemaName: "MEDIUM", description: "Loss of integrity is likely to have a serious adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." }, H: { shortName: "H", value: 1.51, name: "High", jsonSchemaName: "HIGH", description: "Loss of integrity is likely to have a catastrophic adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." } }, s.IR = { name: "Integrity Requirement", shortName: "IR", subCategory: "Modified Requirement (Impact Subscore) Modifiers", description: 'This metric measures the need for integrity of the vulnerable component to a user. For example, an attacker that exploits a vulnerability that exists on a network boundary and requires no privileges has a low need for the integrity of the vulnerable component. Conversely, an attacker that exploits a vulnerability that exists on the same system as the vulnerable component and requires Privileged access to the system in order to exploit it has a high need for integrity. "Not Defined" is the lowest impact and "High" is the highest impact.', values: [a.IR_VALUES.ND, a.IR_VALUES.L, a.IR_VALUES.M, a.IR_VALUES.H] }, s.AR_VALUES = { ND: { shortName: "ND", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Assigning this value to the metric will not influence the score. It is a signal to the equation to skip this metric." }, L: { shortName: "L", value: 0.5, name: "Low", jsonSchemaName: "LOW", description: "Loss of availability is likely to have only a limited adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." }, M: { shortName: "M", value: 1, name: "Medium", jsonSchemaName: "MEDIUM", description: "Loss of availability is likely to have a serious adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." }, H: { shortName: "H", value: 1.51, name: "High", jsonSchemaName: "HIGH", description: "Loss of availability is likely to have a catastrophic adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." } }, s.AR = { name: "Availability Requirement", shortName: "AR", subCategory: "Modified Requirement (Impact Subscore) Modifiers", description: 'This metric measures the need for availability of the vulnerable component to a user. For example, an attacker that exploits a vulnerability that exists on a network boundary and requires no privileges has a low need for the availability of the vulnerable component. Conversely, an attacker that exploits a vulnerability that exists on the same system as the vulnerable component and requires Privileged access to the system in order to exploit it has a high need for availability. "Not Defined" is the lowest impact and "High" is the highest impact.', values: [a.AR_VALUES.ND, a.AR_VALUES.L, a.AR_VALUES.M, a.AR_VALUES.H] }, s.ENVIRONMENTAL_CATEGORY_VALUES = [a.CDP, a.TD, a.CR, a.IR, a.AR], s.REGISTERED_COMPONENTS = /* @__PURE__ */ new Map(), a.REGISTERED_COMPONENTS.set(a.BASE_CATEGORY, a.BASE_CATEGORY_VALUES), a.REGISTERED_COMPONENTS.set(a.TEMPORAL_CATEGORY, a.TEMPORAL_CATEGORY_VALUES), a.REGISTERED_COMPONENTS.set(a.ENVIRONMENTAL_CATEGORY, a.ENVIRONMENTAL_CATEGORY_VALUES), s.ATTRIBUTE_SEVERITY_ORDER = i.CvssVector._reorderAttributeSeverityOrder([a.AC_VALUES.ND, a.AV_VALUES.ND, a.Au_VALUES.ND, a.C_VALUES.ND, a.I_VALUES.ND, a.A_VALUES.ND, a.C_VALUES.N, a.I_VALUES.N, a.A_VALUES.N, a.CDP_VALUES.N, a.CDP_VALUES.ND, a.TD_VALUES.N, a.CDP_VALUES.L, a.TD_VALUES.L, a.C_VALUES.P, a.I_VALUES.P, a.A_VALUES.P, a.CDP_VALUES.LM, a.AC_VALUES.H, a.AV_VALUES.L, a.CDP_VALUES.MH, a.Au_VALUES.M, a.CDP_VALUES.H, a.Au_VALUES.S, a.AC_VALUES.M, a.AV_VALUES.A, a.C_VALUES.C, a.I_VALUES.C, a.A_VALUES.C, a.Au_VALUES.N, a.AC_VALUES.L, a.TD_VALUES.M, a.E_VALUES.U, a.RL_VALUES.OF, a.E_VALUES.POC, a.RL_VALUES.TF, a.RL_VALUES.W, a.RC_VALUES.UC, a.AV_VALUES.N, a.E_VALUES.F, a.E_VALUES.H, a.E_VALUES.ND, a.RL_VALUES.U, a.RL_VALUES.ND, a.RC_VALUES.UR, a.RC_VALUES.C, a.RC_VALUES.ND, a.TD_VALUES.H, a.TD_VALUES.ND, a.CR_VALUES.L, a.CR_VALUES.M, a.IR_VALUES.L, a.IR_VALUES.M, a.AR_VALUES.L, a.AR_VALUES.M, a.CR_VALUES.ND, a.IR_VALUES.ND, a.AR_VALUES.ND, a.CR_VALUES.H, a.IR_VALUES.H, a.AR_VALUES.H]);
      }, 564: (e2, t2, o) => {
        Object.defineProperty(t2, "__esModule", { value: true }), t2.applyVectorPartsIfMetricsHigher = t2.applyVectorPartsIfMetricsLower = t2.fromVector = void 0;
        const a = o(475), i = o(623), s = o(371), n = o(987), r = o(479), c = o(331), l = o(951), m = o(759), h = { "CVSS:2.0": a.Cvss2, "2.0": a.Cvss2, "CVSS:3.0": i.Cvss3P0, "3.0": i.Cvss3P0, "CVSS:3.1": s.Cvss3P1, 3.1: s.Cvss3P1, "CVSS:4.0": n.Cvss4P0, "4.0": n.Cvss4P0 };
        function E(e3, t3, o2) {
          if (!t3) return 0;
          const a2 = e3.normalizeVector(t3);
          if (0 === a2.length) return 0;
          const i2 = a2.split("/");
          let s2 = 0;
          for (const t4 of i2) {
            if (!t4) continue;
            const a3 = t4.split(":", 2);
            if (2 === a3.length) {
              const t5 = a3[0], i3 = a3[1], n2 = e3.getComponentByStringOpt(t5), r2 = t5.startsWith("M"), c2 = r2 ? t5.replace("M", "") : t5, l2 = e3.getComponentByStringOpt(c2), m2 = r2 ? t5 : `M${t5}`, h2 = e3.getComponentByStringOpt(m2), E2 = (null == n2 ? void 0 : n2.shortName) || "X", u2 = e3.applyComponentStringSilent(t5, i3), d2 = e3.getComponentByStringOpt(t5);
              u2 && o2(n2, l2, h2, d2, r2) ? s2++ : e3.applyComponentStringSilent(t5, E2);
            } else console.warn("Unknown vector argument:", t4);
          }
          return s2;
        }
        function u(e3, t3, o2, a2, i2) {
          const s2 = null != o2 && "NOT_DEFINED" !== o2.name && "NULL" !== o2.name && "X" !== o2.shortName;
          return { oldSeverity: d(e3, i2 && s2 ? o2 : t3), newSeverity: d(e3, a2) };
        }
        function d(e3, t3) {
          if (!t3) return -1;
          let o2 = [];
          if (e3 instanceof a.Cvss2 ? o2 = r.Cvss2Components.ATTRIBUTE_SEVERITY_ORDER : e3 instanceof i.Cvss3P0 ? o2 = c.Cvss3P0Components.ATTRIBUTE_SEVERITY_ORDER : e3 instanceof s.Cvss3P1 ? o2 = l.Cvss3P1Components.ATTRIBUTE_SEVERITY_ORDER : e3 instanceof n.Cvss4P0 && (o2 = m.Cvss4P0Components.ATTRIBUTE_SEVERITY_ORDER), 0 === o2.length) return console.warn("Unknown", e3.getVectorName(), "severity order list for attribute type:", t3), -1;
          for (let e4 = 0; e4 < o2.length; e4++) if (o2[e4].includes(t3)) return e4;
          return console.warn("Unknown", e3.getVectorName(), "attribute type:", t3), -1;
        }
        t2.fromVector = function(e3, t3 = void 0) {
          if (t3) {
            const o3 = h[t3];
            if (o3) return new o3(e3);
          }
          const o2 = h[e3];
          if (o2) return new o2();
          for (let t4 in h) {
            const o3 = h[t4];
            if (e3.startsWith(t4)) try {
              return new o3(e3);
            } catch (e4) {
            }
          }
          for (let t4 in h) {
            const o3 = h[t4];
            try {
              return new o3(e3);
            } catch (e4) {
            }
          }
          return null;
        }, t2.applyVectorPartsIfMetricsLower = function(e3, t3) {
          return t3 ? E(e3, t3, ((t4, o2, a2, i2, s2) => {
            const n2 = u(e3, o2, a2, i2, s2);
            return n2.newSeverity <= n2.oldSeverity;
          })) : 0;
        }, t2.applyVectorPartsIfMetricsHigher = function(e3, t3) {
          return t3 ? E(e3, t3, ((t4, o2, a2, i2, s2) => {
            const n2 = u(e3, o2, a2, i2, s2);
            return n2.newSeverity >= n2.oldSeverity;
          })) : 0;
        };
      }, 623: (e2, t2, o) => {
        Object.defineProperty(t2, "__esModule", { value: true }), t2.Cvss3P0 = void 0;
        const a = o(154), i = o(331);
        class s extends a.CvssVector {
          constructor(e3) {
            super(e3);
          }
          getRegisteredComponents() {
            return i.Cvss3P0Components.REGISTERED_COMPONENTS;
          }
          getVectorPrefix() {
            return "CVSS:3.0/";
          }
          getVectorName() {
            return "CVSS:3.0";
          }
          fillAverageVector() {
            this.applyVector("AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:L");
          }
          fillRandomBaseVector() {
            this.fillRandomComponentsForCategory(i.Cvss3P0Components.BASE_CATEGORY);
          }
          fillRandomTemporalVector() {
            this.fillRandomComponentsForCategory(i.Cvss3P0Components.TEMPORAL_CATEGORY);
          }
          fillRandomEnvironmentalVector() {
            this.fillRandomComponentsForCategory(i.Cvss3P0Components.ENVIRONMENTAL_CATEGORY);
          }
          fillRandomComponentsForCategory(e3) {
            const t3 = i.Cvss3P0Components.REGISTERED_COMPONENTS.get(e3);
            if (t3) for (let e4 = 0; e4 < t3.length; e4++) {
              const o2 = t3[e4], a2 = super.pickRandomDefinedComponentValue(o2);
              if (!a2) return console.warn("Failed to pick random vector component for", o2), void this.fillAverageVector();
              this.applyComponent(o2, a2);
            }
            else console.warn("Failed to pick random vector components for", e3);
          }
          calculateScoresInternal(e3 = false) {
            const t3 = this.isBaseFullyDefined(), o2 = this.isAnyTemporalDefined(), a2 = this.isAnyEnvironmentalDefined();
            return { normalized: e3, base: t3 ? super.round(this.calculateExactBaseScore(), 1) : void 0, impact: t3 ? super.normalizeScore(super.round(this.calculateImpactScore(), 1), e3 ? 6 : 10) : void 0, exploitability: t3 ? super.normalizeScore(super.round(this.calculateExactExploitabilityScore(), 1), e3 ? 3.9 : 10) : void 0, temporal: t3 && o2 ? super.round(this.calculateExactTemporalScore(), 1) : void 0, environmental: t3 && a2 ? super.round(this.calculateExactEnvironmentalScore(), 1) : void 0, modifiedImpact: t3 && a2 ? super.normalizeScore(super.round(Math.max(0, this.calculateExactAdjustedImpactScore()), 1), e3 ? 6.1 : 10) : void 0, overall: super.round(this.calculateExactOverallScore(), 1), vector: this.toString() };
          }
          calculateExactBaseScore() {
            if (!this.isBaseFullyDefined()) return 0;
            let e3 = this.calculateExactImpactScore();
            if (e3 <= 0) return 0;
            let t3 = this.calculateExactExploitabilityScore();
            return this.getComponent(i.Cvss3P0Components.S).value ? this.roundUp1(Math.min(s.SCOPE_COEFFICIENT * (e3 + t3), 10)) : this.roundUp1(Math.min(e3 + t3, 10));
          }
          calculateImpactScore() {
            const e3 = this.calculateExactImpactScore();
            return e3 <= 0 ? 0 : e3;
          }
          calculateExactImpactScore() {
            let e3 = this.calculateExactISSScore();
            return this.getComponent(i.Cvss3P0Components.S).value ? s.SCOPE_CHANGED_FACTOR * (e3 - 0.029) - 3.25 * Math.pow(e3 - 0.02, 15) : s.SCOPE_UNCHANGED_FACTOR * e3;
          }
          calculateExactISSScore() {
            return 1 - (1 - this.getComponent(i.Cvss3P0Components.C).value) * (1 - this.getComponent(i.Cvss3P0Components.I).value) * (1 - this.getComponent(i.Cvss3P0Components.A).value);
          }
          calculateExactMISSScore() {
            let e3, t3, o2, a2, s2, n, r = this.getComponent(i.Cvss3P0Components.MC), c = this.getComponent(i.Cvss3P0Components.MI), l = this.getComponent(i.Cvss3P0Components.MA), m = this.getComponent(i.Cvss3P0Components.C), h = this.getComponent(i.Cvss3P0Components.I), E = this.getComponent(i.Cvss3P0Components.A), u = this.getComponent(i.Cvss3P0Components.CR), d = this.getComponent(i.Cvss3P0Components.IR), p = this.getComponent(i.Cvss3P0Components.AR);
            return e3 = r === i.Cvss3P0Components.MC.values[0] ? m.value : r.value, t3 = c === i.Cvss3P0Components.MI.values[0] ? h.value : c.value, o2 = l === i.Cvss3P0Components.MA.values[0] ? E.value : l.value, i.Cvss3P0Components.CR.values[0], a2 = u.value, i.Cvss3P0Components.IR.values[0], s2 = d.value, i.Cvss3P0Components.AR.values[0], n = p.value, Math.min(1 - (1 - a2 * e3) * (1 - s2 * t3) * (1 - n * o2), 0.915);
          }
          calculateExactExploitabilityScore() {
            const e3 = this.getComponent(i.Cvss3P0Components.AV).value, t3 = this.getComponent(i.Cvss3P0Components.AC).value, o2 = this.getComponent(i.Cvss3P0Components.UI).value;
            let a2;
            return a2 = this.getComponent(i.Cvss3P0Components.S).value ? this.getComponent(i.Cvss3P0Components.PR).changedValue : this.getComponent(i.Cvss3P0Components.PR).value, s.EXPLOITABILITY_COEFFICIENT * e3 * t3 * a2 * o2;
          }
          calculateExactTemporalScore() {
            if (!this.isBaseFullyDefined()) return 0;
            if (!this.isAnyTemporalDefined()) return 0;
            let e3 = this.getComponent(i.Cvss3P0Components.E).value, t3 = this.getComponent(i.Cvss3P0Components.RL).value, o2 = this.getComponent(i.Cvss3P0Components.RC).value, a2 = this.calculateExactBaseScore();
            return this.roundUp1(a2 * e3 * t3 * o2);
          }
          calculateExactEnvironmentalScore() {
            if (!this.isBaseFullyDefined()) return 0;
            if (!this.isAnyEnvironmentalDefined()) return 0;
            let e3 = this.calculateExactAdjustedImpactScore();
            if (e3 <= 0) return 0;
            let t3 = this.calculateAdjustedExploitability(), o2 = this.getComponent(i.Cvss3P0Components.E).value, a2 = this.getComponent(i.Cvss3P0Components.RL).value, n = this.getComponent(i.Cvss3P0Components.RC).value;
            if (this.isModifiedScope()) {
              let i2 = this.roundUp1(Math.min(e3 + t3, 10));
              return this.roundUp1(i2 * o2 * a2 * n);
            }
            {
              let i2 = this.roundUp1(Math.min(s.SCOPE_COEFFICIENT * (e3 + t3), 10));
              return this.roundUp1(i2 * o2 * a2 * n);
            }
          }
          calculateExactAdjustedImpactScore() {
            if (!this.isBaseFullyDefined()) return 0;
            if (!this.isAnyEnvironmentalDefined()) return 0;
            let e3 = this.calculateExactMISSScore();
            return this.isModifiedScope() ? s.SCOPE_UNCHANGED_FACTOR * e3 : s.SCOPE_CHANGED_FACTOR * (e3 - 0.029) - 3.25 * Math.pow(e3 - 0.02, 15);
          }
          calculateAdjustedExploitability() {
            let e3, t3 = this.getFirstDefinedComponent([i.Cvss3P0Components.MAV, i.Cvss3P0Components.AV]).value, o2 = this.getFirstDefinedComponent([i.Cvss3P0Components.MAC, i.Cvss3P0Components.AC]).value, a2 = this.getFirstDefinedComponent([i.Cvss3P0Components.MUI, i.Cvss3P0Components.UI]).value, n = this.getFirstDefinedComponent([i.Cvss3P0Components.MPR, i.Cvss3P0Components.PR]);
            return e3 = this.isModifiedScope() ? n.value : n.changedValue, s.EXPLOITABILITY_COEFFICIENT * t3 * o2 * e3 * a2;
          }
          isModifiedScope() {
            let e3 = this.getComponent(i.Cvss3P0Components.S), t3 = this.getComponent(i.Cvss3P0Components.MS);
            return t3 === i.Cvss3P0Components.MS.values[0] ? !e3.value : !t3.value;
          }
          calculateExactOverallScore() {
            return this.isAnyEnvironmentalDefined() ? this.calculateExactEnvironmentalScore() : this.isAnyTemporalDefined() ? this.calculateExactTemporalScore() : this.calculateExactBaseScore();
          }
          isBaseFullyDefined() {
            return super.isCategoryFullyDefined(i.Cvss3P0Components.BASE_CATEGORY);
          }
          isTemporalFullyDefined() {
            return super.isCategoryFullyDefined(i.Cvss3P0Components.TEMPORAL_CATEGORY);
          }
          isEnvironmentalFullyDefined() {
            return super.isCategoryFullyDefined(i.Cvss3P0Components.ENVIRONMENTAL_CATEGORY);
          }
          isAnyBaseDefined() {
            return super.isCategoryPartiallyDefined(i.Cvss3P0Components.BASE_CATEGORY);
          }
          isAnyTemporalDefined() {
            return super.isCategoryPartiallyDefined(i.Cvss3P0Components.TEMPORAL_CATEGORY);
          }
          isAnyEnvironmentalDefined() {
            return super.isCategoryPartiallyDefined(i.Cvss3P0Components.ENVIRONMENTAL_CATEGORY);
          }
          roundUp1(e3) {
            return Math.ceil(10 * e3) / 10;
          }
          getJsonSchemaSeverity(e3) {
            return 0 === e3 || isNaN(e3) ? "NONE" : e3 <= 3.9 ? "LOW" : e3 <= 6.9 ? "MEDIUM" : e3 <= 8.9 ? "HIGH" : "CRITICAL";
          }
          createJsonSchema() {
            const e3 = this.calculateScores();
            return { version: "3.0", vectorString: this.toString(), baseScore: e3.base, temporalScore: e3.temporal, environmentalScore: e3.environmental, baseSeverity: this.getJsonSchemaSeverity(e3.base), temporalSeverity: e3.temporal ? this.getJsonSchemaSeverity(e3.temporal) : void 0, environmentalSeverity: e3.environmental ? this.getJsonSchemaSeverity(e3.environmental) : void 0, attackVector: this.getComponent(i.Cvss3P0Components.AV).jsonSchemaName, attackComplexity: this.getComponent(i.Cvss3P0Components.AC).jsonSchemaName, privilegesRequired: this.getComponent(i.Cvss3P0Components.PR).jsonSchemaName, userInteraction: this.getComponent(i.Cvss3P0Components.UI).jsonSchemaName, scope: this.getComponent(i.Cvss3P0Components.S).jsonSchemaName, confidentialityImpact: this.getComponent(i.Cvss3P0Components.C).jsonSchemaName, integrityImpact: this.getComponent(i.Cvss3P0Components.I).jsonSchemaName, availabilityImpact: this.getComponent(i.Cvss3P0Components.A).jsonSchemaName, exploitCodeMaturity: this.getComponent(i.Cvss3P0Components.E).jsonSchemaName, remediationLevel: this.getComponent(i.Cvss3P0Components.RL).jsonSchemaName, reportConfidence: this.getComponent(i.Cvss3P0Components.RC).jsonSchemaName, confidentialityRequirement: this.getComponent(i.Cvss3P0Components.CR).jsonSchemaName, integrityRequirement: this.getComponent(i.Cvss3P0Components.IR).jsonSchemaName, availabilityRequirement: this.getComponent(i.Cvss3P0Components.AR).jsonSchemaName, modifiedAttackVector: this.getComponent(i.Cvss3P0Components.MAV).jsonSchemaName, modifiedAttackComplexity: this.getComponent(i.Cvss3P0Components.MAC).jsonSchemaName, modifiedPrivilegesRequired: this.getComponent(i.Cvss3P0Components.MPR).jsonSchemaName, modifiedUserInteraction: this.getComponent(i.Cvss3P0Components.MUI).jsonSchemaName, modifiedScope: this.getComponent(i.Cvss3P0Components.MS).jsonSchemaName, modifiedConfidentialityImpact: this.getComponent(i.Cvss3P0Components.MC).jsonSchemaName, modifiedIntegrityImpact: this.getComponent(i.Cvss3P0Components.MI).jsonSchemaName, modifiedAvailabilityImpact: this.getComponent(i.Cvss3P0Components.MA).jsonSchemaName };
          }
        }
        t2.Cvss3P0 = s, s.SCOPE_CHANGED_FACTOR = 7.52, s.SCOPE_UNCHANGED_FACTOR = 6.42, s.EXPLOITABILITY_COEFFICIENT = 8.22, s.SCOPE_COEFFICIENT = 1.08;
      }, 730: (e2, t2) => {
        Object.defineProperty(t2, "__esModule", { value: true }), t2.EQ = void 0;
        class o {
          constructor(e3, t3, o2, a) {
            this.highestSeverityVectors = [], this.level = e3, this.vectorDepth = t3, this.highestSeverityVectorsUnparsed = o2, this.predicate = a;
          }
          getLevel() {
            return this.level;
          }
          getLevelAsInt() {
            return parseInt(this.level);
          }
          getVectorDepth() {
            return this.vectorDepth;
          }
          getHighestSeverityVectors() {
            return 0 === this.highestSeverityVectors.length && (this.highestSeverityVectors = this.highestSeverityVectorsUnparsed.map(((e3) => o.createCvssInstance(e3)))), this.highestSeverityVectors;
          }
          getHighestSeverityVectorsUnparsed() {
            return this.highestSeverityVectorsUnparsed;
          }
          matchesConstraints(e3) {
            return this.predicate(e3);
          }
        }
        t2.EQ = o;
      }, 759: (e2, t2) => {
        Object.defineProperty(t2, "__esModule", { value: true }), t2.Cvss4P0Components = void 0;
        class o {
        }
        t2.Cvss4P0Components = o, o.VULNERABLE_SYSTEM_CONFIDENTIALITY_BASE_VALUES = { X: { shortName: "X", name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, H: { shortName: "H", name: "High", jsonSchemaName: "HIGH", description: "There is a total loss of confidentiality, resulting in all information within the Vulnerable System being divulged to the attacker. Alternatively, access to only some restricted information is obtained, but the disclosed information presents a direct, serious impact." }, L: { shortName: "L", name: "Low", jsonSchemaName: "LOW", description: "There is some loss of confidentiality. Access to some restricted information is obtained, but the attacker does not have control over what information is obtained, or the amount or kind of loss is limited. The information disclosure does not cause a direct, serious loss to the Vulnerable System." }, N: { shortName: "N", name: "None", jsonSchemaName: "NONE", description: "There is no loss of confidentiality within the Vulnerable System." } }, o.VULNERABLE_SYSTEM_CONFIDENTIALITY_BASE = [o.VULNERABLE_SYSTEM_CONFIDENTIALITY_BASE_VALUES.X, o.VULNERABLE_SYSTEM_CONFIDENTIALITY_BASE_VALUES.H, o.VULNERABLE_SYSTEM_CONFIDENTIALITY_BASE_VALUES.L, o.VULNERABLE_SYSTEM_CONFIDENTIALITY_BASE_VALUES.N], o.VULNERABLE_SYSTEM_INTEGRITY_BASE_VALUES = { X: { shortName: "X", name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, H: { shortName: "H", name: "High", jsonSchemaName: "HIGH", description: "There is a total loss of integrity, or a complete loss of protection. For example, the attacker is able to modify any/all files protected by the Vulnerable System. Alternatively, only some files can be modified, but malicious modification would present a direct, serious consequence to the Vulnerable System." }, L: { shortName: "L", name: "Low", jsonSchemaName: "LOW", description: "Modification of data is possible, but the attacker does not have control over the consequence of a modification, or the amount of modification is limited. The data modification does not have a direct, serious impact to the Vulnerable System." }, N: { shortName: "N", name: "None", jsonSchemaName: "NONE", description: "There is no loss of integrity within the Vulnerable System." } }, o.VULNERABLE_SYSTEM_INTEGRITY_BASE = [o.VULNERABLE_SYSTEM_INTEGRITY_BASE_VALUES.X, o.VULNERABLE_SYSTEM_INTEGRITY_BASE_VALUES.H, o.VULNERABLE_SYSTEM_INTEGRITY_BASE_VALUES.L, o.VULNERABLE_SYSTEM_INTEGRITY_BASE_VALUES.N], o.VULNERABLE_SYSTEM_AVAILABILITY_BASE_VALUES = { X: { shortName: "X", name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, H: { shortName: "H", name: "High", jsonSchemaName: "HIGH", description: "There is a total loss of availability, resulting in the attacker being able to fully deny access to resources in the Vulnerable System; this loss is either sustained (while the attacker continues to deliver the attack) or persistent (the condition persists even after the attack has completed). Alternatively, the attacker has the ability to deny some availability, but the loss of availability presents a direct, serious consequence to the Vulnerable System (e.g., the attacker cannot disrupt existing connections, but can prevent new connections; the attacker can repeatedly exploit a vulnerability that, in each instance of a successful attack, leaks a only small amount of memory, but after repeated exploitation causes a service to become completely unavailable)." }, L: { shortName: "L", name: "Low", jsonSchemaName: "LOW", description: "Performance is reduced or there are interruptions in resource availability. Even if repeated exploitation of the vulnerability is possible, the attacker does not have the ability to completely deny service to legitimate users. The resources in the Vulnerable System are either partially available all of the time, or fully available only some of the time, but overall there is no direct, serious consequence to the Vulnerable System." }, N: { shortName: "N", name: "None", jsonSchemaName: "NONE", description: "There is no impact to availability within the Vulnerable System." } }, o.VULNERABLE_SYSTEM_AVAILABILITY_BASE = [o.VULNERABLE_SYSTEM_AVAILABILITY_BASE_VALUES.X, o.VULNERABLE_SYSTEM_AVAILABILITY_BASE_VALUES.H, o.VULNERABLE_SYSTEM_AVAILABILITY_BASE_VALUES.L, o.VULNERABLE_SYSTEM_AVAILABILITY_BASE_VALUES.N], o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_BASE_VALUES = { X: { shortName: "X", name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, S: { shortName: "S", name: "Safety", jsonSchemaName: "SAFETY", description: "! NOT A VALID VALUE FOR Safety (S), REQUIRED FOR CALCULATION OF SCORE !", hide: true }, H: { shortName: "H", name: "High", jsonSchemaName: "HIGH", description: "There is a total loss of confidentiality, resulting in all resources within the Subsequent System being divulged to the attacker. Alternatively, access to only some restricted information is obtained, but the disclosed information presents a direct, serious impact." }, L: { shortName: "L", name: "Low", jsonSchemaName: "LOW", description: "There is some loss of confidentiality. Access to some restricted information is obtained, but the attacker does not have control over what information is obtained, or the amount or kind of loss is limited. The information disclosure does not cause a direct, serious loss to the Subsequent System." }, N: { shortName: "N", name: "None", jsonSchemaName: "NONE", description: "There is no loss of confidentiality within the Subsequent System or all confidentiality impact is constrained to the Vulnerable System." } }, o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_BASE = [o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_BASE_VALUES.X, o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_BASE_VALUES.S, o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_BASE_VALUES.H, o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_BASE_VALUES.L, o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_BASE_VALUES.N], o.SUBSEQUENT_SYSTEM_INTEGRITY_BASE_VALUES = { X: { shortName: "X", name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, S: { shortName: "S", name: "Safety", jsonSchemaName: "SAFETY", description: "! NOT A VALID VALUE FOR Safety (S), REQUIRED FOR CALCULATION OF SCORE !", hide: true }, H: { shortName: "H", name: "High", jsonSchemaName: "HIGH", description: "There is a total loss of integrity, or a complete loss of protection. For example, the attacker is able to modify any/all files protected by the Subsequent System. Alternatively, only some files can be modified, but malicious modification would present a direct, serious consequence to the Subsequent System." }, L: { shortName: "L", name: "Low", jsonSchemaName: "LOW", description: "Modification of data is possible, but the attacker does not have control over the consequence of a modification, or the amount of modification is limited. The data modification does not have a direct, serious impact to the Subsequent System." }, N: { shortName: "N", name: "None", jsonSchemaName: "NONE", description: "There is no loss of integrity within the Subsequent System or all integrity impact is constrained to the Vulnerable System." } }, o.SUBSEQUENT_SYSTEM_INTEGRITY_BASE = [o.SUBSEQUENT_SYSTEM_INTEGRITY_BASE_VALUES.X, o.SUBSEQUENT_SYSTEM_INTEGRITY_BASE_VALUES.S, o.SUBSEQUENT_SYSTEM_INTEGRITY_BASE_VALUES.H, o.SUBSEQUENT_SYSTEM_INTEGRITY_BASE_VALUES.L, o.SUBSEQUENT_SYSTEM_INTEGRITY_BASE_VALUES.N], o.SUBSEQUENT_SYSTEM_AVAILABILITY_BASE_VALUES = { X: { shortName: "X", name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, S: { shortName: "S", name: "Safety", jsonSchemaName: "SAFETY", description: "! NOT A VALID VALUE FOR Safety (S), REQUIRED FOR CALCULATION OF SCORE !", hide: true }, H: { shortName: "H", name: "High", jsonSchemaName: "HIGH", description: "There is a total loss of availability, resulting in the attacker being able to fully deny access to resources in the Subsequent System; this loss is either sustained (while the attacker continues to deliver the attack) or persistent (the condition persists even after the attack has completed). Alternatively, the attacker has the ability to deny some availability, but the loss of availability presents a direct, serious consequence to the Subsequent System (e.g., the attacker cannot disrupt existing connections, but can prevent new connections; the attacker can repeatedly exploit a vulnerability that, in each instance of a successful attack, leaks a only small amount of memory, but after repeated exploitation causes a service to become completely unavailable)." }, L: { shortName: "L", name: "Low", jsonSchemaName: "LOW", description: "Performance is reduced or there are interruptions in resource availability. Even if repeated exploitation of the vulnerability is possible, the attacker does not have the ability to completely deny service to legitimate users. The resources in the Subsequent System are either partially available all of the time, or fully available only some of the time, but overall there is no direct, serious consequence to the Subsequent System." }, N: { shortName: "N", name: "None", jsonSchemaName: "NONE", description: "There is no impact to availability within the Subsequent System or all availability impact is constrained to the Vulnerable System." } }, o.SUBSEQUENT_SYSTEM_AVAILABILITY_BASE = [o.SUBSEQUENT_SYSTEM_AVAILABILITY_BASE_VALUES.X, o.SUBSEQUENT_SYSTEM_AVAILABILITY_BASE_VALUES.S, o.SUBSEQUENT_SYSTEM_AVAILABILITY_BASE_VALUES.H, o.SUBSEQUENT_SYSTEM_AVAILABILITY_BASE_VALUES.L, o.SUBSEQUENT_SYSTEM_AVAILABILITY_BASE_VALUES.N], o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_MODIFIED_VALUES = { X: { shortName: "X", name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, H: { shortName: "H", name: "High", jsonSchemaName: "HIGH", description: "There is a total loss of confidentiality, resulting in all resources within the Subsequent System being divulged to the attacker. Alternatively, access to only some restricted information is obtained, but the disclosed information presents a direct, serious impact." }, L: { shortName: "L", name: "Low", jsonSchemaName: "LOW", description: "There is some loss of confidentiality. Access to some restricted information is obtained, but the attacker does not have control over what information is obtained, or the amount or kind of loss is limited. The information disclosure does not cause a direct, serious loss to the Subsequent System." }, N: { shortName: "N", name: "Negligible", abbreviatedName: "Negl.", jsonSchemaName: "NEGLIGIBLE", description: "There is no loss of confidentiality within the Subsequent System or all confidentiality impact is constrained to the Vulnerable System." } }, o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_MODIFIED = [o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_MODIFIED_VALUES.X, o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_MODIFIED_VALUES.H, o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_MODIFIED_VALUES.L, o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_MODIFIED_VALUES.N], o.SUBSEQUENT_SYSTEM_INTEGRITY_MODIFIED_VALUES = { X: { shortName: "X", name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, S: { shortName: "S", name: "Safety", jsonSchemaName: "SAFETY", description: 'The exploited vulnerability will result in integrity impacts that could cause serious injury or worse (categories of "Marginal" or worse as described in IEC 61508) to a human actor or participant.' }, H: { shortName: "H", name: "High", jsonSchemaName: "HIGH", description: "There is a total loss of integrity, or a complete loss of protection. For example, the attacker is able to modify any/all files protected by the Subsequent System. Alternatively, only some files can be modified, but malicious modification would present a direct, serious consequence to the Subsequent System." }, L: { shortName: "L", name: "Low", jsonSchemaName: "LOW", description: "Modification of data is possible, but the attacker does not have control over the consequence of a modification, or the amount of modification is limited. The data modification does not have a direct, serious impact to the Subsequent System." }, N: { shortName: "N", name: "Negligible", abbreviatedName: "Negl.", jsonSchemaName: "NEGLIGIBLE", description: "There is no loss of integrity within the Subsequent System or all integrity impact is constrained to the Vulnerable System." } }, o.SUBSEQUENT_SYSTEM_INTEGRITY_MODIFIED = [o.SUBSEQUENT_SYSTEM_INTEGRITY_MODIFIED_VALUES.X, o.SUBSEQUENT_SYSTEM_INTEGRITY_MODIFIED_VALUES.S, o.SUBSEQUENT_SYSTEM_INTEGRITY_MODIFIED_VALUES.H, o.SUBSEQUENT_SYSTEM_INTEGRITY_MODIFIED_VALUES.L, o.SUBSEQUENT_SYSTEM_INTEGRITY_MODIFIED_VALUES.N], o.SUBSEQUENT_SYSTEM_AVAILABILITY_MODIFIED_VALUES = { X: { shortName: "X", name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, S: { shortName: "S", name: "Safety", jsonSchemaName: "SAFETY", description: 'The exploited vulnerability will result in availability impacts that could cause serious injury or worse (categories of "Marginal" or worse as described in IEC 61508) to a human actor or participant.' }, H: { shortName: "H", name: "High", jsonSchemaName: "HIGH", description: "There is a total loss of availability, resulting in the attacker being able to fully deny access to resources in the Subsequent System; this loss is either sustained (while the attacker continues to deliver the attack) or persistent (the condition persists even after the attack has completed). Alternatively, the attacker has the ability to deny some availability, but the loss of availability presents a direct, serious consequence to the Subsequent System (e.g., the attacker cannot disrupt existing connections, but can prevent new connections; the attacker can repeatedly exploit a vulnerability that, in each instance of a successful attack, leaks a only small amount of memory, but after repeated exploitation causes a service to become completely unavailable)." }, L: { shortName: "L", name: "Low", jsonSchemaName: "LOW", description: "Performance is reduced or there are interruptions in resource availability. Even if repeated exploitation of the vulnerability is possible, the attacker does not have the ability to completely deny service to legitimate users. The resources in the Subsequent System are either partially available all of the time, or fully available only some of the time, but overall there is no direct, serious consequence to the Subsequent System." }, N: { shortName: "N", name: "Negligible", abbreviatedName: "Negl.", jsonSchemaName: "NEGLIGIBLE", description: "There is no impact to availability within the Subsequent System or all availability impact is constrained to the Vulnerable System." } }, o.SUBSEQUENT_SYSTEM_AVAILABILITY_MODIFIED = [o.SUBSEQUENT_SYSTEM_AVAILABILITY_MODIFIED_VALUES.X, o.SUBSEQUENT_SYSTEM_AVAILABILITY_MODIFIED_VALUES.S, o.SUBSEQUENT_SYSTEM_AVAILABILITY_MODIFIED_VALUES.H, o.SUBSEQUENT_SYSTEM_AVAILABILITY_MODIFIED_VALUES.L, o.SUBSEQUENT_SYSTEM_AVAILABILITY_MODIFIED_VALUES.N], o.REQUIREMENT_CONFIDENTIALITY_MODIFIED_VALUES = { X: { shortName: "X", name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, H: { shortName: "H", name: "High", jsonSchemaName: "HIGH", description: "Loss of Confidentiality is likely to have a catastrophic adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." }, M: { shortName: "M", name: "Medium", jsonSchemaName: "MEDIUM", description: "Loss of Confidentiality is likely to have a serious adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." }, L: { shortName: "L", name: "Low", jsonSchemaName: "LOW", description: "Loss of Confidentiality is likely to have only a limited adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." } }, o.REQUIREMENT_CONFIDENTIALITY_MODIFIED = [o.REQUIREMENT_CONFIDENTIALITY_MODIFIED_VALUES.X, o.REQUIREMENT_CONFIDENTIALITY_MODIFIED_VALUES.H, o.REQUIREMENT_CONFIDENTIALITY_MODIFIED_VALUES.M, o.REQUIREMENT_CONFIDENTIALITY_MODIFIED_VALUES.L], o.REQUIREMENT_INTEGRITY_MODIFIED_VALUES = { X: { shortName: "X", name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, H: { shortName: "H", name: "High", jsonSchemaName: "HIGH", description: "Loss of Integrity is likely to have a catastrophic adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." }, M: { shortName: "M", name: "Medium", jsonSchemaName: "MEDIUM", description: "Loss of Integrity is likely to have a serious adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." }, L: { shortName: "L", name: "Low", jsonSchemaName: "LOW", description: "Loss of Integrity is likely to have only a limited adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." } }, o.REQUIREMENT_INTEGRITY_MODIFIED = [o.REQUIREMENT_INTEGRITY_MODIFIED_VALUES.X, o.REQUIREMENT_INTEGRITY_MODIFIED_VALUES.H, o.REQUIREMENT_INTEGRITY_MODIFIED_VALUES.M, o.REQUIREMENT_INTEGRITY_MODIFIED_VALUES.L], o.REQUIREMENT_AVAILABILITY_MODIFIED_VALUES = { X: { shortName: "X", name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, H: { shortName: "H", name: "High", jsonSchemaName: "HIGH", description: "Loss of Availability is likely to have a catastrophic adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." }, M: { shortName: "M", name: "Medium", jsonSchemaName: "MEDIUM", description: "Loss of Availability is likely to have a serious adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." }, L: { shortName: "L", name: "Low", jsonSchemaName: "LOW", description: "Loss of Availability is likely to have only a limited adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." } }, o.REQUIREMENT_AVAILABILITY_MODIFIED = [o.REQUIREMENT_AVAILABILITY_MODIFIED_VALUES.X, o.REQUIREMENT_AVAILABILITY_MODIFIED_VALUES.H, o.REQUIREMENT_AVAILABILITY_MODIFIED_VALUES.M, o.REQUIREMENT_AVAILABILITY_MODIFIED_VALUES.L], o.AV_VALUES = { X: { shortName: "X", name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Not Defined" }, N: { shortName: "N", name: "Network", jsonSchemaName: "NETWORK", description: "The vulnerable system is bound to the network stack and the set of possible attackers extends beyond the other options listed below, up to and including the entire Internet. Such a vulnerability is often termed \u201Cremotely exploitable\u201D and can be thought of as an attack being exploitable at the protocol level one or more network hops away (e.g., across one or more routers). An example of a network attack is an attacker causing a denial of service (DoS) by sending a specially crafted TCP packet across a wide area network." }, A: { shortName: "A", name: "Adjacent Network", abbreviatedName: "Adj. Network", jsonSchemaName: "ADJACENT", description: "The vulnerable system is bound to a protocol stack, but the attack is limited at the protocol level to a logically adjacent topology. This can mean an attack must be launched from the same shared proximity (e.g., Bluetooth, NFC, or IEEE 802.11) or logical network (e.g., local IP subnet), or from within a secure or otherwise limited administrative domain (e.g., MPLS, secure VPN within an administrative network zone). One example of an Adjacent attack would be an ARP (IPv4) or neighbor discovery (IPv6) flood leading to a denial of service on the local LAN segment." }, L: { shortName: "L", name: "Local", jsonSchemaName: "LOCAL", description: "The vulnerable system is not bound to the network stack and the attacker\u2019s path is via read/write/execute capabilities. Either: the attacker exploits the vulnerability by accessing the target system locally (e.g., keyboard, console), or through terminal emulation (e.g., SSH); or the attacker relies on User Interaction by another person to perform actions required to exploit the vulnerability (e.g., using social engineering techniques to trick a legitimate user into opening a malicious document)." }, P: { shortName: "P", name: "Physical", abbreviatedName: "Phys.", jsonSchemaName: "PHYSICAL", description: "The attack requires the attacker to physically touch or manipulate the vulnerable system. Physical interaction may be brief (e.g., evil maid attack) or persistent. An example of such an attack is a cold boot attack in which an attacker gains access to disk encryption keys after physically accessing the target system. Other examples include peripheral attacks via FireWire/USB Direct Memory Access (DMA)." } }, o.AV = { name: "Attack Vector", shortName: "AV", subCategory: "Exploitability Metrics", description: "This metric reflects the context by which vulnerability exploitation is possible.", values: [o.AV_VALUES.X, o.AV_VALUES.N, o.AV_VALUES.A, o.AV_VALUES.L, o.AV_VALUES.P], worseCaseValue: o.AV_VALUES.N }, o.AC_VALUES = { X: { shortName: "X", name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Not Defined" }, L: { shortName: "L", name: "Low", jsonSchemaName: "LOW", description: "The attacker must take no measurable action to exploit the vulnerability. The attack requires no target-specific circumvention to exploit the vulnerability. An attacker can expect repeatable success against the vulnerable system." }, H: { shortName: "H", name: "High", jsonSchemaName: "HIGH", description: "successful attack depends on the evasion or circumvention of security-enhancing techniques in place that would otherwise hinder the attack. The attacker must have additional methods available to bypass security measures in place." } }, o.AC = { name: "Attack Complexity", shortName: "AC", subCategory: "Exploitability Metrics", description: "This metric captures measurable actions that the attacker must take to evade or circumvent built-in security-enhancing conditions in order to obtain a working exploit.", values: [o.AC_VALUES.X, o.AC_VALUES.L, o.AC_VALUES.H], worseCaseValue: o.AC_VALUES.L }, o.AT_VALUES = { X: { shortName: "X", name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Not Defined" }, N: { shortName: "N", name: "None", jsonSchemaName: "NONE", description: "The successful attack does not depend on the deployment and execution conditions of the vulnerable system. The attacker can expect to be able to reach the vulnerability and execute the exploit under all or most instances of the vulnerability." }, P: { shortName: "P", name: "Present", jsonSchemaName: "PRESENT", description: "The successful attack depends on the presence of specific deployment and execution conditions of the vulnerable system that enable the attack. The successfulness of the attack is conditioned on execution conditions that are not under full control of the attacker. The attack may need to be launched multiple times against a single target before being successful. Network injection. The attacker must inject themselves into the logical network path between the target and the resource requested by the victim (e.g. vulnerabilities requiring an on-path attacker)." } }, o.AT = { name: "Attack Requirements", shortName: "AT", subCategory: "Exploitability Metrics", description: "This metric captures the prerequisite deployment and execution conditions or variables of the vulnerable system that enable the attack.", values: [o.AT_VALUES.X, o.AT_VALUES.N, o.AT_VALUES.P], worseCaseValue: o.AT_VALUES.N }, o.PR_VALUES = { X: { shortName: "X", name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Not Defined" }, N: { shortName: "N", name: "None", jsonSchemaName: "NONE", description: "The attacker is unauthenticated prior to attack, and therefore does not require any access to settings or files of the vulnerable system to carry out an attack." }, L: { shortName: "L", name: "Low", jsonSchemaName: "LOW", description: "The attacker requires privileges that provide basic capabilities that are typically limited to settings and resources owned by a single low-privileged user. Alternatively, an attacker with Low privileges has the ability to access only non-sensitive resources." }, H: { shortName: "H", name: "High", jsonSchemaName: "HIGH", description: "The attacker requires privileges that provide significant (e.g., administrative) control over the vulnerable system allowing full access to the vulnerable system\u2019s settings and files." } }, o.PR = { name: "Privileges Required", shortName: "PR", subCategory: "Exploitability Metrics", description: "This metric describes the level of privileges an attacker must possess prior to successfully exploiting the vulnerability.", values: [o.PR_VALUES.X, o.PR_VALUES.N, o.PR_VALUES.L, o.PR_VALUES.H], worseCaseValue: o.PR_VALUES.N }, o.UI_VALUES = { X: { shortName: "X", name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Not Defined" }, N: { shortName: "N", name: "None", jsonSchemaName: "NONE", description: "The vulnerable system can be exploited without interaction from any human user, other than the attacker. Examples include: a remote attacker is able to send packets to a target system a locally authenticated attacker executes code to elevate privileges" }, P: { shortName: "P", name: "Passive", jsonSchemaName: "PASSIVE", description: "Successful exploitation of this vulnerability requires limited interaction by the targeted user with the vulnerable system and the attacker\u2019s payload. These interactions would be considered involuntary and do not require that the user actively subvert protections built into the vulnerable system." }, A: { shortName: "A", name: "Active", jsonSchemaName: "ACTIVE", description: "Successful exploitation of this vulnerability requires a targeted user to perform specific, conscious interactions with the vulnerable system and the attacker\u2019s payload, or the user\u2019s interactions would actively subvert protection mechanisms which would lead to exploitation of the vulnerability." } }, o.UI = { name: "User Interaction", shortName: "UI", subCategory: "Exploitability Metrics", description: "This metric captures the requirement for a human user, other than the attacker, to participate in the successful compromise of the vulnerable system.", values: [o.UI_VALUES.X, o.UI_VALUES.N, o.UI_VALUES.P, o.UI_VALUES.A], worseCaseValue: o.UI_VALUES.N }, o.VC = { name: "Confidentiality", shortName: "VC", subCategory: "Vulnerable System Impact", description: "This metric measures the impact to the confidentiality of the information managed by the Vulnerable System due to a successfully exploited vulnerability.", values: o.VULNERABLE_SYSTEM_CONFIDENTIALITY_BASE, worseCaseValue: o.VULNERABLE_SYSTEM_CONFIDENTIALITY_BASE_VALUES.H }, o.VI = { name: "Integrity", shortName: "VI", subCategory: "Vulnerable System Impact", description: "This metric measures the impact to the integrity of the Vulnerable System due to a successfully exploited vulnerability.", values: o.VULNERABLE_SYSTEM_INTEGRITY_BASE, worseCaseValue: o.VULNERABLE_SYSTEM_INTEGRITY_BASE_VALUES.H }, o.VA = { name: "Availability", shortName: "VA", subCategory: "Vulnerable System Impact", description: "This metric measures the impact to the availability of the Vulnerable System due to a successfully exploited vulnerability.", values: o.VULNERABLE_SYSTEM_AVAILABILITY_BASE, worseCaseValue: o.VULNERABLE_SYSTEM_AVAILABILITY_BASE_VALUES.H }, o.SC = { name: "Confidentiality", shortName: "SC", subCategory: "Subsequent System Impact", description: "This metric measures the impact to the confidentiality of information managed by a system other than the Vulnerable System as a consequence of a successfully exploited vulnerability.", values: o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_BASE, worseCaseValue: o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_BASE_VALUES.H }, o.SI = { name: "Integrity", shortName: "SI", subCategory: "Subsequent System Impact", description: "This metric measures the impact to the integrity of a system other than the Vulnerable System as a consequence of a successfully exploited vulnerability.", values: o.SUBSEQUENT_SYSTEM_INTEGRITY_BASE, worseCaseValue: o.SUBSEQUENT_SYSTEM_INTEGRITY_BASE_VALUES.H }, o.SA = { name: "Availability", shortName: "SA", subCategory: "Subsequent System Impact", description: "This metric measures the impact to the availability of a system other than the Vulnerable System as a consequence of a successfully exploited vulnerability.", values: o.SUBSEQUENT_SYSTEM_AVAILABILITY_BASE, worseCaseValue: o.SUBSEQUENT_SYSTEM_AVAILABILITY_BASE_VALUES.H }, o.S_VALUES = { X: { shortName: "X", name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "The metric has not been evaluated." }, N: { shortName: "N", name: "Negligible", abbreviatedName: "Negl.", jsonSchemaName: "NEGLIGIBLE", description: 'Consequences of the vulnerability meet definition of IEC 61508 consequence categories of "marginal," "critical," or "catastrophic."' }, P: { shortName: "P", name: "Present", jsonSchemaName: "PRESENT", description: 'Consequences of the vulnerability meet definition of IEC 61508 consequence category "negligible."' } }, o.S = { name: "Safety", shortName: "S", description: "This supplemental metric captures Safety impacts of a vulnerability when the affected system has an intended use or fitness of purpose aligned to safety.", values: [o.S_VALUES.X, o.S_VALUES.N, o.S_VALUES.P], worseCaseValue: o.S_VALUES.P }, o.AU_VALUES = { X: { shortName: "X", name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "The metric has not been evaluated." }, N: { shortName: "N", name: "No", jsonSchemaName: "NO", description: "Attackers cannot reliably automate all 4 steps of the kill chain for this vulnerability for some reason. These steps are reconnaissance, weaponization, delivery, and exploitation." }, Y: { shortName: "Y", name: "Yes", jsonSchemaName: "YES", description: "Attackers can reliably automate all 4 steps of the kill chain. These steps are reconnaissance, weaponization, delivery, and exploitation (e.g., the vulnerability is \u201Cwormable\u201D)." } }, o.AU = { name: "Automatable", shortName: "AU", description: "This supplemental metric captures whether an attacker can reliably automate exploitation of this vulnerability across multiple targets, based on the first four steps of the kill chain (reconnaissance, weaponization, delivery, and exploitation).", values: [o.AU_VALUES.X, o.AU_VALUES.N, o.AU_VALUES.Y], worseCaseValue: o.AU_VALUES.Y }, o.R_VALUES = { X: { shortName: "X", name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "The metric has not been evaluated." }, A: { shortName: "A", name: "Automatic", abbreviatedName: "Automat.", jsonSchemaName: "AUTOMATIC", description: "The system recovers services automatically after an attack has been performed." }, U: { shortName: "U", name: "User", jsonSchemaName: "USER", description: "The system requires manual intervention by the user to recover services, after an attack has been performed." }, I: { shortName: "I", name: "Irrecoverable", abbreviatedName: "Irrecov.", jsonSchemaName: "IRRECOVERABLE", description: "The system services are irrecoverable by the user, after an attack has been performed." } }, o.R = { name: "Recovery", shortName: "R", description: "This supplemental metric describes the resilience of a system to recover services, in terms of performance and availability, after an attack has been performed.", values: [o.R_VALUES.X, o.R_VALUES.A, o.R_VALUES.U, o.R_VALUES.I], worseCaseValue: o.R_VALUES.I }, o.V_VALUES = { X: { shortName: "X", name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "The metric has not been evaluated." }, D: { shortName: "D", name: "Diffuse", jsonSchemaName: "DIFFUSE", description: "The vulnerable system has limited resources. That is, the resources that the attacker will gain control over with a single exploitation event are relatively small. An example of Diffuse (think: limited) Value Density would be an attack on a single email client vulnerability." }, C: { shortName: "C", name: "Concentrated", abbreviatedName: "Concentr.", jsonSchemaName: "CONCENTRATED", description: "The vulnerable system is rich in resources. Heuristically, such systems are often the direct responsibility of \u201Csystem operators\u201D rather than users. An example of Concentrated (think: broad) Value Density would be an attack on a central email server." } }, o.V = { name: "Value Density", shortName: "V", description: "This supplemental metric describes the resources that the attacker will gain control over with a single exploitation event.", values: [o.V_VALUES.X, o.V_VALUES.D, o.V_VALUES.C], worseCaseValue: o.V_VALUES.C }, o.RE_VALUES = { X: { shortName: "X", name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "The metric has not been evaluated." }, L: { shortName: "L", name: "Low", jsonSchemaName: "LOW", description: "The effort required to respond to a vulnerability is low/trivial. Examples include: communication on better documentation, configuration workarounds, or guidance from the vendor that does not require an immediate update, upgrade, or replacement by the consuming entity, such as firewall filter configuration." }, M: { shortName: "M", name: "Moderate", abbreviatedName: "Moder.", jsonSchemaName: "MODERATE", description: "The actions required to respond to a vulnerability require some effort on behalf of the consumer and could cause minimal service impact to implement. Examples include: simple remote update, disabling of a subsystem, or a low-touch software upgrade such as a driver update." }, H: { shortName: "H", name: "High", jsonSchemaName: "HIGH", description: "The actions required to respond to a vulnerability are significant and/or difficult, and may possibly lead to an extended, scheduled service impact. This would need to be considered for scheduling purposes including honoring any embargo on deployment of the selected response. Alternatively, response to the vulnerability in the field is not possible remotely. The only resolution to the vulnerability involves physical replacement (e.g. units deployed would have to be recalled for a depot level repair or replacement)." } }, o.RE = { name: "Vulnerability Response Effort", shortName: "RE", description: "This supplemental metric provides supplemental information on how difficult it is for consumers to provide an initial response to the impact of a vulnerability for deployed products and services in their infrastructure.", values: [o.RE_VALUES.X, o.RE_VALUES.L, o.RE_VALUES.M, o.RE_VALUES.H], worseCaseValue: o.RE_VALUES.H }, o.U_VALUES = { X: { shortName: "X", name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "The metric has not been evaluated." }, Clear: { shortName: "Clear", name: "Clear", jsonSchemaName: "CLEAR", description: "Provider has assessed the impact of this vulnerability as having the highest urgency." }, Green: { shortName: "Green", name: "Green", jsonSchemaName: "GREEN", description: "Provider has assessed the impact of this vulnerability as having a moderate urgency." }, Amber: { shortName: "Amber", name: "Amber", jsonSchemaName: "AMBER", description: "Provider has assessed the impact of this vulnerability as having a reduced urgency." }, Red: { shortName: "Red", name: "Red", jsonSchemaName: "RED", description: "Provider has assessed the impact of this vulnerability as having no urgency (Informational)." } }, o.U = { name: "Provider Urgency", shortName: "U", description: "This supplemental metric provides a standardized way for the system provider to convey a qualitative urgency rating (Clear, Green, Amber, Red) for the vulnerability.", values: [o.U_VALUES.X, o.U_VALUES.Clear, o.U_VALUES.Green, o.U_VALUES.Amber, o.U_VALUES.Red], worseCaseValue: o.U_VALUES.Red }, o.MAV = { name: "Modified Attack Vector", shortName: "MAV", subCategory: "Exploitability Metrics", description: "Overrides the Base Attack Vector metric to reflect specific characteristics of the analyst's environment.", baseMetricEquivalent: o.AV, values: o.AV.values, worseCaseValue: o.AV_VALUES.N }, o.MAC = { name: "Modified Attack Complexity", shortName: "MAC", subCategory: "Exploitability Metrics", description: "Overrides the Base Attack Complexity metric to reflect specific characteristics of the analyst's environment.", baseMetricEquivalent: o.AC, values: o.AC.values, worseCaseValue: o.AC_VALUES.L }, o.MAT = { name: "Modified Attack Requirements", shortName: "MAT", subCategory: "Exploitability Metrics", description: "Overrides the Base Attack Requirements metric to reflect specific characteristics of the analyst's environment.", baseMetricEquivalent: o.AT, values: o.AT.values, worseCaseValue: o.AT_VALUES.P }, o.MPR = { name: "Modified Privileges Required", shortName: "MPR", subCategory: "Exploitability Metrics", description: "Overrides the Base Privileges Required metric to reflect specific characteristics of the analyst's environment.", baseMetricEquivalent: o.PR, values: o.PR.values, worseCaseValue: o.PR_VALUES.N }, o.MUI = { name: "Modified User Interaction", shortName: "MUI", subCategory: "Exploitability Metrics", description: "Overrides the Base User Interaction metric to reflect specific characteristics of the analyst's environment.", baseMetricEquivalent: o.UI, values: o.UI.values, worseCaseValue: o.UI_VALUES.N }, o.MVC = { name: "Modified Confidentiality", shortName: "MVC", subCategory: "Vulnerable System Impact", description: "Overrides the Base Vulnerable System Confidentiality metric to reflect specific characteristics of the analyst's environment.", baseMetricEquivalent: o.VC, values: o.VULNERABLE_SYSTEM_CONFIDENTIALITY_BASE, worseCaseValue: o.VULNERABLE_SYSTEM_CONFIDENTIALITY_BASE_VALUES.H }, o.MVI = { name: "Modified Integrity", shortName: "MVI", subCategory: "Vulnerable System Impact", description: "Overrides the Base Vulnerable System Integrity metric to reflect specific characteristics of the analyst's environment.", baseMetricEquivalent: o.VI, values: o.VULNERABLE_SYSTEM_INTEGRITY_BASE, worseCaseValue: o.VULNERABLE_SYSTEM_INTEGRITY_BASE_VALUES.H }, o.MVA = { name: "Modified Availability", shortName: "MVA", subCategory: "Vulnerable System Impact", description: "Overrides the Base Vulnerable System Availability metric to reflect specific characteristics of the analyst's environment.", baseMetricEquivalent: o.VA, values: o.VULNERABLE_SYSTEM_AVAILABILITY_BASE, worseCaseValue: o.VULNERABLE_SYSTEM_AVAILABILITY_BASE_VALUES.H }, o.MSC = { name: "Modified Confidentiality", shortName: "MSC", subCategory: "Subsequent System Impact", description: "Overrides the Base Subsequent System Confidentiality metric to reflect specific characteristics of the analyst's environment.", baseMetricEquivalent: o.SC, values: o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_MODIFIED, worseCaseValue: o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_MODIFIED_VALUES.H }, o.MSI = { name: "Modified Integrity", shortName: "MSI", subCategory: "Subsequent System Impact", description: "Overrides the Base Subsequent System Integrity metric to reflect specific characteristics of the analyst's environment.", baseMetricEquivalent: o.SI, baseMetricEquivalentMapper: (e3) => e3 === o.SUBSEQUENT_SYSTEM_INTEGRITY_MODIFIED_VALUES.S ? o.SUBSEQUENT_SYSTEM_INTEGRITY_MODIFIED_VALUES.H : e3, values: o.SUBSEQUENT_SYSTEM_INTEGRITY_MODIFIED, worseCaseValue: o.SUBSEQUENT_SYSTEM_INTEGRITY_MODIFIED_VALUES.H }, o.MSA = { name: "Modified Availability", shortName: "MSA", subCategory: "Subsequent System Impact", description: "Overrides the Base Subsequent System Availability metric to reflect specific characteristics of the analyst's environment.", baseMetricEquivalent: o.SA, baseMetricEquivalentMapper: (e3) => e3 === o.SUBSEQUENT_SYSTEM_AVAILABILITY_MODIFIED_VALUES.S ? o.SUBSEQUENT_SYSTEM_AVAILABILITY_MODIFIED_VALUES.H : e3, values: o.SUBSEQUENT_SYSTEM_AVAILABILITY_MODIFIED, worseCaseValue: o.SUBSEQUENT_SYSTEM_AVAILABILITY_MODIFIED_VALUES.H }, o.CR = { name: "Confidentiality Requirement", shortName: "CR", description: "This metric enables the consumer to customize the assessment depending on the importance of Confidentiality to the affected IT asset within the analyst's organization.", values: o.REQUIREMENT_CONFIDENTIALITY_MODIFIED, worseCaseValue: o.REQUIREMENT_CONFIDENTIALITY_MODIFIED_VALUES.H }, o.IR = { name: "Integrity Requirement", shortName: "IR", description: "This metric enables the consumer to customize the assessment depending on the importance of Integrity to the affected IT asset within the analyst's organization.", values: o.REQUIREMENT_INTEGRITY_MODIFIED, worseCaseValue: o.REQUIREMENT_INTEGRITY_MODIFIED_VALUES.H }, o.AR = { name: "Availability Requirement", shortName: "AR", description: "This metric enables the consumer to customize the assessment depending on the importance of Availability to the affected IT asset within the analyst's organization.", values: o.REQUIREMENT_AVAILABILITY_MODIFIED, worseCaseValue: o.REQUIREMENT_AVAILABILITY_MODIFIED_VALUES.H }, o.E_VALUES = { X: { shortName: "X", name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Reliable threat intelligence is not available to determine Exploit Maturity characteristics. This is the default value and is equivalent to Attacked (A) for the purposes of the calculation of the score by assuming the worst case." }, A: { shortName: "A", name: "Attacked", jsonSchemaName: "ATTACKED", description: "Based on available threat intelligence either of the following must apply: Attacks targeting this vulnerability (attempted or successful) have been reported Solutions to simplify attempts to exploit the vulnerability are publicly or privately available (such as exploit toolkits)" }, P: { shortName: "P", name: "POC", jsonSchemaName: "PROOF_OF_CONCEPT", description: "Based on available threat intelligence each of the following must apply: Proof-of-concept exploit code is publicly available No knowledge of reported attempts to exploit this vulnerability No knowledge of publicly available solutions used to simplify attempts to exploit the vulnerability (i.e., the \u201CAttacked\u201D value does not apply)" }, U: { shortName: "U", name: "Unreported", jsonSchemaName: "UNREPORTED", description: "Based on available threat intelligence each of the following must apply: No knowledge of publicly available proof-of-concept exploit code No knowledge of reported attempts to exploit this vulnerability No knowledge of publicly available solutions used to simplify attempts to exploit the vulnerability (i.e., neither the \u201CPOC\u201D nor \u201CAttacked\u201D values apply)" } }, o.E = { name: "Exploit Maturity", shortName: "E", description: "This metric measures the likelihood of the vulnerability being attacked, and is based on the current state of exploit techniques, exploit code availability, or active in-the-wild exploitation.", values: [o.E_VALUES.X, o.E_VALUES.A, o.E_VALUES.P, o.E_VALUES.U], worseCaseValue: o.E_VALUES.A }, o.BASE_CATEGORY = { name: "base", description: "Base Metrics" }, o.SUPPLEMENTAL_CATEGORY = { name: "supplemental", description: "Supplemental Metrics" }, o.ENVIRONMENTAL_MODIFIED_BASE_CATEGORY = { name: "environmental-base", description: "Environmental Metrics (Modified Base)" }, o.ENVIRONMENTAL_SECURITY_REQUIREMENT_CATEGORY = { name: "environmental-security-requirement", description: "Environmental Metrics (Security Requirements)" }, o.THREAT_CATEGORY = { name: "threat", description: "Threat Metrics" }, o.BASE_CATEGORY_VALUES = [o.AV, o.AC, o.AT, o.PR, o.UI, o.VC, o.VI, o.VA, o.SC, o.SI, o.SA], o.SUPPLEMENTAL_CATEGORY_VALUES = [o.S, o.AU, o.R, o.V, o.RE, o.U], o.ENVIRONMENTAL_MODIFIED_BASE_CATEGORY_VALUES = [o.MAV, o.MAC, o.MAT, o.MPR, o.MUI, o.MVC, o.MVI, o.MVA, o.MSC, o.MSI, o.MSA], o.ENVIRONMENTAL_SECURITY_REQUIREMENT_CATEGORY_VALUES = [o.CR, o.IR, o.AR], o.THREAT_CATEGORY_VALUES = [o.E], o.REGISTERED_COMPONENTS_EDITOR_ORDER = /* @__PURE__ */ new Map(), o.REGISTERED_COMPONENTS_VECTOR_STRING_ORDER = /* @__PURE__ */ new Map(), o.REGISTERED_COMPONENTS_EDITOR_ORDER.set(o.BASE_CATEGORY, o.BASE_CATEGORY_VALUES), o.REGISTERED_COMPONENTS_EDITOR_ORDER.set(o.SUPPLEMENTAL_CATEGORY, o.SUPPLEMENTAL_CATEGORY_VALUES), o.REGISTERED_COMPONENTS_EDITOR_ORDER.set(o.ENVIRONMENTAL_MODIFIED_BASE_CATEGORY, o.ENVIRONMENTAL_MODIFIED_BASE_CATEGORY_VALUES), o.REGISTERED_COMPONENTS_EDITOR_ORDER.set(o.ENVIRONMENTAL_SECURITY_REQUIREMENT_CATEGORY, o.ENVIRONMENTAL_SECURITY_REQUIREMENT_CATEGORY_VALUES), o.REGISTERED_COMPONENTS_EDITOR_ORDER.set(o.THREAT_CATEGORY, o.THREAT_CATEGORY_VALUES), o.REGISTERED_COMPONENTS_VECTOR_STRING_ORDER.set(o.BASE_CATEGORY, o.BASE_CATEGORY_VALUES), o.REGISTERED_COMPONENTS_VECTOR_STRING_ORDER.set(o.THREAT_CATEGORY, o.THREAT_CATEGORY_VALUES), o.REGISTERED_COMPONENTS_VECTOR_STRING_ORDER.set(o.ENVIRONMENTAL_SECURITY_REQUIREMENT_CATEGORY, o.ENVIRONMENTAL_SECURITY_REQUIREMENT_CATEGORY_VALUES), o.REGISTERED_COMPONENTS_VECTOR_STRING_ORDER.set(o.ENVIRONMENTAL_MODIFIED_BASE_CATEGORY, o.ENVIRONMENTAL_MODIFIED_BASE_CATEGORY_VALUES), o.REGISTERED_COMPONENTS_VECTOR_STRING_ORDER.set(o.SUPPLEMENTAL_CATEGORY, o.SUPPLEMENTAL_CATEGORY_VALUES), o.MV_LOOKUP = { "000000": 10, "000001": 9.9, "000010": 9.8, "000011": 9.5, "000020": 9.5, "000021": 9.2, "000100": 10, "000101": 9.6, "000110": 9.3, "000111": 8.7, "000120": 9.1, "000121": 8.1, "000200": 9.3, "000201": 9, "000210": 8.9, "000211": 8, "000220": 8.1, "000221": 6.8, "001000": 9.8, "001001": 9.5, "001010": 9.5, "001011": 9.2, "001020": 9, "001021": 8.4, "001100": 9.3, "001101": 9.2, "001110": 8.9, "001111": 8.1, "001120": 8.1, "001121": 6.5, "001200": 8.8, "001201": 8, "001210": 7.8, "001211": 7, "001220": 6.9, "001221": 4.8, "002001": 9.2, "002011": 8.2, "002021": 7.2, "002101": 7.9, "002111": 6.9, "002121": 5, "002201": 6.9, "002211": 5.5, "002221": 2.7, "010000": 9.9, "010001": 9.7, "010010": 9.5, "010011": 9.2, "010020": 9.2, "010021": 8.5, "010100": 9.5, "010101": 9.1, "010110": 9, "010111": 8.3, "010120": 8.4, "010121": 7.1, "010200": 9.2, "010201": 8.1, "010210": 8.2, "010211": 7.1, "010220": 7.2, "010221": 5.3, "011000": 9.5, "011001": 9.3, "011010": 9.2, "011011": 8.5, "011020": 8.5, "011021": 7.3, "011100": 9.2, "011101": 8.2, "011110": 8, "011111": 7.2, "011120": 7, "011121": 5.9, "011200": 8.4, "011201": 7, "011210": 7.1, "011211": 5.2, "011220": 5, "011221": 3, "012001": 8.6, "012011": 7.5, "012021": 5.2, "012101": 7.1, "012111": 5.2, "012121": 2.9, "012201": 6.3, "012211": 2.9, "012221": 1.7, 1e5: 9.8, 100001: 9.5, 100010: 9.4, 100011: 8.7, 100020: 9.1, 100021: 8.1, 100100: 9.4, 100101: 8.9, 100110: 8.6, 100111: 7.4, 100120: 7.7, 100121: 6.4, 100200: 8.7, 100201: 7.5, 100210: 7.4, 100211: 6.3, 100220: 6.3, 100221: 4.9, 101e3: 9.4, 101001: 8.9, 101010: 8.8, 101011: 7.7, 101020: 7.6, 101021: 6.7, 101100: 8.6, 101101: 7.6, 101110: 7.4, 101111: 5.8, 101120: 5.9, 101121: 5, 101200: 7.2, 101201: 5.7, 101210: 5.7, 101211: 5.2, 101220: 5.2, 101221: 2.5, 102001: 8.3, 102011: 7, 102021: 5.4, 102101: 6.5, 102111: 5.8, 102121: 2.6, 102201: 5.3, 102211: 2.1, 102221: 1.3, 11e4: 9.5, 110001: 9, 110010: 8.8, 110011: 7.6, 110020: 7.6, 110021: 7, 110100: 9, 110101: 7.7, 110110: 7.5, 110111: 6.2, 110120: 6.1, 110121: 5.3, 110200: 7.7, 110201: 6.6, 110210: 6.8, 110211: 5.9, 110220: 5.2, 110221: 3, 111e3: 8.9, 111001: 7.8, 111010: 7.6, 111011: 6.7, 111020: 6.2, 111021: 5.8, 111100: 7.4, 111101: 5.9, 111110: 5.7, 111111: 5.7, 111120: 4.7, 111121: 2.3, 111200: 6.1, 111201: 5.2, 111210: 5.7, 111211: 2.9, 111220: 2.4, 111221: 1.6, 112001: 7.1, 112011: 5.9, 112021: 3, 112101: 5.8, 112111: 2.6, 112121: 1.5, 112201: 2.3, 112211: 1.3, 112221: 0.6, 2e5: 9.3, 200001: 8.7, 200010: 8.6, 200011: 7.2, 200020: 7.5, 200021: 5.8, 200100: 8.6, 200101: 7.4, 200110: 7.4, 200111: 6.1, 200120: 5.6, 200121: 3.4, 200200: 7, 200201: 5.4, 200210: 5.2, 200211: 4, 200220: 4, 200221: 2.2, 201e3: 8.5, 201001: 7.5, 201010: 7.4, 201011: 5.5, 201020: 6.2, 201021: 5.1, 201100: 7.2, 201101: 5.7, 201110: 5.5, 201111: 4.1, 201120: 4.6, 201121: 1.9, 201200: 5.3, 201201: 3.6, 201210: 3.4, 201211: 1.9, 201220: 1.9, 201221: 0.8, 202001: 6.4, 202011: 5.1, 202021: 2, 202101: 4.7, 202111: 2.1, 202121: 1.1, 202201: 2.4, 202211: 0.9, 202221: 0.4, 21e4: 8.8, 210001: 7.5, 210010: 7.3, 210011: 5.3, 210020: 6, 210021: 5, 210100: 7.3, 210101: 5.5, 210110: 5.9, 210111: 4, 210120: 4.1, 210121: 2, 210200: 5.4, 210201: 4.3, 210210: 4.5, 210211: 2.2, 210220: 2, 210221: 1.1, 211e3: 7.5, 211001: 5.5, 211010: 5.8, 211011: 4.5, 211020: 4, 211021: 2.1, 211100: 6.1, 211101: 5.1, 211110: 4.8, 211111: 1.8, 211120: 2, 211121: 0.9, 211200: 4.6, 211201: 1.8, 211210: 1.7, 211211: 0.7, 211220: 0.8, 211221: 0.2, 212001: 5.3, 212011: 2.4, 212021: 1.4, 212101: 2.4, 212111: 1.2, 212121: 0.5, 212201: 1, 212211: 0.3, 212221: 0.1 }, o.ATTRIBUTE_SEVERITY_ORDER = [[o.AT_VALUES.P, o.AT_VALUES.P], [o.AT_VALUES.N, o.AT_VALUES.N], [o.AT_VALUES.X, o.AT_VALUES.X], [o.S_VALUES.X], [o.S_VALUES.N], [o.S_VALUES.P], [o.AU_VALUES.X], [o.AU_VALUES.N], [o.AU_VALUES.Y], [o.V_VALUES.X], [o.V_VALUES.D], [o.V_VALUES.C], [o.AC_VALUES.H, o.AC_VALUES.H], [o.AC_VALUES.L, o.AC_VALUES.L], [o.AC_VALUES.X, o.AC_VALUES.X], [o.PR_VALUES.H, o.PR_VALUES.H], [o.PR_VALUES.L, o.PR_VALUES.L], [o.PR_VALUES.N, o.PR_VALUES.N], [o.PR_VALUES.X, o.PR_VALUES.X], [o.UI_VALUES.A, o.UI_VALUES.A], [o.UI_VALUES.P, o.UI_VALUES.P], [o.UI_VALUES.N, o.UI_VALUES.N], [o.UI_VALUES.X, o.UI_VALUES.X], [o.VULNERABLE_SYSTEM_CONFIDENTIALITY_BASE_VALUES.X, o.VULNERABLE_SYSTEM_INTEGRITY_BASE_VALUES.X, o.VULNERABLE_SYSTEM_AVAILABILITY_BASE_VALUES.X], [o.VULNERABLE_SYSTEM_CONFIDENTIALITY_BASE_VALUES.N, o.VULNERABLE_SYSTEM_INTEGRITY_BASE_VALUES.N, o.VULNERABLE_SYSTEM_AVAILABILITY_BASE_VALUES.N], [o.VULNERABLE_SYSTEM_CONFIDENTIALITY_BASE_VALUES.L, o.VULNERABLE_SYSTEM_INTEGRITY_BASE_VALUES.L, o.VULNERABLE_SYSTEM_AVAILABILITY_BASE_VALUES.L], [o.VULNERABLE_SYSTEM_CONFIDENTIALITY_BASE_VALUES.H, o.VULNERABLE_SYSTEM_INTEGRITY_BASE_VALUES.H, o.VULNERABLE_SYSTEM_AVAILABILITY_BASE_VALUES.H], [o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_MODIFIED_VALUES.X, o.SUBSEQUENT_SYSTEM_INTEGRITY_MODIFIED_VALUES.X, o.SUBSEQUENT_SYSTEM_AVAILABILITY_MODIFIED_VALUES.X, o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_BASE_VALUES.X, o.SUBSEQUENT_SYSTEM_INTEGRITY_BASE_VALUES.X, o.SUBSEQUENT_SYSTEM_AVAILABILITY_BASE_VALUES.X], [o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_MODIFIED_VALUES.N, o.SUBSEQUENT_SYSTEM_INTEGRITY_MODIFIED_VALUES.N, o.SUBSEQUENT_SYSTEM_AVAILABILITY_MODIFIED_VALUES.N, o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_BASE_VALUES.N, o.SUBSEQUENT_SYSTEM_INTEGRITY_BASE_VALUES.N, o.SUBSEQUENT_SYSTEM_AVAILABILITY_BASE_VALUES.N], [o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_MODIFIED_VALUES.L, o.SUBSEQUENT_SYSTEM_INTEGRITY_MODIFIED_VALUES.L, o.SUBSEQUENT_SYSTEM_AVAILABILITY_MODIFIED_VALUES.L, o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_BASE_VALUES.L, o.SUBSEQUENT_SYSTEM_INTEGRITY_BASE_VALUES.L, o.SUBSEQUENT_SYSTEM_AVAILABILITY_BASE_VALUES.L], [o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_MODIFIED_VALUES.H, o.SUBSEQUENT_SYSTEM_INTEGRITY_MODIFIED_VALUES.H, o.SUBSEQUENT_SYSTEM_AVAILABILITY_MODIFIED_VALUES.H, o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_BASE_VALUES.H, o.SUBSEQUENT_SYSTEM_INTEGRITY_BASE_VALUES.H, o.SUBSEQUENT_SYSTEM_AVAILABILITY_BASE_VALUES.H], [o.SUBSEQUENT_SYSTEM_INTEGRITY_MODIFIED_VALUES.S, o.SUBSEQUENT_SYSTEM_AVAILABILITY_MODIFIED_VALUES.S, o.SUBSEQUENT_SYSTEM_CONFIDENTIALITY_BASE_VALUES.S, o.SUBSEQUENT_SYSTEM_INTEGRITY_BASE_VALUES.S, o.SUBSEQUENT_SYSTEM_AVAILABILITY_BASE_VALUES.S], [o.REQUIREMENT_CONFIDENTIALITY_MODIFIED_VALUES.L, o.REQUIREMENT_AVAILABILITY_MODIFIED_VALUES.L, o.REQUIREMENT_INTEGRITY_MODIFIED_VALUES.L], [o.REQUIREMENT_CONFIDENTIALITY_MODIFIED_VALUES.M, o.REQUIREMENT_AVAILABILITY_MODIFIED_VALUES.M, o.REQUIREMENT_INTEGRITY_MODIFIED_VALUES.M], [o.REQUIREMENT_CONFIDENTIALITY_MODIFIED_VALUES.H, o.REQUIREMENT_AVAILABILITY_MODIFIED_VALUES.H, o.REQUIREMENT_INTEGRITY_MODIFIED_VALUES.H], [o.REQUIREMENT_CONFIDENTIALITY_MODIFIED_VALUES.X, o.REQUIREMENT_AVAILABILITY_MODIFIED_VALUES.X, o.REQUIREMENT_INTEGRITY_MODIFIED_VALUES.X], [o.E_VALUES.U], [o.E_VALUES.P], [o.E_VALUES.A], [o.E_VALUES.X], [o.R_VALUES.X], [o.R_VALUES.A], [o.R_VALUES.U], [o.R_VALUES.I], [o.RE_VALUES.X], [o.RE_VALUES.L], [o.RE_VALUES.M], [o.RE_VALUES.H], [o.U_VALUES.X], [o.U_VALUES.Clear], [o.U_VALUES.Green], [o.U_VALUES.Amber], [o.U_VALUES.Red], [o.AV_VALUES.X, o.AV_VALUES.X], [o.AV_VALUES.P, o.AV_VALUES.P], [o.AV_VALUES.L, o.AV_VALUES.L], [o.AV_VALUES.A, o.AV_VALUES.A], [o.AV_VALUES.N, o.AV_VALUES.N]];
      }, 904: (e2, t2) => {
        Object.defineProperty(t2, "__esModule", { value: true }), t2.EqOperations36 = t2.EqOperations5 = t2.EqOperations4 = t2.EqOperations2 = t2.EqOperations1 = t2.EqOperations1245 = t2.getEqImplementations = void 0, t2.getEqImplementations = () => [a.getInstance(), i.getInstance(), s.getInstance(), n.getInstance(), r.getInstance()];
        class o {
          deriveNextLowerMacro(e3) {
            return [e3.deriveNextLower(this.getEqNumber())];
          }
          lookupScoresForNextLowerMacro(e3) {
            return e3[0].getLookupTableScore();
          }
          getHighestSeverityVectors(e3) {
            return this.getEq(e3).getHighestSeverityVectorsUnparsed();
          }
          lookupMacroVectorDepth(e3) {
            return this.getEq(e3).getVectorDepth();
          }
        }
        t2.EqOperations1245 = o;
        class a extends o {
          getEq(e3) {
            return e3.getEq1();
          }
          getRelevantAttributes() {
            return ["AV", "PR", "UI"];
          }
          getEqNumber() {
            return 1;
          }
          static getInstance() {
            return a.instance;
          }
        }
        t2.EqOperations1 = a, a.instance = new a();
        class i extends o {
          getEq(e3) {
            return e3.getEq2();
          }
          getRelevantAttributes() {
            return ["AC", "AT"];
          }
          getEqNumber() {
            return 2;
          }
          static getInstance() {
            return i.instance;
          }
        }
        t2.EqOperations2 = i, i.instance = new i();
        class s extends o {
          getEq(e3) {
            return e3.getEq4();
          }
          getRelevantAttributes() {
            return ["SC", "SI", "SA"];
          }
          getEqNumber() {
            return 4;
          }
          static getInstance() {
            return s.instance;
          }
        }
        t2.EqOperations4 = s, s.instance = new s();
        class n extends o {
          getEq(e3) {
            return e3.getEq5();
          }
          getRelevantAttributes() {
            return [];
          }
          getEqNumber() {
            return 5;
          }
          static getInstance() {
            return n.instance;
          }
        }
        t2.EqOperations5 = n, n.instance = new n();
        class r {
          static getInstance() {
            return r.instance;
          }
          getHighestSeverityVectors(e3) {
            return e3.getJointEq3AndEq6().getHighestSeverityVectorsUnparsed();
          }
          getRelevantAttributes() {
            return ["VC", "VI", "VA", "CR", "IR", "AR"];
          }
          deriveNextLowerMacro(e3) {
            const t3 = e3.getEq3().getLevelAsInt(), o2 = e3.getEq6().getLevelAsInt();
            return 1 === t3 && 1 === o2 || 0 === t3 && 1 === o2 ? [e3.deriveNextLower(3)] : 1 === t3 && 0 === o2 ? [e3.deriveNextLower(6)] : 0 === t3 && 0 === o2 ? [e3.deriveNextLower(3), e3.deriveNextLower(6)] : [e3.deriveNextLower(3).deriveNextLower(6)];
          }
          lookupScoresForNextLowerMacro(e3) {
            let t3 = NaN, o2 = NaN;
            return e3.length > 0 && null != e3[0] && (t3 = e3[0].getLookupTableScore()), e3.length > 1 && null != e3[1] && (o2 = e3[1].getLookupTableScore()), isNaN(t3) || isNaN(o2) ? isNaN(t3) ? o2 : t3 : Math.max(t3, o2);
          }
          lookupMacroVectorDepth(e3) {
            return e3.getJointEq3AndEq6().getVectorDepth();
          }
        }
        t2.EqOperations36 = r, r.instance = new r();
      }, 951: (e2, t2) => {
        var o;
        Object.defineProperty(t2, "__esModule", { value: true }), t2.Cvss3P1Components = void 0;
        class a {
        }
        t2.Cvss3P1Components = a, o = a, a.CONFIDENTIALITY_IMPACT_VALUES = { X: { shortName: "X", value: 0, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, N: { shortName: "N", value: 0, name: "None", jsonSchemaName: "NONE", description: "There is no loss of confidentiality within the impacted component." }, L: { shortName: "L", value: 0.22, name: "Low", jsonSchemaName: "LOW", description: "There is some loss of confidentiality. Access to some restricted information is obtained, but the attacker does not have control over what information is obtained, or the amount or kind of loss is limited. The information disclosure does not cause a direct, serious loss to the impacted component." }, H: { shortName: "H", value: 0.56, name: "High", jsonSchemaName: "HIGH", description: "There is a total loss of confidentiality, resulting in all resources within the impacted component being divulged to the attacker. Alternatively, access to only some restricted information is obtained, but the disclosed information presents a direct, serious impact. For example, an attacker steals the administrator's password, or private encryption keys of a web server." } }, a.CONFIDENTIALITY_IMPACT = [o.CONFIDENTIALITY_IMPACT_VALUES.X, o.CONFIDENTIALITY_IMPACT_VALUES.N, o.CONFIDENTIALITY_IMPACT_VALUES.L, o.CONFIDENTIALITY_IMPACT_VALUES.H], a.INTEGRITY_IMPACT_VALUES = { X: { shortName: "X", value: 0, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, N: { shortName: "N", value: 0, name: "None", jsonSchemaName: "NONE", description: "There is no loss of integrity within the impacted component." }, L: { shortName: "L", value: 0.22, name: "Low", jsonSchemaName: "LOW", description: "Modification of data is possible, but the attacker does not have control over the consequence of a modification, or the amount of modification is limited. The data modification does not have a direct, serious impact on the impacted component." }, H: { shortName: "H", value: 0.56, name: "High", jsonSchemaName: "HIGH", description: "There is a total loss of integrity, or a complete loss of protection. For example, the attacker is able to modify any/all files protected by the impacted component. Alternatively, only some files can be modified, but malicious modification would present a direct, serious consequence to the impacted component." } }, a.INTEGRITY_IMPACT = [o.INTEGRITY_IMPACT_VALUES.X, o.INTEGRITY_IMPACT_VALUES.N, o.INTEGRITY_IMPACT_VALUES.L, o.INTEGRITY_IMPACT_VALUES.H], a.AVAILABILITY_IMPACT_VALUES = { X: { shortName: "X", value: 0, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, N: { shortName: "N", value: 0, name: "None", jsonSchemaName: "NONE", description: "There is no impact to availability within the impacted component." }, L: { shortName: "L", value: 0.22, name: "Low", jsonSchemaName: "LOW", description: "Performance is reduced or there are interruptions in resource availability. Even if repeated exploitation of the vulnerability is possible, the attacker does not have the ability to completely deny service to legitimate users. The resources in the impacted component are either partially available all of the time, or fully available only some of the time, but overall there is no direct, serious consequence to the impacted component." }, H: { shortName: "H", value: 0.56, name: "High", jsonSchemaName: "HIGH", description: "There is a total loss of availability, resulting in the attacker being able to fully deny access to resources in the impacted component; this loss is either sustained (while the attacker continues to deliver the attack) or persistent (the condition persists even after the attack has completed). Alternatively, the attacker has the ability to deny some availability, but the loss of availability presents a direct, serious consequence to the impacted component (e.g., the attacker cannot disrupt existing connections, but can prevent new connections; the attacker can repeatedly exploit a vulnerability that, in each instance of a successful attack, leaks a only small amount of memory, but after repeated exploitation causes a service to become completely unavailable)." } }, a.AVAILABILITY_IMPACT = [o.AVAILABILITY_IMPACT_VALUES.X, o.AVAILABILITY_IMPACT_VALUES.N, o.AVAILABILITY_IMPACT_VALUES.L, o.AVAILABILITY_IMPACT_VALUES.H], a.CONFIDENTIALITY_REQUIREMENT_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Assigning this value indicates there is insufficient information to choose one of the other values, and has no impact on the overall Environmental Score, i.e., it has the same effect on scoring as assigning Medium." }, L: { shortName: "L", value: 0.5, name: "Low", jsonSchemaName: "LOW", description: "Loss of Confidentiality is likely to have only a limited adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." }, M: { shortName: "M", value: 1, name: "Medium", jsonSchemaName: "MEDIUM", description: "Loss of Confidentiality is likely to have a serious adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." }, H: { shortName: "H", value: 1.5, name: "High", jsonSchemaName: "HIGH", description: "Loss of Confidentiality is likely to have a catastrophic adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." } }, a.CONFIDENTIALITY_REQUIREMENT = [o.CONFIDENTIALITY_REQUIREMENT_VALUES.X, o.CONFIDENTIALITY_REQUIREMENT_VALUES.L, o.CONFIDENTIALITY_REQUIREMENT_VALUES.M, o.CONFIDENTIALITY_REQUIREMENT_VALUES.H], a.INTEGRITY_REQUIREMENT_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Assigning this value indicates there is insufficient information to choose one of the other values, and has no impact on the overall Environmental Score, i.e., it has the same effect on scoring as assigning Medium." }, L: { shortName: "L", value: 0.5, name: "Low", jsonSchemaName: "LOW", description: "Loss of Integrity is likely to have only a limited adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." }, M: { shortName: "M", value: 1, name: "Medium", jsonSchemaName: "MEDIUM", description: "Loss of Integrity is likely to have a serious adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." }, H: { shortName: "H", value: 1.5, name: "High", jsonSchemaName: "HIGH", description: "Loss of Integrity is likely to have a catastrophic adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." } }, a.INTEGRITY_REQUIREMENT = [o.INTEGRITY_REQUIREMENT_VALUES.X, o.INTEGRITY_REQUIREMENT_VALUES.L, o.INTEGRITY_REQUIREMENT_VALUES.M, o.INTEGRITY_REQUIREMENT_VALUES.H], a.AVAILABILITY_REQUIREMENT_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Assigning this value indicates there is insufficient information to choose one of the other values, and has no impact on the overall Environmental Score, i.e., it has the same effect on scoring as assigning Medium." }, L: { shortName: "L", value: 0.5, name: "Low", jsonSchemaName: "LOW", description: "Loss of Availability is likely to have only a limited adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." }, M: { shortName: "M", value: 1, name: "Medium", jsonSchemaName: "MEDIUM", description: "Loss of Availability is likely to have a serious adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." }, H: { shortName: "H", value: 1.5, name: "High", jsonSchemaName: "HIGH", description: "Loss of Availability is likely to have a catastrophic adverse effect on the organization or individuals associated with the organization (e.g., employees, customers)." } }, a.AVAILABILITY_REQUIREMENT = [o.AVAILABILITY_REQUIREMENT_VALUES.X, o.AVAILABILITY_REQUIREMENT_VALUES.L, o.AVAILABILITY_REQUIREMENT_VALUES.M, o.AVAILABILITY_REQUIREMENT_VALUES.H], a.TEMPLATE_CIA_REQUIREMENT_MODIFIED_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, L: { shortName: "L", value: 0.5, name: "Low", jsonSchemaName: "LOW", description: "There is no impact to the integrity of the system." }, M: { shortName: "M", value: 1, name: "Medium", jsonSchemaName: "MEDIUM", description: "There is a partial compromise of system integrity." }, H: { shortName: "H", value: 1.5, name: "High", jsonSchemaName: "HIGH", description: "There is a total compromise of system integrity." } }, a.TEMPLATE_CIA_REQUIREMENT_MODIFIED = [o.TEMPLATE_CIA_REQUIREMENT_MODIFIED_VALUES.X, o.TEMPLATE_CIA_REQUIREMENT_MODIFIED_VALUES.L, o.TEMPLATE_CIA_REQUIREMENT_MODIFIED_VALUES.M, o.TEMPLATE_CIA_REQUIREMENT_MODIFIED_VALUES.H], a.BASE_CATEGORY = { name: "base", description: "This metric reflects the qualities of a vulnerability that are constant over time and across user environments." }, a.AV_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, N: { shortName: "N", value: 0.85, name: "Network", abbreviatedName: "Netw.", jsonSchemaName: "NETWORK", description: "The vulnerable component is bound to the network stack and the set of possible attackers extends beyond the other options listed below, up to and including the entire Internet." }, A: { shortName: "A", value: 0.62, name: "Adjacent Network", abbreviatedName: "Adj. Network", jsonSchemaName: "ADJACENT_NETWORK", description: "The vulnerable component is bound to the network stack, but the attack is limited at the protocol level to a logically adjacent topology." }, L: { shortName: "L", value: 0.55, name: "Local", jsonSchemaName: "LOCAL", description: "The vulnerable component is not bound to the network stack and the attacker's path is via read/write/execute capabilities." }, P: { shortName: "P", value: 0.2, name: "Physical", abbreviatedName: "Phys.", jsonSchemaName: "PHYSICAL", description: "The attack requires the attacker to physically touch or manipulate the vulnerable component." } }, a.AV = { name: "Attack Vector", shortName: "AV", subCategory: "Exploitability Metrics", description: "This metric reflects the context by which vulnerability exploitation is possible. The more remote an attacker can be to attack a host, the greater the vulnerability score.", values: [o.AV_VALUES.X, o.AV_VALUES.N, o.AV_VALUES.A, o.AV_VALUES.L, o.AV_VALUES.P] }, a.AC_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, L: { shortName: "L", value: 0.77, name: "Low", jsonSchemaName: "LOW", description: "Specialized access conditions or extenuating circumstances do not exist. An attacker can expect repeatable success when attacking the vulnerable component." }, H: { shortName: "H", value: 0.44, name: "High", jsonSchemaName: "HIGH", description: "A successful attack depends on conditions beyond the attacker's control. That is, a successful attack cannot be accomplished at will, but requires the attacker to invest in some measurable amount of effort in preparation or execution against the vulnerable component before a successful attack can be expected." } }, a.AC = { name: "Attack Complexity", shortName: "AC", subCategory: "Exploitability Metrics", description: "This metric describes the conditions beyond the attacker's control that must exist in order to exploit the vulnerability.", values: [o.AC_VALUES.X, o.AC_VALUES.L, o.AC_VALUES.H] }, a.PR_VALUES = { X: { shortName: "X", value: 1, changedValue: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, N: { shortName: "N", value: 0.85, changedValue: 0.85, name: "None", jsonSchemaName: "NONE", description: "The attacker is unauthorized prior to attack, and therefore does not require any access to settings or files of the vulnerable system to carry out an attack." }, L: { shortName: "L", value: 0.62, changedValue: 0.68, name: "Low", jsonSchemaName: "LOW", description: "The attacker requires privileges that provide basic user capabilities that could normally affect only settings and files owned by a user. Alternatively, an attacker with Low privileges has the ability to access only non-sensitive resources." }, H: { shortName: "H", value: 0.27, changedValue: 0.5, name: "High", jsonSchemaName: "HIGH", description: "The attacker requires privileges that provide significant (e.g., administrative) control over the vulnerable component allowing access to component-wide settings and files." } }, a.PR = { name: "Privileges Required", shortName: "PR", subCategory: "Exploitability Metrics", description: "This metric describes the level of privileges an attacker must possess before successfully exploiting the vulnerability.", values: [o.PR_VALUES.X, o.PR_VALUES.N, o.PR_VALUES.L, o.PR_VALUES.H] }, a.UI_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, N: { shortName: "N", value: 0.85, name: "None", jsonSchemaName: "NONE", description: "The vulnerable system can be exploited without interaction from any user." }, R: { shortName: "R", value: 0.62, name: "Required", abbreviatedName: "Req.", jsonSchemaName: "REQUIRED", description: "Successful exploitation of this vulnerability requires a user to take some action before the vulnerability can be exploited. For example, a successful exploit may only be possible during the installation of an application by a system administrator." } }, a.UI = { name: "User Interaction", shortName: "UI", subCategory: "Exploitability Metrics", description: "This metric captures the requirement for a user, other than the attacker, to participate in the successful compromise of the vulnerable component.", values: [o.UI_VALUES.X, o.UI_VALUES.N, o.UI_VALUES.R] }, a.S_VALUES = { X: { shortName: "X", value: false, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, U: { shortName: "U", value: false, name: "Unchanged", abbreviatedName: "Unchang.", jsonSchemaName: "UNCHANGED", description: "An exploited vulnerability can only affect resources managed by the same authority." }, C: { shortName: "C", value: true, name: "Changed", jsonSchemaName: "CHANGED", description: "An exploited vulnerability can affect resources beyond the authorization privileges intended by the vulnerable system's design." } }, a.S = { name: "Scope", shortName: "S", subCategory: "Exploitability Metrics", description: "Can an exploit of the vulnerability be accomplished remotely?", values: [o.S_VALUES.X, o.S_VALUES.U, o.S_VALUES.C] }, a.C = { name: "Confidentiality Impact", shortName: "C", subCategory: "Impact Metrics", description: "This metric measures the impact to the confidentiality of the information resources managed by a software component due to a successfully exploited vulnerability.", values: o.CONFIDENTIALITY_IMPACT }, a.I = { name: "Integrity Impact", shortName: "I", subCategory: "Impact Metrics", description: "This metric measures the impact to integrity of a successfully exploited vulnerability.", values: o.INTEGRITY_IMPACT }, a.A = { name: "Availability Impact", shortName: "A", subCategory: "Impact Metrics", description: "This metric measures the impact to the availability of the impacted component resulting from a successfully exploited vulnerability.", values: o.AVAILABILITY_IMPACT }, a.BASE_CATEGORY_VALUES = [o.AV, o.AC, o.PR, o.UI, o.S, o.C, o.I, o.A], a.TEMPORAL_CATEGORY = { name: "temporal", description: "This metric reflects the current state of exploit techniques or code availability." }, a.E_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, U: { shortName: "U", value: 0.91, name: "Unproven", abbreviatedName: "Unproven", description: "No exploit code is available, or an exploit is theoretical." }, P: { shortName: "P", value: 0.94, name: "Proof-of-Concept", abbreviatedName: "Proof-of-conc.", jsonSchemaName: "PROOF_OF_CONCEPT", description: "Proof-of-concept exploit code is available, or an attack demonstration is not practical for most systems. The code or technique is not functional in all situations and may require substantial modification by a skilled attacker." }, F: { shortName: "F", value: 0.97, name: "Functional", jsonSchemaName: "FUNCTIONAL", description: "Functional exploit code is available. The code works in most situations where the vulnerability exists." }, H: { shortName: "H", value: 1, name: "High", jsonSchemaName: "HIGH", description: "Functional exploit code is available. The code is widespread and automated and works in all situations where the vulnerability exists." } }, a.E = { name: "Exploit Code Maturity", shortName: "E", description: "This metric measures the likelihood of the vulnerability being attacked, and is typically based on the current state of exploit techniques, exploit code availability, or active, successful exploitation of the vulnerability.", values: [o.E_VALUES.X, o.E_VALUES.U, o.E_VALUES.P, o.E_VALUES.F, o.E_VALUES.H] }, a.RL_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, O: { shortName: "O", value: 0.95, name: "Official Fix", abbreviatedName: "Off. Fix", jsonSchemaName: "OFFICIAL_FIX", description: "A complete vendor solution is available. Either the vendor has issued an official patch, or an upgrade is available." }, T: { shortName: "T", value: 0.96, name: "Temporary Fix", abbreviatedName: "Temp. Fix", jsonSchemaName: "TEMPORARY_FIX", description: "There is an official but temporary fix available. This includes instances where the vendor issues a temporary hotfix, tool, or workaround." }, W: { shortName: "W", value: 0.97, name: "Workaround", jsonSchemaName: "WORKAROUND", description: "There is an unofficial, non-vendor solution available. In some cases, users of the affected technology will create a patch of their own or provide steps to work around or otherwise mitigate the vulnerability." }, U: { shortName: "U", value: 1, name: "Unavailable", jsonSchemaName: "UNAVAILABLE", description: "There is either no solution available or it is impossible to apply." } }, a.RL = { name: "Remediation Level", shortName: "RL", description: "This metric describes the remediation level for a vulnerability in an affected resource.", values: [o.RL_VALUES.X, o.RL_VALUES.O, o.RL_VALUES.T, o.RL_VALUES.W, o.RL_VALUES.U] }, a.RC_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, U: { shortName: "U", value: 0.92, name: "Unknown", description: "Report confidence is unknown." }, R: { shortName: "R", value: 0.96, name: "Reasonable", jsonSchemaName: "REASONABLE", description: "Reasonable confidence exists, or the reported vulnerability is in a component not typically used by a target or not having a large installed base." }, C: { shortName: "C", value: 1, name: "Confirmed", jsonSchemaName: "CONFIRMED", description: "Confirmed confidence exists, or the exploit is functional in the environment where the vulnerability exists." } }, a.RC = { name: "Report Confidence", shortName: "RC", description: "This metric describes the level of confidence in the existence of the vulnerability and the credibility of the known technical details.", values: [o.RC_VALUES.X, o.RC_VALUES.U, o.RC_VALUES.R, o.RC_VALUES.C] }, a.TEMPORAL_CATEGORY_VALUES = [o.E, o.RL, o.RC], a.ENVIRONMENTAL_CATEGORY = { name: "environmental", description: "This metric reflects the characteristics of a vulnerability that are relevant and unique to a particular user's environment. This metric can greatly improve the accuracy of a score." }, a.MAV_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, N: { shortName: "N", value: 0.85, name: "Network", abbreviatedName: "Netw.", jsonSchemaName: "NETWORK", description: "The vulnerable component is bound to the network stack and the set of possible attackers extends beyond the other options listed below, up to and including the entire Internet." }, A: { shortName: "A", value: 0.62, name: "Adjacent Network", abbreviatedName: "Adj. Network", jsonSchemaName: "ADJACENT_NETWORK", description: "The vulnerable component is bound to the network stack, but the attack is limited at the protocol level to a logically adjacent topology." }, L: { shortName: "L", value: 0.55, name: "Local", jsonSchemaName: "LOCAL", description: "The vulnerable component is not bound to the network stack and the attacker's path is via read/write/execute capabilities." }, P: { shortName: "P", value: 0.2, name: "Physical", abbreviatedName: "Phys.", jsonSchemaName: "PHYSICAL", description: "The attack requires the attacker to physically touch or manipulate the vulnerable component." } }, a.MAV = { name: "Modified Attack Vector", shortName: "MAV", subCategory: "Exploitability Metrics", description: "This metric reflects the context by which vulnerability exploitation is possible. The more remote an attacker can be to attack a host, the greater the vulnerability score.", baseMetricEquivalent: o.AV, values: [o.MAV_VALUES.X, o.MAV_VALUES.N, o.MAV_VALUES.A, o.MAV_VALUES.L, o.MAV_VALUES.P] }, a.MAC_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, L: { shortName: "L", value: 0.77, name: "Low", jsonSchemaName: "LOW", description: "Specialized access conditions or extenuating circumstances do not exist. An attacker can expect repeatable success when attacking the vulnerable component." }, H: { shortName: "H", value: 0.44, name: "High", jsonSchemaName: "HIGH", description: "A successful attack depends on conditions beyond the attacker's control. That is, a successful attack cannot be accomplished at will, but requires the attacker to invest in some measurable amount of effort in preparation or execution against the vulnerable component before a successful attack can be expected." } }, a.MAC = { name: "Modified Attack Complexity", shortName: "MAC", subCategory: "Exploitability Metrics", description: "This metric describes the conditions beyond the attacker's control that must exist in order to exploit the vulnerability.", baseMetricEquivalent: o.AC, values: [o.MAC_VALUES.X, o.MAC_VALUES.L, o.MAC_VALUES.H] }, a.MPR_VALUES = { X: { shortName: "X", value: 1, changedValue: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, N: { shortName: "N", value: 0.85, changedValue: 0.85, name: "None", jsonSchemaName: "NONE", description: "The attacker is unauthorized prior to attack, and therefore does not require any access to settings or files of the vulnerable system to carry out an attack." }, L: { shortName: "L", value: 0.62, changedValue: 0.68, name: "Low", jsonSchemaName: "LOW", description: "The attacker requires privileges that provide basic user capabilities that could normally affect only settings and files owned by a user. Alternatively, an attacker with Low privileges has the ability to access only non-sensitive resources." }, H: { shortName: "H", value: 0.27, changedValue: 0.5, name: "High", jsonSchemaName: "HIGH", description: "The attacker requires privileges that provide significant (e.g., administrative) control over the vulnerable component allowing access to component-wide settings and files." } }, a.MPR = { name: "Modified Privileges Required", shortName: "MPR", subCategory: "Exploitability Metrics", description: "This metric describes the level of privileges an attacker must possess before successfully exploiting the vulnerability.", baseMetricEquivalent: o.PR, values: [o.MPR_VALUES.X, o.MPR_VALUES.N, o.MPR_VALUES.L, o.MPR_VALUES.H] }, a.MUI_VALUES = { X: { shortName: "X", value: 1, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, N: { shortName: "N", value: 0.85, name: "None", jsonSchemaName: "NONE", description: "The vulnerable system can be exploited without interaction from any user." }, R: { shortName: "R", value: 0.62, name: "Required", jsonSchemaName: "REQUIRED", description: "Successful exploitation of this vulnerability requires a user to take some action before the vulnerability can be exploited. For example, a successful exploit may only be possible during the installation of an application by a system administrator." } }, a.MUI = { name: "Modified User Interaction", shortName: "MUI", subCategory: "Exploitability Metrics", description: "This metric captures the requirement for a user, other than the attacker, to participate in the successful compromise of the vulnerable component.", baseMetricEquivalent: o.UI, values: [o.MUI_VALUES.X, o.MUI_VALUES.N, o.MUI_VALUES.R] }, a.MS_VALUES = { X: { shortName: "X", value: false, name: "Not Defined", abbreviatedName: "Not Def.", jsonSchemaName: "NOT_DEFINED", description: "Component is not defined." }, U: { shortName: "U", value: false, name: "Unchanged", abbreviatedName: "Unchang.", jsonSchemaName: "UNCHANGED", description: "An exploited vulnerability can only affect resources managed by the same authority." }, C: { shortName: "C", value: true, name: "Changed", jsonSchemaName: "CHANGED", description: "An exploited vulnerability can affect resources beyond the authorization privileges intended by the vulnerable system's design." } }, a.MS = { name: "Modified Scope", shortName: "MS", subCategory: "Exploitability Metrics", description: "Can an exploit of the vulnerability be accomplished remotely?", baseMetricEquivalent: o.S, values: [o.MS_VALUES.X, o.MS_VALUES.U, o.MS_VALUES.C] }, a.MC = { name: "Confidentiality Impact", shortName: "MC", subCategory: "Modified Impact", description: "This metric measures the impact to the confidentiality of the information resources managed by a software component due to a successfully exploited vulnerability.", baseMetricEquivalent: o.C, values: o.CONFIDENTIALITY_IMPACT }, a.MI = { name: "Integrity Impact", shortName: "MI", subCategory: "Modified Impact", description: "This metric measures the impact to integrity of a successfully exploited vulnerability.", baseMetricEquivalent: o.I, values: o.INTEGRITY_IMPACT }, a.MA = { name: "Availability Impact", shortName: "MA", subCategory: "Modified Impact", description: "This metric measures the impact to the availability of the impacted component resulting from a successfully exploited vulnerability.", baseMetricEquivalent: o.A, values: o.AVAILABILITY_IMPACT }, a.CR = { name: "Confidentiality Requirement", shortName: "CR", subCategory: "Modified Requirement (Impact Subscore) Modifiers", description: "This metric describes the remediation level for a vulnerability in an affected resource.", values: o.CONFIDENTIALITY_REQUIREMENT }, a.IR = { name: "Integrity Requirement", shortName: "IR", subCategory: "Modified Requirement (Impact Subscore) Modifiers", description: "This metric describes the remediation level for a vulnerability in an affected resource.", values: o.INTEGRITY_REQUIREMENT }, a.AR = { name: "Availability Requirement", shortName: "AR", subCategory: "Modified Requirement (Impact Subscore) Modifiers", description: "This metric describes the remediation level for a vulnerability in an affected resource.", values: o.AVAILABILITY_REQUIREMENT }, a.ENVIRONMENTAL_CATEGORY_VALUES = [o.CR, o.IR, o.AR, o.MAV, o.MAC, o.MPR, o.MUI, o.MS, o.MC, o.MI, o.MA], a.REGISTERED_COMPONENTS = /* @__PURE__ */ new Map(), o.REGISTERED_COMPONENTS.set(o.BASE_CATEGORY, o.BASE_CATEGORY_VALUES), o.REGISTERED_COMPONENTS.set(o.TEMPORAL_CATEGORY, o.TEMPORAL_CATEGORY_VALUES), o.REGISTERED_COMPONENTS.set(o.ENVIRONMENTAL_CATEGORY, o.ENVIRONMENTAL_CATEGORY_VALUES), a.ATTRIBUTE_SEVERITY_ORDER = [[o.S_VALUES.U, o.MS_VALUES.U], [o.CONFIDENTIALITY_IMPACT_VALUES.N, o.INTEGRITY_IMPACT_VALUES.N, o.AVAILABILITY_IMPACT_VALUES.N], [o.AV_VALUES.P, o.MAV_VALUES.P], [o.CONFIDENTIALITY_IMPACT_VALUES.L, o.INTEGRITY_IMPACT_VALUES.L, o.AVAILABILITY_IMPACT_VALUES.L], [o.PR_VALUES.H, o.MPR_VALUES.H], [o.AC_VALUES.H, o.MAC_VALUES.H], [o.CONFIDENTIALITY_REQUIREMENT_VALUES.L, o.INTEGRITY_REQUIREMENT_VALUES.L, o.AVAILABILITY_REQUIREMENT_VALUES.L], [o.AV_VALUES.L, o.MAV_VALUES.L], [o.CONFIDENTIALITY_IMPACT_VALUES.H, o.INTEGRITY_IMPACT_VALUES.H, o.AVAILABILITY_IMPACT_VALUES.H], [o.AV_VALUES.A, o.MAV_VALUES.A], [o.UI_VALUES.R, o.MUI_VALUES.R], [o.PR_VALUES.L, o.MPR_VALUES.L], [o.AC_VALUES.L, o.MAC_VALUES.L], [o.AV_VALUES.N, o.MAV_VALUES.N], [o.PR_VALUES.N, o.MPR_VALUES.N], [o.UI_VALUES.N, o.MUI_VALUES.N], [o.E_VALUES.U], [o.E_VALUES.P], [o.E_VALUES.F], [o.E_VALUES.H], [o.E_VALUES.X], [o.RC_VALUES.U], [o.RL_VALUES.O], [o.RL_VALUES.T], [o.RC_VALUES.R], [o.RL_VALUES.W], [o.AV_VALUES.X, o.MAV_VALUES.X], [o.AC_VALUES.X, o.MAC_VALUES.X], [o.PR_VALUES.X, o.MPR_VALUES.X], [o.UI_VALUES.X, o.MUI_VALUES.X], [o.S_VALUES.C, o.MS_VALUES.C], [o.S_VALUES.X, o.MS_VALUES.X], [o.CONFIDENTIALITY_IMPACT_VALUES.X], [o.INTEGRITY_IMPACT_VALUES.X], [o.AVAILABILITY_IMPACT_VALUES.X], [o.RL_VALUES.U], [o.RL_VALUES.X], [o.RC_VALUES.C], [o.RC_VALUES.X], [o.CONFIDENTIALITY_REQUIREMENT_VALUES.M, o.INTEGRITY_REQUIREMENT_VALUES.M, o.AVAILABILITY_REQUIREMENT_VALUES.M], [o.CONFIDENTIALITY_REQUIREMENT_VALUES.X, o.INTEGRITY_REQUIREMENT_VALUES.X, o.AVAILABILITY_REQUIREMENT_VALUES.X], [o.CONFIDENTIALITY_REQUIREMENT_VALUES.H, o.INTEGRITY_REQUIREMENT_VALUES.H, o.AVAILABILITY_REQUIREMENT_VALUES.H]];
      }, 972: (e2, t2, o) => {
        var a;
        Object.defineProperty(t2, "__esModule", { value: true }), t2.Cvss4P0MacroVector = void 0;
        const i = o(730), s = o(759);
        class n {
          constructor(e3, t3, o2, a2, i2, s2, n2) {
            this.eq1 = e3, this.eq2 = t3, this.eq3 = o2, this.eq4 = a2, this.eq5 = i2, this.eq6 = s2, this.jointEq3AndEq6 = n2;
          }
          static fromVector(e3) {
            const t3 = a.findMatchingEQ("1", a.EQ1_DEFINITIONS, e3), o2 = a.findMatchingEQ("2", a.EQ2_DEFINITIONS, e3), i2 = a.findMatchingEQ("3", a.EQ3_DEFINITIONS, e3), s2 = a.findMatchingEQ("4", a.EQ4_DEFINITIONS, e3), n2 = a.findMatchingEQ("5", a.EQ5_DEFINITIONS, e3), r = a.findMatchingEQ("6", a.EQ6_DEFINITIONS, e3), c = a.findMatchingEQ("3,6", a.JOINT_EQ3_EQ6_DEFINITIONS, e3);
            return new a(t3, o2, i2, s2, n2, r, c);
          }
          static findMatchingEQ(e3, t3, o2) {
            for (let e4 of t3) if (e4.matchesConstraints(o2)) return e4;
            throw new Error("No matching EQ found for " + e3 + " and vector " + o2);
          }
          getEq1() {
            return this.eq1;
          }
          getEq2() {
            return this.eq2;
          }
          getEq3() {
            return this.eq3;
          }
          getEq4() {
            return this.eq4;
          }
          getEq5() {
            return this.eq5;
          }
          getEq6() {
            return this.eq6;
          }
          getJointEq3AndEq6() {
            return this.jointEq3AndEq6;
          }
          getEQ(e3) {
            switch (e3) {
              case 1:
                return this.eq1;
              case 2:
                return this.eq2;
              case 3:
                return this.eq3;
              case 4:
                return this.eq4;
              case 5:
                return this.eq5;
              case 6:
                return this.eq6;
              case 7:
                return this.jointEq3AndEq6;
              default:
                throw new Error("Invalid EQ index: " + e3);
            }
          }
          getLookupTableScore() {
            return a.getMacroVectorScore(this);
          }
          static getMacroVectorScore(e3) {
            const t3 = e3.toString(), o2 = s.Cvss4P0Components.MV_LOOKUP[t3];
            return void 0 === o2 ? NaN : o2;
          }
          toString() {
            return this.eq1.getLevel() + this.eq2.getLevel() + this.eq3.getLevel() + this.eq4.getLevel() + this.eq5.getLevel() + this.eq6.getLevel();
          }
          deriveNextLower(e3) {
            const t3 = 1 !== e3 ? this.eq1 : this.getNextLower(a.EQ1_DEFINITIONS, this.eq1), o2 = 2 !== e3 ? this.eq2 : this.getNextLower(a.EQ2_DEFINITIONS, this.eq2), i2 = 3 !== e3 ? this.eq3 : this.getNextLower(a.EQ3_DEFINITIONS, this.eq3), s2 = 4 !== e3 ? this.eq4 : this.getNextLower(a.EQ4_DEFINITIONS, this.eq4), n2 = 5 !== e3 ? this.eq5 : this.getNextLower(a.EQ5_DEFINITIONS, this.eq5), r = 6 !== e3 ? this.eq6 : this.getNextLower(a.EQ6_DEFINITIONS, this.eq6), c = 7 !== e3 ? this.jointEq3AndEq6 : this.getNextLower(a.JOINT_EQ3_EQ6_DEFINITIONS, this.jointEq3AndEq6);
            return new a(t3, o2, i2, s2, n2, r, c);
          }
          static getIndexInDefinitions(e3, t3) {
            for (let o2 = 0; o2 < e3.length; o2++) if (e3[o2] === t3) return o2;
            throw new Error("EQ not found in definitions: " + t3);
          }
          getNextLower(e3, t3) {
            const o2 = a.getIndexInDefinitions(e3, t3);
            return e3.length > o2 + 1 ? e3[o2 + 1] : a.EQ_ERROR_DEFINITION;
          }
          static is(e3, t3, o2) {
            return o2 === a.getComparisonMetric(e3, t3).shortName;
          }
          static getComparisonMetricComponent(e3, t3) {
            return a.getComparisonMetric(e3, t3.shortName);
          }
          static getComparisonMetric(e3, t3) {
            const o2 = e3.getComponentByString(t3);
            if ("E" === t3 && s.Cvss4P0Components.E_VALUES.X === o2) return s.Cvss4P0Components.E_VALUES.A;
            if ("CR" === t3 && s.Cvss4P0Components.REQUIREMENT_CONFIDENTIALITY_MODIFIED_VALUES.X === o2) return s.Cvss4P0Components.REQUIREMENT_CONFIDENTIALITY_MODIFIED_VALUES.H;
            if ("IR" === t3 && s.Cvss4P0Components.REQUIREMENT_INTEGRITY_MODIFIED_VALUES.X === o2) return s.Cvss4P0Components.REQUIREMENT_INTEGRITY_MODIFIED_VALUES.H;
            if ("AR" === t3 && s.Cvss4P0Components.REQUIREMENT_AVAILABILITY_MODIFIED_VALUES.X === o2) return s.Cvss4P0Components.REQUIREMENT_AVAILABILITY_MODIFIED_VALUES.H;
            if ("MSI" === t3 && s.Cvss4P0Components.SUBSEQUENT_SYSTEM_INTEGRITY_MODIFIED_VALUES.X === o2 && "S" === e3.getComponentByString("SI").shortName) return s.Cvss4P0Components.SUBSEQUENT_SYSTEM_INTEGRITY_MODIFIED_VALUES.H;
            if ("MSA" === t3 && s.Cvss4P0Components.SUBSEQUENT_SYSTEM_AVAILABILITY_MODIFIED_VALUES.X === o2 && "S" === e3.getComponentByString("SA").shortName) return s.Cvss4P0Components.SUBSEQUENT_SYSTEM_AVAILABILITY_MODIFIED_VALUES.H;
            try {
              const o3 = e3.getComponentByString((t3.startsWith("M") ? "" : "M") + t3), a2 = o3.shortName;
              if (null != a2 && "X" !== a2) return o3;
            } catch (e4) {
            }
            return o2;
          }
        }
        t2.Cvss4P0MacroVector = n, a = n, n.EQ_ERROR_DEFINITION = new i.EQ("9", -1, [], (() => true)), n.EQ1_DEFINITIONS = [new i.EQ("0", 1, ["AV:N/PR:N/UI:N"], ((e3) => a.is(e3, "AV", "N") && a.is(e3, "PR", "N") && a.is(e3, "UI", "N"))), new i.EQ("1", 4, ["AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"], ((e3) => (a.is(e3, "AV", "N") || a.is(e3, "PR", "N") || a.is(e3, "UI", "N")) && !(a.is(e3, "AV", "N") && a.is(e3, "PR", "N") && a.is(e3, "UI", "N")) && !a.is(e3, "AV", "P"))), new i.EQ("2", 5, ["AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"], ((e3) => a.is(e3, "AV", "P") || !(a.is(e3, "AV", "N") || a.is(e3, "PR", "N") || a.is(e3, "UI", "N"))))], n.EQ2_DEFINITIONS = [new i.EQ("0", 1, ["AC:L/AT:N"], ((e3) => a.is(e3, "AC", "L") && a.is(e3, "AT", "N"))), new i.EQ("1", 2, ["AC:H/AT:N", "AC:L/AT:P"], ((e3) => !(a.is(e3, "AC", "L") && a.is(e3, "AT", "N"))))], n.EQ3_DEFINITIONS = [new i.EQ("0", -1, ["VC:H/VI:H/VA:H"], ((e3) => a.is(e3, "VC", "H") && a.is(e3, "VI", "H"))), new i.EQ("1", -1, ["VC:L/VI:H/VA:H", "VC:H/VI:L/VA:H"], ((e3) => !(a.is(e3, "VC", "H") && a.is(e3, "VI", "H")) && (a.is(e3, "VC", "H") || a.is(e3, "VI", "H") || a.is(e3, "VA", "H")))), new i.EQ("2", -1, ["VC:L/VI:L/VA:L"], ((e3) => !(a.is(e3, "VC", "H") || a.is(e3, "VI", "H") || a.is(e3, "VA", "H"))))], n.EQ4_DEFINITIONS = [new i.EQ("0", 6, ["SC:H/SI:S/SA:S"], ((e3) => a.is(e3, "MSI", "S") || a.is(e3, "MSA", "S"))), new i.EQ("1", 5, ["SC:H/SI:H/SA:H"], ((e3) => !(a.is(e3, "MSI", "S") && a.is(e3, "MSA", "S")) && (a.is(e3, "SC", "H") || a.is(e3, "SI", "H") || a.is(e3, "SA", "H")))), new i.EQ("2", 4, ["SC:L/SI:L/SA:L"], ((e3) => !(a.is(e3, "MSI", "S") && a.is(e3, "MSA", "S") || a.is(e3, "SC", "H") || a.is(e3, "SI", "H") || a.is(e3, "SA", "H"))))], n.EQ5_DEFINITIONS = [new i.EQ("0", 1, ["E:A"], ((e3) => a.is(e3, "E", "A"))), new i.EQ("1", 1, ["E:P"], ((e3) => a.is(e3, "E", "P"))), new i.EQ("2", 1, ["E:U"], ((e3) => a.is(e3, "E", "U")))], n.EQ6_DEFINITIONS = [new i.EQ("0", -1, ["AV:N/PR:N/UI:N"], ((e3) => a.is(e3, "CR", "H") && a.is(e3, "VC", "H") || a.is(e3, "IR", "H") && a.is(e3, "VI", "H") || a.is(e3, "AR", "H") && a.is(e3, "VA", "H"))), new i.EQ("1", -1, ["VC:H/VI:H/VA:H/CR:M/IR:M/AR:M", "VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M", "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M", "VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M", "VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"], ((e3) => !(a.is(e3, "CR", "H") && a.is(e3, "VC", "H") || a.is(e3, "IR", "H") && a.is(e3, "VI", "H") || a.is(e3, "AR", "H") && a.is(e3, "VA", "H"))))], n.JOINT_EQ3_EQ6_DEFINITIONS = [new i.EQ("00", 7, ["VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"], ((e3) => a.is(e3, "VC", "H") && a.is(e3, "VI", "H") && (a.is(e3, "CR", "H") || a.is(e3, "IR", "H") || a.is(e3, "AR", "H") && a.is(e3, "VA", "H")))), new i.EQ("01", 6, ["VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"], ((e3) => a.is(e3, "VC", "H") && a.is(e3, "VI", "H") && !(a.is(e3, "CR", "H") || a.is(e3, "IR", "H")) && !(a.is(e3, "AR", "H") && a.is(e3, "VA", "H")))), new i.EQ("10", 8, ["VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"], ((e3) => !(a.is(e3, "VC", "H") && a.is(e3, "VI", "H")) && (a.is(e3, "VC", "H") || a.is(e3, "VI", "H") || a.is(e3, "VA", "H")) && (a.is(e3, "CR", "H") && a.is(e3, "VC", "H") || a.is(e3, "IR", "H") && a.is(e3, "VI", "H") || a.is(e3, "AR", "H") && a.is(e3, "VA", "H")))), new i.EQ("11", 8, ["VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M", "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M"], ((e3) => !(a.is(e3, "VC", "H") && a.is(e3, "VI", "H")) && (a.is(e3, "VC", "H") || a.is(e3, "VI", "H") || a.is(e3, "VA", "H")) && !(a.is(e3, "CR", "H") && a.is(e3, "VC", "H")) && !(a.is(e3, "IR", "H") && a.is(e3, "VI", "H")) && !(a.is(e3, "AR", "H") && a.is(e3, "VA", "H")))), new i.EQ("20", 0, [], ((e3) => false)), new i.EQ("21", 10, ["VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"], ((e3) => !(a.is(e3, "VC", "H") || a.is(e3, "VI", "H") || a.is(e3, "VA", "H") || a.is(e3, "CR", "H") && a.is(e3, "VC", "H") || a.is(e3, "IR", "H") && a.is(e3, "VI", "H") || a.is(e3, "AR", "H") && a.is(e3, "VA", "H"))))];
      }, 987: (e2, t2, o) => {
        Object.defineProperty(t2, "__esModule", { value: true }), t2.Cvss4P0 = void 0;
        const a = o(154), i = o(972), s = o(904), n = o(759), r = o(730), c = o(951);
        class l extends a.CvssVector {
          constructor(e3) {
            super(e3), this.ROUNDING_EPSILON = Math.pow(10, -6);
          }
          getRegisteredComponents() {
            return n.Cvss4P0Components.REGISTERED_COMPONENTS_EDITOR_ORDER;
          }
          getVectorStringOrderProperties() {
            return n.Cvss4P0Components.REGISTERED_COMPONENTS_VECTOR_STRING_ORDER;
          }
          getVectorPrefix() {
            return "CVSS:4.0/";
          }
          getVectorName() {
            return "CVSS:4.0";
          }
          fillAverageVector() {
            this.applyVector("AV:A/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:L/SI:L/SA:L");
          }
          fillRandomBaseVector() {
            const e3 = n.Cvss4P0Components.BASE_CATEGORY_VALUES;
            for (let t3 = 0; t3 < e3.length; t3++) {
              const o2 = e3[t3], a2 = super.pickRandomDefinedComponentValue(o2);
              if (!a2) return console.warn("Failed to pick random vector component for", o2, ", filling average vector instead"), void this.fillAverageVector();
              this.applyComponent(o2, a2);
            }
          }
          calculateScoresInternal(e3 = false) {
            const t3 = this.isAnyEnvironmentalDefined(), o2 = this.isAnyThreatDefined(), a2 = this.calculateOverallScore();
            let i2, s2, r2;
            if (t3 || o2) {
              const e4 = this.clone();
              e4.clearSpecifiedComponents(n.Cvss4P0Components.THREAT_CATEGORY_VALUES), e4.clearSpecifiedComponents(n.Cvss4P0Components.ENVIRONMENTAL_MODIFIED_BASE_CATEGORY_VALUES), e4.clearSpecifiedComponents(n.Cvss4P0Components.ENVIRONMENTAL_SECURITY_REQUIREMENT_CATEGORY_VALUES), i2 = e4.calculateOverallScore();
            } else i2 = a2;
            if (t3) if (o2) {
              const e4 = this.clone();
              e4.clearSpecifiedComponents(n.Cvss4P0Components.THREAT_CATEGORY_VALUES), s2 = e4.calculateOverallScore();
            } else s2 = a2;
            if (o2) if (t3) {
              const e4 = this.clone();
              e4.clearSpecifiedComponents(n.Cvss4P0Components.ENVIRONMENTAL_MODIFIED_BASE_CATEGORY_VALUES), e4.clearSpecifiedComponents(n.Cvss4P0Components.ENVIRONMENTAL_SECURITY_REQUIREMENT_CATEGORY_VALUES), r2 = e4.calculateOverallScore();
            } else r2 = a2;
            return { normalized: e3, overall: a2, base: a2, baseMetricsOnly: i2, environmental: s2, threat: r2, vector: this.toString() };
          }
          toString(e3 = false, t3 = this.getVectorStringOrderProperties(), o2 = false) {
            return super.toString(e3, t3, o2);
          }
          calculateOverallScore() {
            if (!this.isBaseFullyDefined()) return 0;
            if (["VC", "VI", "VA", "SC", "SI", "SA"].map(((e4) => i.Cvss4P0MacroVector.getComparisonMetric(this, e4))).every(((e4) => "N" === e4.shortName))) return 0;
            const e3 = this.getMacroVector(), t3 = e3.getLookupTableScore(), o2 = (0, s.getEqImplementations)();
            (e3.getEq3().getLevel() + e3.getEq6().getLevel()).toLowerCase() !== e3.getJointEq3AndEq6().getLevel().toLowerCase() && console.warn(`CVSS 4.0: Joint Eq3 and Eq6 level [${e3.getJointEq3AndEq6().getLevel()}] does not match Eq3 [${e3.getEq3().getLevel()}] and Eq6 [${e3.getEq6().getLevel()}]`);
            const a2 = o2.map(((t4) => t4.getHighestSeverityVectors(e3))), n2 = this.generateCvssPermutations(a2[0], a2[1], a2[2], a2[3], a2[4]);
            if (0 === n2.length) return console.warn(`No max vectors found for ${e3}`), 0;
            const r2 = this.calculateSeverityDistancesByComparingToHighestSeverityVectors(n2), c2 = new m();
            for (const a3 of o2) {
              const o3 = a3.deriveNextLowerMacro(e3), i2 = t3 - a3.lookupScoresForNextLowerMacro(o3), s2 = a3.lookupMacroVectorDepth(e3), n3 = a3.getRelevantAttributes().map(((e4) => r2.get(e4) || 0)).reduce(((e4, t4) => e4 + t4), 0);
              if (!isNaN(i2) && 0 !== s2) {
                const e4 = n3 / s2 * i2;
                c2.add(e4);
              }
            }
            const l2 = t3 - c2.get(0);
            return l2 < 0 ? 0 : l2 > 10 ? 10 : this.roundToDecimalPlaces(l2);
          }
          roundToDecimalPlaces(e3) {
            return Math.round(10 * (e3 + this.ROUNDING_EPSILON)) / 10;
          }
          generateCvssPermutations(e3, t3, o2, a2, i2) {
            const s2 = [];
            return e3.forEach(((e4) => {
              t3.forEach(((t4) => {
                o2.forEach(((o3) => {
                  a2.forEach(((a3) => {
                    i2.forEach(((i3) => {
                      const n2 = `${e4}/${t4}/${o3}/${a3}/${i3}`;
                      s2.push(new l(n2));
                    }));
                  }));
                }));
              }));
            })), s2;
          }
          severityDistance(e3, t3, o2, a2) {
            const i2 = "X" === t3.shortName ? void 0 === e3.worseCaseValue ? t3 : e3.worseCaseValue : t3, s2 = "X" === a2.shortName ? void 0 === o2.worseCaseValue ? a2 : o2.worseCaseValue : a2;
            let n2, r2, c2, l2;
            if (e3 !== o2) {
              const t4 = e3.name.startsWith("Modified"), a3 = o2.name.startsWith("Modified");
              if (t4 && !a3) {
                const t5 = e3.values.find(((e4) => e4.shortName === s2.shortName));
                if (!t5) throw new Error("Cannot find modified value for " + s2);
                r2 = i2, l2 = t5, n2 = e3, c2 = e3;
              } else {
                if (t4 || !a3) return console.warn(`Cannot compute severity distance for [${i2}] and [${s2}], assuming distance is 0`), 0;
                {
                  const e4 = o2.values.find(((e5) => e5.shortName === i2.shortName));
                  if (!e4) throw new Error("Cannot find modified value for " + i2);
                  r2 = e4, l2 = s2, n2 = o2, c2 = o2;
                }
              }
            } else r2 = i2, l2 = s2, n2 = e3, c2 = o2;
            return n2.values.indexOf(r2) - c2.values.indexOf(l2);
          }
          severityDistanceBetweenComponents(e3, t3, o2, a2) {
            const i2 = e3.values.find(((e4) => e4.shortName === t3.shortName)), s2 = o2.values.find(((e4) => e4.shortName === a2.shortName));
            if (!i2) throw new Error(`Cannot find component values for ${e3.name} with short name ${t3.shortName} in ${e3.values.map(((e4) => e4.shortName)).join(", ")}`);
            if (!s2) throw new Error(`Cannot find component values for ${o2.name} with short name ${a2.shortName} in ${o2.values.map(((e4) => e4.shortName)).join(", ")}`);
            return e3.values.indexOf(i2) - o2.values.indexOf(s2);
          }
          severityDistanceToVector(e3) {
            let t3 = 0;
            return n.Cvss4P0Components.REGISTERED_COMPONENTS_EDITOR_ORDER.forEach(((o2) => {
              o2.forEach(((o3) => {
                const a2 = this.getComponent(o3), i2 = e3.getComponent(o3);
                t3 += this.severityDistanceBetweenComponents(o3, a2, o3, i2);
              }));
            })), t3;
          }
          calculateSeverityDistancesByComparingToHighestSeverityVectors(e3) {
            const t3 = /* @__PURE__ */ new Map();
            for (const o2 of e3) {
              t3.set("AV", this.severityDistanceBetweenComponents(n.Cvss4P0Components.AV, i.Cvss4P0MacroVector.getComparisonMetricComponent(this, n.Cvss4P0Components.AV), n.Cvss4P0Components.AV, i.Cvss4P0MacroVector.getComparisonMetricComponent(o2, n.Cvss4P0Components.AV))), t3.set("PR", this.severityDistanceBetweenComponents(n.Cvss4P0Components.PR, i.Cvss4P0MacroVector.getComparisonMetricComponent(this, n.Cvss4P0Components.PR), n.Cvss4P0Components.PR, i.Cvss4P0MacroVector.getComparisonMetricComponent(o2, n.Cvss4P0Components.PR))), t3.set("UI", this.severityDistanceBetweenComponents(n.Cvss4P0Components.UI, i.Cvss4P0MacroVector.getComparisonMetricComponent(this, n.Cvss4P0Components.UI), n.Cvss4P0Components.UI, i.Cvss4P0MacroVector.getComparisonMetricComponent(o2, n.Cvss4P0Components.UI))), t3.set("AC", this.severityDistanceBetweenComponents(n.Cvss4P0Components.AC, i.Cvss4P0MacroVector.getComparisonMetricComponent(this, n.Cvss4P0Components.AC), n.Cvss4P0Components.AC, i.Cvss4P0MacroVector.getComparisonMetricComponent(o2, n.Cvss4P0Components.AC))), t3.set("AT", this.severityDistanceBetweenComponents(n.Cvss4P0Components.AT, i.Cvss4P0MacroVector.getComparisonMetricComponent(this, n.Cvss4P0Components.AT), n.Cvss4P0Components.AT, i.Cvss4P0MacroVector.getComparisonMetricComponent(o2, n.Cvss4P0Components.AT))), t3.set("VC", this.severityDistanceBetweenComponents(n.Cvss4P0Components.VC, i.Cvss4P0MacroVector.getComparisonMetricComponent(this, n.Cvss4P0Components.VC), n.Cvss4P0Components.VC, i.Cvss4P0MacroVector.getComparisonMetricComponent(o2, n.Cvss4P0Components.VC))), t3.set("VI", this.severityDistanceBetweenComponents(n.Cvss4P0Components.VI, i.Cvss4P0MacroVector.getComparisonMetricComponent(this, n.Cvss4P0Components.VI), n.Cvss4P0Components.VI, i.Cvss4P0MacroVector.getComparisonMetricComponent(o2, n.Cvss4P0Components.VI))), t3.set("VA", this.severityDistanceBetweenComponents(n.Cvss4P0Components.VA, i.Cvss4P0MacroVector.getComparisonMetricComponent(this, n.Cvss4P0Components.VA), n.Cvss4P0Components.VA, i.Cvss4P0MacroVector.getComparisonMetricComponent(o2, n.Cvss4P0Components.VA))), t3.set("SC", this.severityDistanceBetweenComponents(n.Cvss4P0Components.SC, i.Cvss4P0MacroVector.getComparisonMetricComponent(this, n.Cvss4P0Components.SC), n.Cvss4P0Components.SC, i.Cvss4P0MacroVector.getComparisonMetricComponent(o2, n.Cvss4P0Components.SC))), t3.set("CR", this.severityDistanceBetweenComponents(n.Cvss4P0Components.CR, i.Cvss4P0MacroVector.getComparisonMetricComponent(this, n.Cvss4P0Components.CR), n.Cvss4P0Components.CR, i.Cvss4P0MacroVector.getComparisonMetricComponent(o2, n.Cvss4P0Components.CR))), t3.set("IR", this.severityDistanceBetweenComponents(n.Cvss4P0Components.IR, i.Cvss4P0MacroVector.getComparisonMetricComponent(this, n.Cvss4P0Components.IR), n.Cvss4P0Components.IR, i.Cvss4P0MacroVector.getComparisonMetricComponent(o2, n.Cvss4P0Components.IR))), t3.set("AR", this.severityDistanceBetweenComponents(n.Cvss4P0Components.AR, i.Cvss4P0MacroVector.getComparisonMetricComponent(this, n.Cvss4P0Components.AR), n.Cvss4P0Components.AR, i.Cvss4P0MacroVector.getComparisonMetricComponent(o2, n.Cvss4P0Components.AR)));
              const e4 = this.getComponent(n.Cvss4P0Components.SI) === n.Cvss4P0Components.SUBSEQUENT_SYSTEM_INTEGRITY_MODIFIED_VALUES.S ? "MSI" : "SI", a2 = this.getComponent(n.Cvss4P0Components.SA) === n.Cvss4P0Components.SUBSEQUENT_SYSTEM_AVAILABILITY_MODIFIED_VALUES.S ? "MSA" : "SA";
              if (t3.set(e4, this.severityDistanceBetweenComponents(n.Cvss4P0Components.SI, i.Cvss4P0MacroVector.getComparisonMetricComponent(this, n.Cvss4P0Components.SI), n.Cvss4P0Components.SI, i.Cvss4P0MacroVector.getComparisonMetricComponent(o2, n.Cvss4P0Components.SI))), t3.set(a2, this.severityDistanceBetweenComponents(n.Cvss4P0Components.SA, i.Cvss4P0MacroVector.getComparisonMetricComponent(this, n.Cvss4P0Components.SA), n.Cvss4P0Components.SA, i.Cvss4P0MacroVector.getComparisonMetricComponent(o2, n.Cvss4P0Components.SA))), !Array.from(t3.values()).some(((e5) => e5 < 0))) break;
              t3.clear();
            }
            return 0 === t3.size && console.warn(`No severity distances found for [${this.toString()}]`), t3;
          }
          getNomenclature() {
            let e3 = "CVSS-B";
            return this.isCategoryPartiallyDefined(n.Cvss4P0Components.THREAT_CATEGORY) && (e3 += "T"), (this.isCategoryPartiallyDefined(n.Cvss4P0Components.ENVIRONMENTAL_MODIFIED_BASE_CATEGORY) || this.isCategoryPartiallyDefined(n.Cvss4P0Components.ENVIRONMENTAL_SECURITY_REQUIREMENT_CATEGORY)) && (e3 += "E"), e3;
          }
          getMacroVector() {
            return i.Cvss4P0MacroVector.fromVector(this);
          }
          isBaseFullyDefined() {
            return super.isCategoryFullyDefined(n.Cvss4P0Components.BASE_CATEGORY);
          }
          isAnyBaseDefined() {
            return super.isCategoryPartiallyDefined(c.Cvss3P1Components.BASE_CATEGORY);
          }
          isThreatFullyDefined() {
            return super.isCategoryFullyDefined(n.Cvss4P0Components.THREAT_CATEGORY);
          }
          isAnyThreatDefined() {
            return super.isCategoryPartiallyDefined(n.Cvss4P0Components.THREAT_CATEGORY);
          }
          isAnyEnvironmentalDefined() {
            return super.isCategoryPartiallyDefined(n.Cvss4P0Components.ENVIRONMENTAL_MODIFIED_BASE_CATEGORY) || super.isCategoryPartiallyDefined(n.Cvss4P0Components.ENVIRONMENTAL_SECURITY_REQUIREMENT_CATEGORY);
          }
          getJsonSchemaSeverity(e3) {
            return 0 === e3 || isNaN(e3) ? "NONE" : e3 <= 3.9 ? "LOW" : e3 <= 6.9 ? "MEDIUM" : e3 <= 8.9 ? "HIGH" : "CRITICAL";
          }
          createJsonSchema() {
            const e3 = this.calculateScores();
            return { version: "4.0", vectorString: this.toString(), baseScore: e3.overall, baseSeverity: this.getJsonSchemaSeverity(e3.overall), attackVector: this.getComponent(n.Cvss4P0Components.AV).jsonSchemaName, attackComplexity: this.getComponent(n.Cvss4P0Components.AC).jsonSchemaName, attackRequirements: this.getComponent(n.Cvss4P0Components.AT).jsonSchemaName, privilegesRequired: this.getComponent(n.Cvss4P0Components.PR).jsonSchemaName, userInteraction: this.getComponent(n.Cvss4P0Components.UI).jsonSchemaName, vulnConfidentialityImpact: this.getComponent(n.Cvss4P0Components.VC).jsonSchemaName, vulnIntegrityImpact: this.getComponent(n.Cvss4P0Components.VI).jsonSchemaName, vulnAvailabilityImpact: this.getComponent(n.Cvss4P0Components.VA).jsonSchemaName, subConfidentialityImpact: this.getComponent(n.Cvss4P0Components.SC).jsonSchemaName, subIntegrityImpact: this.getComponent(n.Cvss4P0Components.SI).jsonSchemaName, subAvailabilityImpact: this.getComponent(n.Cvss4P0Components.SA).jsonSchemaName, exploitMaturity: this.getComponent(n.Cvss4P0Components.E).jsonSchemaName, confidentialityRequirement: this.getComponent(n.Cvss4P0Components.CR).jsonSchemaName, integrityRequirement: this.getComponent(n.Cvss4P0Components.IR).jsonSchemaName, availabilityRequirement: this.getComponent(n.Cvss4P0Components.AR).jsonSchemaName, modifiedAttackVector: this.getComponent(n.Cvss4P0Components.MAV).jsonSchemaName, modifiedAttackComplexity: this.getComponent(n.Cvss4P0Components.MAC).jsonSchemaName, modifiedAttackRequirements: this.getComponent(n.Cvss4P0Components.MAT).jsonSchemaName, modifiedPrivilegesRequired: this.getComponent(n.Cvss4P0Components.MPR).jsonSchemaName, modifiedUserInteraction: this.getComponent(n.Cvss4P0Components.MUI).jsonSchemaName, modifiedVulnConfidentialityImpact: this.getComponent(n.Cvss4P0Components.MVC).jsonSchemaName, modifiedVulnIntegrityImpact: this.getComponent(n.Cvss4P0Components.MVI).jsonSchemaName, modifiedVulnAvailabilityImpact: this.getComponent(n.Cvss4P0Components.MVA).jsonSchemaName, modifiedSubConfidentialityImpact: this.getComponent(n.Cvss4P0Components.MSC).jsonSchemaName, modifiedSubIntegrityImpact: this.getComponent(n.Cvss4P0Components.MSI).jsonSchemaName, modifiedSubAvailabilityImpact: this.getComponent(n.Cvss4P0Components.MSA).jsonSchemaName, Safety: this.getComponent(n.Cvss4P0Components.S).jsonSchemaName, Automatable: this.getComponent(n.Cvss4P0Components.AU).jsonSchemaName, Recovery: this.getComponent(n.Cvss4P0Components.R).jsonSchemaName, valueDensity: this.getComponent(n.Cvss4P0Components.V).jsonSchemaName, vulnerabilityResponseEffort: this.getComponent(n.Cvss4P0Components.RE).jsonSchemaName, providerUrgency: this.getComponent(n.Cvss4P0Components.U).jsonSchemaName };
          }
        }
        t2.Cvss4P0 = l, r.EQ.createCvssInstance = (e3) => new l(e3);
        class m {
          constructor() {
            this.sum = 0, this.count = 0;
          }
          add(e3) {
            this.sum += e3, this.count++;
          }
          get(e3) {
            return 0 == this.count ? e3 : this.sum / this.count;
          }
        }
      } }, t = {};
      return (function o(a) {
        var i = t[a];
        if (void 0 !== i) return i.exports;
        var s = t[a] = { exports: {} };
        return e[a].call(s.exports, s, s.exports, o), s.exports;
      })(156);
    })()));
  }
});

// src/pipeline/image.ts
import { addAbortSignal } from "node:stream";

// src/vuln/ecosystem.ts
function majorOf(v) {
  return v ? /^(\d+)/.exec(v)?.[1] : void 0;
}
function exact(base, ...ecos) {
  return { base, accepts: (e) => ecos.includes(e), queryEcosystems: ecos };
}
function osTarget(pkg, os) {
  const id = os?.id ?? (pkg.type === "deb" ? "debian" : pkg.type === "apk" ? "alpine" : void 0);
  const ver = os?.versionId;
  if (pkg.type === "deb") {
    if (id === "ubuntu" && ver) {
      const esm = /esm/.test(pkg.sourceVersion ?? pkg.version) || os?.eol === true;
      const list = [`Ubuntu:${ver}`, `Ubuntu:${ver}:LTS`];
      const pro = [
        `Ubuntu:Pro:${ver}:LTS`,
        `Ubuntu:Pro:FIPS:${ver}:LTS`,
        `Ubuntu:Pro:FIPS-updates:${ver}:LTS`
      ];
      return exact("Ubuntu", ...list, ...esm ? pro : []);
    }
    const major = majorOf(ver);
    if ((id === "debian" || os?.idLike?.includes("debian")) && major && id !== "ubuntu")
      return exact("Debian", `Debian:${major}`);
    return void 0;
  }
  if (pkg.type === "apk") {
    if (id === "wolfi") return exact("Wolfi", "Wolfi");
    if (id === "chainguard") return exact("Chainguard", "Chainguard");
    const m = ver ? /^(\d+)\.(\d+)/.exec(ver) : null;
    if (id === "alpine" && m) return exact("Alpine", `Alpine:v${m[1]}.${m[2]}`);
    return void 0;
  }
  if (pkg.type === "rpm") {
    const major = majorOf(ver);
    if (!major) return void 0;
    if (id === "almalinux") return exact("AlmaLinux", `AlmaLinux:${major}`);
    if (id === "rocky") return exact("Rocky Linux", `Rocky Linux:${major}`);
    if (id === "rhel") {
      const prefix = `Red Hat:enterprise_linux:${major}::`;
      return {
        base: "Red Hat",
        accepts: (e) => e.startsWith(prefix),
        queryEcosystems: [`${prefix}baseos`, `${prefix}appstream`]
      };
    }
    if (id === "opensuse-leap" && ver) return exact("openSUSE", `openSUSE:Leap ${ver}`);
    if (id === "sles" && ver) {
      const [maj, sp] = ver.split(".");
      const name = sp && sp !== "0" ? `SUSE:Linux Enterprise Server ${maj} SP${sp}` : `SUSE:Linux Enterprise Server ${maj}`;
      return exact("SUSE", name);
    }
    return void 0;
  }
  return void 0;
}
var LANGUAGE = {
  npm: "npm",
  pypi: "PyPI",
  golang: "Go",
  maven: "Maven",
  cargo: "crates.io",
  gem: "RubyGems",
  composer: "Packagist",
  nuget: "NuGet"
};
function languageName(pkg) {
  const { name, namespace } = pkg;
  switch (pkg.type) {
    case "maven":
      return name.includes(":") || !namespace ? name : `${namespace}:${name}`;
    case "golang":
      return name.includes("/") || !namespace ? name : `${namespace}/${name}`;
    case "npm":
      return name.startsWith("@") || !namespace ? name : `${namespace}/${name}`;
    case "composer":
      return name.includes("/") || !namespace ? name : `${namespace}/${name}`;
    default:
      return name;
  }
}
function targetFor(pkg, os) {
  const lang = LANGUAGE[pkg.type];
  if (lang) return { ...exact(lang, lang), name: languageName(pkg), version: pkg.version };
  const t = osTarget(pkg, os);
  if (!t) return void 0;
  const bySource = pkg.type === "deb" || pkg.type === "apk";
  return {
    ...t,
    name: bySource ? pkg.sourceName ?? pkg.name : pkg.name,
    version: pkg.type === "deb" ? pkg.sourceVersion ?? pkg.version : pkg.version
  };
}
function neededEcosystems(packages, os) {
  const s = /* @__PURE__ */ new Set();
  for (const p of packages) {
    const t = targetFor(p, os);
    if (t) s.add(t.base);
  }
  return [...s].sort();
}

// src/vuln/versions/apk.ts
var SUFFIX_NONE = 5;
var SUFFIXES = {
  alpha: 1,
  beta: 2,
  pre: 3,
  rc: 4,
  cvs: 6,
  svn: 7,
  git: 8,
  hg: 9,
  p: 10
};
var isDigit = (c) => c !== void 0 && c >= "0" && c <= "9";
var isLower = (c) => c !== void 0 && c >= "a" && c <= "z";
var isHex = (c) => isDigit(c) || c !== void 0 && c >= "a" && c <= "f";
function span(t, accept) {
  const start = t.pos;
  while (t.pos < t.s.length && accept(t.s[t.pos])) t.pos++;
  return t.s.slice(start, t.pos);
}
function parseDigits(t) {
  t.value = span(t, isDigit);
  if (t.value === "") t.token = 8 /* Invalid */;
}
function first(s) {
  const t = { s, pos: 0, token: 0 /* InitialDigit */, value: "", suffix: 0 };
  parseDigits(t);
  return t;
}
function next(t) {
  if (t.pos >= t.s.length) {
    t.token = 7 /* End */;
    return;
  }
  const c = t.s[t.pos];
  if (isLower(c)) {
    if (t.token > 1 /* Digit */) return invalid(t);
    t.value = c;
    t.token = 2 /* Letter */;
    t.pos++;
  } else if (c === "." || isDigit(c)) {
    if (c === ".") {
      if (t.token > 1 /* Digit */) return invalid(t);
      t.pos++;
    }
    if (t.token === 0 /* InitialDigit */ || t.token === 1 /* Digit */) t.token = 1 /* Digit */;
    else if (t.token === 3 /* Suffix */) t.token = 4 /* SuffixNo */;
    else return invalid(t);
    parseDigits(t);
  } else if (c === "_") {
    if (t.token > 4 /* SuffixNo */) return invalid(t);
    t.pos++;
    t.value = span(t, isLower);
    const rank2 = Object.hasOwn(SUFFIXES, t.value) ? SUFFIXES[t.value] : 0;
    if (!rank2) return invalid(t);
    t.suffix = rank2;
    t.token = 3 /* Suffix */;
  } else if (c === "~") {
    if (t.token >= 5 /* CommitHash */) return invalid(t);
    t.pos++;
    t.value = span(t, isHex);
    if (t.value === "") return invalid(t);
    t.token = 5 /* CommitHash */;
  } else if (c === "-") {
    if (t.token >= 6 /* RevisionNo */ || t.s[t.pos + 1] !== "r") return invalid(t);
    t.pos += 2;
    t.token = 6 /* RevisionNo */;
    parseDigits(t);
  } else invalid(t);
}
function invalid(t) {
  t.token = 8 /* Invalid */;
}
function stringOrder(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function numberOrder(a, b) {
  const x = a.replace(/^0+/, "");
  const y = b.replace(/^0+/, "");
  return x.length !== y.length ? Math.sign(x.length - y.length) : stringOrder(x, y);
}
function tokenOrder(a, b) {
  switch (a.token) {
    case 1 /* Digit */:
      if (a.value[0] === "0" || b.value[0] === "0") return stringOrder(a.value, b.value);
      return numberOrder(a.value, b.value);
    case 0 /* InitialDigit */:
    case 4 /* SuffixNo */:
    case 6 /* RevisionNo */:
      return numberOrder(a.value, b.value);
    case 2 /* Letter */:
      return stringOrder(a.value, b.value);
    case 3 /* Suffix */:
      return Math.sign(a.suffix - b.suffix);
    default:
      return stringOrder(a.value, b.value);
  }
}
function compareApk(a, b) {
  const ta = first(a.trim());
  const tb = first(b.trim());
  while (ta.token === tb.token && ta.token < 7 /* End */) {
    const r = tokenOrder(ta, tb);
    if (r !== 0) return r;
    next(ta);
    next(tb);
  }
  if (ta.token === tb.token) return 0;
  if (ta.token === 3 /* Suffix */ && ta.suffix < SUFFIX_NONE) return -1;
  if (tb.token === 3 /* Suffix */ && tb.suffix < SUFFIX_NONE) return 1;
  if (ta.token > tb.token) return -1;
  if (tb.token > ta.token) return 1;
  return 0;
}
function isValidApk(v) {
  const t = first(v.trim());
  while (t.token < 7 /* End */) next(t);
  return t.token === 7 /* End */;
}

// src/vuln/versions/dpkg.ts
var parsed = /* @__PURE__ */ new Map();
function parseDpkg(version) {
  if (parsed.has(version)) return parsed.get(version);
  const r = parseUncached(version);
  if (parsed.size > 2e5) parsed.clear();
  parsed.set(version, r);
  return r;
}
function parseUncached(version) {
  const v = version.trim();
  if (v === "" || /\s/.test(v)) return void 0;
  let rest = v;
  let epoch = 0;
  const colon = rest.indexOf(":");
  if (colon >= 0) {
    const e = rest.slice(0, colon);
    if (!/^\d+$/.test(e)) return void 0;
    epoch = Number(e);
    rest = rest.slice(colon + 1);
  }
  const dash = rest.lastIndexOf("-");
  const upstream = dash >= 0 ? rest.slice(0, dash) : rest;
  const revision = dash >= 0 ? rest.slice(dash + 1) : "";
  if (upstream === "" || dash >= 0 && revision === "") return void 0;
  return { epoch, upstream, revision };
}
function isValidDpkg(version) {
  const p = parseDpkg(version);
  return p !== void 0 && /^[0-9][A-Za-z0-9.+~:-]*$/.test(p.upstream) && /^[A-Za-z0-9.+~]*$/.test(p.revision);
}
function isDigit2(c) {
  return c >= 48 && c <= 57;
}
function isAlpha(c) {
  return c >= 65 && c <= 90 || c >= 97 && c <= 122;
}
function order(c) {
  if (Number.isNaN(c) || isDigit2(c)) return 0;
  if (isAlpha(c)) return c;
  if (c === 126) return -1;
  return c + 256;
}
function verrevcmp(a, b) {
  let i = 0;
  let j = 0;
  const la = a.length;
  const lb = b.length;
  while (i < la || j < lb) {
    let firstDiff = 0;
    while (i < la && !isDigit2(a.charCodeAt(i)) || j < lb && !isDigit2(b.charCodeAt(j))) {
      const ac = order(a.charCodeAt(i));
      const bc = order(b.charCodeAt(j));
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a.charCodeAt(i) === 48) i++;
    while (b.charCodeAt(j) === 48) j++;
    while (isDigit2(a.charCodeAt(i)) && isDigit2(b.charCodeAt(j))) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit2(a.charCodeAt(i))) return 1;
    if (isDigit2(b.charCodeAt(j))) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}
function sign(n) {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}
function compareDpkg(a, b) {
  const pa = parseDpkg(a);
  const pb = parseDpkg(b);
  if (!pa || !pb) throw new ShipgateError("INTERNAL", `invalid dpkg version: ${!pa ? a : b}`);
  if (pa.epoch !== pb.epoch) return pa.epoch > pb.epoch ? 1 : -1;
  const u = verrevcmp(pa.upstream, pb.upstream);
  if (u) return sign(u);
  return sign(verrevcmp(pa.revision, pb.revision));
}

// src/vuln/versions/gem.ts
var GEM_RE = /^[0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
function isValidGem(v) {
  return GEM_RE.test(v.trim());
}
function segments(v) {
  const s = v.trim().replace(/-/g, ".pre.");
  return (s.match(/[0-9]+|[a-z]+/gi) ?? []).map((x) => /^\d+$/.test(x) ? Number(x) : x);
}
function canonical(v) {
  const segs = segments(v);
  const firstString = segs.findIndex((s) => typeof s === "string");
  const numeric = firstString === -1 ? segs : segs.slice(0, firstString);
  const rest = firstString === -1 ? [] : segs.slice(firstString);
  const trim = (xs) => {
    let n = xs.length;
    while (n > 0 && xs[n - 1] === 0) n--;
    return xs.slice(0, n);
  };
  return [...trim(numeric), ...trim(rest)];
}
function compareGem(a, b) {
  const l = canonical(a);
  const r = canonical(b);
  const n = Math.max(l.length, r.length);
  for (let i = 0; i < n; i++) {
    const x = l[i] ?? 0;
    const y = r[i] ?? 0;
    if (x === y) continue;
    if (typeof x === "string" && typeof y === "number") return -1;
    if (typeof x === "number" && typeof y === "string") return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

// src/vuln/versions/semver.ts
var import_semver = __toESM(require_semver(), 1);
var PARTIAL = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?((?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/;
var cache = /* @__PURE__ */ new Map();
function parseSemver(v) {
  const hit = cache.get(v);
  if (hit !== void 0) return hit;
  const s = v.trim();
  let parsed2 = import_semver.default.parse(s, { loose: true });
  if (!parsed2) {
    const m = PARTIAL.exec(s);
    if (m) parsed2 = import_semver.default.parse(`${m[1]}.${m[2] ?? "0"}.${m[3] ?? "0"}${m[4] ?? ""}`, { loose: true });
  }
  if (cache.size > 2e5) cache.clear();
  cache.set(v, parsed2);
  return parsed2;
}
function isValidSemver(v) {
  return parseSemver(v) !== null;
}
function compareSemver(a, b) {
  const pa = parseSemver(a);
  const pb = parseSemver(b);
  if (!pa || !pb) throw new ShipgateError("INTERNAL", `invalid semver version: ${!pa ? a : b}`);
  return pa.compare(pb);
}

// src/vuln/versions/go.ts
var GO_TOOLCHAIN = /^(?:go)?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:(rc|beta)(\d+))?$/;
function normalizeGo(v) {
  const s = v.trim();
  const t = GO_TOOLCHAIN.exec(s);
  if (t) {
    const base = `${t[1]}.${t[2] ?? "0"}.${t[3] ?? "0"}`;
    return t[4] ? `${base}-${t[4]}.${t[5]}` : base;
  }
  return s.replace(/^v/, "");
}
function isValidGo(v) {
  return parseSemver(normalizeGo(v)) !== null;
}
function compareGo(a, b) {
  return compareSemver(normalizeGo(a), normalizeGo(b));
}

// src/vuln/versions/maven.ts
var QUALIFIERS = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];
var ALIASES = { ga: "", final: "", release: "", cr: "rc" };
var RELEASE_INDEX = String(QUALIFIERS.indexOf(""));
function stringItem(value, followedByDigit) {
  let v = value;
  if (followedByDigit && v.length === 1) {
    if (v === "a") v = "alpha";
    else if (v === "b") v = "beta";
    else if (v === "m") v = "milestone";
  }
  return { k: "str", v: ALIASES[v] ?? v };
}
function comparableQualifier(q) {
  const i = QUALIFIERS.indexOf(q);
  return i === -1 ? `${QUALIFIERS.length}-${q}` : String(i);
}
function parseItem(isDigit4, buf) {
  return isDigit4 ? { k: "int", v: BigInt(buf.replace(/^0+(?=.)/, "")) } : stringItem(buf, false);
}
function isNull(item) {
  if (item.k === "int") return item.v === 0n;
  if (item.k === "str") return item.v === "";
  return item.v.length === 0;
}
function normalize(list) {
  for (let i = list.length - 1; i >= 0; i--) {
    const last = list[i];
    if (isNull(last)) list.splice(i, 1);
    else if (last.k !== "list") break;
  }
}
function parseMaven(version) {
  const v = version.trim().toLowerCase();
  const root = [];
  let list = root;
  const stack = [root];
  let isDigit4 = false;
  let start = 0;
  const push = () => {
    const next2 = [];
    list.push({ k: "list", v: next2 });
    list = next2;
    stack.push(next2);
  };
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (c === ".") {
      list.push(i === start ? { k: "int", v: 0n } : parseItem(isDigit4, v.slice(start, i)));
      start = i + 1;
    } else if (c === "-") {
      list.push(i === start ? { k: "int", v: 0n } : parseItem(isDigit4, v.slice(start, i)));
      start = i + 1;
      push();
    } else if (c >= "0" && c <= "9") {
      if (!isDigit4 && i > start) {
        if (list.length) push();
        list.push(stringItem(v.slice(start, i), true));
        start = i;
        push();
      }
      isDigit4 = true;
    } else {
      if (isDigit4 && i > start) {
        list.push(parseItem(true, v.slice(start, i)));
        start = i;
        push();
      }
      isDigit4 = false;
    }
  }
  if (v.length > start) {
    if (!isDigit4 && list.length) push();
    list.push(parseItem(isDigit4, v.slice(start)));
  }
  while (stack.length) normalize(stack.pop());
  return { k: "list", v: root };
}
function cmp(a, b) {
  if (a === void 0) return b === void 0 ? 0 : -cmp(b, void 0);
  switch (a.k) {
    case "int":
      if (b === void 0) return a.v === 0n ? 0 : 1;
      if (b.k === "int") return a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
      return 1;
    case "str": {
      if (b === void 0) return strcmp(comparableQualifier(a.v), RELEASE_INDEX);
      if (b.k === "int" || b.k === "list") return -1;
      return strcmp(comparableQualifier(a.v), comparableQualifier(b.v));
    }
    case "list": {
      if (b === void 0) {
        for (const item of a.v) {
          const r = cmp(item, void 0);
          if (r) return r;
        }
        return 0;
      }
      if (b.k === "int") return -1;
      if (b.k === "str") return 1;
      const n = Math.max(a.v.length, b.v.length);
      for (let i = 0; i < n; i++) {
        const l = a.v[i];
        const r = b.v[i];
        const res = l === void 0 ? r === void 0 ? 0 : -cmp(r, l) : cmp(l, r);
        if (res) return res;
      }
      return 0;
    }
  }
}
function strcmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareMaven(a, b) {
  return cmp(parseMaven(a), parseMaven(b));
}
function isValidMaven(v) {
  return v.trim() !== "" && !/\s/.test(v.trim());
}

// src/vuln/versions/nuget.ts
var VERSION = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/;
function parseNuGet(v) {
  const m = VERSION.exec(v.trim());
  if (!m) return void 0;
  return {
    parts: [m[1], m[2], m[3], m[4]].map((p) => BigInt(p ?? "0")),
    labels: m[5] ? m[5].split(".") : []
  };
}
function isValidNuGet(v) {
  return parseNuGet(v) !== void 0;
}
var NUMERIC = /^\d+$/;
function compareLabel(a, b) {
  const an = NUMERIC.test(a);
  const bn = NUMERIC.test(b);
  if (an && bn) return BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0;
  if (an !== bn) return an ? -1 : 1;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
function compareNuGet(a, b) {
  const pa = parseNuGet(a);
  const pb = parseNuGet(b);
  if (!pa || !pb) throw new ShipgateError("INTERNAL", `invalid NuGet version: ${!pa ? a : b}`);
  for (let i = 0; i < 4; i++) {
    if (pa.parts[i] !== pb.parts[i]) return pa.parts[i] < pb.parts[i] ? -1 : 1;
  }
  if (!pa.labels.length || !pb.labels.length) return Math.sign(pb.labels.length - pa.labels.length);
  for (let i = 0; i < Math.min(pa.labels.length, pb.labels.length); i++) {
    const c = compareLabel(pa.labels[i], pb.labels[i]);
    if (c) return c;
  }
  return Math.sign(pa.labels.length - pb.labels.length);
}

// src/vuln/versions/packagist.ts
var NUMBER = /^\d+$/;
var VALID = /^v?\d+(?:[.\-_+]?[0-9A-Za-z]+)*$/;
function isValidPackagist(v) {
  return VALID.test(v.trim());
}
function parts(v) {
  const list = v.trim().replace(/^v/, "").replace(/[-_+]/g, ".").replace(/(\d)(?=[^\d.])|([^\d.])(?=\d)/g, "$1$2.").split(".").filter(Boolean);
  let release = 0;
  while (release < list.length && NUMBER.test(list[release])) release++;
  return [
    ...list.slice(0, release),
    ...Array(Math.max(0, 4 - release)).fill("0"),
    ...list.slice(release)
  ];
}
var STABILITY = {
  dev: 0,
  alpha: 1,
  a: 1,
  beta: 2,
  b: 2,
  rc: 3,
  "#": 4,
  pl: 5,
  p: 5
};
function rank(part) {
  return NUMBER.test(part) ? STABILITY["#"] : STABILITY[part.toLowerCase()] ?? -1;
}
function comparePart(a, b) {
  if (NUMBER.test(a) && NUMBER.test(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Math.sign(rank(a) - rank(b));
}
function comparePackagist(a, b) {
  if (!isValidPackagist(a) || !isValidPackagist(b))
    throw new ShipgateError("INTERNAL", `invalid Packagist version: ${!isValidPackagist(a) ? a : b}`);
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === void 0) return NUMBER.test(y) ? -1 : -comparePart(y, "#");
    if (y === void 0) return NUMBER.test(x) ? 1 : comparePart(x, "#");
    const c = comparePart(x, y);
    if (c) return c;
  }
  return 0;
}

// src/vuln/versions/pep440.ts
var import_pep440 = __toESM(require_pep440(), 1);
var validity = /* @__PURE__ */ new Map();
function isValidPep440(v) {
  let ok = validity.get(v);
  if (ok === void 0) {
    ok = (0, import_pep440.valid)(v.trim()) !== null;
    if (validity.size > 1e5) validity.clear();
    validity.set(v, ok);
  }
  return ok;
}
function comparePep440(a, b) {
  if (!isValidPep440(a) || !isValidPep440(b))
    throw new ShipgateError("INTERNAL", `invalid PEP 440 version: ${isValidPep440(a) ? b : a}`);
  return Math.sign((0, import_pep440.compare)(a.trim(), b.trim()));
}

// src/vuln/versions/rpm.ts
function isDigit3(c) {
  return c >= 48 && c <= 57;
}
function isAlpha2(c) {
  return c >= 65 && c <= 90 || c >= 97 && c <= 122;
}
function isAlnum(c) {
  return isDigit3(c) || isAlpha2(c);
}
var TILDE = 126;
var CARET = 94;
function rpmvercmp(a, b) {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  const la = a.length;
  const lb = b.length;
  while (i < la || j < lb) {
    while (i < la && !isAlnum(a.charCodeAt(i)) && a.charCodeAt(i) !== TILDE && a.charCodeAt(i) !== CARET) i++;
    while (j < lb && !isAlnum(b.charCodeAt(j)) && b.charCodeAt(j) !== TILDE && b.charCodeAt(j) !== CARET) j++;
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (ca === TILDE || cb === TILDE) {
      if (ca !== TILDE) return 1;
      if (cb !== TILDE) return -1;
      i++;
      j++;
      continue;
    }
    if (ca === CARET || cb === CARET) {
      if (i >= la) return -1;
      if (j >= lb) return 1;
      if (ca !== CARET) return 1;
      if (cb !== CARET) return -1;
      i++;
      j++;
      continue;
    }
    if (!(i < la && j < lb)) break;
    let ei = i;
    let ej = j;
    let isNum;
    if (isDigit3(ca)) {
      while (ei < la && isDigit3(a.charCodeAt(ei))) ei++;
      while (ej < lb && isDigit3(b.charCodeAt(ej))) ej++;
      isNum = true;
    } else {
      while (ei < la && isAlpha2(a.charCodeAt(ei))) ei++;
      while (ej < lb && isAlpha2(b.charCodeAt(ej))) ej++;
      isNum = false;
    }
    if (ei === i) return -1;
    if (ej === j) return isNum ? 1 : -1;
    let sa = a.slice(i, ei);
    let sb = b.slice(j, ej);
    if (isNum) {
      sa = sa.replace(/^0+/, "");
      sb = sb.replace(/^0+/, "");
      if (sa.length > sb.length) return 1;
      if (sb.length > sa.length) return -1;
    }
    if (sa !== sb) return sa < sb ? -1 : 1;
    i = ei;
    j = ej;
  }
  if (i >= la && j >= lb) return 0;
  return i >= la ? -1 : 1;
}
function parseRpmEvr(evr) {
  const s = evr.trim();
  let k = 0;
  while (k < s.length && isDigit3(s.charCodeAt(k))) k++;
  let epoch = "0";
  let rest = s;
  if (s[k] === ":") {
    epoch = k === 0 ? "0" : s.slice(0, k);
    rest = s.slice(k + 1);
  }
  const dash = rest.lastIndexOf("-");
  if (dash >= 0) return { epoch, version: rest.slice(0, dash), release: rest.slice(dash + 1) };
  return { epoch, version: rest, release: void 0 };
}
function isValidRpm(evr) {
  const p = parseRpmEvr(evr);
  return p.version !== "" && !/\s/.test(evr.trim()) && /[A-Za-z0-9]/.test(p.version);
}
function compareRpm(a, b) {
  const pa = parseRpmEvr(a);
  const pb = parseRpmEvr(b);
  let rc = rpmvercmp(pa.epoch, pb.epoch);
  if (rc) return rc;
  rc = rpmvercmp(pa.version, pb.version);
  if (rc) return rc;
  return rpmvercmp(pa.release ?? "", pb.release ?? "");
}

// src/vuln/versions/index.ts
var DPKG = { name: "dpkg", compare: compareDpkg, valid: isValidDpkg };
var RPM = { name: "rpm", compare: compareRpm, valid: isValidRpm };
var APK = { name: "apk", compare: compareApk, valid: isValidApk };
var SEMVER = { name: "semver", compare: compareSemver, valid: isValidSemver };
var PEP440 = { name: "pep440", compare: comparePep440, valid: isValidPep440 };
var MAVEN = { name: "maven", compare: compareMaven, valid: isValidMaven };
var GO = { name: "go", compare: compareGo, valid: isValidGo };
var GEM = { name: "rubygems", compare: compareGem, valid: isValidGem };
var PACKAGIST = { name: "packagist", compare: comparePackagist, valid: isValidPackagist };
var NUGET = { name: "nuget", compare: compareNuGet, valid: isValidNuGet };
var BY_ECOSYSTEM = {
  Debian: DPKG,
  Ubuntu: DPKG,
  Alpine: APK,
  Wolfi: APK,
  Chainguard: APK,
  AlmaLinux: RPM,
  "Rocky Linux": RPM,
  "Red Hat": RPM,
  openEuler: RPM,
  openSUSE: RPM,
  SUSE: RPM,
  Mageia: RPM,
  npm: SEMVER,
  "crates.io": SEMVER,
  PyPI: PEP440,
  Maven: MAVEN,
  Go: GO,
  RubyGems: GEM,
  NuGet: NUGET,
  Packagist: PACKAGIST
};
function ecosystemBase(ecosystem) {
  const i = ecosystem.indexOf(":");
  return i === -1 ? ecosystem : ecosystem.slice(0, i);
}
function comparatorFor(ecosystem) {
  return BY_ECOSYSTEM[ecosystemBase(ecosystem)];
}
var semverComparator = SEMVER;

// src/vuln/osv/layout.ts
import { crc32 } from "node:zlib";
var INDEX_FORMAT = 3;
function packageKey(name) {
  return Buffer.from(name, "utf8").toString("latin1");
}
var CHUNK = 1 << 20;
var MAX_SIZE = 2 ** 32 - 1;
var ByteSink = class {
  parts = [];
  chunk = Buffer.alloc(0);
  used = 0;
  size = 0;
  crc = 0;
  write(data, encoding = "utf8") {
    const n = typeof data === "string" ? Buffer.byteLength(data, encoding) : data.length;
    if (this.used + n > this.chunk.length) {
      this.flush();
      if (n > CHUNK) {
        this.push(typeof data === "string" ? Buffer.from(data, encoding) : Buffer.from(data));
        this.size += n;
        return;
      }
      this.chunk = Buffer.allocUnsafe(CHUNK);
    }
    if (typeof data === "string") this.chunk.write(data, this.used, encoding);
    else this.chunk.set(data, this.used);
    this.used += n;
    this.size += n;
  }
  end() {
    this.flush();
    return this.parts;
  }
  flush() {
    if (this.used > 0)
      this.push(
        this.used < CHUNK / 2 ? Buffer.from(this.chunk.subarray(0, this.used)) : this.chunk.subarray(0, this.used)
      );
    this.chunk = Buffer.alloc(0);
    this.used = 0;
  }
  push(b) {
    this.parts.push(b);
    this.crc = crc32(b, this.crc);
  }
};
var IndexWriter = class {
  constructor(ecosystem, builtAt) {
    this.ecosystem = ecosystem;
    this.builtAt = builtAt;
  }
  ecosystem;
  builtAt;
  sink = new ByteSink();
  /** Body offset where each slot ends. */
  slotEnds = [];
  /** Package key (see packageKey) → its entries' JSON texts, comma-separated. */
  packages = /* @__PURE__ */ new Map();
  /** Number of records written so far: the index the next record gets. */
  get records() {
    return this.slotEnds.length;
  }
  /** Appends a record slot (its JSON text, or those bytes copied from another index); returns its index. */
  addRecord(json) {
    this.sink.write(json);
    this.slotEnds.push(this.sink.size);
    return this.slotEnds.length - 1;
  }
  /** Adds one affected entry's JSON text to a package. */
  addEntry(key, json) {
    const prev = this.packages.get(key);
    this.packages.set(key, prev === void 0 ? json : `${prev},${json}`);
  }
  /** The packages added with addEntry, in index order. */
  *sortedPackages() {
    for (const key of [...this.packages.keys()].sort()) yield [key, this.packages.get(key)];
  }
  /**
   * Writes the package slots (keys strictly increasing, entries comma-separated JSON texts), the names and the
   * tables; the writer is spent afterwards.
   */
  finish(packages = this.sortedPackages()) {
    const recordCount = this.slotEnds.length;
    const keys = [];
    for (const [key, entries] of packages) {
      if (keys.length && key <= keys[keys.length - 1])
        throw new ShipgateError("INTERNAL", `OSV index: package "${key}" out of order`);
      this.sink.write(`[${entries}]`);
      this.slotEnds.push(this.sink.size);
      keys.push(key);
    }
    this.packages.clear();
    const names = this.sink.size;
    const nameEnds = [];
    for (const key of keys) {
      this.sink.write(key, "latin1");
      nameEnds.push(this.sink.size);
    }
    const tables = this.sink.size;
    const table = Buffer.alloc(4 * (this.slotEnds.length + 1 + keys.length + 1));
    if (tables + table.length > MAX_SIZE)
      throw new ShipgateError("VULN_DB", `the OSV ${this.ecosystem} index would exceed 4 GiB`, {
        hint: "use the OSV API mode (SHIPGATE_OSV_MODE=api) for this ecosystem"
      });
    let p = table.writeUInt32LE(0, 0);
    for (const end of this.slotEnds) p = table.writeUInt32LE(end, p);
    p = table.writeUInt32LE(names, p);
    for (const end of nameEnds) p = table.writeUInt32LE(end, p);
    this.sink.write(table);
    const parts2 = this.sink.end();
    return {
      header: {
        format: INDEX_FORMAT,
        ecosystem: this.ecosystem,
        builtAt: this.builtAt,
        recordCount,
        packageCount: keys.length,
        names,
        tables,
        size: this.sink.size,
        crc: this.sink.crc
      },
      parts: parts2
    };
  }
};
function partsReader(parts2) {
  const starts = [];
  let size = 0;
  for (const p of parts2) {
    starts.push(size);
    size += p.length;
  }
  return (offset, length) => {
    let lo = 0;
    let hi = parts2.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >>> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const at = offset - (starts[lo] ?? 0);
    const first2 = parts2[lo];
    if (!first2 || at + length <= first2.length) return (first2 ?? Buffer.alloc(0)).subarray(at, at + length);
    const out = Buffer.allocUnsafe(length);
    let got = first2.copy(out, 0, at);
    for (let i = lo + 1; got < length && i < parts2.length; i++)
      got += parts2[i].copy(out, got, 0, length - got);
    return out.subarray(0, got);
  };
}
var isCount = (v) => Number.isSafeInteger(v) && v >= 0;
function asHeader(v) {
  if (typeof v !== "object" || v === null) return void 0;
  const h = v;
  if (h.format !== INDEX_FORMAT || typeof h.ecosystem !== "string" || typeof h.builtAt !== "string")
    return void 0;
  for (const k of ["recordCount", "packageCount", "names", "tables", "size", "crc"])
    if (!isCount(h[k])) return void 0;
  return h;
}
var CompiledIndex = class _CompiledIndex {
  constructor(header, read, tail) {
    this.header = header;
    this.read = read;
    this.tail = tail;
  }
  header;
  read;
  tail;
  /** The built index, read from its chunks in memory. */
  static fromBuilt(built) {
    const index = _CompiledIndex.open(built.header, partsReader(built.parts));
    if (!index)
      throw new ShipgateError("INTERNAL", `OSV ${built.header.ecosystem} index: inconsistent tables`);
    return index;
  }
  /**
   * Opens an index over its body, checking that the tables are consistent: offsets in order and inside the
   * body. Undefined when they are not (the caller rebuilds). The body's checksum is the caller's to check.
   */
  static open(header, read) {
    const slots = header.recordCount + header.packageCount;
    const { names, tables, size } = header;
    if (!(names <= tables && tables + 4 * (slots + header.packageCount + 2) === size)) return void 0;
    const tail = Buffer.from(read(names, size - names));
    if (tail.length !== size - names) return void 0;
    const index = new _CompiledIndex(header, read, tail);
    let prev = 0;
    for (let k = 0; k <= slots; k++) {
      const o = index.slotEnd(k - 1);
      if (o < prev || k === 0 && o !== 0) return void 0;
      prev = o;
    }
    if (prev !== names) return void 0;
    for (let j = 0; j <= header.packageCount; j++) {
      const o = index.nameEnd(j - 1);
      if (o < prev || j === 0 && o !== names) return void 0;
      prev = o;
    }
    return prev === tables ? index : void 0;
  }
  get recordCount() {
    return this.header.recordCount;
  }
  get packageCount() {
    return this.header.packageCount;
  }
  /** End of slot k (k = -1: 0). */
  slotEnd(k) {
    return this.tail.readUInt32LE(this.header.tables - this.header.names + 4 * (k + 1));
  }
  /** End of name j (j = -1: where the names start). */
  nameEnd(j) {
    const slots = this.header.recordCount + this.header.packageCount;
    return this.tail.readUInt32LE(this.header.tables - this.header.names + 4 * (slots + 2 + j));
  }
  /** The bytes of a slot; see ReadBytes for how long they stay valid. */
  slotBytes(k) {
    const start = this.slotEnd(k - 1);
    return this.read(start, this.slotEnd(k) - start);
  }
  slotJson(k) {
    return JSON.parse(this.slotBytes(k).toString("utf8"));
  }
  /** The key (see packageKey) of the j-th package. */
  packageKeyAt(j) {
    const base = this.header.names;
    return this.tail.toString("latin1", this.nameEnd(j - 1) - base, this.nameEnd(j) - base);
  }
  /** The slot of a package by its normalised name, or undefined. */
  packageSlot(name) {
    const key = Buffer.from(name, "utf8");
    const base = this.header.names;
    let lo = 0;
    let hi = this.header.packageCount - 1;
    while (lo <= hi) {
      const mid = lo + hi >>> 1;
      const c = Buffer.compare(
        this.tail.subarray(this.nameEnd(mid - 1) - base, this.nameEnd(mid) - base),
        key
      );
      if (c === 0) return this.header.recordCount + mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return void 0;
  }
};

// src/vuln/osv/compact.ts
function normalizeName(ecosystem, name) {
  const base = ecosystemBase(ecosystem);
  if (base === "PyPI") return name.toLowerCase().replace(/[-_.]+/g, "-");
  if (base === "crates.io" || base === "Debian" || base === "Ubuntu" || base === "Alpine")
    return name.toLowerCase();
  return name;
}
var MAX_REFERENCES = 20;
var MAX_SUMMARY = 300;
function summaryOf(r) {
  const s = r.summary?.trim() || r.details?.trim().split("\n")[0]?.trim();
  if (!s) return void 0;
  return s.length > MAX_SUMMARY ? `${s.slice(0, MAX_SUMMARY - 1)}\u2026` : s;
}
function compactRecord(r) {
  const c = { id: r.id };
  if (r.aliases?.length) c.aliases = r.aliases;
  if (r.upstream?.length) c.upstream = r.upstream;
  if (r.related?.length) c.related = r.related;
  const summary = summaryOf(r);
  if (summary) c.summary = summary;
  if (r.published) c.published = r.published;
  if (r.modified) c.modified = r.modified;
  if (r.withdrawn) c.withdrawn = r.withdrawn;
  if (r.severity?.length) c.severity = r.severity;
  const dbs = r.database_specific?.severity;
  if (typeof dbs === "string") c.dbSeverity = dbs;
  const refs = (r.references ?? []).map((x) => x.url).filter((u) => typeof u === "string");
  if (refs.length) c.references = refs.slice(0, MAX_REFERENCES);
  return c;
}
function eventOf(e) {
  if (typeof e.introduced === "string") return ["i", e.introduced];
  if (typeof e.fixed === "string") return ["f", e.fixed];
  if (typeof e.last_affected === "string") return ["l", e.last_affected];
  if (typeof e.limit === "string") return ["x", e.limit];
  return void 0;
}
function isZero(v) {
  return v === "0";
}
function sortEvents(ev, cmp2) {
  const safe = (a, b) => {
    if (isZero(a)) return isZero(b) ? 0 : -1;
    if (isZero(b)) return 1;
    if (a === "*" || b === "*") return a === b ? 0 : a === "*" ? 1 : -1;
    try {
      return cmp2.compare(a, b);
    } catch {
      return 0;
    }
  };
  return ev.map((e, i) => ({ e, i })).sort((x, y) => safe(x.e[1], y.e[1]) || x.i - y.i).map((x) => x.e);
}
function ratingOf(a) {
  const es = a.ecosystem_specific;
  const ds = a.database_specific;
  for (const v of [es?.urgency, es?.priority, es?.severity, ds?.severity, ds?.urgency])
    if (typeof v === "string" && v.trim()) return v.trim();
  return void 0;
}
function moduleOf(a) {
  const es = a.ecosystem_specific;
  if (es && typeof es.module === "string") return es.module;
  const purl = a.package?.purl;
  const m = purl ? /[?&]rpmmod=([^&#]+)/.exec(purl) : null;
  return m ? decodeURIComponent(m[1]) : void 0;
}
function compactAffected(a, recordIndex) {
  const pkg = a.package;
  if (!pkg) return void 0;
  const cmp2 = comparatorFor(pkg.ecosystem);
  const ranges = [];
  for (const r of a.ranges ?? []) {
    if (r.type !== "ECOSYSTEM" && r.type !== "SEMVER") continue;
    const ev = r.events.map((e) => eventOf(e)).filter((e) => !!e);
    if (!ev.length) continue;
    const c = r.type === "SEMVER" ? semverComparator : cmp2;
    ranges.push({ t: r.type === "SEMVER" ? "S" : "E", ev: c ? sortEvents(ev, c) : ev });
  }
  const out = { r: recordIndex, e: pkg.ecosystem, ranges };
  if (a.versions?.length) {
    const extra = a.versions.filter((v) => !inRanges(ranges, v, cmp2));
    if (extra.length) out.v = extra;
  }
  if (!ranges.length && !out.v) return void 0;
  if (a.severity?.length) out.sev = a.severity;
  const rating = ratingOf(a);
  if (rating) out.rating = rating;
  const mod = moduleOf(a);
  if (mod) out.module = mod;
  return out;
}
function evaluateRange(range, version, cmp2) {
  let affected = false;
  let hit = {};
  const limits = [];
  for (const [kind, v] of range.ev) {
    if (kind === "x") {
      limits.push(v);
      continue;
    }
    const c = isZero(v) && kind === "i" ? 1 : cmp2.compare(version, v);
    if (kind === "i") {
      if (c >= 0) {
        affected = true;
        hit = {};
      }
    } else if (kind === "f") {
      if (c >= 0) affected = false;
      else if (affected && hit.fixed === void 0 && hit.lastAffected === void 0) hit = { fixed: v };
    } else if (kind === "l") {
      if (c > 0) affected = false;
      else if (affected && hit.fixed === void 0 && hit.lastAffected === void 0)
        hit = { lastAffected: v };
    }
  }
  if (!affected) return void 0;
  if (limits.length && !limits.some((l) => l === "*" || cmp2.compare(version, l) < 0)) return void 0;
  return hit;
}
function inRanges(ranges, version, cmp2) {
  for (const r of ranges) {
    const c = r.t === "S" ? semverComparator : cmp2;
    if (!c) continue;
    try {
      if (c.valid(version) && evaluateRange(r, version, c)) return true;
    } catch {
    }
  }
  return false;
}
function addToIndex(writer, record2, affected) {
  const ri = writer.records;
  let used = false;
  for (const a of affected) {
    const c = compactAffected(a, ri);
    if (!c) continue;
    writer.addEntry(packageKey(normalizeName(writer.ecosystem, a.package.name)), JSON.stringify(c));
    used = true;
  }
  if (used) writer.addRecord(JSON.stringify(compactRecord(record2)));
  return used;
}
function affectedIn(record2, base) {
  return (record2.affected ?? []).filter(
    (a) => !!a.package?.ecosystem && !!a.package.name && ecosystemBase(a.package.ecosystem) === base
  );
}
var IndexBuilder = class {
  /** @param only archive names (ecosystem bases) to keep; undefined keeps all. */
  constructor(only) {
    this.only = only;
  }
  only;
  writers = /* @__PURE__ */ new Map();
  builtAt = (/* @__PURE__ */ new Date()).toISOString();
  /** Records skipped because they were withdrawn. */
  withdrawn = 0;
  /** The newest `modified` time of every record added (withdrawn ones too): what the data is current to. */
  newestModified;
  /** The ids of the records modified at exactly newestModified. */
  newestIds = /* @__PURE__ */ new Set();
  add(record2) {
    if (record2.modified) {
      const at = Date.parse(record2.modified);
      const newest = Date.parse(this.newestModified ?? "1970-01-01T00:00:00Z");
      if (at > newest) {
        this.newestModified = record2.modified;
        this.newestIds.clear();
      }
      if (at >= newest) this.newestIds.add(record2.id);
    }
    if (record2.withdrawn) {
      this.withdrawn++;
      return;
    }
    const byBase = /* @__PURE__ */ new Map();
    for (const a of record2.affected ?? []) {
      if (!a.package?.ecosystem || !a.package.name) continue;
      const base = ecosystemBase(a.package.ecosystem);
      if (this.only && !this.only.has(base)) continue;
      const list = byBase.get(base) ?? [];
      list.push(a);
      byBase.set(base, list);
    }
    for (const [base, affected] of byBase) addToIndex(this.writer(base), record2, affected);
  }
  writer(base) {
    let w = this.writers.get(base);
    if (!w) {
      w = new IndexWriter(base, this.builtAt);
      this.writers.set(base, w);
    }
    return w;
  }
  /**
   * The built indexes, one per archive; archives asked for but without records get an empty index.
   * Finishes the builder: add no records afterwards.
   */
  result() {
    for (const b of this.only ?? []) this.writer(b);
    return new Map([...this.writers].map(([base, w]) => [base, w.finish()]));
  }
  /** The built indexes, read from memory. Finishes the builder. */
  compiled() {
    return new Map([...this.result()].map(([base, b]) => [base, CompiledIndex.fromBuilt(b)]));
  }
};

// src/vuln/severity.ts
var cvssLib = __toESM(require_ae_cvss_calculator(), 1);
var lib = cvssLib.default ?? cvssLib;
var scored = /* @__PURE__ */ new Map();
function scoreCvss(vector) {
  if (scored.has(vector)) return scored.get(vector);
  const r = computeCvss(vector.trim());
  if (scored.size > 5e4) scored.clear();
  scored.set(vector, r);
  return r;
}
function computeCvss(v) {
  const out = (version, score) => score === void 0 ? void 0 : { version, score };
  try {
    if (v.startsWith("CVSS:4.0/")) return out("4.0", new lib.Cvss4P0(v).calculateScores().base);
    if (v.startsWith("CVSS:3.1/")) return out("3.1", new lib.Cvss3P1(v).calculateScores().base);
    if (v.startsWith("CVSS:3.0/")) return out("3.0", new lib.Cvss3P0(v).calculateScores().base);
    if (/^\(?AV:[LAN]\/AC:/.test(v))
      return out("2.0", new lib.Cvss2(v.replace(/^\(|\)$/g, "")).calculateScores().base);
  } catch {
    return void 0;
  }
  return void 0;
}
function severityFromWord(word) {
  const w = word.trim().toLowerCase().replace(/\*+$/, "");
  switch (w) {
    case "critical":
      return "critical";
    case "important":
    case "high":
      return "high";
    case "moderate":
    case "medium":
      return "medium";
    case "low":
      return "low";
    case "negligible":
    case "unimportant":
      return "info";
    default:
      return void 0;
  }
}
function ratingSource(ecosystem) {
  if (ecosystem.startsWith("Debian")) return "debian urgency";
  if (ecosystem.startsWith("Ubuntu")) return "ubuntu priority";
  return `${ecosystem.split(":")[0].toLowerCase()} rating`;
}
function assessSeverity(parts2) {
  const cands = [];
  const cvss = [];
  const seenVectors = /* @__PURE__ */ new Set();
  const addVectors = (list, source) => {
    for (const s of list ?? []) {
      if (!s.type.startsWith("CVSS_")) {
        const word = severityFromWord(s.score);
        if (word) cands.push({ severity: word, source: `${s.type.toLowerCase()} priority` });
        continue;
      }
      const r = scoreCvss(s.score);
      if (!r || seenVectors.has(s.score)) continue;
      seenVectors.add(s.score);
      cvss.push({ version: r.version, vector: s.score, score: r.score, source });
      cands.push({
        severity: severityFromScore(r.score),
        score: r.score,
        source: `cvss:${r.version} ${source}`
      });
    }
  };
  for (const { record: record2, affected } of parts2) {
    addVectors(record2.severity, record2.id);
    for (const a of affected) {
      addVectors(a.sev, record2.id);
      const w = a.rating ? severityFromWord(a.rating) : void 0;
      if (w) cands.push({ severity: w, source: ratingSource(a.e) });
    }
    if (record2.dbSeverity) {
      const w = severityFromWord(record2.dbSeverity);
      if (w) cands.push({ severity: w, source: `${record2.id.split("-")[0].toLowerCase()} database` });
    }
    const m = record2.summary ? /^(Critical|Important|Moderate|Low):/.exec(record2.summary) : null;
    if (m)
      cands.push({
        severity: severityFromWord(m[1]),
        source: `${record2.id.split("-")[0].toLowerCase()} advisory`
      });
  }
  if (!cands.length)
    return { severity: "medium", source: "unknown (no severity in the data; default medium)", cvss };
  let best = cands[0];
  for (const c of cands.slice(1)) {
    const d = severityRank(c.severity) - severityRank(best.severity);
    if (d > 0 || d === 0 && c.score !== void 0 && (best.score === void 0 || c.score > best.score))
      best = c;
  }
  const out = { severity: best.severity, source: best.source, cvss };
  const top = best.score ?? (cvss.length ? Math.max(...cvss.map((c) => c.score)) : void 0);
  if (top !== void 0) out.score = top;
  return out;
}

// src/vuln/match.ts
var DISTRO_RELATED = /^(AlmaLinux|Rocky Linux|Red Hat|openSUSE|SUSE)/;
function isCve(id) {
  return id.startsWith("CVE-");
}
function validIn(c, v) {
  try {
    return c?.valid(v) ? c : void 0;
  } catch {
    return void 0;
  }
}
function installed(base, version) {
  const eco = comparatorFor(base);
  const sem = eco?.name === "go" ? eco : semverComparator;
  return { version, eco: validIn(eco, version), semver: validIn(sem, version) };
}
function affects(a, inst) {
  for (const r of a.ranges) {
    const c = r.t === "S" ? inst.semver : inst.eco;
    if (!c) continue;
    try {
      const h = evaluateRange(r, inst.version, c);
      if (h) return h;
    } catch {
    }
  }
  if (a.v) {
    for (const v of a.v) {
      if (v === inst.version) return {};
      try {
        if (inst.eco && inst.eco.valid(v) && inst.eco.compare(v, inst.version) === 0) return {};
      } catch {
      }
    }
  }
  return void 0;
}
function moduleApplies(a, pkg) {
  if (!a.module) return true;
  const label = pkg.modularityLabel;
  if (!label) return false;
  const [name, stream] = label.split(":");
  return a.module === `${name}:${stream}` || a.module === name;
}
function findHits(pkg, t, db, now) {
  const entries = db.lookup(t.base, t.name);
  if (!entries.length) return [];
  const inst = installed(t.base, t.version);
  const hits = [];
  for (const a of entries) {
    if (!t.accepts(a.e) || !moduleApplies(a, pkg)) continue;
    const h = affects(a, inst);
    if (!h) continue;
    let hit = hits.find((x) => x.index === a.r);
    if (!hit) {
      const record2 = db.record(t.base, a.r);
      if (record2.withdrawn && Date.parse(record2.withdrawn) <= now) continue;
      hit = { index: a.r, record: record2, affected: [], fixed: [], lastAffected: [], ecosystem: a.e };
      hits.push(hit);
    }
    hit.affected.push(a);
    if (h.fixed && !hit.fixed.includes(h.fixed)) hit.fixed.push(h.fixed);
    if (h.lastAffected && !hit.lastAffected.includes(h.lastAffected)) hit.lastAffected.push(h.lastAffected);
  }
  return hits;
}
function cvesOf(h) {
  const r = h.record;
  const list = [...r.upstream ?? [], ...DISTRO_RELATED.test(h.ecosystem) ? r.related ?? [] : []];
  return [...new Set(list.filter(isCve))];
}
function sameIds(h) {
  const ids = [h.record.id, ...h.record.aliases ?? []];
  const cves = cvesOf(h);
  if (cves.length === 1) ids.push(cves[0], ...(h.record.upstream ?? []).filter((u) => u.endsWith(cves[0])));
  return ids;
}
function group(hits) {
  if (hits.length === 1) {
    const h = hits[0];
    const cves = cvesOf(h);
    return [{ hits, ids: new Set(sameIds(h)), extraCves: new Set(cves.length > 1 ? cves : []) }];
  }
  const parent = hits.map((_, i) => i);
  const find = (i) => parent[i] === i ? i : parent[i] = find(parent[i]);
  const owner = /* @__PURE__ */ new Map();
  hits.forEach((h, i) => {
    for (const id of sameIds(h)) {
      const o = owner.get(id);
      if (o === void 0) owner.set(id, i);
      else parent[find(i)] = find(o);
    }
  });
  const byRoot = /* @__PURE__ */ new Map();
  hits.forEach((h, i) => {
    const root = find(i);
    let g = byRoot.get(root);
    if (!g) byRoot.set(root, g = { hits: [], ids: /* @__PURE__ */ new Set(), extraCves: /* @__PURE__ */ new Set() });
    g.hits.push(h);
    for (const id of sameIds(h)) g.ids.add(id);
  });
  const groups = [...byRoot.values()];
  const out = [];
  for (const g of groups) {
    const multi = g.hits.length === 1 ? cvesOf(g.hits[0]) : [];
    if (multi.length > 1) {
      const targets = multi.map((c) => groups.find((o) => o !== g && o.ids.has(c)));
      if (targets.every((x) => x !== void 0)) {
        for (const t of targets) {
          t.hits.push(g.hits[0]);
          t.ids.add(g.hits[0].record.id);
        }
        continue;
      }
      for (const c of multi) g.extraCves.add(c);
    }
    out.push(g);
  }
  return out;
}
function preferredId(ids, hits) {
  const cves = [...ids].filter(isCve);
  if (cves.length === 1) return cves[0];
  const ghsa = [...ids].filter((i) => i.startsWith("GHSA-")).sort();
  if (ghsa.length) return ghsa[0];
  return hits.map((h) => h.record.id).sort()[0];
}
function purlWithoutVersion(purl) {
  return purl.replace(/[?#].*$/, "").replace(/@[^/]*$/, "");
}
function imageLocation(pkg) {
  const loc = {};
  if (pkg.layerDigest) loc.layerDigest = pkg.layerDigest;
  if (pkg.layerIndex !== void 0) loc.layerIndex = pkg.layerIndex;
  if (pkg.createdBy) loc.createdBy = pkg.createdBy;
  const path = pkg.binaryPath ?? pkg.path;
  if (path) loc.path = path;
  return Object.keys(loc).length ? loc : void 0;
}
function fixHint(pkg, t, fix, os) {
  const distro = pkg.type === "deb" || pkg.type === "apk" || pkg.type === "rpm";
  if (!fix) {
    return distro ? `no fix available yet for ${t.name}; rebuild on a newer base image once ${os?.id ?? "the distro"} publishes one` : `no fixed version of ${t.name} yet`;
  }
  if (!distro) return `upgrade ${t.name} to ${fix} or later`;
  const src = t.name !== pkg.name ? ` (source ${t.name})` : "";
  const tool = pkg.type === "deb" ? "apt-get upgrade" : pkg.type === "apk" ? "apk upgrade" : "dnf upgrade";
  return `upgrade ${pkg.name}${src} to ${fix} or later: rebuild on an updated base image or run ${tool}`;
}
function toFinding(pkg, t, g, os) {
  const cmp2 = comparatorFor(t.base);
  const id = preferredId(g.ids, g.hits);
  const aliases = [.../* @__PURE__ */ new Set([...g.ids, ...g.extraCves])].filter((x) => x !== id).sort();
  const fixed = [...new Set(g.hits.flatMap((h) => h.fixed))];
  const order2 = (a, b) => {
    try {
      return cmp2 ? cmp2.compare(a, b) : compareText(a, b);
    } catch {
      return compareText(a, b);
    }
  };
  fixed.sort(order2);
  const lastAffected = g.hits.flatMap((h) => h.lastAffected).sort(order2);
  const fixState = fixed.length ? "fixed" : lastAffected.length ? "unknown" : "unfixed";
  const fix = fixed[fixed.length - 1];
  const main = g.hits.find((h) => h.record.id === id) ?? g.hits.find((h) => h.record.summary) ?? g.hits[0];
  const summary = main.record.summary ?? g.hits.find((h) => h.record.summary)?.record.summary;
  const sev = assessSeverity(g.hits.map((h) => ({ record: h.record, affected: h.affected })));
  const references = [...new Set(g.hits.flatMap((h) => h.record.references ?? []))].slice(0, 20);
  const published = g.hits.map((h) => h.record.published).filter((x) => !!x).sort()[0];
  const modified = g.hits.map((h) => h.record.modified).filter((x) => !!x).sort().pop();
  const src = pkg.type === "deb" || pkg.type === "apk" ? ` (source ${t.name}${t.version !== pkg.version ? ` ${t.version}` : ""})` : "";
  const tail = fixState === "fixed" ? `; fixed in ${fixed.join(", ")}` : fixState === "unknown" ? `; affected up to ${lastAffected[lastAffected.length - 1]}, no fixed version named` : "; no fix available yet";
  const message = `${pkg.name} ${pkg.version}${src} is affected by ${id}${summary ? `: ${summary}` : ""}${tail}`;
  const vulnerability = {
    id,
    aliases,
    packageName: pkg.name,
    packageVersion: pkg.version,
    ecosystem: main.ecosystem,
    purl: pkg.purl,
    fixedVersions: fixed,
    fixState,
    references,
    severitySource: sev.source
  };
  if (sev.cvss.length) vulnerability.cvss = sev.cvss;
  if (sev.score !== void 0) vulnerability.score = sev.score;
  if (summary) vulnerability.summary = summary;
  if (published) vulnerability.published = published;
  if (modified) vulnerability.modified = modified;
  const finding = {
    ruleId: id,
    kind: "vulnerability",
    severity: sev.severity,
    message,
    fingerprint: stableHash(id, purlWithoutVersion(pkg.purl), pkg.binaryPath ?? pkg.path),
    fixable: fixState === "fixed",
    fix: fixHint(pkg, t, fix, os),
    vulnerability,
    properties: {
      advisories: g.hits.map((h) => h.record.id).sort(),
      ...t.name !== pkg.name || t.version !== pkg.version ? { matchedPackage: t.name, matchedVersion: t.version } : {}
    }
  };
  const image = imageLocation(pkg);
  if (image) finding.image = image;
  return finding;
}
function matchVulnerabilities(packages, os, db, options = {}) {
  const now = (options.now ?? /* @__PURE__ */ new Date()).getTime();
  const findings = [];
  const eol = eolFinding(os);
  if (eol) findings.push(eol);
  for (const pkg of packages) {
    const t = targetFor(pkg, os);
    if (!t) continue;
    const hits = findHits(pkg, t, db, now);
    if (!hits.length) continue;
    for (const g of group(hits)) {
      const f = toFinding(pkg, t, g, os);
      if (options.ignoreUnfixed && f.vulnerability?.fixState === "unfixed") continue;
      findings.push(f);
    }
  }
  return findings;
}

// src/vuln/vex.ts
var import_packageurl_js = __toESM(require_packageurl_js(), 1);
import { readFileSync } from "node:fs";
var STATUSES = ["not_affected", "affected", "fixed", "under_investigation"];
var JUSTIFICATIONS = [
  "component_not_present",
  "vulnerable_code_not_present",
  "vulnerable_code_not_in_execute_path",
  "vulnerable_code_cannot_be_controlled_by_adversary",
  "inline_mitigations_already_exist"
];
var component = object({ "@id": string().min(1).optional(), identifiers: record(string(), string()).optional() }).loose();
var product = union([
  string().min(1),
  component.extend({ subcomponents: array(union([string().min(1), component])).optional() })
]);
var statement = object({
  vulnerability: union([
    string().min(1),
    object({
      name: string().min(1).optional(),
      "@id": string().optional(),
      aliases: array(string()).optional()
    }).loose()
  ]),
  products: array(product).optional(),
  subcomponents: array(union([string().min(1), component])).optional(),
  status: _enum(STATUSES),
  justification: _enum(JUSTIFICATIONS).optional(),
  impact_statement: string().optional(),
  action_statement: string().optional(),
  status_notes: string().optional(),
  timestamp: string().optional()
}).loose().refine(
  (s) => s.status !== "not_affected" || s.justification !== void 0 || s.impact_statement !== void 0,
  {
    message: "a not_affected statement needs a justification or an impact_statement"
  }
);
var documentSchema = object({
  "@context": string().regex(/openvex/, "not an OpenVEX context"),
  "@id": string().optional(),
  author: string().optional(),
  timestamp: string().optional(),
  statements: array(statement)
}).loose();
function parseVex(text, source) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ShipgateError("INPUT", `${source}: not valid JSON (${e.message})`, {
      hint: "pass an OpenVEX JSON document to --vex"
    });
  }
  const r = documentSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue.path.length ? issue.path.join(".") : "document";
    throw new ShipgateError(
      "CONFIG_INVALID",
      `${source}: not a valid OpenVEX document: ${where}: ${issue.message}`,
      {
        hint: "see https://github.com/openvex/spec for the format"
      }
    );
  }
  return { ...r.data, source };
}
function loadVexDocuments(paths) {
  return paths.map((p) => {
    let text;
    try {
      text = readFileSync(p, "utf8");
    } catch (e) {
      throw toShipgateError(e);
    }
    return parseVex(text, p);
  });
}
function parsePurl(s) {
  try {
    const p = import_packageurl_js.PackageURL.fromString(s);
    const out = {
      type: p.type.toLowerCase(),
      name: p.name,
      qualifiers: { ...p.qualifiers ?? {} }
    };
    if (p.namespace) out.namespace = p.namespace;
    if (p.version) out.version = p.version;
    return out;
  } catch {
    return void 0;
  }
}
function purlMatches(statementPurl, packagePurl) {
  if (!packagePurl) return false;
  const s = parsePurl(statementPurl);
  const p = parsePurl(packagePurl);
  if (!s || !p) return false;
  if (s.type !== p.type || s.name !== p.name || (s.namespace ?? "") !== (p.namespace ?? "")) return false;
  if (s.version !== void 0 && s.version !== p.version) return false;
  return Object.entries(s.qualifiers).every(([k, v]) => p.qualifiers[k] === v);
}
function imageMatches(purl, ctx) {
  if (purl.version && ctx.imageDigest) return purl.version === ctx.imageDigest;
  if (ctx.imageName) {
    const repo = ctx.imageName.replace(/[@:][^/]*$/, "");
    const last = repo.split("/").pop();
    if (purl.name !== last) return false;
  }
  return true;
}
function refId(x) {
  return typeof x === "string" ? x : x["@id"];
}
function productApplies(st, finding, ctx) {
  const pkgPurl = finding.vulnerability?.purl;
  const subsMatch = (subs) => !subs?.length || subs.some((s) => {
    const id = refId(s);
    return !!id && purlMatches(id, pkgPurl);
  });
  const products = st.products ?? [];
  if (!products.length) return false;
  return products.some((p) => {
    const id = refId(p);
    if (!id) return false;
    const subs = typeof p === "string" ? st.subcomponents : p.subcomponents ?? st.subcomponents;
    const parsed2 = parsePurl(id);
    if (parsed2?.type === "oci") return imageMatches(parsed2, ctx) && subsMatch(subs);
    return purlMatches(id, pkgPurl) || !!subs?.length && subsMatch(subs);
  });
}
function vulnIds(st) {
  const v = st.vulnerability;
  if (typeof v === "string") return [v];
  return [v.name, v["@id"], ...v.aliases ?? []].filter((x) => !!x);
}
function applyVex(findings, docs, ctx = {}) {
  const statements = docs.flatMap(
    (d, di) => d.statements.map((s, si) => ({
      s,
      d,
      order: di * 1e6 + si,
      time: Date.parse(s.timestamp ?? d.timestamp ?? "")
    }))
  ).sort(
    (a, b) => (Number.isNaN(a.time) ? 0 : a.time) - (Number.isNaN(b.time) ? 0 : b.time) || a.order - b.order
  );
  if (!statements.length) return findings;
  return findings.map((f) => {
    if (f.kind !== "vulnerability" || !f.vulnerability || f.suppressed) return f;
    const ids = /* @__PURE__ */ new Set([f.ruleId, f.vulnerability.id, ...f.vulnerability.aliases]);
    let last;
    for (const x of statements)
      if (vulnIds(x.s).some((i) => ids.has(i)) && productApplies(x.s, f, ctx)) last = x;
    if (!last || last.s.status !== "not_affected" && last.s.status !== "fixed") return f;
    const why = [last.s.justification, last.s.impact_statement].filter(Boolean).join(": ");
    return {
      ...f,
      suppressed: {
        kind: "vex",
        reason: `${last.s.status}${why ? ` (${why})` : ""} per ${last.d["@id"] ?? last.d.source}`
      }
    };
  });
}

// src/vuln/osv/db.ts
var NONE = Object.freeze([]);
var IndexView = class {
  constructor(index) {
    this.index = index;
  }
  index;
  entries = /* @__PURE__ */ new Map();
  records = /* @__PURE__ */ new Map();
  get recordCount() {
    return this.index.recordCount;
  }
  lookup(key) {
    let e = this.entries.get(key);
    if (e) return e;
    const k = this.index.packageSlot(key);
    e = k === void 0 ? NONE : this.index.slotJson(k);
    this.entries.set(key, e);
    return e;
  }
  record(i) {
    let r = this.records.get(i);
    if (r) return r;
    if (!Number.isInteger(i) || i < 0 || i >= this.index.recordCount) return void 0;
    r = this.index.slotJson(i);
    this.records.set(i, r);
    return r;
  }
};
var IndexedVulnDatabase = class {
  constructor(indexes, source) {
    this.source = source;
    for (const [k, v] of indexes) this.views.set(k, new IndexView(v));
  }
  source;
  views = /* @__PURE__ */ new Map();
  ecosystems() {
    return [...this.views.keys()].sort();
  }
  lookup(ecosystem, name) {
    const base = ecosystemBase(ecosystem);
    return this.views.get(base)?.lookup(normalizeName(base, name)) ?? NONE;
  }
  record(ecosystem, index) {
    const r = this.views.get(ecosystemBase(ecosystem))?.record(index);
    if (!r) throw new ShipgateError("INTERNAL", `no record ${index} in ${ecosystem}`);
    return r;
  }
  /** Total records across the loaded archives. */
  recordCount() {
    let n = 0;
    for (const v of this.views.values()) n += v.recordCount;
    return n;
  }
};
var ComposedVulnDatabase = class {
  constructor(parts2, source) {
    this.source = source;
    for (const p of parts2) for (const e of p.ecosystems()) this.byBase.set(e, p);
  }
  source;
  byBase = /* @__PURE__ */ new Map();
  ecosystems() {
    return [...this.byBase.keys()].sort();
  }
  lookup(ecosystem, name) {
    return this.byBase.get(ecosystemBase(ecosystem))?.lookup(ecosystem, name) ?? NONE;
  }
  record(ecosystem, index) {
    const part = this.byBase.get(ecosystemBase(ecosystem));
    if (!part) throw new ShipgateError("INTERNAL", `no record ${index} in ${ecosystem}`);
    return part.record(ecosystem, index);
  }
};

// src/vuln/osv/http.ts
function fetchWithRetry2(url, init = {}, opts = {}) {
  return fetchWithRetry(url, init, {
    timeoutMs: opts.timeoutMs ?? 6e4,
    timeoutCoversBody: true,
    retry: { retries: opts.retries ?? 4, baseMs: opts.backoffMs ?? 500, maxMs: opts.maxWaitMs ?? 3e4 },
    hint: "check the network or proxy, or use cached data with --offline / a local copy with --vuln-db"
  });
}

// src/vuln/osv/types.ts
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function strings(v) {
  return Array.isArray(v) ? v.filter((x) => typeof x === "string") : void 0;
}
function osvShapeError(v) {
  if (!isObject(v)) return "not a JSON object";
  if (typeof v.id !== "string" || v.id === "") return 'missing "id"';
  if (v.affected !== void 0) {
    if (!Array.isArray(v.affected)) return '"affected" is not an array';
    for (const a of v.affected) {
      if (!isObject(a)) return '"affected" entry is not an object';
      if (a.package !== void 0) {
        if (!isObject(a.package) || typeof a.package.ecosystem !== "string" || typeof a.package.name !== "string")
          return '"affected[].package" needs "ecosystem" and "name"';
      }
      if (a.ranges !== void 0) {
        if (!Array.isArray(a.ranges)) return '"affected[].ranges" is not an array';
        for (const r of a.ranges)
          if (!isObject(r) || typeof r.type !== "string" || !Array.isArray(r.events))
            return '"affected[].ranges[]" needs "type" and "events"';
      }
      if (a.versions !== void 0 && !strings(a.versions)) return '"affected[].versions" is not an array';
    }
  }
  return void 0;
}
function parseOsvRecord(text) {
  const v = JSON.parse(text);
  const err = osvShapeError(v);
  if (err) throw new ShipgateError("INTERNAL", err);
  return v;
}

// src/vuln/osv/api.ts
var DEFAULT_OSV_API_URL = "https://api.osv.dev";
async function postJson(url, body, http) {
  const res = await fetchWithRetry2(
    url,
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
    http
  );
  if (!res.ok) {
    const text = (await res.text()).slice(0, 200);
    throw new ShipgateError("VULN_DB", `OSV API ${redactUrl(url)} answered HTTP ${res.status}: ${text}`, {
      hint: "check SHIPGATE_OSV_API_URL"
    });
  }
  return res.json();
}
async function queryBatch(queries, options = {}) {
  const api = (options.apiUrl ?? process.env.SHIPGATE_OSV_API_URL ?? DEFAULT_OSV_API_URL).replace(/\/+$/, "");
  const size = Math.min(1e3, Math.max(1, options.batchSize ?? 1e3));
  const out = queries.map(() => []);
  let pending = queries.map((q, i) => ({ i, q, token: void 0 }));
  while (pending.length) {
    const next2 = [];
    for (let s = 0; s < pending.length; s += size) {
      const chunk = pending.slice(s, s + size);
      const body = {
        queries: chunk.map(({ q, token }) => ({
          package: { ecosystem: q.ecosystem, name: q.name },
          version: q.version,
          ...token ? { page_token: token } : {}
        }))
      };
      const json = await postJson(`${api}/v1/querybatch`, body, options.http);
      const results = json.results;
      if (!Array.isArray(results) || results.length !== chunk.length)
        throw new ShipgateError(
          "VULN_DB",
          `OSV API returned ${results?.length ?? "no"} results for ${chunk.length} queries`
        );
      results.forEach((r, k) => {
        const item = chunk[k];
        for (const v of r.vulns ?? []) if (typeof v.id === "string") out[item.i].push(v.id);
        if (r.next_page_token) next2.push({ ...item, token: r.next_page_token });
      });
    }
    pending = next2;
  }
  return out;
}
async function pool(items, n, fn) {
  const results = new Array(items.length);
  let k = 0;
  const worker = async () => {
    while (k < items.length) {
      const i = k++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return results;
}
async function fetchVuln(id, options = {}) {
  const api = (options.apiUrl ?? process.env.SHIPGATE_OSV_API_URL ?? DEFAULT_OSV_API_URL).replace(/\/+$/, "");
  const url = `${api}/v1/vulns/${encodeURIComponent(id)}`;
  const res = await fetchWithRetry2(url, {}, options.http);
  if (!res.ok) {
    await res.body?.cancel();
    throw new ShipgateError(
      "VULN_DB",
      `OSV API has no record ${id} (HTTP ${res.status} from ${redactUrl(url)})`
    );
  }
  const rec = await res.json();
  const err = osvShapeError(rec);
  if (err) throw new ShipgateError("VULN_DB", `OSV API record ${id} is malformed: ${err}`);
  return rec;
}
async function loadApiDatabase(queries, options = {}) {
  const log = logger();
  const unique = [
    ...new Map(queries.map((q) => [`${q.ecosystem}\0${q.name}\0${q.version}`, q])).values()
  ];
  log.info(`querying the OSV API for ${unique.length} package versions`);
  const ids = [...new Set((await queryBatch(unique, options)).flat())].sort();
  log.info(`OSV API: ${ids.length} vulnerability records to fetch`);
  const records = await pool(ids, options.concurrency ?? 8, (id) => fetchVuln(id, options));
  const builder = new IndexBuilder(new Set(unique.map((q) => ecosystemBase(q.ecosystem))));
  for (const r of records) builder.add(r);
  return new IndexedVulnDatabase(
    builder.compiled(),
    `osv api (${redactUrl(options.apiUrl ?? process.env.SHIPGATE_OSV_API_URL ?? DEFAULT_OSV_API_URL)})`
  );
}

// src/vuln/osv/local.ts
import { closeSync, openSync, readdirSync, readFileSync as readFileSync2, statSync } from "node:fs";
import { join } from "node:path";

// src/vuln/osv/zip.ts
import { fstatSync, readSync } from "node:fs";
import { crc32 as crc322, inflateRawSync } from "node:zlib";
var EOCD = 101010256;
var EOCD64 = 101075792;
var EOCD64_LOCATOR = 117853008;
var CENTRAL = 33639248;
var LOCAL = 67324752;
function zipError(message) {
  const e = new ShipgateError("VULN_DB", message, {
    hint: "download the archive again or remove the cached copy"
  });
  zipErrors.add(e);
  return e;
}
var zipErrors = /* @__PURE__ */ new WeakSet();
function isZipError(e) {
  return e instanceof Error && zipErrors.has(e);
}
function u64(view, off) {
  const lo = view.getUint32(off, true);
  const hi = view.getUint32(off + 4, true);
  return hi * 2 ** 32 + lo;
}
var WINDOW = 1 << 20;
function fileSource(fd) {
  const window = Buffer.allocUnsafe(WINDOW);
  let from = 0;
  let to = 0;
  return {
    size: fstatSync(fd).size,
    read(o, n) {
      if (o >= from && o + n <= to) return window.subarray(o - from, o - from + n);
      if (n > WINDOW) {
        const out = Buffer.allocUnsafe(n);
        return out.subarray(0, readSync(fd, out, 0, n, o));
      }
      from = o;
      to = o + readSync(fd, window, 0, WINDOW, o);
      return window.subarray(0, Math.min(n, to - from));
    }
  };
}
function viewOf(b) {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}
function listZip(src) {
  const tailLen = Math.min(src.size, 22 + 65535 + 20);
  const tailStart = src.size - tailLen;
  const tail = src.read(tailStart, tailLen);
  const tv = viewOf(tail);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tv.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw zipError("no end of central directory (truncated or not a zip)");
  let count = tv.getUint16(eocd + 10, true);
  let cdSize = tv.getUint32(eocd + 12, true);
  let cdOffset = tv.getUint32(eocd + 16, true);
  if (count === 65535 || cdOffset === 4294967295 || cdSize === 4294967295) {
    const loc = eocd - 20;
    if (loc < 0 || tv.getUint32(loc, true) !== EOCD64_LOCATOR) throw zipError("missing Zip64 locator");
    const e64 = u64(tv, loc + 8);
    const rec = src.read(e64, 56);
    const rv = viewOf(rec);
    if (rec.length < 56 || rv.getUint32(0, true) !== EOCD64) throw zipError("bad Zip64 end record");
    count = u64(rv, 32);
    cdSize = u64(rv, 40);
    cdOffset = u64(rv, 48);
  }
  if (cdOffset + cdSize > src.size) throw zipError("central directory outside the file (truncated)");
  const cd = src.read(cdOffset, cdSize);
  const view = viewOf(cd);
  const entries = [];
  const decoder2 = new TextDecoder();
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || view.getUint32(p, true) !== CENTRAL)
      throw zipError("corrupt central directory");
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    const name = decoder2.decode(cd.subarray(p + 46, p + 46 + nameLen));
    let x = p + 46 + nameLen;
    const extraEnd = x + extraLen;
    while (x + 4 <= extraEnd) {
      const id = view.getUint16(x, true);
      const len = view.getUint16(x + 2, true);
      if (id === 1) {
        let q = x + 4;
        if (size === 4294967295) {
          size = u64(view, q);
          q += 8;
        }
        if (compressedSize === 4294967295) {
          compressedSize = u64(view, q);
          q += 8;
        }
        if (localOffset === 4294967295) localOffset = u64(view, q);
      }
      x += 4 + len;
    }
    entries.push({ name, method, crc, compressedSize, size, localOffset });
    p = extraEnd + commentLen;
  }
  return entries;
}
function readZipEntry(src, e) {
  const head = src.read(e.localOffset, 30);
  const hv = viewOf(head);
  if (head.length < 30 || hv.getUint32(0, true) !== LOCAL) throw zipError(`${e.name}: bad local header`);
  const start = e.localOffset + 30 + hv.getUint16(26, true) + hv.getUint16(28, true);
  if (start + e.compressedSize > src.size) throw zipError(`${e.name}: data past the end (truncated)`);
  const raw = src.read(start, e.compressedSize);
  let data;
  if (e.method === 0) data = Buffer.from(raw);
  else if (e.method === 8) {
    try {
      data = inflateRawSync(raw, {
        maxOutputLength: Math.max(1, e.size),
        chunkSize: Math.min(Math.max(64, e.size + 1), WINDOW)
      });
    } catch (err) {
      throw zipError(`${e.name}: ${err.message}`);
    }
  } else throw zipError(`${e.name}: unsupported compression method ${e.method}`);
  if (data.length !== e.size) throw zipError(`${e.name}: size mismatch`);
  if (crc322(data) !== e.crc) throw zipError(`${e.name}: CRC mismatch`);
  return data;
}
function* zipFiles(src) {
  for (const e of listZip(src)) {
    if (e.name.endsWith("/")) continue;
    yield { name: e.name, data: readZipEntry(src, e) };
  }
}

// src/vuln/osv/local.ts
var decoder = new TextDecoder();
function* jsonFiles(dir) {
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, ent.name);
    if (ent.isDirectory()) yield* jsonFiles(p);
    else if (ent.isFile() && ent.name.endsWith(".json")) yield p;
  }
}
function addRecord(builder, text, where) {
  try {
    builder.add(parseOsvRecord(text));
  } catch (e) {
    throw new ShipgateError("VULN_DB", `${where}: not an OSV record (${e.message})`, {
      hint: "the vulnerability data must be OSV JSON files (https://ossf.github.io/osv-schema/)"
    });
  }
}
function addZip(builder, src, label) {
  let n = 0;
  try {
    for (const f of zipFiles(src)) {
      if (!f.name.endsWith(".json")) continue;
      addRecord(builder, decoder.decode(f.data), `${label}:${f.name}`);
      n++;
    }
  } catch (e) {
    if (isZipError(e))
      throw new ShipgateError("VULN_DB", `${label}: corrupt zip archive (${e.message})`, {
        hint: "download the archive again or remove the cached copy"
      });
    throw e;
  }
  return n;
}
function addZipFile(builder, path, label) {
  const fd = openSync(path, "r");
  try {
    return addZip(builder, fileSource(fd), label);
  } finally {
    closeSync(fd);
  }
}
function loadLocalDatabase(path, ecosystems) {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new ShipgateError("VULN_DB", `vulnerability data not found: ${path}`, {
      hint: "pass a directory or .zip of OSV JSON files to --vuln-db"
    });
  }
  const builder = new IndexBuilder(ecosystems ? new Set(ecosystems) : void 0);
  let count = 0;
  if (st.isDirectory()) {
    for (const f of jsonFiles(path)) {
      addRecord(builder, readFileSync2(f, "utf8"), f);
      count++;
    }
  } else {
    count = addZipFile(builder, path, path);
  }
  logger().info(`vulnerability data: ${count} OSV records from ${path}`);
  return new IndexedVulnDatabase(builder.compiled(), `osv files (${path})`);
}

// src/vuln/osv/remote.ts
import {
  closeSync as closeSync2,
  createWriteStream,
  existsSync,
  fstatSync as fstatSync2,
  mkdirSync,
  openSync as openSync2,
  readFileSync as readFileSync3,
  readSync as readSync2,
  renameSync,
  rmSync,
  statSync as statSync2,
  writeFileSync,
  writeSync
} from "node:fs";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { join as join2 } from "node:path";
import { crc32 as crc323 } from "node:zlib";

// src/vuln/osv/incremental.ts
var MAX_INCREMENTAL_RECORDS = 2e3;
var FETCH_CONCURRENCY = 8;
var LINE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z),([A-Za-z0-9][A-Za-z0-9._:-]*)$/;
function listingUrl(baseUrl, ecosystem) {
  return `${baseUrl.replace(/\/+$/, "")}/${encodeURIComponent(ecosystem)}/modified_id.csv`;
}
function recordUrl(baseUrl, ecosystem, id) {
  return `${baseUrl.replace(/\/+$/, "")}/${encodeURIComponent(ecosystem)}/${encodeURIComponent(id)}.json`;
}
var UNCHANGED = "unchanged";
async function changesSince(url, since, http, etag, known = /* @__PURE__ */ new Set()) {
  const log = logger();
  const sinceMs = Date.parse(since);
  const res = await fetchWithRetry2(url, etag ? { headers: { "If-None-Match": etag } } : {}, {
    timeoutMs: 12e4,
    ...http
  });
  if (res.status === 304 && etag) {
    await res.body?.cancel();
    return UNCHANGED;
  }
  const listingEtag = res.headers.get("etag") ?? void 0;
  if (res.status !== 200 || !res.body) {
    await res.body?.cancel();
    log.info(`no change listing at ${redactUrl(url)} (HTTP ${res.status}): refreshing the whole archive`);
    return void 0;
  }
  const ids = [];
  const seen = /* @__PURE__ */ new Set();
  let newest;
  const newestIds = [];
  let previous = Infinity;
  let rest = "";
  const decoder2 = new TextDecoder();
  const reader = res.body.getReader();
  const untrusted = async (why) => {
    await reader.cancel();
    log.warn(`OSV change listing ${redactUrl(url)} ${why}: refreshing the whole archive`);
    return void 0;
  };
  for (; ; ) {
    const { done, value } = await reader.read();
    rest += done ? decoder2.decode() : decoder2.decode(value, { stream: true });
    const lines = rest.split("\n");
    rest = done ? "" : lines.pop();
    for (const raw of lines) {
      const line = raw.trim();
      if (line === "") continue;
      const m = LINE.exec(line);
      if (!m) return untrusted(`has a malformed line "${line.slice(0, 80)}"`);
      const at = Date.parse(m[1]);
      if (Number.isNaN(at)) return untrusted(`has an invalid time "${m[1]}"`);
      if (at > previous) return untrusted("is not sorted newest first");
      previous = at;
      newest ??= m[1];
      if (at < sinceMs) {
        await reader.cancel();
        return { ids, newest, newestIds, ...listingEtag ? { etag: listingEtag } : {} };
      }
      if (at === Date.parse(newest)) newestIds.push(m[2]);
      if (at === sinceMs && known.has(m[2])) continue;
      if (!seen.has(m[2])) {
        seen.add(m[2]);
        ids.push(m[2]);
        if (ids.length > MAX_INCREMENTAL_RECORDS) {
          await reader.cancel();
          log.info(`more than ${MAX_INCREMENTAL_RECORDS} OSV records changed: refreshing the whole archive`);
          return void 0;
        }
      }
    }
    if (done) break;
  }
  return untrusted(newest === void 0 ? "is empty" : "does not reach back to the cached data");
}
async function fetchRecords(baseUrl, ecosystem, ids, http) {
  const log = logger();
  const progress = log.progress(`fetching ${ids.length} changed OSV ${ecosystem} records`, {
    total: ids.length,
    unit: "items"
  });
  const records = await mapConcurrent(ids, FETCH_CONCURRENCY, async (id) => {
    const url = recordUrl(baseUrl, ecosystem, id);
    const res = await fetchWithRetry2(url, {}, { timeoutMs: 6e4, ...http });
    if (res.status !== 200) {
      await res.body?.cancel();
      log.warn(`OSV record ${id}: HTTP ${res.status} from ${redactUrl(url)}; refreshing the whole archive`);
      return void 0;
    }
    let record2;
    try {
      record2 = parseOsvRecord(await res.text());
    } catch (e) {
      log.warn(`OSV record ${id} is not valid (${e.message}); refreshing the whole archive`);
      return void 0;
    }
    progress.add(1);
    if (record2.id !== id) {
      log.warn(`OSV record ${id} names itself ${record2.id}; refreshing the whole archive`);
      return void 0;
    }
    return record2;
  });
  progress.done();
  return records.every((r) => r !== void 0) ? records : void 0;
}
var ID_PREFIX = Buffer.from('{"id":"');
function recordId(slot) {
  if (slot.subarray(0, ID_PREFIX.length).equals(ID_PREFIX)) {
    const end = slot.indexOf(34, ID_PREFIX.length);
    if (end > 0 && !slot.subarray(ID_PREFIX.length, end).includes(92))
      return slot.toString("utf8", ID_PREFIX.length, end);
  }
  return JSON.parse(slot.toString("utf8")).id;
}
function applyChanges(cached, changed) {
  const base = cached.header.ecosystem;
  const replaced = new Set(changed.map((r) => r.id));
  const writer = new IndexWriter(base, (/* @__PURE__ */ new Date()).toISOString());
  const renumber = new Int32Array(cached.recordCount);
  for (let i = 0; i < cached.recordCount; i++) {
    const slot = cached.slotBytes(i);
    renumber[i] = replaced.has(recordId(slot)) ? -1 : writer.addRecord(slot);
  }
  for (const r of changed) if (!r.withdrawn) addToIndex(writer, r, affectedIn(r, base));
  const added = [...writer.sortedPackages()];
  return writer.finish(merge(keptPackages(cached, renumber), added));
}
function* keptPackages(cached, renumber) {
  for (let j = 0; j < cached.packageCount; j++) {
    const slot = cached.recordCount + j;
    const text = cached.slotBytes(slot).toString("utf8");
    const entries = JSON.parse(text);
    let same = true;
    const kept = [];
    for (const e of entries) {
      if (!(Number.isInteger(e.r) && e.r >= 0 && e.r < renumber.length))
        throw new ShipgateError(
          "VULN_DB",
          `the cached OSV ${cached.header.ecosystem} index is inconsistent`,
          {
            hint: "remove the cache directory (SHIPGATE_CACHE_DIR) to download the data again"
          }
        );
      const r = renumber[e.r];
      if (r !== e.r) same = false;
      if (r >= 0) kept.push(r === e.r ? e : { ...e, r });
    }
    if (kept.length === 0) continue;
    yield [cached.packageKeyAt(j), same ? text.slice(1, -1) : JSON.stringify(kept).slice(1, -1)];
  }
}
function* merge(a, b) {
  let i = 0;
  for (const [key, entries] of a) {
    while (i < b.length && b[i][0] < key) yield b[i++];
    if (i < b.length && b[i][0] === key) yield [key, `${entries},${b[i++][1]}`];
    else yield [key, entries];
  }
  while (i < b.length) yield b[i++];
}

// src/vuln/osv/remote.ts
var ECOSYSTEM_CONCURRENCY = 3;
var DEFAULT_OSV_URL = "https://osv-vulnerabilities.storage.googleapis.com";
var DEFAULT_MAX_AGE_MS = 12 * 60 * 60 * 1e3;
var FULL_REFRESH_MS = 7 * 24 * 60 * 60 * 1e3;
function defaultCacheDir(env = process.env) {
  return shipgateCacheDir("osv", env);
}
function archiveUrl(baseUrl, ecosystem) {
  return `${baseUrl.replace(/\/+$/, "")}/${encodeURIComponent(ecosystem)}/all.zip`;
}
function fileBaseName(ecosystem) {
  return ecosystem.replace(/[^A-Za-z0-9._-]/g, "_");
}
function cachePaths(cacheDir, ecosystem) {
  const b = fileBaseName(ecosystem);
  return {
    index: join2(cacheDir, `${b}.index`),
    meta: join2(cacheDir, `${b}.meta.json`),
    legacy: [join2(cacheDir, `${b}.index.json`), join2(cacheDir, `${b}.data`)]
  };
}
function writeAtomic(path, data) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}
function readJson(path) {
  try {
    return JSON.parse(readFileSync3(path, "utf8"));
  } catch {
    return void 0;
  }
}
var closeWhenCollected = new FinalizationRegistry((fd) => {
  try {
    closeSync2(fd);
  } catch {
  }
});
var HEADER_MAX = 64 * 1024;
var READ_WINDOW = 64 * 1024;
var CHECK_CHUNK = 1 << 20;
function readAt(fd, buf, position) {
  let got = 0;
  while (got < buf.length) {
    const n = readSync2(fd, buf, got, buf.length - got, position + got);
    if (n <= 0) break;
    got += n;
  }
  return got;
}
function fileReader(fd, base) {
  const window = Buffer.allocUnsafe(READ_WINDOW);
  let from = 0;
  let to = 0;
  return (offset, length) => {
    if (offset >= from && offset + length <= to)
      return window.subarray(offset - from, offset - from + length);
    if (length > READ_WINDOW) {
      const out = Buffer.allocUnsafe(length);
      return out.subarray(0, readAt(fd, out, base + offset));
    }
    from = offset;
    to = offset + readAt(fd, window, base + offset);
    return window.subarray(0, Math.min(length, to - from));
  };
}
function openIndexFile(path, ecosystem) {
  let fd;
  try {
    fd = openSync2(path, "r");
  } catch {
    return void 0;
  }
  let index;
  try {
    const fileSize = fstatSync2(fd).size;
    const head = Buffer.allocUnsafe(Math.min(HEADER_MAX, fileSize));
    const nl = head.subarray(0, readAt(fd, head, 0)).indexOf(10);
    const header = nl < 0 ? void 0 : asHeader(JSON.parse(head.toString("utf8", 0, nl)));
    if (header && header.ecosystem === ecosystem && fileSize === nl + 1 + header.size) {
      const chunk = Buffer.allocUnsafe(CHECK_CHUNK);
      let crc = 0;
      let o = 0;
      while (o < header.size) {
        const n = readAt(fd, chunk.subarray(0, Math.min(CHECK_CHUNK, header.size - o)), nl + 1 + o);
        if (n === 0) break;
        crc = crc323(chunk.subarray(0, n), crc);
        o += n;
      }
      if (o === header.size && crc === header.crc) index = CompiledIndex.open(header, fileReader(fd, nl + 1));
    }
  } catch {
    index = void 0;
  }
  if (!index) {
    closeSync2(fd);
    return void 0;
  }
  closeWhenCollected.register(index, fd);
  return index;
}
function writeCachedIndex(paths, built) {
  const tmp = `${paths.index}.${process.pid}.tmp`;
  try {
    const fd = openSync2(tmp, "w");
    try {
      const parts2 = [Buffer.from(`${JSON.stringify(built.header)}
`), ...built.parts];
      for (const part of parts2) for (let o = 0; o < part.length; ) o += writeSync(fd, part, o);
    } finally {
      closeSync2(fd);
    }
    renameSync(tmp, paths.index);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new ShipgateError("VULN_DB", `cannot write the OSV index ${paths.index}: ${e.message}`, {
      hint: "check that the cache directory is writable and has space (SHIPGATE_CACHE_DIR)"
    });
  }
  for (const old of paths.legacy) rmSync(old, { force: true });
  const index = openIndexFile(paths.index, built.header.ecosystem);
  if (!index)
    throw new ShipgateError("VULN_DB", `the OSV index ${paths.index} did not read back as written`, {
      hint: "check the cache directory (SHIPGATE_CACHE_DIR) and its disk"
    });
  return index;
}
function usableMeta(paths, url) {
  const meta = readJson(paths.meta);
  return meta && meta.format === INDEX_FORMAT && meta.url === url ? meta : void 0;
}
function baseUrlOf(options) {
  return options.baseUrl ?? process.env.SHIPGATE_OSV_URL ?? DEFAULT_OSV_URL;
}
async function loadOne(ecosystem, opts) {
  const log = logger();
  const url = archiveUrl(opts.baseUrl, ecosystem);
  const paths = cachePaths(opts.cacheDir, ecosystem);
  const now = opts.now?.() ?? Date.now();
  const meta = usableMeta(paths, url);
  const cached = meta ? openIndexFile(paths.index, ecosystem) : void 0;
  const age2 = cached && meta ? now - Date.parse(meta.checkedAt) : Infinity;
  const staleCopy = (e) => {
    if (!cached || !meta || !isShipgateError(e)) return void 0;
    log.warn(
      `could not refresh OSV ${ecosystem} data (${e.message}); using the cached copy from ${meta.checkedAt}`
    );
    return { index: cached, meta, from: "stale cache" };
  };
  if (cached && meta && age2 < opts.maxAgeMs) return { index: cached, meta, from: "cache" };
  if (opts.offline) {
    if (cached && meta) {
      log.warn(`OSV ${ecosystem} data is ${Math.round(age2 / 36e5)} h old (offline: not refreshed)`);
      return { index: cached, meta, from: "stale cache" };
    }
    throw new ShipgateError("VULN_DB", `no cached OSV data for ${ecosystem} in ${opts.cacheDir} (offline)`, {
      hint: "run once with network access to fill the cache, or pass OSV files with --vuln-db"
    });
  }
  if (cached && meta?.modifiedThrough && meta.fullAt && now - Date.parse(meta.fullAt) < FULL_REFRESH_MS) {
    try {
      const updated = await refreshIncrementally(ecosystem, cached, meta, meta.modifiedThrough, opts, now);
      if (updated) return updated;
    } catch (e) {
      const stale = staleCopy(e);
      if (stale) return stale;
      throw e;
    }
  }
  const headers = {};
  if (cached && meta?.etag) headers["If-None-Match"] = meta.etag;
  if (cached && meta?.lastModified) headers["If-Modified-Since"] = meta.lastModified;
  let res;
  try {
    log.info(`${cached ? "refreshing" : "downloading"} OSV ${ecosystem} data from ${redactUrl(url)}`);
    res = await fetchWithRetry2(url, { headers }, { timeoutMs: 3e5, ...opts.http });
  } catch (e) {
    const stale = staleCopy(e);
    if (stale) return stale;
    throw e;
  }
  if (res.status === 304 && cached && meta) {
    await res.body?.cancel();
    const fresh2 = { ...meta, checkedAt: new Date(now).toISOString() };
    writeAtomic(paths.meta, JSON.stringify(fresh2));
    log.info(`OSV ${ecosystem} data unchanged since ${meta.lastModified ?? meta.checkedAt}`);
    return { index: cached, meta: fresh2, from: "cache" };
  }
  if (res.status !== 200) {
    await res.body?.cancel();
    if (cached && meta) {
      log.warn(
        `OSV ${ecosystem} archive answered HTTP ${res.status}; using the cached copy from ${meta.checkedAt}`
      );
      return { index: cached, meta, from: "stale cache" };
    }
    throw new ShipgateError(
      "VULN_DB",
      `cannot get OSV ${ecosystem} data: HTTP ${res.status} from ${redactUrl(url)}`,
      {
        hint: res.status === 404 ? "the mirror must use the OSV bucket layout <base>/<ecosystem>/all.zip (check SHIPGATE_OSV_URL)" : "try again later, or use --vuln-db with a local copy"
      }
    );
  }
  mkdirSync(opts.cacheDir, { recursive: true });
  const tmpZip = join2(opts.cacheDir, `${fileBaseName(ecosystem)}.${process.pid}.zip.tmp`);
  let count;
  let bytes;
  const builder = new IndexBuilder(/* @__PURE__ */ new Set([ecosystem]));
  try {
    if (!res.body) throw new ShipgateError("NETWORK", `${redactUrl(url)}: empty response`);
    const length = Number(res.headers.get("content-length"));
    const progress = log.progress(`downloading OSV ${ecosystem} data`, {
      ...Number.isFinite(length) && length > 0 ? { total: length } : {}
    });
    try {
      await pipeline(
        Readable.fromWeb(res.body),
        new Transform({
          transform(chunk, _enc, done) {
            progress.add(chunk.length);
            done(null, chunk);
          }
        }),
        createWriteStream(tmpZip)
      );
      progress.done();
    } catch (e) {
      throw new ShipgateError(
        "NETWORK",
        `${redactUrl(url)}: download interrupted (${e.message})`,
        {
          hint: "try again; a cached copy is used when one exists"
        }
      );
    }
    bytes = statSync2(tmpZip).size;
    count = addZipFile(builder, tmpZip, redactUrl(url));
  } catch (e) {
    const stale = staleCopy(e);
    if (stale) return stale;
    throw e;
  } finally {
    rmSync(tmpZip, { force: true });
  }
  const index = writeCachedIndex(paths, builder.result().get(ecosystem));
  const fresh = {
    format: INDEX_FORMAT,
    url,
    checkedAt: new Date(now).toISOString(),
    records: index.recordCount,
    fullAt: new Date(now).toISOString()
  };
  if (builder.newestModified) {
    fresh.modifiedThrough = builder.newestModified;
    fresh.newestIds = [...builder.newestIds].sort();
  }
  const etag = res.headers.get("etag");
  const lm = res.headers.get("last-modified");
  if (etag) fresh.etag = etag;
  if (lm) fresh.lastModified = lm;
  writeAtomic(paths.meta, JSON.stringify(fresh));
  log.info(
    `OSV ${ecosystem}: ${count} records (${index.recordCount} with package ranges), ${(bytes / 1e6).toFixed(1)} MB`
  );
  return { index, meta: fresh, from: "download" };
}
async function refreshIncrementally(ecosystem, cached, meta, since, opts, now) {
  const log = logger();
  const paths = cachePaths(opts.cacheDir, ecosystem);
  const changes = await changesSince(
    listingUrl(opts.baseUrl, ecosystem),
    since,
    opts.http,
    meta.listingEtag,
    new Set(meta.newestIds ?? [])
  );
  if (changes === UNCHANGED) {
    const fresh2 = { ...meta, checkedAt: new Date(now).toISOString() };
    writeAtomic(paths.meta, JSON.stringify(fresh2));
    log.info(`OSV ${ecosystem} data unchanged since ${meta.modifiedThrough ?? meta.checkedAt}`);
    return { index: cached, meta: fresh2, from: "cache" };
  }
  if (!changes) return void 0;
  const records = changes.ids.length ? await fetchRecords(opts.baseUrl, ecosystem, changes.ids, opts.http) : [];
  if (!records) return void 0;
  const index = writeCachedIndex(paths, applyChanges(cached, records));
  const { listingEtag: _previous, ...rest } = meta;
  const fresh = {
    ...rest,
    checkedAt: new Date(now).toISOString(),
    records: index.recordCount,
    modifiedThrough: changes.newest,
    newestIds: [...new Set(changes.newestIds)].sort(),
    ...changes.etag ? { listingEtag: changes.etag } : {}
  };
  writeAtomic(paths.meta, JSON.stringify(fresh));
  const withdrawn = records.filter((r) => r.withdrawn).length;
  log.info(
    `OSV ${ecosystem}: ${records.length} record${records.length === 1 ? "" : "s"} changed since ${since}${withdrawn ? ` (${withdrawn} withdrawn)` : ""}; ${index.recordCount} records`
  );
  return { index, meta: fresh, from: "download" };
}
function cachedIndexAge(ecosystem, options = {}) {
  const paths = cachePaths(options.cacheDir ?? defaultCacheDir(), ecosystem);
  const meta = usableMeta(paths, archiveUrl(baseUrlOf(options), ecosystem));
  if (!meta) return void 0;
  if (!existsSync(paths.index)) return void 0;
  const at = Date.parse(meta.checkedAt);
  if (Number.isNaN(at)) return void 0;
  return Math.max(0, (options.now?.() ?? Date.now()) - at);
}
async function loadRemoteDatabase(ecosystems, options = {}) {
  const opts = {
    ...options,
    baseUrl: baseUrlOf(options),
    cacheDir: options.cacheDir ?? defaultCacheDir(),
    maxAgeMs: options.maxAgeMs ?? DEFAULT_MAX_AGE_MS
  };
  const indexes = /* @__PURE__ */ new Map();
  const froms = /* @__PURE__ */ new Set();
  const names = [...new Set(ecosystems)].sort();
  const loaded = await mapConcurrent(names, ECOSYSTEM_CONCURRENCY, (eco) => loadOne(eco, opts));
  names.forEach((eco, i) => {
    indexes.set(eco, loaded[i].index);
    froms.add(loaded[i].from);
  });
  return new IndexedVulnDatabase(
    indexes,
    `osv database (${[...froms].join(", ") || "empty"}; ${opts.cacheDir})`
  );
}

// src/vuln/osv/source.ts
var ARCHIVE_BYTES = {
  Debian: 47e6,
  npm: 98e6,
  Ubuntu: 5e7,
  PyPI: 16e6,
  Maven: 1e7,
  Go: 5e6,
  Alpine: 6e6,
  "Red Hat": 4e7,
  AlmaLinux: 5e6,
  "Rocky Linux": 5e6,
  SUSE: 5e7,
  openSUSE: 3e7,
  Packagist: 5e6,
  "crates.io": 2e6,
  RubyGems: 2e6,
  NuGet: 2e6
};
var DEFAULT_ARCHIVE_BYTES = 2e7;
var NOMINAL_NETWORK = { bytesPerSecond: 5e7, roundTripMs: 30 };
var DISTRO_HITS = 7;
var HITS_PER_PACKAGE = {
  Debian: DISTRO_HITS,
  Ubuntu: DISTRO_HITS,
  Alpine: DISTRO_HITS,
  "Red Hat": DISTRO_HITS,
  AlmaLinux: DISTRO_HITS,
  "Rocky Linux": DISTRO_HITS,
  SUSE: DISTRO_HITS,
  openSUSE: DISTRO_HITS
};
var DEFAULT_HITS_PER_PACKAGE = 0.2;
var API_COST = {
  batchSize: 1e3,
  recordBytes: 3e3,
  queryBytes: 100,
  resultBytes: 80,
  /** Record fetches in flight (api.ts). */
  concurrency: 8
};
function estimate(bytes, roundTrips, net) {
  return { bytes, roundTrips, ms: roundTrips * net.roundTripMs + bytes / net.bytesPerSecond * 1e3 };
}
function archiveCost(ecosystem, net = NOMINAL_NETWORK) {
  return estimate(ARCHIVE_BYTES[ecosystem] ?? DEFAULT_ARCHIVE_BYTES, 1, net);
}
function apiCost(ecosystem, packages, net = NOMINAL_NETWORK) {
  const hits = Math.ceil(packages * (HITS_PER_PACKAGE[ecosystem] ?? DEFAULT_HITS_PER_PACKAGE));
  const batches = Math.ceil(packages / API_COST.batchSize);
  const bytes = packages * API_COST.queryBytes + hits * API_COST.resultBytes + hits * API_COST.recordBytes;
  return estimate(bytes, batches + Math.ceil(hits / API_COST.concurrency), net);
}
function chooseSources(needs2, net = NOMINAL_NETWORK) {
  return needs2.map((n) => {
    const archive = archiveCost(n.ecosystem, net);
    const api = apiCost(n.ecosystem, n.packages, net);
    const source = n.cachedAgeMs !== void 0 || n.packages === 0 || archive.ms <= api.ms ? "archive" : "api";
    return { ...n, source, archive, api };
  });
}
function age(ms) {
  const h = ms / 36e5;
  if (h < 1) return `${Math.max(0, Math.round(ms / 6e4))} min`;
  if (h < 48) return `${Math.round(h)} h`;
  return `${Math.round(h / 24)} days`;
}
var mb = (bytes) => `${Math.round(bytes / 1e6)} MB`;
function describeChoices(choices) {
  const parts2 = choices.map((c) => {
    const pk = `${c.packages} package${c.packages === 1 ? "" : "s"}`;
    if (c.cachedAgeMs !== void 0) return `archive for ${c.ecosystem} (cached ${age(c.cachedAgeMs)} ago)`;
    if (c.source === "api")
      return `API for ${c.ecosystem} (${pk}, no cache; archive ~${mb(c.archive.bytes)})`;
    return `archive for ${c.ecosystem} (${pk}, no cache; API ~${c.api.roundTrips} round trips)`;
  });
  return `OSV data: ${parts2.join(", ")}`;
}

// src/vuln/osv/open.ts
function apiQueries(packages, os) {
  const out = [];
  for (const p of packages) {
    const t = targetFor(p, os);
    if (!t) continue;
    for (const eco of t.queryEcosystems) out.push({ ecosystem: eco, name: t.name, version: t.version });
  }
  return out;
}
function modeFromEnv(env = process.env) {
  const v = env.SHIPGATE_OSV_MODE?.trim().toLowerCase();
  if (!v) return void 0;
  if (v === "auto" || v === "database" || v === "api") return v;
  throw new ShipgateError("USAGE", `invalid SHIPGATE_OSV_MODE "${env.SHIPGATE_OSV_MODE}"`, {
    hint: "use auto, database or api"
  });
}
function maxAgeFromEnv(env = process.env) {
  const v = env.SHIPGATE_OSV_MAX_AGE?.trim();
  if (!v) return void 0;
  const h = Number(v);
  if (!Number.isFinite(h) || h < 0)
    throw new ShipgateError("USAGE", `invalid SHIPGATE_OSV_MAX_AGE "${v}"`, {
      hint: "give the age in hours, e.g. 24"
    });
  return h * 36e5;
}
function needs(queries, ecosystems, remote) {
  const keys = new Map(ecosystems.map((e) => [e, /* @__PURE__ */ new Set()]));
  for (const q of queries)
    keys.get(ecosystemBase(q.ecosystem))?.add(`${q.ecosystem}\0${q.name}\0${q.version}`);
  return ecosystems.map((e) => {
    const cachedAgeMs = cachedIndexAge(e, remote);
    return {
      ecosystem: e,
      packages: keys.get(e).size,
      ...cachedAgeMs === void 0 ? {} : { cachedAgeMs }
    };
  });
}
function apiAllowed(options, env = process.env) {
  if (options.apiUrl ?? env.SHIPGATE_OSV_API_URL) return true;
  return !(options.baseUrl ?? env.SHIPGATE_OSV_URL);
}
async function openVulnDatabase(packages, os, options = {}) {
  const ecosystems = neededEcosystems(packages, os);
  if (options.path) return loadLocalDatabase(options.path, ecosystems);
  const mode = options.mode ?? modeFromEnv() ?? "auto";
  const maxAgeMs = options.maxAgeMs ?? maxAgeFromEnv();
  const remote = maxAgeMs === void 0 ? options : { ...options, maxAgeMs };
  const queries = apiQueries(packages, os);
  const queriesFor = (ecos) => queries.filter((q) => ecos.includes(ecosystemBase(q.ecosystem)));
  const api = (qs = queries) => {
    if (options.offline)
      throw new ShipgateError("USAGE", "the OSV API mode needs network access but --offline was given");
    return loadApiDatabase(qs, options);
  };
  if (mode === "api") return api();
  const archives = async (ecos) => {
    try {
      return await loadRemoteDatabase(ecos, remote);
    } catch (e) {
      if (mode === "database" || options.offline || !isShipgateError(e)) throw e;
      logger().warn(`OSV database unavailable (${e.message}); falling back to the OSV API`);
      return api(queriesFor(ecos));
    }
  };
  if (mode === "database" || options.offline || !apiAllowed(options) || ecosystems.length === 0)
    return archives(ecosystems);
  const choices = chooseSources(needs(queries, ecosystems, remote), options.network);
  logger().info(describeChoices(choices));
  const viaApi = choices.filter((c) => c.source === "api").map((c) => c.ecosystem);
  if (viaApi.length === 0) return archives(ecosystems);
  const viaArchive = ecosystems.filter((e) => !viaApi.includes(e));
  const apiPart = async () => {
    try {
      return await api(queriesFor(viaApi));
    } catch (e) {
      if (!isShipgateError(e)) throw e;
      logger().warn(
        `OSV API unavailable (${e.message}); downloading the ${viaApi.join(", ")} archives instead`
      );
      return loadRemoteDatabase(viaApi, remote);
    }
  };
  const parts2 = await Promise.all([apiPart(), ...viaArchive.length ? [archives(viaArchive)] : []]);
  if (parts2.length === 1) return parts2[0];
  return new ComposedVulnDatabase(parts2, parts2.map((p) => p.source).join(" + "));
}

// src/vuln/exploit.ts
import { mkdirSync as mkdirSync2, readFileSync as readFileSync4, renameSync as renameSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { join as join3 } from "node:path";
import { gunzipSync } from "node:zlib";
var DEFAULT_EPSS_URL = "https://epss.empiricalsecurity.com/epss_scores-current.csv.gz";
var DEFAULT_KEV_URL = "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json";
var CVE = /^CVE-\d{4}-\d{4,}$/;
function bad(source, what) {
  return new ShipgateError("VULN_DB", `${source}: ${what}`, {
    hint: "use the unmodified file from FIRST (EPSS) or CISA (KEV)"
  });
}
function parseEpss(data, source, wanted) {
  let bytes = data;
  if (bytes[0] === 31 && bytes[1] === 139) {
    try {
      bytes = gunzipSync(bytes);
    } catch (e) {
      throw bad(source, `not a valid gzip file (${e.message})`);
    }
  }
  const lines = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8").split("\n");
  const meta = /^#model_version:([^,\s]+),score_date:(\d{4}-\d{2}-\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2}))?\s*$/.exec(
    lines[0] ?? ""
  );
  if (!meta) throw bad(source, 'the first line is not "#model_version:...,score_date:..."');
  if ((lines[1] ?? "").trim() !== "cve,epss,percentile")
    throw bad(source, 'the second line is not the header "cve,epss,percentile"');
  const scores = /* @__PURE__ */ new Map();
  for (let i = 2; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const [cve, epss, pct, extra] = line.split(",");
    const score = Number(epss);
    const percentile = Number(pct);
    if (extra !== void 0 || !cve || !CVE.test(cve) || !epss || !pct || !(score >= 0 && score <= 1) || !(percentile >= 0 && percentile <= 1))
      throw bad(source, `line ${i + 1} is not "CVE-id,probability,percentile": ${line.slice(0, 80)}`);
    if (!wanted || wanted.has(cve)) scores.set(cve, { score, percentile });
  }
  return { scores, date: meta[2], model: meta[1] };
}
function parseKev(data, source) {
  let doc;
  try {
    doc = JSON.parse(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("utf8"));
  } catch (e) {
    throw bad(source, `not JSON (${e.message})`);
  }
  const list = doc?.vulnerabilities;
  if (!Array.isArray(list)) throw bad(source, 'has no "vulnerabilities" list');
  const entries = /* @__PURE__ */ new Map();
  list.forEach((v, i) => {
    const e = v;
    if (!e || typeof e.cveID !== "string" || !CVE.test(e.cveID))
      throw bad(source, `vulnerabilities[${i}].cveID is not a CVE id`);
    if (typeof e.dateAdded !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(e.dateAdded))
      throw bad(source, `vulnerabilities[${i}].dateAdded is not a date`);
    entries.set(e.cveID, { dateAdded: e.dateAdded, ransomware: e.knownRansomwareCampaignUse === "Known" });
  });
  const version = doc.catalogVersion;
  return { entries, ...typeof version === "string" ? { version } : {} };
}
var CACHE_FILE = { epss: "EPSS.csv.gz", kev: "KEV.json" };
var NAME = { epss: "EPSS scores", kev: "CISA KEV catalogue" };
function readJson2(path) {
  try {
    return JSON.parse(readFileSync4(path, "utf8"));
  } catch {
    return void 0;
  }
}
function writeAtomic2(path, data) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync2(tmp, data);
  renameSync2(tmp, path);
}
async function sourceBytes(source, opts, check) {
  const log = logger();
  const file = opts.files?.[source];
  if (file) {
    try {
      return readFileSync4(file);
    } catch (e) {
      throw new ShipgateError(
        "INPUT",
        `cannot read the ${NAME[source]} file ${file}: ${e.message}`
      );
    }
  }
  const env = source === "epss" ? process.env.SHIPGATE_EPSS_URL : process.env.SHIPGATE_KEV_URL;
  const url = opts.urls?.[source] ?? env ?? (source === "epss" ? DEFAULT_EPSS_URL : DEFAULT_KEV_URL);
  const dir = opts.cacheDir ?? defaultCacheDir();
  const path = join3(dir, CACHE_FILE[source]);
  const metaPath = `${path}.meta.json`;
  const now = opts.now?.() ?? Date.now();
  const meta = readJson2(metaPath);
  let cached;
  if (meta?.url === url) {
    try {
      cached = readFileSync4(path);
    } catch {
      cached = void 0;
    }
  }
  const age2 = cached && meta ? now - Date.parse(meta.checkedAt) : Infinity;
  if (cached && age2 < (opts.maxAgeMs ?? DEFAULT_MAX_AGE_MS)) return cached;
  if (opts.offline) {
    if (cached) return cached;
    throw new ShipgateError("VULN_DB", `no cached ${NAME[source]} in ${dir} (offline)`, {
      hint: `run once with network access, or pass the file (${source}-file in the policy)`
    });
  }
  const stale = (why) => {
    if (!cached || !meta) return void 0;
    log.warn(`could not refresh the ${NAME[source]} (${why}); using the cached copy from ${meta.checkedAt}`);
    return cached;
  };
  const headers = {};
  if (cached && meta?.etag) headers["If-None-Match"] = meta.etag;
  if (cached && meta?.lastModified) headers["If-Modified-Since"] = meta.lastModified;
  let res;
  try {
    log.info(`${cached ? "refreshing" : "downloading"} the ${NAME[source]} from ${redactUrl(url)}`);
    res = await fetchWithRetry2(url, { headers }, { timeoutMs: 12e4, ...opts.http });
  } catch (e) {
    const copy = isShipgateError(e) ? stale(e.message) : void 0;
    if (copy) return copy;
    throw e;
  }
  if (res.status === 304 && cached && meta) {
    await res.body?.cancel();
    writeAtomic2(metaPath, JSON.stringify({ ...meta, checkedAt: new Date(now).toISOString() }));
    return cached;
  }
  if (res.status !== 200) {
    await res.body?.cancel();
    const copy = stale(`HTTP ${res.status}`);
    if (copy) return copy;
    throw new ShipgateError(
      "VULN_DB",
      `cannot get the ${NAME[source]}: HTTP ${res.status} from ${redactUrl(url)}`
    );
  }
  let data;
  try {
    data = new Uint8Array(await res.arrayBuffer());
    check(data, redactUrl(url));
  } catch (e) {
    const copy = isShipgateError(e) ? stale(e.message) : void 0;
    if (copy) return copy;
    throw isShipgateError(e) ? e : new ShipgateError("NETWORK", `${redactUrl(url)}: ${e.message}`);
  }
  mkdirSync2(dir, { recursive: true });
  writeAtomic2(path, data);
  const fresh = { url, checkedAt: new Date(now).toISOString() };
  const etag = res.headers.get("etag");
  const lm = res.headers.get("last-modified");
  if (etag) fresh.etag = etag;
  if (lm) fresh.lastModified = lm;
  writeAtomic2(metaPath, JSON.stringify(fresh));
  return data;
}
async function loadExploitData(wantedCves, opts) {
  const out = { errors: {} };
  for (const source of new Set(opts.sources)) {
    try {
      if (source === "epss") {
        const raw = await sourceBytes(source, opts, (d, from) => void parseEpss(d, from, /* @__PURE__ */ new Set()));
        out.epss = parseEpss(raw, opts.files?.epss ?? "cached EPSS scores", wantedCves);
      } else {
        const raw = await sourceBytes(source, opts, (d, from) => void parseKev(d, from));
        out.kev = parseKev(raw, opts.files?.kev ?? "cached KEV catalogue");
      }
    } catch (e) {
      const message = isShipgateError(e) ? e.message : String(e);
      out.errors[source] = message;
      logger().warn(`${NAME[source]} unavailable: ${message}`);
    }
  }
  return out;
}
function findingCves(v) {
  return [...new Set([v.id, ...v.aliases].filter((id) => CVE.test(id)))];
}
function enrichVulnerabilities(findings, data) {
  if (!data.epss && !data.kev) return findings;
  return findings.map((f) => {
    if (!f.vulnerability) return f;
    const cves = findingCves(f.vulnerability);
    const vulnerability = { ...f.vulnerability };
    if (data.epss) {
      let best;
      for (const cve of cves) {
        const s = data.epss.scores.get(cve);
        if (s && (!best || s.score > best.score)) best = { cve, ...s };
      }
      if (best) vulnerability.epss = { ...best, date: data.epss.date };
    }
    if (data.kev) {
      for (const cve of cves) {
        const k = data.kev.entries.get(cve);
        if (k) {
          vulnerability.kev = { cve, ...k };
          break;
        }
      }
    }
    return { ...f, vulnerability };
  });
}

// src/pipeline/image.ts
function mb2(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
async function guarded(warnings, what, fn) {
  try {
    await fn();
  } catch (e) {
    const line = oneLine(`${what} failed: ${e.message}`);
    logger().warn(line);
    warnings.push(line);
  }
}
function abortable(image, signal) {
  if (!signal) return image;
  return {
    ...image,
    async openLayer(index) {
      signal.throwIfAborted();
      return addAbortSignal(signal, await image.openLayer(index));
    }
  };
}
async function scanImage(opts, scanners, policy, opened, signal) {
  const log = logger();
  const image = abortable(
    opened ?? await log.step(
      `opening ${opts.image}`,
      () => openImage(opts.image, opts.platform ? { platform: opts.platform } : {})
    ),
    signal
  );
  try {
    const info = image.info;
    log.info(
      `image ${info.ref}${info.digest ? `@${info.digest}` : ""} (${formatPlatform(info.platform)}, ${info.layers.length} layers, ${mb2(info.size)})`
    );
    if (info.otherPlatforms?.length) {
      log.info(`other platforms in this image: ${info.otherPlatforms.map(formatPlatform).join(", ")}`);
    }
    const clamavDatabase = policyClamavDatabase(policy);
    const instances = await createAnalyzers({
      scanners,
      ...clamavDatabase ? { clamavDatabase } : {},
      limits: policyImageLimits(policy),
      historyLint: policy.dockerfile.history
    });
    const walkers = instances.flatMap((i) => i.walkers);
    const progress = log.progress(`reading the layers of ${info.ref}`, { total: info.size });
    let previous = 0;
    const walk = await walkImage(image, walkers, {
      onLayer: (l) => {
        progress.add(previous);
        previous = l.size;
        log.info(`layer ${l.index + 1}/${info.layers.length} ${l.digest.slice(7, 19)} (${mb2(l.size)})`);
      }
    });
    progress.add(previous);
    progress.done();
    const output = new Map(
      walkers.map((w, i) => [w, walk.results[i]])
    );
    const failed = new Map(walk.failures.map((f) => [walkers[f.index], f.error]));
    const warnings = [...walk.warnings];
    const findings = [];
    const rules = [];
    const parts2 = [];
    const analyzers = [];
    for (const { entry, module, walkers: own } of instances) {
      const outputs = own.map((w) => output.get(w));
      for (const o of outputs) if (o) parts2.push(o);
      findings.push(...outputs.flatMap((o) => o?.findings ?? []));
      rules.push(...module.rules);
      const errors = own.flatMap((w) => {
        const error = failed.get(w);
        return error === void 0 ? [] : [`${w.name === entry.name ? "" : `${w.name} `}failed ${error}`];
      });
      const incomplete = outputs.flatMap((o) => o?.incomplete ? [o.incomplete] : []);
      const status = {
        name: entry.name,
        scanner: entry.scanner,
        version: module.version,
        status: errors.length ? "failed" : incomplete.length ? "incomplete" : "ok"
      };
      const detail = oneLine([...errors, ...incomplete].join("; "));
      if (detail) status.detail = detail;
      if (status.status === "failed") {
        log.warn(`analyzer ${entry.name} ${detail}`);
        warnings.push(`analyzer ${entry.name} ${detail}`);
      } else if (status.status === "incomplete")
        warnings.push(`analyzer ${entry.name} incomplete: ${detail}`);
      analyzers.push(status);
    }
    const inventory = collectInventory(parts2);
    let exploitData;
    log.info(
      `${inventory.packages.length} packages${inventory.os ? ` on ${inventory.os.prettyName ?? inventory.os.id}` : ""}`
    );
    if (scanners.has("vuln")) {
      const exploit = policyExploitData(policy);
      const cache2 = opts.vulnDb ? void 0 : opts.vulnCache;
      if (cache2)
        await guarded(
          warnings,
          "restoring the vulnerability data cache",
          () => cache2.restore(
            [
              ...neededEcosystems(inventory.packages, inventory.os),
              ...exploit.sources.map((s) => s.toUpperCase())
            ],
            defaultCacheDir()
          )
        );
      const db = await log.step(
        "loading vulnerability data",
        () => openVulnDatabase(inventory.packages, inventory.os, {
          ...opts.vulnDb ? { path: opts.vulnDb } : {},
          ...opts.offline ? { offline: true } : {}
        })
      );
      let vulns = matchVulnerabilities(inventory.packages, inventory.os, db);
      const vexFiles = policyVexFiles(policy);
      if (vexFiles.length) {
        vulns = applyVex(vulns, loadVexDocuments(vexFiles), {
          ...info.digest ? { imageDigest: info.digest } : {},
          imageName: info.repository ?? info.ref
        });
      }
      if (exploit.sources.length) {
        const cves = new Set(vulns.flatMap((v) => v.vulnerability ? findingCves(v.vulnerability) : []));
        const data = await log.step(
          "loading exploitation data (EPSS, CISA KEV)",
          () => loadExploitData(cves, {
            sources: exploit.sources,
            files: exploit.files,
            ...opts.offline ? { offline: true } : {}
          })
        );
        vulns = enrichVulnerabilities(vulns, data);
        exploitData = {
          ...data.epss ? { epss: { date: data.epss.date, ...data.epss.model ? { model: data.epss.model } : {} } } : {},
          ...data.kev ? { kev: data.kev.version ? { version: data.kev.version } : {} } : {},
          errors: data.errors
        };
        for (const [source, why] of Object.entries(data.errors))
          warnings.push(`${source === "kev" ? "CISA KEV catalogue" : "EPSS scores"} unavailable: ${why}`);
      }
      if (cache2) await guarded(warnings, "saving the vulnerability data cache", () => cache2.save());
      const ids = /* @__PURE__ */ new Set();
      for (const v of vulns) {
        if (ids.has(v.ruleId)) continue;
        ids.add(v.ruleId);
        rules.push(vulnerabilityRule(v));
      }
      log.info(`${vulns.length} vulnerabilit${vulns.length === 1 ? "y" : "ies"} matched`);
      const whole = { ref: info.ref, ...info.digest ? { digest: info.digest } : {} };
      findings.push(...vulns.map((v) => v.image ? v : { ...v, image: whole }));
    }
    const target = {
      ref: info.ref,
      ...info.repository ? { repository: info.repository } : {},
      ...info.tag ? { tag: info.tag } : {},
      ...info.digest ? { digest: info.digest } : {},
      configDigest: info.configDigest,
      platform: formatPlatform(info.platform),
      ...inventory.os ? { os: inventory.os } : {},
      layers: info.layers.map((l) => ({
        index: l.index,
        digest: l.digest,
        ...l.diffId ? { diffId: l.diffId } : {},
        size: l.size,
        ...l.createdBy ? { createdBy: l.createdBy } : {}
      })),
      size: info.size
    };
    return {
      target,
      packages: inventory.packages,
      findings,
      rules,
      analyzers,
      warnings,
      user: info.config.config?.User ?? "",
      process: {
        workingDir: info.config.config?.WorkingDir ?? "",
        volumes: Object.keys(info.config.config?.Volumes ?? {}),
        command: [...info.config.config?.Entrypoint ?? [], ...info.config.config?.Cmd ?? []]
      },
      ...exploitData ? { exploitData } : {},
      history: (info.config.history ?? []).map((h) => h.created_by ?? "")
    };
  } finally {
    if (!opened) await image.close();
  }
}
function mapImageFindings(findings, dockerfile) {
  if (!dockerfile) return findings;
  const from = dockerfile.stages[dockerfile.stages.length - 1];
  return findings.map((f) => {
    if (f.location || !f.image) return f;
    const hit = f.image.createdBy ? matchHistoryToInstruction(f.image.createdBy, dockerfile) : void 0;
    if (hit) return { ...f, location: { path: dockerfile.path, startLine: hit.line, endLine: hit.endLine } };
    if (from) return { ...f, location: { path: dockerfile.path, startLine: from.line, endLine: from.line } };
    return f;
  });
}
function reconcileHistoryFindings(imageFindings, dockerfileFindings, dockerfile, history) {
  if (!dockerfile) return imageFindings;
  const start = Math.max(0, history.length - ownHistoryEntries(dockerfile));
  const window = history.slice(start);
  const mapped = window.filter((by) => by !== "" && matchHistoryToInstruction(by, dockerfile)).length;
  const own = mapped * 2 >= window.length ? start : 0;
  const reported = dockerfileFindings.filter(
    (f) => f.kind === "dockerfile" && f.location?.path === dockerfile.path
  );
  const out = [];
  for (const f of imageFindings) {
    const step = f.properties?.source === "history" ? f.properties.step : void 0;
    if (typeof step !== "number") {
      out.push(f);
      continue;
    }
    if (step - 1 < own) {
      const lowered = severityRank(f.severity) > severityRank("low");
      out.push({
        ...f,
        severity: lowered ? "low" : f.severity,
        properties: {
          ...f.properties,
          inBaseImage: true,
          ...lowered ? { originalSeverity: f.severity } : {}
        }
      });
      continue;
    }
    const at = f.location;
    const duplicate = at?.path === dockerfile.path && reported.some((d) => {
      const line = d.location?.startLine ?? 0;
      return d.ruleId === f.ruleId && line >= at.startLine && line <= (at.endLine ?? at.startLine);
    });
    if (!duplicate) out.push(f);
  }
  return out;
}
export {
  mapImageFindings,
  reconcileHistoryFindings,
  scanImage
};
