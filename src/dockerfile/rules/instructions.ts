import { defineRule } from '../rule';
import type { Instruction } from '../types';
import { isMinimalBase } from './base-image';
import { finalStage, inheritedInstructions, keyValues, propertyKeys, rootImage, unquote } from './helpers';

function portIssue(spec: string): string | undefined {
  if (spec.includes('$')) return undefined;
  const m = /^(\d+)(?:-(\d+))?(?:\/([A-Za-z]+))?$/.exec(spec);
  if (!m) return `"${spec}" is not a port, port range or port/protocol`;
  const a = Number(m[1]);
  const b = m[2] !== undefined ? Number(m[2]) : a;
  if (a > 65535 || b > 65535) return `port ${a > 65535 ? a : b} is outside 0-65535`;
  if (b < a) return `range ${spec} ends before it starts`;
  if (m[3] && !/^(tcp|udp|sctp)$/i.test(m[3])) return `unknown protocol "${m[3]}"`;
  return undefined;
}

function exposed(inst: Instruction): { spec: string; span: Instruction['span'] }[] {
  return inst.args.map((w) => ({ spec: w.value, span: w.span }));
}

const expose22 = defineRule({
  id: 'SG-DF-029',
  title: 'SSH port 22 exposed',
  severity: 'medium',
  description: '`EXPOSE 22` (or a range containing it).',
  rationale:
    'Running sshd in a container adds a daemon, keys and a login surface; use `docker exec`/`kubectl exec` to get a shell.',
  fix: '```dockerfile\n# before\nEXPOSE 22 8080\n# after\nEXPOSE 8080\n```',
  tags: ['security', 'dockerfile', 'attack-surface'],
  equivalents: { trivy: ['DS-0004', 'AVD-DS-0004'], checkov: ['CKV_DOCKER_1'] },
  hint: 'remove port 22 and the SSH server',
  check({ df, report }) {
    for (const inst of df.instructions) {
      if (inst.keyword !== 'EXPOSE') continue;
      for (const p of exposed(inst)) {
        const m = /^(\d+)(?:-(\d+))?(?:\/(tcp))?$/i.exec(p.spec);
        if (m && Number(m[1]) <= 22 && 22 <= Number(m[2] ?? m[1]))
          report({ at: inst, span: p.span, key: p.spec, message: `EXPOSE ${p.spec} exposes SSH.` });
      }
    }
  },
});

const badPort = defineRule({
  id: 'SG-DF-030',
  title: 'Invalid EXPOSE port',
  severity: 'high',
  description:
    'An EXPOSE value that is not a port (0-65535), a range `from-to`, optionally with `/tcp`, `/udp` or `/sctp`; host mappings like `80:80` are not allowed.',
  rationale: 'Docker rejects the build or silently publishes something else than intended.',
  fix: '```dockerfile\n# before\nEXPOSE 80:80 70000\n# after\nEXPOSE 80\n```',
  tags: ['dockerfile', 'correctness'],
  equivalents: { hadolint: ['DL3011'], trivy: ['DS-0008', 'AVD-DS-0008'], buildkit: ['ExposeInvalidFormat'] },
  hint: 'use `EXPOSE <port>[/<protocol>]` with a port in 0-65535',
  check({ df, report }) {
    for (const inst of df.instructions) {
      if (inst.keyword !== 'EXPOSE') continue;
      for (const p of exposed(inst)) {
        const issue = portIssue(p.spec);
        if (issue) report({ at: inst, span: p.span, key: p.spec, message: `EXPOSE ${p.spec}: ${issue}.` });
      }
    }
  },
});

