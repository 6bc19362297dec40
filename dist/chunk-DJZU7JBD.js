#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  AutoDecompress,
  Fields,
  MAX_MANIFEST_BYTES,
  badField,
  chain,
  checkEntries,
  checkPathLength,
  imageLimits,
  isObject,
  layerHistory,
  parseConfig,
  parseJson,
  sniffCompression
} from "./chunk-DRSEBZ5C.js";
import {
  MT
} from "./chunk-TXKN6PNT.js";
import {
  DigestVerifier,
  digestOf,
  isDigest,
  splitReference,
  verifyBytes
} from "./chunk-6FSLFHTN.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  oneLine
} from "./chunk-KDR2SZEQ.js";

// src/image/temp.ts
import { mkdtempSync, rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
var live = /* @__PURE__ */ new Set();
var SIGNALS = ["SIGINT", "SIGTERM"];
function onSignal(signal) {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
  live.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, signal);
}
async function tempDir(prefix, parent) {
  if (live.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  const dir = mkdtempSync(join(parent ?? tmpdir(), prefix));
  live.add(dir);
  return {
    dir,
    async cleanup() {
      live.delete(dir);
      if (live.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
      await rm(dir, { recursive: true, force: true });
    }
  };
}

// src/image/tar-index.ts
import { open } from "node:fs/promises";
import { createReadStream } from "node:fs";

// src/image/paths.ts
function normalizeEntryPath(name, what = "tar entry") {
  const parts = [];
  for (const seg of name.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (parts.length === 0)
        throw new ShipgateError("PATH_ESCAPE", `${what} "${printable(name)}" escapes the image root`, {
          hint: "the image was crafted to write outside its root filesystem; do not extract or run it"
        });
      parts.pop();
      continue;
    }
    parts.push(seg);
  }
  return `/${parts.join("/")}`;
}
function clampJoin(base, rel) {
  const start = rel.startsWith("/") ? [] : base.split("/").filter(Boolean);
  for (const seg of rel.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") start.pop();
    else start.push(seg);
  }
  return `/${start.join("/")}`;
}
function parentOf(path) {
  const i = path.lastIndexOf("/");
  return i <= 0 ? "/" : path.slice(0, i);
}
function baseName(path) {
  return path.slice(path.lastIndexOf("/") + 1);
}
function printable(s) {
  return s.replace(/[\u0000-\u001f\u007f]/g, "?").slice(0, 300);
}

// src/image/tar-index.ts
function str(buf, start, len) {
  const slice = buf.subarray(start, start + len);
  const nul = slice.indexOf(0);
  return slice.subarray(0, nul === -1 ? slice.length : nul).toString("utf8");
}
function octal(buf, start, len) {
  const field = buf.subarray(start, start + len);
  if (field[0] & 128) {
    let n = 0;
    for (let i = 1; i < field.length; i++) n = n * 256 + field[i];
    return n;
  }
  const s = str(buf, start, len).trim();
  return s ? parseInt(s, 8) : 0;
}
function checksumOk(h) {
  const stored = octal(h, 148, 8);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
  return sum === stored;
}
function parsePax(data) {
  const out = {};
  let i = 0;
  while (i < data.length) {
    const sp = data.indexOf(32, i);
    if (sp === -1) break;
    const len = parseInt(data.subarray(i, sp).toString(), 10);
    if (!len) break;
    const rec = data.subarray(sp + 1, i + len - 1).toString("utf8");
    const eq = rec.indexOf("=");
    if (eq > 0) out[rec.slice(0, eq)] = rec.slice(eq + 1);
    i += len;
  }
  return out;
}
var TYPES = {
  "0": "file",
  "\0": "file",
  "7": "file",
  "5": "dir",
  "2": "symlink",
  "1": "hardlink"
};
async function openArchive(file, what) {
  try {
    return await open(file, "r");
  } catch (e) {
    const code = e.code;
    if (code === "ENOENT") throw new ShipgateError("NOT_FOUND", `${what}: no such file`);
    if (code === "EISDIR")
      throw new ShipgateError("INPUT", `${what}: is a directory, expected a tar archive`);
    throw new ShipgateError("INPUT", `${what}: cannot open (${code ?? "error"})`);
  }
}
var TarIndex = class _TarIndex {
  constructor(file, members) {
    this.file = file;
    this.members = members;
  }
  file;
  members;
  /** Reads the headers of the tar at `file`. Malformed headers are IMAGE_FORMAT errors. */
  static async open(file, what = file) {
    const fh = await openArchive(file, what);
    try {
      const { size: fileSize } = await fh.stat();
      const members = /* @__PURE__ */ new Map();
      const limits = imageLimits();
      let entries = 0;
      const header = Buffer.alloc(512);
      let offset = 0;
      let longName;
      let longLink;
      let pax = {};
      let sawEnd = false;
      while (offset + 512 <= fileSize) {
        await fh.read(header, 0, 512, offset);
        if (header.every((b) => b === 0)) {
          sawEnd = true;
          break;
        }
        if (!checksumOk(header))
          throw new ShipgateError(
            "IMAGE_FORMAT",
            `${what}: not a tar archive (bad header at byte ${offset})`
          );
        const flag = String.fromCharCode(header[156]);
        const dataOffset = offset + 512;
        const isMeta = flag === "L" || flag === "K" || flag === "x" || flag === "g";
        if (!isMeta && pax.size !== void 0 && !/^\d{1,15}$/.test(pax.size))
          throw new ShipgateError(
            "IMAGE_FORMAT",
            `${what}: invalid pax size "${pax.size.slice(0, 40)}" at byte ${offset}`
          );
        const size = !isMeta && pax.size !== void 0 ? Number(pax.size) : octal(header, 124, 12);
        if (dataOffset + size > fileSize)
          throw new ShipgateError("IMAGE_FORMAT", `${what}: truncated tar archive`, {
            hint: "the archive is incomplete; save or copy it again"
          });
        const next = dataOffset + Math.ceil(size / 512) * 512;
        if (isMeta) {
          const data = Buffer.alloc(size);
          await fh.read(data, 0, size, dataOffset);
          if (flag === "L") longName = str(data, 0, size);
          else if (flag === "K") longLink = str(data, 0, size);
          else if (flag === "x") pax = parsePax(data);
          offset = next;
          continue;
        }
        const magic = str(header, 257, 6);
        const prefix = magic.startsWith("ustar") ? str(header, 345, 155) : "";
        let name = longName ?? pax.path ?? (prefix ? `${prefix}/${str(header, 0, 100)}` : str(header, 0, 100));
        const link = longLink ?? pax.linkpath ?? str(header, 157, 100);
        checkPathLength(limits, what, name);
        name = normalizeEntryPath(name, `${what}: member`);
        const type = TYPES[flag] ?? "other";
        const member = { path: name, offset: dataOffset, size, type };
        if (type === "symlink" || type === "hardlink") member.linkTarget = link;
        members.set(name, member);
        checkEntries(limits, what, ++entries);
        longName = longLink = void 0;
        pax = {};
        offset = next;
      }
      if (!sawEnd && members.size === 0)
        throw new ShipgateError("IMAGE_FORMAT", `${what}: empty or not a tar archive`);
      return new _TarIndex(file, members);
    } finally {
      await fh.close();
    }
  }
  /** The member at `path`, following symlinks and hard links inside the archive (docker save uses them). */
  get(path) {
    let p = normalizeEntryPath(path);
    for (let hops = 0; hops < 16; hops++) {
      const m = this.members.get(p);
      if (!m) return void 0;
      if (m.type === "file") return m;
      if (m.type === "hardlink" && m.linkTarget) p = normalizeEntryPath(m.linkTarget);
      else if (m.type === "symlink" && m.linkTarget)
        p = normalizeEntryPath(m.linkTarget.startsWith("/") ? m.linkTarget : `${p}/../${m.linkTarget}`);
      else return void 0;
    }
    return void 0;
  }
  stream(m) {
    if (m.size === 0) return createReadStream(this.file, { start: 1, end: 0 });
    return createReadStream(this.file, {
      start: m.offset,
      end: m.offset + m.size - 1,
      highWaterMark: 256 * 1024
    });
  }
  async read(m, max = 64 * 1024 * 1024) {
    if (m.size > max)
      throw new ShipgateError("IMAGE_FORMAT", `${this.file}: ${m.path} is too large (${m.size} bytes)`);
    const fh = await open(this.file, "r");
    try {
      const buf = Buffer.alloc(m.size);
      await fh.read(buf, 0, m.size, m.offset);
      return buf;
    } finally {
      await fh.close();
    }
  }
  async head(m, n) {
    const fh = await open(this.file, "r");
    try {
      const buf = Buffer.alloc(Math.min(n, m.size));
      await fh.read(buf, 0, buf.length, m.offset);
      return buf;
    } finally {
      await fh.close();
    }
  }
};

// src/image/sources/archive-file.ts
import { createReadStream as createReadStream2, createWriteStream } from "node:fs";
import { join as join2 } from "node:path";
import { pipeline } from "node:stream/promises";
async function head(file, what) {
  const fh = await openArchive(file, what);
  try {
    const buf = Buffer.alloc(4);
    const { bytesRead } = await fh.read(buf, 0, 4, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}
async function plainArchive(file, what, tmpDir) {
  const kind = sniffCompression(await head(file, what));
  if (kind === "none") return { path: file, cleanup: async () => {
  } };
  const { dir, cleanup } = await tempDir("shipgate-archive-", tmpDir);
  const path = join2(dir, "archive.tar");
  try {
    await pipeline(
      createReadStream2(file),
      new AutoDecompress({ limits: imageLimits(), what: `${what}: ${kind} archive` }),
      createWriteStream(path, { mode: 384 })
    );
  } catch (e) {
    await cleanup();
    if (e instanceof ShipgateError) throw e;
    throw new ShipgateError(
      "IMAGE_FORMAT",
      `${what}: cannot decompress the ${kind} archive (${oneLine(e.message)})`,
      {
        hint: "the archive is damaged or incomplete; save it again"
      }
    );
  }
  return { path, cleanup };
}

// src/image/sources/docker-archive.ts
function checkSaveEntry(v, what, i) {
  const path = `manifest.json[${i}]`;
  if (!isObject(v)) badField(what, path, "an object", v);
  const f = new Fields(v, what, path);
  f.string("Config");
  f.strings("Layers");
  if (typeof v.Config !== "string") badField(what, `${path}.Config`, "a string", v.Config);
  if (!Array.isArray(v.Layers)) badField(what, `${path}.Layers`, "an array of strings", v.Layers);
  f.strings("RepoTags", true);
  const sources = f.object("LayerSources");
  for (const key of Object.keys(sources?.obj ?? {})) {
    const source = sources.object(key);
    source?.string("mediaType");
    source?.integer("size");
    source?.string("digest");
  }
  return v;
}
function digestFromPath(path) {
  const m = /\/blobs\/(sha256)\/([a-f0-9]{64})$/.exec(path) ?? /\/()([a-f0-9]{64})\.json$/.exec(path);
  if (!m) return void 0;
  return `sha256:${m[2]}`;
}
function pickEntry(entries, name, what) {
  if (name) {
    const wanted = splitReference(name).tag !== void 0 ? name : `${name}:latest`;
    const e = entries.find(
      (x) => x.RepoTags?.some((t) => t === wanted || t === `docker.io/${wanted}` || t === `localhost/${wanted}`)
    );
    if (!e)
      throw new ShipgateError("NOT_FOUND", `${what}: no image named ${wanted} in the archive`, {
        hint: `images present: ${entries.flatMap((x) => x.RepoTags ?? []).join(", ") || "untagged"}`
      });
    return e;
  }
  if (entries.length !== 1)
    throw new ShipgateError(
      "USAGE",
      `${what}: the archive holds ${entries.length} images; name one with docker-archive:PATH:name:tag`,
      {
        hint: `images present: ${entries.flatMap((x) => x.RepoTags ?? []).join(", ") || "untagged"}`
      }
    );
  return entries[0];
}
async function openDockerArchive(file, name, ref, options, onClose) {
  const what = ref;
  const plain = await plainArchive(file, what, options.tmpDir);
  const done = async () => {
    await plain.cleanup();
    await onClose?.();
  };
  try {
    return await readDockerArchive(plain.path, name, ref, options, done);
  } catch (e) {
    await done();
    throw e;
  }
}
async function readDockerArchive(file, name, ref, options, onClose) {
  const what = ref;
  const tar = await TarIndex.open(file, what);
  const manifestMember = tar.get("manifest.json");
  if (!manifestMember)
    throw new ShipgateError("IMAGE_FORMAT", `${what}: not a docker-archive (no manifest.json)`, {
      hint: tar.get("index.json") ? "this looks like an OCI archive; use oci-archive:" : void 0
    });
  const doc = parseJson(await tar.read(manifestMember, MAX_MANIFEST_BYTES), `${what}: manifest.json`);
  if (!Array.isArray(doc) || doc.length === 0)
    throw new ShipgateError("IMAGE_FORMAT", `${what}: manifest.json is not a docker save manifest`);
  const entry = pickEntry(
    doc.map((e, i) => checkSaveEntry(e, what, i)),
    name,
    what
  );
  const need = (path, kind) => {
    const m = tar.get(path);
    if (!m) throw new ShipgateError("NOT_FOUND", `${what}: ${kind} ${path} is missing from the archive`);
    return m;
  };
  const configMember = need(entry.Config, "config");
  const configBytes = await tar.read(configMember, MAX_MANIFEST_BYTES);
  const configDigestFromName = digestFromPath(configMember.path);
  if (configDigestFromName) verifyBytes(configBytes, configDigestFromName, `${what}: config`);
  const config = parseConfig(configBytes, `${what}: config`);
  const configDigest = configDigestFromName ?? digestOf(configBytes);
  const diffIds = config.rootfs?.diff_ids ?? [];
  if (diffIds.length !== entry.Layers.length)
    throw new ShipgateError(
      "IMAGE_FORMAT",
      `${what}: manifest.json lists ${entry.Layers.length} layers but the config has ${diffIds.length} diff_ids`
    );
  const history = layerHistory(config, entry.Layers.length);
  const members = [];
  const verifyRawWith = [];
  const layers = [];
  for (let index = 0; index < entry.Layers.length; index++) {
    const m = need(entry.Layers[index], "layer");
    const diffId = diffIds[index];
    if (!isDigest(diffId))
      throw new ShipgateError("IMAGE_FORMAT", `${what}: invalid diff_id "${diffId.slice(0, 80)}"`);
    const compression = sniffCompression(await tar.head(m, 4));
    const named = digestFromPath(m.path);
    const source = entry.LayerSources?.[diffId];
    const digest = named ?? source?.digest ?? diffId;
    const layer = {
      index,
      digest: compression === "none" ? named ?? diffId : digest,
      diffId,
      mediaType: source?.mediaType ?? (compression === "gzip" ? MT.ociLayerGzip : compression === "zstd" ? MT.ociLayerZstd : MT.ociLayerTar),
      size: m.size
    };
    if (history[index] !== void 0) layer.createdBy = history[index];
    members.push(m);
    verifyRawWith.push(named ?? (compression === "none" ? diffId : void 0));
    layers.push(layer);
  }
  const info = {
    ref,
    configDigest,
    platform: {
      os: config.os ?? "linux",
      architecture: config.architecture ?? "unknown",
      ...config.variant ? { variant: config.variant } : {}
    },
    config,
    layers,
    size: members.reduce((n, m) => n + m.size, 0)
  };
  const repoTag = entry.RepoTags?.[0];
  if (repoTag) {
    const { name: name2, tag } = splitReference(repoTag);
    info.repository = name2;
    if (tag !== void 0) info.tag = tag;
  }
  return {
    info,
    configBytes,
    async openLayer(index) {
      const m = members[index];
      const layer = layers[index];
      if (!m || !layer) throw new ShipgateError("INTERNAL", `${what}: no layer ${index}`);
      const label = `${what}: layer ${index} (${layer.digest.slice(0, 19)})`;
      const raw = verifyRawWith[index];
      const streams = [];
      if (raw) streams.push(new DigestVerifier(raw, label, m.size));
      streams.push(new AutoDecompress({ limits: imageLimits(), what: label }));
      if (!raw || options.verifyDiffIds && raw !== layer.diffId)
        streams.push(new DigestVerifier(layer.diffId, `${label} uncompressed`));
      return chain(tar.stream(m), ...streams);
    },
    storedLayer(index) {
      const m = members[index];
      const layer = layers[index];
      const raw = verifyRawWith[index];
      if (!m || !layer || !raw) return void 0;
      const label = `${what}: layer ${index} (${raw.slice(0, 19)})`;
      return {
        mediaType: layer.mediaType,
        digest: raw,
        size: m.size,
        open: async () => chain(tar.stream(m), new DigestVerifier(raw, label, m.size))
      };
    },
    close: onClose
  };
}

export {
  normalizeEntryPath,
  clampJoin,
  parentOf,
  baseName,
  printable,
  TarIndex,
  tempDir,
  plainArchive,
  openDockerArchive
};
