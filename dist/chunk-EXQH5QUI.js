#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/secrets/docs-page.ts
var SECRETS_DOCS = {
  title: "Secret rules (SG-SEC)",
  intro: `shipgate looks for credentials in every file of every image layer (including files a later layer deleted or
overwrote: they stay extractable from the layer), in the image configuration (\`Env\`, \`Labels\`, \`Cmd\`,
\`Entrypoint\`), in the build history, in Dockerfiles and in the build-context files a Dockerfile copies.

Values are never printed: findings show a redacted form (at most the first and last few characters, never more
than 30% of the value) and a fingerprint, and every detected value is masked in logs and reports.

Documentation, manual pages, test-fixture directories and well-known example values
(\`AKIAIOSFODNN7EXAMPLE\`, \`changeme\`, \`\${VAR}\`, \`xxxx\`...) are not reported. Patterns follow the ones
published by gitleaks and trivy; the equivalents are listed per rule. Certificate stores (\`/etc/ssl/certs\`, the CA
bundle) and certificate files (\`.crt\`, \`.cer\`, \`.csr\`) are searched for private keys only.

**Large files.** Each file is scanned up to a limit, 64 MiB by default (\`maxFileSize\` of the secrets analyzer
and of the build-context scan). A larger file is scanned in its first 64 MiB only: a secret beyond the limit is
not reported, and the debug log names every file cut short. Within the limit, text is scanned in windows of 4 MiB
that overlap by 128 KiB, so a secret anywhere in the scanned part is found once, at its true line and column;
only a value longer than 64 KiB that crosses a window boundary could be missed (no rule matches values that long
except very large PGP key blocks). Binary files (a known magic number or a NUL byte in the first 8 KiB) are not
scanned.`
};

export {
  SECRETS_DOCS
};
