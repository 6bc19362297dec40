import { defineRule } from '../rule';
import { isRootUser } from '../../core/user';
import { stageUser } from '../stage-user';
import type { ImageRef, Instruction, ParsedDockerfile, Stage } from '../types';
import {
  commands,
  finalStage,
  flagValue,
  hasFlag,
  imageMatches,
  inheritedInstructions,
  operands,
  rootImage,
  stageChain,
} from './helpers';

/** Base images whose default user is not root. */
const KNOWN_NONROOT_IMAGES = [
  'gcr.io/distroless/*:nonroot',
  'gcr.io/distroless/*:*-nonroot',
  'gcr.io/distroless/*:nonroot-*',
  'cgr.dev/chainguard/*',
  'docker.io/nginxinc/nginx-unprivileged*',
  'docker.io/bitnami/*',
];
const ROOT_DEFAULT_EXCEPTIONS = ['cgr.dev/chainguard/wolfi-base*', 'cgr.dev/chainguard/*:*-dev'];

/** Whether the image runs as a non-root user when no USER is set. */
function nonRootByDefault(ref: ImageRef, extra: readonly string[] = []): boolean {
  if (ref.scratch || ref.unresolved) return false;
  if (imageMatches(ref, extra)) return true;
  return imageMatches(ref, KNOWN_NONROOT_IMAGES) && !imageMatches(ref, ROOT_DEFAULT_EXCEPTIONS);
}

/** The last USER instruction in effect for a stage (including the stages it builds on). */
function effectiveUser(df: ParsedDockerfile, stage: Stage): Instruction | undefined {
  return inheritedInstructions(df, stage)
    .filter((i) => i.keyword === 'USER')
    .at(-1);
}

const userNonRoot = defineRule({
  id: 'SG-DF-001',
  title: 'Final stage runs as root',
  severity: 'high',
  description:
    'The final stage sets no USER (and its base image does not default to a non-root user), or its last USER is root (`root`, `0`, `000`, `root:root`, `0:0`), also once the ARG and ENV values the Dockerfile gives are substituted (`ARG APP_USER=root` then `USER $APP_USER`; `USER ${UID:-0}`). A USER whose variable has no value in the Dockerfile (an ARG without a default, or a variable the base image may set) is not judged here; the policy setting `dockerfile.require-non-root` refuses it.',
  rationale:
    'A process running as root inside the container is root on the host if it escapes the container, can modify the whole image filesystem at run time, and is refused by Kubernetes `runAsNonRoot` policies. A USER set in an earlier build stage does not carry into the final image.',
  fix: [
    "Create an unprivileged user (or use the base image's one) and switch to it at the end of the final stage.",
    '',
    '```dockerfile',
    '# before',
    'FROM node:20-slim',
    'COPY . /app',
    'CMD ["node", "/app/server.js"]',
    '',
    '# after',
    'FROM node:20-slim',
    'COPY --chown=node:node . /app',
    'USER node',
    'CMD ["node", "/app/server.js"]',
    '```',
    '',
    'With a numeric id (`USER 10001:10001`) Kubernetes can verify `runAsNonRoot` without reading /etc/passwd.',
  ].join('\n'),
  tags: ['security', 'dockerfile', 'least-privilege'],
  equivalents: {
    checkov: ['CKV_DOCKER_3', 'CKV_DOCKER_8'],
    dockle: ['CIS-DI-0001'],
  },
  related: {
    checks: { hadolint: ['DL3002'], trivy: ['DS-0002', 'AVD-DS-0002'] },
    differs:
      'hadolint DL3002 and Trivy DS002 read USER instructions; SG-DF-001 judges the user the final image runs as: a final stage on scratch without USER runs as root, a base known to run as non-root (distroless `:nonroot`, Chainguard) needs no USER, a base named by a variable is not judged, the last USER of a build stage the final image does not build on does not count, and a USER without a name (which Docker refuses) is no user, and variables in USER are substituted with the values the Dockerfile gives',
  },
  hint: 'add `USER <non-root user>` at the end of the final stage',
  check({ df, options, report }) {
    const stage = finalStage(df);
    const user = stageUser(df, stage);
    const base = rootImage(df, stage);
    if (!user) {
      if (base.unresolved) return;
      if (nonRootByDefault(base, options.nonRootImages)) return;
      const earlier = df.stages.find(
        (s) => !stageChain(df, stage).includes(s) && s.instructions.some((i) => i.keyword === 'USER'),
      );
      report({
        at: stage.from,
        span: stage.imageSpan,
        message: `The final stage (FROM ${stage.image.raw}) sets no USER, so the container runs as root${
          earlier
            ? ` (the USER in ${earlier.name ? `stage "${earlier.name}"` : `stage ${earlier.index}`} does not carry over)`
            : ''
        }.`,
        fix: base.scratch
          ? 'add `USER 65532:65532` (scratch has no users; any numeric id works)'
          : 'create a user (e.g. `RUN useradd -r -u 10001 app`) and add `USER app` at the end of the final stage',
      });
      return;
    }
    if (user.runsAs === 'root')
      report({
        at: user.inst,
        message: `The last USER of the final stage is "${user.text}"${
          user.value === user.text ? '' : ` ("${user.value}" once its variables are substituted)`
        }, so the container runs as root.`,
        fix: 'switch to an unprivileged user after the steps that need root, e.g. `USER 10001`',
      });
  },
});

