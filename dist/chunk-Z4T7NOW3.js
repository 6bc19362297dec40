#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  KEYWORDS,
  RULES,
  parseDockerfile,
  runRules
} from "./chunk-DLZNSFT6.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";

// src/dockerfile/history.ts
var BUILD_ARG = /^[A-Za-z_][A-Za-z0-9_]*=(?:"(?:[^"\\]|\\.)*"|'[^']*'|\S*)/;
function stripBuildArgs(s) {
  const m = /^\|(\d+)\s+/.exec(s);
  if (!m) return { rest: s, args: [] };
  let rest = s.slice(m[0].length);
  const args = [];
  for (let i = 0; i < Number(m[1]); i++) {
    const a = BUILD_ARG.exec(rest);
    if (!a) break;
    args.push(a[0]);
    rest = rest.slice(a[0].length).replace(/^\s+/, "");
  }
  return { rest, args };
}
var SHELL_C = /^(?:(?:\/usr)?\/bin\/)?(?:ba|da|a|z|k)?sh\s+(?:(?:-[A-Za-z]+|[-+]o\s+[a-z]+)\s+)*-[A-Za-z]*c\s+/;
function stripShell(s) {
  return s.replace(SHELL_C, "").replace(/^cmd \/S \/C\s+/i, "");
}
function parseCreatedBy(createdBy) {
  let s = (createdBy ?? "").trim();
  if (s.endsWith("# buildkit")) s = s.slice(0, -"# buildkit".length).trim();
  if (!s) return "empty";
  const prefix = stripBuildArgs(s);
  s = prefix.rest;
  const nop = /^(?:\/bin\/sh|\/bin\/bash|sh)\s+-c\s+#\(nop\)\s*(.*)$/s.exec(s);
  if (nop) s = (nop[1] ?? "").trim();
  else if (SHELL_C.test(s)) return { keyword: "RUN", text: stripShell(s), buildArgs: prefix.args };
  const m = /^([A-Za-z]+)\b\s*(.*)$/s.exec(s);
  if (!m) return void 0;
  const keyword = m[1].toUpperCase();
  if (!KEYWORDS.has(keyword) || keyword === "FROM") return void 0;
  let text = (m[2] ?? "").trim();
  let buildArgs = prefix.args;
  if (keyword === "RUN") {
    const inner = stripBuildArgs(text);
    buildArgs = [...buildArgs, ...inner.args];
    text = stripShell(inner.rest).replace(/^#\(nop\)\s*/, "");
  }
  return { keyword, text, buildArgs };
}
function words(s) {
  return s.replace(/\\\s*\n/g, " ").replace(/[[\]",]/g, " ").split(/\s+/).filter(Boolean);
}
function instructionWords(keyword, text) {
  let w = words(text.slice(keyword.length));
  if (keyword === "COPY" || keyword === "ADD" || keyword === "RUN")
    w = w.filter((x) => !/^--[a-z-]+(=|$)/.test(x));
  if (keyword === "RUN" || keyword === "CMD" || keyword === "ENTRYPOINT") {
    if (w[0] && /^(\/bin\/)?(ba)?sh$/.test(w[0]) && w[1] === "-c") w = w.slice(2);
  }
  return w;
}
function historyWords(p) {
  let w = words(p.text);
  if (p.keyword === "CMD" || p.keyword === "ENTRYPOINT") {
    if (w[0] && /^(\/bin\/)?(ba)?sh$/.test(w[0]) && w[1] === "-c") w = w.slice(2);
  }
  if (p.keyword === "EXPOSE")
    w = [...p.text.matchAll(/(\d+(?:-\d+)?)(?:\/(tcp|udp|sctp))?/g)].map((m) => m[1] ?? "");
  if ((p.keyword === "COPY" || p.keyword === "ADD") && w.includes("in")) {
    return [w[w.length - 1] ?? ""];
  }
  return w;
}
function score(a, b) {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.join(" ") === b.join(" ")) return 1;
  const sa = new Set(a);
  const sb = new Set(b);
  let common = 0;
  for (const x of sa) if (sb.has(x)) common++;
  return common / Math.max(sa.size, sb.size);
}
function finalStages(target) {
  const out = /* @__PURE__ */ new Set();
  let i = target.stages.length - 1;
  while (i >= 0 && !out.has(i)) {
    out.add(i);
    const base = target.stages[i]?.baseImage.toLowerCase();
    const prev = target.stages.findIndex((s, j) => j < i && s.name?.toLowerCase() === base);
    i = prev;
  }
  return out;
}
function ownHistoryEntries(target) {
  const stages = finalStages(target);
  return target.instructions.filter((i) => stages.has(i.stage) && i.keyword !== "FROM").length;
}
function matchHistoryToInstruction(createdBy, target) {
  const parsed = parseCreatedBy(createdBy);
  if (!parsed || parsed === "empty") return void 0;
  const stages = finalStages(target);
  const candidates = target.instructions.filter((i) => stages.has(i.stage) && i.keyword === parsed.keyword);
  if (candidates.length === 0) return void 0;
  const hw = historyWords(parsed);
  const classicCopy2 = (parsed.keyword === "COPY" || parsed.keyword === "ADD") && /\bin\s+\S+\s*$/.test(parsed.text) && /^(file|dir|multi):/.test(parsed.text);
  let best;
  let bestScore = 0;
  for (const c of candidates) {
    let iw = instructionWords(c.keyword, c.text);
    if (classicCopy2) iw = iw.slice(-1);
    if (parsed.keyword === "ENV" || parsed.keyword === "LABEL" || parsed.keyword === "ARG") iw = envPairs(iw);
    const s = score(
      parsed.keyword === "ENV" || parsed.keyword === "LABEL" || parsed.keyword === "ARG" ? envPairs(hw) : hw,
      iw
    );
    if (s > bestScore) {
      bestScore = s;
      best = c;
    }
  }
  if (best && (bestScore >= 0.5 || candidates.length === 1 && parsed.keyword !== "RUN" || candidates.length === 1 && bestScore > 0.2))
    return { line: best.line, endLine: best.endLine };
  return void 0;
}
function envPairs(w) {
  if (w.length >= 2 && !w[0]?.includes("=")) return [`${w[0]}=${w.slice(1).join(" ")}`];
  return w.map((x) => x.replace(/^([^=]+)=(["'])(.*)\2$/, "$1=$3"));
}

// src/dockerfile/history-lint.ts
var HISTORY_RULES = {
  "SG-DF-006": "build arguments and ENV values are recorded in the history for anyone who pulls the image",
  "SG-DF-008": "an ADD of plain local files is in the history as it was built",
  "SG-DF-010": "a script piped from the network into a shell ran unverified, and its result ships",
  "SG-DF-012": "the recommended packages it pulled in are in the layer",
  "SG-DF-013": "the apt lists it left are in the layer",
  "SG-DF-015": "the upgrade made the image depend on the day it was built",
  "SG-DF-017": "an update without install left an index in the layer and stale caches for later steps",
  "SG-DF-018": "the apk cache it left is in the layer",
  "SG-DF-021": "the yum/dnf/zypper cache it left is in the layer",
  "SG-DF-023": "the pip cache it left is in the layer",
  "SG-DF-027": "sudo used in a build step ships with its sudoers rules",
  "SG-DF-044": "the sparse lastlog and faillog files it wrote are in the layer",
  "SG-DF-051": "what was downloaded without TLS verification ships",
  "SG-DF-052": "packages installed without signature verification ship",
  "SG-DF-060": "every history entry is a step of the shipped image",
  "SG-DF-069": "the yarn cache it left is in the layer"
};
var HISTORY_RULE_LIST = RULES.filter((r) => r.meta.id in HISTORY_RULES);
function historyRules() {
  return HISTORY_RULE_LIST.map((r) => r.meta);
}
var WRITTEN = /* @__PURE__ */ new Set(["RUN", "ENV", "ARG", "ADD", "COPY", "WORKDIR", "USER"]);
var MAX_HISTORY_BYTES = 1024 * 1024;
function classicCopy(text) {
  const m = /^((?:--\S+\s+)*)((?:file|dir|multi):[0-9a-f]+)\s+in\s+(\S.*)$/s.exec(text);
  return m ? `${m[1] ?? ""}${m[2]} ${(m[3] ?? "").trim()}` : text;
}
function delimiter(script) {
  const lines = new Set(script.split("\n").map((l) => l.trim()));
  let d = "HISTORY_EOF";
  while (lines.has(d)) d += "_";
  return d;
}
function heredocBody(script) {
  let end = script.length;
  while (end > 0 && /\s|\\/.test(script[end - 1] ?? "")) end--;
  return script.slice(0, end);
}
function dockerfileLines(inst) {
  const out = inst.buildArgs.map((a) => `ARG ${a}`);
  if (inst.keyword === "RUN") {
    const script = inst.text;
    if (!script.trim()) return void 0;
    if (script.includes("\n") || script.includes("<<") || script.trimEnd().endsWith("\\")) {
      const d = delimiter(script);
      return out.concat(`RUN <<'${d}'`, heredocBody(script).split("\n"), d);
    } else out.push(`RUN ${script}`);
    return out;
  }
  if (inst.text.includes("\n") || !inst.text) return void 0;
  const text = inst.keyword === "ADD" || inst.keyword === "COPY" ? classicCopy(inst.text) : inst.text;
  out.push(`${inst.keyword} ${text}`);
  return out;
}
async function parseSynthetic(entries) {
  const lines = ["FROM scratch"];
  const written = [];
  for (const e of entries) {
    written.push({
      entry: e.entry,
      keyword: e.keyword,
      start: lines.length + 1,
      end: lines.length + e.lines.length
    });
    for (const l of e.lines) lines.push(l);
  }
  const df = await parseDockerfile(`${lines.join("\n")}
`, "history");
  return { df, written };
}
async function lintHistory(history) {
  const unparsed = [];
  const entries = [];
  let layers = 0;
  let bytes = 0;
  let overLimit = 0;
  history.forEach((createdBy, entry) => {
    const inst = parseCreatedBy(createdBy);
    if (inst === "empty") return;
    if (!inst) {
      unparsed.push({ entry, createdBy: createdBy ?? "" });
      return;
    }
    const copies = inst.keyword === "ADD" || inst.keyword === "COPY";
    if (copies || inst.keyword === "RUN") layers++;
    if (!WRITTEN.has(inst.keyword) || copies && layers === 1) return;
    const lines = dockerfileLines(inst);
    if (!lines) {
      unparsed.push({ entry, createdBy: createdBy ?? "" });
      return;
    }
    bytes += lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
    if (bytes > MAX_HISTORY_BYTES) overLimit++;
    else entries.push({ entry, keyword: inst.keyword, lines });
  });
  if (entries.length === 0) return { hits: [], unparsed, overLimit };
  let parsed;
  try {
    parsed = [await parseSynthetic(entries)];
  } catch (e) {
    if (!(e instanceof ShipgateError)) throw e;
    parsed = [];
    for (const one of entries) {
      try {
        parsed.push(await parseSynthetic([one]));
      } catch (err) {
        if (!(err instanceof ShipgateError)) throw err;
        unparsed.push({ entry: one.entry, createdBy: history[one.entry] ?? "" });
      }
    }
  }
  const hits = [];
  for (const { df, written } of parsed) {
    for (const finding of runRules(df, {}, [...HISTORY_RULE_LIST])) {
      const line = finding.location?.startLine ?? 0;
      const w = written.find((x) => line >= x.start && line <= x.end);
      if (w) hits.push({ entry: w.entry, keyword: w.keyword, finding });
    }
  }
  hits.sort((a, b) => a.entry - b.entry);
  unparsed.sort((a, b) => a.entry - b.entry);
  return { hits, unparsed, overLimit };
}

// src/dockerfile/docs.ts
var DOCKERFILE_DOCS_INTRO = [
  'shipgate parses each Dockerfile with a full Dockerfile parser and every `RUN` with a real bash parser, so rules see commands, flags, pipes, `&&` lists, subshells, `sh -c` strings, `$(\u2026)` and `<(\u2026)` substitutions, heredocs (`RUN <<EOF`) and the JSON (exec) form. Line continuations, the `# escape=` directive, `ARG` before `FROM` (defaults are substituted into `FROM`), `--platform`, `COPY --from` and `ONBUILD` are understood; an `ONBUILD RUN` is checked like a `RUN`, since it runs in every image built from this one. After `SHELL ["powershell", \u2026]` (or on Windows base images) `RUN` is not read as bash.',
  "",
  "Where a rule names a hadolint or Trivy check as equivalent, that check's own upstream test cases are run against it: [equivalence.md](equivalence.md) shows the agreement per check and every case where shipgate decides otherwise, with the reason.",
  "",
  "## Errors and findings",
  "",
  "A Dockerfile that Docker would refuse is an error (exit code 2, code `DOCKERFILE_PARSE`, one line `path:line: what`), not a finding: an empty file or one without `FROM`, binary content, an unknown instruction (often a missing `\\` on the line above), an instruction other than `ARG` before the first `FROM`, an unterminated heredoc, `FROM` without an image or with a malformed `AS`, `SHELL` not in JSON form, and `CMD`/`ENTRYPOINT` that start like JSON but are not valid JSON (Docker would run them through `/bin/sh -c` and fail at start). Everything that builds but is risky or wasteful is a finding from the rules below. `RUN [ -f x ] \u2026` is the shell `test` command, as in Docker.",
  "",
  "## ShellCheck on RUN scripts",
  "",
  "As hadolint does, shipgate runs [ShellCheck](https://www.shellcheck.net) on the script of every shell-form `RUN` (and `ONBUILD RUN`) when a `shellcheck` binary is on `PATH` (Debian and Ubuntu package `shellcheck`, `brew install shellcheck`). Each ShellCheck finding is reported under its own id, `SC2086` and so on, as hadolint reports it, at the exact Dockerfile line and column: line continuations, comment lines inside them and heredocs are mapped back. Its documentation is ShellCheck's wiki page (`https://www.shellcheck.net/wiki/SC2086`), which the SARIF help link points to.",
  "",
  "- The shell is the one the `RUN` runs in: `/bin/sh` unless `SHELL` names another (`bash`, `dash`, `ksh`; `ash` and busybox are checked as `dash`); a stage built `FROM` another stage keeps its shell. A `RUN <<EOF` heredoc whose first line is a shebang is checked as that interpreter. `RUN` in exec (JSON) form, and `RUN` under a shell ShellCheck does not know (PowerShell, `cmd`, `zsh`, Windows images), are not checked; the log says so per instruction.",
  "- Variables declared by `ARG` and `ENV` in the stage, and Docker's predefined proxy variables, count as set. SC1090 and SC2187 are never reported, as in hadolint. ShellCheck's levels map to severities: error \u2192 medium, warning \u2192 low, info and style \u2192 info, so ShellCheck alone never blocks at the default `fail-on: high`; raise a code's severity in the policy's `rules` when it should.",
  "- `# hadolint ignore=SC2086` or `# shipgate ignore=SC2086` above the `RUN`, `# hadolint global ignore=SC2086`, `.hadolint.yaml`'s `ignored` and the policy's `rules` apply to SC ids like any other rule; `# shellcheck disable=SC2086` inside a heredoc script works too.",
  "- ShellCheck runs over the `RUN` scripts of all the Dockerfiles of a run together, 250 scripts per process and two processes at a time, and each process may take at most 60 seconds (a `RUN` whose `$(\u2026)` nest more than 8 deep, a script over 64 KiB and the scripts past the first 2,000 of a run are skipped and logged, since the time ShellCheck takes grows exponentially with that nesting); past that (error `TIMEOUT`), or when it fails (error `INPUT`), the lint stops with a one-line error rather than passing unchecked.",
  "- Without a `shellcheck` binary the lint says once per run that ShellCheck checks were skipped (never silently). `dockerfile.shellcheck: false` in shipgate.yaml turns the checks off.",
  "",
  "## Image history lint",
  "",
  "An image built elsewhere, scanned without its Dockerfile, still has its build history: the `created_by` of every step in the image configuration (`docker history --no-trunc`). The `history` analyzer of the `config` scanner reads each entry back as the instruction it was (docker's classic builder `/bin/sh -c #(nop) \u2026`, BuildKit `RUN /bin/sh -c \u2026 # buildkit` with its `|2 A=1 B=2` build arguments and heredoc scripts, buildah and podman, kaniko, `COPY file:<digest> in /dest`), writes the instructions under a neutral `FROM scratch` and runs these rules on them, unchanged:",
  "",
  ...Object.entries(HISTORY_RULES).map(([id, why]) => `- [${id}](#${id.toLowerCase()}): ${why}.`),
  "",
  "The other rules do not run on the history: the image configuration checks ([image-config.md](image-config.md)) read the user, health check, ports and labels from the configuration itself, the file checks read the layers, and the secret scanner reads every `created_by`. Version pinning is left out because the image fixes the versions (its SBOM records them), prompts and log noise because the build finished, and secret mounts because the history does not record `--mount`. The first layer's `ADD` or `COPY` is the bottom image's root filesystem and is never reported. An entry that is no instruction (`bazel build \u2026`) is skipped and counted in a debug log line. At most 1 MiB of instructions is read; a longer history makes the analyzer incomplete, which blocks unless the policy sets `analyzers: { history: optional }`.",
  "",
  "A history finding keeps the Dockerfile rule's id, so `ignores`, `rules` severities and `.trivyignore` entries apply to it as to the Dockerfile's; it is a `config` finding at the layer the entry made (its `created_by`, masked, and layer digest), with `properties.source: history` and `properties.step` (1-based entry). When the Dockerfile is scanned too, a history finding on an instruction where the Dockerfile's own lint reported the same rule is dropped (the Dockerfile's finding wins, with its exact line and its `# shipgate ignore=` pragmas); the others are shown on the instruction's line. Entries older than the steps of the final stage's instructions came from the base image (when at least half of those steps map to the Dockerfile, so a Dockerfile the image was not built from lowers nothing): their findings stay, marked `properties.inBaseImage: true`, at most `low`, since the fix is another base image rather than an edit of the Dockerfile; without a Dockerfile the base image cannot be told apart and every entry counts at its rule's severity, as dockle and Trivy lint the whole history. To fix a finding, change the step of the Dockerfile that built the image as the rule's fix below says, or choose another base image for a base image's step; to accept one, add an `ignores` entry for its rule id (`images:` limits it to the image's findings, which leaves the Dockerfile's alone). `dockerfile.history: false` in shipgate.yaml turns history lint off.",
  "",
  "## Suppressing findings",
  "",
  "Suppressed findings stay in the reports, marked with how they were suppressed, so the counts remain visible.",
  "",
  "- `# shipgate ignore=SG-DF-011,SG-DF-014` in the comment lines directly above an instruction.",
  "- hadolint's `# hadolint ignore=DL3008,DL3015` there too, and `# hadolint global ignore=DL3003` anywhere; ids are mapped through each rule's equivalents (Trivy ids such as `DS-0002`, `AVD-DS-0002` and `DS002` work as well).",
  "- BuildKit's `# check=skip=JSONArgsRecommended` directive.",
  "- `.hadolint.yaml` / `.hadolint.yml` at the repository root: its `ignored` list, `trustedRegistries` (used as the allowed registries of SG-DF-053) and `disable-ignore-pragma`.",
  "",
  "## Options",
  "",
  "shipgate.yaml maps onto these: extra minimal base images (SG-DF-003), allowed registries (SG-DF-053), extra images known to run as non-root (SG-DF-001), base images exempt from the base-image rules, and rules to ignore. Severity overrides and disabling rules are policy settings that apply to every kind of finding."
].join("\n");
var DOCKERFILE_DOCS = { title: "Dockerfile rules", intro: DOCKERFILE_DOCS_INTRO };

export {
  ownHistoryEntries,
  matchHistoryToInstruction,
  HISTORY_RULES,
  historyRules,
  MAX_HISTORY_BYTES,
  lintHistory,
  DOCKERFILE_DOCS
};
