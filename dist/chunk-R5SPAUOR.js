#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  IMG_RULES,
  fileLoc,
  finding,
  targetName
} from "./chunk-LI4R4AXY.js";
import "./chunk-7ARZCZGE.js";
import "./chunk-6INDVNBY.js";
import "./chunk-XFIAZQWE.js";
import "./chunk-HYPJQQQ3.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import "./chunk-YNPQFTY5.js";

// src/config/analyzers/file-modes.ts
var COMMON_SETUID = /* @__PURE__ */ new Set([
  "passwd",
  "su",
  "mount",
  "umount",
  "chsh",
  "chfn",
  "gpasswd",
  "newgrp",
  "unix_chkpwd",
  "expiry",
  "chage",
  "wall",
  "write",
  "bsd-write",
  "ssh-agent",
  "ssh-keysign",
  "ping",
  "ping6",
  "crontab",
  "at",
  "dotlockfile",
  "pam_extrausers_chkpwd",
  "fusermount",
  "fusermount3",
  "dbus-daemon-launch-helper",
  "newuidmap",
  "newgidmap",
  "mail-lock",
  "mail-unlock",
  "mail-touchlock",
  "utempter",
  "sudo",
  "sg",
  "traceroute6.iputils",
  "chromium-sandbox"
]);
function checkModes(view, info) {
  const out = [];
  const target = targetName(info);
  for (const e of view.entries()) {
    const mode = (e.mode & 4095).toString(8);
    if (e.type === "file" && e.mode & 3072) {
      const base = e.path.slice(e.path.lastIndexOf("/") + 1);
      const bits = [e.mode & 2048 ? "setuid" : "", e.mode & 1024 ? "setgid" : ""].filter(Boolean).join("+");
      const rule = COMMON_SETUID.has(base) ? IMG_RULES.setuidCommon : IMG_RULES.setuidUnusual;
      out.push(
        finding(
          rule,
          `${e.path} is ${bits} (mode ${mode}, owner uid ${e.uid}).`,
          `${target}:${e.path}`,
          fileLoc(info, e),
          void 0,
          { mode }
        )
      );
    }
    if ((e.type === "file" || e.type === "dir") && e.mode & 2 && !(e.type === "dir" && e.mode & 512)) {
      const what = e.type === "dir" ? "directory without the sticky bit" : "file";
      out.push(
        finding(
          IMG_RULES.worldWritable,
          `${e.path} is a world-writable ${what} (mode ${mode}).`,
          `${target}:${e.path}`,
          fileLoc(info, e)
        )
      );
    }
  }
  return out;
}
var fileModesAnalyzer = {
  version: 1,
  rules: [IMG_RULES.setuidUnusual, IMG_RULES.setuidCommon, IMG_RULES.worldWritable],
  create: () => [
    {
      name: "file-modes",
      wants: () => false,
      analyze: () => void 0,
      finish: (view, info) => ({ findings: checkModes(view, info) })
    }
  ]
};
export {
  fileModesAnalyzer
};
