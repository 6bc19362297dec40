import type { Analyzer } from '../../image/types';
import type { InventoryOptions, InventoryPart } from '../types';
import { apkAnalyzer } from './apk';
import { cargoLockAnalyzer } from './cargo';
import { composerAnalyzer, composerLockAnalyzer } from './composer';
import { dotnetDepsAnalyzer, nugetLockAnalyzer } from './dotnet';
import { dpkgAnalyzer } from './dpkg';
import { gemAnalyzer } from './gem';
import { goBinaryAnalyzer } from './go';
import { goModAnalyzer } from './gomod';
import { javaAnalyzer } from './java';
import { npmAnalyzer } from './npm';
import { osReleaseAnalyzer } from './os-release';
import { pythonAnalyzer } from './python';
import { rpmAnalyzer } from './rpm';
import { rustBinaryAnalyzer } from './rust';

/** Every inventory analyzer, by name. Each call makes fresh analyzers (they keep state for one walk). */
export const ANALYZERS: Record<string, (o: InventoryOptions) => Analyzer<InventoryPart>> = {
  'os-release': () => osReleaseAnalyzer(),
  dpkg: () => dpkgAnalyzer(),
  apk: () => apkAnalyzer(),
  rpm: () => rpmAnalyzer(),
  npm: () => npmAnalyzer(),
  python: () => pythonAnalyzer(),
  go: (o) => goBinaryAnalyzer(o),
  rust: (o) => rustBinaryAnalyzer(o),
  java: (o) => javaAnalyzer(o),
  gem: () => gemAnalyzer(),
  composer: () => composerAnalyzer(),
  'composer-lock': () => composerLockAnalyzer(),
  cargo: () => cargoLockAnalyzer(),
  dotnet: () => dotnetDepsAnalyzer(),
  nuget: () => nugetLockAnalyzer(),
  gomod: () => goModAnalyzer(),
};
