/**
 * GitHub's `primaryLocationLineHash`: a rolling hash over the next 100 non-blank characters from the start of
 * each line, with a per-file occurrence counter. Computed the same way as github/codeql-action's upload step
 * does, so an upload through either path yields the same fingerprint and no "inconsistent fingerprint" warning.
 */
const BLOCK = 100;
const MOD = 37n;
const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const END = 65535;

// 37^BLOCK in 64-bit two's complement, the weight of the character leaving the window.
const FIRST_MOD = (() => {
  let m = 1n;
  for (let i = 0; i < BLOCK; i++) m = BigInt.asIntN(64, m * MOD);
  return m;
})();

/** The line hashes of a file's text, index 0 for line 1 ("<hex>:<n>"). */
export function lineHashes(text: string): string[] {
  const window = new Array<number>(BLOCK).fill(0);
  const lineAt = new Array<number>(BLOCK).fill(-1);
  const counts = new Map<string, number>();
  const out: string[] = [];
  let hash = 0n;
  let index = 0;
  let line = 0;
  let atLineStart = true;
  let afterCR = false;

  const emit = (): void => {
    const hex = BigInt.asUintN(64, hash).toString(16);
    const n = (counts.get(hex) ?? 0) + 1;
    counts.set(hex, n);
    out[(lineAt[index] as number) - 1] = `${hex}:${n}`;
    lineAt[index] = -1;
  };
  const push = (c: number): void => {
    const leaving = window[index] as number;
    window[index] = c;
    hash = BigInt.asIntN(64, MOD * hash + BigInt(c) - FIRST_MOD * BigInt(leaving));
    index = (index + 1) % BLOCK;
  };
  const feed = (code: number): void => {
    let c = code;
    if (c === SPACE || c === TAB || (afterCR && c === LF)) {
      afterCR = false;
      return;
    }
    if (c === CR) {
      c = LF;
      afterCR = true;
    } else afterCR = false;
    if (lineAt[index] !== -1) emit();
    if (atLineStart) {
      atLineStart = false;
      line++;
      lineAt[index] = line;
    }
    if (c === LF) atLineStart = true;
    push(c);
  };

  for (let i = 0; i < text.length; i++) feed(text.charCodeAt(i));
  feed(END);
  for (let i = 0; i < BLOCK; i++) {
    if (lineAt[index] !== -1) emit();
    push(0);
  }
  return out;
}
