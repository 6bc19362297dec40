#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  INDEX_TYPES,
  MANIFEST_TYPES,
  MT,
  isLayerMediaType
} from "./chunk-TXKN6PNT.js";
import {
  formatPlatform,
  parsePlatform
} from "./chunk-TJLGGXV5.js";
import {
  DigestVerifier,
  digestOf,
  isDigest,
  parseDigest,
  verifyBytes
} from "./chunk-6FSLFHTN.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  oneLine
} from "./chunk-KDR2SZEQ.js";

// src/image/format.ts
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function typeName(v) {
  if (v === void 0) return "missing";
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}
function fieldPath(parent, key) {
  if (typeof key === "number") return `${parent}[${key}]`;
  const safe = /^[A-Za-z_][\w-]{0,63}$/.test(key) ? key : JSON.stringify(key.slice(0, 64));
  return parent ? `${parent}.${safe}` : safe;
}
function badField(what, path, expected, value) {
  throw new ShipgateError("IMAGE_FORMAT", `${what}: ${path} must be ${expected}, not ${typeName(value)}`);
}
var Fields = class _Fields {
  constructor(obj, what, path = "") {
    this.obj = obj;
    this.what = what;
    this.path = path;
  }
  obj;
  what;
  path;
  at(key) {
    return fieldPath(this.path, key);
  }
  /** Removes a `null` value so it reads as absent; returns the value otherwise. */
  value(key, keepNull = false) {
    const v = this.obj[key];
    if (v === null && !keepNull) delete this.obj[key];
    return v === null && !keepNull ? void 0 : v;
  }
  string(key) {
    const v = this.value(key);
    if (v !== void 0 && typeof v !== "string") badField(this.what, this.at(key), "a string", v);
  }
  /** Descriptive text: dropped when not a string. */
  text(key) {
    if (key in this.obj && typeof this.obj[key] !== "string") delete this.obj[key];
  }
  boolean(key) {
    const v = this.value(key);
    if (v !== void 0 && typeof v !== "boolean") badField(this.what, this.at(key), "true or false", v);
  }
  /** A count, size or duration in nanoseconds. */
  integer(key) {
    const v = this.value(key);
    if (v !== void 0 && !(Number.isInteger(v) && v >= 0))
      badField(this.what, this.at(key), "a non-negative integer", v);
  }
  strings(key, keepNull = false) {
    const v = this.value(key, keepNull);
    if (v === void 0 || v === null) return;
    if (!Array.isArray(v)) badField(this.what, this.at(key), "an array of strings", v);
    v.forEach((s, i) => {
      if (typeof s !== "string") badField(this.what, fieldPath(this.at(key), i), "a string", s);
    });
  }
  /** An object whose values are strings (labels, annotations). */
  stringMap(key, keepNull = false) {
    const v = this.value(key, keepNull);
    if (v === void 0 || v === null) return;
    if (!isObject(v)) badField(this.what, this.at(key), "an object of strings", v);
    for (const [k, s] of Object.entries(v))
      if (typeof s !== "string") badField(this.what, fieldPath(this.at(key), k), "a string", s);
  }
  /** An object used as a set (ExposedPorts, Volumes): only its keys are read. */
  keySet(key) {
    const v = this.value(key);
    if (v !== void 0 && !isObject(v)) badField(this.what, this.at(key), "an object", v);
  }
  /** A nested object, or undefined when absent. */
  object(key) {
    const v = this.value(key);
    if (v === void 0) return void 0;
    if (!isObject(v)) badField(this.what, this.at(key), "an object", v);
    return new _Fields(v, this.what, this.at(key));
  }
  /** An array of objects, or undefined when absent. */
  objects(key) {
    const v = this.value(key);
    if (v === void 0) return void 0;
    if (!Array.isArray(v)) badField(this.what, this.at(key), "an array", v);
    return v.map((item, i) => {
      const p = fieldPath(this.at(key), i);
      if (!isObject(item)) badField(this.what, p, "an object", item);
      return new _Fields(item, this.what, p);
    });
  }
};
function checkImageConfig(doc, what) {
  if (!isObject(doc)) badField(what, "the image config", "a JSON object", doc);
  const top = new Fields(doc, what);
  for (const k of ["architecture", "os", "variant", "created"]) top.string(k);
  top.text("author");
  const cfg = top.object("config");
  if (cfg) {
    for (const k of ["User", "WorkingDir", "StopSignal"]) cfg.string(k);
    cfg.strings("Env");
    for (const k of ["Entrypoint", "Cmd", "OnBuild"]) cfg.strings(k, true);
    cfg.strings("Shell");
    cfg.stringMap("Labels", true);
    cfg.keySet("ExposedPorts");
    cfg.keySet("Volumes");
    const hc = cfg.object("Healthcheck");
    if (hc) {
      hc.strings("Test");
      for (const k of ["Interval", "Timeout", "StartPeriod", "StartInterval", "Retries"]) hc.integer(k);
    }
  }
  for (const h of top.objects("history") ?? []) {
    h.string("created_by");
    h.string("created");
    h.boolean("empty_layer");
    h.text("comment");
    h.text("author");
  }
  const rootfs = top.object("rootfs");
  if (rootfs) {
    rootfs.string("type");
    rootfs.strings("diff_ids");
    const ids = rootfs.obj.diff_ids;
    if (!Array.isArray(ids)) badField(what, "rootfs.diff_ids", "an array of digests", ids);
    ids.forEach((d, i) => {
      if (!isDigest(d))
        throw new ShipgateError(
          "IMAGE_FORMAT",
          `${what}: rootfs.diff_ids[${i}] is not a digest: "${d.slice(0, 80)}"`
        );
    });
  }
  return doc;
}
function checkDescriptorFields(f) {
  f.integer("size");
  f.stringMap("annotations");
  f.strings("urls");
  f.string("artifactType");
  const platform = f.object("platform");
  if (platform) {
    for (const k of ["os", "architecture"]) {
      platform.string(k);
      if (platform.obj[k] === void 0) badField(f.what, fieldPath(platform.path, k), "a string", void 0);
    }
    platform.string("variant");
    platform.string("os.version");
    platform.strings("os.features");
  }
}

