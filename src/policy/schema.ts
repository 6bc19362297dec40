/**
 * The shipgate.yaml schema. One zod schema is the source of truth: it validates the file, gives the
 * TypeScript types, and is exported as JSON Schema (schemas/shipgate.schema.json) for editor completion.
 */
import { z } from 'zod';
import { FAIL_ON_VALUES } from '../core/options';
import { MALWARE_MODES } from './modes';

export type { MalwareMode } from './modes';

const SEVERITY_VALUES = ['critical', 'high', 'medium', 'low', 'info'] as const;
/** The parts of a scan the gate can look at (the finding kinds, with `vulnerabilities` plural as users write it). */
const GATE_PARTS = ['dockerfile', 'manifests', 'vulnerabilities', 'secrets', 'config', 'malware'] as const;

const isoDate = z.iso.date().describe('A date, YYYY-MM-DD');

const globList = z.array(z.string().min(1)).describe('Glob patterns (picomatch syntax)');

const count = z.number().int().min(0).max(1_000_000);

const gateSchema = z
  .strictObject({
    'fail-on': z
      .enum(FAIL_ON_VALUES)
      .default('high')
      .describe(
        'Block when an unsuppressed finding is at or above this severity (`info`: any finding blocks); `none` never blocks on severity.',
      ),
    'only-fixable': z
      .boolean()
      .default(false)
      .describe('Vulnerabilities without a fixed version do not count toward fail-on and max.'),
    max: z
      .strictObject({
        critical: count.optional(),
        high: count.optional(),
        medium: count.optional(),
        low: count.optional(),
        info: count.optional(),
      })
      .default({})
      .describe(
        'Block when more unsuppressed findings than this exist at a severity (across the gated parts).',
      ),
    parts: z
      .array(z.enum(GATE_PARTS))
      .default([...GATE_PARTS])
      .describe(
        'Which parts of the scan can block. Secrets and malware block whenever they are listed here.',
      ),
  })
  .describe('When the gate blocks.');

const dockerfileSchema = z
  .strictObject({
    'require-non-root': z
      .boolean()
      .default(false)
      .describe('Block when the final stage runs as root or sets no USER, whatever the rule severity.'),
    'require-multistage': z
      .boolean()
      .default(false)
      .describe(
        'Block when a single-stage build carries compilers or package managers into the final image.',
      ),
    'require-digest-pinned-base': z
      .boolean()
      .default(false)
      .describe('Block when a base image is not pinned by digest (FROM image@sha256:...).'),
    'minimal-base': z
      .array(z.string().min(1))
      .optional()
      .describe(
        'Allow-list of final-stage base images (glob patterns on the image name, e.g. "gcr.io/distroless/*"). When set, any other final base blocks.',
      ),
    'allowed-registries': z
      .array(z.string().min(1))
      .optional()
      .describe(
        'Registries base images may come from (e.g. docker.io, ghcr.io, "*.dkr.ecr.*.amazonaws.com").',
      ),
    shellcheck: z
      .boolean()
      .default(true)
      .describe(
        'Run ShellCheck on every RUN script (findings SC1000-SC9999, as hadolint reports them) when a shellcheck binary is on PATH.',
      ),
    history: z
      .boolean()
      .default(true)
      .describe(
        "Lint a scanned image's build history with the Dockerfile rules that apply to a built image (history lint).",
      ),
  })
  .describe('Properties every Dockerfile must have.');

const manifestsSchema = z
  .strictObject({
    pss: z
      .enum(['privileged', 'baseline', 'restricted'])
      .default('privileged')
      .describe(
        'Pod Security Standards level to check manifests against (restricted includes baseline); privileged checks none of the SG-K8S-1NN controls.',
      ),
    'allowed-registries': z
      .array(z.string().min(1))
      .optional()
      .describe(
        'Registries container images in manifests may come from (e.g. ghcr.io/org, "*.dkr.ecr.*.amazonaws.com"); when set, SG-K8S-026 reports any other.',
      ),
  })
  .describe('Kubernetes manifest checks.');

const imageSchema = z
  .strictObject({
    'max-size-mb': z
      .number()
      .int()
      .positive()
      .default(1024)
      .describe('SG-IMG-007 reports an image whose compressed size is over this many MiB.'),
    'max-layers': z
      .number()
      .int()
      .positive()
      .default(50)
      .describe('SG-IMG-008 reports an image with more layers than this.'),
    'max-age-days': z
      .number()
      .int()
      .positive()
      .default(365)
      .describe('SG-IMG-010 reports an image built more than this many days ago.'),
  })
  .describe('Limits of the image configuration checks.');

const ruleOverride = z
  .strictObject({
    enabled: z.boolean().optional().describe('false turns the rule off; true turns an optional rule on.'),
    severity: z.enum(SEVERITY_VALUES).optional().describe('Severity to report this rule with.'),
  })
  .describe('Override for one rule.');

