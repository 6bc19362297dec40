/** History lint on real `created_by` lines (test/support/history-samples.ts) and the Debian test image's. */
import { describe, expect, it } from 'vitest';
import {
  HISTORY_RULES,
  lintDockerfile,
  lintHistory,
  matchHistoryToInstruction,
} from '../../../src/dockerfile/index';
import { parseCreatedBy } from '../../../src/dockerfile/history';
import { RULES } from '../../../src/dockerfile/rules/index';
import {
  APT_UPDATE_UPGRADE,
  BUILDAH,
  BUILDAH_DOCKERFILE,
  NGINX,
  TOKEN,
  UBUNTU_WITH_ARG,
} from '../../support/history-samples';
import { DEBIAN_ROOTFS_CREATED_BY } from '../../support/images';
import { standsFor } from './peers';

const hitsOf = async (history: (string | undefined)[]) =>
  (await lintHistory(history)).hits.map((h) => `${h.entry} ${h.finding.ruleId}`);

describe('parseCreatedBy', () => {
  it('reads every builder form as an instruction', () => {
    const cases: [string | undefined, unknown][] = [
      ['/bin/sh -c #(nop)  ENV NGINX_VERSION=1.17.0', { keyword: 'ENV', text: 'NGINX_VERSION=1.17.0' }],
      ['/bin/sh -c apt-get update -y', { keyword: 'RUN', text: 'apt-get update -y' }],
      [BUILDAH[2], { keyword: 'RUN', text: 'apt-get update || true', buildArgs: [`NPM_TOKEN=${TOKEN}`] }],
      [
        'RUN |2 A=1 B="x y" /bin/sh -c make # buildkit',
        { keyword: 'RUN', text: 'make', buildArgs: ['A=1', 'B="x y"'] },
      ],
      [
        'RUN /bin/bash -o pipefail -c curl -fsS x | sh # buildkit',
        { keyword: 'RUN', text: 'curl -fsS x | sh' },
      ],
      ['RUN /bin/sh -c echo "hello" # buildkit', { keyword: 'RUN', text: 'echo "hello"' }],
      // BuildKit runs a heredoc's body as the script and records it with its newlines.
      [
        'RUN /bin/sh -c apt-get update\napt-get install -y curl\n # buildkit',
        { keyword: 'RUN', text: 'apt-get update\napt-get install -y curl' },
      ],
      ['RUN ["/bin/sh","-c","make"]', { keyword: 'RUN', text: '["/bin/sh","-c","make"]' }],
      // kaniko records the instruction as written.
      [
        'RUN apt-get update && apt-get install -y curl',
        { keyword: 'RUN', text: 'apt-get update && apt-get install -y curl' },
      ],
      [
        BUILDAH[4],
        { keyword: 'ADD', text: expect.stringMatching(/^dir:2558e2\S+ in \/etc\/app\/$/) as unknown },
      ],
      ['/bin/sh -c #(nop) ADD multi:0a1b2c in /app/ ', { keyword: 'ADD', text: 'multi:0a1b2c in /app/' }],
      ['COPY /out/app /app/app # buildkit', { keyword: 'COPY', text: '/out/app /app/app' }],
      [DEBIAN_ROOTFS_CREATED_BY, { keyword: 'ADD', text: 'debootstrap --variant=minbase bookworm /' }],
    ];
    for (const [line, want] of cases) expect(parseCreatedBy(line), line).toMatchObject(want as object);
  });

  it('tells empty lines from lines that are no instruction', () => {
    expect(parseCreatedBy(undefined)).toBe('empty');
    expect(parseCreatedBy('  ')).toBe('empty');
    expect(parseCreatedBy(' # buildkit')).toBe('empty');
    expect(parseCreatedBy('bazel build //app:image')).toBeUndefined();
    expect(parseCreatedBy('Imported from -')).toBeUndefined();
    expect(parseCreatedBy('FROM debian:12')).toBeUndefined();
  });
});

