/** The push gate: a decision lets an image through only when it approves that very image. */
import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../../src/core/result';
import type { OpenedImage } from '../../../src/image/index';
import { approvedDecision } from '../../../src/pipeline/push';

const CONFIG = `sha256:${'c'.repeat(64)}`;
const MANIFEST = `sha256:${'a'.repeat(64)}`;

function opened(configDigest: string, digest?: string): OpenedImage {
  return {
    info: {
      ref: 'oci:./app:v1',
      configDigest,
      ...(digest ? { digest } : {}),
      platform: { os: 'linux', architecture: 'amd64' },
      config: {},
      layers: [],
      size: 0,
    },
    configBytes: Buffer.from('{}'),
    openLayer: () => Promise.reject(new Error('the gate reads no layer')),
    close: () => Promise.resolve(),
  };
}

function result(
  approved: boolean | undefined,
  configDigest = CONFIG,
  digest: string | undefined = MANIFEST,
): ScanResult {
  return {
    tool: { name: 'shipgate', version: '0.0.0' },
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: '2026-01-01T00:00:01Z',
    dockerfiles: [],
    image: {
      ref: 'oci:./app:v1',
      configDigest,
      ...(digest ? { digest } : {}),
      platform: 'linux/amd64',
      layers: [],
      size: 0,
    },
    packages: [],
    findings: [],
    rules: [],
    warnings: [],
    ...(approved === undefined
      ? {}
      : {
          decision: {
            approved,
            policy: 'default policy',
            reasons: approved
              ? []
              : [{ code: 'severity-threshold', blocking: true, message: '1 critical finding' }],
          },
        }),
  };
}

describe('push gate', () => {
  it('passes the approved decision for the image that was scanned', () => {
    expect(approvedDecision(result(true), opened(CONFIG, MANIFEST))).toMatchObject({ approved: true });
  });

  it('refuses a decision that is not approved, or missing, with the blocking reasons', () => {
    expect(() => approvedDecision(result(false), opened(CONFIG, MANIFEST))).toThrow(
      /^push refused: oci:\.\/app:v1 is not approved: 1 critical finding$/,
    );
    expect(() => approvedDecision(result(undefined), opened(CONFIG, MANIFEST))).toThrow(/no decision/);
  });

  it('refuses an approval made for another config or manifest digest', () => {
    const other = `sha256:${'b'.repeat(64)}`;
    expect(() => approvedDecision(result(true, other), opened(CONFIG, MANIFEST))).toThrow(
      /^push refused: the decision is not about oci:\.\/app:v1/,
    );
    expect(() => approvedDecision(result(true, CONFIG, other), opened(CONFIG, MANIFEST))).toThrow(
      /not about/,
    );
  });
});
