#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  MISMATCH_HINT,
  SHIPGATE_AUDIENCE,
  checkPinnedProject,
  claimMismatches,
  identityError,
  normalizeIssuer,
  verifyIdToken
} from "./chunk-M3WFSPHO.js";
import {
  decodeJwt
} from "./chunk-OZR5VCAC.js";
import {
  scanPlatforms,
  scannedIndex,
  signingPush
} from "./chunk-VXL7EI4S.js";
import {
  gateFlags
} from "./chunk-QXIHMM5Z.js";
import {
  runPipeline
} from "./chunk-EKA2GYPS.js";
import {
  tuneForImages
} from "./chunk-JBZB6ZHA.js";
import "./chunk-VW2INED4.js";
import {
  SIGNING_HELP,
  signOptions
} from "./chunk-RSVFU7XH.js";
import "./chunk-PDDR2B3M.js";
import {
  helpSection,
  parseTableCommand
} from "./chunk-63NLDXJT.js";
import {
  bool,
  list,
  str
} from "./chunk-N7PLTF7E.js";
import {
  blockingReasonsLine
} from "./chunk-MEPUX6SS.js";
import "./chunk-LPHRMR6J.js";
import "./chunk-CE3SJGIG.js";
import "./chunk-2L5WH6HQ.js";
import {
  RegistryClient
} from "./chunk-ICL5DW5G.js";
import {
  _enum,
  array,
  boolean,
  looseObject,
  number,
  string,
  union
} from "./chunk-7MLJYEXC.js";
import "./chunk-ORKN2LZK.js";
import {
  openImage
} from "./chunk-EAWDZE7V.js";
import "./chunk-VL4GPTQJ.js";
import "./chunk-DJZU7JBD.js";
import {
  DEFAULT_RETRY,
  backoffMs
} from "./chunk-6NPJNXW7.js";
import "./chunk-DRSEBZ5C.js";
import {
  MT
} from "./chunk-TXKN6PNT.js";
import "./chunk-TJLGGXV5.js";
import {
  findRepoRoot
} from "./chunk-VYLKKKIO.js";
import "./chunk-U65Y67VX.js";
import "./chunk-7KII5CIB.js";
import "./chunk-7RXX3OXC.js";
import "./chunk-DML5XCCS.js";
import "./chunk-Z4T7NOW3.js";
import "./chunk-FJAP4N5B.js";
import "./chunk-DLZNSFT6.js";
import "./chunk-44QYIPQ7.js";
import {
  mapConcurrent
} from "./chunk-SCYKMJJI.js";
import "./chunk-IARREIY2.js";
import "./chunk-DNEHU5TI.js";
import "./chunk-3QODUBSV.js";
import "./chunk-WXYCZFY5.js";
import "./chunk-LJLRXQKZ.js";
import "./chunk-RFIJBJJT.js";
import {
  digestOf,
  parseDigest,
  parseImageRef,
  repositoryName
} from "./chunk-6FSLFHTN.js";
import {
  EXIT,
  ShipgateError,
  isShipgateError,
  parseExitCode
} from "./chunk-6QO4RSHM.js";
import "./chunk-6INDVNBY.js";
import "./chunk-XFIAZQWE.js";
import {
  addSecret,
  logger
} from "./chunk-HYPJQQQ3.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-5JUTSDFM.js";
import "./chunk-YNPQFTY5.js";

// src/oci/copy.ts
import { Readable } from "node:stream";

