/** Parsing of /etc/passwd, /etc/shadow and /etc/group (pure). */

export interface PasswdEntry {
  name: string;
  password: string;
  uid: number;
  gid: number;
  line: number;
}

export interface ShadowEntry {
  name: string;
  hash: string;
  line: number;
}

export interface GroupEntry {
  name: string;
  gid: number;
  line: number;
}

function lines(text: string): { fields: string[]; line: number }[] {
  return text
    .split('\n')
    .map((l, i) => ({ l: l.replace(/\r$/, ''), i }))
    .filter(({ l }) => l && !l.startsWith('#') && !l.startsWith('+') && !l.startsWith('-'))
    .map(({ l, i }) => ({ fields: l.split(':'), line: i + 1 }));
}

export function parsePasswd(text: string): PasswdEntry[] {
  return lines(text)
    .filter((x) => x.fields.length >= 4)
    .map(({ fields, line }) => ({
      name: fields[0]!,
      password: fields[1]!,
      uid: Number(fields[2]),
      gid: Number(fields[3]),
      line,
    }))
    .filter((e) => Number.isInteger(e.uid));
}

export function parseShadow(text: string): ShadowEntry[] {
  return lines(text)
    .filter((x) => x.fields.length >= 2)
    .map(({ fields, line }) => ({ name: fields[0]!, hash: fields[1]!, line }));
}

export function parseGroup(text: string): GroupEntry[] {
  return lines(text)
    .filter((x) => x.fields.length >= 3)
    .map(({ fields, line }) => ({ name: fields[0]!, gid: Number(fields[2]), line }))
    .filter((e) => Number.isInteger(e.gid));
}