describe('lintHistory', () => {
  it('runs only rules that exist, each with its reason', () => {
    const ids = new Set(RULES.map((r) => r.meta.id));
    for (const [id, why] of Object.entries(HISTORY_RULES)) {
      expect(ids.has(id), id).toBe(true);
      expect(why.length).toBeGreaterThan(20);
    }
  });

  it('agrees with the Dockerfile lint of the Dockerfile the history came from', async () => {
    // The oracle: the same rules on the Dockerfile itself, restricted to the rules history lint runs.
    const { findings, target } = await lintDockerfile({ path: 'Dockerfile', content: BUILDAH_DOCKERFILE });
    const expected = findings
      .filter((f) => f.ruleId in HISTORY_RULES)
      .map((f) => `${f.location?.startLine} ${f.ruleId}`)
      .sort();
    const { hits } = await lintHistory(BUILDAH);
    const got = hits
      // The values of build arguments recorded in front of a RUN: see below.
      .filter((h) => !(h.keyword === 'RUN' && h.finding.ruleId === 'SG-DF-006'))
      .map((h) => `${matchHistoryToInstruction(BUILDAH[h.entry]!, target)?.line} ${h.finding.ruleId}`)
      .sort();
    expect(expected.length).toBeGreaterThan(3);
    expect(got).toEqual(expected);
  });

  it('reports build arguments recorded in front of a RUN, which the Dockerfile only names', async () => {
    const { hits } = await lintHistory(BUILDAH);
    const args = hits.filter((h) => h.finding.ruleId === 'SG-DF-006');
    // The classic ARG entry names it; every RUN that ran with it recorded its value.
    expect(args.map((h) => h.entry)).toEqual([1, 2, 3, 5, 7]);
    for (const h of args) expect(h.finding.message).not.toContain(TOKEN);
  });

  it('decides as dockle does on its own test images, where a shipgate rule claims a dockle check', async () => {
    // apt_update_upgrade.json: dockle reports neither CIS-DI-0007 (the update is followed by an upgrade) nor
    // DKL-DI-0003 (an upgrade, not a dist-upgrade); SG-DF-015 reports the upgrade, as hadolint's DL3005.
    const { hits } = await lintHistory(APT_UPDATE_UPGRADE);
    expect(hits.map((h) => `${h.entry} ${h.finding.ruleId}`)).toEqual(['2 SG-DF-015']);
    expect(standsFor(hits[0]!.finding, 'DKL-DI-0003')).toBe(false);
    expect(hits.some((h) => standsFor(h.finding, 'CIS-DI-0007') && h.finding.ruleId === 'SG-DF-017')).toBe(
      false,
    );
    // The dist-upgrade of BUILDAH is DKL-DI-0003, and its lone update CIS-DI-0007.
    const b = (await lintHistory(BUILDAH)).hits;
    const dist = b.find((h) => h.entry === 7 && h.finding.ruleId === 'SG-DF-015');
    expect(dist && standsFor(dist.finding, 'DKL-DI-0003')).toBe(true);
    const update = b.find((h) => h.entry === 2 && h.finding.ruleId === 'SG-DF-017');
    expect(update && standsFor(update.finding, 'CIS-DI-0007')).toBe(true);
    // dockle's sudo check: the RUN that uses it.
    expect(b.filter((h) => h.finding.ruleId === 'SG-DF-027').map((h) => h.entry)).toEqual([3]);
  });

  it('leaves the root filesystem ADD alone, also behind ARG and LABEL entries', async () => {
    expect(await hitsOf(UBUNTU_WITH_ARG)).toEqual([]);
    expect(await hitsOf(APT_UPDATE_UPGRADE.slice(0, 2))).toEqual([]);
    expect(await hitsOf([DEBIAN_ROOTFS_CREATED_BY, '/bin/sh -c #(nop)  CMD ["bash"]'])).toEqual([]);
    // A later ADD of local files is the image's own.
    expect(await hitsOf(BUILDAH)).toContain('4 SG-DF-008');
  });

  it('lints a real image history of a well-kept build without findings on the kept parts', async () => {
    // nginx removes the apt lists and installs without recommends in the same RUN; its lone `apt-get update`
    // in the `amd64|i386)` branch is followed by an install later in the script.
    const hits = await hitsOf(NGINX);
    expect(hits.filter((h) => /SG-DF-01[237]$/.test(h))).toEqual([]);
  });

  it('lints BuildKit heredoc scripts and scripts with heredocs of their own', async () => {
    const got = await hitsOf([
      DEBIAN_ROOTFS_CREATED_BY,
      'RUN /bin/sh -c apt-get update\napt-get install -y curl\n # buildkit',
      'RUN /bin/sh -c cat <<EOF > /etc/apt/apt.conf.d/99x\nAPT::Get::AllowUnauthenticated "true";\nEOF\napt-get update # buildkit',
    ]);
    expect(got).toEqual(expect.arrayContaining(['1 SG-DF-012', '1 SG-DF-013', '2 SG-DF-017']));
  });

  it('counts lines that are no instruction, skips empty ones, and survives one the parser refuses', async () => {
    const r = await lintHistory([
      DEBIAN_ROOTFS_CREATED_BY,
      '',
      undefined,
      'bazel build //app:image',
      '/bin/sh -c echo \u0000 > /x',
      '/bin/sh -c sudo make install',
    ]);
    expect(r.unparsed.map((u) => u.entry)).toEqual([3, 4]);
    expect(r.hits.map((h) => `${h.entry} ${h.finding.ruleId}`)).toEqual(['5 SG-DF-027']);
  });
});