// src/oci/upload.ts
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
var MiB = 1024 * 1024;
var DEFAULT_UPLOAD_TUNING = {
  // A streamed blob that resumes reads its source again up to the registry's offset; above this size,
  // chunks kept in memory make a resume cheap.
  chunkThreshold: 2048 * MiB,
  chunkSize: 8 * MiB,
  resumes: 3
};
var UploadLost = class extends Error {
};
var TooLarge = class extends Error {
};
function isResumable(e) {
  return isShipgateError(e) && (e.code === "NETWORK" || e.code === "REGISTRY");
}
function checkDigest(blob, actual) {
  if (blob.digest && blob.digest !== actual)
    throw new ShipgateError(
      "DIGEST_MISMATCH",
      `${blob.what}: content digest ${actual} does not match ${blob.digest}`,
      { hint: "the image is corrupt or was tampered with; pull or save it again" }
    );
  return actual;
}
function algorithmOf(blob) {
  return blob.digest ? parseDigest(blob.digest, blob.what).algorithm : "sha256";
}
var SourceBody = class {
  constructor(blob, size, skip) {
    this.blob = blob;
    this.size = size;
    this.skip = skip;
  }
  blob;
  size;
  skip;
  failure;
  computed;
  get length() {
    return this.size - this.skip;
  }
  /** The digest of the bytes read, once the whole source was read and checked. */
  get digest() {
    if (this.computed === void 0)
      throw new ShipgateError("INTERNAL", `${this.blob.what}: the upload ended before its source did`);
    return this.computed;
  }
  async *open() {
    try {
      yield* this.read();
    } catch (e) {
      this.failure ??= e;
      throw e;
    }
  }
  async *read() {
    const { blob, size, skip } = this;
    this.computed = void 0;
    const algorithm = algorithmOf(blob);
    const hash = blob.verifies && blob.digest ? void 0 : createHash(algorithm);
    const stream = await blob.open();
    try {
      let read = 0;
      let last;
      for await (const data of stream) {
        const piece = data;
        if (read + piece.length > size)
          throw new ShipgateError(
            "DIGEST_MISMATCH",
            `${blob.what}: more than the ${size} bytes its descriptor announces`
          );
        hash?.update(piece);
        const from = Math.max(0, skip - read);
        read += piece.length;
        if (from >= piece.length) continue;
        if (last) yield last;
        last = from > 0 ? piece.subarray(from) : piece;
      }
      if (read < size)
        throw new ShipgateError("IMAGE_FORMAT", `${blob.what}: truncated (${read} of ${size} bytes)`, {
          hint: "the image is incomplete; pull or save it again"
        });
      this.computed = hash ? checkDigest(blob, `${algorithm}:${hash.digest("hex")}`) : blob.digest;
      if (last) yield last;
    } finally {
      stream.destroy();
    }
  }
};
async function* fill(stream, buffers, hash) {
  let turn = 0;
  let held = 0;
  for await (const data of stream) {
    let piece = data;
    while (piece.length > 0) {
      const chunk = buffers[turn % buffers.length];
      const n = piece.copy(chunk, held);
      held += n;
      piece = piece.subarray(n);
      if (held === chunk.length) {
        hash.update(chunk);
        yield chunk;
        turn++;
        held = 0;
      }
    }
  }
  if (held > 0) {
    const last = buffers[turn % buffers.length].subarray(0, held);
    hash.update(last);
    yield last;
  }
}
async function* chunksOf(stream, size, hash) {
  const source = fill(stream, [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)], hash);
  const ahead = () => {
    const next2 = source.next();
    next2.catch(() => void 0);
    return next2;
  };
  let next = ahead();
  try {
    for (; ; ) {
      const item = await next;
      if (item.done) return;
      next = ahead();
      yield item.value;
    }
  } finally {
    source.return(void 0).catch(() => void 0);
  }
}
function locationOf(res, base, what) {
  const location = res.headers.get("location");
  if (!location) throw new ShipgateError("REGISTRY", `${what}: the registry gave no upload location`);
  return new URL(location, base);
}
function heldBytes(range, what) {
  const m = /^(?:bytes=)?0-(\d+)$/.exec(range?.trim() ?? "");
  if (!m) throw new ShipgateError("REGISTRY", `${what}: the upload status has no usable Range header`);
  const last = Number(m[1]);
  return last === 0 ? 0 : last + 1;
}
var BlobUploader = class {
  constructor(client, blob, tuning) {
    this.client = client;
    this.blob = blob;
    this.tuning = tuning;
    this.base = new URL(`${client.baseUrl}/`);
    this.budget = tuning.resumes;
  }
  client;
  blob;
  tuning;
  base;
  budget;
  attempt = 0;
  /** Whether blobs up to the threshold go up in one request: until the registry refuses one as too large. */
  streaming = true;
  get what() {
    return `upload ${this.client.registry}/${this.blob.repository} ${this.blob.what}`;
  }
  async run() {
    const { digest, repository, mountFrom } = this.blob;
    if (digest) {
      const size = await this.client.blobSize(repository, digest, "push");
      if (size !== void 0) return { digest, size: this.blob.size ?? size, how: "exists" };
    }
    const mount = digest && mountFrom && mountFrom !== repository ? digest : void 0;
    for (; ; ) {
      const start = await this.start(mount);
      if (start.status === 201 && mount) {
        const size = this.blob.size ?? await this.client.blobSize(repository, mount, "push");
        return { digest: mount, size: size ?? -1, how: "mounted" };
      }
      try {
        return await this.send(locationOf(start, this.base, this.what));
      } catch (e) {
        if (!(e instanceof UploadLost) || !this.spend()) throw e instanceof UploadLost ? e.cause : e;
        logger().warn(`${this.what}: the registry dropped the upload; starting it over`);
        await this.pause();
      }
    }
  }
  spend() {
    return this.budget-- > 0;
  }
  async pause() {
    await sleep(backoffMs(this.attempt++, DEFAULT_RETRY));
  }
  /** POST opening an upload (with a mount request when asked): 201 mounted, 202 with a Location. */
  async start(mount) {
    const { repository, mountFrom } = this.blob;
    const query = mount ? `?mount=${encodeURIComponent(mount)}&from=${encodeURIComponent(mountFrom ?? "")}` : "";
    const res = await this.client.request(
      {
        method: "POST",
        path: `/v2/${repository}/blobs/uploads/${query}`,
        repository,
        action: "push",
        accept: [201, 202],
        followRedirects: false
      },
      this.what
    );
    await res.body?.cancel().catch(() => void 0);
    return res;
  }
  /** Sends the bytes into the upload at `location` and closes it with the digest. */
  send(location) {
    const { size } = this.blob;
    if (this.streaming && size !== void 0 && size <= this.tuning.chunkThreshold)
      return this.stream(location, size);
    return this.chunked(location);
  }
  /**
   * The blob in one PATCH read from the source as it is sent, closed by a PUT with the digest; after a dropped
   * connection, the PATCH sends only the bytes the registry does not hold. A blob of one chunk at most, whose
   * digest is known, goes in the PUT itself (a registry may drop an upload whose PUT failed: it then starts over).
   */
  async stream(location, size) {
    const { digest } = this.blob;
    let held = 0;
    for (; ; ) {
      const body = new SourceBody(this.blob, size, held);
      try {
        if (held === 0 && digest && size <= this.tuning.chunkSize) {
          await this.finish(location, digest, body);
        } else {
          if (held < size) location = await this.sendRest(location, body, held, size);
          else for await (const piece of body.open()) void piece;
          await this.finish(location, body.digest);
        }
        return { digest: body.digest, size, how: "uploaded" };
      } catch (e) {
        if (body.failure !== void 0) throw body.failure;
        if (e instanceof TooLarge) {
          logger().info(`${this.what}: ${e.message}; sending it in chunks`);
          this.streaming = false;
          if (held === 0) return this.chunked(location);
          throw new UploadLost(e.message, {
            cause: new ShipgateError("REGISTRY", `${this.what}: ${e.message}`)
          });
        }
        if (!isResumable(e) || !this.spend()) throw e;
        logger().warn(`${e.message}; resuming the upload from the registry's offset`);
        await this.pause();
        const status = await this.status(location, e);
        location = status.location;
        held = status.held;
        if (held > size) throw new UploadLost(e.message, { cause: e });
      }
    }
  }
  /** The blob in PATCHes of `chunkSize` bytes, the next one read ahead, closed by a PUT with the digest. */
  async chunked(location) {
    const stream = await this.blob.open();
    try {
      const algorithm = algorithmOf(this.blob);
      const hash = createHash(algorithm);
      let offset = 0;
      for await (const chunk of chunksOf(stream, this.tuning.chunkSize, hash)) {
        location = await this.patch(location, chunk, offset);
        offset += chunk.length;
      }
      const digest = checkDigest(this.blob, `${algorithm}:${hash.digest("hex")}`);
      await this.finish(location, digest);
      return { digest, size: offset, how: "uploaded" };
    } finally {
      stream.destroy();
    }
  }
  /** PUT closing the upload with its digest, and with the whole blob when it is given, streamed. */
  async finish(location, digest, body) {
    const url = new URL(location);
    url.searchParams.set("digest", digest);
    const res = await this.client.request(
      {
        method: "PUT",
        path: url.toString(),
        repository: this.blob.repository,
        action: "push",
        headers: { "content-type": "application/octet-stream" },
        body: body ?? Buffer.alloc(0),
        followRedirects: false,
        // A streamed blob is not sent again by the HTTP layer: the caller resumes or starts over.
        ...body ? { retries: 0, accept: [413] } : {}
      },
      this.what
    );
    await res.body?.cancel().catch(() => void 0);
    if (res.status === 413)
      throw new TooLarge(`${this.client.registry} refused ${body?.length} bytes in one request`);
  }
  /**
   * PATCH of a blob's bytes from `offset` to its end, streamed; returns the next Location. Not sent again by
   * the HTTP layer on failure: the caller resumes from the registry's offset.
   */
  async sendRest(location, body, offset, size) {
    const res = await this.client.request(
      {
        method: "PATCH",
        path: location.toString(),
        repository: this.blob.repository,
        action: "push",
        headers: { "content-type": "application/octet-stream", "content-range": `${offset}-${size - 1}` },
        body,
        accept: [202, 413],
        followRedirects: false,
        retries: 0
      },
      this.what
    );
    await res.body?.cancel().catch(() => void 0);
    if (res.status === 413)
      throw new TooLarge(`${this.client.registry} refused ${body.length} bytes in one request`);
    return locationOf(res, location, this.what);
  }
  /** PATCH one chunk at `offset`, resuming from the registry's offset when the exchange fails. */
  async patch(location, chunk, offset) {
    let sent = 0;
    for (; ; ) {
      const part = chunk.subarray(sent);
      try {
        const res = await this.client.request(
          {
            method: "PATCH",
            path: location.toString(),
            repository: this.blob.repository,
            action: "push",
            headers: {
              "content-type": "application/octet-stream",
              "content-length": String(part.length),
              "content-range": `${offset + sent}-${offset + chunk.length - 1}`
            },
            body: part,
            accept: [202],
            followRedirects: false,
            retries: 0
          },
          this.what
        );
        await res.body?.cancel().catch(() => void 0);
        return locationOf(res, location, this.what);
      } catch (e) {
        if (!isResumable(e) || !this.spend()) throw e;
        logger().warn(
          `${e.message}; resuming the upload at byte ${offset + sent} from the registry's offset`
        );
        await this.pause();
        const status = await this.status(location, e);
        location = status.location;
        sent = status.held - offset;
        if (sent < 0 || sent > chunk.length) throw new UploadLost(e.message, { cause: e });
        if (sent === chunk.length) return location;
      }
    }
  }
  /** GET on the upload: the bytes the registry holds and where to continue; UploadLost when it is gone. */
  async status(location, failure) {
    const res = await this.client.request(
      {
        method: "GET",
        path: location.toString(),
        repository: this.blob.repository,
        action: "push",
        accept: [400, 404, 416],
        followRedirects: false
      },
      `${this.what} (status)`
    );
    await res.body?.cancel().catch(() => void 0);
    if (res.status !== 204 && res.status !== 202) throw new UploadLost(failure.message, { cause: failure });
    return {
      location: locationOf(res, location, this.what),
      held: heldBytes(res.headers.get("range"), this.what)
    };
  }
};
function uploadBlob(client, blob, tuning = DEFAULT_UPLOAD_TUNING) {
  return new BlobUploader(client, blob, tuning).run();
}

