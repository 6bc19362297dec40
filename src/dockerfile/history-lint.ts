/**
 * History lint: the Dockerfile rules that still mean something on a built image run on its history. Each
 * `created_by` is read back as an instruction (./history), the instructions are written as one Dockerfile under a
 * neutral `FROM scratch`, and the real rule implementations lint it; every finding is handed back with the history
 * entry it came from.
 */
import type { Finding, RuleMeta } from '../core/finding';
import { ShipgateError } from '../core/errors';
import { parseCreatedBy, type HistoryInstruction } from './history';
import { runRules } from './lint';
import { parseDockerfile } from './parse';
import type { Rule } from './rule';
import { RULES } from './rules/index';
import type { ParsedDockerfile } from './types';

/**
 * The rules that run on the history, each with why. Left out: rules on stages, FROM, the final USER,
 * HEALTHCHECK, CMD and EXPOSE (the image configuration checks read those from the config itself), version
 * pinning (the image fixes the versions and its SBOM records them), prompts and build-log hygiene (the build
 * finished), credential values (the secret scanner reads every `created_by`), remote ADD (SG-IMG-006 reads the
 * history for it), file modes and copied files (the file checks read the layers), and secret mounts (the
 * history does not record `--mount`, so a mounted secret cannot be told from a build argument).
 */
export const HISTORY_RULES: Readonly<Record<string, string>> = {
  'SG-DF-006': 'build arguments and ENV values are recorded in the history for anyone who pulls the image',
  'SG-DF-008': 'an ADD of plain local files is in the history as it was built',
  'SG-DF-010': 'a script piped from the network into a shell ran unverified, and its result ships',
  'SG-DF-012': 'the recommended packages it pulled in are in the layer',
  'SG-DF-013': 'the apt lists it left are in the layer',
  'SG-DF-015': 'the upgrade made the image depend on the day it was built',
  'SG-DF-017': 'an update without install left an index in the layer and stale caches for later steps',
  'SG-DF-018': 'the apk cache it left is in the layer',
  'SG-DF-021': 'the yum/dnf/zypper cache it left is in the layer',
  'SG-DF-023': 'the pip cache it left is in the layer',
  'SG-DF-027': 'sudo used in a build step ships with its sudoers rules',
  'SG-DF-044': 'the sparse lastlog and faillog files it wrote are in the layer',
  'SG-DF-051': 'what was downloaded without TLS verification ships',
  'SG-DF-052': 'packages installed without signature verification ship',
  'SG-DF-060': 'every history entry is a step of the shipped image',
  'SG-DF-069': 'the yarn cache it left is in the layer',
};

const HISTORY_RULE_LIST: readonly Rule[] = RULES.filter((r) => r.meta.id in HISTORY_RULES);

/** The metadata of the rules history lint runs. */
export function historyRules(): RuleMeta[] {
  return HISTORY_RULE_LIST.map((r) => r.meta);
}

/** The instructions the rules above read (ENV and WORKDIR give later RUNs their context). */
const WRITTEN = new Set(['RUN', 'ENV', 'ARG', 'ADD', 'COPY', 'WORKDIR', 'USER']);

/** One finding of a history entry, as the Dockerfile rule reported it on the synthetic Dockerfile. */
interface HistoryHit {
  /** 0-based index of the entry in `config.history`. */
  entry: number;
  keyword: string;
  finding: Finding;
}

export interface HistoryLint {
  hits: HistoryHit[];
  /** Entries that are no instruction (not empty): their commands were not linted. */
  unparsed: { entry: number; createdBy: string }[];
  /** Entries past MAX_HISTORY_BYTES of instructions, not linted (the lint is incomplete). */
  overLimit: number;
}

/** At most this much instruction text is linted (real histories are tens of KiB). */
export const MAX_HISTORY_BYTES = 1024 * 1024;

/** `file:<digest> in <dest>` (classic builder, buildah): the digest stands for the sources. */
function classicCopy(text: string): string {
  const m = /^((?:--\S+\s+)*)((?:file|dir|multi):[0-9a-f]+)\s+in\s+(\S.*)$/s.exec(text);
  return m ? `${m[1] ?? ''}${m[2]} ${(m[3] ?? '').trim()}` : text;
}

/** A heredoc delimiter that is no line of the script. */
function delimiter(script: string): string {
  const lines = new Set(script.split('\n').map((l) => l.trim()));
  let d = 'HISTORY_EOF';
  while (lines.has(d)) d += '_';
  return d;
}

/**
 * The script without its trailing newlines and escape characters: a last line ending in the escape character
 * would swallow the delimiter line, and at the end of a script it continues nothing. (A loop: the regular
 * expressions for this take quadratic time on long runs.)
 */
