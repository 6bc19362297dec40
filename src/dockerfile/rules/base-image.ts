import { globMatch } from '../../core/glob';
import { familiarName } from '../../oci/ref';
import { defineRule } from '../rule';
import type { ImageRef, Instruction, ParsedDockerfile, Span, Stage } from '../types';
import { commands, finalStage, imageMatches, operands, pulledImages, rootImage, subcommand } from './helpers';

/** Stages whose FROM names an external image (not scratch, not another stage). */
function externalStages(df: ParsedDockerfile, ignore: readonly string[] = []): Stage[] {
  return df.stages.filter(
    (s) => s.baseStage === undefined && !s.image.scratch && !imageMatches(s.image, ignore),
  );
}

function show(ref: ImageRef): string {
  return ref.raw === ref.resolved ? ref.raw : `${ref.raw} (${ref.resolved})`;
}

/** Whether an image is a minimal runtime base (the default allow-list). */
export function isMinimalBase(ref: ImageRef, extra: readonly string[] = []): boolean {
  if (ref.scratch) return true;
  if (imageMatches(ref, extra)) return true;
  const repo = ref.repository;
  const name = repo.split('/').at(-1) ?? repo;
  const tag = (ref.tag ?? '').toLowerCase();
  if (ref.registry === 'gcr.io' && repo.startsWith('distroless/')) return true;
  if (ref.registry === 'cgr.dev' || repo.startsWith('chainguard/')) return true;
  if (/distroless|chiseled/.test(repo) || /distroless|chiseled/.test(tag)) return true;
  if (['alpine', 'busybox', 'wolfi-base', 'static'].includes(name)) return true;
  if (/^ubi\d*-(minimal|micro)$|^ubi-(minimal|micro)$/.test(name)) return true;
  if (/(^|[-.])(alpine|slim|minimal|micro)([-.\d]|$)/.test(tag)) return true;
  return false;
}

const latestTag = defineRule({
  id: 'SG-DF-005',
  title: 'Base image uses :latest or no tag',
  severity: 'medium',
  description:
    'A FROM names an image with the `latest` tag, or with no tag and no digest (which means `latest`), also when only its registry or path comes from a variable (`${REGISTRY}/ubuntu`).',
  rationale:
    '`latest` moves: the same Dockerfile builds a different image tomorrow, builds are not reproducible, and a breaking or compromised upstream release flows in unnoticed.',
  fix: [
    'Name an explicit version (and ideally pin the digest, see SG-DF-004).',
    '',
    '```dockerfile',
    '# before',
    'FROM node',
    '# after',
    'FROM node:20.11-bookworm-slim',
    '```',
  ].join('\n'),
  tags: ['security', 'dockerfile', 'supply-chain', 'reproducibility'],
  equivalents: {
    hadolint: ['DL3006', 'DL3007'],
    checkov: ['CKV_DOCKER_7'],
    dockle: ['DKL-DI-0006'],
  },
  related: {
    checks: { trivy: ['DS-0001', 'AVD-DS-0001'] },
    differs:
      "Trivy DS001 also flags a FROM whose tag or whole reference comes from a variable (`golang@${VERSION}`, `$BASE_IMAGE`, a stage picked by `binaries-$TARGETOS`), and substitutes a stage's ARG into a later FROM, which Docker does not; SG-DF-005 does not guess what a variable holds beyond a registry or path prefix",
  },
  hint: 'use an explicit version tag',
  check({ df, options, report }) {
    for (const s of externalStages(df, options.ignoreImages)) {
      if (s.image.unresolved) {
        // `${REGISTRY}/ubuntu`: whatever the variables hold, the last path segment has no tag.
        const last = s.image.resolved.split('/').at(-1) ?? '';
        if (s.image.resolved.includes('/') && !/[$:@]/.test(last))
          report({
            at: s.from,
            span: s.imageSpan,
            message: `Base image ${s.image.resolved} has no tag, so it means :latest and changes without notice.`,
            fix: `use an explicit version, e.g. \`FROM ${s.image.resolved}:<version>\``,
          });
        continue;
      }
      if (s.image.digest) continue;
      if (s.image.tag === undefined)
        report({
          at: s.from,
          span: s.imageSpan,
          message: `Base image ${show(s.image)} has no tag, so it means :latest and changes without notice.`,
          fix: `use an explicit version, e.g. \`FROM ${familiarName(s.image)}:<version>\``,
        });
      else if (s.image.tag.toLowerCase() === 'latest')
        report({
          at: s.from,
          span: s.imageSpan,
          message: `Base image ${show(s.image)} uses the moving :latest tag.`,
          fix: `replace :latest with a version tag, e.g. \`FROM ${familiarName(s.image)}:<version>\``,
        });
    }
  },
});

