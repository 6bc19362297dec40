import { defineRule } from '../rule';
import type { Instruction, ParsedDockerfile, ShellCommand, Stage, Word } from '../types';
import {
  commands,
  finalStage,
  flagValue,
  hasFlag,
  inheritedInstructions,
  keyValues,
  operands,
  stageChain,
  subcommand,
} from './helpers';

const APT_OPTS = ['-o', '-t', '-c', '--target-release', '--option', '--config-file'];
const APK_OPTS = [
  '--virtual',
  '-t',
  '-X',
  '--repository',
  '--repositories-file',
  '-p',
  '--root',
  '--arch',
  '--cache-dir',
  '--keys-dir',
];
const RPM_OPTS = [
  '--setopt',
  '--enablerepo',
  '--disablerepo',
  '--releasever',
  '--installroot',
  '-c',
  '--config',
  '--repo',
  '--repofrompath',
  '-x',
  '--exclude',
  '--nobest',
];
const ZYPPER_OPTS = ['-r', '--repo', '-t', '--type', '--from', '-D', '--root', '--releasever'];
const PIP_OPTS = [
  '-r',
  '--requirement',
  '-c',
  '--constraint',
  '-e',
  '--editable',
  '-i',
  '--index-url',
  '--extra-index-url',
  '--trusted-host',
  '-f',
  '--find-links',
  '-t',
  '--target',
  '--prefix',
  '--root',
  '--platform',
  '--python-version',
  '--implementation',
  '--abi',
  '--progress-bar',
  '--cache-dir',
  '--src',
  '--upgrade-strategy',
  '--log',
  '--proxy',
  '--retries',
  '--timeout',
  '--exists-action',
  '--cert',
  '--client-cert',
  '--only-binary',
  '--no-binary',
  '--report',
  '--root-user-action',
];

interface Use {
  inst: Instruction;
  cmd: ShellCommand;
  stage: Stage;
  sub: string | undefined;
}

/** Whether a use ends up in a shipped image: its stage does, or it is an ONBUILD trigger (run in child images). */
function ships(shipped: Set<Stage>, u: { inst: Instruction; stage: Stage }): boolean {
  return shipped.has(u.stage) || !!u.inst.onbuild;
}

function uses(df: ParsedDockerfile, bases: readonly string[], opts: readonly string[] = []): Use[] {
  const out: Use[] = [];
  for (const stage of df.stages)
    for (const { inst, cmd } of commands(stage))
      if (bases.includes(cmd.base)) out.push({ inst, cmd, stage, sub: subcommand(cmd, opts) });
  return out;
}

/** Stages whose files end up in the final image (the final stage and those it builds FROM). */
function shippedStages(df: ParsedDockerfile): Set<Stage> {
  return new Set(stageChain(df, finalStage(df)));
}

/** Whether the instruction has a BuildKit cache or tmpfs mount on one of the given directories. */
function cacheMount(inst: Instruction, ...dirs: string[]): boolean {
  return inst.flags.some(
    (f) =>
      f.name === 'mount' &&
      /(^|,)type=(cache|tmpfs)(,|$)/.test(f.value ?? '') &&
      dirs.some(
        (d) =>
          (f.value ?? '').includes(`target=${d}`) ||
          (f.value ?? '').includes(`dst=${d}`) ||
          (f.value ?? '').includes(`destination=${d}`),
      ),
  );
}

function sameRun(inst: Instruction, pred: (c: ShellCommand) => boolean): boolean {
  return (inst.script?.commands ?? []).some(pred);
}

/** A cleanup that runs after the command in the same RUN (a clean before the install leaves the cache). */
function cleanedAfter(u: Use, pred: (c: ShellCommand) => boolean): boolean {
  return sameRun(u.inst, (c) => c.index > u.cmd.index && pred(c));
}

function isVarOrPath(v: string): boolean {
  return v.includes('$') || v.includes('/') || /\.(deb|rpm|apk|whl|tar\.gz|zip)$/.test(v);
}

function packages(u: Use, opts: readonly string[]): Word[] {
  return operands(u.cmd, opts)
    .slice(1)
    .filter((w) => !isVarOrPath(w.value) && !w.value.startsWith('<') && w.value !== '');
}

/** apt-get's quiet level: each `-q` (also inside `-yqq`) and `--quiet` adds one; `-q=N` / `--quiet=N` sets it. Level 2 implies -y. */
function quietLevel(cmd: ShellCommand): number {
  let level = 0;
  for (const a of cmd.args) {
    const v = a.value;
    if (v === '--') break;
    const set = /^(?:-q|--quiet)=(\d+)$/.exec(v);
    if (set) level = Number(set[1]);
    else if (v === '--quiet') level++;
    else if (/^-[A-Za-z]+$/.test(v)) level += [...v].filter((c) => c === 'q').length;
  }
  return level;
}

const APT_INSTALL = (u: Use) =>
  (u.cmd.base === 'apt-get' || u.cmd.base === 'apt' || u.cmd.base === 'aptitude') && u.sub === 'install';

const aptYes = defineRule({
  id: 'SG-DF-011',
  title: 'apt-get install without -y',
  severity: 'medium',
  description:
    '`apt-get install` without `-y`/`--yes`/`--assume-yes` or quiet level 2 (`-qq`, `-q -q`, `-q=2`, `--quiet --quiet`), which implies `-y`.',
  rationale:
    'Without a non-interactive answer the install waits for confirmation and the build fails or hangs.',
  fix: '```dockerfile\n# before\nRUN apt-get update && apt-get install curl\n# after\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n```',
  tags: ['dockerfile', 'best-practice', 'apt'],
  equivalents: { hadolint: ['DL3014'], trivy: ['DS-0021', 'AVD-DS-0021'] },
  hint: 'add `-y` to apt-get install',
  check({ df, report }) {
    for (const u of uses(df, ['apt-get', 'apt'], APT_OPTS).filter(APT_INSTALL)) {
      if (
        hasFlag(u.cmd, '-y', '--yes', '--assume-yes') ||
        quietLevel(u.cmd) >= 2 ||
        u.cmd.args.some((a) => /Assume-Yes=(true|1|yes)/i.test(a.value))
      )
        continue;
      report({
        at: u.inst,
        span: u.cmd.span,
        key: u.cmd.text,
        message: `\`${u.cmd.text}\` has no -y and will stop at the confirmation prompt.`,
      });
    }
  },
});

