#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  SECRET_RULES,
  SECRET_RULE_META,
  secretRule
} from "./chunk-4BXU6E3L.js";
import {
  require_main,
  stableHash
} from "./chunk-23VTO3BX.js";
import {
  addSecret,
  logger,
  mask
} from "./chunk-QRC7J5MF.js";
import {
  toShipgateError
} from "./chunk-XNFBH2M5.js";
import {
  __toESM
} from "./chunk-YNPQFTY5.js";

// src/secrets/allow.ts
var PLACEHOLDER_PATTERNS = [
  /^(?:true|false|null|nil|none|undefined|empty|required|optional)$/i,
  /^(?:change_?me|changeit|pass|pw|pwd|password|passwd|pass_?word|secret|token|user|username|example|sample|dummy|placeholder|redacted|hidden|masked|test|testing|foo|bar|foobar|admin|root|guest)\d*$/i,
  /example/i,
  /^(?:your|my|insert|enter|replace)[_-]/i,
  /^your[A-Z]/,
  /(?:[_-]here|_goes_here)$/i,
  /^(.)\1+$/,
  // aaaaaaaa, ********
  /0{8,}$/,
  // documentation tokens padded with zeros
  /^[x*.#_-]{3,}$/i,
  /x{5,}|\*{3,}|\.{3,}/i,
  /^\$\{[^}]*\}$/,
  // ${VAR}
  /^\$[A-Za-z_][A-Za-z0-9_]*$/,
  // $VAR
  /^\$\(.*\)$/,
  // $(cmd)
  /^\{\{.*\}\}$/,
  // {{ template }}
  /^%[A-Za-z_][A-Za-z0-9_]*%$/,
  // %VAR%
  /^@[A-Za-z_][A-Za-z0-9_]*@$/,
  // @VAR@
  /^<[^>]+>$/,
  // <password>
  /^\[[^\]]+\]$/,
  /^(?:0123456789|1234567890|abcdefghij)/i,
  /^(?:abcdefghijklmnopqrstuvwxyz|0123456789abcdef)/i
];
var KNOWN_EXAMPLES = /* @__PURE__ */ new Set([
  "AKIAIOSFODNN7EXAMPLE",
  "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  "AIzaSyabcdefghijklmnopqrstuvwxyz1234567"
]);
function isPlaceholder(value) {
  if (KNOWN_EXAMPLES.has(value)) return true;
  return PLACEHOLDER_PATTERNS.some((p) => p.test(value));
}
var DEFAULT_SKIP_PATHS = [
  /^\/usr\/share\/(?:doc|man|info|locale|i18n|zoneinfo|common-licenses|mime|perl5?|lintian|bug)\//,
  /^\/usr\/include\//,
  /^\/var\/lib\/dpkg\/info\/[^/]+\.(?:md5sums|list|conffiles|triggers|shlibs|symbols)$/,
  /^\/var\/lib\/(?:dpkg\/status|apk\/db\/installed|rpm\/)/,
  /^\/var\/lib\/apt\/lists\//,
  // package index files (public metadata, tens of MB)
  /^\/var\/cache\/(?:apt|apk|yum|dnf|debconf)\//,
  /\/(?:tests?|testdata|__tests__|__mocks__|fixtures?|__fixtures__|spec|examples?)\//i,
  /[._-](?:test|spec)\.[cm]?[jt]sx?$/i,
  /_test\.(?:go|py)$/,
  /\/node_modules\/.+\.(?:md|markdown)$/i,
  // package documentation
  /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|go\.sum|Cargo\.lock|poetry\.lock|Pipfile\.lock|composer\.lock|Gemfile\.lock)$/,
  /\.(?:der|pub|asc\.pub|sig|map)$/i,
  /\.so(?:\.\d+)+$/,
  // versioned shared libraries
  /^\/usr\/lib\/locale\/locale-archive$/
];
var CERTIFICATE_PATHS = [
  /^\/usr\/share\/ca-certificates\//,
  /^\/etc\/ssl\/certs\//,
  /^\/etc\/pki\/(?:ca-trust|tls\/certs)\//,
  /\.(?:crt|cer|csr)$/i
];
function isCertificatePath(path) {
  return CERTIFICATE_PATHS.some((p) => p.test(path));
}
var BINARY_EXTENSIONS = /* @__PURE__ */ new Set([
  "png",
  "jpg",
  "jpeg",
  "gif",
  "bmp",
  "ico",
  "webp",
  "tif",
  "tiff",
  "svgz",
  "psd",
  "woff",
  "woff2",
  "ttf",
  "otf",
  "eot",
  "pfb",
  "gz",
  "tgz",
  "bz2",
  "xz",
  "zst",
  "lz4",
  "lzma",
  "zip",
  "jar",
  "war",
  "ear",
  "whl",
  "egg",
  "7z",
  "rar",
  "deb",
  "rpm",
  "apk",
  "so",
  "a",
  "o",
  "dll",
  "exe",
  "dylib",
  "node",
  "wasm",
  "class",
  "pyc",
  "pyo",
  "mo",
  "gmo",
  "db",
  "sqlite",
  "cache",
  "mp3",
  "mp4",
  "ogg",
  "wav",
  "avi",
  "mov",
  "flac",
  "pdf"
]);
function extensionOf(path) {
  const base2 = path.slice(path.lastIndexOf("/") + 1);
  const dot = base2.lastIndexOf(".");
  return dot > 0 ? base2.slice(dot + 1).toLowerCase() : "";
}
function isSkippedPath(path, extra = [], defaults = true) {
  if (BINARY_EXTENSIONS.has(extensionOf(path))) return true;
  if (defaults && DEFAULT_SKIP_PATHS.some((p) => p.test(path))) return true;
  return extra.some((p) => p.test(path));
}