// src/oci/copy.ts
var OCI_LAYER_TYPE = {
  [MT.dockerLayerGzip]: MT.ociLayerGzip,
  [MT.dockerLayerTar]: MT.ociLayerTar
};
function parseDestination(dest) {
  const ref = parseImageRef(dest);
  if (ref.transport !== "registry")
    throw new ShipgateError("USAGE", `push: "${dest}" is not a registry reference`, {
      hint: "give DEST as host/repository[:tag], e.g. registry.gitlab.com/group/app:1.2"
    });
  return ref;
}
function ociManifest(config, layers) {
  const strip = (d) => ({ mediaType: d.mediaType, digest: d.digest, size: d.size });
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MT.ociManifest,
      config: strip(config),
      layers: layers.map(strip)
    })
  );
}
var DEFAULT_UPLOAD_CONCURRENCY = 4;
function destinationClient(destination, options = {}) {
  return new RegistryClient({
    registry: destination.registry,
    ...options.env ? { env: options.env } : {},
    ...options.insecureRegistries ? { insecureRegistries: options.insecureRegistries } : {}
  });
}
function layerBlob(source, layer, index) {
  const label = `layer ${index + 1}/${source.layers.length}`;
  const { stored } = layer;
  if (stored)
    return {
      label,
      mediaType: OCI_LAYER_TYPE[stored.mediaType] ?? stored.mediaType,
      upload: {
        what: `${source.name} ${label}`,
        digest: stored.digest,
        size: stored.size,
        open: stored.open,
        verifies: true
      }
    };
  return {
    label,
    mediaType: MT.ociLayerTar,
    upload: {
      what: `${source.name} ${label} (uncompressed)`,
      digest: layer.diffId,
      open: () => layer.open()
    }
  };
}
async function uploadBlobs(client, source, destination, options = {}) {
  const log = logger();
  const repository = destination.repository;
  if (digestOf(source.config.bytes) !== source.config.digest)
    throw new ShipgateError(
      "DIGEST_MISMATCH",
      `${source.name}: the config does not match its digest ${source.config.digest}`
    );
  const tuning = {
    chunkThreshold: options.chunkThreshold ?? DEFAULT_UPLOAD_TUNING.chunkThreshold,
    chunkSize: options.chunkSize ?? DEFAULT_UPLOAD_TUNING.chunkSize,
    resumes: options.resumes ?? DEFAULT_UPLOAD_TUNING.resumes
  };
  const configBytes = source.config.bytes;
  const blobs = [
    ...source.layers.map((layer, index) => layerBlob(source, layer, index)),
    {
      label: "config",
      mediaType: MT.ociConfig,
      upload: {
        what: `${source.name} config`,
        digest: source.config.digest,
        size: configBytes.length,
        open: async () => Readable.from([configBytes]),
        // Checked against its digest above.
        verifies: true
      }
    }
  ];
  const descriptors = await mapConcurrent(
    blobs,
    options.concurrency ?? DEFAULT_UPLOAD_CONCURRENCY,
    async (blob) => {
      const done = await uploadBlob(
        client,
        { ...blob.upload, repository, mountFrom: options.mountFrom },
        tuning
      );
      log.info(`push: ${blob.label} ${done.digest.slice(0, 19)} (${done.size} bytes) ${done.how}`);
      return { mediaType: blob.mediaType, digest: done.digest, size: done.size };
    }
  );
  const config = descriptors.pop();
  const layers = descriptors;
  const manifest = ociManifest(config, layers);
  const digest = digestOf(manifest);
  if (destination.digest && destination.digest !== digest)
    throw new ShipgateError(
      "DIGEST_MISMATCH",
      `push: the destination names ${destination.digest}, but the image to push is ${digest}`,
      { hint: "give DEST with a tag, or with the digest shipgate printed for this image" }
    );
  return {
    destination,
    reference: `${repositoryName(destination)}@${digest}`,
    digest,
    manifest,
    config,
    layers
  };
}
async function putManifest(client, image) {
  const { destination, digest } = image;
  await client.putManifest(destination.repository, destination.tag ?? digest, image.manifest, MT.ociManifest);
  logger().info(
    `push: ${repositoryName(destination)}${destination.tag ? `:${destination.tag}` : ""} is ${digest}`
  );
}
function ociIndex(destination, manifests) {
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MT.ociIndex,
      manifests: manifests.map((m) => ({
        mediaType: MT.ociManifest,
        digest: m.digest,
        size: m.size,
        platform: {
          architecture: m.platform.architecture,
          os: m.platform.os,
          ...m.platform.variant ? { variant: m.platform.variant } : {}
        }
      }))
    })
  );
  const digest = digestOf(manifest);
  if (destination.digest && destination.digest !== digest)
    throw new ShipgateError(
      "DIGEST_MISMATCH",
      `push: the destination names ${destination.digest}, but the index to push is ${digest}`,
      { hint: "give DEST with a tag, or with the digest shipgate printed for this image" }
    );
  return { destination, reference: `${repositoryName(destination)}@${digest}`, digest, manifest };
}
async function putIndex(client, index) {
  const { destination, digest } = index;
  await client.putManifest(destination.repository, destination.tag ?? digest, index.manifest, MT.ociIndex);
  logger().info(
    `push: ${repositoryName(destination)}${destination.tag ? `:${destination.tag}` : ""} is the index ${digest}`
  );
}

