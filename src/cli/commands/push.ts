import { EXIT, ShipgateError } from '../../core/errors';
import { findRepoRoot } from '../../pipeline/paths';
import { scanGatePush } from '../../pipeline/push';
import type { PipelineOptions } from '../../pipeline/types';
import { bool, list, parseCommand, str } from '../args';

const HELP = `Usage: shipgate push IMAGE DEST [--dockerfile FILE]... [--config FILE] [options]

Pushes IMAGE to the registry reference DEST, only from a CI job and only once the image is approved:
  1. the job must be a GitHub Actions or GitLab CI job with an OIDC ID token whose claims match the job's
     variables (GitHub: permissions id-token: write; GitLab: id_tokens: SHIPGATE_ID_TOKEN or SIGSTORE_ID_TOKEN).
     The token is decoded, not verified: its signature and issuer are not checked, nor its audience on
     GitLab. This stops pushes by mistake, not a forged environment (see docs/push.md);
  2. IMAGE is opened once and scanned as "shipgate scan" does (with the Dockerfiles); the policy must approve;
  3. the layers and config are copied from that opened image and the manifest is put last; the pushed
     repository@sha256:... is printed.
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
  const p = parseCommand(
    'push',
    argv,
    {
      dockerfile: { type: 'string', short: 'd', multiple: true },
      config: { type: 'string', short: 'c' },
      platform: { type: 'string' },
      'vuln-db': { type: 'string' },
      offline: { type: 'boolean' },
    },
    HELP,
  );
  if (!p) return EXIT.OK;
  const [image, dest, extra] = p.positionals;
  if (!image || !dest || extra !== undefined)
    throw new ShipgateError('USAGE', 'push: give exactly IMAGE and DEST', {
      hint: 'e.g. shipgate push oci-archive:app.tar registry.gitlab.com/group/app:1.2',
    });
  const pipeline: PipelineOptions = {
    dockerfiles: list(p, 'dockerfile'),
    repoRoot: findRepoRoot(),
    image,
    ...(str(p, 'platform') ? { platform: str(p, 'platform')! } : {}),
    ...(str(p, 'config') ? { configPath: str(p, 'config')! } : {}),
    ...(str(p, 'vuln-db') ? { vulnDb: str(p, 'vuln-db')! } : {}),
    ...(bool(p, 'offline') ? { offline: true } : {}),
  };
  const pushed = await scanGatePush({ pipeline, destination: dest });
  process.stdout.write(`${pushed.reference}\n`);
  return EXIT.OK;
}
