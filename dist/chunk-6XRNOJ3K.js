#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  registryAllowed
} from "./chunk-QHQXHHTC.js";
import {
  require_dist
} from "./chunk-DML5XCCS.js";
import {
  compareText
} from "./chunk-WXYCZFY5.js";
import {
  compareSeverity
} from "./chunk-LJLRXQKZ.js";
import {
  isRootUser
} from "./chunk-RFIJBJJT.js";
import {
  parseReference
} from "./chunk-6FSLFHTN.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import {
  stableHash
} from "./chunk-XFIAZQWE.js";
import "./chunk-KDR2SZEQ.js";
import {
  __toESM
} from "./chunk-YNPQFTY5.js";

// src/manifests/parse.ts
var import_yaml2 = __toESM(require_dist(), 1);

// src/manifests/yaml-nodes.ts
var import_yaml = __toESM(require_dist(), 1);
function deref(node, doc2) {
  let n = node;
  for (let i = 0; i < 8 && (0, import_yaml.isAlias)(n); i++) n = n.resolve(doc2);
  return (0, import_yaml.isAlias)(n) ? void 0 : n;
}
function pairOf(map, key) {
  if (!map) return void 0;
  for (const item of map.items) {
    if (!(0, import_yaml.isPair)(item)) continue;
    const k = (0, import_yaml.isScalar)(item.key) ? item.key.value : item.key;
    if (k === key) return item;
  }
  return void 0;
}
function mapAt(map, key, doc2) {
  const n = deref(pairOf(map, key)?.value, doc2);
  return (0, import_yaml.isMap)(n) ? n : void 0;
}
function seqAt(map, key, doc2) {
  const n = deref(pairOf(map, key)?.value, doc2);
  return (0, import_yaml.isSeq)(n) ? n : void 0;
}
function scalarAt(map, key, doc2) {
  const n = deref(pairOf(map, key)?.value, doc2);
  return (0, import_yaml.isScalar)(n) ? n.value ?? void 0 : void 0;
}
function mapsOf(seq, doc2) {
  const out = [];
  for (const item of seq?.items ?? []) {
    const n = deref(item, doc2);
    if ((0, import_yaml.isMap)(n)) out.push(n);
  }
  return out;
}
function stringsOf(seq, doc2) {
  const out = [];
  for (const item of seq?.items ?? []) {
    const n = deref(item, doc2);
    if ((0, import_yaml.isScalar)(n) && n.value !== null && n.value !== void 0)
      out.push({ value: String(n.value), node: n });
  }
  return out;
}

// src/manifests/pods.ts
var TEMPLATE_PATH = {
  Pod: [],
  Deployment: ["spec", "template"],
  StatefulSet: ["spec", "template"],
  DaemonSet: ["spec", "template"],
  ReplicaSet: ["spec", "template"],
  ReplicationController: ["spec", "template"],
  Job: ["spec", "template"],
  CronJob: ["spec", "jobTemplate", "spec", "template"]
};
var CONTAINER_FIELDS = ["initContainers", "containers", "ephemeralContainers"];
function podTargets(object) {
  const path = TEMPLATE_PATH[object.kind];
  if (!path) return [];
  const { doc: doc2 } = object;
  let template = object.node;
  for (const key of path) template = mapAt(template, key, doc2);
  const spec = mapAt(template, "spec", doc2);
  if (!spec) return [];
  const metadata = mapAt(template, "metadata", doc2);
  const containers = [];
  for (const field of CONTAINER_FIELDS)
    mapsOf(seqAt(spec, field, doc2), doc2).forEach((node, index) => {
      const name = scalarAt(node, "name", doc2);
      containers.push({ name: typeof name === "string" ? name : `#${index + 1}`, field, index, node });
    });
  return [
    {
      object,
      spec,
      ...metadata ? { metadata } : {},
      specPath: [...path, "spec"].join("."),
      containers
    }
  ];
}

