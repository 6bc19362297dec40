#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  parseEnvFile,
  parseOsRelease
} from "./chunk-NQRDU5S6.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";

// src/inventory/types.ts
function inventoryPart(analyzer, packages, os) {
  return os ? { kind: "shipgate.inventory", analyzer, packages, os } : { kind: "shipgate.inventory", analyzer, packages };
}
function isInventoryPart(value) {
  return typeof value === "object" && value !== null && value.kind === "shipgate.inventory" && Array.isArray(value.packages);
}

// src/inventory/eol.ts
var EOL_TABLE_UPDATED = "2026-11-25";
var EOL_TABLE = {
  debian: {
    "7": "2018-05-31",
    "8": "2020-06-30",
    "9": "2022-06-30",
    "10": "2024-06-30",
    "11": "2026-08-31",
    "12": "2028-06-30",
    "13": "2030-06-30"
  },
  ubuntu: {
    "14.04": "2019-04-30",
    "16.04": "2021-04-30",
    "18.04": "2023-05-31",
    "20.04": "2025-05-31",
    "20.10": "2021-07-22",
    "21.04": "2022-01-20",
    "21.10": "2022-07-14",
    "22.04": "2027-06-01",
    "22.10": "2023-07-20",
    "23.04": "2024-01-25",
    "23.10": "2024-07-11",
    "24.04": "2029-05-31",
    "24.10": "2025-07-10",
    "25.04": "2026-01-15",
    "25.10": "2026-07-09",
    "26.04": "2031-05-31"
  },
  alpine: {
    "3.10": "2021-05-01",
    "3.11": "2021-11-01",
    "3.12": "2022-05-01",
    "3.13": "2022-11-01",
    "3.14": "2023-05-01",
    "3.15": "2023-11-01",
    "3.16": "2024-05-23",
    "3.17": "2024-11-22",
    "3.18": "2025-05-09",
    "3.19": "2025-11-01",
    "3.20": "2026-04-01",
    "3.21": "2026-11-01",
    "3.22": "2027-05-01",
    "3.23": "2027-11-01"
  },
  rhel: { "6": "2020-11-30", "7": "2024-06-30", "8": "2029-05-31", "9": "2032-05-31", "10": "2035-05-31" },
  almalinux: { "8": "2029-03-01", "9": "2032-05-31", "10": "2035-05-31" },
  rocky: { "8": "2029-05-31", "9": "2032-05-31", "10": "2035-05-31" },
  centos: { "6": "2020-11-30", "7": "2024-06-30", "8": "2024-05-31", "9": "2027-05-31", "10": "2030-01-01" },
  fedora: {
    "35": "2022-12-13",
    "36": "2023-05-16",
    "37": "2023-12-05",
    "38": "2024-05-21",
    "39": "2024-11-26",
    "40": "2025-05-13",
    "41": "2025-12-15",
    "42": "2026-05-13",
    "43": "2026-12-09"
  },
  amzn: { "2018.03": "2023-12-31", "1": "2023-12-31", "2": "2026-06-30", "2023": "2029-06-30" },
  sles: {
    "12.5": "2024-10-31",
    "15.1": "2021-01-31",
    "15.2": "2021-12-31",
    "15.3": "2022-12-31",
    "15.4": "2023-12-31",
    "15.5": "2024-12-31",
    "15.6": "2025-12-31",
    "15.7": "2031-07-31"
  },
  "opensuse-leap": {
    "15.2": "2022-01-04",
    "15.3": "2022-12-31",
    "15.4": "2023-12-07",
    "15.5": "2024-12-31",
    "15.6": "2026-04-30"
  }
};
function eolDate(os) {
  const table = EOL_TABLE[os.id];
  const version = os.versionId;
  if (!table || !version) return void 0;
  const parts = version.split(".");
  for (let n = parts.length; n > 0; n--) {
    const date = table[parts.slice(0, n).join(".")];
    if (date) return date;
  }
  return void 0;
}
function osEndOfLife(os, now = /* @__PURE__ */ new Date()) {
  const date = eolDate(os);
  if (!date) return void 0;
  return { eol: now.getTime() >= Date.parse(`${date}T23:59:59.999Z`), eolDate: date };
}

