/** Accounts: UID 0 besides root, empty passwords, duplicate UIDs and GIDs (/etc/passwd, shadow, group). */
import type { Finding } from '../../core/finding';
import type { AnalyzerModule, FinalView, ImageInfo } from '../../image/types';
import { parseGroup, parsePasswd, parseShadow } from '../accounts';
import { fileLoc, finding, targetName, TextFiles } from '../common';
import { IMG_RULES } from '../rules';

function checkAccounts(files: TextFiles, view: FinalView, info: ImageInfo): Finding[] {
  const out: Finding[] = [];
  const target = targetName(info);
  const passwd = files.visible(view, '/etc/passwd');
  if (passwd) {
    const users = parsePasswd(passwd.text);
    const at = fileLoc(info, passwd.entry);
    for (const u of users) {
      if (u.uid === 0 && u.name !== 'root') {
        out.push(
          finding(
            IMG_RULES.uid0,
            `The account ${u.name} has UID 0 (/etc/passwd line ${u.line}).`,
            `${target}:${u.name}`,
            at,
          ),
        );
      }
      if (u.password === '') {
        out.push(
          finding(
            IMG_RULES.emptyPassword,
            `The account ${u.name} has an empty password in /etc/passwd (line ${u.line}).`,
            `${target}:passwd:${u.name}`,
            at,
          ),
        );
      }
    }
    const seen = new Map<number, string>();
    for (const u of users) {
      const other = seen.get(u.uid);
      if (other === undefined) seen.set(u.uid, u.name);
      else
        out.push(
          finding(
            IMG_RULES.duplicateId,
            `The accounts ${other} and ${u.name} share UID ${u.uid}.`,
            `${target}:uid:${u.uid}:${u.name}`,
            at,
          ),
        );
    }
  }
  const shadow = files.visible(view, '/etc/shadow');
  if (shadow) {
    for (const s of parseShadow(shadow.text)) {
      if (s.hash !== '') continue;
      out.push(
        finding(
          IMG_RULES.emptyPassword,
          `The account ${s.name} has an empty password in /etc/shadow (line ${s.line}).`,
          `${target}:shadow:${s.name}`,
          fileLoc(info, shadow.entry),
        ),
      );
    }
  }
  const group = files.visible(view, '/etc/group');
  if (group) {
    const seen = new Map<number, string>();
    for (const g of parseGroup(group.text)) {
      const other = seen.get(g.gid);
      if (other === undefined) seen.set(g.gid, g.name);
      else
        out.push(
          finding(
            IMG_RULES.duplicateId,
            `The groups ${other} and ${g.name} share GID ${g.gid}.`,
            `${target}:gid:${g.gid}:${g.name}`,
            fileLoc(info, group.entry),
          ),
        );
    }
  }
  return out;
}

export const usersAnalyzer: AnalyzerModule = {
  version: 1,
  rules: [IMG_RULES.uid0, IMG_RULES.emptyPassword, IMG_RULES.duplicateId],
  create() {
    const files = new TextFiles(new Set(['/etc/passwd', '/etc/shadow', '/etc/group']));
    return [
      {
        name: 'users',
        maxBytes: 4 * 1024 * 1024,
        wants: (e) => files.wants(e),
        analyze: (e, content) => files.add(e, content),
        finish: (view, info) => ({ findings: checkAccounts(files, view, info) }),
      },
    ];
  },
};
