/** The history analyzer on image configurations written in-process: layers, masking, the size limit. */
import { describe, expect, it } from 'vitest';
import { checkHistory } from '../../../src/analyzers/history';
import { MAX_HISTORY_BYTES } from '../../../src/dockerfile/index';
import type { ImageInfo } from '../../../src/image/types';
import { BUILDAH, TOKEN } from '../../support/history-samples';

function image(history: { created_by?: string; empty_layer?: boolean }[]): ImageInfo {
  const layers = history.filter((h) => !h.empty_layer);
  return {
    ref: 'oci:app.tar',
    repository: 'example.org/app',
    digest: `sha256:${'a'.repeat(64)}`,
    configDigest: `sha256:${'b'.repeat(64)}`,
    platform: { os: 'linux', architecture: 'amd64' },
    config: { history },
    layers: layers.map((h, index) => ({
      index,
      digest: `sha256:${String(index).padStart(64, '0')}`,
      mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
      size: 1,
      ...(h.created_by ? { createdBy: h.created_by } : {}),
    })),
    size: layers.length,
  };
}

describe('checkHistory', () => {
  it('reports at the layer each entry made, skipping entries that made none', async () => {
    const history = BUILDAH.map((created_by, i) => ({
      created_by,
      empty_layer: i === 1 || i === 6 || i === 8,
    }));
    const { findings, incomplete } = await checkHistory(image(history));
    expect(incomplete).toBeUndefined();
    const sudo = findings.find((f) => f.ruleId === 'SG-DF-027');
    // Entry 3 is the third entry that made a layer.
    expect(sudo?.image?.layerIndex).toBe(2);
    expect(sudo?.image?.ref).toBe('oci:app.tar');
    expect(sudo?.properties).toMatchObject({ source: 'history', step: 4, instruction: 'RUN' });
    // The ARG entry made no layer: its finding names the image only.
    const arg = findings.find((f) => f.ruleId === 'SG-DF-006' && f.properties?.step === 2);
    expect(arg?.image?.layerIndex).toBeUndefined();
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(findings.length);
  });

  it('masks secrets in the recorded line, the message and the fix', async () => {
    const { findings } = await checkHistory(image(BUILDAH.map((created_by) => ({ created_by }))));
    expect(findings.length).toBeGreaterThan(0);
    expect(JSON.stringify(findings)).not.toContain(TOKEN);
  });

  it('says it is incomplete when the history is larger than it reads', async () => {
    const big = `/bin/sh -c echo ${'x'.repeat(256 * 1024)}`;
    const history = [
      { created_by: '/bin/sh -c sudo true' },
      ...Array.from({ length: Math.ceil(MAX_HISTORY_BYTES / big.length) + 1 }, () => ({ created_by: big })),
      { created_by: '/bin/sh -c sudo make install' },
    ];
    const { findings, incomplete } = await checkHistory(image(history));
    expect(incomplete).toMatch(/not linted/);
    expect(findings.filter((f) => f.ruleId === 'SG-DF-027').map((f) => f.properties?.step)).toEqual([1]);
  });
});