const aptRecommends = defineRule({
  id: 'SG-DF-012',
  title: 'apt-get install without --no-install-recommends',
  severity: 'low',
  description: '`apt-get install` without `--no-install-recommends`.',
  rationale:
    'Recommended packages are pulled in by default: they add size and vulnerabilities the application does not need.',
  fix: '```dockerfile\n# before\nRUN apt-get install -y curl\n# after\nRUN apt-get install -y --no-install-recommends curl\n```',
  tags: ['dockerfile', 'best-practice', 'apt', 'attack-surface'],
  equivalents: { hadolint: ['DL3015'], trivy: ['DS-0029', 'AVD-DS-0029'] },
  hint: 'add `--no-install-recommends`',
  check({ df, report }) {
    for (const u of uses(df, ['apt-get', 'apt'], APT_OPTS).filter(APT_INSTALL)) {
      if (
        hasFlag(u.cmd, '--no-install-recommends') ||
        u.cmd.args.some((a) => /Install-Recommends=(false|0|no)/i.test(a.value))
      )
        continue;
      report({
        at: u.inst,
        span: u.cmd.span,
        key: u.cmd.text,
        // hadolint and Trivy check `apt-get` only.
        ...(u.cmd.base === 'apt' ? { properties: { equivalents: [] } } : {}),
        message: `\`${u.cmd.text}\` also installs recommended packages.`,
      });
    }
  },
});

const aptLists = defineRule({
  id: 'SG-DF-013',
  title: 'apt lists not removed after install',
  severity: 'low',
  description:
    'A RUN in a stage that ends up in the final image (or an `ONBUILD RUN`) runs `apt-get`/`apt`/`aptitude install` but does not remove `/var/lib/apt/lists/*` in the same RUN. A cache or tmpfs mount on /var/lib/apt is fine; when the Dockerfile removes `docker-clean`, /var/cache/apt must be mounted too.',
  rationale:
    'The package lists (tens of MB) stay in the layer; removing them in a later RUN does not shrink the image.',
  fix: '```dockerfile\n# before\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n# after\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n```',
  tags: ['dockerfile', 'best-practice', 'apt', 'size'],
  equivalents: { hadolint: ['DL3009'] },
  hint: 'end the RUN with `&& rm -rf /var/lib/apt/lists/*`',
  check({ df, report }) {
    const shipped = shippedStages(df);
    const done = new Set<Instruction>();
    // Without Docker's docker-clean hook the downloaded .debs stay too, so a mount must cover /var/cache/apt as well.
    const keepsDebs = df.instructions.some((i) =>
      (i.trigger ?? i).script?.commands.some(
        (c) => c.base === 'rm' && c.args.some((a) => a.value.endsWith('apt.conf.d/docker-clean')),
      ),
    );
    for (const u of uses(df, ['apt-get', 'apt', 'aptitude'], APT_OPTS).filter(APT_INSTALL)) {
      if (!ships(shipped, u) || done.has(u.inst)) continue;
      if (cacheMount(u.inst, '/var/lib/apt') && (!keepsDebs || cacheMount(u.inst, '/var/cache/apt')))
        continue;
      const cleaned = sameRun(
        u.inst,
        (c) => c.base === 'rm' && c.args.some((a) => a.value.startsWith('/var/lib/apt/lists')),
      );
      if (cleaned) continue;
      done.add(u.inst);
      report({
        at: u.inst,
        span: u.cmd.span,
        message:
          'apt-get install without `rm -rf /var/lib/apt/lists/*` in the same RUN keeps the package lists in the image.',
      });
    }
  },
});

const aptPin = defineRule({
  id: 'SG-DF-014',
  title: 'apt-get install without pinned versions',
  severity: 'low',
  description: 'Packages in `apt-get install` without `=version`.',
  rationale:
    'Unpinned packages make builds unreproducible: a rebuild silently picks up new versions (and new bugs).',
  fix: '```dockerfile\n# before\nRUN apt-get install -y --no-install-recommends curl\n# after\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n```\nPinning the base image by digest (SG-DF-004) gives the same reproducibility with less upkeep.',
  tags: ['dockerfile', 'reproducibility', 'apt'],
  equivalents: { hadolint: ['DL3008'] },
  hint: 'pin versions: `apt-get install <pkg>=<version>`',
  check({ df, report }) {
    for (const u of uses(df, ['apt-get', 'apt'], APT_OPTS).filter(APT_INSTALL)) {
      const loose = packages(u, APT_OPTS).filter((w) => !w.value.includes('='));
      if (loose.length)
        report({
          at: u.inst,
          span: u.cmd.span,
          key: u.cmd.text,
          message: `apt-get install without pinned versions: ${loose
            .map((w) => w.value)
            .slice(0, 5)
            .join(', ')}${loose.length > 5 ? ', …' : ''}.`,
        });
    }
  },
});

