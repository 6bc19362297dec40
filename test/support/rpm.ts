/** Builds binary rpms from spec texts with rpmbuild and installs them into an rpm database with real rpm. */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './debian';

/** rpmbuild -bb for each spec under `top`; returns the paths of the built rpms. */
export async function buildRpms(
  top: string,
  specs: Record<string, string>,
  extraDefines: (name: string) => string[] = () => [],
): Promise<string[]> {
  mkdirSync(join(top, 'SPECS'), { recursive: true });
  for (const [name, spec] of Object.entries(specs)) {
    const file = join(top, 'SPECS', `${name}.spec`);
    writeFileSync(file, spec);
    await run('rpmbuild', ['--define', `_topdir ${top}`, ...extraDefines(name), '-bb', file]);
  }
  return readdirSync(join(top, 'RPMS'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.rpm'))
    .map((f) => join(top, 'RPMS', f));
}

/** A new sqlite rpm database at `dbpath` holding `rpms` (database only: no files, no scripts). */
export async function installIntoRpmDb(dbpath: string, rpms: string[]): Promise<void> {
  mkdirSync(dbpath, { recursive: true });
  await run('rpm', ['--dbpath', dbpath, '--define', '_db_backend sqlite', '--initdb']);
  await run('rpm', [
    '-i',
    '--nodeps',
    '--justdb',
    '--noscripts',
    '--ignorearch',
    '--dbpath',
    dbpath,
    ...rpms,
  ]);
}
