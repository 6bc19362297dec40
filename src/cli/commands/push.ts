import { EXIT, ShipgateError } from '../../core/errors';
import { logger } from '../../core/logger';
import { verifyCiJob } from '../../guard/ci';
import { parseDestination, pushImage } from '../../guard/copy';
import { openImage } from '../../image/index';
import { findRepoRoot } from '../../pipeline/paths';
import { runPipeline } from '../../pipeline/run';
import type { PipelineOptions } from '../../pipeline/types';
import { blockingReasonsLine } from '../../policy/format';
import { bool, list, parse, str } from '../args';

const HELP = `Usage: shipgate push IMAGE DEST [--dockerfile FILE]... [--config FILE] [options]

Pushes IMAGE to the registry reference DEST, only from a verified CI job and only once the image is approved:
  1. the job must be a GitHub Actions or GitLab CI job whose OIDC ID token matches its environment
     (GitHub: permissions id-token: write; GitLab: id_tokens: SHIPGATE_ID_TOKEN or SIGSTORE_ID_TOKEN);
  2. the image (and the Dockerfiles) are scanned as "shipgate scan" does, and the policy must approve;
  3. the layers and config are uploaded and the manifest is put; the pushed IMAGE@sha256:... is printed.
There is no flag to push from elsewhere: build and scan locally with "shipgate scan".

Arguments:
  IMAGE                   docker-archive:FILE, oci-archive:FILE, oci:DIR[:TAG], docker:NAME or a registry
                          reference
  DEST                    registry reference to push to (registry.gitlab.com/group/app:1.2)

Options:
  -d, --dockerfile FILE   a Dockerfile to lint as part of the approval (repeatable)
  -c, --config FILE       policy file (default shipgate.yaml at the repository root, if any)
      --platform P        os/arch[/variant] to pick from a multi-platform image (default: this machine's)
      --vuln-db PATH      OSV records: a directory or zip (offline), instead of the cached OSV database
      --offline           never download vulnerability data (use --vuln-db or the cache)

Registry credentials: docker login, or SHIPGATE_REGISTRY (host) with SHIPGATE_REGISTRY_USERNAME/PASSWORD.
`;

export async function run(argv: string[]): Promise<number> {
  const p = parse('push', argv, {
    dockerfile: { type: 'string', short: 'd', multiple: true },
    config: { type: 'string', short: 'c' },
    platform: { type: 'string' },
    'vuln-db': { type: 'string' },
    offline: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (p.values.help) {
    process.stdout.write(HELP);
    return EXIT.OK;
  }
  const [image, dest, extra] = p.positionals;
  if (!image || !dest || extra !== undefined)
    throw new ShipgateError('USAGE', 'push: give exactly IMAGE and DEST', {
      hint: 'e.g. shipgate push oci-archive:app.tar registry.gitlab.com/group/app:1.2',
    });
  parseDestination(dest);
  const log = logger();

  const job = await verifyCiJob();
  log.info(
    `push: verified ${job.platform} job: ${job.project} run ${job.run} at ${job.sha.slice(0, 12)} (${job.ref})`,
  );

  const opts: PipelineOptions = {
    dockerfiles: list(p, 'dockerfile'),
    repoRoot: findRepoRoot(),
    image,
    ...(str(p, 'platform') ? { platform: str(p, 'platform')! } : {}),
    ...(str(p, 'config') ? { configPath: str(p, 'config')! } : {}),
    ...(str(p, 'vuln-db') ? { vulnDb: str(p, 'vuln-db')! } : {}),
    ...(bool(p, 'offline') ? { offline: true } : {}),
  };
  const result = await runPipeline(opts);
  if (!result.decision?.approved)
    throw new ShipgateError(
      'GUARD',
      `push refused: ${image} is not approved: ${result.decision ? blockingReasonsLine(result.decision) : 'no decision'}`,
      {
        hint: 'fix the findings or adjust the policy, then run the job again; "shipgate scan" shows every finding',
      },
    );
  log.info(`push: ${image} is approved (policy: ${result.decision.policy})`);

  const opened = await openImage(image, str(p, 'platform') ? { platform: str(p, 'platform')! } : {});
  try {
    // The image opened for the copy must be the one the pipeline approved (a layout or tag may change between).
    const scanned = result.image?.configDigest;
    if (!scanned || scanned !== opened.info.configDigest)
      throw new ShipgateError(
        'GUARD',
        `push refused: ${image} changed after it was scanned (config ${opened.info.configDigest})`,
        { hint: 'do not rewrite the image while the push job runs' },
      );
    const pushed = await pushImage(opened, dest);
    process.stdout.write(`${pushed.reference}\n`);
  } finally {
    await opened.close();
  }
  return EXIT.OK;
}
