// The GitLab CI/CD component project of a release, pushed to GitLab and tagged `<version>` by the release
// workflow (the CI/CD catalog publishes a component from a tagged release of its own project):
//   templates/scan.yml   this checkout's template, whose job runs in the shipgate container image pinned by digest
//                        (runner-image) with its `shipgate` command (shipgate-command) instead of `npx`
//   README.md            what the release pins, and where the documentation is
//   .gitlab-ci.yml       the job that creates the GitLab release (and so the catalog version) for a version tag
// The image's entrypoint is the CLI, so the job clears it: GitLab runs the job script with the image's shell.
//
//   node build/gitlab-component.mjs --image REGISTRY/NAME:VERSION@sha256:DIGEST --output DIR
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { ROOT } from './bundle.mjs';

const DIGEST_REF = /^[a-z0-9.-]+(?::\d+)?(?:\/[a-z0-9._-]+)+:[\w][\w.-]{0,127}@sha256:[0-9a-f]{64}$/;
const JOB = '$[[ inputs.job-prefix ]]-scan';

/** templates/scan.yml with the image and command of the release as defaults. */
export function pinnedTemplate(text, image) {
  if (!DIGEST_REF.test(image))
    throw new Error(
      `--image must be a tagged reference pinned by digest (name:tag@sha256:...), got "${image}"`,
    );
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.length !== 2)
    throw new Error('templates/scan.yml: expected a spec and a job');
  const [spec, config] = docs;
  const inputs = ['spec', 'inputs'];
  if (!spec.hasIn([...inputs, 'runner-image']) || !spec.hasIn([...inputs, 'shipgate-command']))
    throw new Error('templates/scan.yml has no runner-image or shipgate-command input');
  if (!config.hasIn([JOB, 'image'])) throw new Error(`templates/scan.yml has no ${JOB} job with an image`);
  spec.setIn([...inputs, 'runner-image', 'default'], image);
  spec.setIn(
    [...inputs, 'runner-image', 'description'],
    'Image the job runs in. The default is the shipgate image of this release, pinned by digest.',
  );
  spec.setIn([...inputs, 'shipgate-command', 'default'], 'shipgate');
  spec.setIn(
    [...inputs, 'shipgate-command', 'description'],
    'Command that starts shipgate. Empty runs `npx --yes @shipgate/cli@<version>` (in a runner image with Node.js).',
  );
  config.setIn([JOB, 'image'], config.createNode({ name: '$[[ inputs.runner-image ]]', entrypoint: [''] }));
  const style = { lineWidth: 0, flowCollectionPadding: false };
  return `${spec.toString(style)}${config.toString(style)}`; // the job document keeps its own --- marker
}

function readme(version, image) {
  return [
    '# shipgate GitLab CI/CD component',
    '',
    `Release ${version} of the [shipgate](https://github.com/shipgate/shipgate) component. Its job runs`,
    `shipgate ${version} in the shipgate container image, pinned by digest:`,
    '',
    `    ${image}`,
    '',
    '```yaml',
    'include:',
    `  - component: $CI_SERVER_FQDN/<this project>/scan@${version}`,
    '    inputs:',
    '      image: oci-archive:image.tar',
    '      dockerfile: Dockerfile',
    '```',
    '',
    'Inputs, reports and caching: [docs/gitlab.md](https://github.com/shipgate/shipgate/blob/' +
      `v${version}/docs/gitlab.md). Verifying the image and the release: ` +
      `[docs/releasing.md](https://github.com/shipgate/shipgate/blob/v${version}/docs/releasing.md).`,
    '',
  ].join('\n');
}

const RELEASE_CI = `# Creates the GitLab release of a version tag, which publishes the component to the CI/CD catalog.
create-release:
  stage: deploy
  image: registry.gitlab.com/gitlab-org/release-cli:v0.24.0
  rules:
    - if: $CI_COMMIT_TAG =~ /^[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?$/
  script:
    - echo "publishing the shipgate component $CI_COMMIT_TAG"
  release:
    tag_name: $CI_COMMIT_TAG
    description: shipgate $CI_COMMIT_TAG, see https://github.com/shipgate/shipgate/releases/tag/v$CI_COMMIT_TAG
`;

/** Writes the component project into outDir (which must be empty or absent). */
export function gitlabComponent({ root = ROOT, image, outDir }) {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const template = pinnedTemplate(readFileSync(join(root, 'templates', 'scan.yml'), 'utf8'), image);
  mkdirSync(join(outDir, 'templates'), { recursive: true });
  if (readdirSync(outDir).length > 1 || readdirSync(join(outDir, 'templates')).length)
    throw new Error(`${outDir} is not empty`);
  writeFileSync(join(outDir, 'templates', 'scan.yml'), template);
  writeFileSync(join(outDir, 'README.md'), readme(version, image));
  writeFileSync(join(outDir, '.gitlab-ci.yml'), RELEASE_CI);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { image: { type: 'string' }, output: { type: 'string' } } });
  try {
    if (!values.image || !values.output) throw new Error('--image REF@DIGEST and --output DIR are required');
    gitlabComponent({ image: values.image, outDir: resolve(values.output) });
  } catch (e) {
    process.stderr.write(`gitlab-component failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
