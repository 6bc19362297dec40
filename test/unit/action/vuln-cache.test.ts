/**
 * The action keeps the OSV data in GitHub's cache: the action runs from the sources with the real pipeline on
 * an image written here, against a stand-in of the cache service (twirp + blob, as @actions/cache talks to it)
 * and the local OSV bucket stand-in, which counts requests. Every run starts with an empty cache folder, as
 * on a hosted runner.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { cacheKey, cacheKeyPrefix } from '../../../src/action/vuln-cache';
import { runSourceAction } from '../../support/action-source';
import { FakeActionsCache } from '../../support/fake-actions-cache';
import { FakeOsv, fixtureRecords } from '../../support/fake-osv';
import { dpkgEntry, writeOciLayout } from '../../support/oci-layout-writer';

const root = mkdtempSync(join(tmpdir(), 'sg-action-cache-'));
const ws = join(root, 'ws');
const image = join(root, 'image');
const cacheRoot = join(root, 'home', '.cache', 'shipgate');
const DAY = 24 * 3_600_000;
const T0 = Date.parse('2026-11-02T08:00:00Z');
let osv: FakeOsv;
let service: FakeActionsCache;
const saved: NodeJS.ProcessEnv = { ...process.env };

beforeAll(async () => {
  mkdirSync(ws, { recursive: true });
  mkdirSync(join(root, 'temp'), { recursive: true });
  await writeOciLayout(image, 'app', {
    '/etc/os-release':
      'ID=debian\nVERSION_ID="9"\nVERSION_CODENAME=stretch\nPRETTY_NAME="Debian GNU/Linux 9 (stretch)"\n',
    '/var/lib/dpkg/status':
      dpkgEntry('libssl1.1', '1.1.0l-1~deb9u5', 'openssl') + dpkgEntry('libxml2', '2.9.4+dfsg1-2.2+deb9u6'),
  });
  osv = new FakeOsv();
  await osv.start();
  osv.listings = true;
  osv.setArchive('Debian', fixtureRecords('Debian'));
  service = new FakeActionsCache();
  await service.start();
});
afterAll(async () => {
  await osv.stop();
  await service.stop();
  rmSync(root, { recursive: true, force: true });
});
beforeEach(() => {
  Object.assign(process.env, service.env(), {
    RUNNER_TEMP: join(root, 'temp'),
    RUNNER_OS: 'Linux',
    GITHUB_WORKSPACE: ws,
    GITHUB_OUTPUT: join(ws, 'outputs'),
    SHIPGATE_CACHE_DIR: cacheRoot,
    SHIPGATE_OSV_URL: osv.url,
  });
  writeFileSync(join(ws, 'outputs'), '');
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  process.env = { ...saved };
  process.exitCode = 0;
});

/** One job on a fresh runner at `at`: empty cache folder, the action run from the sources. */
async function job(
  at: number,
  inputs: Record<string, string> = {},
): Promise<{ log: string; findings: string[]; report: Report }> {
  vi.setSystemTime(at);
  rmSync(cacheRoot, { recursive: true, force: true });
  osv.requests.length = 0;
  service.calls.length = 0;
  const { code, log } = await runSourceAction(
    {
      ...process.env,
      INPUT_IMAGE: `oci:${image}:app`,
      INPUT_SCANNERS: 'vuln',
      'INPUT_UPLOAD-SARIF': 'false',
      INPUT_SUMMARY: 'false',
      INPUT_ANNOTATIONS: 'false',
    },
    inputs,
  );
  expect(code, log).toBe(1);
  const report = JSON.parse(readFileSync(join(ws, 'shipgate.json'), 'utf8')) as Report;
  return { log, findings: report.findings.map((f) => f.ruleId).sort(), report };
}

interface Report {
  findings: { ruleId: string }[];
  decision: { reasons: { code: string; message: string }[] };
  exploitData: { epss?: { date: string }; kev?: { version?: string }; errors: Record<string, string> } | null;
}

const osvPaths = () => osv.requests.map((r) => r.path);
const EXPLOIT = join(import.meta.dirname, '..', '..', 'fixtures', 'exploit');

