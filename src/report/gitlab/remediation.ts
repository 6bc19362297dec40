/**
 * Remediations for operating-system package vulnerabilities: a patch to the Dockerfile that upgrades the
 * package right after the final stage's FROM line, in the `git apply` format GitLab expects (base64).
 */
import type { OsInfo } from '../../core/package';
import type { DockerfileTarget } from '../../core/result';

const SAFE_PACKAGE = /^[A-Za-z0-9][A-Za-z0-9.+_:~-]*$/;

type Family = 'debian' | 'alpine' | 'rhel' | 'suse';

function family(os: OsInfo): Family | undefined {
  const ids = [os.id, ...(os.idLike ?? [])].map((s) => s.toLowerCase());
  if (ids.some((i) => i === 'debian' || i === 'ubuntu')) return 'debian';
  if (ids.some((i) => i === 'alpine' || i === 'wolfi' || i === 'chainguard')) return 'alpine';
  if (ids.some((i) => ['rhel', 'fedora', 'centos', 'rocky', 'almalinux', 'amzn', 'ol'].includes(i)))
    return 'rhel';
  if (ids.some((i) => i.startsWith('sles') || i.startsWith('opensuse') || i === 'suse')) return 'suse';
  return undefined;
}

/** The shell command that upgrades the packages with the image's package manager; undefined when unknown. */
export function upgradeCommand(os: OsInfo | undefined, packages: readonly string[]): string | undefined {
  if (!os || packages.length === 0 || !packages.every((p) => SAFE_PACKAGE.test(p))) return undefined;
  const list = [...new Set(packages)].sort().join(' ');
  switch (family(os)) {
    case 'debian':
      return `apt-get update && apt-get install -y --no-install-recommends --only-upgrade ${list} && rm -rf /var/lib/apt/lists/*`;
    case 'alpine':
      return `apk add --no-cache --upgrade ${list}`;
    case 'rhel':
      return `yum -y update ${list} && yum clean all`;
    case 'suse':
      return `zypper --non-interactive update ${list} && zypper clean --all`;
    default:
      return undefined;
  }
}

/** The last line of the final stage's FROM instruction (1-based), or undefined for FROM scratch. */
export function finalFromLine(target: DockerfileTarget): number | undefined {
  const stage = target.stages.at(-1);
  if (!stage || stage.baseImage.trim().toLowerCase() === 'scratch') return undefined;
  const from = target.instructions.find((i) => i.keyword.toUpperCase() === 'FROM' && i.line === stage.line);
  return from?.endLine ?? stage.line;
}

const CONTEXT = 3;

/**
 * A unified diff (git format) that inserts `newLine` after line `afterLine` (1-based) of the file.
 * Returns undefined when the line does not exist in the text.
 */
export function insertLineDiff(
  path: string,
  text: string,
  afterLine: number,
  newLine: string,
): string | undefined {
  const eolAtEnd = text.endsWith('\n');
  const crlf = text.includes('\r\n');
  const lines = (eolAtEnd ? text.slice(0, -1) : text)
    .split('\n')
    .map((l) => (crlf ? l.replace(/\r$/, '') : l));
  if (text === '' || afterLine < 1 || afterLine > lines.length) return undefined;
  const eol = crlf ? '\r' : '';
  const at = afterLine - 1;
  const beforeStart = Math.max(0, at - (CONTEXT - 1));
  const afterEnd = Math.min(lines.length, at + 1 + CONTEXT);
  const body: string[] = [];
  const noEol = '\\ No newline at end of file';
  const isLast = at === lines.length - 1;
  for (let i = beforeStart; i < at; i++) body.push(` ${lines[i]}${eol}`);
  if (isLast && !eolAtEnd) {
    // The anchor line gains a line break, so it changes too.
    body.push(`-${lines[at]}`, noEol, `+${lines[at]}${eol}`, `+${newLine}`, noEol);
  } else {
    body.push(` ${lines[at]}${eol}`, `+${newLine}${eol}`);
    for (let i = at + 1; i < afterEnd; i++) body.push(` ${lines[i]}${eol}`);
    if (afterEnd === lines.length && !eolAtEnd) body.push(noEol);
  }
  const oldCount = afterEnd - beforeStart;
  const start = beforeStart + 1;
  return [
    `diff --git a/${path} b/${path}`,
    `--- a/${path}`,
    `+++ b/${path}`,
    `@@ -${start},${oldCount} +${start},${oldCount + 1} @@`,
    ...body,
    '',
  ].join('\n');
}
