/** Checks that need only the image configuration and history (no filesystem). */
import type { Finding, ImageLocation, RuleMeta } from '../core/finding';
import { stableHash } from '../core/hash';
import type { OsInfo } from '../core/package';
import type { Severity } from '../core/severity';
import type { ImageInfo } from '../image/types';
import { addSecret } from '../core/logger';
import { safeText, scanText } from '../secrets/scanner';
import { IMG_RULES } from './rules';

export interface ConfigCheckOptions {
  /** The image OS (from the inventory), for the end-of-life check. */
  os?: OsInfo;
  /** "Now", for the age check (default the current time). */
  now?: Date;
  /** Compressed size above which SG-IMG-007 fires (bytes, default 1 GiB). */
  maxSizeBytes?: number;
  /** Layer count above which SG-IMG-008 fires (default 50). */
  maxLayers?: number;
  /** Age in days above which SG-IMG-010 fires (default 365). */
  maxAgeDays?: number;
  /** Labels SG-IMG-005 requires (default source and revision). */
  requiredLabels?: string[];
}

export function finding(
  rule: RuleMeta,
  message: string,
  identity: string,
  image?: ImageLocation,
  severity: Severity = rule.severity,
  properties?: Record<string, unknown>,
): Finding {
  const f: Finding = {
    ruleId: rule.id,
    kind: 'config',
    severity,
    message,
    fingerprint: stableHash(rule.id, identity),
    // The first sentence of the rule's fix; its example stays in the rule help (SARIF, docs).
    fix: rule.fix.split('\n')[0]!.replace(/:\s*$/, ''),
  };
  if (image && Object.keys(image).length) f.image = image;
  if (properties) f.properties = properties;
  return f;
}

function imageLoc(info: ImageInfo): ImageLocation {
  return { ...(info.ref ? { ref: info.ref } : {}), ...(info.digest ? { digest: info.digest } : {}) };
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

function formatBytes(n: number): string {
  return n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GiB` : `${Math.round(n / 1024 ** 2)} MiB`;
}

/** The layer each history entry made (empty_layer entries make none). */
export function historyLayers(info: ImageInfo): (number | undefined)[] {
  let layer = 0;
  return (info.config.history ?? []).map((h) => (h.empty_layer ? undefined : layer++));
}

/** Config-only checks: user, health check, ports, volumes, labels, remote ADD, size, layers, EOL, age, env. */
export function checkImageConfig(info: ImageInfo, options: ConfigCheckOptions = {}): Finding[] {
  const out: Finding[] = [];
  const cfg = info.config.config ?? {};
  const loc = imageLoc(info);
  const target = info.repository ?? info.ref;

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
        {
          missing,
        },
      ),
    );
  }

  const layersOf = historyLayers(info);
  (info.config.history ?? []).forEach((h, i) => {
    const by = h.created_by ?? '';
    const m = /(?:^|\s|#\(nop\)\s*)ADD\s+(?:--[\w-]+(?:=\S+)?\s+)*((?:https?|ftp):\/\/\S+)/i.exec(by);
    if (!m || /--checksum=/.test(by)) return;
    const li = layersOf[i];
    const layer = li === undefined ? undefined : info.layers[li];
    const createdBy = safeText(by);
    const url = safeText(m[1]!);
    out.push(
      finding(
        IMG_RULES.remoteAdd,
        `The build added ${url} with ADD (step ${i + 1}) without a checksum.`,
        `${target}:${url}`,
        {
          ...loc,
          createdBy,
          ...(layer ? { layerIndex: layer.index, layerDigest: layer.digest } : {}),
        },
      ),
    );
  });

  const maxSize = options.maxSizeBytes ?? 1024 ** 3;
  if (info.size > maxSize) {
    out.push(
      finding(
        IMG_RULES.size,
        `The image is ${formatBytes(info.size)} compressed, over ${formatBytes(maxSize)}.`,
        target,
        loc,
        undefined,
        {
          size: info.size,
        },
      ),
    );
  }
  const maxLayers = options.maxLayers ?? 50;
  if (info.layers.length > maxLayers) {
    out.push(
      finding(
        IMG_RULES.layers,
        `The image has ${info.layers.length} layers, over ${maxLayers}.`,
        target,
        loc,
      ),
    );
  }

  if (options.os?.eol) {
    const os = options.os;
    const name = os.prettyName ?? `${os.id} ${os.versionId ?? ''}`.trim();
    out.push(
      finding(
        IMG_RULES.eol,
        `The base OS ${name} is end of life${os.eolDate ? ` since ${os.eolDate}` : ''}.`,
        `${target}:${os.id}:${os.versionId ?? ''}`,
        loc,
      ),
    );
  }

  if (info.config.created) {
    const created = Date.parse(info.config.created);
    const now = (options.now ?? new Date()).getTime();
    const days = Math.floor((now - created) / 86_400_000);
    const maxAge = options.maxAgeDays ?? 365;
    if (Number.isFinite(created) && created > 0 && days > maxAge) {
      out.push(
        finding(
          IMG_RULES.age,
          `The image was built ${days} days ago (${info.config.created.slice(0, 10)}), over ${maxAge} days.`,
          target,
          loc,
        ),
      );
    }
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
