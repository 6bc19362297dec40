/** Parsing of os-release files (`/etc/os-release`, `/usr/lib/os-release`). Pure functions, shared by the analyzers. */
import type { OsInfo } from './package';

/** Parses an os-release (or lsb-release) KEY=value file, unquoting values. */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    let value = line.slice(eq + 1).trim();
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    out[line.slice(0, eq).trim()] = value.replace(/\\(["'$`\\])/g, '$1');
  }
  return out;
}

export function parseOsRelease(text: string): OsInfo | undefined {
  const kv = parseEnvFile(text);
  if (!kv.ID) return undefined;
  const os: OsInfo = { id: kv.ID.toLowerCase() };
  if (kv.VERSION_ID) os.versionId = kv.VERSION_ID;
  const codename = kv.VERSION_CODENAME ?? kv.UBUNTU_CODENAME ?? /\(([^)]+)\)/.exec(kv.VERSION ?? '')?.[1];
  if (codename) os.codename = codename.toLowerCase();
  if (kv.PRETTY_NAME) os.prettyName = kv.PRETTY_NAME;
  if (kv.ID_LIKE) os.idLike = kv.ID_LIKE.split(/\s+/).filter(Boolean);
  return os;
}