const upgrade = defineRule({
  id: 'SG-DF-015',
  title: 'Distribution upgrade in the Dockerfile',
  severity: 'low',
  description:
    '`apt-get upgrade`/`dist-upgrade`/`full-upgrade`, `zypper dist-upgrade`/`dup` (medium for dist-upgrades).',
  rationale:
    'Upgrading inside the image makes the build depend on the day it runs and can pull in a new major distribution release (dist-upgrade). Pick a newer, pinned base image instead and rebuild when it changes.',
  fix: '```dockerfile\n# before\nFROM debian:12\nRUN apt-get update && apt-get dist-upgrade -y\n# after\nFROM debian:12.6-slim@sha256:<digest>\n```',
  tags: ['dockerfile', 'reproducibility'],
  equivalents: { hadolint: ['DL3005', 'DL3035'], trivy: ['DS-0024', 'AVD-DS-0024'], dockle: ['DKL-DI-0003'] },
  hint: 'use a newer pinned base image instead of upgrading in the build',
  check({ df, report }) {
    for (const u of uses(df, ['apt-get', 'apt', 'zypper'], [...APT_OPTS, ...ZYPPER_OPTS])) {
      const dist = ['dist-upgrade', 'full-upgrade', 'dup'].includes(u.sub ?? '');
      if (!dist && !(u.sub === 'upgrade' && u.cmd.base !== 'zypper')) continue;
      const apt = u.cmd.base !== 'zypper';
      report({
        at: u.inst,
        span: u.cmd.span,
        key: u.cmd.text,
        severity: dist ? 'medium' : 'low',
        // Trivy's DS-0024 and dockle's DKL-DI-0003 are apt's dist-upgrade only; hadolint's DL3035 is zypper's.
        properties: {
          equivalents: apt ? ['DL3005', ...(dist ? ['DS-0024', 'DKL-DI-0003'] : [])] : ['DL3035'],
        },
        message: `\`${u.cmd.base} ${u.sub}\` upgrades packages during the build${dist ? ' and may move to a new distribution release' : ''}.`,
      });
    }
  },
});

const aptNotAptGet = defineRule({
  id: 'SG-DF-016',
  title: 'apt used instead of apt-get',
  severity: 'low',
  description: '`apt` (the interactive front end) in a RUN.',
  rationale:
    '`apt` has no stable command-line interface and warns so in scripts; `apt-get` and `apt-cache` are meant for scripts.',
  fix: '```dockerfile\n# before\nRUN apt install -y curl\n# after\nRUN apt-get install -y --no-install-recommends curl\n```',
  tags: ['dockerfile', 'best-practice', 'apt'],
  equivalents: { hadolint: ['DL3027'], checkov: ['CKV_DOCKER_9'] },
  hint: 'use apt-get',
  check({ df, report }) {
    for (const u of uses(df, ['apt'], APT_OPTS))
      report({
        at: u.inst,
        span: u.cmd.nameSpan,
        key: u.cmd.text,
        message: `\`${u.cmd.text}\` uses apt, whose CLI is not stable for scripts; use apt-get.`,
      });
  },
});

const updateAlone = defineRule({
  id: 'SG-DF-017',
  title: 'Package index update without install in the same RUN',
  severity: 'medium',
  description: 'A RUN runs `apt-get update` (or `apk update`) but installs nothing after it in the same RUN.',
  rationale:
    'The layer with the updated index is cached; a later `RUN apt-get install` reuses the stale cached index and fails or installs outdated packages.',
  fix: '```dockerfile\n# before\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n# after\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n```',
  tags: ['dockerfile', 'best-practice', 'apt', 'cache'],
  equivalents: { checkov: ['CKV_DOCKER_5'], dockle: ['CIS-DI-0007'] },
  related: {
    checks: { trivy: ['DS-0017', 'AVD-DS-0017'] },
    differs:
      'Trivy DS017 also flags `yum`/`dnf update` and `zypper up`, which upgrade rather than refresh an index (SG-DF-015 and SG-DF-021 report those), and it matches the RUN text rather than its commands, so it flags RUNs that do install after the update (a second `apt-get update` in the RUN, or `apk update && apk add`)',
  },
  hint: 'combine update and install in one RUN',
  check({ df, report }) {
    for (const u of uses(df, ['apt-get', 'apt', 'apk'], [...APT_OPTS, ...APK_OPTS])) {
      if (u.sub !== 'update') continue;
      // An install before the update does not use it: the refreshed index is left for later RUNs.
      const installs = sameRun(u.inst, (c) => {
        if (c.index <= u.cmd.index) return false;
        const s = subcommand(c, [...APT_OPTS, ...APK_OPTS]);
        return (
          ['apt-get', 'apt', 'apk'].includes(c.base) &&
          [
            'install',
            'reinstall',
            'add',
            'upgrade',
            'dist-upgrade',
            'full-upgrade',
            'build-dep',
            'source',
            'download',
          ].includes(s ?? '')
        );
      });
      if (!installs)
        report({
          at: u.inst,
          span: u.cmd.span,
          // dockle's CIS-DI-0007 is apt's only.
          ...(u.cmd.base === 'apk' ? { properties: { equivalents: ['CKV_DOCKER_5'] } } : {}),
          message: `\`${u.cmd.base} update\` without an install after it in the same RUN leaves a stale cached index for later RUNs.`,
        });
    }
  },
});

const APK_ADD = (u: Use) => u.sub === 'add';

