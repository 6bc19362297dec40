import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath } from 'node:url';
import type { Language, Parser as ParserType } from 'web-tree-sitter';

export type WasmFile = 'web-tree-sitter.wasm' | 'tree-sitter-bash.wasm';

const PACKAGE_OF: Record<WasmFile, string> = {
  'web-tree-sitter.wasm': 'web-tree-sitter',
  'tree-sitter-bash.wasm': 'tree-sitter-bash',
};

/**
 * Finds a WebAssembly file: next to the running module first (the bundle copies them into dist/), then in
 * the npm package it ships with (running from source).
 */
export function locateWasm(
  file: WasmFile,
  moduleUrl: string = import.meta.url,
  exists: (path: string) => boolean = existsSync,
): string {
  const beside = fileURLToPath(new URL(`./${file}`, moduleUrl));
  if (exists(beside)) return beside;
  const require = createRequire(moduleUrl);
  return require.resolve(`${PACKAGE_OF[file]}/${file}`);
}

let bash: Promise<ParserType> | undefined;

/** The bash parser, loaded once on first use (about 20 ms). */
export function bashParser(): Promise<ParserType> {
  bash ??= (async () => {
    // V8 otherwise re-compiles the grammar with its optimising tier in the background, and the process
    // cannot exit until that finishes (about a second): a one-file lint would take far longer than its work.
    setFlagsFromString('--liftoff-only');
    const { Parser, Language: Lang } = await import('web-tree-sitter');
    await Parser.init({ locateFile: () => locateWasm('web-tree-sitter.wasm') });
    const language: Language = await Lang.load(locateWasm('tree-sitter-bash.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return bash;
}
