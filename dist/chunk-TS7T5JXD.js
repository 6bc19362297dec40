#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  tagged
} from "./chunk-ZC522ZWZ.js";

// src/cli/log-sinks.ts
function plainSink(stream) {
  return { write: (level, line) => void stream.write(tagged(level, line)) };
}
function batchedSink(stream) {
  let queued = "";
  const flush = () => {
    if (!queued) return;
    const text = queued;
    queued = "";
    stream.write(text);
  };
  process.on("exit", flush);
  return {
    write(level, line) {
      if (!queued) setImmediate(flush);
      queued += tagged(level, line);
    }
  };
}
function gitlabSink(stream, now = Date.now) {
  let counter = 0;
  let open;
  const ESC = "\x1B[0K";
  return {
    write: (level, line) => void stream.write(tagged(level, line)),
    group(title) {
      open = `shipgate_${++counter}`;
      stream.write(
        `${ESC}section_start:${Math.floor(now() / 1e3)}:${open}[collapsed=true]\r${ESC}${title}
`
      );
    },
    endGroup() {
      if (open === void 0) return;
      stream.write(`${ESC}section_end:${Math.floor(now() / 1e3)}:${open}\r${ESC}
`);
      open = void 0;
    }
  };
}
async function cliSink(env = process.env, stream = process.stderr) {
  if (env.GITLAB_CI === "true") return gitlabSink(stream);
  if (stream.isTTY && !env.CI && env.TERM !== "dumb") {
    const { TerminalSink } = await import("./chunk-MM2LYDEH.js");
    return new TerminalSink(stream);
  }
  return plainSink(stream);
}

export {
  batchedSink,
  cliSink
};