const apkNoCache = defineRule({
  id: 'SG-DF-018',
  title: 'apk add without --no-cache',
  severity: 'low',
  description: '`apk add` without `--no-cache` (and without a cache or tmpfs mount on /var/cache/apk).',
  rationale: 'The package index and cache stay in the layer and add size for nothing.',
  fix: '```dockerfile\n# before\nRUN apk update && apk add curl\n# after\nRUN apk add --no-cache curl\n```',
  tags: ['dockerfile', 'best-practice', 'apk', 'size'],
  equivalents: { hadolint: ['DL3019'], trivy: ['DS-0025', 'AVD-DS-0025'] },
  hint: 'use `apk add --no-cache`',
  check({ df, report }) {
    for (const u of uses(df, ['apk'], APK_OPTS).filter(APK_ADD)) {
      if (
        hasFlag(u.cmd, '--no-cache', '--no-network') ||
        cacheMount(u.inst, '/var/cache/apk', '/etc/apk/cache')
      )
        continue;
      if (sameRun(u.inst, (c) => c.base === 'rm' && c.args.some((a) => a.value.startsWith('/var/cache/apk'))))
        continue;
      report({
        at: u.inst,
        span: u.cmd.span,
        key: u.cmd.text,
        message: `\`${u.cmd.text}\` keeps the apk cache in the image.`,
      });
    }
  },
});

const apkPin = defineRule({
  id: 'SG-DF-019',
  title: 'apk add without pinned versions',
  severity: 'low',
  description: 'Packages in `apk add` without `=version` (or `~version`).',
  rationale: 'Unpinned packages make builds unreproducible.',
  fix: '```dockerfile\n# before\nRUN apk add --no-cache curl\n# after\nRUN apk add --no-cache curl=8.5.0-r0\n```',
  tags: ['dockerfile', 'reproducibility', 'apk'],
  equivalents: { hadolint: ['DL3018'] },
  hint: 'pin versions: `apk add <pkg>=<version>`',
  check({ df, report }) {
    for (const u of uses(df, ['apk'], APK_OPTS).filter(APK_ADD)) {
      const loose = packages(u, APK_OPTS).filter((w) => !/[=~<>]/.test(w.value) && !w.value.startsWith('.'));
      if (loose.length)
        report({
          at: u.inst,
          span: u.cmd.span,
          key: u.cmd.text,
          message: `apk add without pinned versions: ${loose
            .map((w) => w.value)
            .slice(0, 5)
            .join(', ')}${loose.length > 5 ? ', …' : ''}.`,
        });
    }
  },
});

/** dnf/yum subcommands (and their dnf aliases) that download and install packages. */
const RPM_INSTALLS = [
  'install',
  'in',
  'groupinstall',
  'localinstall',
  'reinstall',
  'rei',
  'update',
  'up',
  'upgrade',
  'upgrade-minimal',
  'up-min',
  'update-minimal',
  'distro-sync',
  'dsync',
];
const ZYPPER_INSTALLS = [
  'install',
  'in',
  'update',
  'up',
  'dist-upgrade',
  'dup',
  'patch',
  'source-install',
  'si',
];

const RPM_INSTALL = new Set([
  'install',
  'groupinstall',
  'localinstall',
  'reinstall',
  'module',
  'in',
  'source-install',
  'si',
  'patch',
  'remove',
  'rm',
  'update',
  'upgrade',
]);

const rpmYes = defineRule({
  id: 'SG-DF-020',
  title: 'yum/dnf/zypper without a non-interactive flag',
  severity: 'medium',
  description:
    '`yum`/`dnf`/`tdnf`/`microdnf install` (or `in`, `reinstall`, `rei`) without `-y`, or `zypper install` without `-n`/`--non-interactive`/`-y`.',
  rationale: 'Without it the package manager waits for confirmation and the build fails.',
  fix: '```dockerfile\n# before\nRUN yum install httpd\n# after\nRUN yum install -y httpd-2.4.57 && yum clean all\n```',
  tags: ['dockerfile', 'best-practice', 'rpm'],
  equivalents: { hadolint: ['DL3030', 'DL3034', 'DL3038'] },
  hint: 'add `-y` (`-n` for zypper)',
  check({ df, report }) {
    for (const u of uses(df, ['yum', 'dnf', 'tdnf', 'microdnf', 'zypper'], [...RPM_OPTS, ...ZYPPER_OPTS])) {
      if (
        !RPM_INSTALL.has(u.sub ?? '') ||
        (u.cmd.base !== 'zypper' &&
          !['install', 'in', 'groupinstall', 'localinstall', 'reinstall', 'rei'].includes(u.sub ?? ''))
      )
        continue;
      const ok =
        u.cmd.base === 'zypper'
          ? hasFlag(u.cmd, '-n', '--non-interactive', '-y', '--no-confirm')
          : hasFlag(u.cmd, '-y', '--assumeyes');
      if (!ok)
        report({
          at: u.inst,
          span: u.cmd.span,
          key: u.cmd.text,
          message: `\`${u.cmd.text}\` has no ${u.cmd.base === 'zypper' ? '-n' : '-y'} and will stop at the confirmation prompt.`,
        });
    }
  },
});

/** `clean all`: `clean metadata` or `clean packages` leave the rest of the cache. */
function cleanAll(c: ShellCommand): boolean {
  const ops = operands(c, RPM_OPTS).map((w) => w.value);
  return ops[0] === 'clean' && ops[1] === 'all';
}

const RPM_CLEAN: Record<string, (c: ShellCommand) => boolean> = {
  yum: (c) =>
    (c.base === 'yum' && cleanAll(c)) ||
    (c.base === 'rm' && c.args.some((a) => a.value.startsWith('/var/cache/yum'))),
  dnf: (c) =>
    (c.base === 'dnf' && cleanAll(c)) ||
    (c.base === 'rm' && c.args.some((a) => /^\/var\/cache\/(dnf|yum|libdnf5)/.test(a.value))),
  tdnf: (c) => c.base === 'tdnf' && cleanAll(c),
  microdnf: (c) =>
    (c.base === 'microdnf' && cleanAll(c)) ||
    (c.base === 'rm' && c.args.some((a) => /^\/var\/cache\/(yum|dnf|libdnf5)/.test(a.value))),
  zypper: (c) =>
    (c.base === 'zypper' && ['clean', 'cc'].includes(subcommand(c, ZYPPER_OPTS) ?? '')) ||
    (c.base === 'rm' && c.args.some((a) => a.value.startsWith('/var/cache/zypp'))),
};

