/** Builders for findings and scan results used by the policy tests. */
import type { Finding } from '../../../src/core/finding';
import type { DockerfileTarget, ScanResult } from '../../../src/core/result';
import type { Severity } from '../../../src/core/severity';
import { stableHash } from '../../../src/core/hash';
import { isRootUser } from '../../../src/core/user';

export function vuln(
  id: string,
  severity: Severity,
  opts: { pkg?: string; fixable?: boolean; aliases?: string[]; imagePath?: string; ref?: string } = {},
): Finding {
  const pkg = opts.pkg ?? 'openssl';
  const fixable = opts.fixable ?? true;
  return {
    ruleId: id,
    kind: 'vulnerability',
    severity,
    message: `${id} in ${pkg}`,
    fingerprint: stableHash('vuln', id, pkg, opts.imagePath),
    fixable,
    image: {
      ref: opts.ref ?? 'ghcr.io/acme/app:1.0',
      path: opts.imagePath ?? '/var/lib/dpkg/status',
      layerIndex: 0,
    },
    vulnerability: {
      id,
      aliases: opts.aliases ?? [],
      packageName: pkg,
      packageVersion: '1.0',
      ecosystem: 'Debian:12',
      purl: `pkg:deb/debian/${pkg}@1.0`,
      fixedVersions: fixable ? ['1.1'] : [],
      fixState: fixable ? 'fixed' : 'unfixed',
      references: [],
    },
  };
}

export function lint(ruleId: string, severity: Severity, path = 'Dockerfile', line = 1): Finding {
  return {
    ruleId,
    kind: 'dockerfile',
    severity,
    message: `${ruleId} at line ${line}`,
    location: { path, startLine: line },
    fingerprint: stableHash('df', ruleId, path, line),
  };
}

export function secret(ruleId: string, layerIndex: number, path: string): Finding {
  return {
    ruleId,
    kind: 'secret',
    severity: 'critical',
    message: `secret in ${path}`,
    image: { ref: 'ghcr.io/acme/app:1.0', layerIndex, path },
    fingerprint: stableHash('sec', ruleId, path, layerIndex),
  };
}

export function result(findings: Finding[], dockerfiles: DockerfileTarget[] = []): ScanResult {
  return {
    tool: { name: 'shipgate', version: '0.0.0' },
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: '2026-01-01T00:00:01Z',
    dockerfiles,
    packages: [],
    findings,
    rules: [],
    warnings: [],
  };
}

/** A DockerfileTarget built from Dockerfile text with a minimal line scanner (FROM/USER only). */
export function target(path: string, text: string): DockerfileTarget {
  const stages: DockerfileTarget['stages'] = [];
  const instructions: DockerfileTarget['instructions'] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    const m = /^(\w+)\s+(.*)$/.exec(line);
    if (!m || line.startsWith('#')) return;
    const keyword = m[1]!.toUpperCase();
    const rest = m[2]!;
    if (keyword === 'FROM') {
      const words = rest.split(/\s+/).filter((w) => !w.startsWith('--'));
      const as = words.findIndex((w) => w.toLowerCase() === 'as');
      stages.push({ baseImage: words[0]!, line: i + 1, ...(as > 0 ? { name: words[as + 1] } : {}) });
    }
    instructions.push({
      line: i + 1,
      endLine: i + 1,
      keyword,
      text: `${keyword} ${rest}`,
      stage: stages.length - 1,
    });
  });
  const last = instructions.filter((i) => i.keyword === 'USER' && i.stage === stages.length - 1).at(-1);
  const user = last?.text.replace(/^USER\s+/, '').replace(/^["']|["']$/g, '');
  const finalUser: DockerfileTarget['finalUser'] =
    last && user !== undefined
      ? {
          line: last.line,
          text: user,
          value: user,
          runsAs: user.includes('$') ? 'unknown' : isRootUser(user) ? 'root' : 'non-root',
        }
      : null;
  return { path, stages, instructions, finalUser, pulledImages: [] };
}
