/**
 * The shipgate.yaml schema. One zod schema is the source of truth: it validates the file, gives the
 * TypeScript types, and is exported as JSON Schema (schemas/shipgate.schema.json) for editor completion.
 * Written with zod/mini: every command that reads a policy file loads this, and the classic API costs
 * about 100 ms of start-up for the methods it puts on every schema (most unused here).
 */
import * as z from 'zod/mini';
import { FAIL_ON_VALUES } from '../core/options';
import { MALWARE_MODES } from './modes';

export type { MalwareMode } from './modes';

/** A copy of `schema` carrying a description (shown by editors through the JSON Schema). */
function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  return schema.check(z.describe(description)) as T;
}

const SEVERITY_VALUES = ['critical', 'high', 'medium', 'low', 'info'] as const;
/** The parts of a scan the gate can look at (the finding kinds, with `vulnerabilities` plural as users write it). */
const GATE_PARTS = ['dockerfile', 'manifests', 'vulnerabilities', 'secrets', 'config', 'malware'] as const;

const isoDate = described(z.iso.date(), 'A date, YYYY-MM-DD');

const globList = described(z.array(z.string().check(z.minLength(1))), 'Glob patterns (picomatch syntax)');

const nonEmpty = () => z.string().check(z.minLength(1));
const count = z.number().check(z.int(), z.minimum(0), z.maximum(1_000_000));
const positiveInt = () => z.number().check(z.int(), z.positive());
const reasonText = () => z.string().check(z.trim(), z.minLength(1));

const gateSchema = described(
  z.strictObject({
    'fail-on': described(
      z._default(z.enum(FAIL_ON_VALUES), 'high'),
      'Block when an unsuppressed finding is at or above this severity (`info`: any finding blocks); `none` never blocks on severity.',
    ),
    'only-fixable': described(
      z._default(z.boolean(), false),
      'Vulnerabilities without a fixed version do not count toward fail-on and max.',
    ),
    max: described(
      z._default(
        z.strictObject({
          critical: z.optional(count),
          high: z.optional(count),
          medium: z.optional(count),
          low: z.optional(count),
          info: z.optional(count),
        }),
        {},
      ),
      'Block when more unsuppressed findings than this exist at a severity (across the gated parts).',
    ),
    parts: described(
      z._default(z.array(z.enum(GATE_PARTS)), [...GATE_PARTS]),
      'Which parts of the scan can block. Secrets and malware block whenever they are listed here.',
    ),
  }),
  'When the gate blocks.',
);

const dockerfileSchema = described(
  z.strictObject({
    'require-non-root': described(
      z._default(z.boolean(), false),
      'Block when the final stage runs as root or sets no USER, whatever the rule severity.',
    ),
    'require-multistage': described(
      z._default(z.boolean(), false),
      'Block when a single-stage build carries compilers or package managers into the final image.',
    ),
    'require-digest-pinned-base': described(
      z._default(z.boolean(), false),
      'Block when a base image is not pinned by digest (FROM image@sha256:...).',
    ),
    'minimal-base': described(
      z.optional(z.array(nonEmpty())),
      'Allow-list of final-stage base images (glob patterns on the image name, e.g. "gcr.io/distroless/*"). When set, any other final base blocks.',
    ),
    'allowed-registries': described(
      z.optional(z.array(nonEmpty())),
      'Registries base images may come from (e.g. docker.io, ghcr.io, "*.dkr.ecr.*.amazonaws.com").',
    ),
    shellcheck: described(
      z._default(z.boolean(), true),
      'Run ShellCheck on every RUN script (findings SC1000-SC9999, as hadolint reports them) when a shellcheck binary is on PATH.',
    ),
    history: described(
      z._default(z.boolean(), true),
      "Lint a scanned image's build history with the Dockerfile rules that apply to a built image (history lint).",
    ),
  }),
  'Properties every Dockerfile must have.',
);

const manifestsSchema = described(
  z.strictObject({
    pss: described(
      z._default(z.enum(['privileged', 'baseline', 'restricted']), 'privileged'),
      'Pod Security Standards level to check manifests against (restricted includes baseline); privileged checks none of the SG-K8S-1NN controls.',
    ),
    'allowed-registries': described(
      z.optional(z.array(nonEmpty())),
      'Registries container images in manifests may come from (e.g. ghcr.io/org, "*.dkr.ecr.*.amazonaws.com"); when set, SG-K8S-026 reports any other.',
    ),
  }),
  'Kubernetes manifest checks.',
);

const imageSchema = described(
  z.strictObject({
    'max-size-mb': described(
      z._default(positiveInt(), 1024),
      'SG-IMG-007 reports an image whose compressed size is over this many MiB.',
    ),
    'max-layers': described(
      z._default(positiveInt(), 50),
      'SG-IMG-008 reports an image with more layers than this.',
    ),
    'max-age-days': described(
      z._default(positiveInt(), 365),
      'SG-IMG-010 reports an image built more than this many days ago.',
    ),
  }),
  'Limits of the image configuration checks.',
);

const ruleOverride = described(
  z.strictObject({
    enabled: described(z.optional(z.boolean()), 'false turns the rule off; true turns an optional rule on.'),
    severity: described(z.optional(z.enum(SEVERITY_VALUES)), 'Severity to report this rule with.'),
  }),
  'Override for one rule.',
);

