/**
 * An end-of-life base OS (SG-IMG-009), from the OS the inventory's os-release analyzer finds. Reported here
 * only when the vulnerability scanner does not run: it reports the same fact as SG-OS-001.
 */
import type { Finding } from '../../core/finding';
import type { OsInfo } from '../../core/package';
import type { AnalyzerModule, ImageInfo } from '../../image/types';
import { osReleaseAnalyzer } from '../../inventory/analyzers/os-release';
import { finding, imageLoc, targetName } from '../common';
import { IMG_RULES } from '../rules';

export function checkEndOfLife(info: ImageInfo, os: OsInfo | undefined): Finding[] {
  if (!os?.eol) return [];
  const name = os.prettyName ?? `${os.id} ${os.versionId ?? ''}`.trim();
  return [
    finding(
      IMG_RULES.eol,
      `The base OS ${name} is end of life${os.eolDate ? ` since ${os.eolDate}` : ''}.`,
      `${targetName(info)}:${os.id}:${os.versionId ?? ''}`,
      imageLoc(info),
    ),
  ];
}

export const endOfLifeAnalyzer: AnalyzerModule = {
  version: 1,
  rules: [IMG_RULES.eol],
  create(settings) {
    if (settings.scanners.has('vuln')) return [];
    const release = osReleaseAnalyzer();
    return [
      {
        name: 'end-of-life',
        maxBytes: release.maxBytes,
        wants: (e) => release.wants(e),
        analyze: (e, content, truncated) => release.analyze(e, content, truncated),
        finish: async (view, info) => ({
          findings: checkEndOfLife(info, (await release.finish(view, info)).os),
        }),
      },
    ];
  },
};
