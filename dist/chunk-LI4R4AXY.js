#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  safeText
} from "./chunk-7ARZCZGE.js";
import {
  stableHash
} from "./chunk-XFIAZQWE.js";

// src/config/common.ts
function finding(rule, message, identity, image, severity = rule.severity, properties) {
  const f = {
    ruleId: rule.id,
    kind: "config",
    severity,
    message,
    fingerprint: stableHash(rule.id, identity),
    // The first sentence of the rule's fix; its example stays in the rule help (SARIF, docs).
    fix: rule.fix.split("\n")[0].replace(/:\s*$/, "")
  };
  if (image && Object.keys(image).length) f.image = image;
  if (properties) f.properties = properties;
  return f;
}
function imageLoc(info) {
  return { ...info.ref ? { ref: info.ref } : {}, ...info.digest ? { digest: info.digest } : {} };
}
function fileLoc(info, e, path = e.path) {
  return {
    ...imageLoc(info),
    path,
    layerIndex: e.layerIndex,
    layerDigest: e.layerDigest,
    ...e.createdBy ? { createdBy: safeText(e.createdBy) } : {}
  };
}
function targetName(info) {
  return info.repository ?? info.ref;
}
var TextFiles = class {
  constructor(paths) {
    this.paths = paths;
  }
  paths;
  files = /* @__PURE__ */ new Map();
  wants(e) {
    return this.paths.has(e.path);
  }
  add(e, content) {
    let byLayer = this.files.get(e.path);
    if (!byLayer) this.files.set(e.path, byLayer = /* @__PURE__ */ new Map());
    byLayer.set(e.layerIndex, content.toString("utf8"));
  }
  /** The visible version of `path` and its entry, if the final filesystem has it. */
  visible(view, path) {
    const layer = view.visibleLayer(path);
    const entry = view.stat(path);
    const text = layer === void 0 ? void 0 : this.files.get(path)?.get(layer);
    return text !== void 0 && entry ? { text, entry } : void 0;
  }
};
function existing(view, path) {
  const r = view.resolve(path);
  const st = r ? view.stat(r) : void 0;
  return st && st.type !== "dir" ? st : void 0;
}
function configOnlyAnalyzer(name, check) {
  return {
    name,
    wants: () => false,
    analyze: () => void 0,
    finish: (_view, info) => ({ findings: check(info) })
  };
}

