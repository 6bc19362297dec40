/** Checks of the image configuration JSON: user, health check, ports, volumes, labels, credentials in Env. */
import type { Finding } from '../../core/finding';
import { addSecret } from '../../core/logger';
import type { AnalyzerModule, ImageInfo } from '../../image/types';
import { scanText } from '../../secrets/scanner';
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

function isRoot(user: string | undefined): boolean {
  const u = (user ?? '').trim();
  if (u === '') return true;
  const name = u.split(':')[0]!;
  return name === 'root' || name === '0';
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

  for (const env of cfg.Env ?? []) {
    const eq = env.indexOf('=');
    if (eq <= 0) continue;
    const name = env.slice(0, eq);
    const value = env.slice(eq + 1);
    if (!value || !CREDENTIAL_NAME.test(name) || CREDENTIAL_NAME_OK.test(name)) continue;
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
  return out;
}

export const imageConfigAnalyzer: AnalyzerModule = {
  version: 1,
  rules: [
    IMG_RULES.root,
    IMG_RULES.healthcheck,
    IMG_RULES.privilegedPort,
    IMG_RULES.sensitiveVolume,
    IMG_RULES.ociLabels,
    IMG_RULES.credentialEnv,
  ],
  create: () => [configOnlyAnalyzer('image-config', (info) => checkConfig(info))],
};