// src/platform/github/oidc.ts
var GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
var FORK_CODE_EVENTS = ["pull_request_target", "workflow_run", "issue_comment"];
function githubClaims(payload) {
  const s = (k) => typeof payload[k] === "string" ? payload[k] : typeof payload[k] === "number" ? String(payload[k]) : void 0;
  return {
    sub: s("sub") ?? "",
    repository: s("repository"),
    run_id: s("run_id"),
    sha: s("sha"),
    ref: s("ref"),
    workflow_ref: s("workflow_ref"),
    job_workflow_ref: s("job_workflow_ref"),
    event_name: s("event_name")
  };
}
function githubMismatches(claims, env) {
  const pairs = [
    ["repository", "GITHUB_REPOSITORY"],
    ["run_id", "GITHUB_RUN_ID"],
    ["sha", "GITHUB_SHA"],
    ["ref", "GITHUB_REF"],
    // workflow_ref names the workflow the run started (GITHUB_WORKFLOW_REF, also in reusable workflows);
    // job_workflow_ref names the file the job is defined in.
    ["workflow_ref", "GITHUB_WORKFLOW_REF"],
    ["event_name", "GITHUB_EVENT_NAME"]
  ];
  return claimMismatches(
    pairs.map(([claim, variable]) => ({
      claim,
      token: claims[claim],
      job: env[variable]?.trim(),
      required: true
    }))
  );
}
async function requestGithubToken(env, audience = SHIPGATE_AUDIENCE, doFetch = fetch) {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL?.trim();
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN?.trim();
  if (!url || !bearer)
    throw identityError(
      "the GitHub job cannot request an ID token (ACTIONS_ID_TOKEN_REQUEST_URL is not set)",
      'give the job "permissions: id-token: write"'
    );
  addSecret(bearer);
  const target = new URL(url);
  target.searchParams.set("audience", audience);
  let res;
  try {
    res = await doFetch(target, {
      headers: { authorization: `Bearer ${bearer}`, accept: "application/json" }
    });
  } catch (e) {
    const cause = e.cause?.code ?? e.message;
    throw new ShipgateError("NETWORK", `cannot reach the Actions ID token service: ${cause}`, {
      hint: "retry the job"
    });
  }
  if (!res.ok)
    throw identityError(
      `the Actions ID token service answered ${res.status}`,
      'give the job "permissions: id-token: write"'
    );
  const body = await res.json().catch(() => ({}));
  if (typeof body.value !== "string" || !body.value)
    throw identityError("the Actions ID token service returned no token", "retry the job");
  addSecret(body.value);
  return body.value;
}
async function githubJobIdentity(env, options = {}) {
  const audience = options.audience ?? SHIPGATE_AUDIENCE;
  const issuer = options.issuer ?? GITHUB_ISSUER;
  const token = await requestGithubToken(env, audience, options.fetch);
  const payload = await verifyIdToken(token, {
    issuer,
    audience,
    label: "the GitHub ID token",
    ...options.now ? { now: options.now } : {},
    ...options.fetch ? { fetch: options.fetch } : {}
  });
  const claims = githubClaims(payload);
  checkPinnedProject("repository", claims.repository, options);
  const mismatches = githubMismatches(claims, env);
  if (mismatches.length) throw identityError(`ID token ${mismatches.join("; ")}`, MISMATCH_HINT);
  const event = claims.event_name;
  if (FORK_CODE_EVENTS.includes(event) && !options.allowEvents?.includes(event))
    throw identityError(
      `the job runs for a ${event} event, whose runs can execute code from a fork with the base branch's identity`,
      `push from push, release or workflow_dispatch runs; to accept ${event} runs anyway, pass --oidc-allow-event ${event}`
    );
  return {
    platform: "github",
    project: claims.repository,
    run: claims.run_id,
    sha: claims.sha,
    ref: claims.ref,
    subject: claims.sub,
    issuer
  };
}
var githubPlatform = {
  name: "github",
  title: "GitHub Actions",
  detect: (env) => env.GITHUB_ACTIONS === "true",
  identity: (env, options = {}) => githubJobIdentity(env, options)
};

