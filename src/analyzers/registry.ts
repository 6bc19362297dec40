/**
 * The one registry of image analyzers. Each entry names an analyzer and the scanner it belongs to; its version,
 * rules and walk analyzers load lazily, so commands that scan no image (`shipgate lint`) start fast. Scanner
 * names, the rule list, rule docs and the SARIF parts are all derived from here.
 */
import type { FindingKind, RuleMeta } from '../core/finding';
import type { RuleDocsIntro, RuleDocsPage } from '../core/rule-docs';
import type { Analyzer, AnalyzerModule, AnalyzerOutput, AnalyzerSettings } from '../image/types';
import { compareText } from '../core/order';

export interface RegisteredAnalyzer {
  /** Unique; reports and the policy's `analyzers:` settings use it. */
  readonly name: string;
  /** The scanner (--scanners value) it belongs to. */
  readonly scanner: string;
  /** Runs whichever scanners are chosen: the inventory also feeds the SBOM and the package list. */
  readonly always?: boolean;
  load(): Promise<AnalyzerModule>;
}

export const ANALYZERS = [
  {
    name: 'inventory',
    scanner: 'vuln',
    always: true,
    load: async () => (await import('../inventory/index')).inventoryModule,
  },
  { name: 'secrets', scanner: 'secret', load: async () => (await import('../secrets/image')).secretsModule },
  {
    name: 'image-config',
    scanner: 'config',
    load: async () => (await import('../config/analyzers/image-config')).imageConfigAnalyzer,
  },
  {
    name: 'build',
    scanner: 'config',
    load: async () => (await import('../config/analyzers/build')).buildAnalyzer,
  },
  {
    name: 'end-of-life',
    scanner: 'config',
    load: async () => (await import('../config/analyzers/end-of-life')).endOfLifeAnalyzer,
  },
  {
    name: 'users',
    scanner: 'config',
    load: async () => (await import('../config/analyzers/users')).usersAnalyzer,
  },
  {
    name: 'file-modes',
    scanner: 'config',
    load: async () => (await import('../config/analyzers/file-modes')).fileModesAnalyzer,
  },
  {
    name: 'leftovers',
    scanner: 'config',
    load: async () => (await import('../config/analyzers/leftovers')).leftoversAnalyzer,
  },
  {
    name: 'tools',
    scanner: 'config',
    load: async () => (await import('../config/analyzers/tools')).toolsAnalyzer,
  },
  {
    name: 'history',
    scanner: 'config',
    load: async () => (await import('./history')).historyAnalyzer,
  },
  {
    name: 'malware',
    scanner: 'malware',
    load: async () => (await import('../malware/analyzer')).malwareModule,
  },
] as const satisfies readonly RegisteredAnalyzer[];

export type Scanner = (typeof ANALYZERS)[number]['scanner'];

/** Every scanner name, in registry order: what --scanners, the action and the GitLab component accept. */
export const SCANNERS: readonly Scanner[] = [...new Set(ANALYZERS.map((a) => a.scanner))];

export function isScanner(name: string): name is Scanner {
  return (SCANNERS as readonly string[]).includes(name);
}

/** The finding kind each scanner reports (a SARIF run each). */
const SCANNER_PART: Record<Scanner, FindingKind> = {
  vuln: 'vulnerability',
  secret: 'secret',
  config: 'config',
  malware: 'malware',
};

export function scannerPart(scanner: Scanner): FindingKind {
  return SCANNER_PART[scanner];
}

/** One registered analyzer, loaded and instantiated for a scan. */
export interface AnalyzerInstance {
  entry: RegisteredAnalyzer;
  module: AnalyzerModule;
  /** The walk analyzers it runs (several for the inventory, none when it has nothing to do). */
  walkers: Analyzer<AnalyzerOutput>[];
}

/** The analyzers the chosen scanners need (plus those that always run), fresh for one walk. */
export async function createAnalyzers(settings: AnalyzerSettings): Promise<AnalyzerInstance[]> {
  const entries = ANALYZERS.filter(
    (a: RegisteredAnalyzer) => a.always === true || settings.scanners.has(a.scanner),
  );
  return Promise.all(
    entries.map(async (entry) => {
      const module = await entry.load();
      return { entry, module, walkers: module.create(settings) };
    }),
  );
}

/** The rules of the analyzers of some scanners (default all), by scanner in registry order, then by id. */
export async function analyzerRules(scanners?: ReadonlySet<string>): Promise<RuleMeta[]> {
  const out: RuleMeta[] = [];
  for (const scanner of SCANNERS) {
    if (scanners && !scanners.has(scanner)) continue;
    const entries = ANALYZERS.filter((a) => a.scanner === scanner);
    const modules = await Promise.all(entries.map((a) => a.load()));
    out.push(...modules.flatMap((m) => m.rules).sort((a, b) => compareText(a.id, b.id)));
  }
  return out;
}

/** Every rule shipgate has: the Dockerfile and manifest linters', every analyzer's, and the vulnerability matcher's. */
export async function allRules(): Promise<RuleMeta[]> {
  const [{ dockerfileRules }, { manifestRules }, { EOL_RULE }, rules] = await Promise.all([
    import('../dockerfile/index'),
    import('../manifests/index'),
    import('../vuln/rules'),
    analyzerRules(),
  ]);
  return [...dockerfileRules(), ...manifestRules(), ...rules, EOL_RULE];
}

/** The rules page (under docs/rules/) of each linter and of each scanner whose analyzers have rules. */
const RULE_DOCS: {
  file: string;
  scanner?: Scanner;
  load(): Promise<RuleDocsIntro>;
  rules?: () => Promise<RuleMeta[]>;
}[] = [
  { file: 'dockerfile.md', load: async () => (await import('../dockerfile/docs')).DOCKERFILE_DOCS },
  {
    file: 'manifests.md',
    load: async () => (await import('../manifests/index')).MANIFESTS_DOCS,
    rules: async () => (await import('../manifests/index')).manifestRules(),
  },
  {
    file: 'secrets.md',
    scanner: 'secret',
    load: async () => (await import('../secrets/docs-page')).SECRETS_DOCS,
  },
  {
    file: 'image-config.md',
    scanner: 'config',
    load: async () => (await import('../config/docs-page')).IMAGE_CONFIG_DOCS,
  },
  {
    file: 'malware.md',
    scanner: 'malware',
    load: async () => (await import('../malware/docs-page')).MALWARE_DOCS,
  },
];

/** Every rules page: its file name under docs/rules/ and its content, rules taken from the registry. */
export async function ruleDocsPages(): Promise<{ file: string; page: RuleDocsPage }[]> {
  const { dockerfileRules } = await import('../dockerfile/index');
  return Promise.all(
    RULE_DOCS.map(async (d) => ({
      file: d.file,
      page: {
        ...(await d.load()),
        rules: d.rules
          ? await d.rules()
          : d.scanner
            ? await analyzerRules(new Set([d.scanner]))
            : dockerfileRules(),
      },
    })),
  );
}