// src/image/options.ts
var ARCH = {
  x64: "amd64",
  arm64: "arm64",
  arm: "arm",
  ia32: "386",
  ppc64: "ppc64le",
  s390x: "s390x",
  riscv64: "riscv64"
};
function defaultPlatform() {
  const architecture = ARCH[process.arch] ?? process.arch;
  const p = { os: "linux", architecture };
  if (architecture === "arm64") p.variant = "v8";
  if (architecture === "arm") p.variant = "v7";
  return p;
}

// src/image/manifest.ts
function parseJson(bytes, what) {
  try {
    return JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    throw new ShipgateError("IMAGE_FORMAT", `${what}: not valid JSON`);
  }
}
function descriptor(v, what) {
  if (!isObject(v) || typeof v.digest !== "string" || typeof v.mediaType !== "string")
    throw new ShipgateError("IMAGE_FORMAT", `${what}: descriptor without mediaType or digest`);
  parseDigest(v.digest, what);
  checkDescriptorFields(new Fields(v, what));
  const size = typeof v.size === "number" ? v.size : -1;
  return { ...v, mediaType: v.mediaType, digest: v.digest, size };
}
function parseManifest(bytes, what, mediaTypeHint) {
  const doc = parseJson(bytes, what);
  if (!isObject(doc)) throw new ShipgateError("IMAGE_FORMAT", `${what}: expected a JSON object`);
  const fields = new Fields(doc, what);
  fields.string("mediaType");
  fields.stringMap("annotations");
  const hint = mediaTypeHint?.split(";")[0]?.trim();
  const mediaType = typeof doc.mediaType === "string" ? doc.mediaType : hint && hint !== "application/json" ? hint : Array.isArray(doc.manifests) ? MT.ociIndex : MT.ociManifest;
  if (doc.schemaVersion === 1 || mediaType === MT.dockerSchema1 || mediaType === MT.dockerSchema1Signed)
    throw new ShipgateError("UNSUPPORTED", `${what}: Docker image manifest schema 1 is not supported`, {
      hint: "push the image again with a current Docker or buildah, which write schema 2 / OCI manifests"
    });
  if (INDEX_TYPES.has(mediaType) || Array.isArray(doc.manifests) && !doc.layers) {
    if (!Array.isArray(doc.manifests))
      throw new ShipgateError("IMAGE_FORMAT", `${what}: index without manifests`);
    return {
      kind: "index",
      mediaType,
      manifests: doc.manifests.map((m, i) => descriptor(m, `${what} manifests[${i}]`)),
      ...doc.annotations !== void 0 ? { annotations: doc.annotations } : {}
    };
  }
  if (MANIFEST_TYPES.has(mediaType) || isObject(doc.config) && Array.isArray(doc.layers)) {
    if (!isObject(doc.config) || !Array.isArray(doc.layers))
      throw new ShipgateError("IMAGE_FORMAT", `${what}: manifest without config or layers`);
    const out = {
      kind: "manifest",
      mediaType,
      config: descriptor(doc.config, `${what} config`),
      layers: doc.layers.map((l, i) => descriptor(l, `${what} layers[${i}]`))
    };
    if (doc.subject !== void 0 && doc.subject !== null)
      out.subject = descriptor(doc.subject, `${what} subject`);
    if (doc.annotations !== void 0) out.annotations = doc.annotations;
    return out;
  }
  throw new ShipgateError(
    "UNSUPPORTED",
    `${what}: unsupported manifest media type "${mediaType.slice(0, 100)}"`
  );
}
function isAttestation(d) {
  return d.annotations?.["vnd.docker.reference.type"] === "attestation-manifest" || d.platform?.os === "unknown" && d.platform?.architecture === "unknown";
}
function indexEntries(doc, digest) {
  const out = { digest, mediaType: doc.mediaType, platforms: [], skipped: [] };
  for (const d of doc.manifests) {
    if (isAttestation(d)) {
      const of = d.annotations?.["vnd.docker.reference.digest"];
      out.skipped.push({
        digest: d.digest,
        reason: `attestation manifest${of !== void 0 && isDigest(of) ? ` for ${of}` : ""} (${d.platform ? oneLine(formatPlatform(d.platform)).slice(0, 100) : "no platform"}), not an image`
      });
    } else if (MANIFEST_TYPES.has(d.mediaType) || INDEX_TYPES.has(d.mediaType))
      out.platforms.push({
        digest: d.digest,
        mediaType: d.mediaType,
        size: d.size,
        ...d.platform ? { platform: platformOf(d.platform) } : {}
      });
    else
      out.skipped.push({
        digest: d.digest,
        reason: `${oneLine(d.mediaType).slice(0, 100)} is not an image manifest`
      });
  }
  return out;
}
function variantMatches(want, have, strict) {
  if (!want.variant) return true;
  if (!have?.variant) return !strict && (want.variant === "v8" || want.architecture !== "arm");
  return have.variant === want.variant;
}
function selectPlatform(manifests, wanted, what, anyPlatform = false) {
  const images = manifests.filter(
    (d) => !isAttestation(d) && (MANIFEST_TYPES.has(d.mediaType) || INDEX_TYPES.has(d.mediaType))
  );
  if (images.length === 0)
    throw new ShipgateError("IMAGE_FORMAT", `${what}: the index lists no image manifests`);
  const want = wanted ? parsePlatform(wanted) : defaultPlatform();
  const withPlatform = images.filter((d) => d.platform);
  if (withPlatform.length === 0 && images.length === 1 && !wanted) return { chosen: images[0], others: [] };
  const candidates = withPlatform.filter(
    (d) => d.platform.os === want.os && d.platform.architecture === want.architecture
  );
  const chosen = candidates.find((d) => variantMatches(want, d.platform, true)) ?? candidates.find((d) => variantMatches(want, d.platform, false)) ?? (!wanted && !want.variant ? candidates[0] : void 0) ?? (!wanted && anyPlatform ? images[0] : void 0);
  if (!chosen) {
    const available = withPlatform.map((d) => formatPlatform(d.platform));
    throw new ShipgateError(
      "UNSUPPORTED",
      `${what}: no image for platform ${formatPlatform(want)}; available: ${available.join(", ") || "none"}`,
      { hint: "choose one of the available platforms with --platform os/arch[/variant]" }
    );
  }
  const others = withPlatform.filter((d) => d !== chosen).map((d) => platformOf(d.platform));
  return { chosen, others };
}
function platformOf(p) {
  const out = { os: p.os, architecture: p.architecture };
  if (p.variant) out.variant = p.variant;
  return out;
}
function parseConfig(bytes, what) {
  return checkImageConfig(parseJson(bytes, what), what);
}
function layerHistory(config, layerCount) {
  const out = [];
  for (const h of config.history ?? []) {
    if (h.empty_layer) continue;
    out.push(h.created_by);
  }
  while (out.length < layerCount) out.push(void 0);
  return out.slice(0, layerCount);
}
function layerInfos(manifest, config, what) {
  const history = layerHistory(config, manifest.layers.length);
  const diffIds = config.rootfs?.diff_ids ?? [];
  if (diffIds.length && diffIds.length !== manifest.layers.length)
    throw new ShipgateError(
      "IMAGE_FORMAT",
      `${what}: the manifest has ${manifest.layers.length} layers but the config lists ${diffIds.length} diff_ids`
    );
  return manifest.layers.map((l, index) => {
    if (!isLayerMediaType(l.mediaType))
      throw new ShipgateError(
        "UNSUPPORTED",
        `${what}: layer ${index} has unsupported media type "${l.mediaType}"`,
        {
          hint: "shipgate reads container image layers (tar, tar+gzip, tar+zstd); is this an artifact rather than an image?"
        }
      );
    const info = { index, digest: l.digest, mediaType: l.mediaType, size: l.size };
    if (diffIds[index]) info.diffId = diffIds[index];
    const createdBy = history[index];
    if (createdBy !== void 0) info.createdBy = createdBy;
    return info;
  });
}

