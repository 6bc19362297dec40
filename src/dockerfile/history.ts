import type { DockerfileTarget } from '../core/result';
import { KEYWORDS } from './keywords';

/** One history entry read as a Dockerfile instruction. */
export interface HistoryInstruction {
  /** Upper-case keyword (RUN, COPY, ENV ...); never FROM. */
  keyword: string;
  /** The arguments as the builder recorded them (for RUN, the script without the shell and build arguments). */
  text: string;
  /** Build arguments the builder recorded in front of a RUN (`|2 A=1 B=2`), verbatim (`A=1`). */
  buildArgs: string[];
}

type Parsed = HistoryInstruction;

const BUILD_ARG = /^[A-Za-z_][A-Za-z0-9_]*=(?:"(?:[^"\\]|\\.)*"|'[^']*'|\S*)/;

/** Splits off the `|2 A=1 B=2 ` build-argument prefix that docker, BuildKit and buildah record for RUN. */
function stripBuildArgs(s: string): { rest: string; args: string[] } {
  const m = /^\|(\d+)\s+/.exec(s);
  if (!m) return { rest: s, args: [] };
  let rest = s.slice(m[0].length);
  const args: string[] = [];
  for (let i = 0; i < Number(m[1]); i++) {
    const a = BUILD_ARG.exec(rest);
    if (!a) break;
    args.push(a[0]);
    rest = rest.slice(a[0].length).replace(/^\s+/, '');
  }
  return { rest, args };
}

/** `/bin/sh -c `, `/bin/bash -o pipefail -c `, `sh -eux -c ` ...: the shell a builder runs a RUN script with. */
const SHELL_C =
  /^(?:(?:\/usr)?\/bin\/)?(?:ba|da|a|z|k)?sh\s+(?:(?:-[A-Za-z]+|[-+]o\s+[a-z]+)\s+)*-[A-Za-z]*c\s+/;

function stripShell(s: string): string {
  return s.replace(SHELL_C, '').replace(/^cmd \/S \/C\s+/i, '');
}

/**
 * Reads a history `created_by` as the instruction that made it: docker's classic builder (`/bin/sh -c #(nop) ENV
 * ...`, `/bin/sh -c apt-get ...`), BuildKit (`RUN |1 A=b /bin/sh -c ... # buildkit`, heredoc scripts with their
 * newlines), buildah and podman (the classic forms), kaniko (the instruction as written). `empty` for an empty or
 * absent line, undefined for a line that is no instruction (`bazel build ...`, `Imported from -`).
 */
