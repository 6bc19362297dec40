/** Where a finding is shown in SARIF: the Dockerfile line, the final stage's FROM line, or the image path. */
import { isAbsolute, relative } from 'node:path';
import type { Location, PhysicalLocation, Region } from 'sarif';
import type { Finding, SourceLocation } from '../../core/finding';
import type { ScanResult } from '../../core/result';
import { imageRepository } from '../../oci/ref';
import { imageDisplayName, imagePlaceLabel, truncate } from '../common';

export const SRCROOT = '%SRCROOT%';

/** How the primary location was chosen, recorded in result properties. */
type LocationSource = 'dockerfile' | 'layer-instruction' | 'base-image-from' | 'image';

/** Repository-relative POSIX path, whatever form the producer gave. */
export function repoPath(path: string, repoRoot: string): string {
  let p = path.replace(/\\/g, '/');
  if (isAbsolute(p) && repoRoot) {
    const rel = relative(repoRoot, p).replace(/\\/g, '/');
    if (!rel.startsWith('..')) p = rel;
  }
  return p.replace(/^(\.\/)+/, '');
}

/** Percent-encodes each path segment so spaces and '#' survive as a URI reference. */
function uriPath(path: string): string {
  return path
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

function region(loc: SourceLocation, lineText: string | undefined, withSnippet: boolean): Region {
  const startLine = Math.max(1, Math.floor(loc.startLine));
  const r: Region = { startLine };
  if (loc.startColumn && loc.startColumn >= 1) r.startColumn = loc.startColumn;
  if (loc.endLine && loc.endLine >= startLine) r.endLine = loc.endLine;
  if (loc.endColumn && loc.endColumn >= 1) {
    const sameLine = (r.endLine ?? startLine) === startLine;
    if (!sameLine || loc.endColumn > (r.startColumn ?? 1)) r.endColumn = loc.endColumn;
  }
  const snippet = loc.snippet ?? lineText;
  if (withSnippet && snippet !== undefined) r.snippet = { text: snippet };
  return r;
}

export interface LocationContext {
  result: ScanResult;
  repoRoot: string;
  /** The lines of a repository file (repository-relative path), when it can be read. */
  lines: (path: string) => string[] | undefined;
}

function lineOf(ctx: LocationContext, path: string, line: number): string | undefined {
  return ctx.lines(path)?.[line - 1];
}

function repoLocation(ctx: LocationContext, loc: SourceLocation, withSnippet: boolean): PhysicalLocation {
  const path = repoPath(loc.path, ctx.repoRoot);
  return {
    artifactLocation: { uri: uriPath(path), uriBaseId: SRCROOT },
    region: region(loc, withSnippet ? lineOf(ctx, path, loc.startLine) : undefined, withSnippet),
  };
}

/** The final stage's FROM line of the first Dockerfile, as a source location. */
function finalFromLine(ctx: LocationContext): SourceLocation | undefined {
  const df = ctx.result.dockerfiles[0];
  const stage = df?.stages[df.stages.length - 1];
  if (!df || !stage) return undefined;
  const path = repoPath(df.path, ctx.repoRoot);
  const text = lineOf(ctx, path, stage.line);
  const loc: SourceLocation = { path, startLine: stage.line, startColumn: 1 };
  if (text !== undefined && text.length > 0) {
    loc.endLine = stage.line;
    loc.endColumn = text.length + 1;
  }
  return loc;
}

function inImageUri(f: Finding, ctx: LocationContext): string {
  const p = f.image?.path;
  if (p) return uriPath(p.replace(/^\/+/, ''));
  const ref = f.image?.ref ?? ctx.result.image?.ref;
  // A local image's "repository" can be an absolute file path; a relative reference must not start with '/'.
  return uriPath(ref ? imageRepository({ ref }).replace(/^\/+/, '') : 'image');
}

function imageName(f: Finding, ctx: LocationContext): string | undefined {
  return imageDisplayName(f.image?.ref ?? ctx.result.image?.ref, f.image?.digest ?? ctx.result.image?.digest);
}

/** A location inside the image, valid SARIF that GitHub accepts (it cannot annotate a diff with it). */
function imageLocation(f: Finding, ctx: LocationContext, id?: number): Location {
  const name = imageName(f, ctx);
  const place = imagePlaceLabel(f);
  const createdBy = f.image?.createdBy ? `; created by: ${truncate(f.image.createdBy, 160)}` : '';
  const loc: Location = {
    physicalLocation: { artifactLocation: { uri: inImageUri(f, ctx) }, region: { startLine: 1 } },
    logicalLocations: [
      {
        name: f.image?.path ?? name ?? 'image',
        fullyQualifiedName: `${name ?? 'image'}${f.image?.path ? `:${f.image.path}` : ''}`,
        kind: 'resource',
      },
    ],
    message: {
      text: `In image ${name ?? '(unknown)'}${place ? `: ${place}` : ''}${createdBy}.`,
    },
  };
  if (id !== undefined) loc.id = id;
  return loc;
}

export interface PlacedLocations {
  locations: Location[];
  relatedLocations?: Location[];
  source: LocationSource;
}

/** Primary and related locations of one finding. */
export function placeFinding(f: Finding, ctx: LocationContext): PlacedLocations {
  const withSnippet = f.kind !== 'secret';
  const fromImage = f.image !== undefined && f.kind !== 'dockerfile';
  if (f.location) {
    const out: PlacedLocations = {
      locations: [{ physicalLocation: repoLocation(ctx, f.location, withSnippet) }],
      source: fromImage ? 'layer-instruction' : 'dockerfile',
    };
    if (fromImage) out.relatedLocations = [imageLocation(f, ctx, 1)];
    return out;
  }
  if (fromImage || ctx.result.image) {
    const from = finalFromLine(ctx);
    if (from) {
      return {
        locations: [{ physicalLocation: repoLocation(ctx, from, withSnippet) }],
        relatedLocations: [imageLocation(f, ctx, 1)],
        source: 'base-image-from',
      };
    }
  }
  return { locations: [imageLocation(f, ctx)], source: 'image' };
}
