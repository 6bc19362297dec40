import { defineRule } from '../rule';
import { basename, SHELLS } from '../shell';
import type { Instruction, ShellCommand, Stage } from '../types';
import {
  commands,
  flagValue,
  hasFlag,
  inheritedInstructions,
  keyValues,
  operands,
  pipeTarget,
  subcommand,
} from './helpers';

const INTERPRETERS = /^(python[\d.]*|perl|ruby|node|nodejs|php[\d.]*|pwsh|deno|bun)$/;
const EVALUATORS = new Set(['eval', 'source', '.']);

function runsStdin(c: ShellCommand): boolean {
  if (SHELLS.has(c.base))
    return !c.args.some((a) => /^-[a-z]*c[a-z]*$/.test(a.value)) || c.args.some((a) => a.value === '-s');
  if (INTERPRETERS.test(c.base))
    return (
      !c.args.some((a) => /^(-c|-e|-r|--eval|-m)$/.test(a.value)) && operands(c).every((o) => o.value === '-')
    );
  return false;
}

function runsArgument(c: ShellCommand): boolean {
  return SHELLS.has(c.base) || INTERPRETERS.test(c.base) || EVALUATORS.has(c.base);
}

const DOWNLOADERS = new Set(['curl', 'wget', 'fetch']);

const curlPipeShell = defineRule({
  id: 'SG-DF-010',
  title: 'Remote script piped into a shell',
  severity: 'high',
  description:
    'A RUN downloads a script and executes it in one go: `curl … | sh`, `wget -O- … | bash`, `sh -c "$(curl …)"`, `bash <(curl …)`, `… | python`.',
  rationale:
    'Whatever the server (or anyone in between, or whoever took over the domain) returns at build time runs as root in your build, unreviewed and unpinned; a truncated download executes half a script.',
  fix: [
    'Download to a file, verify its checksum (or signature), then run it — or use a package or a pinned release artifact.',
    '',
    '```dockerfile',
    '# before',
    'RUN curl -fsSL https://example.com/install.sh | sh',
    '',
    '# after',
    'ADD --checksum=sha256:<sha256> https://example.com/install-1.2.3.sh /tmp/install.sh',
    'RUN sh /tmp/install.sh && rm /tmp/install.sh',
    '```',
  ].join('\n'),
  tags: ['security', 'dockerfile', 'supply-chain'],
  hint: 'download to a file, verify its checksum, then run it',
  check({ df, report }) {
    for (const stage of df.stages)
      for (const inst of stage.instructions) {
        const cmds = inst.script?.commands ?? [];
        for (const c of cmds) {
          if (!DOWNLOADERS.has(c.base)) continue;
          let runner: ShellCommand | undefined;
          let t = pipeTarget(cmds, c);
          const seen = new Set<number>();
          while (t && !seen.has(t.index)) {
            seen.add(t.index);
            if (runsStdin(t)) {
              runner = t;
              break;
            }
            if (t.base !== 'tee' && t.base !== 'cat') break;
            t = pipeTarget(cmds, t);
          }
          if (!runner && (c.context === 'command-substitution' || c.context === 'process-substitution')) {
            let p = c.parent !== undefined ? cmds[c.parent] : undefined;
            while (p && !runsArgument(p) && p.context === 'shell-string' && p.parent !== undefined)
              p = cmds[p.parent];
            if (p && runsArgument(p)) runner = p;
          }
          if (!runner) continue;
          const url = operands(c, [
            '-o',
            '-O',
            '-H',
            '-u',
            '-d',
            '--output',
            '--header',
            '-A',
            '-e',
            '--retry',
          ]).find((w) => /^(https?|ftp):\/\//.test(w.value))?.value;
          report({
            at: inst,
            span: {
              ...c.span,
              endLine: Math.max(c.span.endLine, runner.span.endLine),
              endColumn:
                c.span.endLine >= runner.span.endLine
                  ? Math.max(c.span.endColumn, runner.span.endColumn)
                  : runner.span.endColumn,
            },
            key: `${c.text}|${runner.base}`,
            message: `${c.base} output${url ? ` from ${url}` : ''} is executed by ${runner.base} without verification.`,
          });
        }
      }
  },
});

const sudo = defineRule({
  id: 'SG-DF-027',
  title: 'sudo in RUN',
  severity: 'medium',
  description: '`sudo` used in a RUN.',
  rationale:
    'Build steps already run as the current USER; sudo in an image means a sudo binary and sudoers rules ship with it, its TTY and signal handling is unpredictable, and it is a privilege-escalation path at run time.',
  fix: '```dockerfile\n# before\nUSER app\nRUN sudo apt-get install -y curl\n# after\nUSER root\nRUN apt-get install -y --no-install-recommends curl\nUSER app\n```\nTo drop privileges at run time use `gosu` or `su-exec`.',
  tags: ['security', 'dockerfile', 'least-privilege'],
  equivalents: {
    hadolint: ['DL3004'],
    trivy: ['DS-0010', 'AVD-DS-0010'],
    checkov: ['CKV2_DOCKER_1'],
    dockle: ['DKL-DI-0001'],
  },
  hint: 'remove sudo; switch USER around the steps that need root',
  check({ df, report }) {
    for (const stage of df.stages)
      for (const { inst, cmd } of commands(stage))
        if (cmd.base === 'sudo')
          report({
            at: inst,
            span: cmd.nameSpan,
            key: cmd.text,
            message: `\`${cmd.text}\` uses sudo; switch USER instead.`,
          });
  },
});

/** Whether a chmod mode grants write to others (without the sticky bit that makes /tmp-style dirs safe). */
function worldWritable(mode: string): boolean {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const digits = mode.padStart(4, '0');
    const other = Number(digits[3]);
    const special = Number(digits[0]);
    return (other & 2) === 2 && (special & 1) === 0;
  }
  return mode.split(',').some((part) => /^[ugoa]*[oa][ugoa]*[+=][rwxXst]*w/.test(part) && !/t/.test(part));
}

