/** Just enough ELF to find named sections and map virtual addresses to file offsets. */
interface ElfSection {
  name: string;
  addr: bigint;
  offset: number;
  size: number;
}

export interface Elf {
  is64: boolean;
  littleEndian: boolean;
  sections: ElfSection[];
  /** PT_LOAD segments: virtual address → file offset. */
  loads: { vaddr: bigint; offset: number; filesz: number }[];
}

const ELF_MAGIC = 0x7f454c46;

function isElf(content: Uint8Array): boolean {
  return (
    content.byteLength >= 52 && new DataView(content.buffer, content.byteOffset, 4).getUint32(0) === ELF_MAGIC
  );
}

/** Parses the ELF header, section headers and program headers; undefined when it is not a readable ELF. */
export function parseElf(content: Uint8Array): Elf | undefined {
  if (!isElf(content)) return undefined;
  const v = new DataView(content.buffer, content.byteOffset, content.byteLength);
  const cls = content[4];
  const le = content[5] === 1;
  if (cls !== 1 && cls !== 2) return undefined;
  const is64 = cls === 2;
  const word = (at: number): bigint => (is64 ? v.getBigUint64(at, le) : BigInt(v.getUint32(at, le)));
  const num = (at: number): number => Number(word(at));
  const inBounds = (at: number, len: number): boolean => at >= 0 && at + len <= content.byteLength;
  try {
    const phoff = num(is64 ? 0x20 : 0x1c);
    const shoff = num(is64 ? 0x28 : 0x20);
    const phentsize = v.getUint16(is64 ? 0x36 : 0x2a, le);
    const phnum = v.getUint16(is64 ? 0x38 : 0x2c, le);
    const shentsize = v.getUint16(is64 ? 0x3a : 0x2e, le);
    const shnum = v.getUint16(is64 ? 0x3c : 0x30, le);
    const shstrndx = v.getUint16(is64 ? 0x3e : 0x32, le);

    const loads: Elf['loads'] = [];
    for (let i = 0; i < phnum && inBounds(phoff + (i + 1) * phentsize, 0); i++) {
      const at = phoff + i * phentsize;
      if (v.getUint32(at, le) !== 1) continue; // PT_LOAD
      loads.push(
        is64
          ? { offset: num(at + 8), vaddr: word(at + 16), filesz: num(at + 32) }
          : { offset: num(at + 4), vaddr: word(at + 8), filesz: num(at + 16) },
      );
    }

    const raw: { nameOff: number; addr: bigint; offset: number; size: number }[] = [];
    if (shoff && inBounds(shoff, shnum * shentsize)) {
      for (let i = 0; i < shnum; i++) {
        const at = shoff + i * shentsize;
        raw.push(
          is64
            ? { nameOff: v.getUint32(at, le), addr: word(at + 16), offset: num(at + 24), size: num(at + 32) }
            : { nameOff: v.getUint32(at, le), addr: word(at + 12), offset: num(at + 16), size: num(at + 20) },
        );
      }
    }
    const strtab = raw[shstrndx];
    const sections: ElfSection[] = [];
    if (strtab && inBounds(strtab.offset, strtab.size)) {
      for (const s of raw) {
        let end = strtab.offset + s.nameOff;
        while (end < strtab.offset + strtab.size && content[end] !== 0) end++;
        const name = Buffer.from(content.subarray(strtab.offset + s.nameOff, end)).toString('latin1');
        sections.push({ name, addr: s.addr, offset: s.offset, size: s.size });
      }
    }
    return { is64, littleEndian: le, sections, loads };
  } catch {
    return undefined;
  }
}

/** The bytes of a named section (within the content), if present. */
export function sectionData(elf: Elf, content: Uint8Array, name: string): Uint8Array | undefined {
  const s = elf.sections.find((x) => x.name === name);
  if (!s || s.offset + s.size > content.byteLength) return undefined;
  return content.subarray(s.offset, s.offset + s.size);
}

/** `len` bytes at a virtual address, via the PT_LOAD segments. */
export function readAddress(
  elf: Elf,
  content: Uint8Array,
  addr: bigint,
  len: number,
): Uint8Array | undefined {
  for (const l of elf.loads) {
    if (addr >= l.vaddr && addr + BigInt(len) <= l.vaddr + BigInt(l.filesz)) {
      const at = l.offset + Number(addr - l.vaddr);
      return at + len <= content.byteLength ? content.subarray(at, at + len) : undefined;
    }
  }
  return undefined;
}