// src/image/store.ts
import { pipeline } from "node:stream";

// src/image/decompress.ts
import { Transform } from "node:stream";
import * as zlib from "node:zlib";

// node_modules/fzstd/esm/index.mjs
var ab = ArrayBuffer;
var u8 = Uint8Array;
var u16 = Uint16Array;
var i16 = Int16Array;
var i32 = Int32Array;
var slc = function(v, s, e) {
  if (u8.prototype.slice)
    return u8.prototype.slice.call(v, s, e);
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  var n = new u8(e - s);
  n.set(v.subarray(s, e));
  return n;
};
var fill = function(v, n, s, e) {
  if (u8.prototype.fill)
    return u8.prototype.fill.call(v, n, s, e);
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  for (; s < e; ++s)
    v[s] = n;
  return v;
};
var cpw = function(v, t, s, e) {
  if (u8.prototype.copyWithin)
    return u8.prototype.copyWithin.call(v, t, s, e);
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  while (s < e) {
    v[t++] = v[s++];
  }
};
var ec = [
  "invalid zstd data",
  "window size too large (>2046MB)",
  "invalid block type",
  "FSE accuracy too high",
  "match distance too far back",
  "unexpected EOF"
];
var err = function(ind, msg, nt) {
  var e = new Error(msg || ec[ind]);
  e.code = ind;
  if (Error.captureStackTrace)
    Error.captureStackTrace(e, err);
  if (!nt)
    throw e;
  return e;
};
var rb = function(d, b, n) {
  var i = 0, o = 0;
  for (; i < n; ++i)
    o |= d[b++] << (i << 3);
  return o;
};
var b4 = function(d, b) {
  return (d[b] | d[b + 1] << 8 | d[b + 2] << 16 | d[b + 3] << 24) >>> 0;
};
var rzfh = function(dat, w) {
  var n3 = dat[0] | dat[1] << 8 | dat[2] << 16;
  if (n3 == 3126568 && dat[3] == 253) {
    var flg = dat[4];
    var ss = flg >> 5 & 1, cc = flg >> 2 & 1, df = flg & 3, fcf = flg >> 6;
    if (flg & 8)
      err(0);
    var bt = 6 - ss;
    var db = df == 3 ? 4 : df;
    var di = rb(dat, bt, db);
    bt += db;
    var fsb = fcf ? 1 << fcf : ss;
    var fss = rb(dat, bt, fsb) + (fcf == 1 && 256);
    var ws = fss;
    if (!ss) {
      var wb = 1 << 10 + (dat[5] >> 3);
      ws = wb + (wb >> 3) * (dat[5] & 7);
    }
    if (ws > 2145386496)
      err(1);
    var buf = new u8((w == 1 ? fss || ws : w ? 0 : ws) + 12);
    buf[0] = 1, buf[4] = 4, buf[8] = 8;
    return {
      b: bt + fsb,
      y: 0,
      l: 0,
      d: di,
      w: w && w != 1 ? w : buf.subarray(12),
      e: ws,
      o: new i32(buf.buffer, 0, 3),
      u: fss,
      c: cc,
      m: Math.min(131072, ws)
    };
  } else if ((n3 >> 4 | dat[3] << 20) == 25481893) {
    return b4(dat, 4) + 8;
  }
  err(0);
};
var msb = function(val) {
  var bits = 0;
  for (; 1 << bits <= val; ++bits)
    ;
  return bits - 1;
};
var rfse = function(dat, bt, mal) {
  var tpos = (bt << 3) + 4;
  var al = (dat[bt] & 15) + 5;
  if (al > mal)
    err(3);
  var sz = 1 << al;
  var probs = sz, sym = -1, re = -1, i = -1, ht = sz;
  var buf = new ab(512 + (sz << 2));
  var freq = new i16(buf, 0, 256);
  var dstate = new u16(buf, 0, 256);
  var nstate = new u16(buf, 512, sz);
  var bb1 = 512 + (sz << 1);
  var syms = new u8(buf, bb1, sz);
  var nbits = new u8(buf, bb1 + sz);
  while (sym < 255 && probs > 0) {
    var bits = msb(probs + 1);
    var cbt = tpos >> 3;
    var msk = (1 << bits + 1) - 1;
    var val = (dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (tpos & 7) & msk;
    var msk1fb = (1 << bits) - 1;
    var msv = msk - probs - 1;
    var sval = val & msk1fb;
    if (sval < msv)
      tpos += bits, val = sval;
    else {
      tpos += bits + 1;
      if (val > msk1fb)
        val -= msv;
    }
    freq[++sym] = --val;
    if (val == -1) {
      probs += val;
      syms[--ht] = sym;
    } else
      probs -= val;
    if (!val) {
      do {
        var rbt = tpos >> 3;
        re = (dat[rbt] | dat[rbt + 1] << 8) >> (tpos & 7) & 3;
        tpos += 2;
        sym += re;
      } while (re == 3);
    }
  }
  if (sym > 255 || probs)
    err(0);
  var sympos = 0;
  var sstep = (sz >> 1) + (sz >> 3) + 3;
  var smask = sz - 1;
  for (var s = 0; s <= sym; ++s) {
    var sf = freq[s];
    if (sf < 1) {
      dstate[s] = -sf;
      continue;
    }
    for (i = 0; i < sf; ++i) {
      syms[sympos] = s;
      do {
        sympos = sympos + sstep & smask;
      } while (sympos >= ht);
    }
  }
  if (sympos)
    err(0);
  for (i = 0; i < sz; ++i) {
    var ns = dstate[syms[i]]++;
    var nb = nbits[i] = al - msb(ns);
    nstate[i] = (ns << nb) - sz;
  }
  return [tpos + 7 >> 3, {
    b: al,
    s: syms,
    n: nbits,
    t: nstate
  }];
};
var rhu = function(dat, bt) {
  var i = 0, wc = -1;
  var buf = new u8(292), hb = dat[bt];
  var hw = buf.subarray(0, 256);
  var rc = buf.subarray(256, 268);
  var ri = new u16(buf.buffer, 268);
  if (hb < 128) {
    var _a = rfse(dat, bt + 1, 6), ebt = _a[0], fdt = _a[1];
    bt += hb;
    var epos = ebt << 3;
    var lb = dat[bt];
    if (!lb)
      err(0);
    var st1 = 0, st2 = 0, btr1 = fdt.b, btr2 = btr1;
    var fpos = (++bt << 3) - 8 + msb(lb);
    for (; ; ) {
      fpos -= btr1;
      if (fpos < epos)
        break;
      var cbt = fpos >> 3;
      st1 += (dat[cbt] | dat[cbt + 1] << 8) >> (fpos & 7) & (1 << btr1) - 1;
      hw[++wc] = fdt.s[st1];
      fpos -= btr2;
      if (fpos < epos)
        break;
      cbt = fpos >> 3;
      st2 += (dat[cbt] | dat[cbt + 1] << 8) >> (fpos & 7) & (1 << btr2) - 1;
      hw[++wc] = fdt.s[st2];
      btr1 = fdt.n[st1];
      st1 = fdt.t[st1];
      btr2 = fdt.n[st2];
      st2 = fdt.t[st2];
    }
    if (++wc > 255)
      err(0);
  } else {
    wc = hb - 127;
    for (; i < wc; i += 2) {
      var byte = dat[++bt];
      hw[i] = byte >> 4;
      hw[i + 1] = byte & 15;
    }
    ++bt;
  }
  var wes = 0;
  for (i = 0; i < wc; ++i) {
    var wt = hw[i];
    if (wt > 11)
      err(0);
    wes += wt && 1 << wt - 1;
  }
  var mb = msb(wes) + 1;
  var ts = 1 << mb;
  var rem = ts - wes;
  if (rem & rem - 1)
    err(0);
  hw[wc++] = msb(rem) + 1;
  for (i = 0; i < wc; ++i) {
    var wt = hw[i];
    ++rc[hw[i] = wt && mb + 1 - wt];
  }
  var hbuf = new u8(ts << 1);
  var syms = hbuf.subarray(0, ts), nb = hbuf.subarray(ts);
  ri[mb] = 0;
  for (i = mb; i > 0; --i) {
    var pv = ri[i];
    fill(nb, i, pv, ri[i - 1] = pv + rc[i] * (1 << mb - i));
  }
  if (ri[0] != ts)
    err(0);
  for (i = 0; i < wc; ++i) {
    var bits = hw[i];
    if (bits) {
      var code = ri[bits];
      fill(syms, i, code, ri[bits] = code + (1 << mb - bits));
    }
  }
  return [bt, {
    n: nb,
    b: mb,
    s: syms
  }];
};
var dllt = rfse(/* @__PURE__ */ new u8([
  81,
  16,
  99,
  140,
  49,
  198,
  24,
  99,
  12,
  33,
  196,
  24,
  99,
  102,
  102,
  134,
  70,
  146,
  4
]), 0, 6)[1];
var dmlt = rfse(/* @__PURE__ */ new u8([
  33,
  20,
  196,
  24,
  99,
  140,
  33,
  132,
  16,
  66,
  8,
  33,
  132,
  16,
  66,
  8,
  33,
  68,
  68,
  68,
  68,
  68,
  68,
  68,
  68,
  36,
  9
]), 0, 6)[1];
var doct = rfse(/* @__PURE__ */ new u8([
  32,
  132,
  16,
  66,
  102,
  70,
  68,
  68,
  68,
  68,
  36,
  73,
  2
]), 0, 5)[1];
var b2bl = function(b, s) {
  var len = b.length, bl = new i32(len);
  for (var i = 0; i < len; ++i) {
    bl[i] = s;
    s += 1 << b[i];
  }
  return bl;
};
var llb = /* @__PURE__ */ new u8((/* @__PURE__ */ new i32([
  0,
  0,
  0,
  0,
  16843009,
  50528770,
  134678020,
  202050057,
  269422093
])).buffer, 0, 36);
var llbl = /* @__PURE__ */ b2bl(llb, 0);
var mlb = /* @__PURE__ */ new u8((/* @__PURE__ */ new i32([
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  16843009,
  50528770,
  117769220,
  185207048,
  252579084,
  16
])).buffer, 0, 53);
var mlbl = /* @__PURE__ */ b2bl(mlb, 3);
var dhu = function(dat, out, hu) {
  var len = dat.length, ss = out.length, lb = dat[len - 1], msk = (1 << hu.b) - 1, eb = -hu.b;
  if (!lb)
    err(0);
  var st = 0, btr = hu.b, pos = (len << 3) - 8 + msb(lb) - btr, i = -1;
  for (; pos > eb && i < ss; ) {
    var cbt = pos >> 3;
    var val = (dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (pos & 7);
    st = (st << btr | val) & msk;
    out[++i] = hu.s[st];
    pos -= btr = hu.n[st];
  }
  if (pos != eb || i + 1 != ss)
    err(0);
};
var dhu4 = function(dat, out, hu) {
  var bt = 6;
  var ss = out.length, sz1 = ss + 3 >> 2, sz2 = sz1 << 1, sz3 = sz1 + sz2;
  dhu(dat.subarray(bt, bt += dat[0] | dat[1] << 8), out.subarray(0, sz1), hu);
  dhu(dat.subarray(bt, bt += dat[2] | dat[3] << 8), out.subarray(sz1, sz2), hu);
  dhu(dat.subarray(bt, bt += dat[4] | dat[5] << 8), out.subarray(sz2, sz3), hu);
  dhu(dat.subarray(bt), out.subarray(sz3), hu);
};
var rzb = function(dat, st, out) {
  var _a;
  var bt = st.b;
  var b0 = dat[bt], btype = b0 >> 1 & 3;
  st.l = b0 & 1;
  var sz = b0 >> 3 | dat[bt + 1] << 5 | dat[bt + 2] << 13;
  var ebt = (bt += 3) + sz;
  if (btype == 1) {
    if (bt >= dat.length)
      return;
    st.b = bt + 1;
    if (out) {
      fill(out, dat[bt], st.y, st.y += sz);
      return out;
    }
    return fill(new u8(sz), dat[bt]);
  }
  if (ebt > dat.length)
    return;
  if (btype == 0) {
    st.b = ebt;
    if (out) {
      out.set(dat.subarray(bt, ebt), st.y);
      st.y += sz;
      return out;
    }
    return slc(dat, bt, ebt);
  }
  if (btype == 2) {
    var b3 = dat[bt], lbt = b3 & 3, sf = b3 >> 2 & 3;
    var lss = b3 >> 4, lcs = 0, s4 = 0;
    if (lbt < 2) {
      if (sf & 1)
        lss |= dat[++bt] << 4 | (sf & 2 && dat[++bt] << 12);
      else
        lss = b3 >> 3;
    } else {
      s4 = sf;
      if (sf < 2)
        lss |= (dat[++bt] & 63) << 4, lcs = dat[bt] >> 6 | dat[++bt] << 2;
      else if (sf == 2)
        lss |= dat[++bt] << 4 | (dat[++bt] & 3) << 12, lcs = dat[bt] >> 2 | dat[++bt] << 6;
      else
        lss |= dat[++bt] << 4 | (dat[++bt] & 63) << 12, lcs = dat[bt] >> 6 | dat[++bt] << 2 | dat[++bt] << 10;
    }
    ++bt;
    var buf = out ? out.subarray(st.y, st.y + st.m) : new u8(st.m);
    var spl = buf.length - lss;
    if (lbt == 0)
      buf.set(dat.subarray(bt, bt += lss), spl);
    else if (lbt == 1)
      fill(buf, dat[bt++], spl);
    else {
      var hu = st.h;
      if (lbt == 2) {
        var hud = rhu(dat, bt);
        lcs += bt - (bt = hud[0]);
        st.h = hu = hud[1];
      } else if (!hu)
        err(0);
      (s4 ? dhu4 : dhu)(dat.subarray(bt, bt += lcs), buf.subarray(spl), hu);
    }
    var ns = dat[bt++];
    if (ns) {
      if (ns == 255)
        ns = (dat[bt++] | dat[bt++] << 8) + 32512;
      else if (ns > 127)
        ns = ns - 128 << 8 | dat[bt++];
      var scm = dat[bt++];
      if (scm & 3)
        err(0);
      var dts = [dmlt, doct, dllt];
      for (var i = 2; i > -1; --i) {
        var md = scm >> (i << 1) + 2 & 3;
        if (md == 1) {
          var rbuf = new u8([0, 0, dat[bt++]]);
          dts[i] = {
            s: rbuf.subarray(2, 3),
            n: rbuf.subarray(0, 1),
            t: new u16(rbuf.buffer, 0, 1),
            b: 0
          };
        } else if (md == 2) {
          _a = rfse(dat, bt, 9 - (i & 1)), bt = _a[0], dts[i] = _a[1];
        } else if (md == 3) {
          if (!st.t)
            err(0);
          dts[i] = st.t[i];
        }
      }
      var _b = st.t = dts, mlt = _b[0], oct = _b[1], llt = _b[2];
      var lb = dat[ebt - 1];
      if (!lb)
        err(0);
      var spos = (ebt << 3) - 8 + msb(lb) - llt.b, cbt = spos >> 3, oubt = 0;
      var lst = (dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << llt.b) - 1;
      cbt = (spos -= oct.b) >> 3;
      var ost = (dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << oct.b) - 1;
      cbt = (spos -= mlt.b) >> 3;
      var mst = (dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << mlt.b) - 1;
      for (++ns; --ns; ) {
        var llc = llt.s[lst];
        var lbtr = llt.n[lst];
        var mlc = mlt.s[mst];
        var mbtr = mlt.n[mst];
        var ofc = oct.s[ost];
        var obtr = oct.n[ost];
        cbt = (spos -= ofc) >> 3;
        var ofp = 1 << ofc;
        var off = ofp + ((dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16 | dat[cbt + 3] << 24) >>> (spos & 7) & ofp - 1);
        cbt = (spos -= mlb[mlc]) >> 3;
        var ml = mlbl[mlc] + ((dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (spos & 7) & (1 << mlb[mlc]) - 1);
        cbt = (spos -= llb[llc]) >> 3;
        var ll = llbl[llc] + ((dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (spos & 7) & (1 << llb[llc]) - 1);
        cbt = (spos -= lbtr) >> 3;
        lst = llt.t[lst] + ((dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << lbtr) - 1);
        cbt = (spos -= mbtr) >> 3;
        mst = mlt.t[mst] + ((dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << mbtr) - 1);
        cbt = (spos -= obtr) >> 3;
        ost = oct.t[ost] + ((dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << obtr) - 1);
        if (off > 3) {
          st.o[2] = st.o[1];
          st.o[1] = st.o[0];
          st.o[0] = off -= 3;
        } else {
          var idx = off - (ll != 0);
          if (idx) {
            off = idx == 3 ? st.o[0] - 1 : st.o[idx];
            if (idx > 1)
              st.o[2] = st.o[1];
            st.o[1] = st.o[0];
            st.o[0] = off;
          } else
            off = st.o[0];
        }
        for (var i = 0; i < ll; ++i) {
          buf[oubt + i] = buf[spl + i];
        }
        oubt += ll, spl += ll;
        var stin = oubt - off;
        if (stin < 0) {
          var len = -stin;
          var bs = st.e + stin;
          if (len > ml)
            len = ml;
          for (var i = 0; i < len; ++i) {
            buf[oubt + i] = st.w[bs + i];
          }
          oubt += len, ml -= len, stin = 0;
        }
        for (var i = 0; i < ml; ++i) {
          buf[oubt + i] = buf[stin + i];
        }
        oubt += ml;
      }
      if (oubt != spl) {
        while (spl < buf.length) {
          buf[oubt++] = buf[spl++];
        }
      } else
        oubt = buf.length;
      if (out)
        st.y += oubt;
      else
        buf = slc(buf, 0, oubt);
    } else if (out) {
      st.y += lss;
      if (spl) {
        for (var i = 0; i < lss; ++i) {
          buf[i] = buf[spl + i];
        }
      }
    } else if (spl)
      buf = slc(buf, spl);
    st.b = ebt;
    return buf;
  }
  err(2);
};
var cct = function(bufs, ol) {
  if (bufs.length == 1)
    return bufs[0];
  var buf = new u8(ol);
  for (var i = 0, b = 0; i < bufs.length; ++i) {
    var chk = bufs[i];
    buf.set(chk, b);
    b += chk.length;
  }
  return buf;
};
var Decompress = /* @__PURE__ */ (function() {
  function Decompress2(ondata) {
    this.ondata = ondata;
    this.c = [];
    this.l = 0;
    this.z = 0;
  }
  Decompress2.prototype.push = function(chunk, final) {
    if (typeof this.s == "number") {
      var sub = Math.min(chunk.length, this.s);
      chunk = chunk.subarray(sub);
      this.s -= sub;
    }
    var sl = chunk.length;
    var ncs = sl + this.l;
    if (!this.s) {
      if (final) {
        if (!ncs) {
          this.ondata(new u8(0), true);
          return;
        }
        if (ncs < 5)
          err(5);
      } else if (ncs < 18) {
        this.c.push(chunk);
        this.l = ncs;
        return;
      }
      if (this.l) {
        this.c.push(chunk);
        chunk = cct(this.c, ncs);
        this.c = [];
        this.l = 0;
      }
      if (typeof (this.s = rzfh(chunk)) == "number")
        return this.push(chunk, final);
    }
    if (typeof this.s != "number") {
      if (ncs < (this.z || 3)) {
        if (final)
          err(5);
        this.c.push(chunk);
        this.l = ncs;
        return;
      }
      if (this.l) {
        this.c.push(chunk);
        chunk = cct(this.c, ncs);
        this.c = [];
        this.l = 0;
      }
      if (!this.z && ncs < (this.z = chunk[this.s.b] & 2 ? 4 : 3 + (chunk[this.s.b] >> 3 | chunk[this.s.b + 1] << 5 | chunk[this.s.b + 2] << 13))) {
        if (final)
          err(5);
        this.c.push(chunk);
        this.l = ncs;
        return;
      } else
        this.z = 0;
      for (; ; ) {
        var blk = rzb(chunk, this.s);
        if (!blk) {
          if (final)
            err(5);
          var adc = chunk.subarray(this.s.b);
          this.s.b = 0;
          this.c.push(adc), this.l += adc.length;
          return;
        } else {
          this.ondata(blk, false);
          cpw(this.s.w, 0, blk.length);
          this.s.w.set(blk, this.s.w.length - blk.length);
        }
        if (this.s.l) {
          var rest = chunk.subarray(this.s.b);
          this.s = this.s.c * 4;
          this.push(rest, final);
          return;
        }
      }
    } else if (final)
      err(5);
  };
  return Decompress2;
})();

// src/image/limits.ts
var GiB = 1024 ** 3;
var DEFAULT_LIMITS = {
  maxExpandedBytes: 32 * GiB,
  maxRatio: 100,
  ratioFloorBytes: GiB,
  maxEntries: 2e6,
  maxPathLength: 4096
};
var UNITS = { "": 1, K: 1024, M: 1024 ** 2, G: GiB, T: 1024 ** 4 };
function parseSize(name, text) {
  const m = /^(\d+)\s*([KMGT]?)i?B?$/i.exec(text.trim());
  if (!m)
    throw new ShipgateError("USAGE", `${name}: invalid size "${text.slice(0, 40)}"`, {
      hint: "use e.g. 64G"
    });
  return Number(m[1]) * UNITS[m[2].toUpperCase()];
}
function parseCount(name, text) {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1)
    throw new ShipgateError("USAGE", `${name}: invalid number "${text.slice(0, 40)}"`);
  return Number(text);
}
function imageLimits(env = process.env) {
  const out = { ...DEFAULT_LIMITS };
  const v = (name) => env[name]?.trim() || void 0;
  const size = v("SHIPGATE_MAX_EXPANDED_SIZE");
  if (size) out.maxExpandedBytes = parseSize("SHIPGATE_MAX_EXPANDED_SIZE", size);
  const ratio = v("SHIPGATE_MAX_RATIO");
  if (ratio) out.maxRatio = parseCount("SHIPGATE_MAX_RATIO", ratio);
  const entries = v("SHIPGATE_MAX_ENTRIES");
  if (entries) out.maxEntries = parseCount("SHIPGATE_MAX_ENTRIES", entries);
  const path = v("SHIPGATE_MAX_PATH_LENGTH");
  if (path) out.maxPathLength = parseCount("SHIPGATE_MAX_PATH_LENGTH", path);
  return out;
}
function human(bytes) {
  return bytes >= GiB ? `${(bytes / GiB).toFixed(1)} GiB` : `${Math.round(bytes / 1024 ** 2)} MiB`;
}
function checkExpansion(limits, what, compressed, expanded) {
  if (expanded > limits.maxExpandedBytes)
    throw new ShipgateError("LIMIT", `${what}: expands to more than ${human(limits.maxExpandedBytes)}`, {
      hint: "if the image is genuine, raise SHIPGATE_MAX_EXPANDED_SIZE"
    });
  if (expanded > limits.ratioFloorBytes && expanded > compressed * limits.maxRatio)
    throw new ShipgateError(
      "LIMIT",
      `${what}: expands more than ${limits.maxRatio} times (${human(compressed)} to over ${human(expanded)}), like a decompression bomb`,
      { hint: "if the image is genuine, raise SHIPGATE_MAX_RATIO" }
    );
}
function checkEntries(limits, what, count) {
  if (count > limits.maxEntries)
    throw new ShipgateError("LIMIT", `${what}: more than ${limits.maxEntries} entries`, {
      hint: "if the image is genuine, raise SHIPGATE_MAX_ENTRIES"
    });
}
function checkPathLength(limits, what, path) {
  if (path.length > limits.maxPathLength)
    throw new ShipgateError(
      "LIMIT",
      `${what}: an entry path is ${path.length} characters long, over ${limits.maxPathLength}`,
      { hint: "if the image is genuine, raise SHIPGATE_MAX_PATH_LENGTH" }
    );
}

// src/image/decompress.ts
var GZIP = [31, 139];
var ZSTD = [40, 181, 47, 253];
function sniffCompression(head) {
  if (head[0] === GZIP[0] && head[1] === GZIP[1]) return "gzip";
  if (ZSTD.every((b, i) => head[i] === b)) return "zstd";
  return "none";
}
function nodeZstd() {
  const z = zlib;
  return typeof z.createZstdDecompress === "function" ? () => z.createZstdDecompress() : void 0;
}
var FzstdTransform = class extends Transform {
  dec;
  constructor() {
    super();
    this.dec = new Decompress((chunk) => {
      this.push(Buffer.from(chunk));
    });
  }
  _transform(chunk, _enc, cb) {
    try {
      this.dec.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      cb();
    } catch (e) {
      cb(e instanceof Error ? e : new Error(String(e)));
    }
  }
  _flush(cb) {
    try {
      this.dec.push(new Uint8Array(0), true);
      cb();
    } catch (e) {
      cb(e instanceof Error ? e : new Error(String(e)));
    }
  }
};
function createDecompressor(kind, opts = {}) {
  if (kind === "gzip") return zlib.createGunzip();
  if (kind === "zstd") {
    const native = opts.forceFzstd ? void 0 : nodeZstd();
    return native ? native() : new FzstdTransform();
  }
  return void 0;
}
var AutoDecompress = class extends Transform {
  /** With `limits`, the stream fails with a LIMIT error once the output outgrows them (see ./limits). */
  constructor(opts = {}) {
    super();
    this.opts = opts;
  }
  opts;
  head = [];
  headLen = 0;
  inner;
  decided = false;
  /** The compression seen, once known. */
  compression;
  compressedBytes = 0;
  expandedBytes = 0;
  /** Counts output against the limits; false (and the stream destroyed) when past them. */
  within(bytes) {
    const limits = this.opts.limits;
    if (!limits) return true;
    this.expandedBytes += bytes;
    try {
      checkExpansion(limits, this.opts.what ?? "archive", this.compressedBytes, this.expandedBytes);
      return true;
    } catch (e) {
      this.destroy(e);
      return false;
    }
  }
  _transform(chunk, _enc, cb) {
    this.compressedBytes += chunk.length;
    if (!this.decided) {
      this.head.push(chunk);
      this.headLen += chunk.length;
      if (this.headLen < 4) {
        cb();
        return;
      }
      this.decide();
      const buffered = Buffer.concat(this.head);
      this.head = [];
      this.forward(buffered, cb);
      return;
    }
    this.forward(chunk, cb);
  }
  _flush(cb) {
    if (!this.decided) {
      this.decide();
      const buffered = Buffer.concat(this.head);
      this.head = [];
      if (buffered.length) {
        this.forward(buffered, (err2) => err2 ? cb(err2) : this.finishInner(cb));
        return;
      }
    }
    this.finishInner(cb);
  }
  decide() {
    this.decided = true;
    this.compression = sniffCompression(Buffer.concat(this.head).subarray(0, 4));
    this.inner = createDecompressor(this.compression, this.opts);
    if (this.inner) {
      this.inner.on("data", (d) => {
        if (!this.within(d.length)) return;
        if (!this.push(d)) this.inner.pause();
      });
      this.inner.on("error", (e) => this.destroy(e));
    }
  }
  _read(size) {
    this.inner?.resume();
    super._read(size);
  }
  forward(chunk, cb) {
    if (!this.inner) {
      if (this.within(chunk.length)) cb(null, chunk);
      return;
    }
    if (this.inner.write(chunk)) cb();
    else this.inner.once("drain", () => cb());
  }
  _destroy(err2, cb) {
    this.inner?.destroy();
    cb(err2);
  }
  finishInner(cb) {
    if (!this.inner) {
      cb();
      return;
    }
    this.inner.once("end", () => cb());
    this.inner.end();
  }
};

// src/core/garbage.ts
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
var MiB = 1024 * 1024;
var COLLECT_EVERY = { young: 8 * MiB, full: 32 * MiB };
var gc;
function collector() {
  if (!gc) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc");
  }
  return gc;
}
var GarbageBound = class {
  constructor(kind, collect = collector) {
    this.kind = kind;
    this.collect = collect;
    this.everyBytes = COLLECT_EVERY[kind];
  }
  kind;
  collect;
  since = 0;
  everyBytes;
  /** Counts `bytes` read; collects once the kind's bytes have been read since the last collection. */
  add(bytes) {
    this.since += bytes;
    if (this.since < this.everyBytes) return;
    this.since = 0;
    const gc2 = this.collect();
    if (this.kind === "young") gc2({ type: "minor" });
    else gc2();
  }
};

// src/image/store.ts
var MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
async function readVerified(store, desc, what, kind = "blob") {
  if (desc.size > MAX_MANIFEST_BYTES)
    throw new ShipgateError(
      "IMAGE_FORMAT",
      `${what}: ${desc.size} bytes is too large for a manifest or config`
    );
  const bytes = kind === "manifest" && store.readManifest ? await store.readManifest(desc) : await store.readBlob(desc);
  verifyBytes(bytes, desc.digest, what);
  return bytes;
}
function chain(first, ...rest) {
  if (rest.length === 0) return first;
  const last = rest[rest.length - 1];
  pipeline([first, ...rest], (err2) => {
    if (err2 && !last.destroyed) last.destroy(err2);
  });
  return last;
}
function openLayerStream(raw, layer, what, opts) {
  const label = `${what}: layer ${layer.index} (${layer.digest.slice(0, 19)})`;
  const streams = [
    new DigestVerifier(layer.digest, label, layer.size),
    new AutoDecompress({ limits: imageLimits(), what: label })
  ];
  if (opts.verifyDiffId && layer.diffId && layer.diffId !== layer.digest)
    streams.push(new DigestVerifier(layer.diffId, `${label} uncompressed`));
  return chain(raw, ...streams);
}
async function openFromManifest(store, top, meta, options = {}) {
  const what = store.what;
  let doc = parseManifest(top.bytes, `${what}: manifest`, top.mediaType);
  let digest = top.digest;
  let index;
  let others;
  let platformHint;
  for (let depth = 0; doc.kind === "index"; depth++) {
    if (depth > 4) throw new ShipgateError("IMAGE_FORMAT", `${what}: indexes nested too deeply`);
    const { chosen, others: rest } = selectPlatform(
      doc.manifests,
      options.platform,
      what,
      options.anyPlatform
    );
    index ??= indexEntries(doc, digest);
    others ??= rest;
    if (chosen.platform) platformHint = chosen.platform;
    const bytes = await readVerified(store, chosen, `${what}: manifest ${chosen.digest}`, "manifest");
    doc = parseManifest(bytes, `${what}: manifest ${chosen.digest}`, chosen.mediaType);
    digest = chosen.digest;
  }
  const image = await openManifest(store, doc, digest, platformHint, meta, options);
  if (!index) return { ...image, close: () => store.close() };
  const listed = index;
  image.info.indexDigest = listed.digest;
  image.info.index = listed;
  if (others) image.info.otherPlatforms = others;
  return {
    ...image,
    async openPlatform(platformDigest) {
      const entry = listed.platforms.find((e) => e.digest === platformDigest);
      if (!entry)
        throw new ShipgateError(
          "INPUT",
          `${what}: the index ${listed.digest} lists no image ${platformDigest}`
        );
      const label = `${what}: manifest ${entry.digest}`;
      const other = parseManifest(
        await readVerified(store, entry, label, "manifest"),
        label,
        entry.mediaType
      );
      if (other.kind === "index")
        throw new ShipgateError("UNSUPPORTED", `${label} is a nested index, not one platform's image`, {
          hint: "flatten the index (e.g. skopeo copy --all) so that it lists each platform's manifest"
        });
      const opened = await openManifest(store, other, entry.digest, entry.platform, meta, options);
      opened.info.indexDigest = listed.digest;
      return opened;
    },
    close: () => store.close()
  };
}
async function openManifest(store, manifest, digest, platformHint, meta, options) {
  const what = store.what;
  const configBytes = await readVerified(store, manifest.config, `${what}: config`);
  const config = parseConfig(configBytes, `${what}: config`);
  const layers = layerInfos(manifest, config, what);
  const platform = {
    os: config.os ?? platformHint?.os ?? "linux",
    architecture: config.architecture ?? platformHint?.architecture ?? "unknown"
  };
  const variant = config.variant ?? platformHint?.variant;
  if (variant) platform.variant = variant;
  const info = {
    ref: meta.ref,
    digest,
    configDigest: manifest.config.digest,
    platform,
    config,
    layers,
    size: manifest.layers.reduce((n, l) => n + Math.max(0, l.size), 0)
  };
  if (meta.repository) info.repository = meta.repository;
  if (meta.tag) info.tag = meta.tag;
  return {
    info,
    configBytes,
    async openLayer(index) {
      const layer = layers[index];
      const desc = manifest.layers[index];
      if (!layer || !desc) throw new ShipgateError("INTERNAL", `${what}: no layer ${index}`);
      const raw = await store.streamBlob(desc);
      return openLayerStream(raw, layer, what, { verifyDiffId: options.verifyDiffIds === true });
    },
    storedLayer(index) {
      const desc = manifest.layers[index];
      if (!desc) return void 0;
      const label = `${what}: layer ${index} (${desc.digest.slice(0, 19)})`;
      return {
        mediaType: desc.mediaType,
        digest: desc.digest,
        size: desc.size,
        open: async () => chain(
          await store.streamBlob(desc),
          new DigestVerifier(desc.digest, label, desc.size, new GarbageBound("young"))
        )
      };
    },
    close: async () => {
    }
  };
}
function manifestDigest(bytes) {
  return digestOf(bytes);
}

export {
  defaultPlatform,
  imageLimits,
  checkEntries,
  checkPathLength,
  sniffCompression,
  AutoDecompress,
  isObject,
  badField,
  Fields,
  parseJson,
  parseManifest,
  indexEntries,
  parseConfig,
  layerHistory,
  GarbageBound,
  MAX_MANIFEST_BYTES,
  chain,
  openFromManifest,
  manifestDigest
};
