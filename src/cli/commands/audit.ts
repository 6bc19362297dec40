import { EXIT, ShipgateError } from '../../core/errors';
import { RegistryClient } from '../../oci/client';
import { parseRegistryRef, splitReference } from '../../oci/ref';
import { AuditCache, expectationsFingerprint } from '../../pipeline/audit-cache';
import { auditRegistry, DEFAULT_AUDIT_CONCURRENCY, type AuditTarget } from '../../pipeline/audit';
import { auditJson, auditSarif, auditText, type AuditReport } from '../../report/audit';
import { writeReportFile, writeReportStdout } from '../../report/output-file';
import { userCategory } from '../../report/sarif/category';
import { loadTrustMaterial } from '../../sign/index';
import { oneOf, parseCommand, str, type Parsed } from '../args';
import { VERIFY_HELP, VERIFY_OPTIONS, verifyFlags } from '../verify-flags';

const HELP = `Usage: shipgate audit REGISTRY/REPOSITORY... SIGNER [options]
       shipgate audit REGISTRY SIGNER [options]

Finds the images in a registry that got in without shipgate's approval. Every tag of each repository is
listed (page by page) and resolved to its manifest digest; each distinct digest is verified as
"shipgate verify" does (signature by the allowed signer, transparency log or timestamp, approval
attestation approved and not forced, maximum age, required attestations). Tags that hold signatures
(sha256-<hex>, sha256-<hex>.sig/.att/.sbom) are skipped when their content is a signature. Given a
registry alone, its repositories are listed from /v2/_catalog.
Exit 1 when any image fails, 0 when all pass; 2 for usage errors, 4 when a registry fails.

${VERIFY_HELP}

Audit:
      --cache FILE        remember the digests that passed (per signer, checks and trust): a later run
                          verifies only new digests, failures, and passes whose signatures reached --max-age
      --concurrency N     registry requests and verifications at a time (default ${DEFAULT_AUDIT_CONCURRENCY})
      --page-size N       tags asked for per page (n=); default the registry's

Output:
  -f, --format FMT        text (default: one line per failing image and a summary), json (every image
                          with its status) or sarif (one result per failing image)
  -o, --output FILE       write the main format to FILE instead of stdout
      --json FILE         also write the JSON report
      --sarif FILE        also write SARIF 2.1.0
      --category NAME     SARIF category, as codeql-action's: automationDetails.id NAME/; default:
                          shipgate/audit/<repositories>/
`;

const OPTIONS = {
  ...VERIFY_OPTIONS,
  cache: { type: 'string' },
  concurrency: { type: 'string' },
  'page-size': { type: 'string' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  json: { type: 'string' },
  sarif: { type: 'string' },
  category: { type: 'string' },
} as const;

const FORMATS = ['text', 'json', 'sarif'] as const;

function usage(message: string, hint?: string): ShipgateError {
  return new ShipgateError('USAGE', `audit: ${message}`, hint === undefined ? {} : { hint });
}

function count(p: Parsed, name: string, max: number): number | undefined {
  const text = str(p, name);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > max)
    throw usage(`--${name}: "${text}" is not a number from 1 to ${max}`);
  return n;
}

/** A registry alone (host, host:port): no slash and the form of a host. */
function isRegistryOnly(arg: string): boolean {
  return !arg.includes('/') && (arg.includes('.') || arg.includes(':') || arg === 'localhost');
}

async function targets(args: readonly string[], pageSize: number | undefined): Promise<AuditTarget[]> {
  const clients = new Map<string, RegistryClient>();
  const client = (registry: string): RegistryClient => {
    let c = clients.get(registry);
    if (!c) clients.set(registry, (c = new RegistryClient({ registry })));
    return c;
  };
  const out: AuditTarget[] = [];
  for (const arg of args) {
    if (isRegistryOnly(arg)) {
      const c = client(arg);
      for (const repository of await c.listRepositories(pageSize)) out.push({ client: c, repository });
      continue;
    }
    const parts = splitReference(arg.replace(/^docker:\/\//, ''));
    if (parts.tag !== undefined || parts.digest !== undefined)
      throw usage(
        `${arg} names a tag or digest`,
        'give repositories (registry/repository); every tag is audited',
      );
    const ref = parseRegistryRef(arg);
    out.push({ client: client(ref.registry), repository: ref.repository });
  }
  return out;
}

async function write(report: AuditReport, p: Parsed): Promise<void> {
  const category = str(p, 'category');
  const render = (format: (typeof FORMATS)[number]): string =>
    format === 'json'
      ? auditJson(report)
      : format === 'sarif'
        ? `${JSON.stringify(auditSarif(report, category), null, 2)}\n`
        : auditText(report);
  const main = render(oneOf(p, 'format', FORMATS, 'text'));
  const output = str(p, 'output');
  if (output) await writeReportFile(output, main);
  else writeReportStdout(main);
  for (const format of ['json', 'sarif'] as const) {
    const path = str(p, format);
    if (path) await writeReportFile(path, render(format));
  }
}

export async function run(argv: string[]): Promise<number> {
  const p = parseCommand('audit', argv, OPTIONS, HELP);
  if (!p) return EXIT.OK;
  if (!p.positionals.length)
    throw usage(
      'give at least one repository',
      'e.g. shipgate audit ghcr.io/acme/app --github-repository acme/app',
    );
  oneOf(p, 'format', FORMATS, 'text');
  userCategory(str(p, 'category'), '--category');
  const flags = verifyFlags('audit', p);
  const concurrency = count(p, 'concurrency', 64);
  const pageSize = count(p, 'page-size', 10_000);
  const cachePath = str(p, 'cache');
  const cache = cachePath
    ? await AuditCache.load(cachePath, await expectationsFingerprint(flags.expect, flags.trust))
    : undefined;
  const trust = await loadTrustMaterial(flags.trust);
  const report = await auditRegistry(await targets(p.positionals, pageSize), {
    expect: flags.expect,
    trust,
    ...(cache ? { cache } : {}),
    ...(concurrency ? { concurrency } : {}),
    ...(pageSize ? { pageSize } : {}),
  });
  await cache?.save();
  await write(report, p);
  return report.images.some((i) => i.status === 'fail') ? EXIT.POLICY_FAILED : EXIT.OK;
}
