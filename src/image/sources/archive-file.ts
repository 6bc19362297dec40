/**
 * Archives are often stored compressed (`docker save app | gzip > app.tar.gz`). Reading members at random
 * needs a plain tar, so a compressed archive is decompressed once into a private temporary file that
 * close() removes.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ShipgateError, oneLine } from '../../core/errors';
import { AutoDecompress, sniffCompression } from '../decompress';
import { imageLimits } from '../limits';
import { tempDir } from '../temp';
import { openArchive } from '../tar-index';

export interface PlainArchive {
  path: string;
  cleanup(): Promise<void>;
}

async function head(file: string, what: string): Promise<Buffer> {
  const fh = await openArchive(file, what);
  try {
    const buf = Buffer.alloc(4);
    const { bytesRead } = await fh.read(buf, 0, 4, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

export async function plainArchive(file: string, what: string, tmpDir?: string): Promise<PlainArchive> {
  const kind = sniffCompression(await head(file, what));
  if (kind === 'none') return { path: file, cleanup: async () => {} };
  const { dir, cleanup } = await tempDir('shipgate-archive-', tmpDir);
  const path = join(dir, 'archive.tar');
  try {
    await pipeline(
      createReadStream(file),
      new AutoDecompress({ limits: imageLimits(), what: `${what}: ${kind} archive` }),
      createWriteStream(path, { mode: 0o600 }),
    );
  } catch (e) {
    await cleanup();
    if (e instanceof ShipgateError) throw e;
    throw new ShipgateError(
      'IMAGE_FORMAT',
      `${what}: cannot decompress the ${kind} archive (${oneLine((e as Error).message)})`,
      {
        hint: 'the archive is damaged or incomplete; save it again',
      },
    );
  }
  return { path, cleanup };
}
