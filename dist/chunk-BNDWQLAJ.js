#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  findingsOutput
} from "./chunk-RVC2SK4K.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  SECRET_RULES,
  SECRET_RULE_META,
  isCertificatePath,
  isSkippedPath,
  safeText,
  scanSpans,
  scanText,
  secretRule
} from "./chunk-7ARZCZGE.js";
import {
  stableHash
} from "./chunk-XFIAZQWE.js";
import {
  logger
} from "./chunk-HYPJQQQ3.js";

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
var NEWLINE = 10;
function lastNewline(text, at) {
  return typeof text === "string" ? text.lastIndexOf("\n", at) : text.lastIndexOf(NEWLINE, at);
}
function nextNewline(text, from) {
  return typeof text === "string" ? text.indexOf("\n", from) : text.indexOf(NEWLINE, from);
}
function decode(text, start, end) {
  return typeof text === "string" ? text.slice(start, end) : text.toString("latin1", start, end);
}
function windowsOf(text, size, overlap) {
  if (!(size > 0) || !(overlap >= 0) || overlap * 2 > size) {
    throw new ShipgateError(
      "INTERNAL",
      `window size ${size} must be positive and at least twice the overlap ${overlap}`
    );
  }
  const out = [];
  let start = 0;
  for (; ; ) {
    const end = Math.min(text.length, start + size);
    out.push({ start, end });
    if (end === text.length) return out;
    const nominal = end - overlap;
    const lineStart = lastNewline(text, nominal - 1) + 1;
    start = lineStart >= start + (size - overlap) / 2 ? lineStart : nominal;
  }
}
function countNewlines(text, from, to) {
  let n = 0;
  for (let i = nextNewline(text, from); i !== -1 && i < to; i = nextNewline(text, i + 1)) n++;
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
    const shift = w.start === 0 ? 0 : w.start - (lastNewline(text, w.start - 1) + 1);
    for (const { match, start } of scanSpans(decode(text, w.start, w.end), source, scanOptions)) {
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
      const matches = scanTextWindowed(content, source, {
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
var secretsModule = {
  version: 1,
  rules: SECRET_RULE_META,
  create: () => [findingsOutput(secretsAnalyzer())]
};

export {
  sourceFinding,
  DEFAULT_SECRETS_MAX_FILE_SIZE,
  DEFAULT_WINDOW_SIZE,
  DEFAULT_WINDOW_OVERLAP,
  windowsOf,
  scanTextWindowed,
  isBinary,
  secretsAnalyzer,
  scanImageConfigSecrets,
  secretsModule
};
