/**
 * Real installed packages on this machine, read as if they were in an image and compared with the
 * ecosystems' own tools: Python's importlib.metadata, npm ls, and unzip for Debian's Java archives.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { javaAnalyzer } from '../../../src/inventory/analyzers/java';
import { npmAnalyzer } from '../../../src/inventory/analyzers/npm';
import { pythonAnalyzer } from '../../../src/inventory/analyzers/python';
import { collectInventory } from '../../../src/inventory/collect';
import { run } from '../../support/debian';
import { ROOT, describeWithTools } from '../../support/tools';
import { feedLayers } from '../../support/feed';

const DIST_PACKAGES = '/usr/lib/python3/dist-packages';
const JAVA = '/usr/share/java';

function isDir(p: string): boolean {
  try {
    return lstatSync(p).isDirectory();
  } catch {
    return false;
  }
}

describeWithTools('Python distributions of the system Python', ['python3'], () => {
  it.skipIf(!isDir(DIST_PACKAGES))('equals importlib.metadata', async () => {
    const script = `import importlib.metadata as m, json; print(json.dumps(sorted([d.metadata['Name'], d.version] for d in m.distributions(path=[${JSON.stringify(DIST_PACKAGES)}]))))`;
    const expected = JSON.parse(await run('python3', ['-c', script])) as string[][];
    expect(expected.length).toBeGreaterThan(0);
    const inv = collectInventory(
      await feedLayers(
        [pythonAnalyzer()],
        [{ dir: DIST_PACKAGES, prefix: '/usr/lib/python3/dist-packages' }],
      ),
    );
    const got = inv.packages.map((p) => [p.name, p.version]).sort((a, b) => (a.join() < b.join() ? -1 : 1));
    expect(got).toEqual(expected.sort((a, b) => (a.join() < b.join() ? -1 : 1)));
  });
});

describeWithTools('npm packages of this project', ['npm'], () => {
  it('equals npm ls --all for the installed node_modules', async () => {
    const out = await run('npm', ['ls', '--all', '--parseable', '--long'], { cwd: ROOT }).catch(
      (e: Error) => e.message, // npm ls exits 1 on extraneous or missing packages; its listing is still complete
    );
    const prefix = `${join(ROOT, 'node_modules')}/`;
    const expected = out
      .split('\n')
      .filter((l) => l.startsWith(prefix))
      .map((l) => {
        const [path, id] = l.split(':');
        return `${path!.slice(prefix.length)} ${id}`;
      })
      .filter((l) => !l.endsWith('@undefined'))
      .sort();
    expect(expected.length).toBeGreaterThan(50);
    const inv = collectInventory(
      await feedLayers([npmAnalyzer()], [{ dir: join(ROOT, 'node_modules'), prefix: '/app/node_modules' }]),
    );
    const got = inv.packages
      .map(
        (p) =>
          `${p.path!.slice('/app/node_modules/'.length, -'/package.json'.length)} ${p.name}@${p.version}`,
      )
      .sort();
    expect(got).toEqual(expected);
  }, 120_000);
});

describeWithTools("Debian's Java archives", ['unzip'], () => {
  it.skipIf(!isDir(JAVA))(
    'lists the pom.properties coordinates unzip finds in each jar',
    async () => {
      const jars = readdirSync(JAVA).filter((n) => n.endsWith('.jar') && lstatSync(join(JAVA, n)).isFile());
      const expected: string[] = [];
      for (const jar of jars) {
        const names = (await run('unzip', ['-Z1', join(JAVA, jar)])).split('\n');
        for (const name of names.filter((n) => /^META-INF\/maven\/[^/]+\/[^/]+\/pom\.properties$/.test(n))) {
          const props = await run('unzip', ['-p', join(JAVA, jar), name]);
          const get = (k: string): string | undefined =>
            new RegExp(`^${k}=(.*)$`, 'm').exec(props)?.[1]?.trim();
          if (get('groupId') && get('artifactId') && get('version'))
            expected.push(`/usr/share/java/${jar} ${get('groupId')}:${get('artifactId')}:${get('version')}`);
        }
      }
      expect(expected.length).toBeGreaterThan(0);
      const inv = collectInventory(
        await feedLayers([javaAnalyzer()], [{ dir: JAVA, prefix: '/usr/share/java' }]),
      );
      const got = inv.packages
        .filter((p) => !p.path!.includes('!/'))
        .map((p) => `${p.path} ${p.namespace}:${p.name}:${p.version}`);
      // Archives without pom.properties may still name themselves in MANIFEST.MF; compare the pom.properties ones.
      const fromPom = got.filter((g) => expected.includes(g));
      expect([...new Set(fromPom)].sort()).toEqual([...new Set(expected)].sort());
    },
    120_000,
  );
});
