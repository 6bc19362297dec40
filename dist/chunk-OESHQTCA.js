#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

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
  DOCKERFILE_DOCS
};