const chmod = defineRule({
  id: 'SG-DF-028',
  title: 'World-writable permissions (chmod 777, o+w)',
  severity: 'medium',
  description:
    '`chmod` (or `COPY --chmod`) grants write permission to everyone: `777`, `666`, `o+w`, `a+w` (sticky-bit modes like `1777` are fine).',
  rationale:
    'Any process in the container, whatever its user, can replace the files — including the application code and scripts that run as root.',
  fix: '```dockerfile\n# before\nRUN chmod -R 777 /app\n# after\nCOPY --chown=app:app . /app\nRUN chmod -R u=rwX,go=rX /app\n```',
  tags: ['security', 'dockerfile', 'least-privilege'],
  hint: 'grant write only to the owner (`chmod 755`/`644`, or `--chown` the files)',
  check({ df, report }) {
    for (const stage of df.stages) {
      for (const { inst, cmd } of commands(stage)) {
        if (cmd.base !== 'chmod') continue;
        const mode = operands(cmd, ['--reference'])[0];
        if (mode && worldWritable(mode.value))
          report({
            at: inst,
            span: mode.span,
            key: cmd.text,
            message: `\`${cmd.text}\` makes files writable by every user.`,
          });
      }
      for (const inst of stage.instructions) {
        const f = inst.flags.find((x) => x.name === 'chmod');
        if (f?.value && worldWritable(f.value))
          report({
            at: inst,
            span: f.span,
            message: `${inst.keyword} --chmod=${f.value} makes files writable by every user.`,
          });
      }
    }
  },
});

const cd = defineRule({
  id: 'SG-DF-037',
  title: 'cd in RUN instead of WORKDIR',
  severity: 'low',
  description: '`cd` at the top level of a RUN (a `cd` inside a `( … )` subshell is fine).',
  rationale:
    'The directory change ends with the RUN, which confuses readers; WORKDIR documents and persists it.',
  fix: '```dockerfile\n# before\nRUN cd /usr/src/app && make\n# after\nWORKDIR /usr/src/app\nRUN make\n```',
  tags: ['dockerfile', 'best-practice', 'readability'],
  equivalents: { hadolint: ['DL3003'] },
  related: {
    checks: { trivy: ['DS-0013', 'AVD-DS-0013'] },
    differs:
      'Trivy DS013 splits a RUN on `&&` and looks for a part starting with `cd `; SG-DF-037 parses the script, so it also sees a `cd` after `;`, a newline or in a heredoc, and leaves a `cd` inside a `( … )` subshell alone',
  },
  hint: 'use WORKDIR',
  check({ df, report }) {
    for (const stage of df.stages)
      for (const { inst, cmd } of commands(stage))
        if (cmd.base === 'cd' && !cmd.inSubshell && (cmd.context === 'top' || cmd.context === 'heredoc'))
          report({
            at: inst,
            span: cmd.span,
            key: cmd.text,
            message: `\`${cmd.text}\` changes directory inside RUN; use WORKDIR.`,
            fix: `use \`WORKDIR ${operands(cmd)[0]?.value ?? '<dir>'}\``,
          });
  },
});