export function parseCreatedBy(createdBy: string | undefined): Parsed | 'empty' | undefined {
  let s = (createdBy ?? '').trim();
  // Not a regular expression: `\s*# buildkit$` takes quadratic time on a long run of spaces.
  if (s.endsWith('# buildkit')) s = s.slice(0, -'# buildkit'.length).trim();
  if (!s) return 'empty';
  const prefix = stripBuildArgs(s);
  s = prefix.rest;
  const nop = /^(?:\/bin\/sh|\/bin\/bash|sh)\s+-c\s+#\(nop\)\s*(.*)$/s.exec(s);
  if (nop) s = (nop[1] ?? '').trim();
  else if (SHELL_C.test(s)) return { keyword: 'RUN', text: stripShell(s), buildArgs: prefix.args };
  const m = /^([A-Za-z]+)\b\s*(.*)$/s.exec(s);
  if (!m) return undefined;
  const keyword = (m[1] as string).toUpperCase();
  // A FROM never makes a layer of its own.
  if (!KEYWORDS.has(keyword) || keyword === 'FROM') return undefined;
  let text = (m[2] ?? '').trim();
  let buildArgs = prefix.args;
  if (keyword === 'RUN') {
    const inner = stripBuildArgs(text);
    buildArgs = [...buildArgs, ...inner.args];
    text = stripShell(inner.rest).replace(/^#\(nop\)\s*/, '');
  }
  return { keyword, text, buildArgs };
}

function words(s: string): string[] {
  return s
    .replace(/\\\s*\n/g, ' ')
    .replace(/[[\]",]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Words of a Dockerfile instruction's arguments, without flags (`--from=build`, `--chown=...`). */
function instructionWords(keyword: string, text: string): string[] {
  let w = words(text.slice(keyword.length));
  if (keyword === 'COPY' || keyword === 'ADD' || keyword === 'RUN')
    w = w.filter((x) => !/^--[a-z-]+(=|$)/.test(x));
  if (keyword === 'RUN' || keyword === 'CMD' || keyword === 'ENTRYPOINT') {
    if (w[0] && /^(\/bin\/)?(ba)?sh$/.test(w[0]) && w[1] === '-c') w = w.slice(2);
  }
  return w;
}

function historyWords(p: Parsed): string[] {
  let w = words(p.text);
  if (p.keyword === 'CMD' || p.keyword === 'ENTRYPOINT') {
    if (w[0] && /^(\/bin\/)?(ba)?sh$/.test(w[0]) && w[1] === '-c') w = w.slice(2);
  }
  if (p.keyword === 'EXPOSE')
    w = [...p.text.matchAll(/(\d+(?:-\d+)?)(?:\/(tcp|udp|sctp))?/g)].map((m) => m[1] ?? '');
  if ((p.keyword === 'COPY' || p.keyword === 'ADD') && w.includes('in')) {
    // Classic builder: `COPY file:<hash> in /dest` — only the destination is comparable.
    return [w[w.length - 1] ?? ''];
  }
  return w;
}

function score(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.join(' ') === b.join(' ')) return 1;
  const sa = new Set(a);
  const sb = new Set(b);
  let common = 0;
  for (const x of sa) if (sb.has(x)) common++;
  return common / Math.max(sa.size, sb.size);
}

/** Stages the final image is built from: the final stage and the stages its FROM chain names. */
function finalStages(target: DockerfileTarget): Set<number> {
  const out = new Set<number>();
  let i = target.stages.length - 1;
  while (i >= 0 && !out.has(i)) {
    out.add(i);
    const base = target.stages[i]?.baseImage.toLowerCase();
    const prev = target.stages.findIndex((s, j) => j < i && s.name?.toLowerCase() === base);
    i = prev;
  }
  return out;
}

/**
 * How many history entries the final image's own instructions made at most: one per instruction of the final
 * stage and the stages it builds on (ARG counted, which only the classic builder records, so the count errs
 * towards the image's own).
 */
export function ownHistoryEntries(target: DockerfileTarget): number {
  const stages = finalStages(target);
  return target.instructions.filter((i) => stages.has(i.stage) && i.keyword !== 'FROM').length;
}

/**
 * Maps an image config history `created_by` (docker classic builder, BuildKit, buildah, kaniko) to the
 * final-stage instruction that most likely made the layer.
 */
export function matchHistoryToInstruction(
  createdBy: string,
  target: DockerfileTarget,
): { line: number; endLine: number } | undefined {
  const parsed = parseCreatedBy(createdBy);
  if (!parsed || parsed === 'empty') return undefined;
  const stages = finalStages(target);
  const candidates = target.instructions.filter((i) => stages.has(i.stage) && i.keyword === parsed.keyword);
  if (candidates.length === 0) return undefined;
  const hw = historyWords(parsed);
  const classicCopy =
    (parsed.keyword === 'COPY' || parsed.keyword === 'ADD') &&
    /\bin\s+\S+\s*$/.test(parsed.text) &&
    /^(file|dir|multi):/.test(parsed.text);
  let best: (typeof candidates)[number] | undefined;
  let bestScore = 0;
  for (const c of candidates) {
    let iw = instructionWords(c.keyword, c.text);
    if (classicCopy) iw = iw.slice(-1);
    if (parsed.keyword === 'ENV' || parsed.keyword === 'LABEL' || parsed.keyword === 'ARG') iw = envPairs(iw);
    const s = score(
      parsed.keyword === 'ENV' || parsed.keyword === 'LABEL' || parsed.keyword === 'ARG' ? envPairs(hw) : hw,
      iw,
    );
    if (s > bestScore) {
      bestScore = s;
      best = c;
    }
  }
  // A single candidate of the keyword is a match; several need real similarity.
  if (
    best &&
    (bestScore >= 0.5 ||
      (candidates.length === 1 && parsed.keyword !== 'RUN') ||
      (candidates.length === 1 && bestScore > 0.2))
  )
    return { line: best.line, endLine: best.endLine };
  return undefined;
}

/** `ENV A b C=d` and `ENV A=b C=d` compare equal: keys with their values. */
function envPairs(w: string[]): string[] {
  if (w.length >= 2 && !w[0]?.includes('=')) return [`${w[0]}=${w.slice(1).join(' ')}`];
  return w.map((x) => x.replace(/^([^=]+)=(["'])(.*)\2$/, '$1=$3'));
}
