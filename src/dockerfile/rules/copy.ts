import { stageFor } from '../parse';
import { defineRule } from '../rule';
import type { Instruction, ShellCommand, Stage, Word } from '../types';
import { commands, operands, rootImage, stageChain, subcommand } from './helpers';

const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tar\.lz|tar\.lzma|gz|bz2|xz)$/i;
const URL = /^(https?|ftp):\/\/|^git@|\.git(#.*)?$/i;

/** Source operands of COPY/ADD (everything but the destination; heredoc sources excluded). */
function sources(inst: Instruction): Word[] {
  const ops = operands(inst);
  return ops.slice(0, -1).filter((w) => !w.value.startsWith('<<'));
}

const addForCopy = defineRule({
  id: 'SG-DF-008',
  title: 'ADD used where COPY fits',
  severity: 'low',
  description: 'ADD of local files or directories that are not archives to extract.',
  rationale:
    'ADD also downloads URLs and unpacks archives; using it for plain files hides that magic and may extract a file you meant to copy. COPY does exactly one thing.',
  fix: '```dockerfile\n# before\nADD app/ /app/\n# after\nCOPY app/ /app/\n```',
  tags: ['security', 'dockerfile', 'best-practice'],
  equivalents: { hadolint: ['DL3020'], checkov: ['CKV_DOCKER_4'] },
  related: {
    checks: { trivy: ['DS-0005', 'AVD-DS-0005'], dockle: ['CIS-DI-0009'] },
    differs:
      'Trivy DS005 also flags ADD of a URL, even with `--checksum`, where ADD is the way to verify a download (SG-DF-009 reports a remote ADD without a checksum), and it reads the `file:<digest> in <dest>` form of image history as an ADD; dockle CIS-DI-0009 flags every ADD of the image history but the first, archives that ADD unpacks and URLs included',
  },
  hint: 'use COPY',
  check({ df, report }) {
    for (const i of df.instructions) {
      if (i.keyword !== 'ADD') continue;
      const src = sources(i);
      if (
        src.length === 0 ||
        src.some((w) => URL.test(w.value) || ARCHIVE.test(w.value) || w.value.includes('$'))
      )
        continue;
      report({
        at: i,
        span: i.keywordSpan,
        message: `ADD ${src.map((w) => w.value).join(' ')} copies local files; use COPY.`,
        fix: 'replace ADD with COPY',
      });
    }
  },
});

const addUrl = defineRule({
  id: 'SG-DF-009',
  title: 'ADD of a remote URL without --checksum',
  severity: 'medium',
  description: 'ADD downloads a URL (or git repository) without `--checksum` (or a pinned commit for git).',
  rationale:
    'The build trusts whatever the server returns; a changed or hijacked download goes into the image unnoticed. `ADD --checksum=sha256:…` fails the build when the content changes.',
  fix: '```dockerfile\n# before\nADD https://example.com/tool-1.2.3.tar.gz /tmp/\n# after\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d \\\n    https://example.com/tool-1.2.3.tar.gz /tmp/\n```',
  tags: ['security', 'dockerfile', 'supply-chain'],
  hint: 'add `--checksum=sha256:<digest>`',
  check({ df, report }) {
    for (const i of df.instructions) {
      if (i.keyword !== 'ADD' || i.flags.some((f) => f.name === 'checksum')) continue;
      for (const w of sources(i)) {
        if (!URL.test(w.value)) continue;
        const git = /^git@|\.git(#.*)?$/.test(w.value);
        if (git && /#[0-9a-f]{40}$/.test(w.value)) continue;
        report({
          at: i,
          span: w.span,
          key: w.value,
          message: `ADD ${w.value} downloads ${git ? 'a git repository' : 'a file'} without verifying a checksum.`,
          fix: git
            ? 'pin a commit: `ADD <repo>.git#<commit sha>`'
            : 'add `--checksum=sha256:<digest>` (or download with curl and verify with sha256sum)',
        });
      }
    }
  },
});

function isDependencyInstall(c: ShellCommand): boolean {
  const sub = subcommand(c);
  switch (c.base) {
    case 'npm':
      return ['ci', 'install', 'i'].includes(sub ?? '');
    case 'yarn':
      return sub === undefined || sub === 'install';
    case 'pnpm':
      return sub === 'install' || sub === 'i';
    case 'pip':
    case 'pip3':
      return sub === 'install' && c.args.some((a) => ['-r', '--requirement', '.', '-e'].includes(a.value));
    case 'poetry':
    case 'pipenv':
    case 'bundle':
    case 'composer':
      return sub === 'install';
    case 'go':
      return sub === 'mod' && c.args.some((a) => a.value === 'download');
    case 'mvn':
    case 'mvnw':
      return c.args.some((a) => /^(dependency:|package|install|verify)/.test(a.value));
    case 'gradle':
    case 'gradlew':
      return true;
    case 'cargo':
      return sub === 'fetch' || sub === 'build';
    default:
      return false;
  }
}

const copyAllFirst = defineRule({
  id: 'SG-DF-031',
  title: 'Whole build context copied before installing dependencies',
  severity: 'low',
  description:
    '`COPY . .` (the whole context) comes before the dependency install (`npm ci`, `pip install -r`, `go mod download`, `mvn …`) in the same stage.',
  rationale:
    'Any source change invalidates the layer cache from the COPY on, so every build re-downloads all dependencies: slow builds, and more exposure to registry outages and changed packages.',
  fix: '```dockerfile\n# before\nCOPY . .\nRUN npm ci\n# after\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n```',
  tags: ['dockerfile', 'best-practice', 'cache'],
  hint: 'copy only the dependency manifests, install, then copy the rest',
  check({ df, report }) {
    for (const stage of df.stages) {
      const copyAll = stage.instructions.find(
        (i) =>
          i.keyword === 'COPY' &&
          !i.flags.some((f) => f.name === 'from') &&
          sources(i).some((w) => /^\.\/?$|^\*$/.test(w.value)),
      );
      if (!copyAll) continue;
      const after = commands(stage).find(
        ({ inst, cmd }) => !inst.onbuild && inst.span.line > copyAll.span.line && isDependencyInstall(cmd),
      );
      if (!after) continue;
      report({
        at: copyAll,
        message: `${copyAll.normalized} comes before \`${after.cmd.text}\` (line ${after.inst.span.line}), so any source change re-installs all dependencies.`,
      });
    }
  },
});

const SENSITIVE = [
  /(^|\/)\.git\/?$/,
  /(^|\/)\.env(\.(?!example|sample|template|dist)[^/]*)?$/,
  /(^|\/)id_(rsa|dsa|ecdsa|ed25519)$/,
  /\.(p12|pfx|jks|keystore|kdbx|ppk)$/i,
  /(^|\/)[^/]*(private|priv|secret|key)[^/]*\.(pem|key)$/i,
  /(^|\/)(?![^/]*(pub|gpg|asc|ca|cert|bundle|dhparam|ffdhe|jenkins|release|signing|archive|repo))[^/]*\.key$/i,
  /(^|\/)\.(npmrc|pypirc|netrc|git-credentials|htpasswd)$/,
  /(^|\/)\.(aws|ssh|gnupg|kube)(\/|$)/,
  /(^|\/)\.docker\/config\.json$/,
  /(^|\/)credentials(\.json)?$/,
  /(^|\/)[^/]*service[-_]?account[^/]*\.json$/i,
  /(^|\/)terraform\.tfstate$/,
];

function sensitivePath(p: string): boolean {
  const v = p.replace(/\/+$/, '').replace(/^\.\//, '');
  return SENSITIVE.some((re) => re.test(v) || re.test(`${v}/`));
}

const sensitiveCopy = defineRule({
  id: 'SG-DF-032',
  title: 'Secrets or repository metadata copied into the image',
  severity: 'high',
  description:
    'COPY/ADD names a credential or metadata file: `.git`, `.env`, private keys (`id_rsa`, `*.key`, `*key*.pem`, `*private*.pem`, `*.p12`, `*.jks`), `.npmrc`, `.pypirc`, `.netrc`, `.aws/`, `.ssh/`, `.docker/config.json`, `credentials.json`; or copies to where a credentials-file variable points (`$AWS_CONFIG_FILE`, `$AWS_SHARED_CREDENTIALS_FILE`, `$GOOGLE_APPLICATION_CREDENTIALS`, `$HF_TOKEN_PATH`).',
  rationale:
    'Everything copied stays in a layer even if deleted later; anyone who can pull the image can read it. `.git` also leaks history and often tokens in remote URLs.',
  fix: '```dockerfile\n# before\nCOPY .env id_rsa /app/\n# after: pass secrets at build time only\nRUN --mount=type=secret,id=dotenv,target=/app/.env ./configure\n# and list them in .dockerignore\n```',
  tags: ['security', 'dockerfile', 'secrets'],
  related: {
    checks: { trivy: ['DS-0031', 'AVD-DS-0031'] },
    differs:
      'Trivy DS031 looks for a short list of secret file names; SG-DF-032 also reports repository metadata (`.git`), private keys by pattern and files copied to where a credentials-file variable points',
  },
  hint: 'do not copy secrets; use a secret mount and .dockerignore',
  check({ df, report }) {
    for (const i of df.instructions) {
      if (i.keyword !== 'COPY' && i.keyword !== 'ADD') continue;
      for (const w of sources(i))
        if (sensitivePath(w.value))
          report({
            at: i,
            span: w.span,
            key: w.value,
            message: `${i.keyword} ${w.value} puts a secret or repository metadata into the image.`,
          });
      const dest = operands(i).at(-1);
      const variable = dest && CREDENTIAL_FILE_VARS.exec(dest.value)?.[1];
      if (dest && variable && !i.flags.some((f) => f.name === 'from'))
        report({
          at: i,
          span: dest.span,
          key: dest.value,
          message: `${i.keyword} to ${dest.value} puts a credentials file (where ${variable} points) into the image.`,
        });
    }
  },
});

/** A destination that is a variable tools read a credentials file from. */
const CREDENTIAL_FILE_VARS =
  /^\$\{?(AWS_CONFIG_FILE|AWS_SHARED_CREDENTIALS_FILE|GOOGLE_APPLICATION_CREDENTIALS|HF_TOKEN_PATH)\}?$/;

function fromRefs(inst: Instruction): { ref: string; span: Instruction['span'] }[] {
  const out: { ref: string; span: Instruction['span'] }[] = [];
  for (const f of inst.flags) {
    if (f.name === 'from' && f.value) out.push({ ref: f.value, span: f.span });
    if (f.name === 'mount' && f.value) {
      const m = /(?:^|,)from=([^,]+)/.exec(f.value);
      if (m?.[1]) out.push({ ref: m[1], span: f.span });
    }
  }
  return out;
}

const copyFrom = defineRule({
  id: 'SG-DF-038',
  title: 'COPY --from an unknown stage or the current stage',
  severity: 'high',
  description:
    '`COPY --from=<name>` (or `RUN --mount=from=`) names no earlier stage and does not look like an image reference, or names the stage it is in.',
  rationale:
    'An unknown name is pulled from Docker Hub as an image — a typo becomes a typosquatting risk. Copying from the current stage fails the build.',
  fix: '```dockerfile\n# before\nFROM golang:1.22 AS build\nFROM gcr.io/distroless/static-debian12\nCOPY --from=buld /out/app /app\n# after\nCOPY --from=build /out/app /app\n```',
  tags: ['security', 'dockerfile', 'multistage', 'correctness'],
  equivalents: { hadolint: ['DL3022', 'DL3023'], trivy: ['DS-0006', 'AVD-DS-0006'] },
  hint: 'reference an earlier stage by name (or a full image reference)',
  check({ df, report }) {
    for (const stage of df.stages)
      for (const inst of stage.instructions)
        for (const { ref, span } of fromRefs(inst)) {
          if (ref.includes('$')) continue;
          const target = stageFor(df, ref);
          if (target && target.index === stage.index)
            report({
              at: inst,
              span,
              key: ref,
              message: `${inst.keyword} --from=${ref} refers to the stage it is in.`,
              properties: { equivalents: ['DL3023', 'DS-0006'] },
            });
          else if (target && target.index > stage.index)
            report({
              at: inst,
              span,
              key: ref,
              message: `${inst.keyword} --from=${ref} refers to a later stage (line ${target.from.span.line}).`,
              properties: { equivalents: ['DL3022'] },
            });
          else if (!target && /^\d+$/.test(ref))
            report({
              at: inst,
              span,
              key: ref,
              message: `${inst.keyword} --from=${ref}: there is no stage ${ref}.`,
              properties: { equivalents: ['DL3022'] },
            });
          else if (!target && !/[/:@.]/.test(ref))
            report({
              at: inst,
              span,
              key: ref,
              message: `${inst.keyword} --from=${ref} names no stage; unless a --build-context of that name is passed, Docker pulls an image called "${ref}" from Docker Hub.`,
              properties: { equivalents: ['DL3022'] },
            });
        }
  },
});

const duplicateStage = defineRule({
  id: 'SG-DF-039',
  title: 'Duplicate stage name',
  severity: 'high',
  description: 'Two FROM instructions use the same `AS` name (case-insensitive).',
  rationale: 'COPY --from and --target pick one of them; BuildKit rejects the file.',
  fix: '```dockerfile\n# before\nFROM node:20 AS build\nFROM golang:1.22 AS build\n# after\nFROM node:20 AS web-build\nFROM golang:1.22 AS api-build\n```',
  tags: ['dockerfile', 'multistage', 'correctness'],
  equivalents: {
    hadolint: ['DL3024'],
    trivy: ['DS-0012', 'AVD-DS-0012'],
    buildkit: ['DuplicateStageName'],
    checkov: ['CKV_DOCKER_11'],
  },
  hint: 'give each stage a unique name',
  check({ df, report }) {
    const seen = new Map<string, Stage>();
    for (const s of df.stages) {
      if (!s.name) continue;
      const prev = seen.get(s.name.toLowerCase());
      if (prev)
        report({
          at: s.from,
          span: s.nameSpan,
          message: `Stage name "${s.name}" is already used on line ${prev.from.span.line}.`,
        });
      else seen.set(s.name.toLowerCase(), s);
    }
  },
});

const copyDest = defineRule({
  id: 'SG-DF-055',
  title: 'COPY of several sources to a destination without trailing slash',
  severity: 'medium',
  description: 'COPY/ADD with more than one source whose destination does not end with `/`.',
  rationale: 'Docker requires a directory destination for several sources and fails the build.',
  fix: '```dockerfile\n# before\nCOPY package.json package-lock.json /app\n# after\nCOPY package.json package-lock.json /app/\n```',
  tags: ['dockerfile', 'correctness'],
  equivalents: { hadolint: ['DL3021'] },
  related: {
    checks: { trivy: ['DS-0011', 'AVD-DS-0011'] },
    differs:
      'Trivy DS011 wants the destination of a COPY with several sources to end in `/`, where BuildKit also accepts `.`, and reads the `file:<digest> in <dest>` form of image history as a COPY with several sources',
  },
  hint: 'end the destination with `/`',
  check({ df, report }) {
    for (const i of df.instructions) {
      if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || i.heredocs.length) continue;
      const ops = operands(i);
      const dest = ops.at(-1)?.value ?? '';
      if (
        ops.length > 2 &&
        !dest.endsWith('/') &&
        !dest.endsWith('/.') &&
        dest !== '.' &&
        !dest.includes('$')
      )
        report({
          at: i,
          message: `${i.keyword} has ${ops.length - 1} sources but the destination ${dest} does not end with "/".`,
          fix: `use \`${dest}/\``,
        });
    }
  },
});

const reservedName = defineRule({
  id: 'SG-DF-058',
  title: 'Reserved stage name',
  severity: 'medium',
  description: 'A stage named `scratch` or `context`.',
  rationale:
    '`scratch` is the empty image and `context` is reserved for build contexts; stages with these names are ambiguous and rejected by BuildKit.',
  fix: '```dockerfile\n# before\nFROM alpine:3.20 AS scratch\n# after\nFROM alpine:3.20 AS base\n```',
  tags: ['dockerfile', 'correctness'],
  equivalents: { hadolint: ['DL3063'], buildkit: ['ReservedStageName'] },
  hint: 'rename the stage',
  check({ df, report }) {
    for (const s of df.stages)
      if (s.name && ['scratch', 'context'].includes(s.name.toLowerCase()))
        report({ at: s.from, span: s.nameSpan, message: `Stage name "${s.name}" is reserved.` });
  },
});

/** Windows drive paths (`c:\x`, `d:/x`) are absolute too. */
function absolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('$');
}

const relativeDest = defineRule({
  id: 'SG-DF-061',
  title: 'COPY to a relative destination without WORKDIR',
  severity: 'low',
  description:
    'COPY/ADD to a relative destination in a stage where no WORKDIR was set (in it or in the stages it builds on).',
  rationale:
    'The files land relative to whatever working directory the base image happens to set (often `/`); a base image update moves them.',
  fix: '```dockerfile\n# before\nCOPY app.jar app.jar\n# after\nWORKDIR /app\nCOPY app.jar app.jar\n```',
  tags: ['dockerfile', 'best-practice'],
  equivalents: { hadolint: ['DL3045'] },
  hint: 'set a WORKDIR first, or use an absolute destination',
  check({ df, report }) {
    for (const stage of df.stages) {
      let workdir = stageChain(df, stage)
        .slice(1)
        .some((s) => s.instructions.some((i) => i.keyword === 'WORKDIR'));
      for (const inst of stage.instructions) {
        if (inst.keyword === 'WORKDIR') workdir = true;
        if ((inst.keyword !== 'COPY' && inst.keyword !== 'ADD') || workdir) continue;
        const dest = operands(inst).at(-1);
        if (
          !dest ||
          operands(inst).length < 2 ||
          absolutePath(dest.value) ||
          absolutePath(dest.raw.replace(/^["']|["']$/g, ''))
        )
          continue;
        report({
          at: inst,
          span: dest.span,
          message: `${inst.keyword} to ${dest.value} is relative, and no WORKDIR is set.`,
        });
      }
    }
  },
});

const copyWholeStage = defineRule({
  id: 'SG-DF-064',
  title: 'Entire filesystem copied from another stage',
  severity: 'medium',
  description:
    '`COPY --from=<stage> / /`: the whole root filesystem of another stage is copied over the current one.',
  rationale:
    'It defeats the multi-stage build: compilers, caches and secrets of the build stage all land in the final image, overwriting its files.',
  fix: '```dockerfile\n# before\nCOPY --from=build / /\n# after\nCOPY --from=build /out/app /usr/local/bin/app\n```',
  tags: ['security', 'dockerfile', 'multistage', 'attack-surface'],
  related: {
    checks: { hadolint: ['DL3067'] },
    differs:
      'hadolint DL3067 flags `COPY --from=<x> / /` whatever `<x>` names; SG-DF-064 only when it names a stage of the Dockerfile, since images made to be copied whole (e.g. tonistiigi/xx) are the common case for an image',
  },
  hint: 'copy only the build output',
  check({ df, report }) {
    for (const inst of df.instructions) {
      const from = inst.flags.find((f) => f.name === 'from')?.value;
      if (inst.keyword !== 'COPY' || !from) continue;
      // Artifact images made for this (`FROM scratch` stages, bare aliases of tool images such as
      // tonistiigi/xx, or an image reference) carry only the files meant to be copied.
      const source = stageFor(df, from);
      const root = source ? rootImage(df, source) : undefined;
      // An unresolved FROM (`binaries-$TARGETOS`) cannot be judged.
      if (!source || !root || root.scratch || root.unresolved || source.instructions.length === 1) continue;
      const ops = operands(inst).map((w) => w.value);
      if (ops.length === 2 && /^\/+\.?$/.test(ops[0] as string) && /^\/+\.?$/.test(ops[1] as string))
        report({
          at: inst,
          message: `COPY --from=${from} ${ops.join(' ')} copies the entire filesystem of stage ${source.name ?? source.index}.`,
        });
    }
  },
});

export const copyRules = [
  addForCopy,
  addUrl,
  copyAllFirst,
  sensitiveCopy,
  copyFrom,
  duplicateStage,
  copyDest,
  reservedName,
  relativeDest,
  copyWholeStage,
];
