/**
 * History lint findings next to the Dockerfile's own, in process: the image's history (a real buildah build,
 * test/support/history-samples.ts) linted, mapped onto the Dockerfile it came from, and reconciled with that
 * Dockerfile's lint.
 */
import { describe, expect, it } from 'vitest';
import { checkHistory } from '../../../src/analyzers/history';
import type { Finding } from '../../../src/core/finding';
import { lintDockerfile } from '../../../src/dockerfile/index';
import type { ImageInfo } from '../../../src/image/types';
import { mapImageFindings, reconcileHistoryFindings } from '../../../src/pipeline/image';
import { BUILDAH, BUILDAH_DOCKERFILE } from '../../support/history-samples';

const INFO: ImageInfo = {
  ref: 'oci:app.tar',
  configDigest: `sha256:${'b'.repeat(64)}`,
  platform: { os: 'linux', architecture: 'amd64' },
  config: { history: BUILDAH.map((created_by) => ({ created_by })) },
  layers: BUILDAH.map((createdBy, index) => ({
    index,
    digest: `sha256:${String(index).padStart(64, '0')}`,
    mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
    size: 1,
    createdBy,
  })),
  size: BUILDAH.length,
};

async function reconciled(dockerfile: string): Promise<{ own: Finding[]; history: Finding[] }> {
  const { findings: own, target } = await lintDockerfile({ path: 'Dockerfile', content: dockerfile });
  const { findings } = await checkHistory(INFO);
  const history = reconcileHistoryFindings(mapImageFindings(findings, target), own, target, BUILDAH);
  return { own, history };
}

describe('reconcileHistoryFindings', () => {
  it('drops what the Dockerfile reports on the same instruction and keeps what only the history shows', async () => {
    const { own, history } = await reconciled(BUILDAH_DOCKERFILE);
    const all = (await checkHistory(INFO)).findings;
    expect(all.length).toBeGreaterThan(history.length);
    for (const f of history)
      expect(own.some((d) => d.ruleId === f.ruleId && d.location?.startLine === f.location?.startLine)).toBe(
        false,
      );
    expect(history.map((f) => `${f.location?.startLine} ${f.ruleId}`).sort()).toEqual([
      '4 SG-DF-006',
      '5 SG-DF-006',
      '7 SG-DF-006',
      '9 SG-DF-006',
    ]);
    expect(history.every((f) => f.properties?.inBaseImage === undefined)).toBe(true);
  });

  it("drops the history's duplicate also when a pragma suppresses the Dockerfile's finding", async () => {
    const { own, history } = await reconciled(
      BUILDAH_DOCKERFILE.replace('RUN sudo true', '# shipgate ignore=SG-DF-027\nRUN sudo true'),
    );
    expect(own.find((f) => f.ruleId === 'SG-DF-027')?.suppressed?.kind).toBe('inline');
    expect(history.some((f) => f.ruleId === 'SG-DF-027')).toBe(false);
  });

  it("marks the base image's steps, at most low, and leaves the image's own", async () => {
    const app =
      'FROM localhost/history-test\nENV PIP_X=1\nRUN apt-get dist-upgrade -y || true\nCMD ["/bin/sh"]\n';
    const { history } = await reconciled(app);
    const base = history.filter((f) => f.properties?.inBaseImage === true);
    expect(base.length).toBeGreaterThan(0);
    for (const f of base) {
      expect(f.properties?.step).toBeLessThanOrEqual(BUILDAH.length - 3);
      expect(['low', 'info']).toContain(f.severity);
    }
    const sudo = base.find((f) => f.ruleId === 'SG-DF-027');
    expect(sudo?.properties?.originalSeverity).toBe('medium');
    // The application's own dist-upgrade is the Dockerfile's finding; the history adds none for it.
    expect(history.filter((f) => f.ruleId === 'SG-DF-015' && f.properties?.inBaseImage !== true)).toEqual([]);
  });

  it('marks nothing as the base image with a Dockerfile the image was not built from', async () => {
    const { history } = await reconciled('FROM debian:12\nWORKDIR /src\nRUN make\nCOPY out/ /app/\n');
    expect(history.length).toBeGreaterThan(0);
    expect(history.filter((f) => f.properties?.inBaseImage !== undefined)).toEqual([]);
  });

  it('leaves findings alone without a Dockerfile', async () => {
    const { findings } = await checkHistory(INFO);
    expect(reconcileHistoryFindings(findings, [], undefined, BUILDAH)).toEqual(findings);
  });
});