// src/platform/gitlab/oidc.ts
var ID_TOKEN_VARIABLES = ["SIGSTORE_ID_TOKEN", "SHIPGATE_ID_TOKEN"];
var str2 = string().optional();
var num = number().optional();
var flag = union([boolean(), _enum(["true", "false"])]).optional().transform((v) => v === void 0 ? void 0 : v === true || v === "true");
var ClaimsSchema = looseObject({
  iss: string().min(1),
  sub: string().min(1),
  aud: union([string(), array(string())]).transform((a) => Array.isArray(a) ? a : [a]),
  exp: num,
  iat: num,
  nbf: num,
  jti: str2,
  namespace_id: str2,
  namespace_path: str2,
  project_id: str2,
  project_path: str2,
  // The project the job runs in, which differs from project_* in a merge request pipeline from a fork.
  job_project_id: str2,
  job_project_path: str2,
  user_id: str2,
  user_login: str2,
  pipeline_id: str2,
  pipeline_source: str2,
  job_id: str2,
  ref: str2,
  ref_type: str2,
  ref_path: str2,
  ref_protected: flag,
  environment: str2,
  environment_protected: flag,
  runner_id: union([number(), string()]).optional(),
  runner_environment: str2,
  sha: str2,
  ci_config_ref_uri: str2,
  ci_config_sha: str2,
  project_visibility: str2
});
function decodeIdToken(token, variable = "SIGSTORE_ID_TOKEN") {
  const raw = token.trim();
  const decoded = decodeJwt(raw);
  if (typeof decoded === "string")
    throw new ShipgateError("INPUT", `${variable} is ${decoded}`, { hint: declareHint(variable) });
  return { variable, token: raw, claims: parseIdClaims(decoded.payload, variable) };
}
function declareHint(variable) {
  return `declare it in the job with id_tokens: ${variable}: aud: ...`;
}
function parseIdClaims(payload, variable) {
  const parsed = ClaimsSchema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") || "payload";
    throw new ShipgateError(
      "INPUT",
      `${variable} is not a valid ID token: claim "${where}" ${issue?.message ?? "is invalid"}`,
      { hint: declareHint(variable) }
    );
  }
  return parsed.data;
}
function gitlabIdentity(env = process.env, variable) {
  for (const v of variable ? [variable] : ID_TOKEN_VARIABLES) {
    const token = env[v]?.trim();
    if (token) return decodeIdToken(token, v);
  }
  return void 0;
}