const healthcheck = defineRule({
  id: 'SG-DF-033',
  title: 'No HEALTHCHECK in the final stage',
  severity: 'low',
  description:
    'The final image defines no HEALTHCHECK (not even `HEALTHCHECK NONE`). Images on scratch, distroless and other minimal bases without a shell are not flagged: they have no tool to run a check with, and orchestrator probes are the way there.',
  rationale:
    'Without a health check Docker and Swarm report a hung application as running and never restart it.',
  fix: '```dockerfile\n# before\nCMD ["node", "server.js"]\n# after\nHEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://localhost:3000/health || exit 1\nCMD ["node", "server.js"]\n```\nOn Kubernetes, liveness/readiness probes take this role; add `HEALTHCHECK NONE` to state that.',
  tags: ['dockerfile', 'best-practice', 'reliability'],
  equivalents: {
    checkov: ['CKV_DOCKER_2'],
    dockle: ['CIS-DI-0006'],
  },
  related: {
    checks: { hadolint: ['DL3057'], trivy: ['DS-0026', 'AVD-DS-0026'] },
    differs:
      'hadolint DL3057 and Trivy DS026 ask every Dockerfile for a HEALTHCHECK; SG-DF-033 does not ask it of images on scratch, distroless or other bases without a shell, and leaves a base named by a variable alone',
  },
  hint: 'add a HEALTHCHECK (or `HEALTHCHECK NONE` when the orchestrator probes)',
  check({ df, report }) {
    const stage = finalStage(df);
    if (inheritedInstructions(df, stage).some((i) => i.keyword === 'HEALTHCHECK')) return;
    const base = rootImage(df, stage);
    if (base.unresolved) return;
    if (
      base.scratch ||
      (isMinimalBase(base) &&
        !/alpine|slim|busybox|ubi|minimal|micro/.test(`${base.repository}:${base.tag ?? ''}`))
    )
      return;
    report({
      at: stage.from,
      span: stage.imageSpan,
      message: 'The final image has no HEALTHCHECK, so a hung process is reported as healthy.',
    });
  },
});

/** The peers' checks a duplicate of each instruction stands for. */
const DUPLICATE_EQUIVALENTS: Record<string, string[]> = {
  CMD: ['DL4003', 'DS-0016'],
  ENTRYPOINT: ['DL4004', 'DS-0007'],
  HEALTHCHECK: ['DL3012', 'DS-0023'],
};

const multiple = defineRule({
  id: 'SG-DF-034',
  title: 'Multiple CMD, ENTRYPOINT or HEALTHCHECK in one stage',
  severity: 'medium',
  description: 'A stage has more than one CMD, ENTRYPOINT or HEALTHCHECK; only the last one takes effect.',
  rationale:
    'The earlier ones are dead code that misleads readers about how the container starts or is checked.',
  fix: '```dockerfile\n# before\nCMD ["nginx"]\nCMD ["nginx", "-g", "daemon off;"]\n# after\nCMD ["nginx", "-g", "daemon off;"]\n```',
  tags: ['dockerfile', 'correctness'],
  equivalents: {
    hadolint: ['DL4003', 'DL4004', 'DL3012'],
    trivy: ['DS-0007', 'DS-0016', 'DS-0023', 'AVD-DS-0007', 'AVD-DS-0016', 'AVD-DS-0023'],
    buildkit: ['MultipleInstructionsDisallowed'],
  },
  hint: 'keep only the last one',
  check({ df, report }) {
    for (const stage of df.stages)
      for (const [kw, equivalents] of Object.entries(DUPLICATE_EQUIVALENTS)) {
        const list = stage.instructions.filter((i) => i.keyword === kw);
        const last = list.at(-1);
        for (const i of list.slice(0, -1))
          report({
            at: i,
            properties: { equivalents },
            message: `${kw} here is overridden by the ${kw} on line ${last?.span.line}; only the last one takes effect.`,
          });
      }
  },
});