// src/manifests/parse.ts
var MAX_DOCUMENTS = 1e4;
var MAX_ALIAS_COUNT = 1e3;
var SOURCE_COMMENT = /^#\s*Source:\s*(\S.*?)\s*$/;
var IGNORE_COMMENT = /#\s*(shipgate\s+ignore\s*=.*)$/i;
function parseManifests(content, path) {
  const lineCounter = new import_yaml2.LineCounter();
  const docs = (0, import_yaml2.parseAllDocuments)(content, { lineCounter, prettyErrors: true, uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [];
  if (!Array.isArray(docs))
    return build(path, content, lineCounter, []);
  if (list.length > MAX_DOCUMENTS)
    throw new ShipgateError("INPUT", `${path}: more than ${MAX_DOCUMENTS} YAML documents`, {
      hint: "split the manifests into several files"
    });
  for (const doc2 of list) {
    const err = doc2.errors[0];
    if (err) {
      const line = err.linePos?.[0].line ?? lineCounter.linePos(err.pos[0]).line;
      throw new ShipgateError("INPUT", `${path}:${line}: invalid YAML: ${firstLine(err.message)}`, {
        hint: "fix the YAML syntax (kubectl would refuse this file too)"
      });
    }
    try {
      doc2.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const line = lineCounter.linePos(doc2.range[0]).line;
      throw new ShipgateError(
        "INPUT",
        `${path}:${line}: YAML document rejected: ${firstLine(e instanceof Error ? e.message : String(e))}`,
        { hint: "the document expands too many aliases; write the values out" }
      );
    }
  }
  return build(path, content, lineCounter, list);
}
function firstLine(text) {
  return (text.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
}
function build(path, content, lineCounter, docs) {
  const lines = content.split(/\r?\n/);
  const spanOf = (node) => {
    const [start, , end] = node.range ?? [0, 0, 0];
    const a = lineCounter.linePos(start);
    let endPos = lineCounter.linePos(Math.max(start, end));
    if (endPos.col === 1 && endPos.line > a.line)
      endPos = { line: endPos.line - 1, col: (lines[endPos.line - 2]?.length ?? 0) + 1 };
    return { line: a.line, column: a.col, endLine: endPos.line, endColumn: endPos.col };
  };
  const sources = [];
  const comments = [];
  lines.forEach((text, i) => {
    const s = SOURCE_COMMENT.exec(text.trim());
    if (s) sources.push({ line: i + 1, source: s[1] });
    const c = IGNORE_COMMENT.exec(text);
    if (c) comments.push({ text: c[1], line: i + 1 });
  });
  const objects = [];
  let previousEnd = 0;
  docs.forEach((doc2, index) => {
    const contents = deref(doc2.contents, doc2);
    const startLine = contents ? spanOf(contents).line : lineCounter.linePos(doc2.range[0]).line;
    const source = sources.filter((s) => s.line > previousEnd && s.line <= startLine).at(-1)?.source;
    previousEnd = lineCounter.linePos(doc2.range[2]).line;
    if (!(0, import_yaml2.isMap)(contents)) return;
    const obj = toObject(contents, doc2, index, void 0, source, spanOf);
    if (!obj) return;
    const items = obj.kind.endsWith("List") ? seqAt(contents, "items", doc2) : void 0;
    if (items) {
      items.items.forEach((item, i) => {
        const n = deref(item, doc2);
        if (!(0, import_yaml2.isMap)(n)) return;
        const o = toObject(n, doc2, index, i, source, spanOf);
        if (o) objects.push(o);
      });
    } else objects.push(obj);
  });
  return {
    path,
    lines,
    objects,
    pods: objects.flatMap((o) => podTargets(o)),
    comments,
    spanOf
  };
}
function toObject(node, doc2, document, item, source, spanOf) {
  const kind = scalarAt(node, "kind", doc2);
  if (typeof kind !== "string" || !kind) return void 0;
  const metadata = mapAt(node, "metadata", doc2);
  const name = scalarAt(metadata, "name", doc2) ?? scalarAt(metadata, "generateName", doc2);
  const namespace = scalarAt(metadata, "namespace", doc2);
  const apiVersion = scalarAt(node, "apiVersion", doc2);
  return {
    kind,
    apiVersion: typeof apiVersion === "string" ? apiVersion : "",
    name: isScalarValue(name) ? String(name) : "",
    ...isScalarValue(namespace) ? { namespace: String(namespace) } : {},
    node,
    doc: doc2,
    document,
    ...item !== void 0 ? { item } : {},
    ...source ? { source } : {},
    span: spanOf(node)
  };
}
function isScalarValue(v) {
  return typeof v === "string" || typeof v === "number";
}

// src/manifests/lint.ts
var import_yaml6 = __toESM(require_dist(), 1);

// src/manifests/pss.ts
var import_yaml5 = __toESM(require_dist(), 1);

// src/manifests/rule.ts
function defineRule(def) {
  const { hint, check, ...meta } = def;
  return { meta: { kind: "manifest", ...meta }, hint, check };
}
function subject(pod, container) {
  const obj = `${pod.object.kind} '${pod.object.name}'`;
  if (!container) return obj;
  const what = container.field === "initContainers" ? "init container" : container.field === "ephemeralContainers" ? "ephemeral container" : "container";
  return `${what} '${container.name}' of ${obj}`;
}

// src/manifests/rules/security-context.ts
var import_yaml4 = __toESM(require_dist(), 1);

// src/manifests/security-context.ts
var import_yaml3 = __toESM(require_dist(), 1);
function podSecurityContext(pod) {
  return mapAt(pod.spec, "securityContext", pod.object.doc);
}
function containerSecurityContext(pod, c) {
  return mapAt(c.node, "securityContext", pod.object.doc);
}
function read(pair, pod) {
  if (!pair) return void 0;
  const n = deref(pair.value, pod.object.doc);
  if ((0, import_yaml3.isMap)(n)) return n;
  return n && "value" in n ? n.value ?? void 0 : void 0;
}
function effective(pod, c, field) {
  const own2 = pairOf(containerSecurityContext(pod, c), field);
  const ownValue = read(own2, pod);
  if (own2 && ownValue !== void 0) return { value: ownValue, pair: own2, from: "container" };
  const inherited = pairOf(podSecurityContext(pod), field);
  const value = read(inherited, pod);
  if (inherited && value !== void 0) return { value, pair: inherited, from: "pod" };
  return { value: void 0 };
}
function own(pod, c, field) {
  const pair = pairOf(containerSecurityContext(pod, c), field);
  const value = read(pair, pod);
  return value === void 0 ? { value } : { value, ...pair ? { pair } : {}, from: "container" };
}
function isWindows(pod) {
  const os = mapAt(pod.spec, "os", pod.object.doc);
  const name = os ? read(pairOf(os, "name"), pod) : void 0;
  return name === "windows";
}

// src/manifests/rules/security-context.ts
var yaml = (...lines) => ["```yaml", ...lines, "```"].join("\n");
var runAsNonRoot = defineRule({
  id: "SG-K8S-001",
  title: "Container may run as root (runAsNonRoot not true)",
  severity: "medium",
  description: "Neither the container nor its pod sets `securityContext.runAsNonRoot: true` (or one of them sets it to false; the container setting wins).",
  rationale: "Without `runAsNonRoot: true` the kubelet starts the container with whatever user the image declares, often root. A root process that escapes the container is root on the node; the restricted Pod Security Standard refuses such pods.",
  fix: yaml("spec:", "  securityContext:", "    runAsNonRoot: true", "    runAsUser: 10001"),
  tags: ["security", "kubernetes", "least-privilege", "pss-restricted"],
  equivalents: { trivy: ["KSV012", "AVD-KSV-0012"], checkov: ["CKV_K8S_23"] },
  hint: "set `securityContext.runAsNonRoot: true` on the pod or the container",
  check({ file, report }) {
    for (const pod of file.pods)
      for (const c of pod.containers) {
        const e = effective(pod, c, "runAsNonRoot");
        if (e.value === true) continue;
        report({
          pod,
          container: c,
          ...e.pair ? { at: e.pair } : {},
          message: e.value === false ? `${subject(pod, c)} sets runAsNonRoot: false${e.from === "pod" ? " (pod level)" : ""}.` : `${subject(pod, c)} does not set runAsNonRoot: true, so it runs as the image's user (often root).`
        });
      }
  }
});
var runAsUserRoot = defineRule({
  id: "SG-K8S-002",
  title: "Container runs as UID 0 (runAsUser: 0)",
  severity: "high",
  description: "The effective `runAsUser` of a container (its own, else the pod's) is 0.",
  rationale: "UID 0 is root inside the container and on the node after an escape; `runAsNonRoot: true` makes the kubelet refuse to start it.",
  fix: yaml("securityContext:", "  runAsUser: 10001", "  runAsNonRoot: true"),
  tags: ["security", "kubernetes", "least-privilege", "pss-restricted"],
  equivalents: { trivy: ["KSV105", "AVD-KSV-0105"] },
  hint: "set `runAsUser` to a non-zero UID (e.g. 10001)",
  check({ file, report }) {
    for (const pod of file.pods)
      for (const c of pod.containers) {
        const e = effective(pod, c, "runAsUser");
        if (e.value !== 0) continue;
        report({
          pod,
          container: c,
          ...e.pair ? { at: e.pair } : {},
          message: `${subject(pod, c)} runs as UID 0${e.from === "pod" ? " (set on the pod)" : ""}.`
        });
      }
  }
});
var privileged = defineRule({
  id: "SG-K8S-003",
  title: "Privileged container",
  severity: "critical",
  description: "A container sets `securityContext.privileged: true`.",
  rationale: "A privileged container has every capability and the devices of the node, and no seccomp or AppArmor confinement: it is root on the node. Both Pod Security Standards levels refuse it.",
  fix: "Remove `privileged: true`; add only the specific capability the workload needs (e.g. `NET_BIND_SERVICE`).",
  tags: ["security", "kubernetes", "pss-baseline"],
  equivalents: {
    trivy: ["KSV017", "AVD-KSV-0017"],
    checkov: ["CKV_K8S_16"],
    kubeScore: ["container-security-context-privileged"]
  },
  hint: "remove `privileged: true`",
  check({ file, report }) {
    for (const pod of file.pods)
      for (const c of pod.containers) {
        const e = own(pod, c, "privileged");
        if (e.value === true)
          report({
            pod,
            container: c,
            ...e.pair ? { at: e.pair } : {},
            message: `${subject(pod, c)} is privileged.`
          });
      }
  }
});
var privilegeEscalation = defineRule({
  id: "SG-K8S-004",
  title: "Privilege escalation not disabled (allowPrivilegeEscalation not false)",
  severity: "medium",
  description: "A container does not set `securityContext.allowPrivilegeEscalation: false`.",
  rationale: "Unless it is false, a process can gain more privileges than its parent through set-user-ID binaries or file capabilities (the `no_new_privs` flag is not set). The restricted Pod Security Standard requires false.",
  fix: yaml("securityContext:", "  allowPrivilegeEscalation: false"),
  tags: ["security", "kubernetes", "pss-restricted"],
  equivalents: { trivy: ["KSV001", "AVD-KSV-0001"], checkov: ["CKV_K8S_20"] },
  hint: "set `securityContext.allowPrivilegeEscalation: false`",
  check({ file, report }) {
    for (const pod of file.pods)
      for (const c of pod.containers) {
        const e = own(pod, c, "allowPrivilegeEscalation");
        if (e.value === false) continue;
        report({
          pod,
          container: c,
          ...e.pair ? { at: e.pair } : {},
          message: `${subject(pod, c)} ${e.value === true ? "sets allowPrivilegeEscalation: true" : "does not set allowPrivilegeEscalation: false"}.`
        });
      }
  }
});
function capabilities(pod, c) {
  const v = own(pod, c, "capabilities").value;
  return (0, import_yaml4.isMap)(v) ? v : void 0;
}
var dropAll = defineRule({
  id: "SG-K8S-005",
  title: "Capabilities not dropped (capabilities.drop lacks ALL)",
  severity: "low",
  description: "A container does not list `ALL` in `securityContext.capabilities.drop`.",
  rationale: "Container runtimes grant a default set of capabilities (CHOWN, DAC_OVERRIDE, FOWNER, NET_RAW, SETUID, ...). Most applications need none of them; dropping ALL removes tools an attacker would use. The restricted Pod Security Standard requires it.",
  fix: yaml(
    "securityContext:",
    "  capabilities:",
    '    drop: ["ALL"]',
    '    add: ["NET_BIND_SERVICE"]  # only if needed'
  ),
  tags: ["security", "kubernetes", "least-privilege", "pss-restricted"],
  equivalents: { trivy: ["KSV003", "AVD-KSV-0003"], checkov: ["CKV_K8S_37"] },
  hint: 'add `capabilities: {drop: ["ALL"]}` to the container securityContext',
  check({ file, report }) {
    for (const pod of file.pods)
      for (const c of pod.containers) {
        const caps = capabilities(pod, c);
        const drop = stringsOf(seqAt(caps, "drop", pod.object.doc), pod.object.doc);
        if (drop.some((d) => d.value.toUpperCase() === "ALL")) continue;
        const pair = pairOf(caps, "drop");
        report({
          pod,
          container: c,
          ...pair ? { at: pair } : {},
          message: `${subject(pod, c)} does not drop ALL capabilities.`
        });
      }
  }
});
var DEFAULT_CAPABILITIES = /* @__PURE__ */ new Set([
  "AUDIT_WRITE",
  "CHOWN",
  "DAC_OVERRIDE",
  "FOWNER",
  "FSETID",
  "KILL",
  "MKNOD",
  "NET_BIND_SERVICE",
  "SETFCAP",
  "SETGID",
  "SETPCAP",
  "SETUID",
  "SYS_CHROOT"
]);
var DANGEROUS_CAPABILITIES = /* @__PURE__ */ new Set([
  "ALL",
  "SYS_ADMIN",
  "NET_ADMIN",
  "NET_RAW",
  "SYS_PTRACE",
  "SYS_MODULE",
  "SYS_RAWIO",
  "SYS_BOOT",
  "SYS_TIME",
  "DAC_READ_SEARCH",
  "BPF",
  "PERFMON",
  "MAC_ADMIN",
  "MAC_OVERRIDE"
]);
function addedCapabilities(pod, c) {
  return stringsOf(seqAt(capabilities(pod, c), "add", pod.object.doc), pod.object.doc).map((a) => ({
    ...a,
    name: a.value.toUpperCase().replace(/^CAP_/, "")
  }));
}
var extraCapability = defineRule({
  id: "SG-K8S-006",
  title: "Capability added beyond the runtime default set",
  severity: "medium",
  description: "A container adds a capability that is not in the default set container runtimes grant (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT).",
  rationale: "Extra capabilities widen what a compromised process can do to the kernel and the node. The baseline Pod Security Standard refuses them.",
  fix: "Remove the capability from `capabilities.add`, or run the privileged part in a separate, reviewed workload.",
  tags: ["security", "kubernetes", "least-privilege", "pss-baseline"],
  equivalents: { trivy: ["KSV022", "AVD-KSV-0022"], checkov: ["CKV_K8S_25"] },
  hint: "remove the capability from `capabilities.add`",
  check({ file, report }) {
    for (const pod of file.pods)
      for (const c of pod.containers)
        for (const cap of addedCapabilities(pod, c)) {
          if (DEFAULT_CAPABILITIES.has(cap.name)) continue;
          report({
            pod,
            container: c,
            at: cap.node,
            key: cap.name,
            message: `${subject(pod, c)} adds capability ${cap.name}, beyond the runtime default set.`
          });
        }
  }
});
var dangerousCapability = defineRule({
  id: "SG-K8S-007",
  title: "Dangerous capability added (SYS_ADMIN, NET_ADMIN, NET_RAW, SYS_PTRACE, SYS_MODULE, ...)",
  severity: "high",
  description: "A container adds ALL or a capability that controls the node or other workloads: SYS_ADMIN, NET_ADMIN, NET_RAW, SYS_PTRACE, SYS_MODULE, SYS_RAWIO, SYS_BOOT, SYS_TIME, DAC_READ_SEARCH, BPF, PERFMON, MAC_ADMIN, MAC_OVERRIDE.",
  rationale: 'SYS_ADMIN is close to root on the node (mounts, namespaces), SYS_MODULE loads kernel modules, SYS_PTRACE reads other processes, NET_ADMIN/NET_RAW rewrite or spoof traffic, DAC_READ_SEARCH opens any file by handle (the "shocker" escape). Trivy KSV005 and Checkov CKV_K8S_39 check SYS_ADMIN alone, Checkov CKV_K8S_28 NET_RAW alone: subsets of this rule, so they are not listed as equivalents.',
  fix: "Remove the capability. If the workload really needs it, isolate it in its own namespace with a reviewed exception.",
  tags: ["security", "kubernetes", "least-privilege"],
  hint: "remove the capability from `capabilities.add`",
  check({ file, report }) {
    for (const pod of file.pods)
      for (const c of pod.containers)
        for (const cap of addedCapabilities(pod, c)) {
          if (!DANGEROUS_CAPABILITIES.has(cap.name)) continue;
          report({
            pod,
            container: c,
            at: cap.node,
            key: cap.name,
            severity: cap.name === "SYS_ADMIN" || cap.name === "ALL" || cap.name === "SYS_MODULE" ? "critical" : "high",
            message: `${subject(pod, c)} adds capability ${cap.name}.`
          });
        }
  }
});
var readOnlyRoot = defineRule({
  id: "SG-K8S-008",
  title: "Root filesystem is writable (readOnlyRootFilesystem not true)",
  severity: "low",
  description: "A container does not set `securityContext.readOnlyRootFilesystem: true`.",
  rationale: "A writable root filesystem lets an attacker drop tools and modify binaries that later run; read-only images also make drift visible. Mount an `emptyDir` where the application must write (`/tmp`, caches).",
  fix: yaml(
    "securityContext:",
    "  readOnlyRootFilesystem: true",
    "volumeMounts:",
    "  - { name: tmp, mountPath: /tmp }",
    "# and in the pod spec: volumes: [{ name: tmp, emptyDir: {} }]"
  ),
  tags: ["security", "kubernetes", "immutability"],
  equivalents: {
    trivy: ["KSV014", "AVD-KSV-0014"],
    checkov: ["CKV_K8S_22"],
    kubeScore: ["container-security-context-readonlyrootfilesystem"]
  },
  hint: "set `securityContext.readOnlyRootFilesystem: true` and mount an emptyDir where it writes",
  check({ file, report }) {
    for (const pod of file.pods)
      for (const c of pod.containers) {
        const e = own(pod, c, "readOnlyRootFilesystem");
        if (e.value === true) continue;
        report({
          pod,
          container: c,
          ...e.pair ? { at: e.pair } : {},
          message: `${subject(pod, c)} has a writable root filesystem.`
        });
      }
  }
});
var seccomp = defineRule({
  id: "SG-K8S-015",
  title: "No seccomp profile (seccompProfile not RuntimeDefault or Localhost)",
  severity: "medium",
  description: "A container's effective `seccompProfile.type` (its own, else the pod's) is not `RuntimeDefault` or `Localhost`: it is unset or `Unconfined`.",
  rationale: "Kubernetes runs containers without seccomp unless asked, so every system call is open to an exploit. `RuntimeDefault` blocks the rarely needed, often exploited ones; the restricted Pod Security Standard requires it.",
  fix: yaml("spec:", "  securityContext:", "    seccompProfile:", "      type: RuntimeDefault"),
  tags: ["security", "kubernetes", "pss-restricted"],
  equivalents: { trivy: ["KSV030", "AVD-KSV-0030"], checkov: ["CKV_K8S_31"] },
  hint: "set `securityContext.seccompProfile.type: RuntimeDefault` on the pod",
  check({ file, report }) {
    for (const pod of file.pods) {
      if (isWindows(pod)) continue;
      for (const c of pod.containers) {
        const e = effective(pod, c, "seccompProfile");
        const type = (0, import_yaml4.isMap)(e.value) ? scalarAt(e.value, "type", pod.object.doc) : void 0;
        if (type === "RuntimeDefault" || type === "Localhost") continue;
        report({
          pod,
          container: c,
          ...e.pair ? { at: e.pair } : {},
          message: type === void 0 ? `${subject(pod, c)} runs without a seccomp profile.` : `${subject(pod, c)} sets seccompProfile type ${String(type)}.`
        });
      }
    }
  }
});
var APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";
var apparmor = defineRule({
  id: "SG-K8S-016",
  title: "AppArmor disabled (unconfined profile)",
  severity: "medium",
  description: "A container or its pod sets the AppArmor profile to `Unconfined` (`appArmorProfile.type`), or the annotation `container.apparmor.security.beta.kubernetes.io/<container>` is `unconfined`.",
  rationale: "On nodes with AppArmor the runtime confines containers with its default profile; turning it off removes a layer that stops writes to /proc and /sys and mounts. The baseline Pod Security Standard refuses it.",
  fix: "Remove the override, or use `appArmorProfile: {type: RuntimeDefault}` (or a `Localhost` profile).",
  tags: ["security", "kubernetes", "pss-baseline"],
  hint: "use the RuntimeDefault AppArmor profile",
  check({ file, report }) {
    for (const pod of file.pods) {
      const doc2 = pod.object.doc;
      const annotations = pod.metadata ? deref(pairOf(pod.metadata, "annotations")?.value, doc2) : void 0;
      for (const c of pod.containers) {
        const e = effective(pod, c, "appArmorProfile");
        const type = (0, import_yaml4.isMap)(e.value) ? scalarAt(e.value, "type", doc2) : void 0;
        if (type === "Unconfined")
          report({
            pod,
            container: c,
            ...e.pair ? { at: e.pair } : {},
            message: `${subject(pod, c)} runs AppArmor-unconfined.`
          });
        const pair = (0, import_yaml4.isMap)(annotations) ? pairOf(annotations, `${APPARMOR_ANNOTATION}${c.name}`) : void 0;
        const value = (0, import_yaml4.isMap)(annotations) ? scalarAt(annotations, `${APPARMOR_ANNOTATION}${c.name}`, doc2) : void 0;
        if (pair && value === "unconfined")
          report({
            pod,
            container: c,
            at: pair,
            key: "annotation",
            message: `${subject(pod, c)} runs AppArmor-unconfined (annotation).`
          });
      }
    }
  }
});
var procMount = defineRule({
  id: "SG-K8S-017",
  title: "Unmasked /proc (procMount: Unmasked)",
  severity: "high",
  description: "A container sets `securityContext.procMount` to something other than `Default`.",
  rationale: "The default /proc masks hide kernel interfaces (e.g. /proc/sys, /proc/kcore) from the container; unmasking them exposes the host kernel. The baseline Pod Security Standard refuses it.",
  fix: "Remove `procMount` (or set it to `Default`).",
  tags: ["security", "kubernetes", "pss-baseline"],
  equivalents: { trivy: ["KSV027", "AVD-KSV-0027"] },
  hint: "remove `procMount`",
  check({ file, report }) {
    for (const pod of file.pods)
      for (const c of pod.containers) {
        const e = own(pod, c, "procMount");
        if (e.value === void 0 || e.value === "Default") continue;
        report({
          pod,
          container: c,
          ...e.pair ? { at: e.pair } : {},
          message: `${subject(pod, c)} sets procMount: ${String(e.value)}.`
        });
      }
  }
});
var securityContextRules = [
  runAsNonRoot,
  runAsUserRoot,
  privileged,
  privilegeEscalation,
  dropAll,
  extraCapability,
  dangerousCapability,
  readOnlyRoot,
  seccomp,
  apparmor,
  procMount
];

// src/manifests/rules/host.ts
function hostNamespaceRule(id, field, what, trivy, checkov) {
  return defineRule({
    id,
    title: `Pod shares the host ${what} (${field}: true)`,
    severity: "high",
    description: `The pod spec sets \`${field}: true\`.`,
    rationale: `Sharing the node's ${what} namespace lets the pod's containers see and reach the node's ${what === "network" ? "interfaces and local services" : what === "process" ? "processes (and signal or trace them)" : "shared memory and message queues"}. The baseline Pod Security Standard refuses it.`,
    fix: `Remove \`${field}: true\` from the pod spec.`,
    tags: ["security", "kubernetes", "pss-baseline"],
    equivalents: { trivy: [trivy, `AVD-KSV-${trivy.slice(3).padStart(4, "0")}`], checkov: [checkov] },
    hint: `remove \`${field}: true\``,
    check({ file, report }) {
      for (const pod of file.pods) {
        if (scalarAt(pod.spec, field, pod.object.doc) !== true) continue;
        const pair = pairOf(pod.spec, field);
        report({ pod, ...pair ? { at: pair } : {}, message: `${subject(pod)} sets ${field}: true.` });
      }
    }
  });
}
function hostPaths(pod) {
  const doc2 = pod.object.doc;
  return mapsOf(seqAt(pod.spec, "volumes", doc2), doc2).flatMap((v) => {
    const hp = mapAt(v, "hostPath", doc2);
    if (!hp) return [];
    const path = scalarAt(hp, "path", doc2);
    return [
      {
        volume: String(scalarAt(v, "name", doc2) ?? ""),
        path: typeof path === "string" ? path : "",
        pair: pairOf(v, "hostPath")
      }
    ];
  });
}
var hostPath = defineRule({
  id: "SG-K8S-012",
  title: "hostPath volume",
  severity: "medium",
  description: "The pod mounts a directory or file of the node (`volumes[].hostPath`).",
  rationale: "Host paths break the container's filesystem isolation: a writable one lets the pod change the node, a readable one leaks its secrets (kubelet credentials, other pods' data). The baseline Pod Security Standard refuses them.",
  fix: "Use an `emptyDir`, a ConfigMap/Secret, or a PersistentVolumeClaim instead.",
  tags: ["security", "kubernetes", "pss-baseline"],
  equivalents: { trivy: ["KSV023", "AVD-KSV-0023"] },
  hint: "replace the hostPath volume with an emptyDir, ConfigMap, Secret or PVC",
  check({ file, report }) {
    for (const pod of file.pods)
      for (const hp of hostPaths(pod))
        report({
          pod,
          ...hp.pair ? { at: hp.pair } : {},
          key: hp.volume,
          message: `${subject(pod)} mounts host path ${hp.path || "(no path)"} (volume '${hp.volume}').`
        });
  }
});
var RUNTIME_SOCKETS = /(^|\/)(docker|containerd|crio|cri-dockerd|podman)\.sock$|^\/var\/run\/?$|^\/run\/?$|^\/run\/containerd\/?$/;
var runtimeSocket = defineRule({
  id: "SG-K8S-013",
  title: "Container runtime socket mounted",
  severity: "critical",
  description: "A hostPath volume mounts the container runtime socket (docker.sock, containerd.sock, crio.sock) or the directory that holds it.",
  rationale: "Whoever talks to the runtime socket can start a privileged container on the node: it is root on the node.",
  fix: "Remove the volume. Build images with a rootless builder (BuildKit rootless, kaniko) instead of the node's daemon.",
  tags: ["security", "kubernetes"],
  equivalents: { trivy: ["KSV006", "AVD-KSV-0006"], checkov: ["CKV_K8S_27"] },
  hint: "do not mount the container runtime socket",
  check({ file, report }) {
    for (const pod of file.pods)
      for (const hp of hostPaths(pod))
        if (RUNTIME_SOCKETS.test(hp.path))
          report({
            pod,
            ...hp.pair ? { at: hp.pair } : {},
            key: hp.volume,
            message: `${subject(pod)} mounts the container runtime socket ${hp.path}.`
          });
  }
});
var hostPort = defineRule({
  id: "SG-K8S-014",
  title: "Host port",
  severity: "medium",
  description: "A container port sets `hostPort` (other than 0).",
  rationale: "A host port binds the node's own network interface, bypasses network policies and Services, and limits scheduling to one such pod per node. The baseline Pod Security Standard refuses it.",
  fix: "Remove `hostPort`; expose the port with a Service (NodePort or LoadBalancer if it must be reachable from outside).",
  tags: ["security", "kubernetes", "pss-baseline"],
  equivalents: { trivy: ["KSV024", "AVD-KSV-0024"], checkov: ["CKV_K8S_26"] },
  hint: "remove `hostPort` and use a Service",
  check({ file, report }) {
    for (const pod of file.pods)
      for (const c of pod.containers)
        for (const port of mapsOf(seqAt(c.node, "ports", pod.object.doc), pod.object.doc)) {
          const hp = scalarAt(port, "hostPort", pod.object.doc);
          if (hp === void 0 || hp === 0) continue;
          const pair = pairOf(port, "hostPort");
          report({
            pod,
            container: c,
            ...pair ? { at: pair } : {},
            key: String(hp),
            message: `${subject(pod, c)} binds host port ${String(hp)}.`
          });
        }
  }
});
var SAFE_SYSCTLS = /* @__PURE__ */ new Set([
  "kernel.shm_rmid_forced",
  "net.ipv4.ip_local_port_range",
  "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.ping_group_range",
  "net.ipv4.ip_local_reserved_ports",
  "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout",
  "net.ipv4.tcp_keepalive_intvl",
  "net.ipv4.tcp_keepalive_probes"
]);
var sysctls = defineRule({
  id: "SG-K8S-018",
  title: "Unsafe sysctl",
  severity: "high",
  description: "The pod sets a sysctl outside the safe set (`securityContext.sysctls`).",
  rationale: "Unsafe sysctls are not isolated per pod: they change kernel behaviour for the whole node or can disable security mechanisms. The baseline Pod Security Standard allows only the safe set.",
  fix: `Remove the sysctl, or use only safe ones: ${[...SAFE_SYSCTLS].join(", ")}.`,
  tags: ["security", "kubernetes", "pss-baseline"],
  equivalents: { trivy: ["KSV026", "AVD-KSV-0026"] },
  hint: "remove the unsafe sysctl",
  check({ file, report }) {
    for (const pod of file.pods) {
      const doc2 = pod.object.doc;
      for (const s of mapsOf(seqAt(podSecurityContext(pod), "sysctls", doc2), doc2)) {
        const name = scalarAt(s, "name", doc2);
        if (typeof name !== "string" || SAFE_SYSCTLS.has(name)) continue;
        report({ pod, at: s, key: name, message: `${subject(pod)} sets the unsafe sysctl ${name}.` });
      }
    }
  }
});
var automount = defineRule({
  id: "SG-K8S-023",
  title: "Service account token mounted (automountServiceAccountToken not false)",
  severity: "low",
  description: "The pod spec does not set `automountServiceAccountToken: false`.",
  rationale: "Every container gets an API token of the pod's service account unless this is false; an attacker in the container uses it against the API server. Most applications never call the Kubernetes API.",
  fix: yaml2("spec:", "  automountServiceAccountToken: false"),
  tags: ["security", "kubernetes", "least-privilege"],
  equivalents: { checkov: ["CKV_K8S_38"] },
  hint: "set `automountServiceAccountToken: false` unless the pod calls the Kubernetes API",
  check({ file, report }) {
    for (const pod of file.pods) {
      const v = scalarAt(pod.spec, "automountServiceAccountToken", pod.object.doc);
      if (v === false) continue;
      const pair = pairOf(pod.spec, "automountServiceAccountToken");
      report({
        pod,
        ...pair ? { at: pair } : {},
        message: `${subject(pod)} mounts its service account token.`
      });
    }
  }
});
function yaml2(...lines) {
  return ["```yaml", ...lines, "```"].join("\n");
}
var hostRules = [
  hostNamespaceRule("SG-K8S-009", "hostNetwork", "network", "KSV009", "CKV_K8S_19"),
  hostNamespaceRule("SG-K8S-010", "hostPID", "process", "KSV010", "CKV_K8S_17"),
  hostNamespaceRule("SG-K8S-011", "hostIPC", "IPC", "KSV008", "CKV_K8S_18"),
  hostPath,
  runtimeSocket,
  hostPort,
  sysctls,
  automount
];

// src/manifests/pss.ts
var doc = (pod) => pod.object.doc;
var scOf = (pod, c) => c ? containerSecurityContext(pod, c) : podSecurityContext(pod);
function scFields(pod, field) {
  const out = [];
  for (const c of [void 0, ...pod.containers]) {
    const sc = scOf(pod, c);
    const pair = pairOf(sc, field);
    if (!pair) continue;
    const n = deref(pair.value, doc(pod));
    const value = (0, import_yaml5.isMap)(n) ? n : n && "value" in n ? n.value ?? void 0 : void 0;
    out.push({ ...c ? { c } : {}, value, pair });
  }
  return out;
}
var at = (c, pair) => ({ ...c ? { container: c } : {}, at: pair });
var CONTROLS = [
  {
    id: "SG-K8S-101",
    level: "baseline",
    control: "HostProcess",
    fields: "spec.securityContext.windowsOptions.hostProcess, spec.{containers,initContainers,ephemeralContainers}[*].securityContext.windowsOptions.hostProcess",
    allowed: "undefined/nil, false",
    severity: "critical",
    check(pod, add) {
      for (const f of scFields(pod, "windowsOptions")) {
        if (!(0, import_yaml5.isMap)(f.value)) continue;
        const p = pairOf(f.value, "hostProcess");
        if (p && scalarAt(f.value, "hostProcess", doc(pod)) === true)
          add({ ...at(f.c, p), message: "hostProcess: true" });
      }
    }
  },
  {
    id: "SG-K8S-102",
    level: "baseline",
    control: "Host Namespaces",
    fields: "spec.hostNetwork, spec.hostPID, spec.hostIPC",
    allowed: "undefined/nil, false",
    severity: "high",
    check(pod, add) {
      for (const field of ["hostNetwork", "hostPID", "hostIPC"]) {
        const p = pairOf(pod.spec, field);
        if (p && scalarAt(pod.spec, field, doc(pod)) === true)
          add({ at: p, key: field, message: `${field}: true` });
      }
    }
  },
  {
    id: "SG-K8S-103",
    level: "baseline",
    control: "Privileged Containers",
    fields: "spec.{containers,initContainers,ephemeralContainers}[*].securityContext.privileged",
    allowed: "undefined/nil, false",
    severity: "critical",
    check(pod, add) {
      for (const f of scFields(pod, "privileged"))
        if (f.c && f.value === true) add({ ...at(f.c, f.pair), message: "privileged: true" });
    }
  },
  {
    id: "SG-K8S-104",
    level: "baseline",
    control: "Capabilities",
    fields: "spec.{containers,initContainers,ephemeralContainers}[*].securityContext.capabilities.add",
    allowed: `undefined/nil, ${[...DEFAULT_CAPABILITIES].join(", ")}`,
    severity: "high",
    check(pod, add) {
      for (const f of scFields(pod, "capabilities")) {
        if (!f.c || !(0, import_yaml5.isMap)(f.value)) continue;
        for (const cap of stringsOf(seqAt(f.value, "add", doc(pod)), doc(pod)))
          if (!DEFAULT_CAPABILITIES.has(cap.value))
            add({ ...at(f.c, cap.node), key: cap.value, message: `capabilities.add ${cap.value}` });
      }
    }
  },
  {
    id: "SG-K8S-105",
    level: "baseline",
    control: "HostPath Volumes",
    fields: "spec.volumes[*].hostPath",
    allowed: "undefined/nil",
    severity: "high",
    check(pod, add) {
      for (const v of mapsOf(seqAt(pod.spec, "volumes", doc(pod)), doc(pod))) {
        const p = pairOf(v, "hostPath");
        if (p) add({ at: p, key: String(scalarAt(v, "name", doc(pod)) ?? ""), message: "hostPath volume" });
      }
    }
  },
  {
    id: "SG-K8S-106",
    level: "baseline",
    control: "Host Ports",
    fields: "spec.{containers,initContainers,ephemeralContainers}[*].ports[*].hostPort",
    allowed: "undefined/nil, 0",
    severity: "high",
    check(pod, add) {
      for (const c of pod.containers)
        for (const port of mapsOf(seqAt(c.node, "ports", doc(pod)), doc(pod))) {
          const v = scalarAt(port, "hostPort", doc(pod));
          const p = pairOf(port, "hostPort");
          if (p && v !== void 0 && v !== 0)
            add({ ...at(c, p), key: String(v), message: `hostPort ${String(v)}` });
        }
    }
  },
  {
    id: "SG-K8S-107",
    level: "baseline",
    control: "AppArmor",
    fields: "spec.securityContext.appArmorProfile.type, spec.{containers,initContainers,ephemeralContainers}[*].securityContext.appArmorProfile.type, metadata.annotations['container.apparmor.security.beta.kubernetes.io/*']",
    allowed: "undefined/nil, RuntimeDefault, Localhost; annotations: undefined/nil, 'runtime/default', 'localhost/*'",
    severity: "high",
    check(pod, add) {
      for (const f of scFields(pod, "appArmorProfile")) {
        const type = (0, import_yaml5.isMap)(f.value) ? scalarAt(f.value, "type", doc(pod)) : void 0;
        if (type !== void 0 && type !== "RuntimeDefault" && type !== "Localhost")
          add({ ...at(f.c, f.pair), message: `appArmorProfile type ${String(type)}` });
      }
      const annotations = mapAt(pod.metadata, "annotations", doc(pod));
      for (const item of annotations?.items ?? []) {
        const key = item.key?.value;
        if (typeof key !== "string" || !key.startsWith("container.apparmor.security.beta.kubernetes.io/"))
          continue;
        const v = scalarAt(annotations, key, doc(pod));
        if (v !== void 0 && v !== "runtime/default" && !(typeof v === "string" && v.startsWith("localhost/")))
          add({ at: item, key, message: `AppArmor annotation ${String(v)}` });
      }
    }
  },
  {
    id: "SG-K8S-108",
    level: "baseline",
    control: "SELinux",
    fields: "spec.securityContext.seLinuxOptions.{type,user,role}, spec.{containers,initContainers,ephemeralContainers}[*].securityContext.seLinuxOptions.{type,user,role}",
    allowed: 'type: undefined/"", container_t, container_init_t, container_kvm_t, container_engine_t; user and role: undefined/""',
    severity: "medium",
    check(pod, add) {
      const types = /* @__PURE__ */ new Set(["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"]);
      for (const f of scFields(pod, "seLinuxOptions")) {
        if (!(0, import_yaml5.isMap)(f.value)) continue;
        const type = scalarAt(f.value, "type", doc(pod));
        if (type !== void 0 && !types.has(String(type)))
          add({ ...at(f.c, f.pair), key: "type", message: `seLinuxOptions.type ${String(type)}` });
        for (const k of ["user", "role"]) {
          const v = scalarAt(f.value, k, doc(pod));
          if (v !== void 0 && v !== "")
            add({ ...at(f.c, f.pair), key: k, message: `seLinuxOptions.${k} ${String(v)}` });
        }
      }
    }
  },
  {
    id: "SG-K8S-109",
    level: "baseline",
    control: "/proc Mount Type",
    fields: "spec.{containers,initContainers,ephemeralContainers}[*].securityContext.procMount",
    allowed: "undefined/nil, Default",
    severity: "high",
    check(pod, add) {
      for (const f of scFields(pod, "procMount"))
        if (f.c && f.value !== void 0 && f.value !== "Default")
          add({ ...at(f.c, f.pair), message: `procMount ${String(f.value)}` });
    }
  },
  {
    id: "SG-K8S-110",
    level: "baseline",
    control: "Seccomp",
    fields: "spec.securityContext.seccompProfile.type, spec.{containers,initContainers,ephemeralContainers}[*].securityContext.seccompProfile.type",
    allowed: "undefined/nil, RuntimeDefault, Localhost",
    severity: "high",
    check(pod, add) {
      for (const f of scFields(pod, "seccompProfile")) {
        const type = (0, import_yaml5.isMap)(f.value) ? scalarAt(f.value, "type", doc(pod)) : void 0;
        if (type === "Unconfined") add({ ...at(f.c, f.pair), message: "seccompProfile type Unconfined" });
      }
    }
  },
  {
    id: "SG-K8S-111",
    level: "baseline",
    control: "Sysctls",
    fields: "spec.securityContext.sysctls[*].name",
    allowed: `undefined/nil, ${[...SAFE_SYSCTLS].join(", ")}`,
    severity: "high",
    check(pod, add) {
      for (const s of mapsOf(seqAt(podSecurityContext(pod), "sysctls", doc(pod)), doc(pod))) {
        const name = scalarAt(s, "name", doc(pod));
        if (typeof name === "string" && !SAFE_SYSCTLS.has(name))
          add({ at: s, key: name, message: `sysctl ${name}` });
      }
    }
  },
  {
    id: "SG-K8S-121",
    level: "restricted",
    control: "Volume Types",
    fields: "spec.volumes[*]",
    allowed: "configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected, secret",
    severity: "medium",
    check(pod, add) {
      const allowed = /* @__PURE__ */ new Set([
        "name",
        "configMap",
        "csi",
        "downwardAPI",
        "emptyDir",
        "ephemeral",
        "persistentVolumeClaim",
        "projected",
        "secret"
      ]);
      for (const v of mapsOf(seqAt(pod.spec, "volumes", doc(pod)), doc(pod)))
        for (const item of v.items) {
          const key = item.key?.value;
          if (typeof key === "string" && !allowed.has(key))
            add({
              at: item,
              key: `${String(scalarAt(v, "name", doc(pod)))}/${key}`,
              message: `volume type ${key}`
            });
        }
    }
  },
  {
    id: "SG-K8S-122",
    level: "restricted",
    control: "Privilege Escalation",
    fields: "spec.{containers,initContainers,ephemeralContainers}[*].securityContext.allowPrivilegeEscalation",
    allowed: "false (not checked for Windows pods)",
    severity: "medium",
    check(pod, add) {
      if (isWindows(pod)) return;
      for (const c of pod.containers) {
        const p = pairOf(containerSecurityContext(pod, c), "allowPrivilegeEscalation");
        if (scalarAt(containerSecurityContext(pod, c), "allowPrivilegeEscalation", doc(pod)) !== false)
          add({ container: c, ...p ? { at: p } : {}, message: "allowPrivilegeEscalation is not false" });
      }
    }
  },
  {
    id: "SG-K8S-123",
    level: "restricted",
    control: "Running as Non-root",
    fields: "spec.securityContext.runAsNonRoot, spec.{containers,initContainers,ephemeralContainers}[*].securityContext.runAsNonRoot",
    allowed: "true (container fields may be undefined/nil when the pod sets true)",
    severity: "medium",
    check(pod, add) {
      const podValue = scalarAt(podSecurityContext(pod), "runAsNonRoot", doc(pod));
      for (const c of pod.containers) {
        const own2 = scalarAt(containerSecurityContext(pod, c), "runAsNonRoot", doc(pod));
        if (own2 === true || own2 === void 0 && podValue === true) continue;
        const p = pairOf(containerSecurityContext(pod, c), "runAsNonRoot") ?? pairOf(podSecurityContext(pod), "runAsNonRoot");
        add({
          container: c,
          ...p ? { at: p } : {},
          message: own2 === false ? "runAsNonRoot: false" : "runAsNonRoot is not true"
        });
      }
    }
  },
  {
    id: "SG-K8S-124",
    level: "restricted",
    control: "Running as Non-root user",
    fields: "spec.securityContext.runAsUser, spec.{containers,initContainers,ephemeralContainers}[*].securityContext.runAsUser",
    allowed: "any non-zero value, undefined/nil",
    severity: "high",
    check(pod, add) {
      for (const f of scFields(pod, "runAsUser"))
        if (f.value === 0) add({ ...at(f.c, f.pair), message: "runAsUser: 0" });
    }
  },
  {
    id: "SG-K8S-125",
    level: "restricted",
    control: "Seccomp",
    fields: "spec.securityContext.seccompProfile.type, spec.{containers,initContainers,ephemeralContainers}[*].securityContext.seccompProfile.type",
    allowed: "RuntimeDefault, Localhost (container fields may be undefined/nil when the pod sets one; not checked for Windows pods)",
    severity: "medium",
    check(pod, add) {
      if (isWindows(pod)) return;
      const typeOf = (sc) => scalarAt(mapAt(sc, "seccompProfile", doc(pod)), "type", doc(pod));
      const ok = (t) => t === "RuntimeDefault" || t === "Localhost";
      const podType = typeOf(podSecurityContext(pod));
      for (const c of pod.containers) {
        const own2 = typeOf(containerSecurityContext(pod, c));
        if (ok(own2) || own2 === void 0 && ok(podType)) continue;
        const p = pairOf(containerSecurityContext(pod, c), "seccompProfile") ?? pairOf(podSecurityContext(pod), "seccompProfile");
        add({
          container: c,
          ...p ? { at: p } : {},
          message: `seccompProfile type ${own2 === void 0 && podType === void 0 ? "unset" : String(own2 ?? podType)}`
        });
      }
    }
  },
  {
    id: "SG-K8S-126",
    level: "restricted",
    control: "Capabilities",
    fields: "spec.{containers,initContainers,ephemeralContainers}[*].securityContext.capabilities.{drop,add}",
    allowed: "drop must include ALL; add only NET_BIND_SERVICE or undefined/nil (not checked for Windows pods)",
    severity: "low",
    check(pod, add) {
      if (isWindows(pod)) return;
      for (const c of pod.containers) {
        const caps = mapAt(containerSecurityContext(pod, c), "capabilities", doc(pod));
        const drop = stringsOf(seqAt(caps, "drop", doc(pod)), doc(pod));
        if (!drop.some((d) => d.value === "ALL")) {
          const p = pairOf(caps, "drop");
          add({
            container: c,
            ...p ? { at: p } : {},
            key: "drop",
            message: "capabilities.drop does not include ALL"
          });
        }
        for (const cap of stringsOf(seqAt(caps, "add", doc(pod)), doc(pod)))
          if (cap.value !== "NET_BIND_SERVICE")
            add({ container: c, at: cap.node, key: cap.value, message: `capabilities.add ${cap.value}` });
      }
    }
  }
];
function inLevel(control, level) {
  return level === "restricted" || level === "baseline" && control === "baseline";
}
var PSS_CONTROLS = CONTROLS;
var PSS_RULES = CONTROLS.map(
  (ctl) => defineRule({
    id: ctl.id,
    title: `Pod Security Standard ${ctl.level}: ${ctl.control}`,
    severity: ctl.severity,
    description: `The ${ctl.level} Pod Security Standard's "${ctl.control}" control. Fields: ${ctl.fields}. Allowed values: ${ctl.allowed}. Runs when the policy (\`manifests.pss\`) or \`--pss\` selects ${ctl.level === "baseline" ? "baseline or restricted" : "restricted"}.`,
    rationale: `Pod Security Admission at the ${ctl.level} level refuses a pod that sets a forbidden value here: finding it in CI saves a failed rollout.`,
    fix: `Change the field to one of the allowed values (${ctl.allowed}).`,
    tags: ["security", "kubernetes", `pss-${ctl.level}`, "pod-security-standards"],
    hint: `use an allowed value: ${ctl.allowed}`,
    check({ file, options, report }) {
      if (!inLevel(ctl.level, options.pss)) return;
      for (const pod of file.pods)
        ctl.check(
          pod,
          (r) => report({
            pod,
            ...r,
            message: `${subject(pod, r.container)} violates the ${ctl.level} Pod Security Standard (${ctl.control}): ${r.message}.`
          })
        );
    }
  })
);

// src/manifests/rules/cross-check.ts
function normalRepository(ref) {
  const r = parseReference(ref, { lenient: true });
  return `${r.registry}/${r.repository}`;
}
function deploying(pods, image) {
  if (!image.repository) return [];
  const repository = normalRepository(image.repository);
  const out = [];
  for (const pod of pods)
    for (const container of pod.containers) {
      const ref = scalarAt(container.node, "image", pod.object.doc);
      if (typeof ref !== "string" || /[{}$]/.test(ref) || normalRepository(ref) !== repository) continue;
      const digest = parseReference(ref, { lenient: true }).digest;
      out.push({ pod, container, ref, ...digest ? { digest } : {} });
    }
  return out;
}
function imageOf(image) {
  return { ref: image.ref, ...image.digest ? { digest: image.digest } : {} };
}
function imageName(image) {
  return image.digest ? `${image.repository ?? image.ref}@${image.digest}` : image.ref;
}
var nonRootImageRoot = defineRule({
  id: "SG-K8S-028",
  title: "runAsNonRoot with an image that runs as root (the pod will not start)",
  severity: "high",
  description: "A container of the scanned image sets `runAsNonRoot: true` (itself or through its pod) and no `runAsUser`, while the image configuration runs as root (no `USER`, `root` or `0`) or as a user name the kubelet cannot check.",
  rationale: 'The kubelet refuses to start such a container ("container has runAsNonRoot and image will run as root", or "image has non-numeric user, cannot verify user is non-root"): the rollout fails in the cluster although every check passed on its own.',
  fix: "Set a numeric non-root `USER` in the Dockerfile (`USER 10001`), or set `runAsUser: 10001` in the manifest.",
  tags: ["kubernetes", "image", "reliability", "least-privilege"],
  hint: "set a numeric non-root USER in the image or `runAsUser` in the manifest",
  check({ file, options, report }) {
    const image = options.image;
    if (!image) return;
    const user = (image.user.split(":")[0] ?? "").trim();
    const root = user === "" || isRootUser(user);
    const numeric = /^\d+$/.test(user);
    if (!root && numeric) return;
    for (const u of deploying(file.pods, image)) {
      const nonRoot = effective(u.pod, u.container, "runAsNonRoot");
      if (nonRoot.value !== true || effective(u.pod, u.container, "runAsUser").value !== void 0) continue;
      report({
        pod: u.pod,
        container: u.container,
        ...nonRoot.pair ? { at: nonRoot.pair } : {},
        image: imageOf(image),
        message: `${subject(u.pod, u.container)} sets runAsNonRoot: true, but the scanned image ${imageName(image)} runs as ${root ? `root (USER ${user ? `"${user}"` : "not set"})` : `the user name "${user}", which the kubelet cannot verify as non-root`}: the container will not start.`
      });
    }
  }
});
var notScannedDigest = defineRule({
  id: "SG-K8S-029",
  title: "Manifest deploys another image than the one scanned",
  severity: "high",
  description: "A container deploys the repository of the scanned image, but by tag only or by a different digest than the one scanned (and approved) in this run.",
  rationale: "The decision is for one digest. A tag can point elsewhere by deploy time, and another digest was never scanned: the cluster would run an image the gate did not see. Admission policies that verify the approval attestation would refuse it.",
  fix: "Deploy the scanned digest: `image: <repository>@sha256:<scanned digest>` (a tag may stay in front of it).",
  tags: ["security", "kubernetes", "image", "supply-chain"],
  hint: "reference the scanned digest in the manifest",
  check({ file, options, report }) {
    const image = options.image;
    if (!image?.digest) return;
    for (const u of deploying(file.pods, image)) {
      if (u.digest === image.digest) continue;
      const at2 = pairOf(u.container.node, "image");
      report({
        pod: u.pod,
        container: u.container,
        ...at2 ? { at: at2 } : {},
        image: imageOf(image),
        message: `${subject(u.pod, u.container)} deploys ${u.ref}, ${u.digest ? "another digest than" : "a tag, not"} the scanned image ${imageName(image)}.`
      });
    }
  }
});
var KNOWN_WRITERS = new Map(
  Object.entries({
    nginx: [
      { path: "/var/cache/nginx", why: "nginx creates its temporary directories there at start" },
      { path: "/var/run", why: "nginx writes its pid file there" }
    ],
    httpd: [{ path: "/usr/local/apache2/logs", why: "httpd writes its pid file and logs there" }],
    postgres: [{ path: "/var/run/postgresql", why: "postgres creates its socket and lock file there" }],
    gunicorn: [{ path: "/tmp", why: "gunicorn keeps its worker heartbeat files in /tmp (--worker-tmp-dir)" }],
    // `.`: the working directory (the container's workingDir, else the image's WORKDIR).
    "redis-server": [{ path: ".", why: "redis-server saves its dump.rdb in its working directory" }]
  })
);
function writes(image, workingDir) {
  const out = (image.volumes ?? []).map((path) => ({
    path,
    why: "the image declares it a VOLUME, where its process keeps the data it writes"
  }));
  const command = image.command ?? [];
  for (const arg of command) {
    const program = arg.split("/").pop() ?? "";
    for (const w of KNOWN_WRITERS.get(program) ?? [])
      if (!(program === "gunicorn" && command.some((a) => a.startsWith("--worker-tmp-dir"))))
        out.push(w.path === "." ? { ...w, path: workingDir } : w);
  }
  const seen = /* @__PURE__ */ new Set();
  return out.filter((w) => !seen.has(normalPath(w.path)) && seen.add(normalPath(w.path)));
}
function normalPath(p) {
  const t = p.replace(/\/+$/, "") || "/";
  return t === "/var/run" || t.startsWith("/var/run/") ? t.slice(4) : t;
}
var READ_ONLY_VOLUMES = /* @__PURE__ */ new Set(["configMap", "secret", "downwardAPI", "projected"]);
function writableMounts(pod, c) {
  const doc2 = pod.object.doc;
  const volumes = /* @__PURE__ */ new Map();
  for (const v of mapsOf(seqAt(pod.spec, "volumes", doc2), doc2)) {
    const name = scalarAt(v, "name", doc2);
    const keys = v.items.map((i) => i.key?.value);
    if (typeof name === "string") volumes.set(name, !keys.some((k) => READ_ONLY_VOLUMES.has(String(k))));
  }
  const out = [];
  for (const m of mapsOf(seqAt(c.node, "volumeMounts", doc2), doc2)) {
    const path = scalarAt(m, "mountPath", doc2);
    const name = scalarAt(m, "name", doc2);
    if (typeof path !== "string" || typeof name !== "string") continue;
    if (scalarAt(m, "readOnly", doc2) === true || volumes.get(name) !== true) continue;
    out.push(normalPath(path));
  }
  return out;
}
var readOnlyRootWrites = defineRule({
  id: "SG-K8S-030",
  title: "Read-only root filesystem where the image writes, without a volume there",
  severity: "medium",
  description: "A container of the scanned image sets `readOnlyRootFilesystem: true`, and a path the image's process writes to has no writable volume mounted at or above it. The image says where it writes in two ways shipgate can read without running it: the `VOLUME`s its configuration declares, and programs in its entrypoint or command that write to fixed paths at start (nginx: /var/cache/nginx and /var/run; httpd: /usr/local/apache2/logs; postgres: /var/run/postgresql; gunicorn: /tmp; redis-server: its working directory, the container's `workingDir` or else the image's `WORKDIR`).",
  rationale: 'With a read-only root the write fails ("Read-only file system") and the container crashes or loops, although the image and the manifest each pass on their own. Declared volumes are not mounted by Kubernetes: whether an anonymous one appears depends on the container runtime, and its data goes with the container.',
  fix: "Mount an `emptyDir` (or a persistent volume) at each path: `volumeMounts: [{ name: cache, mountPath: /var/cache/nginx }]` with `volumes: [{ name: cache, emptyDir: {} }]`; keep `readOnlyRootFilesystem: true`.",
  tags: ["kubernetes", "image", "reliability", "immutability"],
  hint: "mount an emptyDir where the image writes",
  check({ file, options, report }) {
    const image = options.image;
    if (!image) return;
    for (const u of deploying(file.pods, image)) {
      const ro = own(u.pod, u.container, "readOnlyRootFilesystem");
      if (ro.value !== true) continue;
      const dir = scalarAt(u.container.node, "workingDir", u.pod.object.doc);
      const paths = writes(image, typeof dir === "string" && dir ? dir : image.workingDir || "/");
      const mounts = writableMounts(u.pod, u.container);
      for (const w of paths) {
        const p = normalPath(w.path);
        if (mounts.some((m) => m === "/" || p === m || p.startsWith(`${m}/`))) continue;
        report({
          pod: u.pod,
          container: u.container,
          ...ro.pair ? { at: ro.pair } : {},
          key: w.path,
          image: imageOf(image),
          message: `${subject(u.pod, u.container)} has a read-only root filesystem, but the scanned image ${imageName(image)} writes to ${w.path} (${w.why}) and no writable volume is mounted there.`
        });
      }
    }
  }
});
var crossCheckRules = [nonRootImageRoot, notScannedDigest, readOnlyRootWrites];

// src/manifests/rules/images.ts
function images(pods) {
  const out = [];
  for (const pod of pods)
    for (const c of pod.containers) {
      const image = scalarAt(c.node, "image", pod.object.doc);
      const at2 = pairOf(c.node, "image");
      if (typeof image !== "string" || !image.trim() || !at2 || /[{}$]/.test(image)) continue;
      const ref = parseReference(image, { lenient: true });
      out.push({
        pod,
        container: c,
        image,
        registry: ref.registry,
        repository: ref.repository,
        ...ref.tag !== void 0 ? { tag: ref.tag } : {},
        ...ref.digest !== void 0 ? { digest: ref.digest } : {},
        at: at2
      });
    }
  return out;
}
var notDigest = defineRule({
  id: "SG-K8S-024",
  title: "Image referenced by tag, not by digest",
  severity: "low",
  description: "A container image is referenced without `@sha256:...`.",
  rationale: "A tag can be moved to other content at any time: what runs is not necessarily what was scanned and approved, and two nodes may run different images. A digest names exactly one image; admission policies that verify signatures work on digests.",
  fix: "Pin the image: `ghcr.io/org/app:1.4.2@sha256:<digest>` (the tag stays readable, the digest decides). Renovate and Dependabot keep digests current.",
  tags: ["security", "kubernetes", "supply-chain"],
  equivalents: { checkov: ["CKV_K8S_43"] },
  hint: "reference the image by digest (`image@sha256:...`)",
  check({ file, report }) {
    for (const u of images(file.pods))
      if (!u.digest)
        report({
          pod: u.pod,
          container: u.container,
          at: u.at,
          message: `${subject(u.pod, u.container)} uses image ${u.image} without a digest.`
        });
  }
});
var latest = defineRule({
  id: "SG-K8S-025",
  title: "Image tag is latest or missing",
  severity: "medium",
  description: "A container image has no tag and no digest, or its tag is `latest`, without a digest.",
  rationale: "`latest` (which a missing tag means) changes whenever someone pushes: deployments are not reproducible, rollbacks do not roll back, and the image that runs was never reviewed.",
  fix: "Use a version tag and pin its digest: `nginx:1.27.2@sha256:<digest>`.",
  tags: ["security", "kubernetes", "supply-chain", "reproducibility"],
  equivalents: {
    trivy: ["KSV013", "AVD-KSV-0013"],
    checkov: ["CKV_K8S_14"],
    kubeScore: ["container-image-tag"]
  },
  hint: "use a fixed version tag (and a digest)",
  check({ file, report }) {
    for (const u of images(file.pods)) {
      if (u.digest || u.tag && u.tag !== "latest") continue;
      report({
        pod: u.pod,
        container: u.container,
        at: u.at,
        message: `${subject(u.pod, u.container)} uses image ${u.image}${u.tag ? "" : " (no tag: latest)"}.`
      });
    }
  }
});
var registry = defineRule({
  id: "SG-K8S-026",
  title: "Image from a registry outside the allow-list",
  severity: "high",
  description: "A container image comes from a registry that `manifests.allowed-registries` in the policy does not list (the rule runs only when the list is set).",
  rationale: "Images from arbitrary registries skip the scanning, signing and mirroring that the allowed registries guarantee; admission policies generated from the same list would refuse the pod in the cluster.",
  fix: "Mirror the image into an allowed registry and reference the mirrored copy.",
  tags: ["security", "kubernetes", "supply-chain"],
  hint: "use an image from an allowed registry",
  check({ file, options, report }) {
    const allowed = options.allowedRegistries;
    if (!allowed?.length) return;
    for (const u of images(file.pods)) {
      if (!registryAllowed(allowed, u))
        report({
          pod: u.pod,
          container: u.container,
          at: u.at,
          message: `${subject(u.pod, u.container)} uses image ${u.image} from ${u.registry}, which is not an allowed registry (${allowed.join(", ")}).`
        });
    }
  }
});
var pullPolicy = defineRule({
  id: "SG-K8S-027",
  title: "Mutable image tag without imagePullPolicy: Always",
  severity: "low",
  description: "A container image is referenced by a tag without a digest and `imagePullPolicy` is not `Always` (an explicit `IfNotPresent` or `Never`, or unset with a tag other than `latest`).",
  rationale: "With a mutable tag and `IfNotPresent`, each node keeps whatever it pulled first: nodes run different images under one name, and a fixed image never reaches nodes that already have the tag.",
  fix: "Pin the image by digest (then any pull policy is exact), or set `imagePullPolicy: Always`.",
  tags: ["kubernetes", "supply-chain", "reproducibility"],
  equivalents: { checkov: ["CKV_K8S_15"], kubeScore: ["container-image-pull-policy"] },
  hint: "pin the digest or set `imagePullPolicy: Always`",
  check({ file, report }) {
    for (const u of images(file.pods)) {
      if (u.digest) continue;
      const policy = scalarAt(u.container.node, "imagePullPolicy", u.pod.object.doc);
      const effective2 = policy ?? (!u.tag || u.tag === "latest" ? "Always" : "IfNotPresent");
      if (effective2 === "Always") continue;
      const pair = pairOf(u.container.node, "imagePullPolicy");
      report({
        pod: u.pod,
        container: u.container,
        at: pair ?? u.at,
        message: `${subject(u.pod, u.container)} pulls the mutable tag ${u.image} with imagePullPolicy ${String(effective2)}${policy === void 0 ? " (the default)" : ""}.`
      });
    }
  }
});
var imageRules = [notDigest, latest, registry, pullPolicy];

// src/manifests/rules/resources.ts
function resourceRule(id, kind, resource, trivy, checkov) {
  const field = `resources.${kind}.${resource}`;
  return defineRule({
    id,
    title: `${resource === "cpu" ? "CPU" : "Memory"} ${kind === "requests" ? "request" : "limit"} not set`,
    severity: "low",
    description: `A container does not set \`${field}\`.`,
    rationale: kind === "requests" ? "Without requests the scheduler places the pod blind and the container is the first to be evicted or throttled under pressure." : resource === "memory" ? "Without a memory limit one leaking or attacked container can exhaust the node and get its neighbours killed." : "Without a CPU limit a runaway or attacked container can starve its neighbours on the node.",
    fix: [
      "```yaml",
      "resources:",
      `  ${kind}:`,
      `    ${resource}: ${resource === "cpu" ? "250m" : "256Mi"}`,
      "```"
    ].join("\n"),
    tags: ["kubernetes", "reliability", "resources"],
    equivalents: {
      trivy: [trivy, `AVD-KSV-${trivy.slice(3).padStart(4, "0")}`],
      checkov: [checkov],
      kubeScore: ["container-resources"]
    },
    hint: `set \`${field}\``,
    check({ file, report }) {
      for (const pod of file.pods)
        for (const c of pod.containers) {
          if (c.field === "ephemeralContainers") continue;
          const resources = mapAt(c.node, "resources", pod.object.doc);
          const section = mapAt(resources, kind, pod.object.doc);
          if (pairOf(section, resource)) continue;
          report({ pod, container: c, message: `${subject(pod, c)} does not set ${field}.` });
        }
    }
  });
}
var resourceRules = [
  resourceRule("SG-K8S-019", "requests", "cpu", "KSV015", "CKV_K8S_10"),
  resourceRule("SG-K8S-020", "limits", "cpu", "KSV011", "CKV_K8S_11"),
  resourceRule("SG-K8S-021", "requests", "memory", "KSV016", "CKV_K8S_12"),
  resourceRule("SG-K8S-022", "limits", "memory", "KSV018", "CKV_K8S_13")
];

// src/manifests/rules/index.ts
var RULES = [
  ...securityContextRules,
  ...hostRules,
  ...resourceRules,
  ...imageRules,
  ...crossCheckRules
].sort((a, b) => compareText(a.meta.id, b.meta.id));

// src/manifests/rules-list.ts
var ALL_RULES = [...RULES, ...PSS_RULES];
function manifestRules(pss) {
  const skipped = new Set(
    PSS_CONTROLS.filter((c) => pss === "privileged" || pss === "baseline" && c.level === "restricted").map(
      (c) => c.id
    )
  );
  return ALL_RULES.filter((r) => !skipped.has(r.meta.id)).map((r) => r.meta);
}

// src/manifests/lint.ts
var IGNORE_ANNOTATION = "shipgate.dev/ignore";
function lintManifests(input, options = {}, rules = ALL_RULES) {
  const file = parseManifests(input.content, input.path);
  const findings = [];
  for (const rule of rules) {
    if (rule.meta.optional && !options.enableRules?.some((id) => aliases(rule.meta).has(id.toUpperCase())))
      continue;
    rule.check({
      file,
      options,
      report: (r) => {
        const f = toFinding(file, rule, r);
        const s = suppression(file, rule.meta, r, f, options);
        if (s) f.suppressed = s;
        findings.push(f);
      }
    });
  }
  return {
    objects: file.objects.length,
    findings: findings.sort(
      (a, b) => (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) || (a.location?.startColumn ?? 0) - (b.location?.startColumn ?? 0) || compareSeverity(b.severity, a.severity) || compareText(a.ruleId, b.ruleId)
    )
  };
}
function spanOfTarget(file, at2) {
  if (!(0, import_yaml6.isPair)(at2)) return file.spanOf(at2);
  const key = at2.key;
  const value = at2.value;
  const start = key ? file.spanOf(key) : value ? file.spanOf(value) : void 0;
  const end = value ? file.spanOf(value) : start;
  if (!start || !end) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
  return { line: start.line, column: start.column, endLine: end.endLine, endColumn: end.endColumn };
}
function reportSpan(file, r) {
  if (r.at) return spanOfTarget(file, r.at);
  const node = r.container?.node ?? r.pod.spec;
  const s = file.spanOf(node);
  return {
    line: s.line,
    column: s.column,
    endLine: s.line,
    endColumn: (file.lines[s.line - 1]?.length ?? 0) + 1
  };
}
function toFinding(file, rule, r) {
  const span = reportSpan(file, r);
  const o = r.pod.object;
  const fingerprint = stableHash(
    rule.meta.id,
    file.path,
    o.kind,
    o.namespace ?? "",
    o.name,
    r.container ? `${r.container.field}/${r.container.name}` : "",
    r.key
  );
  return {
    ruleId: rule.meta.id,
    kind: "manifest",
    severity: r.severity ?? rule.meta.severity,
    message: o.source ? `${r.message} (rendered from ${o.source})` : r.message,
    location: {
      path: file.path,
      startLine: span.line,
      startColumn: span.column,
      endLine: span.endLine,
      endColumn: span.endColumn,
      snippet: file.lines[span.line - 1] ?? ""
    },
    fingerprint,
    ...r.image ? { image: r.image } : {},
    fix: r.fix ?? rule.hint,
    properties: {
      object: `${o.kind}/${o.name}`,
      ...o.namespace ? { namespace: o.namespace } : {},
      ...r.container ? { container: r.container.name } : {},
      ...o.source ? { template: o.source } : {}
    }
  };
}
var aliasCache = /* @__PURE__ */ new WeakMap();
function aliases(meta) {
  let ids = aliasCache.get(meta);
  if (ids) return ids;
  ids = /* @__PURE__ */ new Set([meta.id.toUpperCase()]);
  for (const list of Object.values(meta.equivalents ?? {}))
    for (const id of list ?? []) {
      ids.add(id.toUpperCase());
      const m = /^(?:AVD-)?KSV-?0*(\d+)$/i.exec(id);
      if (m) {
        const n = Number(m[1]);
        ids.add(`KSV${String(n).padStart(3, "0")}`);
        ids.add(`KSV-${String(n).padStart(4, "0")}`);
        ids.add(`AVD-KSV-${String(n).padStart(4, "0")}`);
      }
    }
  aliasCache.set(meta, ids);
  return ids;
}
var PRAGMA = /^shipgate\s+ignore\s*=\s*([A-Za-z0-9_,\s-]+?)(?:\s+(?:--|#)\s*(.*))?$/i;
function matchIds(meta, ids) {
  const known = aliases(meta);
  return ids.find((id) => known.has(id.trim().toUpperCase()));
}
function annotationIgnores(r) {
  const o = r.pod.object;
  const out = [];
  const metas = [
    { map: mapAt(o.node, "metadata", o.doc), where: "metadata.annotations" },
    ...r.pod.metadata && r.pod.specPath !== "spec" ? [{ map: r.pod.metadata, where: "the pod template annotations" }] : []
  ];
  for (const { map, where } of metas) {
    const annotations = mapAt(map, "annotations", o.doc);
    const v = scalarAt(annotations, IGNORE_ANNOTATION, o.doc);
    if (typeof v === "string") out.push({ ids: v.split(/[\s,]+/).filter(Boolean), where });
  }
  return out;
}
function suppression(file, meta, r, f, options) {
  if (options.inlinePragmas !== false) {
    const lines = /* @__PURE__ */ new Set();
    const line = f.location?.startLine ?? 0;
    lines.add(line).add(line - 1);
    for (const n of [r.container?.node, r.pod.object.node]) {
      const s = n ? file.spanOf(deref(n, r.pod.object.doc) ?? n) : void 0;
      if (s) lines.add(s.line).add(s.line - 1);
    }
    for (const c of file.comments) {
      if (!lines.has(c.line)) continue;
      const m = PRAGMA.exec(c.text.trim());
      const id = m ? matchIds(meta, m[1].split(/[\s,]+/).filter(Boolean)) : void 0;
      if (id) return { kind: "inline", reason: m?.[2] ?? `# shipgate ignore=${id} (line ${c.line})` };
    }
    for (const a of annotationIgnores(r)) {
      const id = matchIds(meta, a.ids);
      if (id) return { kind: "inline", reason: `${IGNORE_ANNOTATION}: ${id} in ${a.where}` };
    }
  }
  if (options.ignoreRules) {
    const id = matchIds(meta, options.ignoreRules);
    if (id) return { kind: "policy", reason: `${id} ignored by policy` };
  }
  return void 0;
}

// src/manifests/docs.ts
var MANIFESTS_DOCS_INTRO = [
  "shipgate reads Kubernetes manifests as YAML streams: any number of documents per file, `List` kinds, `helm template` output (its `# Source:` comments name the template in each message) and `kustomize build` output. Pod specs are checked in Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job and CronJob, for containers, init containers and ephemeral containers; a container setting overrides the pod one. Every finding points at the line and column of the offending field, or of the container (or pod spec) when a field is missing. See [docs/manifests.md](../manifests.md) for usage.",
  "",
  "## Errors and findings",
  "",
  "Malformed YAML is an error (exit code 2, code `INPUT`, one line `path:line: what`), as is a document that expands too many aliases or a file of more than 10000 documents. Documents without a `kind` are skipped.",
  "",
  "## Suppressing findings",
  "",
  "- `# shipgate ignore=SG-K8S-004` on the line of the finding, on the line above it, or on or above the first line of the container or object. Equivalent ids work too (`KSV001`, `AVD-KSV-0001`, `CKV_K8S_20`).",
  "- The annotation `shipgate.dev/ignore: SG-K8S-004,SG-K8S-010` in the object's `metadata.annotations`, or in the pod template's.",
  "- `rules:` overrides and `ignores:` in shipgate.yaml, as for every other finding.",
  "",
  "## Pod Security Standards",
  "",
  "SG-K8S-101 to SG-K8S-111 are the baseline controls and SG-K8S-121 to SG-K8S-126 the restricted ones, transcribed from the field tables of the [Pod Security Standards](https://kubernetes.io/docs/concepts/security/pod-security-standards/). They run only when `manifests.pss` in shipgate.yaml (or `--pss`) selects a level; `restricted` includes `baseline`."
].join("\n");
var MANIFESTS_DOCS = {
  title: "Kubernetes manifest rules",
  intro: MANIFESTS_DOCS_INTRO
};
export {
  IGNORE_ANNOTATION,
  MANIFESTS_DOCS,
  MAX_DOCUMENTS,
  lintManifests,
  manifestRules,
  parseManifests
};