const rpmClean = defineRule({
  id: 'SG-DF-021',
  title: 'yum/dnf/microdnf/zypper cache not cleaned',
  severity: 'low',
  description:
    'A RUN in a shipped stage (or an `ONBUILD RUN`) installs, reinstalls or upgrades with yum, dnf, microdnf or zypper (`install`/`in`, `reinstall`/`rei`, `update`/`up`, `upgrade`, `upgrade-minimal`/`up-min`, `dist-upgrade`/`dup`, ...) without `clean all` (`zypper clean`, or removing the cache directory, `/var/cache/libdnf5` for dnf5) after it in the same RUN. A cache or tmpfs mount on the cache directory is fine.',
  rationale: 'The metadata and package cache stay in the layer (often 100+ MB).',
  fix: '```dockerfile\n# before\nRUN yum install -y httpd\n# after\nRUN yum install -y httpd && yum clean all\n```',
  tags: ['dockerfile', 'best-practice', 'rpm', 'size'],
  equivalents: { hadolint: ['DL3032', 'DL3036', 'DL3040'] },
  related: {
    checks: {
      trivy: [
        'DS-0015',
        'DS-0019',
        'DS-0020',
        'DS-0027',
        'AVD-DS-0015',
        'AVD-DS-0019',
        'AVD-DS-0020',
        'AVD-DS-0027',
      ],
    },
    differs:
      'Trivy DS015, DS019, DS020 and DS027 flag every stage and look for the text `<tool> clean all` in the RUN; SG-DF-021 judges only the stages the final image is built from, parses the commands (so `dnf -y --installroot /x clean all` and removing the cache directory count) and does not ask `zypper remove`, which downloads nothing, for a clean',
  },
  hint: 'add `&& <tool> clean all` to the same RUN',
  check({ df, report }) {
    const shipped = shippedStages(df);
    for (const u of uses(df, ['yum', 'dnf', 'tdnf', 'microdnf', 'zypper'], [...RPM_OPTS, ...ZYPPER_OPTS])) {
      if (
        !ships(shipped, u) ||
        !(u.cmd.base === 'zypper' ? ZYPPER_INSTALLS : RPM_INSTALLS).includes(u.sub ?? '')
      )
        continue;
      if (cacheMount(u.inst, '/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5', '/var/cache/zypp'))
        continue;
      const clean = RPM_CLEAN[u.cmd.base];
      if (clean && cleanedAfter(u, clean)) continue;
      report({
        at: u.inst,
        span: u.cmd.span,
        key: u.cmd.text,
        properties: { equivalents: RPM_CLEAN_EQUIVALENTS[u.cmd.base] ?? [] },
        message: `\`${u.cmd.base} ${u.sub}\` without \`${u.cmd.base === 'zypper' ? 'zypper clean' : `${u.cmd.base} clean all`}\` in the same RUN keeps the package cache in the image.`,
      });
    }
  },
});

/** The hadolint check a missing clean stands for, per tool (tdnf has none). */
const RPM_CLEAN_EQUIVALENTS: Record<string, string[]> = {
  yum: ['DL3032'],
  dnf: ['DL3040'],
  microdnf: ['DL3040'],
  zypper: ['DL3036'],
};

const rpmPin = defineRule({
  id: 'SG-DF-022',
  title: 'yum/dnf/zypper install without pinned versions',
  severity: 'low',
  description:
    'Packages in yum/dnf/microdnf install without `-version`, or zypper install without `=version`.',
  rationale: 'Unpinned packages make builds unreproducible.',
  fix: '```dockerfile\n# before\nRUN dnf install -y httpd && dnf clean all\n# after\nRUN dnf install -y httpd-2.4.57 && dnf clean all\n```',
  tags: ['dockerfile', 'reproducibility', 'rpm'],
  equivalents: { hadolint: ['DL3037'] },
  related: {
    checks: { hadolint: ['DL3033', 'DL3041'] },
    differs:
      "hadolint DL3033 and DL3041 take a variable the stage does not declare (`httpd-$version`) as empty, so the package as unpinned; SG-DF-022 does not guess, since the base image's ENV may define it",
  },
  hint: 'pin package versions',
  check({ df, report }) {
    for (const u of uses(df, ['yum', 'dnf', 'tdnf', 'microdnf', 'zypper'], [...RPM_OPTS, ...ZYPPER_OPTS])) {
      const opts = [...RPM_OPTS, ...ZYPPER_OPTS];
      // `yum module install name:stream` pins a module stream.
      const module = u.sub === 'module' && operands(u.cmd, opts)[1]?.value === 'install';
      if (!['install', 'in'].includes(u.sub ?? '') && !module) continue;
      const names = module ? operands(u.cmd, opts).slice(2) : packages(u, opts);
      const loose = names.filter((w) =>
        w.value.includes('$')
          ? false
          : module
            ? !w.value.includes(':')
            : u.cmd.base === 'zypper'
              ? !/[=<>]/.test(w.value)
              : !/-\d/.test(w.value) && !w.value.startsWith('@') && !w.value.includes('('),
      );
      if (loose.length)
        report({
          at: u.inst,
          span: u.cmd.span,
          key: u.cmd.text,
          message: `${u.cmd.base} install without pinned versions: ${loose
            .map((w) => w.value)
            .slice(0, 5)
            .join(', ')}${loose.length > 5 ? ', …' : ''}.`,
        });
    }
  },
});

