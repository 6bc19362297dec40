import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath } from 'node:url';
import type { Language, Parser as ParserType } from 'web-tree-sitter';
import { ShipgateError } from '../core/errors';

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

// Node has WebAssembly but its type declarations name only the namespace's types (the value is in the DOM lib).
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WasmModule> } })
  .WebAssembly;
type WasmModule = Parameters<typeof Language.loadSync>[0];

let bash: Promise<ParserType> | undefined;

/**
 * The bash parser, loaded once. The first call may come early and not wait (the CLI starts it before it loads
 * the lint code), so that the load's asynchronous steps overlap that work; an error then reaches the first
 * caller that waits, as one clear error.
 */
export function bashParser(): Promise<ParserType> {
  if (!bash) {
    bash = loadBashParser().catch((e: unknown) => {
      throw new ShipgateError(
        'INTERNAL',
        `the bash parser could not be loaded: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
        { hint: 'reinstall shipgate: its WebAssembly files (dist/*.wasm) are missing or damaged', cause: e },
      );
    });
    bash.catch(() => undefined);
  }
  return bash;
}

async function loadBashParser(): Promise<ParserType> {
  // V8 otherwise re-compiles the grammar's hot functions (its lexer is one very large one) with TurboFan in
  // the background, and the process cannot exit until that finishes: about half a second on Node 22 and two on
  // Node 24, for a one-file lint whose work takes a tenth of that. Liftoff's code parses fast enough. Node 24
  // ignores `--liftoff-only` set at run time (its implications are applied at start only), so tier-up is
  // turned off by the two flags it implies.
  setFlagsFromString('--no-wasm-tier-up');
  setFlagsFromString('--no-wasm-dynamic-tiering');
  // The grammar (1.4 MB) compiles while the parser's JavaScript loads and its runtime is set up.
  const grammar = wasm.compile(readFileSync(locateWasm('tree-sitter-bash.wasm')));
  grammar.catch(() => undefined);
  const runtime = readFileSync(locateWasm('web-tree-sitter.wasm'));
  const { Parser, Language: Lang } = await import('web-tree-sitter');
  await Parser.init({
    wasmBinary: runtime.buffer.slice(runtime.byteOffset, runtime.byteOffset + runtime.byteLength),
  });
  const language: Language = Lang.loadSync(await grammar);
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}