function shellOf(
  df: Parameters<typeof inheritedInstructions>[0],
  stage: Stage,
  before: Instruction,
): string[] | undefined {
  let shell: string[] | undefined;
  for (const i of inheritedInstructions(df, stage)) {
    if (i === before) break;
    if (i.keyword === 'SHELL' && i.json) shell = i.json;
  }
  return shell;
}

const pipefail = defineRule({
  id: 'SG-DF-042',
  title: 'Pipe in RUN without pipefail',
  severity: 'low',
  description:
    'A RUN uses a pipe while the shell runs without `-o pipefail` (set by SHELL or `set -o pipefail` in the RUN).',
  rationale:
    'Without pipefail only the last command of a pipe decides success: `curl https://broken | tar xz` fails to download yet the build goes on with a broken image.',
  fix: '```dockerfile\n# before\nRUN wget -O - https://example.com/x.tgz | tar xz\n# after\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://example.com/x.tgz | tar xz\n```',
  tags: ['dockerfile', 'best-practice', 'reliability'],
  equivalents: { hadolint: ['DL4006'] },
  hint: 'add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUN (or `set -o pipefail &&` in it)',
  check({ df, report }) {
    for (const stage of df.stages)
      for (const inst of stage.instructions) {
        const s = inst.script;
        if (!s || s.language !== 'bash') continue;
        const pipe = s.commands.find(
          (c) => c.pipeline && c.pipeline.length > 1 && c.pipeline.position === 0 && c.context === 'top',
        );
        if (!pipe) continue;
        const shell = shellOf(df, stage, inst);
        // Like hadolint: pipefail counts for shells known to support it (bash, zsh, ash, ksh), not plain sh.
        if (
          shell &&
          /^(bash|zsh|ash|ksh|mksh)$/.test(basename(shell[0] ?? '')) &&
          shell.some((w, i) => w === 'pipefail' && /^-[a-z]*o$/.test(shell[i - 1] ?? ''))
        )
          continue;
        const setPipefail = s.commands.some(
          (c) =>
            c.base === 'set' &&
            c.args.some(
              (a, i) => a.value === 'pipefail' && /^[-+][a-z]*o$/.test(c.args[i - 1]?.value ?? ''),
            ) &&
            c.index < pipe.index,
        );
        if (setPipefail) continue;
        report({
          at: inst,
          span: pipe.span,
          message: `RUN pipes \`${pipe.base}\` into \`${s.commands[pipe.pipesTo ?? -1]?.base ?? '…'}\` without pipefail, so a failure of ${pipe.base} is ignored.`,
        });
      }
  },
});

const wgetAndCurl = defineRule({
  id: 'SG-DF-043',
  title: 'Both wget and curl used',
  severity: 'info',
  description: 'A stage uses both `wget` and `curl`.',
  rationale:
    'Two download tools where one suffices: extra packages, extra attack surface, inconsistent TLS and retry behaviour.',
  fix: '```dockerfile\n# before\nRUN wget https://a/x.tgz && curl -fsSLO https://b/y.tgz\n# after\nRUN curl -fsSLO https://a/x.tgz && curl -fsSLO https://b/y.tgz\n```',
  tags: ['dockerfile', 'best-practice'],
  equivalents: { hadolint: ['DL4001'] },
  related: {
    checks: { trivy: ['DS-0014', 'AVD-DS-0014'] },
    differs:
      'Trivy DS014 flags a Dockerfile that uses wget in one stage and curl in another; SG-DF-043 only a stage that uses both, since each stage is its own image',
  },
  hint: 'use one download tool',
  check({ df, report }) {
    for (const stage of df.stages) {
      const cmds = commands(stage);
      const firstCurl = cmds.find((c) => c.cmd.base === 'curl');
      const firstWget = cmds.find((c) => c.cmd.base === 'wget');
      if (!firstCurl || !firstWget) continue;
      const second = cmds.indexOf(firstCurl) > cmds.indexOf(firstWget) ? firstCurl : firstWget;
      report({
        at: second.inst,
        span: second.cmd.nameSpan,
        message: `This stage uses both wget and curl; pick one.`,
      });
    }
  },
});