/** pip invocations: pip, pip3, pip3.12, and `python -m pip` (the pip part as its own command view). */
function pipInstalls(df: ParsedDockerfile): (Use & { args: Word[] })[] {
  const out: (Use & { args: Word[] })[] = [];
  for (const stage of df.stages)
    for (const { inst, cmd } of commands(stage)) {
      let args: Word[] | undefined;
      if (/^pip(\d(\.\d+)?|x)?$/.test(cmd.base)) args = cmd.args;
      else if (/^python(\d(\.\d+)?)?$/.test(cmd.base)) {
        const m = cmd.args.findIndex((a) => a.value === '-m');
        if (m >= 0 && cmd.args[m + 1]?.value === 'pip') args = cmd.args.slice(m + 2);
      }
      if (!args) continue;
      const view = { args };
      if (operands(view, PIP_OPTS)[0]?.value === 'install')
        out.push({ inst, cmd, stage, sub: 'install', args });
    }
  return out;
}

function stageEnv(df: ParsedDockerfile, stage: Stage, name: string): string | undefined {
  let v: string | undefined;
  for (const i of inheritedInstructions(df, stage))
    if (i.keyword === 'ENV' || i.keyword === 'ARG')
      for (const kv of keyValues(i)) if (kv.key === name && kv.value !== undefined) v = kv.value;
  return v;
}

const pipCache = defineRule({
  id: 'SG-DF-023',
  title: 'pip install without --no-cache-dir',
  severity: 'low',
  description:
    '`pip install` without `--no-cache-dir` (and without `PIP_NO_CACHE_DIR` or a cache mount on the pip cache).',
  rationale: 'pip keeps downloaded wheels in ~/.cache/pip, adding size to the layer.',
  fix: '```dockerfile\n# before\nRUN pip install -r requirements.txt\n# after\nRUN pip install --no-cache-dir -r requirements.txt\n```',
  tags: ['dockerfile', 'best-practice', 'pip', 'size'],
  equivalents: { hadolint: ['DL3042'] },
  hint: 'add `--no-cache-dir`',
  check({ df, report }) {
    for (const u of pipInstalls(df)) {
      // pipx installs into its own venvs and has no --no-cache-dir.
      if (u.cmd.base === 'pipx') continue;
      if (
        hasFlag({ args: u.args }, '--no-cache-dir') ||
        cacheMount(u.inst, '/root/.cache', '/root/.cache/pip', '~/.cache')
      )
        continue;
      // The innermost setting wins: the command's own assignment, an `export` earlier in the RUN, then ENV.
      const exported = (u.inst.script?.commands ?? [])
        .filter((c) => c.index < u.cmd.index && c.base === 'export')
        .flatMap((c) => c.args.map((a) => /^PIP_NO_CACHE_DIR=(.*)$/.exec(a.value)?.[1]))
        .filter((v): v is string => v !== undefined);
      const setting =
        u.cmd.assignments.find((a) => a.name === 'PIP_NO_CACHE_DIR')?.value ??
        exported.at(-1) ??
        stageEnv(df, u.stage, 'PIP_NO_CACHE_DIR');
      if (setting !== undefined && !/^(0|false|no|off|)$/i.test(setting)) continue;
      report({
        at: u.inst,
        span: u.cmd.span,
        key: u.cmd.text,
        message: `\`${u.cmd.text}\` keeps the pip cache in the image.`,
      });
    }
  },
});

const pipPin = defineRule({
  id: 'SG-DF-024',
  title: 'pip install without pinned versions',
  severity: 'low',
  description:
    'Packages named on the `pip install` (`pip2`, `pip3`, `python -m pip`, `pipx`) command line without a version (`==`, `>=`, `~=`, `@`). Requirements files and local paths are not checked.',
  rationale: 'Unpinned packages make builds unreproducible and let a compromised new release in.',
  fix: '```dockerfile\n# before\nRUN pip install --no-cache-dir flask\n# after\nRUN pip install --no-cache-dir flask==3.0.3\n# or, better: a pinned requirements file with hashes\nRUN pip install --no-cache-dir --require-hashes -r requirements.txt\n```',
  tags: ['dockerfile', 'reproducibility', 'pip', 'supply-chain'],
  equivalents: { hadolint: ['DL3013'] },
  hint: 'pin versions (`pkg==1.2.3`) or use a requirements file',
  check({ df, report }) {
    for (const u of pipInstalls(df)) {
      if (hasFlag({ args: u.args }, '-c', '--constraint')) continue;
      const pkgs = operands({ args: u.args }, PIP_OPTS).slice(1);
      const loose = pkgs.filter((w) => {
        const v = w.value;
        if (v.includes('$') || v.startsWith('.') || v.startsWith('/') || /\.(whl|tar\.gz|zip)$/.test(v))
          return false;
        // VCS URLs pin with `@<ref>` after the repository path (user info before the host does not count).
        if (/^git\+/.test(v)) return !/^[^:]+:\/\/(?:[^@/]+@)?[^@]+@/.test(v);
        // Other URLs are archives; a word with a slash is a local directory (pip reads it as a path).
        if (v.includes('://') || (v.includes('/') && !v.includes('@'))) return false;
        return !/(==|>=|<=|~=|!=|<|>|@)/.test(v);
      });
      if (loose.length)
        report({
          at: u.inst,
          span: u.cmd.span,
          key: u.cmd.text,
          message: `pip install without pinned versions: ${loose
            .map((w) => w.value)
            .slice(0, 5)
            .join(', ')}.`,
        });
    }
  },
});

/** COPY/ADD sources of a stage before a given instruction. */
function copiedBefore(stage: Stage, inst: Instruction): string[] {
  const out: string[] = [];
  for (const i of stage.instructions) {
    // An ONBUILD trigger is not in the list itself; its line says where it stands.
    if (i === inst || i.span.line >= inst.span.line) break;
    if ((i.keyword === 'COPY' || i.keyword === 'ADD') && !i.flags.some((f) => f.name === 'from')) {
      const ops = operands(i);
      out.push(...ops.slice(0, -1).map((w) => w.value));
    }
  }
  return out;
}

