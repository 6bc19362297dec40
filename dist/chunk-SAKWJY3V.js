#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  openDockerArchive,
  tempDir
} from "./chunk-DJZU7JBD.js";
import "./chunk-DRSEBZ5C.js";
import "./chunk-TXKN6PNT.js";
import "./chunk-TJLGGXV5.js";
import "./chunk-6FSLFHTN.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";
import "./chunk-KDR2SZEQ.js";
import "./chunk-YNPQFTY5.js";

// src/image/sources/docker-daemon.ts
import { createWriteStream } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
function dockerSocket(env = process.env) {
  const host = env.DOCKER_HOST;
  if (!host) return "/var/run/docker.sock";
  if (host.startsWith("unix://")) return host.slice("unix://".length);
  throw new ShipgateError("UNSUPPORTED", `DOCKER_HOST=${host}: only unix:// sockets are supported`, {
    hint: "save the image with `docker save -o image.tar NAME` and scan docker-archive:image.tar"
  });
}
function get(socketPath, path, timeoutMs) {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path, method: "GET", headers: { Host: "docker" } }, resolve);
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end();
  });
}
async function readText(res) {
  let s = "";
  for await (const c of res) if (s.length < 4096) s += c.toString();
  return s;
}
async function openDockerDaemon(name, ref, options) {
  const socketPath = dockerSocket(options.env);
  const timeoutMs = options.timeoutMs ?? 12e4;
  let res;
  try {
    res = await get(socketPath, `/images/${encodeURIComponent(name)}/get`, timeoutMs);
  } catch (e) {
    const code = e.code;
    throw new ShipgateError(
      "NETWORK",
      `${ref}: cannot reach the Docker API at ${socketPath} (${code ?? e.message})`,
      {
        hint: "is the Docker daemon running and DOCKER_HOST right? Or save the image and use docker-archive:"
      }
    );
  }
  if (res.statusCode !== 200) {
    const body = await readText(res);
    let message = body.trim();
    try {
      message = JSON.parse(body).message ?? message;
    } catch {
    }
    const code = res.statusCode === 404 ? "NOT_FOUND" : "REGISTRY";
    throw new ShipgateError(
      code,
      `${ref}: the Docker API answered ${res.statusCode}: ${message.slice(0, 300)}`
    );
  }
  const { dir, cleanup } = await tempDir("shipgate-daemon-", options.tmpDir);
  try {
    const file = join(dir, "image.tar");
    await pipeline(res, createWriteStream(file, { mode: 384 }));
    return await openDockerArchive(file, void 0, ref, options, cleanup);
  } catch (e) {
    await cleanup();
    throw e;
  }
}
export {
  openDockerDaemon
};