// src/secrets/entropy.ts
function shannonEntropy(value) {
  if (value.length === 0) return 0;
  const counts = /* @__PURE__ */ new Map();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  const n = value.length;
  for (const c of counts.values()) {
    const p = c / n;
    h -= p * Math.log2(p);
  }
  return h;
}

// src/secrets/redact.ts
var MIN_SHOWN_LENGTH = 16;
var MAX_STARS = 16;
function redact(value) {
  const v = value.replace(/\\n|\s+/g, "");
  const len = v.length;
  if (len < MIN_SHOWN_LENGTH) return "*".repeat(Math.max(3, Math.min(len, 8)));
  const budget = Math.floor(len * 0.3);
  const prefix = Math.min(4, Math.ceil(budget / 2));
  const suffix = Math.min(4, budget - prefix);
  const stars = "*".repeat(Math.min(MAX_STARS, len - prefix - suffix));
  return `${v.slice(0, prefix)}${stars}${suffix > 0 ? v.slice(len - suffix) : ""}`;
}
function secretFingerprint(ruleId, value) {
  return stableHash("shipgate-secret", ruleId, value);
}

// src/secrets/scanner.ts
var CONFIG_EXTENSIONS = /(?:^|\/)(?:\.env(?:\.[\w.-]+)?|[^/]*\.(?:env|ini|cfg|conf|config|cnf|properties|ya?ml|toml|txt|sh|bash|zsh|ps1|tf|tfvars|hcl|npmrc|pypirc|netrc|credentials)|Dockerfile[^/]*|[^/]*\.dockerfile|credentials|config|\.npmrc|\.pypirc|\.netrc|\.git-credentials|\.pgpass|[^/.]+)$/i;
function isConfigLike(source) {
  if (source.kind !== "file" && source.kind !== "context") return true;
  return source.path !== void 0 && CONFIG_EXTENSIONS.test(source.path);
}
function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}
function position(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}
function pickGroup(rule, m) {
  const indices = m.indices;
  if (!indices) return void 0;
  const groups = rule.group !== void 0 ? [rule.group] : m.length > 1 ? [...Array(m.length - 1).keys()].map((i) => i + 1) : [0];
  for (const g of groups) {
    const v = m[g];
    const span = indices[g];
    if (v !== void 0 && v !== "" && span) return { value: v, start: span[0], group: g };
  }
  return void 0;
}
function candidates(text, rules, source) {
  const lower = text.toLowerCase();
  const out = [];
  for (const r of rules) {
    if (r.paths && !(source.path && r.paths.test(source.path))) continue;
    if (r.keywords.some((k) => lower.includes(k))) out.push(r);
  }
  return out;
}
function scanText(text, source, options = {}) {
  return scanSpans(text, source, options).map((s) => s.match);
}
function scanSpans(text, source, options = {}) {
  const rules = candidates(text, options.rules ?? SECRET_RULES, source);
  if (rules.length === 0) return [];
  const ordered = [...rules.filter((r) => !r.late), ...rules.filter((r) => r.late)];
  const configLike = isConfigLike(source);
  const taken = [];
  const overlaps = (a, b) => taken.some(([s, e]) => a < e && s < b);
  let starts;
  const out = [];
  for (const rule of ordered) {
    rule.regex.lastIndex = 0;
    for (let m = rule.regex.exec(text); m; m = rule.regex.exec(text)) {
      if (m[0].length === 0) rule.regex.lastIndex++;
      const picked = pickGroup(rule, m);
      if (!picked) continue;
      const { value, start, group } = picked;
      if (rule.configOnlyGroup === group && !configLike) continue;
      if (rule.allow?.some((a2) => a2.test(value))) continue;
      if (isPlaceholder(value)) continue;
      if (rule.minEntropy !== void 0 && shannonEntropy(value) < rule.minEntropy) continue;
      if (rule.generic && !looksRandom(value)) continue;
      if (rule.validate && !rule.validate(value)) continue;
      const end = start + value.length;
      if (overlaps(start, end)) continue;
      taken.push([start, end]);
      addSecret(value);
      starts ??= lineStarts(text);
      const a = position(starts, start);
      const b = position(starts, end);
      const match = {
        ruleId: rule.meta.id,
        title: rule.meta.title,
        severity: rule.meta.severity,
        line: a.line,
        column: a.column,
        endLine: b.line,
        ...b.line === a.line ? { endColumn: b.column } : {},
        redacted: redact(value),
        fingerprint: secretFingerprint(rule.meta.id, value),
        length: value.length
      };
      out.push({ match, start });
    }
  }
  return out.sort((x, y) => x.start - y.start);
}
function looksRandom(value) {
  if (/^[a-zA-Z_.-]+$/.test(value)) return false;
  if (/^[a-z]+:\/\//i.test(value) || value.startsWith("/") || value.startsWith("./")) return false;
  if (/[()[\]{}<>]/.test(value)) return false;
  if (/^[\d.]+$/.test(value)) return false;
  if (!/\d/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(value)).length;
  return classes >= 3 || classes >= 2 && value.length >= 32;
}
function maskLine(line, lineNumber, matches) {
  const spans = matches.filter((m) => m.line <= lineNumber && m.endLine >= lineNumber).map((m) => ({
    start: m.line === lineNumber ? m.column - 1 : 0,
    end: m.endLine === lineNumber && m.endColumn !== void 0 ? m.endColumn - 1 : line.length,
    redacted: m.redacted
  })).sort((a, b) => b.start - a.start);
  let out = line;
  for (const s of spans) out = `${out.slice(0, s.start)}${s.redacted}${out.slice(s.end)}`;
  return out;
}
function safeText(text, source = { kind: "history" }) {
  scanText(text, source);
  return mask(text);
}

// src/secrets/sniff.ts
var SNIFF_BYTES = 8192;
var MAGIC = [
  [127, 69, 76, 70],
  // ELF
  [31, 139],
  // gzip
  [80, 75, 3, 4],
  // zip, jar, whl
  [137, 80, 78, 71],
  // PNG
  [255, 216, 255],
  // JPEG
  [71, 73, 70, 56],
  // GIF
  [66, 90, 104],
  // bzip2
  [253, 55, 122, 88, 90, 0],
  // xz
  [40, 181, 47, 253],
  // zstd
  [202, 254, 186, 190],
  // Java class, Mach-O fat
  [207, 250, 237, 254],
  // Mach-O
  [77, 90],
  // PE (MZ)
  [0, 97, 115, 109],
  // wasm
  [37, 80, 68, 70]
  // PDF
];
function startsWith(buf, magic) {
  if (buf.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (buf[i] !== magic[i]) return false;
  return true;
}
function isBinary(buf) {
  for (const m of MAGIC) if (startsWith(buf, m)) return true;
  const n = Math.min(buf.length, SNIFF_BYTES);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

// src/secrets/findings.ts
function fixFor(ruleId) {
  return secretRule(ruleId)?.meta.fix.split("\n")[0] ?? "Revoke the credential and rebuild without it.";
}
function base(match, message, where) {
  return {
    ruleId: match.ruleId,
    kind: "secret",
    severity: match.severity,
    message,
    fingerprint: stableHash(match.ruleId, match.fingerprint, where),
    fix: fixFor(match.ruleId),
    properties: {
      secretFingerprint: match.fingerprint,
      redacted: match.redacted,
      title: match.title,
      line: match.line,
      column: match.column
    }
  };
}
function short(createdBy) {
  if (!createdBy) return "";
  const s = createdBy.replace(/^\/bin\/sh -c (?:#\(nop\)\s*)?/, "").replace(/\s+/g, " ").trim();
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
function imageFileFinding(match, path, layer) {
  const made = layer.createdBy ? ` (${short(layer.createdBy)})` : "";
  const state = layer.hidden ? layer.deleted ? `present in layer ${layer.layerIndex}${made}, deleted later \u2014 still extractable from the layer` : `present in layer ${layer.layerIndex}${made}, overwritten later \u2014 still extractable from the layer` : `in layer ${layer.layerIndex}${made}`;
  const image = {
    path,
    layerIndex: layer.layerIndex,
    layerDigest: layer.layerDigest,
    ...layer.ref ? { ref: layer.ref } : {},
    ...layer.digest ? { digest: layer.digest } : {},
    ...layer.createdBy ? { createdBy: layer.createdBy } : {},
    ...layer.hidden ? { deleted: true } : {}
  };
  const f = base(
    match,
    `${match.title} ${match.redacted} in ${path}:${match.line}, ${state}.`,
    `${path}\0${layer.layerDigest}`
  );
  f.image = image;
  return f;
}
function imageConfigFinding(match, where, loc) {
  const f = base(match, `${match.title} ${match.redacted} in the image ${where}.`, where);
  const image = {};
  if (loc.ref) image.ref = loc.ref;
  if (loc.digest) image.digest = loc.digest;
  if (loc.createdBy) image.createdBy = loc.createdBy;
  if (loc.layerIndex !== void 0) image.layerIndex = loc.layerIndex;
  if (loc.layerDigest) image.layerDigest = loc.layerDigest;
  f.image = image;
  return f;
}
function sourceFinding(match, path, snippet, extra = "") {
  const location = {
    path,
    startLine: match.line,
    startColumn: match.column,
    endLine: match.endLine,
    ...match.endColumn !== void 0 ? { endColumn: match.endColumn } : {},
    ...snippet !== void 0 ? { snippet } : {}
  };
  const f = base(match, `${match.title} ${match.redacted} in ${path}:${match.line}${extra}.`, `${path}`);
  f.location = location;
  return f;
}

// src/secrets/windows.ts
var DEFAULT_SECRETS_MAX_FILE_SIZE = 64 * 1024 * 1024;
var DEFAULT_WINDOW_SIZE = 4 * 1024 * 1024;
var DEFAULT_WINDOW_OVERLAP = 128 * 1024;
function windowsOf(text, size, overlap) {
  if (!(size > 0) || !(overlap >= 0) || overlap * 2 > size) {
    throw new RangeError(`window size ${size} must be positive and at least twice the overlap ${overlap}`);
  }
  const out = [];
  let start = 0;
  for (; ; ) {
    const end = Math.min(text.length, start + size);
    out.push({ start, end });
    if (end === text.length) return out;
    const nominal = end - overlap;
    const lineStart = text.lastIndexOf("\n", nominal - 1) + 1;
    start = lineStart >= start + (size - overlap) / 2 ? lineStart : nominal;
  }
}
function countNewlines(text, from, to) {
  let n = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
function scanTextWindowed(text, source, options = {}) {
  const size = options.size ?? DEFAULT_WINDOW_SIZE;
  const overlap = options.overlap ?? DEFAULT_WINDOW_OVERLAP;
  const scanOptions = options.rules ? { rules: options.rules } : {};
  const windows = windowsOf(text, size, overlap);
  const out = [];
  let linesBefore = 0;
  let counted = 0;
  windows.forEach((w, k) => {
    linesBefore += countNewlines(text, counted, w.start);
    counted = w.start;
    const next = windows[k + 1];
    const shareStart = k === 0 ? 0 : Math.ceil((w.start + windows[k - 1].end) / 2);
    const shareEnd = next ? Math.ceil((next.start + w.end) / 2) : text.length;
    const shift = w.start === 0 ? 0 : w.start - (text.lastIndexOf("\n", w.start - 1) + 1);
    for (const { match, start } of scanSpans(text.slice(w.start, w.end), source, scanOptions)) {
      const at = w.start + start;
      if (at < shareStart || at >= shareEnd) continue;
      const m = {
        ...match,
        line: match.line + linesBefore,
        endLine: match.endLine + linesBefore
      };
      if (match.line === 1) m.column += shift;
      if (match.endLine === 1 && m.endColumn !== void 0) m.endColumn += shift;
      out.push(m);
    }
  });
  return out;
}

// src/secrets/image.ts
var KEY_RULES = SECRET_RULES.filter((r) => r.meta.tags.includes("crypto"));
function secretsAnalyzer(options = {}) {
  const hits = [];
  const extra = options.skipPaths ?? [];
  const defaults = !options.noDefaultSkips;
  const max = options.maxFileSize ?? DEFAULT_SECRETS_MAX_FILE_SIZE;
  return {
    name: "secrets",
    maxBytes: max,
    wants(entry) {
      return entry.type === "file" && entry.size > 0 && !isSkippedPath(entry.path, extra, defaults);
    },
    analyze(entry, content, truncated) {
      if (isBinary(content)) return;
      if (truncated) {
        logger().debug(
          `secrets: ${entry.path} (layer ${entry.layerIndex}) is ${entry.size} bytes; only its first ${content.length} bytes were scanned`
        );
      }
      const source = { kind: "file", path: entry.path };
      const keysOnly = defaults && isCertificatePath(entry.path);
      const matches = scanTextWindowed(content.toString("latin1"), source, {
        ...options.windows,
        ...keysOnly ? { rules: KEY_RULES } : {}
      });
      if (matches.length) hits.push({ entry, matches });
    },
    finish(view, image) {
      const configFindings = options.scanConfig !== false ? scanImageConfigSecrets(image) : [];
      const out = [];
      for (const { entry, matches } of hits) {
        const hidden = view.isHidden(entry.path, entry.layerIndex);
        const deleted = hidden && view.visibleLayer(entry.path) === void 0;
        for (const m of matches) {
          out.push(
            imageFileFinding(m, entry.path, {
              ...image.ref ? { ref: image.ref } : {},
              ...image.digest ? { digest: image.digest } : {},
              layerIndex: entry.layerIndex,
              layerDigest: entry.layerDigest,
              ...entry.createdBy ? { createdBy: safeText(entry.createdBy) } : {},
              hidden,
              deleted
            })
          );
        }
      }
      return [...out, ...configFindings];
    }
  };
}
function scanImageConfigSecrets(image) {
  const out = [];
  const cfg = image.config.config ?? {};
  const loc = { ...image.ref ? { ref: image.ref } : {}, ...image.digest ? { digest: image.digest } : {} };
  for (const env of cfg.Env ?? []) {
    const eq = env.indexOf("=");
    const name = eq === -1 ? env : env.slice(0, eq);
    for (const m of scanText(env, { kind: "env", path: name })) {
      out.push(imageConfigFinding(m, `environment variable ${name}`, loc));
    }
  }
  for (const [name, value] of Object.entries(cfg.Labels ?? {})) {
    for (const m of scanText(`${name}=${value}`, { kind: "label", path: name })) {
      out.push(imageConfigFinding(m, `label ${name}`, loc));
    }
  }
  const cmd = (cfg.Cmd ?? []).join(" ");
  if (cmd) for (const m of scanText(cmd, { kind: "cmd" })) out.push(imageConfigFinding(m, "Cmd", loc));
  const ep = (cfg.Entrypoint ?? []).join(" ");
  if (ep)
    for (const m of scanText(ep, { kind: "entrypoint" })) out.push(imageConfigFinding(m, "Entrypoint", loc));
  let layerIndex = 0;
  const history = image.config.history ?? [];
  for (const h of history) if (h.created_by) scanText(h.created_by, { kind: "history" });
  history.forEach((h, i) => {
    const thisLayer = h.empty_layer ? void 0 : layerIndex;
    if (!h.empty_layer) layerIndex++;
    if (!h.created_by) return;
    for (const m of scanText(h.created_by, { kind: "history", path: String(i) })) {
      const layer = thisLayer === void 0 ? void 0 : image.layers[thisLayer];
      out.push(
        imageConfigFinding(m, `build history (step ${i + 1})`, {
          ...loc,
          createdBy: safeText(h.created_by),
          ...layer ? { layerIndex: layer.index, layerDigest: layer.digest } : {}
        })
      );
    }
  });
  return out;
}

// src/secrets/dockerfile.ts
function scanDockerfileText(path, content) {
  const matches = scanText(content, { kind: "dockerfile", path });
  if (matches.length === 0) return [];
  const lines = content.split("\n");
  return matches.map((m) => {
    const line = (lines[m.line - 1] ?? "").replace(/\r$/, "");
    return sourceFinding(m, path, maskLine(line, m.line, matches).trim());
  });
}

// src/secrets/context.ts
var import_dockerfile_ast = __toESM(require_main(), 1);
import { open, readFile, readdir, stat } from "node:fs/promises";
import { join, posix as posix2, relative, sep } from "node:path";

// src/secrets/dockerignore.ts
import { posix } from "node:path";
function globToRegex(pattern) {
  let re = "^";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") {
      if (pattern[i + 1] === "*") {
        i++;
        if (pattern[i + 1] === "/") {
          i++;
          re += "(?:.*/)?";
        } else re += ".*";
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const close = pattern.indexOf("]", i + 1);
      if (close === -1) re += "\\[";
      else {
        let cls = pattern.slice(i + 1, close);
        if (cls.startsWith("^")) cls = `^${cls.slice(1)}`;
        else if (cls.startsWith("!")) cls = `^${cls.slice(1)}`;
        re += `[${cls.replace(/\\/g, "\\\\")}]`;
        i = close;
      }
    } else if (c === "\\" && i + 1 < pattern.length) {
      i++;
      re += pattern[i].replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(`${re}$`);
}
function parseDockerignore(text) {
  const out = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    let negate = false;
    if (line.startsWith("!")) {
      negate = true;
      line = line.slice(1).trim();
    }
    line = posix.normalize(line).replace(/^\/+/, "");
    if (line === "." || line === "") continue;
    out.push({ negate, regex: globToRegex(line) });
  }
  return out;
}
var DockerIgnore = class {
  patterns;
  constructor(text) {
    this.patterns = parseDockerignore(text);
  }
  /** True when the path (relative to the context root, POSIX) is excluded from the build context. */
  ignores(relPath) {
    const path = posix.normalize(relPath).replace(/^\/+/, "");
    const parents = [];
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i++) parents.push(parts.slice(0, i).join("/"));
    let excluded = false;
    for (const p of this.patterns) {
      if (p.negate !== excluded) continue;
      const hit = p.regex.test(path) || parents.some((d) => p.regex.test(d));
      if (hit) excluded = !p.negate;
    }
    return excluded;
  }
};

// src/secrets/context.ts
function globRegex(glob) {
  let re = "^";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const close = glob.indexOf("]", i + 1);
      if (close === -1) re += "\\[";
      else {
        re += `[${glob.slice(i + 1, close).replace(/^!/, "^")}]`;
        i = close;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(`${re}$`);
}
function copySources(dockerfileText, dockerfilePath = "Dockerfile") {
  const out = [];
  const df = import_dockerfile_ast.DockerfileParser.parse(dockerfileText);
  for (const ins of df.getInstructions()) {
    const kw = ins.getKeyword().toUpperCase();
    if (kw !== "COPY" && kw !== "ADD") continue;
    const line = ins.getRange().start.line + 1;
    let args = ins.getArguments().map((a) => a.getValue());
    if (args.some((a) => /^--from=/i.test(a))) continue;
    args = args.filter((a) => !a.startsWith("--"));
    const content = ins.getArgumentsContent() ?? "";
    const json = content.trim().startsWith("[") ? safeJson(content) : void 0;
    if (json) args = json.filter((a) => !a.startsWith("--"));
    const sources = args.slice(0, -1);
    for (const s of sources) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s) || s.startsWith("git@")) continue;
      if (s.startsWith("<<")) continue;
      const clean = posix2.normalize(s.replace(/\\/g, "/")).replace(/^\/+/, "").replace(/\/+$/, "");
      const by = `${dockerfilePath}:${line} ${kw} ${s}`;
      if (clean === "." || clean === "") out.push({ pattern: /.*/, by });
      else out.push({ pattern: globRegex(clean), by });
    }
  }
  return out;
}
function safeJson(s) {
  try {
    const v = JSON.parse(s);
    return Array.isArray(v) && v.every((x) => typeof x === "string") ? v : void 0;
  } catch {
    return void 0;
  }
}
async function* walk(root, dir, ignore) {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    const abs = join(dir, e.name);
    const rel = relative(root, abs).split(sep).join("/");
    if (e.isDirectory()) yield* walk(root, abs, ignore);
    else if (e.isFile() && !ignore.ignores(rel)) yield rel;
  }
}
async function readHead(path, n) {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(n);
    let got = 0;
    while (got < n) {
      const { bytesRead } = await fh.read(buf, got, n - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return buf.subarray(0, got);
  } finally {
    await fh.close();
  }
}
async function scanBuildContext(contextDir, dockerfileTarget, options = {}) {
  try {
    const repoRoot = options.repoRoot ?? process.cwd();
    const max = options.maxFileSize ?? DEFAULT_SECRETS_MAX_FILE_SIZE;
    const ignoreText = await readFile(join(contextDir, ".dockerignore"), "utf8").catch(() => "");
    const ignore = new DockerIgnore(ignoreText);
    let sources;
    if (dockerfileTarget) {
      const text = await readFile(dockerfileTarget, "utf8");
      sources = copySources(text, relative(repoRoot, dockerfileTarget).split(sep).join("/"));
    }
    const out = [];
    for await (const rel of walk(contextDir, contextDir, ignore)) {
      let by;
      if (sources) {
        const parts = rel.split("/");
        const candidates2 = parts.map((_, i) => parts.slice(0, i + 1).join("/"));
        const src = sources.find((s) => candidates2.some((c) => s.pattern.test(c)));
        if (!src) continue;
        by = src.by;
      }
      if (BINARY_EXTENSIONS.has(extensionOf(rel))) continue;
      const abs = join(contextDir, rel);
      const st = await stat(abs);
      if (st.size === 0) continue;
      const content = await readHead(abs, Math.min(st.size, max));
      if (isBinary(content)) continue;
      const text = content.toString("utf8");
      const path = relative(repoRoot, abs).split(sep).join("/");
      if (st.size > max) {
        logger().debug(`secrets: ${path} is ${st.size} bytes; only its first ${max} bytes were scanned`);
      }
      const matches = scanTextWindowed(text, { kind: "context", path });
      if (matches.length === 0) continue;
      const lines = text.split("\n");
      for (const m of matches) {
        const line = (lines[m.line - 1] ?? "").replace(/\r$/, "");
        const f = sourceFinding(
          m,
          path,
          maskLine(line, m.line, matches).trim(),
          by ? ` (copied into the image by ${by})` : ""
        );
        if (by) f.properties = { ...f.properties, copiedBy: by };
        out.push(f);
      }
    }
    logger().debug(`build context ${contextDir}: ${out.length} secret(s)`);
    return out;
  } catch (e) {
    throw toShipgateError(e);
  }
}

// src/secrets/docs.ts
function equivalents(rule) {
  const e = rule.equivalents ?? {};
  const parts = Object.entries(e).filter(([, ids]) => ids && ids.length > 0).map(([tool, ids]) => `${tool}: ${(ids ?? []).map((i) => `\`${i}\``).join(", ")}`);
  return parts.length ? parts.join("; ") : "none";
}
function renderRuleDocs(page) {
  const out = [];
  out.push(`<!-- Generated from the rule metadata in the source; do not edit by hand. -->`, "");
  out.push(`# ${page.title}`, "", page.intro.trim(), "");
  out.push("| Rule | Title | Severity |", "| --- | --- | --- |");
  for (const r of page.rules) out.push(`| [${r.id}](#${r.id.toLowerCase()}) | ${r.title} | ${r.severity} |`);
  out.push("");
  for (const r of page.rules) {
    out.push(`<a id="${r.id.toLowerCase()}"></a>`, "", `## ${r.id}: ${r.title}`, "");
    out.push(
      `- Severity: **${r.severity}**${r.optional ? " (optional, off unless the policy enables it)" : ""}`
    );
    out.push(`- Tags: ${r.tags.map((t) => `\`${t}\``).join(", ")}`);
    out.push(`- Equivalents: ${equivalents(r)}`, "");
    out.push("### What it checks", "", r.description.trim(), "");
    out.push("### Why it matters", "", r.rationale.trim(), "");
    out.push("### How to fix", "", r.fix.trim(), "");
  }
  return `${out.join("\n").trimEnd()}
`;
}

// src/secrets/docs-page.ts
var SECRETS_DOCS = {
  title: "Secret rules (SG-SEC)",
  intro: `shipgate looks for credentials in every file of every image layer (including files a later layer deleted or
overwrote: they stay extractable from the layer), in the image configuration (\`Env\`, \`Labels\`, \`Cmd\`,
\`Entrypoint\`), in the build history, in Dockerfiles and in the build-context files a Dockerfile copies.

Values are never printed: findings show a redacted form (at most the first and last few characters, never more
than 30% of the value) and a fingerprint, and every detected value is masked in logs and reports.

Documentation, manual pages, test-fixture directories and well-known example values
(\`AKIAIOSFODNN7EXAMPLE\`, \`changeme\`, \`\${VAR}\`, \`xxxx\`...) are not reported. Patterns follow the ones
published by gitleaks and trivy; the equivalents are listed per rule. Certificate stores (\`/etc/ssl/certs\`, the CA
bundle) and certificate files (\`.crt\`, \`.cer\`, \`.csr\`) are searched for private keys only.

**Large files.** Each file is scanned up to a limit, 64 MiB by default (\`maxFileSize\` of the secrets analyzer
and of the build-context scan). A larger file is scanned in its first 64 MiB only: a secret beyond the limit is
not reported, and the debug log names every file cut short. Within the limit, text is scanned in windows of 4 MiB
that overlap by 128 KiB, so a secret anywhere in the scanned part is found once, at its true line and column;
only a value longer than 64 KiB that crosses a window boundary could be missed (no rule matches values that long
except very large PGP key blocks). Binary files (a known magic number or a NUL byte in the first 8 KiB) are not
scanned.`,
  rules: SECRET_RULE_META
};

export {
  isPlaceholder,
  DEFAULT_SKIP_PATHS,
  CERTIFICATE_PATHS,
  isCertificatePath,
  isSkippedPath,
  shannonEntropy,
  redact,
  secretFingerprint,
  isConfigLike,
  scanText,
  maskLine,
  safeText,
  isBinary,
  DEFAULT_SECRETS_MAX_FILE_SIZE,
  DEFAULT_WINDOW_SIZE,
  DEFAULT_WINDOW_OVERLAP,
  windowsOf,
  scanTextWindowed,
  secretsAnalyzer,
  scanImageConfigSecrets,
  scanDockerfileText,
  parseDockerignore,
  DockerIgnore,
  copySources,
  scanBuildContext,
  renderRuleDocs,
  SECRETS_DOCS
};