// src/inventory/layer.ts
function layerFields(entry) {
  const out = {
    path: entry.path,
    layerIndex: entry.layerIndex,
    layerDigest: entry.layerDigest
  };
  if (entry.createdBy !== void 0) out.createdBy = entry.createdBy;
  return out;
}
function identity(p) {
  return `${p.name}\0${p.arch ?? ""}\0${p.version}`;
}
function attributeToLayers(versions) {
  const last = versions[versions.length - 1];
  if (!last) return [];
  const since = /* @__PURE__ */ new Map();
  for (const v of versions) {
    const present = new Set(v.packages.map(identity));
    for (const key of [...since.keys()]) if (!present.has(key)) since.delete(key);
    for (const key of present) if (!since.has(key)) since.set(key, v.entry);
  }
  return last.packages.map((p) => {
    const from = since.get(identity(p)) ?? last.entry;
    return { ...p, ...layerFields(from), path: p.path ?? last.entry.path };
  });
}
var FileVersions = class {
  byPath = /* @__PURE__ */ new Map();
  add(entry, value) {
    let list = this.byPath.get(entry.path);
    if (!list) this.byPath.set(entry.path, list = []);
    const same = list.findIndex((v) => v.entry.layerIndex === entry.layerIndex);
    if (same >= 0) list.splice(same, 1);
    list.push({ entry, value });
    list.sort((a, b) => a.entry.layerIndex - b.entry.layerIndex);
  }
  paths() {
    return [...this.byPath.keys()].sort();
  }
  /** All versions of a path up to and including the visible one; empty when the path is gone at the end. */
  upToVisible(path, visibleLayer) {
    if (visibleLayer === void 0) return [];
    const list = this.byPath.get(path) ?? [];
    const upTo = list.filter((v) => v.entry.layerIndex <= visibleLayer);
    return upTo[upTo.length - 1]?.entry.layerIndex === visibleLayer ? upTo : [];
  }
  /** The visible version of a path, if any. */
  visible(path, visibleLayer) {
    const list = this.upToVisible(path, visibleLayer);
    return list[list.length - 1];
  }
};
async function readDb(parse) {
  try {
    return { packages: await parse() };
  } catch (e) {
    return { unreadable: e instanceof Error ? e.message : String(e) };
  }
}
function visibleDbVersions(dbs, path, visibleLayer, kind) {
  const versions = dbs.upToVisible(path, visibleLayer);
  const last = versions[versions.length - 1];
  if (last && "unreadable" in last.value) throw unreadableDb(kind, last.entry, last.value.unreadable);
  return versions.map((v) => ({ entry: v.entry, packages: "packages" in v.value ? v.value.packages : [] }));
}
function unreadableDb(kind, entry, reason) {
  return new ShipgateError(
    "IMAGE_FORMAT",
    `${entry.path} (layer ${entry.layerIndex}): cannot read the ${kind} database: ${reason}`
  );
}

// src/inventory/analyzers/os-release.ts
var SOURCES = [
  "/etc/os-release",
  "/usr/lib/os-release",
  "/etc/lsb-release",
  "/etc/alpine-release",
  "/etc/redhat-release",
  "/etc/centos-release",
  "/etc/fedora-release",
  "/etc/system-release",
  "/etc/debian_version"
];
var WANTED = new Set(SOURCES);
var RELEASE_FILE_IDS = [
  [/^Red Hat Enterprise Linux/i, "rhel"],
  [/^CentOS Stream/i, "centos"],
  [/^CentOS/i, "centos"],
  [/^Rocky Linux/i, "rocky"],
  [/^AlmaLinux/i, "almalinux"],
  [/^Fedora/i, "fedora"],
  [/^Amazon Linux/i, "amzn"],
  [/^Oracle Linux/i, "ol"]
];
function parseFallback(path, text) {
  const first = text.split("\n")[0]?.trim() ?? "";
  if (path === "/etc/lsb-release") {
    const kv = parseEnvFile(text);
    if (!kv.DISTRIB_ID) return void 0;
    const os2 = { id: kv.DISTRIB_ID.toLowerCase() };
    if (kv.DISTRIB_RELEASE) os2.versionId = kv.DISTRIB_RELEASE;
    if (kv.DISTRIB_CODENAME) os2.codename = kv.DISTRIB_CODENAME;
    if (kv.DISTRIB_DESCRIPTION) os2.prettyName = kv.DISTRIB_DESCRIPTION;
    return os2;
  }
  if (path === "/etc/alpine-release") {
    return /^\d+\.\d+/.test(first) ? { id: "alpine", versionId: first, prettyName: `Alpine Linux v${first}` } : void 0;
  }
  if (path === "/etc/debian_version") {
    const m = /^(\d+)(\.\d+)?/.exec(first);
    const os2 = { id: "debian", prettyName: `Debian GNU/Linux ${first}` };
    if (m) os2.versionId = m[1];
    else if (/^[a-z]+\/sid$/.test(first)) os2.codename = first.split("/")[0];
    return first ? os2 : void 0;
  }
  const hit = RELEASE_FILE_IDS.find(([re]) => re.test(first));
  if (!hit) return void 0;
  const version = /release\s+(\d+(?:\.\d+)?)/i.exec(first)?.[1] ?? /\b(\d{4}|\d+)\b/.exec(first)?.[1];
  const os = { id: hit[1], prettyName: first };
  if (version) os.versionId = version;
  const codename = /\(([^)]+)\)/.exec(first)?.[1];
  if (codename) os.codename = codename.toLowerCase();
  return os;
}
function withEndOfLife(os, now = /* @__PURE__ */ new Date()) {
  const eol = osEndOfLife(os, now);
  return eol ? { ...os, ...eol } : os;
}
function osReleaseAnalyzer(now) {
  const files = new FileVersions();
  return {
    name: "os-release",
    maxBytes: 64 * 1024,
    wants: (entry) => WANTED.has(entry.path),
    analyze(entry, content) {
      files.add(entry, content.toString("utf8"));
    },
    finish(view) {
      for (const path of SOURCES) {
        const v = files.visible(path, view.visibleLayer(path));
        if (!v) continue;
        const os = path.endsWith("os-release") ? parseOsRelease(v.value) : parseFallback(path, v.value);
        if (os) return inventoryPart("os-release", [], withEndOfLife(os, now?.()));
      }
      return inventoryPart("os-release", []);
    }
  };
}

export {
  layerFields,
  attributeToLayers,
  FileVersions,
  readDb,
  visibleDbVersions,
  inventoryPart,
  isInventoryPart,
  EOL_TABLE_UPDATED,
  eolDate,
  osEndOfLife,
  osReleaseAnalyzer
};