const gitClone = defineRule({
  id: 'SG-DF-046',
  title: 'git clone of an unpinned ref',
  severity: 'low',
  description:
    '`git clone` without `--branch <tag>` and without a later `git checkout`/`git reset` to a commit or tag in the same RUN.',
  rationale:
    'The build takes whatever the default branch points at that day: unreproducible, and a compromised upstream flows straight in.',
  fix: '```dockerfile\n# before\nRUN git clone https://github.com/org/tool.git\n# after\nRUN git clone --depth 1 --branch v1.4.2 https://github.com/org/tool.git\n# or pin a commit\nRUN git clone https://github.com/org/tool.git && git -C tool checkout 3f2a1c9\n```',
  tags: ['security', 'dockerfile', 'supply-chain', 'reproducibility'],
  hint: 'clone a tag (`--branch v1.2.3`) or check out a commit',
  check({ df, report }) {
    for (const stage of df.stages)
      for (const inst of stage.instructions) {
        const cmds = inst.script?.commands ?? [];
        for (const c of cmds) {
          if (c.base !== 'git' || subcommand(c, ['-C', '-c']) !== 'clone') continue;
          const branch = flagValue(c, '--branch', '-b');
          if (branch && /\d|^[0-9a-f]{7,40}$/.test(branch)) continue;
          const pinned = cmds.some(
            (x) =>
              x.base === 'git' &&
              ['checkout', 'reset', 'switch'].includes(subcommand(x, ['-C', '-c']) ?? '') &&
              operands(x, ['-C', '-c'])
                .slice(1)
                .some((o) => /^[0-9a-f]{7,40}$|\d|^\$/.test(o.value)),
          );
          if (pinned) continue;
          const url =
            operands(c, ['-C', '-c', '--branch', '-b', '--depth', '-o', '--origin', '--reference']).find(
              (o) => o.value !== 'clone',
            )?.value ?? '';
          report({
            at: inst,
            span: c.span,
            key: c.text,
            message: `\`git clone ${url}\` takes whatever the default${branch ? ` branch "${branch}"` : ''} ref points at; pin a tag or commit.`,
          });
        }
      }
  },
});

const TLS_ENV: Record<string, (v: string) => boolean> = {
  GIT_SSL_NO_VERIFY: (v) => v !== '' && !/^(0|false|no)$/i.test(v),
  NODE_TLS_REJECT_UNAUTHORIZED: (v) => v === '0',
  PYTHONHTTPSVERIFY: (v) => v === '0',
  PIP_TRUSTED_HOST: (v) => v !== '',
  NPM_CONFIG_STRICT_SSL: (v) => /^false$/i.test(v),
  YARN_STRICT_SSL: (v) => /^false$/i.test(v),
  CURL_CA_BUNDLE: (v) => v === '',
};

function tlsOff(c: ShellCommand): string | undefined {
  if (c.base === 'curl' && hasFlag(c, '-k', '--insecure')) return 'curl -k/--insecure';
  if (c.base === 'wget' && hasFlag(c, '--no-check-certificate')) return 'wget --no-check-certificate';
  if (/^pip(\d(\.\d+)?)?$/.test(c.base) && hasFlag(c, '--trusted-host')) return 'pip --trusted-host';
  if (/^python/.test(c.base) && c.args.some((a) => a.value === 'pip') && hasFlag(c, '--trusted-host'))
    return 'pip --trusted-host';
  if (['npm', 'yarn', 'pnpm'].includes(c.base) && subcommand(c) === 'config') {
    const ops = operands(c).map((o) => o.value);
    if (ops.includes('strict-ssl') && ops.includes('false')) return `${c.base} config set strict-ssl false`;
    if (ops.some((o) => /^strict-ssl=false$/.test(o))) return `${c.base} config set strict-ssl=false`;
  }
  if (
    ['npm', 'yarn', 'pnpm'].includes(c.base) &&
    c.args.some((a) => /^--strict-ssl(=false)?$/.test(a.value) && a.value.endsWith('false'))
  )
    return `${c.base} --strict-ssl=false`;
  if (c.base === 'git') {
    const words = c.args.map((a) => a.value.toLowerCase());
    if (words.some((w, i) => w === 'http.sslverify' && /^(false|0|no)$/.test(words[i + 1] ?? '')))
      return 'git config http.sslVerify false';
    if (words.some((w) => /^http\.sslverify=(false|0|no)$/.test(w))) return 'git -c http.sslVerify=false';
  }
  if (
    ['yum', 'dnf', 'tdnf', 'microdnf'].includes(c.base) &&
    c.args.some((a) => /sslverify=(0|false|no)/i.test(a.value))
  )
    return `${c.base} --setopt=sslverify=false`;
  for (const a of c.assignments) if (TLS_ENV[a.name]?.(a.value)) return `${a.name}=${a.value}`;
  if (['export', 'env'].includes(c.base))
    for (const a of c.args) {
      const m = /^([A-Z_]+)=(.*)$/.exec(a.value);
      if (m && TLS_ENV[m[1] as string]?.(m[2] as string)) return `${m[1]}=${m[2]}`;
    }
  return undefined;
}

