#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  RegistryClient
} from "./chunk-ICL5DW5G.js";
import "./chunk-6NPJNXW7.js";
import {
  openFromManifest
} from "./chunk-DRSEBZ5C.js";
import "./chunk-TXKN6PNT.js";
import "./chunk-TJLGGXV5.js";
import {
  formatRegistryRef,
  repositoryName
} from "./chunk-6FSLFHTN.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import "./chunk-6INDVNBY.js";
import "./chunk-HYPJQQQ3.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import "./chunk-YNPQFTY5.js";

// src/image/sources/registry.ts
import { Transform } from "node:stream";
var IdleTimeout = class extends Transform {
  constructor(ms, what) {
    super();
    this.ms = ms;
    this.what = what;
    this.arm();
  }
  ms;
  what;
  timer;
  arm() {
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => this.destroy(new ShipgateError("NETWORK", `${this.what}: no data for ${this.ms} ms`)),
      this.ms
    );
    this.timer.unref();
  }
  _transform(chunk, _enc, cb) {
    this.arm();
    cb(null, chunk);
  }
  _flush(cb) {
    clearTimeout(this.timer);
    cb();
  }
  _destroy(err, cb) {
    clearTimeout(this.timer);
    cb(err);
  }
};
async function openRegistryImage(ref, input, options) {
  const client = new RegistryClient({
    registry: ref.registry,
    insecureRegistries: options.insecureRegistries ?? [],
    env: options.env ?? process.env,
    ...options.timeoutMs ? { timeoutMs: options.timeoutMs } : {},
    ...options.registryRetry ? { retry: options.registryRetry } : {}
  });
  const what = formatRegistryRef(ref);
  const top = await client.getManifest(ref.repository, ref.digest ?? ref.tag ?? "latest");
  if (ref.digest && top.digest !== ref.digest)
    throw new ShipgateError(
      "DIGEST_MISMATCH",
      `${what}: the registry sent a manifest with digest ${top.digest}`
    );
  const idleMs = options.timeoutMs ?? 6e4;
  const store = {
    what,
    readBlob: (desc) => client.getBlobBytes(ref.repository, desc.digest),
    readManifest: async (desc) => (await client.getManifest(ref.repository, desc.digest)).bytes,
    async streamBlob(desc) {
      const body = await client.getBlob(ref.repository, desc.digest);
      const guard = new IdleTimeout(idleMs, `${what}: blob ${desc.digest}`);
      body.on("error", (e) => guard.destroy(e));
      guard.on("close", () => body.destroy());
      return body.pipe(guard);
    },
    async close() {
    }
  };
  const meta = {
    ref: input,
    repository: repositoryName(ref)
  };
  if (ref.tag) meta.tag = ref.tag;
  return openFromManifest(store, top, meta, options);
}
export {
  openRegistryImage
};