const LOCKFILES =
  /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|\*)$|^\.\/?$|\*\.json$|\*lock\*?/;

const npmCi = defineRule({
  id: 'SG-DF-025',
  title: 'npm install instead of npm ci (lockfile not enforced)',
  severity: 'medium',
  description:
    '`npm install` without packages (install from package.json), `yarn install` without `--frozen-lockfile`/`--immutable`, or `pnpm install` without `--frozen-lockfile`.',
  rationale:
    'These commands may resolve new versions and rewrite the lockfile, so the image does not contain the dependency tree that was reviewed and tested — the door for a compromised release. `npm ci` installs exactly the lockfile and fails if it is missing or out of date.',
  fix: '```dockerfile\n# before\nCOPY package.json ./\nRUN npm install\n# after\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\n```',
  tags: ['security', 'dockerfile', 'supply-chain', 'npm', 'reproducibility'],
  hint: 'use `npm ci` (yarn: `--frozen-lockfile`/`--immutable`, pnpm: `--frozen-lockfile`) and copy the lockfile',
  check({ df, report }) {
    for (const stage of df.stages)
      for (const { inst, cmd } of commands(stage)) {
        const sub = subcommand(cmd);
        let bad: string | undefined;
        if (
          cmd.base === 'npm' &&
          (sub === 'install' || sub === 'i') &&
          operands(cmd).length === 1 &&
          !hasFlag(cmd, '-g', '--global')
        )
          bad = 'npm ci';
        if (
          cmd.base === 'yarn' &&
          (sub === undefined || sub === 'install') &&
          !hasFlag(cmd, '--frozen-lockfile', '--immutable')
        )
          bad = 'yarn install --frozen-lockfile (Yarn 2+: --immutable)';
        if (cmd.base === 'pnpm' && (sub === 'install' || sub === 'i') && !hasFlag(cmd, '--frozen-lockfile'))
          bad = 'pnpm install --frozen-lockfile';
        if (!bad) continue;
        const lock = copiedBefore(stage, inst).some((s) => LOCKFILES.test(s));
        report({
          at: inst,
          span: cmd.span,
          key: cmd.text,
          message: `\`${cmd.text}\` does not enforce the lockfile${lock ? '' : ', and no lockfile is copied before it'}; use \`${bad}\`.`,
          fix: `use \`${bad}\`${lock ? '' : ' and COPY the lockfile before it'}`,
        });
      }
  },
});