const tls = defineRule({
  id: 'SG-DF-051',
  title: 'TLS certificate verification disabled',
  severity: 'high',
  description:
    'A download or package tool is told to skip certificate checks: `curl -k`, `wget --no-check-certificate`, `pip --trusted-host`, `npm config set strict-ssl false`, `git config http.sslVerify false`, `sslverify=0`, or ENV `GIT_SSL_NO_VERIFY`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `PYTHONHTTPSVERIFY=0`, `PIP_TRUSTED_HOST`.',
  rationale:
    'Without certificate verification anyone on the network path can replace what the build downloads, and ENV settings keep verification off in the running container too.',
  fix: '```dockerfile\n# before\nRUN curl -k -fsSLO https://example.com/tool.tgz\n# after (install the CA your proxy uses instead)\nCOPY corp-ca.crt /usr/local/share/ca-certificates/\nRUN update-ca-certificates && curl -fsSLO https://example.com/tool.tgz\n```',
  tags: ['security', 'dockerfile', 'supply-chain', 'tls'],
  equivalents: {
    checkov: [
      'CKV2_DOCKER_2',
      'CKV2_DOCKER_3',
      'CKV2_DOCKER_4',
      'CKV2_DOCKER_5',
      'CKV2_DOCKER_6',
      'CKV2_DOCKER_12',
      'CKV2_DOCKER_13',
      'CKV2_DOCKER_14',
      'CKV2_DOCKER_15',
      'CKV2_DOCKER_16',
    ],
  },
  hint: 'keep certificate verification on; add the needed CA certificate instead',
  check({ df, report }) {
    for (const stage of df.stages) {
      for (const { inst, cmd } of commands(stage)) {
        const what = tlsOff(cmd);
        if (what)
          report({
            at: inst,
            span: cmd.span,
            key: cmd.text,
            message: `\`${what}\` disables TLS certificate verification.`,
          });
      }
      for (const inst of stage.instructions) {
        if (inst.keyword !== 'ENV' && inst.keyword !== 'ARG') continue;
        for (const kv of keyValues(inst))
          if (kv.value !== undefined && TLS_ENV[kv.key]?.(kv.value))
            report({
              at: inst,
              span: kv.word.span,
              key: kv.key,
              message: `${inst.keyword} ${kv.key}=${kv.value} disables TLS certificate verification.`,
            });
      }
    }
  },
});

function sigOff(c: ShellCommand): string | undefined {
  if (c.base === 'apk' && hasFlag(c, '--allow-untrusted')) return 'apk --allow-untrusted';
  if (c.base === 'apt-get' || c.base === 'apt') {
    const f = [
      '--allow-unauthenticated',
      '--force-yes',
      '--allow-insecure-repositories',
      '--allow-releaseinfo-change',
    ].find((x) => hasFlag(c, x));
    if (f && f !== '--allow-releaseinfo-change') return `${c.base} ${f}`;
    if (
      c.args.some((a) =>
        /AllowUnauthenticated=(true|1|yes)|AllowInsecureRepositories=(true|1|yes)/i.test(a.value),
      )
    )
      return `${c.base} -o AllowUnauthenticated`;
  }
  if (['yum', 'dnf', 'tdnf', 'microdnf', 'zypper'].includes(c.base)) {
    if (hasFlag(c, '--nogpgcheck', '--no-gpg-checks'))
      return `${c.base} ${hasFlag(c, '--nogpgcheck') ? '--nogpgcheck' : '--no-gpg-checks'}`;
    if (c.args.some((a) => /gpgcheck=(0|false|no)/i.test(a.value))) return `${c.base} gpgcheck=0`;
  }
  if (c.base === 'rpm') {
    const f = ['--nosignature', '--nodigest', '--noverify', '--nofiledigest'].find((x) => hasFlag(c, x));
    if (f) return `rpm ${f}`;
  }
  return undefined;
}

