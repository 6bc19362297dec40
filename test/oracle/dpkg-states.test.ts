/**
 * Regression for a miss the Trivy inventory oracle found: dpkg packages left unpacked, half-configured or with
 * pending triggers (interrupted installs, `dpkg --unpack`, deferred triggers) were dropped, though their files
 * are on disk. Real dpkg puts packages in each state here; the oracle is the filesystem: a package counts
 * exactly when the files dpkg lists for it exist.
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dpkgAnalyzer, parseDpkgStatus } from '../../src/inventory/analyzers/dpkg';
import { collectInventory } from '../../src/inventory/collect';
import { run } from '../support/debian';
import { describeWithTools } from '../support/tools';
import { feedDir } from '../support/feed';

interface Deb {
  name: string;
  /** DEBIAN/triggers content. */
  triggers?: string;
  failingPostinst?: boolean;
  conffile?: boolean;
}

function buildDeb(work: string, d: Deb): Promise<string> {
  const src = join(work, `src-${d.name}`);
  mkdirSync(join(src, 'DEBIAN'), { recursive: true });
  mkdirSync(join(src, 'usr/share', d.name), { recursive: true });
  writeFileSync(join(src, 'usr/share', d.name, 'data'), `${d.name}\n`);
  writeFileSync(
    join(src, 'DEBIAN/control'),
    `Package: ${d.name}\nVersion: 1.0-1\nArchitecture: all\nMaintainer: Test <t@example.test>\nDescription: ${d.name}\n`,
  );
  if (d.triggers) writeFileSync(join(src, 'DEBIAN/triggers'), `${d.triggers}\n`);
  if (d.failingPostinst) writeFileSync(join(src, 'DEBIAN/postinst'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
  if (d.conffile) {
    mkdirSync(join(src, 'etc'));
    writeFileSync(join(src, 'etc', `${d.name}.conf`), 'setting=1\n');
    writeFileSync(join(src, 'DEBIAN/conffiles'), `/etc/${d.name}.conf\n`);
  }
  const deb = join(work, `${d.name}.deb`);
  return run('dpkg-deb', ['--root-owner-group', '--build', src, deb]).then(() => deb);
}

describeWithTools(
  'dpkg packages in every state real dpkg leaves them',
  ['dpkg', 'dpkg-deb', 'dpkg-query'],
  () => {
    let work: string;
    let root: string;
    let states: Map<string, string>;
    let conffiles: Set<string>;

    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'sg-dpkg-states-'));
      root = join(work, 'root');
      for (const d of ['info', 'updates', 'triggers'])
        mkdirSync(join(root, 'var/lib/dpkg', d), { recursive: true });
      writeFileSync(join(root, 'var/lib/dpkg/status'), '');
      writeFileSync(join(root, 'var/lib/dpkg/available'), '');
      const debs = {
        ok: await buildDeb(work, { name: 'sg-ok' }),
        unpacked: await buildDeb(work, { name: 'sg-unpacked' }),
        halfConfigured: await buildDeb(work, { name: 'sg-half-configured', failingPostinst: true }),
        removed: await buildDeb(work, { name: 'sg-removed', conffile: true }),
        purged: await buildDeb(work, { name: 'sg-purged', conffile: true }),
        watcher: await buildDeb(work, { name: 'sg-watcher', triggers: 'interest sg-trigger' }),
        activator: await buildDeb(work, { name: 'sg-activator', triggers: 'activate-await sg-trigger' }),
      };
      // Maintainer scripts run outside the (empty) root; root is needed only to chown files as packaged.
      const dpkg = (...args: string[]): Promise<string> =>
        run('dpkg', [
          `--root=${root}`,
          '--force-script-chrootless',
          '--force-not-root',
          '--log=/dev/null',
          ...args,
        ]);
      await dpkg('-i', debs.ok, debs.removed, debs.purged, debs.watcher);
      await dpkg('--unpack', debs.unpacked);
      await expect(dpkg('-i', debs.halfConfigured)).rejects.toThrow(/post-installation script/);
      await dpkg('-r', 'sg-removed');
      await dpkg('-P', 'sg-purged');
      // Without trigger processing, the activator awaits the trigger and the watcher has it pending.
      await dpkg('--no-triggers', '-i', debs.activator);
      const query = (format: string): Promise<string> =>
        run('dpkg-query', [`--admindir=${join(root, 'var/lib/dpkg')}`, '-W', '-f', format]);
      const out = await query('${Package}\t${db:Status-Status}\n');
      states = new Map(
        out
          .trim()
          .split('\n')
          .map((l) => l.split('\t') as [string, string]),
      );
      // Conffiles as dpkg records them: " /etc/x.conf <md5>" lines under each package.
      conffiles = new Set([...(await query('${Conffiles}\n')).matchAll(/^\s+(\/\S+)/gm)].map((m) => m[1]!));
    }, 120_000);

    afterAll(() => rmSync(work, { recursive: true, force: true }));

    /** Packages that have files other than configuration files in the root, as dpkg lists them. */
    function onDisk(): string[] {
      return [...states.keys()]
        .filter((name) => {
          const list = join(root, 'var/lib/dpkg/info', `${name}.list`);
          if (!existsSync(list)) return false;
          return readFileSync(list, 'utf8')
            .split('\n')
            .some(
              (p) => p && !conffiles.has(p) && existsSync(join(root, p)) && lstatSync(join(root, p)).isFile(),
            );
        })
        .sort();
    }

    it('covers the states interrupted installs leave', () => {
      expect(new Set(states.values())).toEqual(
        new Set([
          'installed',
          'unpacked',
          'half-configured',
          'config-files',
          'triggers-pending',
          'triggers-awaited',
        ]),
      );
    });

    it('lists exactly the packages whose files are on disk', async () => {
      const expected = onDisk();
      expect(expected).toEqual(['sg-activator', 'sg-half-configured', 'sg-ok', 'sg-unpacked', 'sg-watcher']);
      const inv = collectInventory(await feedDir([dpkgAnalyzer()], root));
      expect(inv.packages.map((p) => p.name).sort()).toEqual(expected);
      const status = readFileSync(join(root, 'var/lib/dpkg/status'), 'utf8');
      expect(
        parseDpkgStatus(status)
          .map((p) => p.name)
          .sort(),
      ).toEqual(expected);
    });

    it('keeps a package selected for removal while it is still installed', () => {
      const status = 'Package: pending\nStatus: deinstall ok installed\nArchitecture: all\nVersion: 1.0\n';
      expect(parseDpkgStatus(status).map((p) => p.name)).toEqual(['pending']);
    });
  },
);
