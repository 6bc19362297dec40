/** Checks of the image configuration JSON (user, health check, ports, volumes, labels, credentials in Env) and of the reference it was scanned by. */
import type { Finding } from '../../core/finding';
import { addSecret } from '../../core/logger';
import { isRootUser } from '../../core/user';
import type { AnalyzerModule, ImageInfo } from '../../image/types';
import { parseImageRef, splitReference } from '../../oci/ref';
import { safeText, scanText } from '../../secrets/scanner';
import { configOnlyAnalyzer, finding, imageLoc, targetName } from '../common';
import { IMG_RULES } from '../rules';

export interface ImageConfigOptions {
  /** Labels SG-IMG-005 requires (default source and revision). */
  requiredLabels?: string[];
}

const SENSITIVE_VOLUMES = new Set([
  '/',
  '/etc',
  '/proc',
  '/sys',
  '/dev',
  '/boot',
  '/root',
  '/run',
  '/var/run',
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/lib/docker',
  '/var/lib/kubelet',
  '/usr',
  '/bin',
  '/sbin',
  '/lib',
  '/lib64',
]);

const CREDENTIAL_NAME =
  /(?:PASS(?:WORD|WD)?|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?)(?:_|$)/i;
const CREDENTIAL_NAME_OK = /^(?:GPG_KEYS?|.*_(?:FILE|PATH|DIR|URL|HOST|PORT|USER|USERNAME|NAME|ID))$/i;

/**
 * The tag a registry or daemon reference resolves through, `latest` when it names none; undefined for a digest,
 * an image id, or a source whose tag is a file name (archives, layouts).
 */
export function scannedTag(ref: string): string | undefined {
  const parsed = parseImageRef(ref);
  if (parsed.transport === 'registry') return parsed.digest ? undefined : (parsed.tag ?? 'latest');
  if (parsed.transport !== 'docker-daemon' || /^(?:sha256:)?[0-9a-f]{12,64}$/.test(parsed.name))
    return undefined;
  const { tag, digest } = splitReference(parsed.name);
  return digest ? undefined : (tag ?? 'latest');
}

/** Shell words of a history line: quotes removed, backslash escapes kept literal. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      let text = '';
      while (j < line.length && line[j] !== c) {
        if (c === '"' && line[j] === '\\' && j + 1 < line.length) j++;
        text += line[j];
        j++;
      }
      word = (word ?? '') + text;
      i = j;
    } else if (c === '\\' && i + 1 < line.length) word = (word ?? '') + line[++i];
    else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}

/**
 * `NAME=value` assignments a history line keeps in the image's history: BuildKit's `|2 NAME=value` build
 * arguments and variables set for one RUN. ENV lines are left to the Env check (the config holds their value).
 */
function historyAssignments(createdBy: string): { name: string; value: string }[] {
  if (/#\(nop\)\s+ENV\s/.test(createdBy) || /^\s*ENV\s/.test(createdBy)) return [];
  const out: { name: string; value: string }[] = [];
  for (const w of shellWords(createdBy)) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/s.exec(w);
    // A variable or command substitution holds no secret itself; nor does a build-time placeholder
    // (`SECRET_KEY=dummy`, `SECRET_KEY_BASE_DUMMY=1`, which frameworks need to precompile assets).
    if (m && !/^\$/.test(m[2]!) && m[2]!.length >= 4 && !/dummy/i.test(w))
      out.push({ name: m[1]!, value: m[2]! });
  }
  return out;
}

const isCredentialName = (name: string) => CREDENTIAL_NAME.test(name) && !CREDENTIAL_NAME_OK.test(name);

/** An image without a user runs as root. */
function isRoot(user: string | undefined): boolean {
  const u = (user ?? '').trim();
  return u === '' || isRootUser(u);
}

