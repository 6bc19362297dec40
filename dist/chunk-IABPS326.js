#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  IMG_RULES,
  TextFiles,
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

// src/config/accounts.ts
function lines(text) {
  return text.split("\n").map((l, i) => ({ l: l.replace(/\r$/, ""), i })).filter(({ l }) => l && !l.startsWith("#") && !l.startsWith("+") && !l.startsWith("-")).map(({ l, i }) => ({ fields: l.split(":"), line: i + 1 }));
}
function parsePasswd(text) {
  return lines(text).filter((x) => x.fields.length >= 4).map(({ fields, line }) => ({
    name: fields[0],
    password: fields[1],
    uid: Number(fields[2]),
    gid: Number(fields[3]),
    line
  })).filter((e) => Number.isInteger(e.uid));
}
function parseShadow(text) {
  return lines(text).filter((x) => x.fields.length >= 2).map(({ fields, line }) => ({ name: fields[0], hash: fields[1], line }));
}
function parseGroup(text) {
  return lines(text).filter((x) => x.fields.length >= 3).map(({ fields, line }) => ({ name: fields[0], gid: Number(fields[2]), line })).filter((e) => Number.isInteger(e.gid));
}

// src/config/analyzers/users.ts
function checkAccounts(files, view, info) {
  const out = [];
  const target = targetName(info);
  const passwd = files.visible(view, "/etc/passwd");
  if (passwd) {
    const users = parsePasswd(passwd.text);
    const at = fileLoc(info, passwd.entry);
    for (const u of users) {
      if (u.uid === 0 && u.name !== "root") {
        out.push(
          finding(
            IMG_RULES.uid0,
            `The account ${u.name} has UID 0 (/etc/passwd line ${u.line}).`,
            `${target}:${u.name}`,
            at
          )
        );
      }
      if (u.password === "") {
        out.push(
          finding(
            IMG_RULES.emptyPassword,
            `The account ${u.name} has an empty password in /etc/passwd (line ${u.line}).`,
            `${target}:passwd:${u.name}`,
            at
          )
        );
      }
    }
    const seen = /* @__PURE__ */ new Map();
    for (const u of users) {
      const other = seen.get(u.uid);
      if (other === void 0) seen.set(u.uid, u.name);
      else
        out.push(
          finding(
            IMG_RULES.duplicateId,
            `The accounts ${other} and ${u.name} share UID ${u.uid}.`,
            `${target}:uid:${u.uid}:${u.name}`,
            at
          )
        );
    }
  }
  const shadow = files.visible(view, "/etc/shadow");
  if (shadow) {
    for (const s of parseShadow(shadow.text)) {
      if (s.hash !== "") continue;
      out.push(
        finding(
          IMG_RULES.emptyPassword,
          `The account ${s.name} has an empty password in /etc/shadow (line ${s.line}).`,
          `${target}:shadow:${s.name}`,
          fileLoc(info, shadow.entry)
        )
      );
    }
  }
  const group = files.visible(view, "/etc/group");
  if (group) {
    const seen = /* @__PURE__ */ new Map();
    for (const g of parseGroup(group.text)) {
      const other = seen.get(g.gid);
      if (other === void 0) seen.set(g.gid, g.name);
      else
        out.push(
          finding(
            IMG_RULES.duplicateId,
            `The groups ${other} and ${g.name} share GID ${g.gid}.`,
            `${target}:gid:${g.gid}:${g.name}`,
            fileLoc(info, group.entry)
          )
        );
    }
  }
  return out;
}
var usersAnalyzer = {
  version: 1,
  rules: [IMG_RULES.uid0, IMG_RULES.emptyPassword, IMG_RULES.duplicateId],
  create() {
    const files = new TextFiles(/* @__PURE__ */ new Set(["/etc/passwd", "/etc/shadow", "/etc/group"]));
    return [
      {
        name: "users",
        maxBytes: 4 * 1024 * 1024,
        wants: (e) => files.wants(e),
        analyze: (e, content) => files.add(e, content),
        finish: (view, info) => ({ findings: checkAccounts(files, view, info) })
      }
    ];
  }
};
export {
  usersAnalyzer
};