const signatures = defineRule({
  id: 'SG-DF-052',
  title: 'Package signature verification disabled',
  severity: 'high',
  description:
    'A package manager is told to accept unsigned packages: `apk --allow-untrusted`, `apt-get --allow-unauthenticated`/`--force-yes`, `yum/dnf --nogpgcheck`, `rpm --nosignature`.',
  rationale:
    'Signatures are what proves a package comes from the distribution; without them a mirror or network attacker can ship anything.',
  fix: '```dockerfile\n# before\nRUN apk add --allow-untrusted ./tool.apk\n# after (sign the package and trust the key)\nCOPY keys/ /etc/apk/keys/\nRUN apk add --no-cache ./tool.apk\n```',
  tags: ['security', 'dockerfile', 'supply-chain'],
  equivalents: {
    checkov: ['CKV2_DOCKER_7', 'CKV2_DOCKER_8', 'CKV2_DOCKER_9', 'CKV2_DOCKER_10', 'CKV2_DOCKER_11'],
  },
  hint: 'remove the flag and import the signing key instead',
  check({ df, report }) {
    for (const stage of df.stages)
      for (const { inst, cmd } of commands(stage)) {
        const what = sigOff(cmd);
        if (what)
          report({
            at: inst,
            span: cmd.span,
            key: cmd.text,
            message: `\`${what}\` disables package signature verification.`,
          });
      }
  },
});

const POINTLESS = new Set([
  'ssh',
  'vim',
  'vi',
  'nano',
  'shutdown',
  'service',
  'ps',
  'free',
  'top',
  'htop',
  'kill',
  'mount',
  'ifconfig',
]);

const pointless = defineRule({
  id: 'SG-DF-057',
  title: 'Command that makes no sense in a build',
  severity: 'info',
  description:
    'A RUN invokes an interactive or system-management command (ssh, vim, shutdown, service, ps, free, top, kill, mount, ifconfig).',
  rationale:
    'Builds have no terminal, no init system and no running services; these commands fail, hang, or do nothing useful.',
  fix: '```dockerfile\n# before\nRUN service nginx start\n# after\nCMD ["nginx", "-g", "daemon off;"]\n```',
  tags: ['dockerfile', 'best-practice'],
  equivalents: { hadolint: ['DL3001'] },
  hint: 'remove the command; start services with CMD/ENTRYPOINT',
  check({ df, report }) {
    for (const stage of df.stages)
      for (const { inst, cmd } of commands(stage))
        if (POINTLESS.has(cmd.base) && cmd.context !== 'command-substitution')
          report({
            at: inst,
            span: cmd.nameSpan,
            key: cmd.text,
            message: `\`${cmd.base}\` has no useful effect in a container build.`,
          });
  },
});

const lnShell = defineRule({
  id: 'SG-DF-065',
  title: 'Default shell replaced with ln instead of SHELL',
  severity: 'low',
  description: 'A RUN symlinks another shell over `/bin/sh` (`ln -sf /bin/bash /bin/sh`).',
  rationale:
    'It silently changes the shell for every later RUN and for every script in the image that expects a POSIX sh; SHELL changes only the Dockerfile.',
  fix: '```dockerfile\n# before\nRUN ln -sf /bin/bash /bin/sh\n# after\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n```',
  tags: ['dockerfile', 'best-practice'],
  equivalents: { hadolint: ['DL4005'] },
  hint: 'use the SHELL instruction',
  check({ df, report }) {
    for (const stage of df.stages)
      for (const { inst, cmd } of commands(stage)) {
        if (cmd.base !== 'ln') continue;
        const ops = operands(cmd);
        if (ops.length >= 2 && ops.at(-1)?.value === '/bin/sh')
          report({
            at: inst,
            span: cmd.span,
            key: cmd.text,
            message: `\`${cmd.text}\` replaces /bin/sh; use SHELL instead.`,
          });
      }
  },
});

