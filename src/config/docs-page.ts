import type { RuleDocsPage } from '../secrets/docs';
import { IMG_RULE_META } from './rules';

export const IMAGE_CONFIG_DOCS: RuleDocsPage = {
  title: 'Image configuration rules (SG-IMG)',
  intro: `These checks look at the built image: its configuration (user, health check, ports, volumes, labels,
environment), its build history and its final filesystem (setuid files, modes, package caches, accounts). They
cover dockle's CIS-DI and DKL checks where those apply; the equivalents are listed per rule. Findings that come
from a layer carry the layer's \`created_by\`, so reports point at the Dockerfile instruction that made it.

Thresholds (image size, layer count, image age) are rule options in \`shipgate.yaml\`.`,
  rules: IMG_RULE_META,
};
