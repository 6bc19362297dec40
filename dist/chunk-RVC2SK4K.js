#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/image/adapt.ts
function withOutput(a, toOutput) {
  return {
    name: a.name,
    ...a.maxBytes !== void 0 ? { maxBytes: a.maxBytes } : {},
    wants: (e) => a.wants(e),
    analyze: (e, content, truncated) => a.analyze(e, content, truncated),
    ...a.onEntry ? { onEntry: (e) => a.onEntry(e) } : {},
    finish: async (view, info) => toOutput(await a.finish(view, info))
  };
}
function findingsOutput(a) {
  return withOutput(a, (findings) => ({ findings }));
}

export {
  withOutput,
  findingsOutput
};