const digestPin = defineRule({
  id: 'SG-DF-004',
  title: 'Base image not pinned by digest',
  severity: 'medium',
  description: 'A FROM names an external image by tag only, without `@sha256:` digest.',
  rationale:
    'Tags are mutable: a registry (or an attacker with push access) can point the same tag at different content. A digest names exactly the bytes you reviewed and scanned; tools like Renovate or Dependabot keep digests current.',
  fix: [
    'Append the digest of the tag you use (`docker buildx imagetools inspect node:20-slim` prints it); keep the tag for readability.',
    '',
    '```dockerfile',
    '# before',
    'FROM node:20-slim',
    '# after',
    'FROM node:20-slim@sha256:<digest>',
    '```',
  ].join('\n'),
  tags: ['security', 'dockerfile', 'supply-chain', 'reproducibility'],
  hint: 'pin the base image by digest: `FROM image:tag@sha256:<digest>`',
  check({ df, options, report }) {
    for (const s of externalStages(df, options.ignoreImages)) {
      if (s.image.digest) continue;
      if (s.image.unresolved && s.image.resolved.includes('@')) continue;
      if (s.image.unresolved && /\$\{?[A-Za-z_]*(DIGEST|SHA)/i.test(s.image.raw)) continue;
      report({
        at: s.from,
        span: s.imageSpan,
        message: `Base image ${show(s.image)}${s.isFinal ? '' : ` (stage ${s.name ?? s.index})`} is not pinned by digest.`,
        fix: `pin it: \`FROM ${s.image.resolved}@sha256:<digest>\``,
      });
    }
  },
});

const minimalBase = defineRule({
  id: 'SG-DF-003',
  title: 'Final stage uses a non-minimal base image',
  severity: 'medium',
  description:
    'The final stage builds on a full distribution image instead of a minimal one (scratch, distroless, Chainguard/Wolfi, Alpine, `-slim`, `-minimal`, UBI micro/minimal, busybox, or a configured pattern).',
  rationale:
    'Every package in the runtime image is attack surface and vulnerability noise: full images carry shells, compilers, package managers and hundreds of libraries the application never uses. Minimal bases have a fraction of the CVEs.',
  fix: [
    'Build in a full image and copy the result into a minimal runtime stage.',
    '',
    '```dockerfile',
    '# before',
    'FROM python:3.12',
    'COPY . /app',
    '# after',
    'FROM python:3.12-slim',
    'COPY . /app',
    '```',
    '',
    'Add your own hardened bases to `minimalBases` in shipgate.yaml.',
  ].join('\n'),
  tags: ['security', 'dockerfile', 'attack-surface'],
  hint: 'use a minimal runtime base (distroless, -slim, alpine, chainguard) for the final stage',
  check({ df, options, report }) {
    const stage = finalStage(df);
    const base = rootImage(df, stage);
    if (base.unresolved || isMinimalBase(base, options.minimalBases)) return;
    if (imageMatches(base, options.ignoreImages ?? [])) return;
    const baseStage = df.stages.find((s) => s.image === base) ?? stage;
    report({
      at: baseStage.from,
      span: baseStage.imageSpan,
      message: `The final image builds on ${show(base)}, a full distribution image; a minimal base has far fewer packages and CVEs.`,
      fix: `use a slim or distroless variant (e.g. \`${familiarName(base)}:<version>-slim\`) or copy the build output into a distroless stage`,
    });
  },
});

const allowedRegistry = defineRule({
  id: 'SG-DF-053',
  title: 'Base image from a registry that is not allowed',
  severity: 'high',
  description:
    'A FROM, `COPY --from` or `RUN --mount=from=` names an image from a registry outside the configured `allowedRegistries` (or hadolint `trustedRegistries`).',
  rationale:
    'Organisations mirror and vet base images in trusted registries; pulling from elsewhere bypasses that review and is a common supply-chain entry point.',
  fix: [
    'Use the mirrored copy from an allowed registry.',
    '',
    '```dockerfile',
    '# before',
    'FROM quay.io/someone/tool:1.2',
    '# after',
    'FROM registry.example.com/mirror/tool:1.2',
    '```',
  ].join('\n'),
  tags: ['security', 'dockerfile', 'supply-chain'],
  equivalents: { hadolint: ['DL3026'] },
  hint: 'use a base image from an allowed registry',
  check({ df, options, report }) {
    const allowed = options.allowedRegistries;
    if (!allowed || allowed.length === 0) return;
    const check = (image: ImageRef, at: Instruction, span: Span, what: string) => {
      if (image.unresolved || image.scratch || imageMatches(image, options.ignoreImages ?? [])) return;
      const full = `${image.registry}/${image.repository}`;
      const ok = allowed.some((a) => {
        const e = a.toLowerCase().replace(/\/+$/, '');
        const entry = e === 'hub.docker.com' || e === 'index.docker.io' ? 'docker.io' : e;
        return (
          globMatch(entry, image.registry, 'wildcard') ||
          full.startsWith(`${entry}/`) ||
          globMatch(entry, full, 'wildcard')
        );
      });
      if (!ok)
        report({
          at,
          span,
          key: `${what} ${image.raw}`,
          message: `${what} ${show(image)} comes from ${image.registry}, which is not an allowed registry (${allowed.join(', ')}).`,
        });
    };
    for (const s of externalStages(df, options.ignoreImages))
      check(s.image, s.from, s.imageSpan, 'Base image');
    for (const p of pulledImages(df)) check(p.image, p.inst, p.span, 'Image');
  },
});

/** Build toolchains: base images and packages that compile code. */
const TOOLCHAIN_IMAGES =
  /^(golang|rust|maven|gradle|gcc|openjdk|eclipse-temurin|amazoncorretto|sbt|clojure|haskell|swift|buildpack-deps|dotnet\/sdk|dotnet\/core\/sdk)$/;
const BUILD_PACKAGES =
  /^(build-essential|gcc|g\+\+|gcc-c\+\+|make|cmake|clang|llvm|autoconf|automake|libtool|golang|golang-go|go|rustc|cargo|maven|gradle|openjdk-\d+-jdk(-headless)?|java-\d+-openjdk-devel|default-jdk|musl-dev|alpine-sdk|[a-z0-9.+-]+-dev|[a-z0-9.+-]+-devel)(=.*)?$/;
const BUILD_COMMANDS: Record<string, string[] | true> = {
  go: ['build', 'install'],
  cargo: ['build', 'install'],
  mvn: true,
  mvnw: true,
  gradle: true,
  gradlew: true,
  javac: true,
  gcc: true,
  'g++': true,
  make: true,
  cmake: true,
  dotnet: ['build', 'publish'],
  tsc: true,
};

const REMOVES: Record<string, string[]> = {
  apk: ['del'],
  'apt-get': ['purge', 'remove', 'autoremove'],
  apt: ['purge', 'remove', 'autoremove'],
  yum: ['remove', 'erase', 'autoremove'],
  dnf: ['remove', 'erase', 'autoremove'],
  microdnf: ['remove'],
  zypper: ['remove', 'rm'],
};

function isToolchainImage(ref: ImageRef): boolean {
  const name = ref.repository.replace(/^library\//, '').replace(/^(mcr\.microsoft\.com\/)?/, '');
  if (TOOLCHAIN_IMAGES.test(name) || TOOLCHAIN_IMAGES.test(name.split('/').slice(-2).join('/'))) {
    if (/^(openjdk|eclipse-temurin|amazoncorretto)$/.test(name.split('/').at(-1) ?? ''))
      return !/jre/.test(ref.tag ?? '');
    return true;
  }
  return false;
}

const singleStageBuildTools = defineRule({
  id: 'SG-DF-002',
  title: 'Build tools shipped in the final image (use a multi-stage build)',
  severity: 'medium',
  description:
    'A single-stage build compiles or installs build toolchains (a compiler/SDK base image, build-essential, gcc, *-dev packages, `go build`, `mvn package`, `npm run build`) in the image that is shipped.',
  rationale:
    'Compilers, SDKs, headers and package caches are not needed at run time; they multiply the image size and the vulnerability count, and give an attacker tools to build exploits inside the container.',
  fix: [
    'Build in one stage, copy only the result into a minimal runtime stage.',
    '',
    '```dockerfile',
    '# before',
    'FROM golang:1.22',
    'COPY . .',
    'RUN go build -o /app .',
    'CMD ["/app"]',
    '',
    '# after',
    'FROM golang:1.22 AS build',
    'COPY . .',
    'RUN CGO_ENABLED=0 go build -o /app .',
    'FROM gcr.io/distroless/static-debian12:nonroot',
    'COPY --from=build /app /app',
    'CMD ["/app"]',
    '```',
  ].join('\n'),
  tags: ['security', 'dockerfile', 'multistage', 'attack-surface'],
  hint: 'split the Dockerfile into a build stage and a minimal runtime stage',
  check({ df, report }) {
    const stage = finalStage(df);
    if (df.stages.some((s) => s.copiedFrom)) return;
    if (df.stages.length > 1 && stage.baseStage === undefined) return;
    const base = rootImage(df, stage);
    const evidence: string[] = [];
    if (!base.unresolved && isToolchainImage(base))
      evidence.push(`the ${familiarName(base)} toolchain image`);
    // A RUN that removes the packages it installed (`apk del .build-deps`, `apt-get purge --auto-remove`)
    // leaves no toolchain behind; its build steps are not evidence.
    const cleaned = new Set(
      commands(stage)
        .filter(({ cmd }) => REMOVES[cmd.base]?.includes(subcommand(cmd) ?? '') ?? false)
        .map(({ inst }) => inst),
    );
    for (const { inst, cmd } of commands(stage)) {
      if (cleaned.has(inst)) continue;
      const sub = subcommand(cmd);
      if (
        ['apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf', 'zypper'].includes(cmd.base) &&
        (sub === 'install' || sub === 'add')
      ) {
        const pkgs = operands(cmd)
          .slice(1)
          .map((w) => w.value)
          .filter((p) => BUILD_PACKAGES.test(p));
        if (pkgs.length) evidence.push(`build packages (${pkgs.slice(0, 3).join(', ')})`);
      }
      const b = BUILD_COMMANDS[cmd.base];
      if (b === true || (b && sub && b.includes(sub)))
        evidence.push(`\`${cmd.base}${b === true ? '' : ` ${sub}`}\``);
      if (['npm', 'yarn', 'pnpm'].includes(cmd.base) && (sub === 'run' || sub === 'build')) {
        const script = operands(cmd)[sub === 'run' ? 1 : 0]?.value ?? sub;
        if (/build|compile/.test(script))
          evidence.push(`\`${cmd.base} ${sub === 'run' ? `run ${script}` : sub}\``);
      }
    }
    if (evidence.length === 0) return;
    const uniq = [...new Set(evidence)];
    report({
      at: stage.from,
      span: stage.imageSpan,
      message: `Single-stage build ships its build tools in the final image: ${uniq.slice(0, 3).join('; ')}.`,
    });
  },
});

export const baseImageRules = [singleStageBuildTools, minimalBase, digestPin, latestTag, allowedRegistry];