const shellForm = defineRule({
  id: 'SG-DF-035',
  title: 'Shell form CMD, ENTRYPOINT or HEALTHCHECK CMD',
  severity: 'low',
  description:
    'CMD, ENTRYPOINT or the command of HEALTHCHECK written in shell form (`CMD node server.js`) instead of JSON exec form.',
  rationale:
    'In shell form the process runs under `/bin/sh -c`: it is not PID 1, does not receive SIGTERM, and the container takes the full stop timeout to shut down (then gets killed). It also needs a shell in the image: a shell-form health check on an image without one always fails.',
  fix: '```dockerfile\n# before\nCMD node server.js\n# after\nCMD ["node", "server.js"]\n```',
  tags: ['dockerfile', 'best-practice', 'reliability'],
  equivalents: { hadolint: ['DL3025'], buildkit: ['JSONArgsRecommended'] },
  hint: 'use the JSON form: `CMD ["executable", "arg"]`',
  check({ df, report }) {
    for (const stage of df.stages)
      for (const i of stage.instructions)
        if ((i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') && !i.json && i.argsText !== '') {
          const words = i.argsText
            .split(/\s+/)
            .map((w) => JSON.stringify(w))
            .join(', ');
          report({
            at: i,
            message: `${i.keyword} in shell form runs under /bin/sh -c and does not receive stop signals.`,
            fix: `use \`${i.keyword} [${words}]\``,
          });
        } else if (i.keyword === 'HEALTHCHECK') {
          const cmd = /(?:^|\s)CMD\s+(.*)$/is.exec(i.argsText)?.[1]?.trim();
          if (cmd && !cmd.startsWith('['))
            report({
              at: i,
              message:
                'HEALTHCHECK CMD in shell form runs under /bin/sh -c and fails on an image without a shell.',
              fix: `use \`HEALTHCHECK CMD [${cmd
                .split(/\s+/)
                .map((w) => JSON.stringify(w))
                .join(', ')}]\``,
            });
        }
  },
});

const workdir = defineRule({
  id: 'SG-DF-036',
  title: 'Relative WORKDIR',
  severity: 'medium',
  description: 'WORKDIR with a relative path.',
  rationale:
    'A relative WORKDIR depends on the previous WORKDIR (possibly set by the base image) and breaks silently when that changes.',
  fix: '```dockerfile\n# before\nWORKDIR app\n# after\nWORKDIR /app\n```',
  tags: ['dockerfile', 'best-practice'],
  equivalents: {
    hadolint: ['DL3000'],
    trivy: ['DS-0009', 'AVD-DS-0009'],
    buildkit: ['WorkdirRelativePath'],
    checkov: ['CKV_DOCKER_10'],
  },
  hint: 'use an absolute path',
  check({ df, report }) {
    for (const i of df.instructions) {
      if (i.keyword !== 'WORKDIR') continue;
      const p = (i.args[0]?.value ?? '').replace(/^["']|["']$/g, '');
      if (
        p === '' ||
        p.startsWith('/') ||
        p.startsWith('$') ||
        /^[A-Za-z]:([\\/]|$)/.test(p) ||
        p.startsWith('\\')
      )
        continue;
      report({ at: i, message: `WORKDIR ${p} is relative.`, fix: `use \`WORKDIR /${p}\`` });
    }
  },
});

const maintainer = defineRule({
  id: 'SG-DF-040',
  title: 'MAINTAINER is deprecated',
  severity: 'low',
  description: 'The MAINTAINER instruction.',
  rationale:
    'MAINTAINER has been deprecated since Docker 1.13; tools read the `org.opencontainers.image.authors` label.',
  fix: '```dockerfile\n# before\nMAINTAINER Jane <jane@example.com>\n# after\nLABEL org.opencontainers.image.authors="Jane <jane@example.com>"\n```',
  tags: ['dockerfile', 'deprecated'],
  equivalents: {
    hadolint: ['DL4000'],
    trivy: ['DS-0022', 'AVD-DS-0022'],
    buildkit: ['MaintainerDeprecated'],
    checkov: ['CKV_DOCKER_6'],
  },
  hint: 'use `LABEL org.opencontainers.image.authors=...`',
  check({ df, report }) {
    for (const i of df.instructions)
      if (i.keyword === 'MAINTAINER')
        report({
          at: i,
          message: 'MAINTAINER is deprecated.',
          fix: `use \`LABEL org.opencontainers.image.authors=${JSON.stringify(i.argsText)}\``,
        });
  },
});

function isUpper(s: string): boolean {
  return s === s.toUpperCase();
}

const fromCasing = defineRule({
  id: 'SG-DF-047',
  title: 'Stage name or AS keyword casing',
  severity: 'info',
  description: 'A stage name with upper-case letters, or `AS` cased differently from `FROM` (`FROM x as y`).',
  rationale:
    'Stage names are matched case-insensitively but BuildKit warns about them; consistent casing keeps `--target` and `COPY --from` readable.',
  fix: '```dockerfile\n# before\nFROM golang:1.22 as Builder\n# after\nFROM golang:1.22 AS builder\n```',
  tags: ['dockerfile', 'style'],
  equivalents: { buildkit: ['FromAsCasing', 'StageNameCasing'] },
  hint: 'write `AS` like `FROM` and use a lower-case stage name',
  check({ df, report }) {
    for (const s of df.stages) {
      if (!s.name || !s.asKeyword) continue;
      if (isUpper(s.from.rawKeyword) !== isUpper(s.asKeyword))
        report({
          at: s.from,
          key: 'as',
          message: `"${s.asKeyword}" is cased differently from "${s.from.rawKeyword}".`,
          fix: `write \`${isUpper(s.from.rawKeyword) ? 'AS' : 'as'}\``,
        });
      if (s.name !== s.name.toLowerCase())
        report({
          at: s.from,
          span: s.nameSpan,
          key: 'name',
          message: `Stage name "${s.name}" should be lower case.`,
          fix: `rename the stage to "${s.name.toLowerCase()}"`,
        });
    }
  },
});

const casing = defineRule({
  id: 'SG-DF-048',
  title: 'Inconsistent instruction casing',
  severity: 'info',
  description: 'Instruction keywords are not written in one consistent case (all upper or all lower).',
  rationale: 'Mixed casing makes Dockerfiles harder to read and grep; BuildKit warns about it.',
  fix: '```dockerfile\n# before\nFROM alpine:3.20\nrun echo hi\n# after\nFROM alpine:3.20\nRUN echo hi\n```',
  tags: ['dockerfile', 'style'],
  equivalents: { buildkit: ['ConsistentInstructionCasing'] },
  hint: 'write instruction keywords in upper case',
  check({ df, report }) {
    const all = df.instructions;
    const upper = all.filter((i) => i.rawKeyword === i.rawKeyword.toUpperCase()).length;
    const lower = all.filter((i) => i.rawKeyword === i.rawKeyword.toLowerCase()).length;
    const wantUpper = upper >= lower;
    for (const i of all) {
      const ok = wantUpper
        ? i.rawKeyword === i.rawKeyword.toUpperCase()
        : i.rawKeyword === i.rawKeyword.toLowerCase();
      if (!ok)
        report({
          at: i,
          span: i.keywordSpan,
          message: `"${i.rawKeyword}" is not ${wantUpper ? 'upper' : 'lower'} case like the other instructions.`,
          fix: `write \`${wantUpper ? i.keyword : i.keyword.toLowerCase()}\``,
        });
    }
  },
});

const sourceLabel = defineRule({
  id: 'SG-DF-049',
  title: 'No source label on the image',
  severity: 'info',
  description: 'The final image has no `org.opencontainers.image.source` LABEL.',
  rationale:
    'The source label links an image to its repository: registries (GHCR) show it, Renovate and scanners use it to find changelogs and owners, and incident responders find the code.',
  fix: '```dockerfile\nLABEL org.opencontainers.image.source="https://github.com/org/app"\n```\n(`docker/metadata-action` adds it at build time, which also satisfies the intent.)',
  tags: ['dockerfile', 'best-practice', 'provenance'],
  related: {
    checks: { hadolint: ['DL3049'] },
    differs:
      'hadolint asks for the labels its `label-schema` setting names and nothing without one; SG-DF-049 always asks for the source label',
  },
  hint: 'add `LABEL org.opencontainers.image.source=<repository URL>`',
  check({ df, report }) {
    const stage = finalStage(df);
    const labels = inheritedInstructions(df, stage)
      .filter((i) => i.keyword === 'LABEL')
      .flatMap((i) => keyValues(i).map((kv) => kv.key.replace(/^["']|["']$/g, '')));
    if (labels.includes('org.opencontainers.image.source')) return;
    report({
      at: stage.from,
      span: stage.imageSpan,
      message: 'The final image has no org.opencontainers.image.source label.',
    });
  },
});

const SIGNALS =
  /^(SIG)?(HUP|INT|QUIT|ILL|TRAP|ABRT|IOT|BUS|FPE|KILL|USR1|SEGV|USR2|PIPE|ALRM|TERM|STKFLT|CHLD|CONT|STOP|TSTP|TTIN|TTOU|URG|XCPU|XFSZ|VTALRM|PROF|WINCH|IO|POLL|PWR|SYS|RTMIN(\+\d+)?|RTMAX(-\d+)?)$/i;

const misuse = defineRule({
  id: 'SG-DF-050',
  title: 'Invalid ONBUILD trigger or STOPSIGNAL',
  severity: 'medium',
  description:
    '`ONBUILD ONBUILD`, `ONBUILD FROM` or `ONBUILD MAINTAINER` (not allowed), or a STOPSIGNAL that is not a signal name or number.',
  rationale:
    'These fail the downstream build (ONBUILD) or make `docker stop` fall back to SIGKILL after the timeout (bad STOPSIGNAL).',
  fix: '```dockerfile\n# before\nONBUILD FROM alpine:3.20\nSTOPSIGNAL TERMINATE\n# after\nSTOPSIGNAL SIGTERM\n```',
  tags: ['dockerfile', 'correctness'],
  equivalents: { hadolint: ['DL3043'] },
  hint: 'remove the invalid ONBUILD trigger; use a signal like SIGTERM',
  check({ df, report }) {
    for (const i of df.instructions) {
      if (
        i.keyword === 'ONBUILD' &&
        i.trigger &&
        ['ONBUILD', 'FROM', 'MAINTAINER'].includes(i.trigger.keyword)
      )
        report({ at: i, message: `ONBUILD ${i.trigger.keyword} is not allowed.` });
      if (i.keyword === 'STOPSIGNAL') {
        const v = i.args[0]?.value ?? '';
        if (v.includes('$')) continue;
        const ok = /^\d+$/.test(v) ? Number(v) >= 1 && Number(v) <= 64 : SIGNALS.test(v);
        if (!ok)
          report({
            at: i,
            message: `STOPSIGNAL ${v} is not a valid signal.`,
            fix: 'use a signal name like SIGTERM or SIGQUIT',
          });
      }
    }
  },
});

const platform = defineRule({
  id: 'SG-DF-054',
  title: 'FROM --platform with a constant or redundant value',
  severity: 'info',
  description:
    '`FROM --platform=linux/amd64` (a constant) or `--platform=$TARGETPLATFORM` (the default anyway). `$BUILDPLATFORM` for cross-compiling build stages is fine.',
  rationale: 'A hard-coded platform breaks multi-platform builds and forces emulation on other machines.',
  fix: '```dockerfile\n# before\nFROM --platform=linux/amd64 golang:1.22 AS build\n# after\nFROM --platform=$BUILDPLATFORM golang:1.22 AS build\n```',
  tags: ['dockerfile', 'portability'],
  equivalents: {
    hadolint: ['DL3029', 'DL3065'],
    buildkit: ['FromPlatformFlagConstDisallowed', 'RedundantTargetPlatform'],
  },
  hint: 'drop --platform, or use `--platform=$BUILDPLATFORM` for build stages',
  check({ df, report }) {
    for (const s of df.stages) {
      const f = s.from.flags.find((x) => x.name === 'platform');
      if (!f?.value) continue;
      // `properties.equivalents` names the peer check each finding stands for.
      if (/^\$\{?TARGETPLATFORM\}?$/.test(f.value))
        report({
          at: s.from,
          span: f.span,
          message: '--platform=$TARGETPLATFORM is the default and can be dropped.',
          properties: { equivalents: ['DL3065'] },
        });
      else if (!f.value.includes('$'))
        report({
          at: s.from,
          span: f.span,
          message: `--platform=${f.value} hard-codes the platform.`,
          properties: { equivalents: ['DL3029'] },
        });
    }
  },
});

const legacyEnv = defineRule({
  id: 'SG-DF-056',
  title: 'Legacy ENV/LABEL "key value" format',
  severity: 'info',
  description: '`ENV KEY value` (space-separated) instead of `ENV KEY=value`.',
  rationale:
    'The legacy form sets one variable whose value is the rest of the line, which surprises readers; BuildKit warns and it may be removed.',
  fix: '```dockerfile\n# before\nENV NODE_ENV production\n# after\nENV NODE_ENV=production\n```',
  tags: ['dockerfile', 'style', 'deprecated'],
  equivalents: { buildkit: ['LegacyKeyValueFormat'] },
  hint: 'use `KEY=value`',
  check({ df, report }) {
    for (const i of df.instructions)
      if (
        (i.keyword === 'ENV' || i.keyword === 'LABEL') &&
        i.args.length >= 2 &&
        !(i.args[0]?.value.includes('=') ?? true)
      )
        report({
          at: i,
          message: `${i.keyword} ${i.args[0]?.value} uses the legacy "key value" form.`,
          fix: `write \`${i.keyword} ${i.args[0]?.value}=${JSON.stringify(
            i.args
              .slice(1)
              .map((w) => w.value)
              .join(' '),
          )}\``,
        });
  },
});

const BUILTIN_ARGS = new Set([
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
]);

const undefinedArg = defineRule({
  id: 'SG-DF-059',
  title: 'FROM uses an undeclared ARG',
  severity: 'medium',
  description:
    'FROM (image or --platform) references a variable that is not declared by an ARG before the first FROM and is not a built-in platform ARG.',
  rationale:
    'Undeclared variables expand to an empty string, so the build pulls a different image than intended (often `:latest` of a truncated name).',
  fix: '```dockerfile\n# before\nFROM node:${NODE_VERSION}\n# after\nARG NODE_VERSION=20.11\nFROM node:${NODE_VERSION}\n```',
  tags: ['dockerfile', 'correctness'],
  equivalents: { buildkit: ['UndefinedArgInFrom'] },
  hint: 'declare the ARG (with a default) before the first FROM',
  check({ df, report }) {
    const declared = new Set(df.globalArgs.map((a) => a.name));
    for (const s of df.stages) {
      const text = [s.image.raw, ...s.from.flags.map((f) => f.value ?? '')].join(' ');
      for (const m of text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
        const name = m[1] as string;
        if (declared.has(name) || BUILTIN_ARGS.has(name)) continue;
        report({
          at: s.from,
          key: name,
          message: `FROM uses $${name}, which no ARG before the first FROM declares.`,
          fix: `add \`ARG ${name}=<default>\` before the first FROM`,
        });
      }
    }
  },
});

const envSelfReference = defineRule({
  id: 'SG-DF-062',
  title: 'ENV refers to a variable it defines itself',
  severity: 'medium',
  description:
    'An ENV instruction uses `$VAR` of a variable that the same ENV defines (and that was not defined before).',
  rationale:
    'Variables of one ENV are set together: the reference sees the old (usually empty) value, not the one defined beside it.',
  fix: '```dockerfile\n# before\nENV APP_HOME=/app APP_BIN=$APP_HOME/bin\n# after\nENV APP_HOME=/app\nENV APP_BIN=$APP_HOME/bin\n```',
  tags: ['dockerfile', 'correctness'],
  equivalents: { hadolint: ['DL3044'] },
  hint: 'split the ENV so the variable is defined before it is used',
  check({ df, report }) {
    for (const stage of df.stages) {
      const known = new Set(df.globalArgs.map((a) => a.name));
      for (const inst of stage.instructions) {
        if (inst.keyword === 'ARG' || inst.keyword === 'ENV') {
          const kvs = keyValues(inst);
          if (inst.keyword === 'ENV') {
            const defined = new Set<string>();
            for (const kv of kvs) {
              const refs = [...(kv.value ?? '').matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map(
                (m) => m[1] as string,
              );
              const bad = refs.find((r) => defined.has(r) && !known.has(r));
              const again = refs.find((r) => r === kv.key && defined.has(r));
              const name = bad ?? again;
              if (name)
                report({
                  at: inst,
                  span: kv.word.span,
                  key: kv.key,
                  message: `ENV ${kv.key} refers to $${name}, which this same ENV defines.`,
                });
              defined.add(kv.key);
            }
          }
          for (const kv of kvs) known.add(kv.key);
        }
      }
    }
  },
});

const emptyContinuation = defineRule({
  id: 'SG-DF-066',
  title: 'Empty line inside a continued instruction',
  severity: 'info',
  description: 'A blank line in the middle of an instruction continued with `\\`.',
  rationale:
    'Docker skips it today but warns that it will become an error; usually it is a leftover from a deleted line and hides a missing `\\`.',
  fix: 'Remove the empty line (or restore the line that was deleted there).\n\n```dockerfile\n# before\nRUN apt-get update && \\\n\n    apt-get install -y curl\n# after\nRUN apt-get update && \\\n    apt-get install -y curl\n```',
  tags: ['dockerfile', 'style'],
  equivalents: { buildkit: ['NoEmptyContinuation'] },
  hint: 'remove the empty line',
  check({ df, report }) {
    for (const inst of df.instructions) {
      if (inst.heredocs.length || inst.span.endLine === inst.span.line) continue;
      for (let l = inst.span.line + 1; l < inst.span.endLine; l++) {
        if ((df.lines[l - 1] ?? '').trim() !== '') continue;
        report({
          at: inst,
          span: { line: l, column: 1, endLine: l, endColumn: 1 },
          key: String(l - inst.span.line),
          message: `Empty line ${l} inside the ${inst.keyword} that starts on line ${inst.span.line}.`,
        });
      }
    }
  },
});

const RESERVED_LABEL_NAMESPACES = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/** Why a label key breaks Docker's key format, or undefined when it is fine. */
function labelKeyIssue(key: string): string | undefined {
  const reserved = RESERVED_LABEL_NAMESPACES.find((n) => key.startsWith(n));
  if (reserved) return `the ${reserved.slice(0, -1)} namespace is reserved for Docker`;
  const bad = [...key].find((c) => !/[a-z0-9.-]/.test(c));
  if (bad !== undefined) return `"${bad}" is not allowed (only lower-case letters, digits, "." and "-")`;
  if (!/^[a-z]/.test(key)) return 'it must start with a lower-case letter';
  if (!/[a-z0-9]$/.test(key)) return 'it must end with a lower-case letter or digit';
  if (key.includes('..') || key.includes('--')) return 'it has consecutive separators';
  return undefined;
}

const labelKey = defineRule({
  id: 'SG-DF-070',
  title: 'Invalid label key',
  severity: 'info',
  description:
    "A LABEL key that breaks Docker's label key format: it uses a reserved namespace (`com.docker.*`, `io.docker.*`, `org.dockerproject.*`), has characters other than lower-case letters, digits, `.` and `-`, does not start with a lower-case letter or end with a letter or digit, or has `..` or `--`. Keys built from variables are not checked.",
  rationale:
    'Tools that read labels (registries, scanners, orchestrators) expect the documented format; keys outside it may be ignored, and keys in the reserved namespaces may clash with labels Docker sets itself.',
  fix: 'Use reverse-DNS keys of lower-case letters, digits, `.` and `-` in a namespace you own, or the OCI annotation keys.\n\n```dockerfile\n# before\nLABEL Maintainer="dev@example.com" com.docker.version="1.2"\n# after\nLABEL org.opencontainers.image.authors="dev@example.com" org.opencontainers.image.version="1.2"\n```',
  tags: ['dockerfile', 'style'],
  related: {
    checks: { hadolint: ['DL3048'] },
    differs:
      'hadolint DL3048 judges a key with a variable (`invalid$character`) as written; SG-DF-070 judges the key the builder expands, so it leaves one with a variable alone',
  },
  hint: 'use a reverse-DNS key of lower-case letters, digits, "." and "-", e.g. org.opencontainers.image.*',
  check({ df, report }) {
    for (const inst of df.instructions) {
      const label = inst.keyword === 'ONBUILD' ? inst.trigger : inst;
      if (label?.keyword !== 'LABEL') continue;
      // Keys come from the builder's own word splitting: a value such as "the world's best" is one word.
      const words = keyValues(label);
      for (const key of propertyKeys(label, df.escape)) {
        if (key.includes('$')) continue;
        const issue = labelKeyIssue(key);
        if (!issue) continue;
        report({
          at: inst,
          span: words.find((w) => unquote(w.key) === key)?.word.span,
          key,
          message: `Label key "${key}" is invalid: ${issue}.`,
        });
      }
    }
  },
});

export const instructionRules = [
  expose22,
  badPort,
  healthcheck,
  multiple,
  shellForm,
  workdir,
  maintainer,
  fromCasing,
  casing,
  sourceLabel,
  misuse,
  platform,
  legacyEnv,
  undefinedArg,
  envSelfReference,
  emptyContinuation,
  labelKey,
];