// src/config/rules.ts
function def(d) {
  return {
    id: `SG-IMG-${String(d.n).padStart(3, "0")}`,
    kind: "config",
    title: d.title,
    severity: d.severity,
    description: d.description,
    rationale: d.rationale,
    fix: d.fix,
    tags: ["security", "image-config", ...d.tags ?? []],
    ...d.dockle || d.trivy ? { equivalents: { ...d.dockle ? { dockle: d.dockle } : {}, ...d.trivy ? { trivy: d.trivy } : {} } } : {},
    ...d.related ? {
      related: {
        checks: {
          ...d.related.dockle ? { dockle: d.related.dockle } : {},
          ...d.related.trivy ? { trivy: d.related.trivy } : {}
        },
        differs: d.related.differs
      }
    } : {}
  };
}
var IMG_RULES = {
  root: def({
    n: 1,
    title: "Image runs as root",
    severity: "medium",
    description: "The image configuration has no `User`, or `root` or uid 0 however it is written (`0`, `000`, `0:0`), so containers start as root.",
    rationale: "A process running as root inside the container is root on the host when it escapes (kernel or runtime bugs, mounted sockets, privileged mode).",
    fix: "Create an unprivileged user and switch to it in the final stage:\n\n```dockerfile\nRUN useradd --system --uid 10001 app\nUSER 10001\n```",
    dockle: ["CIS-DI-0001"],
    trivy: ["DS002"]
  }),
  healthcheck: def({
    n: 2,
    title: "No HEALTHCHECK",
    severity: "low",
    description: "The image configuration has no `Healthcheck`, or disables it with `NONE`.",
    rationale: "Without a health check, orchestrators that honour it cannot tell a hung container from a healthy one.",
    fix: 'Add a health check that exercises the service:\n\n```dockerfile\nHEALTHCHECK --interval=30s --timeout=3s CMD ["/app/healthcheck"]\n```\n\nIgnore this rule for images run only on Kubernetes, which uses probes instead.',
    dockle: ["CIS-DI-0006"],
    trivy: ["DS026"]
  }),
  privilegedPort: def({
    n: 3,
    title: "Privileged port exposed",
    severity: "low",
    description: "The image exposes a port below 1024 (e.g. `EXPOSE 80` or `EXPOSE 22`).",
    rationale: "Binding ports below 1024 needs root or `CAP_NET_BIND_SERVICE`, which pushes the image towards running privileged; port 22 usually means an SSH server inside the container.",
    fix: "Listen on an unprivileged port and map it at run time (`-p 80:8080`):\n\n```dockerfile\nEXPOSE 8080\n```",
    trivy: ["DS001"]
  }),
  sensitiveVolume: def({
    n: 4,
    title: "Sensitive path declared as a volume",
    severity: "high",
    description: "A `VOLUME` is declared on a host-sensitive path: `/`, `/etc`, `/proc`, `/sys`, `/dev`, `/boot`, `/root`, `/var/run/docker.sock`, `/run`, `/var/lib/docker` and similar.",
    rationale: "Runtimes mount volumes over these paths; combined with bind mounts they expose the host or the container engine (the Docker socket is root on the host).",
    fix: "Declare volumes only for application data directories:\n\n```dockerfile\nVOLUME /var/lib/app/data\n```",
    dockle: ["DKL-DI-0002"]
  }),
  ociLabels: def({
    n: 5,
    title: "Missing OCI source or revision label",
    severity: "info",
    description: "The image has no `org.opencontainers.image.source` or `org.opencontainers.image.revision` label.",
    rationale: "These labels tie an image to the repository and commit it was built from, which scanners, registries and incident responders rely on.",
    fix: 'Set them at build time:\n\n```dockerfile\nARG GIT_SHA\nLABEL org.opencontainers.image.source="https://github.com/org/app" \\\n      org.opencontainers.image.revision="$GIT_SHA"\n```'
  }),
  remoteAdd: def({
    n: 6,
    title: "Remote file added with ADD",
    severity: "medium",
    description: "The build history shows `ADD` of a URL.",
    rationale: "ADD downloads without verifying a checksum (unless `--checksum` is given) and keeps the download in a layer; a compromised or changed URL changes the image silently.",
    fix: 'Download with a pinned checksum, or use `ADD --checksum=sha256:...`:\n\n```dockerfile\nRUN curl -fsSLo /tmp/tool.tgz https://example.org/tool.tgz \\\n && echo "<sha256>  /tmp/tool.tgz" | sha256sum -c -\n```',
    trivy: ["DS005"],
    related: {
      dockle: ["CIS-DI-0009"],
      differs: "dockle CIS-DI-0009 flags every ADD of the history but the first, local files included; SG-IMG-006 reports remote ADD without a checksum, and history lint reports a local ADD as SG-DF-008"
    }
  }),
  size: def({
    n: 7,
    title: "Image is unusually large",
    severity: "info",
    description: "The compressed image size is over `image.max-size-mb` of the policy (default 1024 MiB).",
    rationale: "Large images carry more software to patch, pull slowly and often contain build tools or caches by mistake.",
    fix: "Use a multi-stage build and copy only the runtime artefacts into a slim or distroless base."
  }),
  layers: def({
    n: 8,
    title: "Image has many layers",
    severity: "info",
    description: "The image has more layers than `image.max-layers` of the policy (default 50).",
    rationale: "Many layers slow pulls and usually mean files are added and removed in separate steps, leaving the removed data in earlier layers.",
    fix: "Combine related `RUN` steps and use a multi-stage build."
  }),
  eol: def({
    n: 9,
    title: "Base OS is end of life",
    severity: "high",
    description: "The image OS release is past its end of life.",
    rationale: "An end-of-life release no longer gets security updates; new vulnerabilities stay unfixed.",
    fix: "Move to a supported release of the base image (e.g. `debian:bookworm-slim`) and rebuild."
  }),
  age: def({
    n: 10,
    title: "Image is old",
    severity: "low",
    description: "The image `created` date is older than `image.max-age-days` of the policy (default 365 days).",
    rationale: "An image that has not been rebuilt for a long time misses every base-image security update since.",
    fix: "Rebuild regularly (e.g. a scheduled CI job) so base-image updates are picked up."
  }),
  credentialEnv: def({
    n: 11,
    title: "Credential-like environment variable set",
    severity: "high",
    description: "An `Env` entry whose name suggests a credential (`PASSWORD`, `SECRET`, `TOKEN`, `API_KEY`, `ACCESS_KEY`, ...) has a literal value, or the build history keeps one: a BuildKit build argument (`RUN |1 NPM_TOKEN=...`) or a variable set for one `RUN` (`RUN SECRET=... ./setup`; placeholders of fewer than 4 characters or with `dummy` in them are left alone). Values matched by a secret rule are reported as SG-SEC findings instead.",
    rationale: "Environment variables are stored in the image configuration and shown by `docker inspect`, and the history by `docker history`; every user of the image can read them.",
    fix: "Remove the `ENV`; provide the value at run time from a secret store, or at build time with `RUN --mount=type=secret`.",
    dockle: ["CIS-DI-0010"]
  }),
  sudo: def({
    n: 12,
    title: "sudo installed",
    severity: "medium",
    description: "The final filesystem contains `sudo` (or `doas`).",
    rationale: "sudo in a container is a privilege-escalation path and has no use when the image already chooses its user.",
    fix: "Do not install sudo; run the steps that need root before `USER`, or use `gosu`/`su-exec` in an entrypoint that drops privileges.",
    trivy: ["DS010"],
    related: {
      dockle: ["DKL-DI-0001"],
      differs: "dockle DKL-DI-0001 looks for `sudo` in the history lines, its use; SG-IMG-012 finds the binary in the image (history lint reports its use as SG-DF-027)"
    }
  }),
  setuidUnusual: def({
    n: 13,
    title: "Unusual setuid/setgid file",
    severity: "high",
    description: "A file with the setuid or setgid bit that is not one of the usual system tools (passwd, su, mount ...).",
    rationale: "setuid/setgid programs run with their owner's privileges; an unexpected one is a privilege-escalation path or a planted backdoor.",
    fix: "Remove the bit unless the program really needs it:\n\n```dockerfile\nRUN chmod u-s,g-s /usr/local/bin/tool\n```",
    dockle: ["CIS-DI-0008"]
  }),
  setuidCommon: def({
    n: 14,
    title: "setuid/setgid system tool",
    severity: "info",
    description: "A usual setuid/setgid system tool (passwd, su, mount, chsh ...) is present.",
    rationale: "Containers rarely need these; removing the bits (or running with `--security-opt no-new-privileges`) shrinks the privilege-escalation surface.",
    fix: "Strip the bits in the final stage:\n\n```dockerfile\nRUN find / -xdev -perm /6000 -type f -exec chmod a-s {} + || true\n```",
    dockle: ["CIS-DI-0008"]
  }),
  worldWritable: def({
    n: 15,
    title: "World-writable path without sticky bit",
    severity: "medium",
    description: "A file, or a directory without the sticky bit, that every user may write.",
    rationale: "Any process in the container can replace or tamper with it, e.g. swap a script that root later runs.",
    fix: "Tighten the mode (`chmod o-w`), or set the sticky bit on shared directories (`chmod 1777`)."
  }),
  packageCache: def({
    n: 16,
    title: "Package manager cache left in the image",
    severity: "low",
    description: "Package lists or caches remain in the final filesystem: apt lists and archives, apk, yum/dnf caches, pip, npm or yarn caches.",
    rationale: "Caches add size, and stale package lists make later `apt-get install` in derived images use outdated metadata.",
    fix: "Clean in the same `RUN` that installs, or use cache mounts:\n\n```dockerfile\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n```",
    trivy: ["DS017"],
    related: {
      dockle: ["DKL-DI-0005", "DKL-DI-0004"],
      differs: "dockle DKL-DI-0004 and DKL-DI-0005 read the history text (an `apk add` without `--no-cache`, an `apt-get install` or `update` not followed by removing `/var/lib/apt/lists` in the same line); SG-IMG-016 looks at the final filesystem, so it reports the caches that are really left, from any package manager, and not a line whose cache a later step removed"
    }
  }),
  minimalTools: def({
    n: 17,
    title: "Shell or package manager in a minimal image",
    severity: "medium",
    description: "The image claims to be minimal (distroless, scratch-based, Chainguard/Wolfi, or a `minimal` label) but contains a shell or a package manager.",
    rationale: "A shell or package manager lets an attacker who gets code execution download and run tools; minimal images exist to avoid that.",
    fix: "Build the final stage from the minimal base and copy only the application into it; do not copy `/bin/sh` or package managers in."
  }),
  uid0: def({
    n: 18,
    title: "User with UID 0 other than root",
    severity: "high",
    description: "`/etc/passwd` has an account other than `root` with UID 0.",
    rationale: "A second UID-0 account is a classic backdoor: it has full root rights under another name.",
    fix: "Remove the account or give it its own UID."
  }),
  emptyPassword: def({
    n: 19,
    title: "Account with empty password",
    severity: "high",
    description: "An account in `/etc/shadow` (or `/etc/passwd`) has an empty password field.",
    rationale: "Anyone can log in or `su` to that account without a password.",
    fix: "Lock the account (`passwd -l name`) or remove it.",
    dockle: ["DKL-LI-0001"]
  }),
  duplicateId: def({
    n: 20,
    title: "Duplicate UID or GID",
    severity: "low",
    description: "Two accounts in `/etc/passwd` share a UID, or two groups in `/etc/group` share a GID.",
    rationale: "Shared IDs make file ownership and audit logs ambiguous and can grant one account the other's files.",
    fix: "Give every account and group its own ID.",
    dockle: ["DKL-LI-0002"]
  }),
  unnecessaryFiles: def({
    n: 21,
    title: "Build or workstation files in the image",
    severity: "low",
    description: "The final filesystem has files that only belong to the build or a workstation: `Dockerfile`, `docker-compose.yml` (and the other Compose file names), `.vimrc`, `.DS_Store`, or files directly in `.cache`, `.npm`, `.git`, `.aws`, `.azure`, `.gcp`, `.vscode` or `.idea` directories. Package content is left alone: `node_modules`, `vendor`, `site-packages` and the system library and share directories.",
    rationale: "They leak source history, cloud credentials or internal details, and show that the build copies more than it needs.",
    fix: "Add them to `.dockerignore` and copy only what the image needs.",
    dockle: ["DKL-LI-0003"]
  }),
  credentialFile: def({
    n: 22,
    title: "Credential file in the image",
    severity: "medium",
    description: "A file whose name is a usual credential store: `credentials.json`, `credential.json`, `credentials`, `credential`, `password.txt`, `id_rsa`, `id_dsa`, `id_ecdsa`, `id_ed25519`, `secret_token.rb`, `carrierwave.rb`, `omniauth.rb`, `settings.py`, `database.yml`, `credentials.xml`, `.env`, or one ending in `.secret`, `.ovpn`, `.private_key`, `.cscfg`, `.rdp`, `.mdf`, `.sdf`, `.bek`, `.tpm`, `.fve`, `.jks`, `.psafe3`, `.agilekeychain`, `.keychain`, `.pcap` or `.gnucache` (dockle's list). Package content (`node_modules`, `vendor`, `site-packages`, the system library and share directories) is left alone. The contents of every file are also scanned by the secret rules (SG-SEC).",
    rationale: "Whoever can pull the image can read every file in it, in every layer; keys, VPN profiles and credential files copied in by a broad `COPY . .` are a common leak.",
    fix: "Keep the file out of the build context (`.dockerignore`) and provide it at run time as a mounted secret:\n\n```dockerfile\n# .dockerignore\n.env\n**/id_rsa\n**/credentials.json\n```",
    dockle: ["CIS-DI-0010"]
  }),
  latestTag: def({
    n: 23,
    title: "Image scanned by the latest tag",
    severity: "low",
    description: "The image was scanned from a registry or the Docker daemon by the `latest` tag, or by a reference without tag or digest (which means `latest`). Archives and OCI layouts are not judged: their tag is a file name, not a registry tag.",
    rationale: "`latest` moves: what was scanned and approved is not what the next pull of the same reference gets.",
    fix: "Scan and deploy an explicit version tag, or better the digest (`ghcr.io/org/app@sha256:...`).",
    dockle: ["DKL-DI-0006"]
  })
};
var IMG_RULE_META = Object.values(IMG_RULES);

export {
  finding,
  imageLoc,
  fileLoc,
  targetName,
  TextFiles,
  existing,
  configOnlyAnalyzer,
  IMG_RULES
};