describe('action input cache', () => {
  it('saves on the first run, restores on the next, and refreshes a day-old copy with one small request', async () => {
    const first = await job(T0);
    expect(first.findings).toEqual(expect.arrayContaining(['CVE-2022-1292', 'CVE-2022-29824']));
    expect(osvPaths()).toEqual(['/Debian/all.zip']);
    const key = cacheKey(['Debian'], 'Linux', new Date(T0));
    expect(key).toMatch(/^shipgate-osv-Linux-[0-9a-f]{16}-2026-11-02$/);
    expect(service.calls).toEqual([
      'GetCacheEntryDownloadURL',
      'CreateCacheEntry',
      'PUT blob',
      'FinalizeCacheEntryUpload',
    ]);
    expect(service.entries.map((e) => [e.key, e.finalized])).toEqual([[key, true]]);
    expect(first.log).toContain(`vulnerability data saved to the cache (${key})`);

    // Same day, new runner: restored, fresh, nothing asked of OSV, nothing saved.
    const second = await job(T0 + 3_600_000);
    expect(second.findings).toEqual(first.findings);
    expect(osvPaths()).toEqual([]);
    expect(service.calls).toEqual(['GetCacheEntryDownloadURL', 'GET blob']);
    expect(second.log).toContain(`vulnerability data restored from the cache (${key})`);

    // Next day: yesterday's entry by restore key, one small listing read, saved under today's key.
    const third = await job(T0 + DAY);
    expect(third.findings).toEqual(first.findings);
    expect(osvPaths()).toEqual(['/Debian/modified_id.csv']);
    const nextKey = cacheKey(['Debian'], 'Linux', new Date(T0 + DAY));
    expect(third.log).toContain(`Cache hit for restore-key: ${key}`);
    expect(service.calls).toEqual([
      'GetCacheEntryDownloadURL',
      'GET blob',
      'CreateCacheEntry',
      'PUT blob',
      'FinalizeCacheEntryUpload',
    ]);
    expect(service.entries.map((e) => e.key)).toEqual([key, nextKey]);
    expect(nextKey.startsWith(cacheKeyPrefix(['Debian'], 'Linux'))).toBe(true);

    // And later that day: today's entry, no request at all.
    await job(T0 + DAY + 3_600_000);
    expect(osvPaths()).toEqual([]);
    expect(service.calls).toEqual(['GetCacheEntryDownloadURL', 'GET blob']);
  }, 60_000);

  it('a cache service that refuses only warns: the data is downloaded and the scan decides as always', async () => {
    service.failing.set('GetCacheEntryDownloadURL', 429);
    service.failing.set('CreateCacheEntry', 429);
    try {
      const { log, findings } = await job(T0 + 5 * DAY);
      expect(findings).toEqual(expect.arrayContaining(['CVE-2022-1292']));
      expect(log).toMatch(/::warning::Failed to restore: .*Rate limited/);
      expect(osvPaths()).toEqual(['/Debian/all.zip']);
    } finally {
      service.failing.clear();
    }
  }, 60_000);

  it('cache: false leaves the cache service alone', async () => {
    const before = service.entries.length;
    await job(T0 + 7 * DAY, { cache: 'false' });
    expect(service.calls).toEqual([]);
    expect(service.entries.length).toBe(before);
    expect(osvPaths()).toEqual(['/Debian/all.zip']);
  }, 60_000);

  it('without the data a refused cache never approves: the scan fails on the missing data', async () => {
    service.failing.set('GetCacheEntryDownloadURL', 429);
    osv.failures = [{ path: '/Debian', status: 404, times: Infinity }];
    // No API fallback: the failure must come from the missing archive.
    process.env.SHIPGATE_OSV_MODE = 'database';
    try {
      vi.setSystemTime(T0 + 9 * DAY);
      rmSync(cacheRoot, { recursive: true, force: true });
      const { code, log } = await runSourceAction(
        {
          ...process.env,
          INPUT_IMAGE: `oci:${image}:app`,
          INPUT_SCANNERS: 'vuln',
          'INPUT_UPLOAD-SARIF': 'false',
          INPUT_SUMMARY: 'false',
          INPUT_ANNOTATIONS: 'false',
        },
        {},
      );
      expect(code).not.toBe(0);
      expect(log).toMatch(/::error::.*cannot get OSV Debian data: HTTP 404/);
    } finally {
      service.failing.clear();
      osv.failures = [];
    }
  }, 60_000);

  it('with EPSS / KEV in the policy: loaded into the same cache entry, and a missing catalogue refuses', async () => {
    writeFileSync(
      join(ws, 'exploit.yaml'),
      `version: 1\nvulnerabilities:\n  kev: block\n  epss-file: ${join(EXPLOIT, 'epss_scores-2026-09-29.csv.gz')}\n`,
    );
    // The bucket stand-in has no KEV catalogue: 404.
    process.env.SHIPGATE_KEV_URL = `${osv.url}/kev/known_exploited_vulnerabilities.json`;
    const { report } = await job(T0 + 11 * DAY, { config: 'exploit.yaml' });
    expect(report.exploitData?.epss?.date).toBe('2026-09-29');
    expect(report.exploitData?.errors.kev).toMatch(/HTTP 404/);
    expect(report.decision.reasons.find((r) => r.code === 'exploit-data-missing')?.message).toMatch(
      /^CISA's KEV catalogue could not be loaded \(.*HTTP 404.*\), so vulnerabilities.kev: block cannot be checked$/,
    );
    // The entry is keyed by the data sets it holds, not only the ecosystems.
    const saved = service.entries.at(-1)!;
    expect(saved.key).toBe(cacheKey(['Debian', 'EPSS', 'KEV'], 'Linux', new Date(T0 + 11 * DAY)));

    writeFileSync(
      join(ws, 'exploit.yaml'),
      `version: 1\nvulnerabilities:\n  kev: block\n  kev-file: ${join(EXPLOIT, 'known_exploited_vulnerabilities.json')}\n`,
    );
    const again = await job(T0 + 11 * DAY + 3_600_000, { config: 'exploit.yaml' });
    expect(again.report.exploitData).toEqual({ kev: { version: '2025.08.25' }, errors: {} });
    expect(again.report.decision.reasons.some((r) => r.code.startsWith('exploit') || r.code === 'kev')).toBe(
      false,
    );
  }, 60_000);
});