/** wget long options that silence or redirect its progress output. */
const WGET_QUIET = ['--progress', '--quiet', '--no-verbose', '--output-file', '--append-output'];
/** Short wget options that take a value: the rest of a cluster such as `-qO-` after them is that value. */
const WGET_SHORT_WITH_VALUE = new Set([...'aAbBDeiIlOoPQRtTUwX']);

/** Whether wget runs quietly: `-q`, `-nv`, `-o file`, `-a file` (also in clusters like `-qO-`) or a long option. */
function wgetQuiet(cmd: ShellCommand): boolean {
  if (hasFlag(cmd, ...WGET_QUIET)) return true;
  for (const a of cmd.args) {
    const v = a.value;
    if (v === '--') return false;
    if (!v.startsWith('-') || v.startsWith('--')) continue;
    if (v === '-nv' || v.startsWith('-nv')) return true;
    if (v.startsWith('-n')) continue;
    for (const c of v.slice(1)) {
      if (c === 'q' || c === 'o' || c === 'a') return true;
      if (WGET_SHORT_WITH_VALUE.has(c)) break;
    }
  }
  return false;
}

const wgetProgress = defineRule({
  id: 'SG-DF-067',
  title: 'wget without --progress or -q',
  severity: 'info',
  description:
    '`wget` without `--progress=…`, `-q`/`--quiet`, `-nv`/`--no-verbose` or a log file (`-o`/`-a`).',
  rationale:
    "wget's default progress bar is written line by line into non-interactive build logs: downloading a large file adds thousands of lines that bury the useful output.",
  fix: 'Add `--progress=dot:giga` (one dot per 32 MB) or run wget quietly with `-q`/`-nv`.\n\n```dockerfile\n# before\nRUN wget https://example.com/big.tar.gz\n# after\nRUN wget --progress=dot:giga https://example.com/big.tar.gz\n```',
  tags: ['dockerfile', 'best-practice', 'logs'],
  equivalents: { hadolint: ['DL3047'] },
  hint: 'add `--progress=dot:giga` (or `-q`/`-nv`)',
  check({ df, report }) {
    for (const stage of df.stages)
      for (const { inst, cmd } of commands(stage)) {
        if (cmd.base !== 'wget' || wgetQuiet(cmd)) continue;
        report({
          at: inst,
          span: cmd.span,
          key: cmd.text,
          message: `\`${cmd.text}\` prints a progress bar into the build log.`,
        });
      }
  },
});

/** Commands a RUN runs at its top level (nested ones are part of those). */
function topCommands(inst: Instruction): number {
  if (inst.heredocs.length) return Infinity;
  return (inst.script?.commands ?? []).filter((c) => c.context === 'top').length;
}

const consecutiveRun = defineRule({
  id: 'SG-DF-068',
  title: 'Consecutive single-command RUN instructions',
  severity: 'info',
  description:
    'Two or more RUN instructions in a row (comments between them do not count) that each run a single command and have the same flags. RUNs that chain commands (`&&`, `;`) are left alone: splitting them was a deliberate choice.',
  rationale:
    'Every RUN adds a layer; consecutive one-command RUNs usually belong together, and merging them gives a smaller image and lets clean-up commands actually remove files.',
  fix: 'Chain the commands in one RUN; keep separate RUNs where a separate cache layer is wanted.\n\n```dockerfile\n# before\nRUN ./configure\nRUN make\n# after\nRUN ./configure \\\n && make\n```',
  tags: ['dockerfile', 'best-practice', 'size'],
  equivalents: { hadolint: ['DL3059'] },
  hint: 'merge the RUN instructions with `&&`',
  check({ df, report }) {
    const flagsOf = (inst: Instruction) => inst.flags.map((f) => `${f.name}=${f.value ?? ''}`).join(' ');
    for (const stage of df.stages) {
      let prev: Instruction | undefined;
      for (const inst of stage.instructions) {
        if (inst.keyword !== 'RUN') {
          prev = undefined;
          continue;
        }
        if (prev && flagsOf(prev) === flagsOf(inst) && topCommands(prev) === 1 && topCommands(inst) === 1)
          report({
            at: inst,
            message: `This RUN directly follows the single-command RUN on line ${prev.span.line}; consider merging them.`,
          });
        prev = inst;
      }
    }
  },
});

export const shellRules = [
  curlPipeShell,
  sudo,
  chmod,
  cd,
  pipefail,
  wgetAndCurl,
  gitClone,
  tls,
  signatures,
  pointless,
  lnShell,
  wgetProgress,
  consecutiveRun,
];