const npmPin = defineRule({
  id: 'SG-DF-026',
  title: 'npm/yarn/pnpm/go package added without a version',
  severity: 'low',
  description:
    'A package named on the `npm install`, `yarn add`, `pnpm add` or global install command line without `@version`, or a module in `go install`/`go get`/`go run` without `@version` (or with `@latest`). Local paths are not checked.',
  rationale: 'The build installs whatever version is newest on the day it runs.',
  fix: '```dockerfile\n# before\nRUN npm install -g typescript\nRUN go install golang.org/x/tools/gopls@latest\n# after\nRUN npm install -g typescript@5.4.5\nRUN go install golang.org/x/tools/gopls@v0.16.1\n```',
  tags: ['dockerfile', 'reproducibility', 'npm', 'go', 'supply-chain'],
  equivalents: { hadolint: ['DL3016', 'DL3062'] },
  hint: 'add `@<version>` to each package',
  check({ df, report }) {
    for (const stage of df.stages)
      for (const { inst, cmd } of commands(stage)) {
        const ops = operands(cmd, [
          '--prefix',
          '-C',
          '--registry',
          '--cache',
          '--userconfig',
          '--loglevel',
          '--tag',
          '--workspace',
          '-w',
        ]);
        let pkgs: Word[] = [];
        const sub = ops[0]?.value;
        if (cmd.base === 'npm' && ['install', 'i', 'add'].includes(sub ?? '')) pkgs = ops.slice(1);
        if ((cmd.base === 'yarn' || cmd.base === 'pnpm') && sub === 'add') pkgs = ops.slice(1);
        if (cmd.base === 'yarn' && sub === 'global' && ops[1]?.value === 'add') pkgs = ops.slice(2);
        if (cmd.base === 'go') {
          const loose = goModules(cmd);
          if (loose.length)
            report({
              at: inst,
              span: cmd.span,
              key: cmd.text,
              message: `go ${sub} without a pinned version: ${loose.slice(0, 5).join(', ')}.`,
              fix: 'add `@<version>` (not `@latest`) to each module',
            });
          continue;
        }
        const loose = pkgs.filter((w) => {
          const v = w.value;
          if (v.includes('$') || /^[./~]/.test(v) || /\.(tgz|tar|tar\.gz)$/.test(v)) return false;
          // git URLs pin with `#<ref>`; other URLs are tarballs.
          if (/^git(\+[a-z]+)?:\/\//.test(v) || /^[\w.-]+\/[\w.-]+#/.test(v)) return !v.includes('#');
          if (v.includes('://')) return false;
          return !(v.startsWith('@') ? v.slice(1).includes('@') : v.includes('@'));
        });
        if (loose.length)
          report({
            at: inst,
            span: cmd.span,
            key: cmd.text,
            message: `${cmd.base} installs without a version: ${loose
              .map((w) => w.value)
              .slice(0, 5)
              .join(', ')}.`,
          });
      }
  },
});

/** Modules of `go install|get|run` without a fixed version (none or `@latest`); local paths and `go run`'s program arguments are skipped. */
function goModules(cmd: ShellCommand): string[] {
  const ops = operands(cmd, [
    '-C',
    '-o',
    '-modfile',
    '-tags',
    '-ldflags',
    '-gcflags',
    '-p',
    '-exec',
    '-overlay',
  ]);
  const sub = ops[0]?.value;
  if (sub !== 'install' && sub !== 'get' && sub !== 'run') return [];
  const mods = (sub === 'run' ? ops.slice(1, 2) : ops.slice(1)).map((w) => w.value);
  return mods.filter((m) => {
    if (m.includes('$') || /^[./~]/.test(m) || m.endsWith('.go') || m === 'tool') return false;
    const at = m.lastIndexOf('@');
    // `go get -tool foo` names a tool like any module; a bare word without a dot is a standard-library or local name.
    if (at < 0) return m.includes('.') || hasFlag(cmd, '-tool');
    return m.slice(at + 1) === 'latest';
  });
}

const devDependencies = defineRule({
  id: 'SG-DF-060',
  title: 'Development dependencies installed in the shipped image',
  severity: 'low',
  description:
    '`npm ci`/`npm install` without `--omit=dev` (or `--production`), `yarn install` without `--production`, or `pnpm install` without `--prod`, in a stage that ends up in the final image, and `NODE_ENV=production` is not set.',
  rationale:
    'Development dependencies (test runners, bundlers, linters) are not needed at run time; shipping them multiplies the dependency tree and its vulnerabilities.',
  fix: '```dockerfile\n# before\nRUN npm ci\n# after\nRUN npm ci --omit=dev\n```\nBuild with dev dependencies in a build stage and install production ones in the runtime stage.',
  tags: ['security', 'dockerfile', 'npm', 'attack-surface'],
  hint: 'install with `--omit=dev` in the runtime image',
  check({ df, report }) {
    const shipped = shippedStages(df);
    for (const stage of df.stages) {
      if (!shipped.has(stage)) continue;
      if (/^production$/i.test(stageEnv(df, stage, 'NODE_ENV') ?? '')) continue;
      for (const { inst, cmd } of commands(stage)) {
        const sub = subcommand(cmd);
        if (cmd.assignments.some((a) => a.name === 'NODE_ENV' && /^production$/i.test(a.value))) continue;
        let prod: boolean | undefined;
        if (
          cmd.base === 'npm' &&
          ['ci', 'install', 'i'].includes(sub ?? '') &&
          !hasFlag(cmd, '-g', '--global')
        )
          prod =
            hasFlag(cmd, '--production', '--omit=dev') ||
            cmd.args.some((a) => /^--omit=dev$|^--only=prod(uction)?$/.test(a.value)) ||
            flagValue(cmd, '--omit') === 'dev';
        if (cmd.base === 'yarn' && (sub === undefined || sub === 'install'))
          prod = hasFlag(cmd, '--production', '--prod');
        if (cmd.base === 'pnpm' && (sub === 'install' || sub === 'i'))
          prod = hasFlag(cmd, '--prod', '-P', '--production');
        if (prod !== false) continue;
        report({
          at: inst,
          span: cmd.span,
          key: cmd.text,
          message: `\`${cmd.text}\` installs development dependencies into the shipped image.`,
          fix:
            cmd.base === 'npm'
              ? 'add `--omit=dev`'
              : cmd.base === 'yarn'
                ? 'add `--production`'
                : 'add `--prod`',
        });
      }
    }
  },
});

const YARN_CACHE_DIRS = [
  '/usr/local/share/.cache/yarn',
  '/root/.cache/yarn',
  '/home/node/.cache/yarn',
  '/root/.yarn',
];

const yarnCache = defineRule({
  id: 'SG-DF-069',
  title: 'yarn install without yarn cache clean',
  severity: 'info',
  description:
    'A RUN in a stage that ends up in the final image (or an `ONBUILD RUN`) runs `yarn install` but not `yarn cache clean` after it in the same RUN (a cache or tmpfs mount on the yarn cache is fine).',
  rationale:
    'Yarn keeps a copy of every downloaded package in its global cache; left in the layer it can double the size of node_modules, and a later RUN cannot shrink it.',
  fix: 'Clean the cache in the same RUN, or use a BuildKit cache mount on the yarn cache directory.\n\n```dockerfile\n# before\nRUN yarn install --frozen-lockfile\n# after\nRUN yarn install --frozen-lockfile && yarn cache clean\n```',
  tags: ['dockerfile', 'best-practice', 'npm', 'size'],
  equivalents: { hadolint: ['DL3060'] },
  hint: 'add `&& yarn cache clean` to the same RUN',
  check({ df, report }) {
    const shipped = shippedStages(df);
    const done = new Set<Instruction>();
    for (const u of uses(df, ['yarn'], ['--cwd', '--cache-folder', '--modules-folder'])) {
      if (u.sub !== 'install' || !ships(shipped, u) || done.has(u.inst)) continue;
      if (cacheMount(u.inst, ...YARN_CACHE_DIRS)) continue;
      const cleaned = cleanedAfter(u, (c) => {
        const ops = operands(c).map((w) => w.value);
        return c.base === 'yarn' && ops[0] === 'cache' && ops[1] === 'clean';
      });
      if (cleaned) continue;
      done.add(u.inst);
      report({
        at: u.inst,
        span: u.cmd.span,
        message: `\`${u.cmd.text}\` without \`yarn cache clean\` in the same RUN keeps the yarn cache in the image.`,
      });
    }
  },
});

export const packageRules = [
  aptYes,
  aptRecommends,
  aptLists,
  aptPin,
  upgrade,
  aptNotAptGet,
  updateAlone,
  apkNoCache,
  apkPin,
  rpmYes,
  rpmClean,
  rpmPin,
  pipCache,
  pipPin,
  npmCi,
  npmPin,
  devDependencies,
  yarnCache,
];
