/** Content sniffing: is this buffer binary (not worth scanning as text)? */

const SNIFF_BYTES = 8192;

const MAGIC: number[][] = [
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x1f, 0x8b], // gzip
  [0x50, 0x4b, 0x03, 0x04], // zip, jar, whl
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x42, 0x5a, 0x68], // bzip2
  [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], // xz
  [0x28, 0xb5, 0x2f, 0xfd], // zstd
  [0xca, 0xfe, 0xba, 0xbe], // Java class, Mach-O fat
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O
  [0x4d, 0x5a], // PE (MZ)
  [0x00, 0x61, 0x73, 0x6d], // wasm
  [0x25, 0x50, 0x44, 0x46], // PDF
];

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  if (buf.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (buf[i] !== magic[i]) return false;
  return true;
}

/** True when the content starts with a known binary magic number or has a NUL byte in its first 8 KiB. */
export function isBinary(buf: Uint8Array): boolean {
  for (const m of MAGIC) if (startsWith(buf, m)) return true;
  const n = Math.min(buf.length, SNIFF_BYTES);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}
