/** File modes in the final filesystem: setuid/setgid programs and world-writable files and directories. */
import type { Finding } from '../../core/finding';
import type { AnalyzerModule, FinalView, ImageInfo } from '../../image/types';
import { fileLoc, finding, targetName } from '../common';
import { IMG_RULES } from '../rules';

/** setuid/setgid programs most distributions ship; anything else is unusual. */
const COMMON_SETUID = new Set([
  'passwd',
  'su',
  'mount',
  'umount',
  'chsh',
  'chfn',
  'gpasswd',
  'newgrp',
  'unix_chkpwd',
  'expiry',
  'chage',
  'wall',
  'write',
  'bsd-write',
  'ssh-agent',
  'ssh-keysign',
  'ping',
  'ping6',
  'crontab',
  'at',
  'dotlockfile',
  'pam_extrausers_chkpwd',
  'fusermount',
  'fusermount3',
  'dbus-daemon-launch-helper',
  'newuidmap',
  'newgidmap',
  'mail-lock',
  'mail-unlock',
  'mail-touchlock',
  'utempter',
  'sudo',
  'sg',
  'traceroute6.iputils',
  'chromium-sandbox',
]);

function checkModes(view: FinalView, info: ImageInfo): Finding[] {
  const out: Finding[] = [];
  const target = targetName(info);
  for (const e of view.entries()) {
    const mode = (e.mode & 0o7777).toString(8);
    if (e.type === 'file' && e.mode & 0o6000) {
      const base = e.path.slice(e.path.lastIndexOf('/') + 1);
      const bits = [e.mode & 0o4000 ? 'setuid' : '', e.mode & 0o2000 ? 'setgid' : '']
        .filter(Boolean)
        .join('+');
      const rule = COMMON_SETUID.has(base) ? IMG_RULES.setuidCommon : IMG_RULES.setuidUnusual;
      out.push(
        finding(
          rule,
          `${e.path} is ${bits} (mode ${mode}, owner uid ${e.uid}).`,
          `${target}:${e.path}`,
          fileLoc(info, e),
          undefined,
          { mode },
        ),
      );
    }
    if ((e.type === 'file' || e.type === 'dir') && e.mode & 0o002 && !(e.type === 'dir' && e.mode & 0o1000)) {
      const what = e.type === 'dir' ? 'directory without the sticky bit' : 'file';
      out.push(
        finding(
          IMG_RULES.worldWritable,
          `${e.path} is a world-writable ${what} (mode ${mode}).`,
          `${target}:${e.path}`,
          fileLoc(info, e),
        ),
      );
    }
  }
  return out;
}

export const fileModesAnalyzer: AnalyzerModule = {
  version: 1,
  rules: [IMG_RULES.setuidUnusual, IMG_RULES.setuidCommon, IMG_RULES.worldWritable],
  create: () => [
    {
      name: 'file-modes',
      wants: () => false,
      analyze: () => undefined,
      finish: (view, info) => ({ findings: checkModes(view, info) }),
    },
  ],
};