function heredocBody(script: string): string {
  let end = script.length;
  while (end > 0 && /\s|\\/.test(script[end - 1] ?? '')) end--;
  return script.slice(0, end);
}

/** The Dockerfile lines of one entry, or undefined when it cannot be written as one. */
function dockerfileLines(inst: HistoryInstruction): string[] | undefined {
  const out = inst.buildArgs.map((a) => `ARG ${a}`);
  if (inst.keyword === 'RUN') {
    const script = inst.text;
    if (!script.trim()) return undefined;
    // A multi-line script (a heredoc as BuildKit records it), one with a heredoc of its own or one that ends in
    // the escape character stays verbatim as the body of a quoted heredoc.
    if (script.includes('\n') || script.includes('<<') || script.trimEnd().endsWith('\\')) {
      const d = delimiter(script);
      // concat, not push(...lines): a script of many lines would overflow the stack.
      return out.concat(`RUN <<'${d}'`, heredocBody(script).split('\n'), d);
    } else out.push(`RUN ${script}`);
    return out;
  }
  if (inst.text.includes('\n') || !inst.text) return undefined;
  const text = inst.keyword === 'ADD' || inst.keyword === 'COPY' ? classicCopy(inst.text) : inst.text;
  out.push(`${inst.keyword} ${text}`);
  return out;
}

interface Written {
  entry: number;
  keyword: string;
  /** 1-based lines of the synthetic Dockerfile this entry's instructions span. */
  start: number;
  end: number;
}

async function parseSynthetic(
  entries: { entry: number; keyword: string; lines: string[] }[],
): Promise<{ df: ParsedDockerfile; written: Written[] }> {
  const lines = ['FROM scratch'];
  const written: Written[] = [];
  for (const e of entries) {
    written.push({
      entry: e.entry,
      keyword: e.keyword,
      start: lines.length + 1,
      end: lines.length + e.lines.length,
    });
    for (const l of e.lines) lines.push(l);
  }
  const df = await parseDockerfile(`${lines.join('\n')}\n`, 'history');
  return { df, written };
}

/** Lints the history entries (`created_by` of each, in order) with the rules of HISTORY_RULES. */
export async function lintHistory(history: readonly (string | undefined)[]): Promise<HistoryLint> {
  const unparsed: HistoryLint['unparsed'] = [];
  const entries: { entry: number; keyword: string; lines: string[] }[] = [];
  let layers = 0;
  let bytes = 0;
  let overLimit = 0;
  history.forEach((createdBy, entry) => {
    const inst = parseCreatedBy(createdBy);
    if (inst === 'empty') return;
    if (!inst) {
      unparsed.push({ entry, createdBy: createdBy ?? '' });
      return;
    }
    const copies = inst.keyword === 'ADD' || inst.keyword === 'COPY';
    // The first layer's ADD or COPY is the root filesystem of the bottom image: ADD is how its archive is unpacked.
    if (copies || inst.keyword === 'RUN') layers++;
    if (!WRITTEN.has(inst.keyword) || (copies && layers === 1)) return;
    const lines = dockerfileLines(inst);
    if (!lines) {
      unparsed.push({ entry, createdBy: createdBy ?? '' });
      return;
    }
    bytes += lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
    if (bytes > MAX_HISTORY_BYTES) overLimit++;
    else entries.push({ entry, keyword: inst.keyword, lines });
  });
  if (entries.length === 0) return { hits: [], unparsed, overLimit };

  let parsed: { df: ParsedDockerfile; written: Written[] }[];
  try {
    parsed = [await parseSynthetic(entries)];
  } catch (e) {
    if (!(e instanceof ShipgateError)) throw e;
    // One entry the parser refuses must not cost the others their lint: each is read on its own.
    parsed = [];
    for (const one of entries) {
      try {
        parsed.push(await parseSynthetic([one]));
      } catch (err) {
        if (!(err instanceof ShipgateError)) throw err;
        unparsed.push({ entry: one.entry, createdBy: history[one.entry] ?? '' });
      }
    }
  }

  const hits: HistoryHit[] = [];
  for (const { df, written } of parsed) {
    for (const finding of runRules(df, {}, [...HISTORY_RULE_LIST])) {
      const line = finding.location?.startLine ?? 0;
      const w = written.find((x) => line >= x.start && line <= x.end);
      if (w) hits.push({ entry: w.entry, keyword: w.keyword, finding });
    }
  }
  hits.sort((a, b) => a.entry - b.entry);
  unparsed.sort((a, b) => a.entry - b.entry);
  return { hits, unparsed, overLimit };
}