const ignoreSchema = described(
  z.strictObject({
    id: described(
      nonEmpty(),
      'Rule id (SG-DF-001) or vulnerability id or alias (CVE-2024-1234, GHSA-...); globs allowed.',
    ),
    paths: described(z.optional(globList), 'Only findings at these repository paths or image paths.'),
    packages: described(z.optional(globList), 'Only vulnerabilities in these packages (name or purl).'),
    images: described(
      z.optional(globList),
      'Only findings in these images (reference without tag or digest).',
    ),
    reason: described(reasonText(), 'Why this is acceptable (required; shown in reports).'),
    expires: described(z.optional(isoDate), 'The ignore stops applying after this date (YYYY-MM-DD).'),
  }),
  'A finding the gate accepts, with a reason.',
);

const secretAllowSchema = described(
  z
    .strictObject({
      fingerprint: described(
        z.optional(nonEmpty()),
        'Fingerprint of one secret finding (from the JSON report).',
      ),
      rule: described(z.optional(nonEmpty()), 'A secret rule id (SG-SEC-003): every finding of it.'),
      paths: described(z.optional(globList), 'Only secrets at these paths (image or repository).'),
      reason: described(reasonText(), 'Why this secret is acceptable (e.g. a test fixture).'),
      expires: described(z.optional(isoDate), 'The allowance stops applying after this date (YYYY-MM-DD).'),
    })
    .check(
      z.refine((a) => a.fingerprint !== undefined || a.rule !== undefined, {
        message: 'needs a fingerprint or a rule',
      }),
    ),
  'A secret finding that may pass.',
);

export const policySchema = described(
  z.strictObject({
    version: described(z.literal(1), 'Schema version of this file; always 1.'),
    gate: z._default(gateSchema, {
      'fail-on': 'high',
      'only-fixable': false,
      max: {},
      parts: [...GATE_PARTS],
    }),
    dockerfile: z._default(dockerfileSchema, {
      'require-non-root': false,
      'require-multistage': false,
      'require-digest-pinned-base': false,
      shellcheck: true,
      history: true,
    }),
    manifests: z._default(manifestsSchema, { pss: 'privileged' }),
    image: z._default(imageSchema, { 'max-size-mb': 1024, 'max-layers': 50, 'max-age-days': 365 }),
    rules: described(
      z._default(z.record(z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_-]*$/)), ruleOverride), {}),
      'Per-rule overrides keyed by rule id.',
    ),
    ignores: described(z._default(z.array(ignoreSchema), []), 'Findings the gate accepts.'),
    secrets: described(
      z._default(z.strictObject({ allow: z._default(z.array(secretAllowSchema), []) }), { allow: [] }),
      'Secrets always block unless allowed here.',
    ),
    vulnerabilities: described(
      z._default(
        z.strictObject({
          'ignore-unfixed': described(
            z._default(z.boolean(), false),
            'Hide vulnerabilities that have no fix yet.',
          ),
          vex: described(
            z._default(z.array(nonEmpty()), []),
            'OpenVEX documents to apply (paths relative to this file).',
          ),
          kev: described(
            z.optional(z.enum(['off', 'report', 'block'])),
            "CISA's Known Exploited Vulnerabilities catalogue: report shows which vulnerabilities are in it; block also refuses the image when an unsuppressed one is (and when the catalogue cannot be loaded). Default off.",
          ),
          epss: described(
            z.optional(z.enum(['off', 'report'])),
            "FIRST's EPSS scores (probability of exploitation in 30 days): report shows them. Default off.",
          ),
          'epss-above': described(
            z.optional(z.number().check(z.minimum(0), z.maximum(1))),
            'Refuse the image when an unsuppressed vulnerability has an EPSS score above this (0 to 1), or when the scores cannot be loaded. Implies epss: report.',
          ),
          'epss-file': described(
            z.optional(nonEmpty()),
            'A local EPSS file (epss_scores-YYYY-MM-DD.csv[.gz], relative to this file) instead of the download; implies epss: report.',
          ),
          'kev-file': described(
            z.optional(nonEmpty()),
            'A local copy of known_exploited_vulnerabilities.json (relative to this file) instead of the download; implies kev: report.',
          ),
        }),
        { 'ignore-unfixed': false, vex: [] },
      ),
      'Vulnerability matching options.',
    ),
    malware: described(
      z._default(
        z.strictObject({
          mode: described(
            z._default(z.enum(MALWARE_MODES), 'required'),
            'required: malware scanning that could not run (ClamAV or its signature database missing) blocks; optional: it is a warning, and the report says malware scanning did not run.',
          ),
          'clamav-db': described(
            z.optional(nonEmpty()),
            "ClamAV signature database folder (relative to this file); default ClamAV's own.",
          ),
        }),
        { mode: 'required' },
      ),
      'Malware scanning.',
    ),
    analyzers: described(
      z._default(
        z.record(z.string().check(z.regex(/^[a-z][a-z0-9-]*$/)), z.enum(['required', 'optional'])),
        {},
      ),
      "Per image analyzer (see the JSON report's `analyzers`): required (default) blocks when it fails; optional makes its failure a warning, recorded in the report and the decision.",
    ),
  }),
  'shipgate policy (shipgate.yaml)',
);

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
