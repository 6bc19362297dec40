/**
 * Type checks for the JSON an image is made of: image config, manifests, indexes and docker-save
 * manifest.json. Every field shipgate reads is checked here, once, so no analyzer sees a wrongly typed value.
 *
 * The rule, per field:
 * - a field the OCI image spec or Docker defines with a type, present with another type, is an
 *   IMAGE_FORMAT error naming the image and the field (`config.Cmd must be an array of strings`);
 * - `null` in an optional field reads as "not set" (Docker itself writes `"Cmd": null`, `"Env": null`);
 *   it is removed, except where src/image/types.ts allows null (Entrypoint, Cmd, Labels, OnBuild);
 * - descriptive text no decision rests on (`author`, `comment` in the config and its history) is dropped
 *   when it is not a string;
 * - fields shipgate does not read are kept as they are.
 */
import { ShipgateError } from '../core/errors';
import { isDigest } from '../oci/digest';
import type { ImageConfig } from './types';

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeName(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** Field paths in messages are JSON paths (`history[2].created_by`); keys come from the image and are quoted. */
function fieldPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const safe = /^[A-Za-z_][\w-]{0,63}$/.test(key) ? key : JSON.stringify(key.slice(0, 64));
  return parent ? `${parent}.${safe}` : safe;
}

/** Throws the one-line IMAGE_FORMAT error for a field of the wrong type. */
export function badField(what: string, path: string, expected: string, value: unknown): never {
  throw new ShipgateError('IMAGE_FORMAT', `${what}: ${path} must be ${expected}, not ${typeName(value)}`);
}

/** A typed reader over one JSON object: each getter accepts absent values and fails on a wrong type. */
export class Fields {
  constructor(
    readonly obj: Json,
    readonly what: string,
    readonly path = '',
  ) {}

  private at(key: string): string {
    return fieldPath(this.path, key);
  }

  /** Removes a `null` value so it reads as absent; returns the value otherwise. */
  private value(key: string, keepNull = false): unknown {
    const v = this.obj[key];
    if (v === null && !keepNull) delete this.obj[key];
    return v === null && !keepNull ? undefined : v;
  }

  string(key: string): void {
    const v = this.value(key);
    if (v !== undefined && typeof v !== 'string') badField(this.what, this.at(key), 'a string', v);
  }

  /** Descriptive text: dropped when not a string. */
  text(key: string): void {
    if (key in this.obj && typeof this.obj[key] !== 'string') delete this.obj[key];
  }

  boolean(key: string): void {
    const v = this.value(key);
    if (v !== undefined && typeof v !== 'boolean') badField(this.what, this.at(key), 'true or false', v);
  }

  /** A count, size or duration in nanoseconds. */
  integer(key: string): void {
    const v = this.value(key);
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0))
      badField(this.what, this.at(key), 'a non-negative integer', v);
  }

  strings(key: string, keepNull = false): void {
    const v = this.value(key, keepNull);
    if (v === undefined || v === null) return;
    if (!Array.isArray(v)) badField(this.what, this.at(key), 'an array of strings', v);
    v.forEach((s, i) => {
      if (typeof s !== 'string') badField(this.what, fieldPath(this.at(key), i), 'a string', s);
    });
  }

  /** An object whose values are strings (labels, annotations). */
  stringMap(key: string, keepNull = false): void {
    const v = this.value(key, keepNull);
    if (v === undefined || v === null) return;
    if (!isObject(v)) badField(this.what, this.at(key), 'an object of strings', v);
    for (const [k, s] of Object.entries(v))
      if (typeof s !== 'string') badField(this.what, fieldPath(this.at(key), k), 'a string', s);
  }

  /** An object used as a set (ExposedPorts, Volumes): only its keys are read. */
  keySet(key: string): void {
    const v = this.value(key);
    if (v !== undefined && !isObject(v)) badField(this.what, this.at(key), 'an object', v);
  }

  /** A nested object, or undefined when absent. */
  object(key: string): Fields | undefined {
    const v = this.value(key);
    if (v === undefined) return undefined;
    if (!isObject(v)) badField(this.what, this.at(key), 'an object', v);
    return new Fields(v, this.what, this.at(key));
  }

  /** An array of objects, or undefined when absent. */
  objects(key: string): Fields[] | undefined {
    const v = this.value(key);
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) badField(this.what, this.at(key), 'an array', v);
    return v.map((item, i) => {
      const p = fieldPath(this.at(key), i);
      if (!isObject(item)) badField(this.what, p, 'an object', item);
      return new Fields(item, this.what, p);
    });
  }
}

/** Checks an image config (`what` names the image) and returns it typed. */
export function checkImageConfig(doc: unknown, what: string): ImageConfig {
  if (!isObject(doc)) badField(what, 'the image config', 'a JSON object', doc);
  const top = new Fields(doc, what);
  for (const k of ['architecture', 'os', 'variant', 'created']) top.string(k);
  top.text('author');
  const cfg = top.object('config');
  if (cfg) {
    for (const k of ['User', 'WorkingDir', 'StopSignal']) cfg.string(k);
    cfg.strings('Env');
    for (const k of ['Entrypoint', 'Cmd', 'OnBuild']) cfg.strings(k, true);
    cfg.strings('Shell');
    cfg.stringMap('Labels', true);
    cfg.keySet('ExposedPorts');
    cfg.keySet('Volumes');
    const hc = cfg.object('Healthcheck');
    if (hc) {
      hc.strings('Test');
      for (const k of ['Interval', 'Timeout', 'StartPeriod', 'StartInterval', 'Retries']) hc.integer(k);
    }
  }
  for (const h of top.objects('history') ?? []) {
    h.string('created_by');
    h.string('created');
    h.boolean('empty_layer');
    h.text('comment');
    h.text('author');
  }
  const rootfs = top.object('rootfs');
  if (rootfs) {
    rootfs.string('type');
    rootfs.strings('diff_ids');
    const ids = rootfs.obj.diff_ids;
    if (!Array.isArray(ids)) badField(what, 'rootfs.diff_ids', 'an array of digests', ids);
    ids.forEach((d: string, i) => {
      if (!isDigest(d))
        throw new ShipgateError(
          'IMAGE_FORMAT',
          `${what}: rootfs.diff_ids[${i}] is not a digest: "${d.slice(0, 80)}"`,
        );
    });
  }
  return doc as ImageConfig;
}

/** Checks the fields of a descriptor other than mediaType and digest (the caller reads those). */
export function checkDescriptorFields(f: Fields): void {
  f.integer('size');
  f.stringMap('annotations');
  f.strings('urls');
  f.string('artifactType');
  const platform = f.object('platform');
  if (platform) {
    for (const k of ['os', 'architecture']) {
      platform.string(k);
      if (platform.obj[k] === undefined) badField(f.what, fieldPath(platform.path, k), 'a string', undefined);
    }
    platform.string('variant');
    platform.string('os.version');
    platform.strings('os.features');
  }
}
