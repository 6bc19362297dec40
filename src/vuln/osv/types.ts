/** The parts of the OSV schema (https://ossf.github.io/osv-schema/) shipgate reads. */
import { ShipgateError } from '../../core/errors';
interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

interface OsvRange {
  type: 'ECOSYSTEM' | 'SEMVER' | 'GIT' | string;
  repo?: string;
  events: OsvEvent[];
}

export interface OsvSeverity {
  type: string;
  score: string;
}

export interface OsvAffected {
  package?: { ecosystem: string; name: string; purl?: string };
  ranges?: OsvRange[];
  versions?: string[];
  severity?: OsvSeverity[];
  ecosystem_specific?: Record<string, unknown>;
  database_specific?: Record<string, unknown>;
}

export interface OsvRecord {
  id: string;
  schema_version?: string;
  modified?: string;
  published?: string;
  withdrawn?: string;
  aliases?: string[];
  upstream?: string[];
  related?: string[];
  summary?: string;
  details?: string;
  severity?: OsvSeverity[];
  affected?: OsvAffected[];
  references?: { type?: string; url: string }[];
  database_specific?: Record<string, unknown>;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

/**
 * Checks that a parsed JSON value has the shape of an OSV record (an `id` and, where present,
 * well-formed `affected` entries). Returns the reason when it does not.
 */
export function osvShapeError(v: unknown): string | undefined {
  if (!isObject(v)) return 'not a JSON object';
  if (typeof v.id !== 'string' || v.id === '') return 'missing "id"';
  if (v.affected !== undefined) {
    if (!Array.isArray(v.affected)) return '"affected" is not an array';
    for (const a of v.affected) {
      if (!isObject(a)) return '"affected" entry is not an object';
      if (a.package !== undefined) {
        if (
          !isObject(a.package) ||
          typeof a.package.ecosystem !== 'string' ||
          typeof a.package.name !== 'string'
        )
          return '"affected[].package" needs "ecosystem" and "name"';
      }
      if (a.ranges !== undefined) {
        if (!Array.isArray(a.ranges)) return '"affected[].ranges" is not an array';
        for (const r of a.ranges)
          if (!isObject(r) || typeof r.type !== 'string' || !Array.isArray(r.events))
            return '"affected[].ranges[]" needs "type" and "events"';
      }
      if (a.versions !== undefined && !strings(a.versions)) return '"affected[].versions" is not an array';
    }
  }
  return undefined;
}

/** Parses OSV JSON text; throws a TypeError naming the problem when it is not an OSV record. */
export function parseOsvRecord(text: string): OsvRecord {
  const v: unknown = JSON.parse(text);
  const err = osvShapeError(v);
  if (err) throw new ShipgateError('INTERNAL', err);
  return v as OsvRecord;
}
