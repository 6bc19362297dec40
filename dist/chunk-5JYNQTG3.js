#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  SECRETS_DOCS
} from "./chunk-EXQH5QUI.js";
import {
  require_main
} from "./chunk-IARREIY2.js";
import {
  DEFAULT_SECRETS_MAX_FILE_SIZE,
  DEFAULT_WINDOW_OVERLAP,
  DEFAULT_WINDOW_SIZE,
  isBinary,
  scanImageConfigSecrets,
  scanTextWindowed,
  secretsAnalyzer,
  secretsModule,
  sourceFinding,
  windowsOf
} from "./chunk-BNDWQLAJ.js";
import "./chunk-RVC2SK4K.js";
import {
  ShipgateError,
  toShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  BINARY_EXTENSIONS,
  CERTIFICATE_PATHS,
  DEFAULT_SKIP_PATHS,
  SECRET_RULES,
  SECRET_RULE_META,
  extensionOf,
  isCertificatePath,
  isConfigLike,
  isPlaceholder,
  isSkippedPath,
  maskLine,
  safeText,
  scanText,
  secretFingerprint,
  secretRule,
  shannonEntropy
} from "./chunk-7ARZCZGE.js";
import {
  redact
} from "./chunk-6INDVNBY.js";
import "./chunk-XFIAZQWE.js";
import {
  logger
} from "./chunk-HYPJQQQ3.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import {
  __toESM
} from "./chunk-YNPQFTY5.js";

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
function globRegex(glob, by) {
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
  try {
    return new RegExp(`${re}$`);
  } catch {
    throw new ShipgateError("DOCKERFILE_PARSE", `${by}: "${glob}" is not a valid file pattern`, {
      hint: "a character range must go from low to high, e.g. [a-z]"
    });
  }
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
      else out.push({ pattern: globRegex(clean, by), by });
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
        const candidates = parts.map((_, i) => parts.slice(0, i + 1).join("/"));
        const src = sources.find((s) => candidates.some((c) => s.pattern.test(c)));
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
export {
  CERTIFICATE_PATHS,
  DEFAULT_SECRETS_MAX_FILE_SIZE,
  DEFAULT_SKIP_PATHS,
  DEFAULT_WINDOW_OVERLAP,
  DEFAULT_WINDOW_SIZE,
  DockerIgnore,
  SECRETS_DOCS,
  SECRET_RULES,
  SECRET_RULE_META,
  copySources,
  isBinary,
  isCertificatePath,
  isConfigLike,
  isPlaceholder,
  isSkippedPath,
  maskLine,
  parseDockerignore,
  redact,
  safeText,
  scanBuildContext,
  scanDockerfileText,
  scanImageConfigSecrets,
  scanText,
  scanTextWindowed,
  secretFingerprint,
  secretRule,
  secretsAnalyzer,
  secretsModule,
  shannonEntropy,
  windowsOf
};