const useraddUid = defineRule({
  id: 'SG-DF-044',
  title: 'useradd with a high UID without -l',
  severity: 'low',
  description: '`useradd` with a large `--uid` and without `-l`/`--no-log-init`.',
  rationale:
    'useradd writes a sparse entry at the UID offset into /var/log/faillog and lastlog; without `-l` a high UID makes the layer gigabytes large (a known Go archive/tar bug makes it worse).',
  fix: [
    'Add `-l` (`--no-log-init`).',
    '',
    '```dockerfile',
    '# before',
    'RUN useradd -u 123456 app',
    '# after',
    'RUN useradd -l -u 123456 app',
    '```',
  ].join('\n'),
  tags: ['dockerfile', 'best-practice', 'size'],
  equivalents: { hadolint: ['DL3046'] },
  hint: 'add `-l` to useradd',
  check({ df, report }) {
    for (const stage of df.stages)
      for (const { inst, cmd } of commands(stage)) {
        if (cmd.base !== 'useradd' || hasFlag(cmd, '-l', '--no-log-init')) continue;
        const uid = flagValue(cmd, '-u', '--uid');
        if (uid && /^\d+$/.test(uid) && Number(uid) > 99999)
          report({
            at: inst,
            span: cmd.span,
            message: `useradd with UID ${uid} and without -l bloats the image with sparse lastlog/faillog files.`,
            key: cmd.text,
          });
      }
  },
});

const chownHome = defineRule({
  id: 'SG-DF-041',
  title: "COPY into a non-root user's home without --chown",
  severity: 'low',
  description:
    'After `USER <name>` (not root), a COPY/ADD writes into `/home/<name>` (or a relative path under a WORKDIR there) without `--chown`, so the files belong to root.',
  rationale:
    'COPY and ADD always create files owned by root unless `--chown` is given, so the application user cannot write its own home (caches, config) and people work around it with `chmod 777` or by running as root.',
  fix: [
    'Give the files to the user that runs the app.',
    '',
    '```dockerfile',
    '# before',
    'USER app',
    'WORKDIR /home/app',
    'COPY . .',
    '# after',
    'USER app',
    'WORKDIR /home/app',
    'COPY --chown=app:app . .',
    '```',
  ].join('\n'),
  tags: ['dockerfile', 'best-practice', 'least-privilege'],
  hint: 'add `--chown=<user>:<group>` to the COPY',
  check({ df, report }) {
    for (const stage of df.stages) {
      let user: string | undefined;
      let workdir = '/';
      for (const inst of stage.instructions) {
        if (inst.keyword === 'USER') user = inst.args[0]?.value.split(':')[0];
        if (inst.keyword === 'WORKDIR') {
          const w = inst.args[0]?.value ?? '';
          workdir = w.startsWith('/') ? w : `${workdir.replace(/\/$/, '')}/${w}`;
        }
        if ((inst.keyword !== 'COPY' && inst.keyword !== 'ADD') || !user || isRootUser(user)) continue;
        if (/^\d+$/.test(user) || user.includes('$')) continue;
        if (inst.flags.some((f) => f.name === 'chown' || f.name === 'chmod')) continue;
        const words = operands(inst);
        const dest = words.at(-1)?.value;
        if (!dest || words.length < 2) continue;
        const abs = dest.startsWith('/') ? dest : `${workdir.replace(/\/$/, '')}/${dest}`;
        const home = `/home/${user}`;
        if (abs === home || abs.startsWith(`${home}/`) || dest.startsWith('~'))
          report({
            at: inst,
            message: `${inst.keyword} into ${abs} (home of USER ${user}) without --chown leaves the files owned by root.`,
            fix: `add \`--chown=${user}:${user}\``,
          });
      }
    }
  },
});

const numericUser = defineRule({
  id: 'SG-DF-063',
  title: 'Final USER is a name, not a numeric id',
  severity: 'info',
  description:
    'The final stage runs as a non-root user given by name (`USER app`) rather than by id (`USER 10001`).',
  rationale:
    'Kubernetes `runAsNonRoot` can only verify a numeric user; with a name the pod is refused unless `runAsUser` is set, and the name may resolve differently on other bases.',
  fix: '```dockerfile\n# before\nUSER app\n# after\nUSER 10001:10001\n```',
  tags: ['dockerfile', 'kubernetes', 'least-privilege'],
  equivalents: { hadolint: ['DL3066'] },
  hint: 'use the numeric uid (and gid)',
  check({ df, report }) {
    const user = effectiveUser(df, finalStage(df));
    const value = user?.args[0]?.value;
    if (!user || !value || value.includes('$') || isRootUser(value)) return;
    if (value.split(':').every((p) => /^\d+$/.test(p))) return;
    report({ at: user, message: `USER ${value} is a name; Kubernetes runAsNonRoot cannot verify it.` });
  },
});

export const userRules = [userNonRoot, useraddUid, chownHome, numericUser];