// src/platform/gitlab/context.ts
function isGitlabCi(env = process.env) {
  return env.GITLAB_CI === "true";
}
function val(env, name) {
  const v = env[name]?.trim();
  return v ? v : void 0;
}
function fqdn(env, serverUrl) {
  const given = val(env, "CI_SERVER_FQDN");
  if (given) return given;
  try {
    return new URL(serverUrl).host;
  } catch {
    return val(env, "CI_SERVER_HOST") ?? "gitlab.com";
  }
}
function gitlabContext(env = process.env) {
  if (!isGitlabCi(env)) return void 0;
  for (const secret of ["CI_JOB_TOKEN", "CI_REGISTRY_PASSWORD", "CI_JOB_JWT", "CI_JOB_JWT_V2"])
    addSecret(val(env, secret));
  const serverUrl = (val(env, "CI_SERVER_URL") ?? "https://gitlab.com").replace(/\/+$/, "");
  const ctx = {
    serverUrl,
    serverFqdn: fqdn(env, serverUrl),
    apiUrl: (val(env, "CI_API_V4_URL") ?? `${serverUrl}/api/v4`).replace(/\/+$/, ""),
    project: { id: val(env, "CI_PROJECT_ID") ?? "", path: val(env, "CI_PROJECT_PATH") ?? "" },
    pipeline: { id: val(env, "CI_PIPELINE_ID") ?? "" },
    job: { id: val(env, "CI_JOB_ID") ?? "" },
    commit: {
      sha: val(env, "CI_COMMIT_SHA") ?? "",
      ref: val(env, "CI_COMMIT_REF_NAME") ?? val(env, "CI_COMMIT_TAG") ?? val(env, "CI_COMMIT_BRANCH") ?? "",
      refProtected: env.CI_COMMIT_REF_PROTECTED === "true"
    }
  };
  const opt = (target, key, name) => {
    const v = val(env, name);
    if (v !== void 0) target[key] = v;
  };
  opt(ctx.project, "namespace", "CI_PROJECT_NAMESPACE");
  opt(ctx.project, "url", "CI_PROJECT_URL");
  opt(ctx.project, "defaultBranch", "CI_DEFAULT_BRANCH");
  opt(ctx.project, "dir", "CI_PROJECT_DIR");
  opt(ctx.pipeline, "iid", "CI_PIPELINE_IID");
  opt(ctx.pipeline, "url", "CI_PIPELINE_URL");
  opt(ctx.pipeline, "source", "CI_PIPELINE_SOURCE");
  opt(ctx.job, "name", "CI_JOB_NAME");
  opt(ctx.job, "stage", "CI_JOB_STAGE");
  opt(ctx.job, "url", "CI_JOB_URL");
  opt(ctx.job, "token", "CI_JOB_TOKEN");
  opt(ctx.commit, "refSlug", "CI_COMMIT_REF_SLUG");
  opt(ctx.commit, "branch", "CI_COMMIT_BRANCH");
  opt(ctx.commit, "tag", "CI_COMMIT_TAG");
  const iid = Number(val(env, "CI_MERGE_REQUEST_IID"));
  if (Number.isInteger(iid) && iid > 0) {
    const mr = { iid, fromFork: false };
    opt(mr, "projectId", "CI_MERGE_REQUEST_PROJECT_ID");
    opt(mr, "sourceBranch", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME");
    opt(mr, "targetBranch", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME");
    opt(mr, "diffBaseSha", "CI_MERGE_REQUEST_DIFF_BASE_SHA");
    const source = val(env, "CI_MERGE_REQUEST_SOURCE_PROJECT_ID");
    mr.fromFork = source !== void 0 && mr.projectId !== void 0 && source !== mr.projectId;
    ctx.mergeRequest = mr;
  }
  const host = val(env, "CI_REGISTRY");
  if (host) {
    const registry = { host };
    opt(registry, "image", "CI_REGISTRY_IMAGE");
    opt(registry, "user", "CI_REGISTRY_USER");
    opt(registry, "password", "CI_REGISTRY_PASSWORD");
    ctx.registry = registry;
  }
  try {
    const identity = gitlabIdentity(env);
    if (identity) ctx.identity = identity;
  } catch (e) {
    if (!isShipgateError(e)) throw e;
    ctx.identityProblem = e.message;
  }
  return ctx;
}
function identityMismatches(ctx, identity = ctx.identity) {
  if (!identity) return [];
  const c = identity.claims;
  return claimMismatches([
    { claim: "project_path", token: c.project_path, job: ctx.project.path },
    { claim: "project_id", token: c.project_id, job: ctx.project.id },
    { claim: "pipeline_id", token: c.pipeline_id, job: ctx.pipeline.id },
    { claim: "job_id", token: c.job_id, job: ctx.job.id },
    { claim: "sha", token: c.sha, job: ctx.commit.sha },
    { claim: "ref", token: c.ref, job: ctx.commit.ref },
    { claim: "ref_protected", token: c.ref_protected, job: ctx.commit.refProtected }
  ]);
}

// src/platform/gitlab/identity.ts
var REQUIRED_VARIABLES = [
  "CI_PROJECT_PATH",
  "CI_PIPELINE_ID",
  "CI_JOB_ID",
  "CI_COMMIT_SHA",
  "CI_COMMIT_REF_NAME"
];
var TOKEN_VARIABLES = ["SHIPGATE_ID_TOKEN", "SIGSTORE_ID_TOKEN"];
function forkProblem(c, ctx) {
  if (c.pipeline_source !== "merge_request_event") return void 0;
  if (c.job_project_path !== void 0 && c.job_project_path !== c.project_path)
    return `the pipeline runs in ${c.job_project_path} for a merge request from the fork ${c.project_path ?? ""}`;
  if (ctx.mergeRequest?.fromFork) return "the pipeline runs for a merge request from a fork";
  return void 0;
}
async function gitlabJobIdentity(env, options = {}) {
  const ctx = gitlabContext(env);
  if (!ctx) throw identityError('not a GitLab CI job (GITLAB_CI is not "true")', "run it in a CI job");
  const missing = REQUIRED_VARIABLES.filter((v) => !env[v]?.trim());
  if (missing.length)
    throw identityError(`the GitLab job environment lacks ${missing.join(", ")}`, "run it in a CI job");
  const audience = options.audience ?? SHIPGATE_AUDIENCE;
  const variable = TOKEN_VARIABLES.find((v) => env[v]?.trim());
  if (!variable)
    throw identityError(
      "the GitLab job has no ID token (SHIPGATE_ID_TOKEN or SIGSTORE_ID_TOKEN)",
      `declare one in the job: id_tokens: { SHIPGATE_ID_TOKEN: { aud: ${audience} } }`
    );
  if (!options.issuer)
    throw identityError(
      "the issuer of GitLab ID tokens is not configured",
      `pass --oidc-issuer with your GitLab URL as the tokens' "iss" claim names it (https://gitlab.com on GitLab.com)`
    );
  const token = env[variable].trim();
  const payload = await verifyIdToken(token, {
    issuer: options.issuer,
    audience,
    label: `the ID token in ${variable}`,
    ...options.now ? { now: options.now } : {},
    ...options.fetch ? { fetch: options.fetch } : {}
  });
  let identity;
  try {
    identity = { variable, token, claims: parseIdClaims(payload, variable) };
  } catch (e) {
    throw identityError(e.message, "use a GitLab job ID token");
  }
  const c = identity.claims;
  checkPinnedProject("project_path", c.project_path, options);
  const absent = ["project_path", "pipeline_id", "sha", "ref", "pipeline_source"].filter(
    (k) => c[k] === void 0
  );
  if (absent.length)
    throw identityError(`the ID token lacks the claim ${absent.join(", ")}`, "use a GitLab job ID token");
  const mismatches = [
    ...identityMismatches(ctx, identity),
    ...claimMismatches([
      { claim: "pipeline_source", token: c.pipeline_source, job: ctx.pipeline.source, required: true },
      { claim: "environment", token: c.environment, job: env.CI_ENVIRONMENT_NAME?.trim() }
    ])
  ];
  if (mismatches.length) throw identityError(`ID token ${mismatches.join("; ")}`, MISMATCH_HINT);
  const fork = forkProblem(c, ctx);
  if (fork)
    throw identityError(
      fork,
      "push from pipelines of the project itself (protected branches and tags), not from merge requests of forks"
    );
  return {
    platform: "gitlab",
    project: c.project_path,
    run: c.pipeline_id,
    sha: c.sha,
    ref: c.ref,
    subject: c.sub,
    issuer: c.iss
  };
}
var gitlabPlatform = {
  name: "gitlab",
  title: "GitLab CI",
  detect: (env) => isGitlabCi(env),
  identity: (env, options = {}) => gitlabJobIdentity(env, options)
};

// src/platform/ci.ts
var CI_PLATFORMS = [githubPlatform, gitlabPlatform];
function detectPlatform(env = process.env) {
  return CI_PLATFORMS.find((p) => p.detect(env));
}
async function ciIdentity(options = {}) {
  const env = options.env ?? process.env;
  const platform = detectPlatform(env);
  if (!platform)
    throw identityError(
      `not running in a CI job (${CI_PLATFORMS.map((p) => p.title).join(" or ")})`,
      'shipgate pushes only from a GitHub Actions or GitLab CI job; build and scan locally with "shipgate scan"'
    );
  return platform.identity(env, options);
}

// src/pipeline/push.ts
function refused(message, hint, cause) {
  return new ShipgateError("GUARD", `push refused: ${message}`, {
    ...hint ? { hint } : {},
    ...cause ? { cause } : {}
  });
}
var POLICY_REFUSALS = /* @__PURE__ */ new WeakSet();
function refusedByPolicy(e) {
  return e instanceof ShipgateError && POLICY_REFUSALS.has(e);
}
function refusedByTheGate(message, hint) {
  const e = refused(message, hint);
  POLICY_REFUSALS.add(e);
  return e;
}
async function identify(request) {
  try {
    return await ciIdentity(request);
  } catch (e) {
    if (isShipgateError(e) && e.code === "GUARD") throw refused(e.message, e.hint, e);
    throw e;
  }
}
function approvedDecision(result, image) {
  const ref = image.info.ref;
  const scanned = result.image;
  if (!scanned || scanned.configDigest !== image.info.configDigest || image.info.digest !== void 0 && scanned.digest !== image.info.digest)
    throw refused(`the decision is not about ${ref} as opened for the push`, "run the push again");
  const decision = result.decision;
  if (!decision?.approved)
    throw refusedByTheGate(
      `${ref} is not approved: ${decision ? blockingReasonsLine(decision) : "no decision"}`,
      'fix the findings or adjust the policy, then run the job again; "shipgate scan" shows every finding'
    );
  return decision;
}
function copySource(image) {
  const { info } = image;
  return {
    name: info.ref,
    config: { bytes: image.configBytes, digest: info.configDigest },
    layers: info.layers.map((l) => ({
      diffId: l.diffId,
      stored: image.storedLayer?.(l.index),
      open: () => image.openLayer(l.index)
    }))
  };
}
function mountSource(source, destination) {
  const ref = parseImageRef(source);
  return ref.transport === "registry" && ref.registry === destination.registry ? ref.repository : void 0;
}
async function scanGatePush(request) {
  const log = logger();
  const source = request.pipeline.image;
  if (!source) throw new ShipgateError("USAGE", "push: give the image to push");
  const destination = parseDestination(request.destination);
  const identity = await identify(request);
  log.info(
    `push: ${identity.platform} job ${identity.project} run ${identity.run} at ${identity.sha.slice(0, 12)} (${identity.ref}): ID token verified (issuer ${identity.issuer}) and its claims match the job`
  );
  const open = request.open ?? openImage;
  const platform = request.pipeline.platform;
  const image = await log.step(
    `opening ${source}`,
    () => open(source, platform ? { platform } : request.allPlatforms ? { anyPlatform: true } : {})
  );
  try {
    if (request.allPlatforms && !platform && scannedIndex(image))
      return await pushIndex(request, identity, image, destination);
    const result = await runPipeline(request.pipeline, { image });
    request.onScanned?.(result);
    const decision = approvedDecision(result, image);
    log.info(`push: ${source} is approved (policy: ${decision.policy})`);
    const client = destinationClient(destination, {
      ...request.env ? { env: request.env } : {},
      ...request.insecureRegistries ? { insecureRegistries: request.insecureRegistries } : {}
    });
    const uploaded = await uploadBlobs(client, copySource(image), destination, {
      ...request.upload,
      mountFrom: mountSource(source, destination)
    });
    const candidate = {
      identity,
      result,
      client,
      repository: destination.repository,
      source,
      configDigest: image.info.configDigest,
      decision,
      reference: uploaded.reference,
      digest: uploaded.digest
    };
    const steps = request.steps ?? [];
    if (steps.length)
      await putManifest(client, { ...uploaded, destination: { ...destination, tag: void 0 } });
    for (const step of steps) await log.step(`push: ${step.name}`, () => step.run(candidate));
    await putManifest(client, uploaded);
    return { identity, result, reference: uploaded.reference, digest: uploaded.digest };
  } finally {
    await image.close();
  }
}
async function pushIndex(request, identity, image, destination) {
  const log = logger();
  const source = request.pipeline.image;
  const scan = await scanPlatforms(request.pipeline, image);
  request.onScanned?.(scan.result);
  const refusedPlatforms = scan.platforms.filter((p) => !p.result.decision?.approved);
  if (refusedPlatforms.length)
    throw refusedByTheGate(
      `not every platform of ${source} is approved: ${refusedPlatforms.map(
        (p) => `${p.platform} (${p.digest}): ${p.result.decision ? blockingReasonsLine(p.result.decision) : "no decision"}`
      ).join("; ")}`,
      "fix the findings of those platforms or adjust the policy; nothing was pushed"
    );
  for (const p of scan.platforms) approvedDecision(p.result, p.image);
  const decision = scan.result.decision;
  log.info(`push: every platform of ${source} is approved (policy: ${decision.policy})`);
  const client = destinationClient(destination, {
    ...request.env ? { env: request.env } : {},
    ...request.insecureRegistries ? { insecureRegistries: request.insecureRegistries } : {}
  });
  const byDigest = { ...destination, tag: void 0, digest: void 0 };
  const platforms = [];
  const listed = [];
  for (const p of scan.platforms) {
    const uploaded = await uploadBlobs(client, copySource(p.image), byDigest, {
      ...request.upload,
      mountFrom: mountSource(source, destination)
    });
    await putManifest(client, uploaded);
    platforms.push({
      platform: p.platform,
      result: p.result,
      configDigest: p.image.info.configDigest,
      reference: uploaded.reference,
      digest: uploaded.digest
    });
    listed.push({ digest: uploaded.digest, size: uploaded.manifest.length, platform: p.image.info.platform });
  }
  const index = ociIndex(destination, listed);
  const candidate = {
    identity,
    result: scan.result,
    client,
    repository: destination.repository,
    source,
    configDigest: image.info.configDigest,
    decision,
    reference: index.reference,
    digest: index.digest,
    platforms
  };
  const steps = request.steps ?? [];
  if (steps.length) await putIndex(client, { ...index, destination: byDigest });
  for (const step of steps) await log.step(`push: ${step.name}`, () => step.run(candidate));
  await putIndex(client, index);
  return { identity, result: scan.result, reference: index.reference, digest: index.digest };
}

// src/cli/commands/push.ts
var HELP = `Usage: shipgate push IMAGE DEST [--dockerfile FILE]... [--config FILE] [options]

Pushes IMAGE to the registry reference DEST, only from a verified CI job and only once the image is approved:
  1. the job must be a GitHub Actions or GitLab CI job with an OIDC ID token (GitHub: permissions
     id-token: write; GitLab: id_tokens: SHIPGATE_ID_TOKEN or SIGSTORE_ID_TOKEN). The token is verified:
     signature against the issuer's published keys (asymmetric algorithms only), issuer, audience, exp,
     nbf and iat; then its claims must match the job's variables, and runs that can execute a fork's code
     are refused (GitHub pull_request_target, workflow_run, issue_comment; GitLab fork merge requests);
  2. IMAGE is opened once and scanned as "shipgate scan" does (with the Dockerfiles); the policy must approve;
  3. the layers and config are copied from that opened image; with --sign, the digest of the manifest about to
     be put is signed and attested (see below) and the bundles are stored and read back; the manifest is put
     last, so a failed signature leaves no tag. The pushed repository@sha256:... is printed.
There is no flag to push from elsewhere: build and scan locally with "shipgate scan".
Not verified: which branch, tag or workflow may push (restrict the job with protected branches and
environments). The check guards pushes made with shipgate only: the same registry credentials still push
with docker or any other tool. Restrict push rights at the registry and admit only CI-signed, approved
images in the cluster (docs/push.md: threat model).

Arguments:
  IMAGE                   docker-archive:FILE, oci-archive:FILE, oci:DIR[:TAG], docker:NAME or a registry
                          reference
  DEST                    registry reference to push to (registry.gitlab.com/group/app:1.2)

Options:
${helpSection("push", "Targets")}
${helpSection("push", "Policy")}
${helpSection("push", "Malware")}
${helpSection("push", "Vulnerability data")}
${helpSection("push", "Push")}

      --sign              sign and attest the pushed digest (keyless with the job's identity by default).
                          A multi-platform image (without --platform): every platform is scanned, gated and
                          pushed by digest, then an OCI index over them; each platform and the index are
                          signed, and the tag names the index last

${SIGNING_HELP}

Registry credentials: docker login, or SHIPGATE_REGISTRY (host) with SHIPGATE_REGISTRY_USERNAME/PASSWORD.
`;
function pushExitCode(p) {
  const text = str(p, "exit-code");
  if (text === void 0) return void 0;
  const code = parseExitCode(text);
  if (code === EXIT.OK)
    throw new ShipgateError("USAGE", "push: --exit-code 0 would pass a job that pushed nothing", {
      hint: 'give a non-zero exit code, or run "shipgate scan --exit-code 0" to report without failing'
    });
  return code;
}
async function refusalExit(code, push) {
  try {
    return await push();
  } catch (e) {
    if (code === void 0 || !refusedByPolicy(e)) throw e;
    throw new ShipgateError(e.code, e.message, {
      ...e.hint ? { hint: e.hint } : {},
      cause: e,
      exitCode: code
    });
  }
}
async function run(argv) {
  const p = parseTableCommand("push", argv, HELP, { sign: { type: "boolean" } });
  if (!p) return EXIT.OK;
  const [image, dest, extra] = p.positionals;
  if (!image || !dest || extra !== void 0)
    throw new ShipgateError("USAGE", "push: give exactly IMAGE and DEST", {
      hint: "e.g. shipgate push oci-archive:app.tar registry.gitlab.com/group/app:1.2"
    });
  tuneForImages();
  const pipeline = {
    dockerfiles: list(p, "dockerfile"),
    repoRoot: findRepoRoot(),
    image,
    ...str(p, "platform") ? { platform: str(p, "platform") } : {},
    ...str(p, "config") ? { configPath: str(p, "config") } : {},
    ...gateFlags(p)
  };
  const refusedExit = pushExitCode(p);
  const issuer = str(p, "oidc-issuer");
  const audience = str(p, "oidc-audience")?.trim();
  if (audience === "")
    throw new ShipgateError("USAGE", "push: --oidc-audience is empty", {
      hint: "e.g. --oidc-audience shipgate"
    });
  const project = str(p, "oidc-project")?.trim();
  if (project === "")
    throw new ShipgateError("USAGE", "push: --oidc-project is empty", {
      hint: "e.g. --oidc-project acme/app"
    });
  const allowEvents = list(p, "oidc-allow-event");
  const unknown = allowEvents.find((e) => !FORK_CODE_EVENTS.includes(e));
  if (unknown !== void 0)
    throw new ShipgateError("USAGE", `push: --oidc-allow-event: "${unknown}" is not refused to begin with`, {
      hint: `it takes ${FORK_CODE_EVENTS.join(", ")}`
    });
  const signing = bool(p, "sign") ? signOptions(p, pipeline.repoRoot) : void 0;
  const signed = [];
  const pushed = await refusalExit(
    refusedExit,
    () => scanGatePush({
      ...signing ? signingPush(signing, (s) => signed.push(...s.platforms, s.image)) : {},
      pipeline,
      destination: dest,
      ...issuer !== void 0 ? { issuer: normalizeIssuer(issuer) } : {},
      ...audience ? { audience } : {},
      ...allowEvents.length ? { allowEvents } : {},
      ...project ? { project } : {}
    })
  );
  process.stdout.write(`${pushed.reference}
`);
  for (const s of signed) process.stderr.write(`signed ${s.reference}
`);
  return EXIT.OK;
}
export {
  run
};