const ignoreSchema = z
  .strictObject({
    id: z
      .string()
      .min(1)
      .describe('Rule id (SG-DF-001) or vulnerability id or alias (CVE-2024-1234, GHSA-...); globs allowed.'),
    paths: globList.optional().describe('Only findings at these repository paths or image paths.'),
    packages: globList.optional().describe('Only vulnerabilities in these packages (name or purl).'),
    images: globList.optional().describe('Only findings in these images (reference without tag or digest).'),
    reason: z.string().trim().min(1).describe('Why this is acceptable (required; shown in reports).'),
    expires: isoDate.optional().describe('The ignore stops applying after this date (YYYY-MM-DD).'),
  })
  .describe('A finding the gate accepts, with a reason.');

const secretAllowSchema = z
  .strictObject({
    fingerprint: z
      .string()
      .min(1)
      .optional()
      .describe('Fingerprint of one secret finding (from the JSON report).'),
    rule: z.string().min(1).optional().describe('A secret rule id (SG-SEC-003): every finding of it.'),
    paths: globList.optional().describe('Only secrets at these paths (image or repository).'),
    reason: z.string().trim().min(1).describe('Why this secret is acceptable (e.g. a test fixture).'),
    expires: isoDate.optional().describe('The allowance stops applying after this date (YYYY-MM-DD).'),
  })
  .refine((a) => a.fingerprint !== undefined || a.rule !== undefined, {
    message: 'needs a fingerprint or a rule',
  })
  .describe('A secret finding that may pass.');

export const policySchema = z
  .strictObject({
    version: z.literal(1).describe('Schema version of this file; always 1.'),
    gate: gateSchema.default({ 'fail-on': 'high', 'only-fixable': false, max: {}, parts: [...GATE_PARTS] }),
    dockerfile: dockerfileSchema.default({
      'require-non-root': false,
      'require-multistage': false,
      'require-digest-pinned-base': false,
      shellcheck: true,
      history: true,
    }),
    manifests: manifestsSchema.default({ pss: 'privileged' }),
    image: imageSchema.default({ 'max-size-mb': 1024, 'max-layers': 50, 'max-age-days': 365 }),
    rules: z
      .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/), ruleOverride)
      .default({})
      .describe('Per-rule overrides keyed by rule id.'),
    ignores: z.array(ignoreSchema).default([]).describe('Findings the gate accepts.'),
    secrets: z
      .strictObject({
        allow: z.array(secretAllowSchema).default([]),
      })
      .default({ allow: [] })
      .describe('Secrets always block unless allowed here.'),
    vulnerabilities: z
      .strictObject({
        'ignore-unfixed': z.boolean().default(false).describe('Hide vulnerabilities that have no fix yet.'),
        vex: z
          .array(z.string().min(1))
          .default([])
          .describe('OpenVEX documents to apply (paths relative to this file).'),
        kev: z
          .enum(['off', 'report', 'block'])
          .optional()
          .describe(
            "CISA's Known Exploited Vulnerabilities catalogue: report shows which vulnerabilities are in it; block also refuses the image when an unsuppressed one is (and when the catalogue cannot be loaded). Default off.",
          ),
        epss: z
          .enum(['off', 'report'])
          .optional()
          .describe(
            "FIRST's EPSS scores (probability of exploitation in 30 days): report shows them. Default off.",
          ),
        'epss-above': z
          .number()
          .min(0)
          .max(1)
          .optional()
          .describe(
            'Refuse the image when an unsuppressed vulnerability has an EPSS score above this (0 to 1), or when the scores cannot be loaded. Implies epss: report.',
          ),
        'epss-file': z
          .string()
          .min(1)
          .optional()
          .describe(
            'A local EPSS file (epss_scores-YYYY-MM-DD.csv[.gz], relative to this file) instead of the download; implies epss: report.',
          ),
        'kev-file': z
          .string()
          .min(1)
          .optional()
          .describe(
            'A local copy of known_exploited_vulnerabilities.json (relative to this file) instead of the download; implies kev: report.',
          ),
      })
      .default({ 'ignore-unfixed': false, vex: [] })
      .describe('Vulnerability matching options.'),
    malware: z
      .strictObject({
        mode: z
          .enum(MALWARE_MODES)
          .default('required')
          .describe(
            'required: malware scanning that could not run (ClamAV or its signature database missing) blocks; optional: it is a warning, and the report says malware scanning did not run.',
          ),
        'clamav-db': z
          .string()
          .min(1)
          .optional()
          .describe("ClamAV signature database folder (relative to this file); default ClamAV's own."),
      })
      .default({ mode: 'required' })
      .describe('Malware scanning.'),
    analyzers: z
      .record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.enum(['required', 'optional']))
      .default({})
      .describe(
        "Per image analyzer (see the JSON report's `analyzers`): required (default) blocks when it fails; optional makes its failure a warning, recorded in the report and the decision.",
      ),
  })
  .describe('shipgate policy (shipgate.yaml)');

/** The policy file as written (after defaults). */
export type PolicyFile = z.output<typeof policySchema>;
export type PolicyIgnore = PolicyFile['ignores'][number];
export type SecretAllow = PolicyFile['secrets']['allow'][number];
export type GatePart = (typeof GATE_PARTS)[number];

/** The JSON Schema published for editors (input side: defaults are optional). */
export function policyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(policySchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    $schema: schema.$schema,
    $id: 'https://raw.githubusercontent.com/shipgate/shipgate/main/schemas/shipgate.schema.json',
    title: 'shipgate.yaml',
    ...schema,
  };
}
