/**
 * Secrets in the build context: the files a Dockerfile COPYs or ADDs (or the whole context when no
 * Dockerfile is given), minus what .dockerignore excludes. Only local sources count: `COPY --from=...`
 * copies from another stage or image and ADD of a URL downloads at build time.
 */
import { open, readFile, readdir, stat } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import type { Finding } from '../core/finding';
import { ShipgateError, toShipgateError } from '../core/errors';
import { logger } from '../core/logger';
import { extensionOf, BINARY_EXTENSIONS } from './allow';
import { DockerIgnore } from './dockerignore';
import { sourceFinding } from './findings';
import { maskLine } from './scanner';
import { DEFAULT_SECRETS_MAX_FILE_SIZE, scanTextWindowed } from './windows';
import { isBinary } from './sniff';

export interface BuildContextOptions {
  /** Findings' paths are relative to this directory (default: the working directory). */
  repoRoot?: string;
  /**
   * How much of each file is scanned, in bytes (default 64 MiB, as for image files); the rest of a larger file
   * is not looked at (logged at debug level). Large files are scanned in overlapping windows.
   */
  maxFileSize?: number;
}

interface CopySource {
  pattern: RegExp;
  /** Where it comes from, e.g. "Dockerfile:7 COPY . /app". */
  by: string;
}

/** A COPY source as a regex; a pattern Docker would refuse (`[z-a]`) is a DOCKERFILE_PARSE error. */
function globRegex(glob: string, by: string): RegExp {
  let re = '^';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close === -1) re += '\\[';
      else {
        re += `[${glob.slice(i + 1, close).replace(/^!/, '^')}]`;
        i = close;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  try {
    return new RegExp(`${re}$`);
  } catch {
    throw new ShipgateError('DOCKERFILE_PARSE', `${by}: "${glob}" is not a valid file pattern`, {
      hint: 'a character range must go from low to high, e.g. [a-z]',
    });
  }
}

/** The local sources of COPY/ADD instructions, as patterns relative to the context root. */
export function copySources(dockerfileText: string, dockerfilePath = 'Dockerfile'): CopySource[] {
  const out: CopySource[] = [];
  const df = DockerfileParser.parse(dockerfileText);
  for (const ins of df.getInstructions()) {
    const kw = ins.getKeyword().toUpperCase();
    if (kw !== 'COPY' && kw !== 'ADD') continue;
    const line = ins.getRange().start.line + 1;
    let args = ins.getArguments().map((a) => a.getValue());
    if (args.some((a) => /^--from=/i.test(a))) continue;
    args = args.filter((a) => !a.startsWith('--'));
    const content = ins.getArgumentsContent() ?? '';
    const json = content.trim().startsWith('[') ? safeJson(content) : undefined;
    if (json) args = json.filter((a) => !a.startsWith('--'));
    const sources = args.slice(0, -1);
    for (const s of sources) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s) || s.startsWith('git@')) continue; // remote ADD
      if (s.startsWith('<<')) continue; // heredoc
      const clean = posix.normalize(s.replace(/\\/g, '/')).replace(/^\/+/, '').replace(/\/+$/, '');
      const by = `${dockerfilePath}:${line} ${kw} ${s}`;
      if (clean === '.' || clean === '') out.push({ pattern: /.*/, by });
      else out.push({ pattern: globRegex(clean, by), by });
    }
  }
  return out;
}

function safeJson(s: string): string[] | undefined {
  try {
    const v: unknown = JSON.parse(s);
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
  } catch {
    return undefined;
  }
}

async function* walk(root: string, dir: string, ignore: DockerIgnore): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    const abs = join(dir, e.name);
    const rel = relative(root, abs).split(sep).join('/');
    if (e.isDirectory()) yield* walk(root, abs, ignore);
    else if (e.isFile() && !ignore.ignores(rel)) yield rel;
  }
}

/** The first `n` bytes of a file (never reads more, whatever the file's size). */
async function readHead(path: string, n: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    let got = 0;
    while (got < n) {
      const { bytesRead } = await fh.read(buf, got, n - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return buf.subarray(0, got);
  } finally {
    await fh.close();
  }
}

/** Scans the files of a build context that end up in the image. */
export async function scanBuildContext(
  contextDir: string,
  dockerfileTarget?: string,
  options: BuildContextOptions = {},
): Promise<Finding[]> {
  try {
    const repoRoot = options.repoRoot ?? process.cwd();
    const max = options.maxFileSize ?? DEFAULT_SECRETS_MAX_FILE_SIZE;
    const ignoreText = await readFile(join(contextDir, '.dockerignore'), 'utf8').catch(() => '');
    const ignore = new DockerIgnore(ignoreText);
    let sources: CopySource[] | undefined;
    if (dockerfileTarget) {
      const text = await readFile(dockerfileTarget, 'utf8');
      sources = copySources(text, relative(repoRoot, dockerfileTarget).split(sep).join('/'));
    }
    const out: Finding[] = [];
    for await (const rel of walk(contextDir, contextDir, ignore)) {
      let by: string | undefined;
      if (sources) {
        const parts = rel.split('/');
        const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
        const src = sources.find((s) => candidates.some((c) => s.pattern.test(c)));
        if (!src) continue;
        by = src.by;
      }
      if (BINARY_EXTENSIONS.has(extensionOf(rel))) continue;
      const abs = join(contextDir, rel);
      const st = await stat(abs);
      if (st.size === 0) continue;
      const content = await readHead(abs, Math.min(st.size, max));
      if (isBinary(content)) continue;
      const text = content.toString('utf8');
      const path = relative(repoRoot, abs).split(sep).join('/');
      if (st.size > max) {
        logger().debug(`secrets: ${path} is ${st.size} bytes; only its first ${max} bytes were scanned`);
      }
      const matches = scanTextWindowed(text, { kind: 'context', path });
      if (matches.length === 0) continue;
      const lines = text.split('\n');
      for (const m of matches) {
        const line = (lines[m.line - 1] ?? '').replace(/\r$/, '');
        const f = sourceFinding(
          m,
          path,
          maskLine(line, m.line, matches).trim(),
          by ? ` (copied into the image by ${by})` : '',
        );
        if (by) f.properties = { ...f.properties, copiedBy: by };
        out.push(f);
      }
    }
    logger().debug(`build context ${contextDir}: ${out.length} secret(s)`);
    return out;
  } catch (e) {
    throw toShipgateError(e);
  }
}