export function checkConfig(info: ImageInfo, options: ImageConfigOptions = {}): Finding[] {
  const out: Finding[] = [];
  const cfg = info.config.config ?? {};
  const loc = imageLoc(info);
  const target = targetName(info);

  if (isRoot(cfg.User)) {
    const how = cfg.User ? `User is "${cfg.User}"` : 'no User is set';
    out.push(finding(IMG_RULES.root, `The image runs as root: ${how}.`, target, loc));
  }

  const test = cfg.Healthcheck?.Test;
  if (!test || test.length === 0 || test[0] === 'NONE') {
    const why = test?.[0] === 'NONE' ? 'the health check is disabled (NONE)' : 'no HEALTHCHECK is set';
    out.push(finding(IMG_RULES.healthcheck, `The image has no health check: ${why}.`, target, loc));
  }

  for (const port of Object.keys(cfg.ExposedPorts ?? {})) {
    const n = Number(port.split('/')[0]);
    if (Number.isInteger(n) && n > 0 && n < 1024) {
      const extra = n === 22 ? ' (SSH inside a container)' : '';
      out.push(
        finding(
          IMG_RULES.privilegedPort,
          `The image exposes privileged port ${port}${extra}.`,
          `${target}:${port}`,
          loc,
        ),
      );
    }
  }

  for (const vol of Object.keys(cfg.Volumes ?? {})) {
    const clean = vol.replace(/\/+$/, '') || '/';
    if (SENSITIVE_VOLUMES.has(clean)) {
      out.push(
        finding(
          IMG_RULES.sensitiveVolume,
          `The image declares the sensitive path ${clean} as a volume.`,
          `${target}:${clean}`,
          loc,
        ),
      );
    }
  }

  const labels = cfg.Labels ?? {};
  const required = options.requiredLabels ?? [
    'org.opencontainers.image.source',
    'org.opencontainers.image.revision',
  ];
  const missing = required.filter((l) => !labels[l]);
  if (missing.length) {
    out.push(
      finding(
        IMG_RULES.ociLabels,
        `The image has no ${missing.join(' or ')} label.`,
        `${target}:${missing.join(',')}`,
        loc,
        undefined,
        { missing },
      ),
    );
  }

  if (scannedTag(info.ref) === 'latest') {
    out.push(
      finding(
        IMG_RULES.latestTag,
        `The image was scanned as ${info.ref}, by the latest tag, which moves.`,
        `${target}:latest`,
        loc,
      ),
    );
  }

  for (const env of cfg.Env ?? []) {
    const eq = env.indexOf('=');
    if (eq <= 0) continue;
    const name = env.slice(0, eq);
    const value = env.slice(eq + 1);
    if (!value || !isCredentialName(name)) continue;
    // Values a secret rule recognises are reported by the secrets scanner (SG-SEC); this covers the rest.
    addSecret(value);
    if (scanText(env, { kind: 'env', path: name }).length > 0) continue;
    out.push(
      finding(
        IMG_RULES.credentialEnv,
        `The environment variable ${name} looks like a credential and is set in the image.`,
        `${target}:${name}`,
        loc,
      ),
    );
  }
  const reported = new Set<string>();
  (info.config.history ?? []).forEach((h, i) => {
    for (const { name, value } of historyAssignments(h.created_by ?? '')) {
      if (!isCredentialName(name) || reported.has(name)) continue;
      addSecret(value);
      if (scanText(`${name}=${value}`, { kind: 'history', path: String(i) }).length > 0) continue;
      reported.add(name);
      out.push(
        finding(
          IMG_RULES.credentialEnv,
          `The build history (step ${i + 1}) keeps a value of ${name}, which looks like a credential.`,
          `${target}:history:${name}`,
          { ...loc, createdBy: safeText(h.created_by ?? '') },
        ),
      );
    }
  });
  return out;
}

export const imageConfigAnalyzer: AnalyzerModule = {
  version: 2,
  rules: [
    IMG_RULES.root,
    IMG_RULES.healthcheck,
    IMG_RULES.privilegedPort,
    IMG_RULES.sensitiveVolume,
    IMG_RULES.ociLabels,
    IMG_RULES.credentialEnv,
    IMG_RULES.latestTag,
  ],
  create: () => [configOnlyAnalyzer('image-config', (info) => checkConfig(info))],
};
