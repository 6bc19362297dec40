#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import "./chunk-YNPQFTY5.js";

// src/malware/docs-page.ts
var MALWARE_DOCS = {
  title: "Malware rules (SG-MAL)",
  intro: `shipgate looks for known-malicious content in every layer of an image, including files a later layer
deleted. Two sources: ClamAV (\`clamscan\` with a signature database) and built-in cryptominer/backdoor
indicators (miner binary names, known-bad hashes such as the EICAR test file, mining pool addresses).

**What ClamAV scans.** Every regular file of every layer up to 64 MiB, whatever its mode, name or folder, is
extracted into a private temporary directory (removed afterwards) and handed to ClamAV in one run. Larger files
are not scanned (the log says how many). The built-in indicators look at executables, scripts, archives and
configuration files.

**When ClamAV cannot run.** Without \`clamscan\`, without a signature database (the usual case on CI runners,
where \`freshclam\` never ran), or with an empty or unreadable database folder, no file was scanned by ClamAV.
The gate never reads that as "no malware": with \`malware.mode: required\` (the default) the image is not
approved and the decision says why (\`malware-not-scanned\`); with \`malware.mode: optional\` it is approved
with a warning, and the decision says that malware scanning did not run. The JSON report records the malware
analyzer's status (\`ok\` or \`incomplete\`).

**Settings.** In \`shipgate.yaml\`: \`malware.mode\` (\`required\` or \`optional\`) and \`malware.clamav-db\` (the
signature database folder, relative to the policy file; default ClamAV's own, \`/var/lib/clamav\`). The CLI
overrides them with \`--malware-mode\` and \`--clamav-db\`, the GitHub Action and the GitLab component with the
\`malware-mode\` and \`clamav-db\` inputs. To get a database on a runner: \`apt-get install clamav\` then
\`freshclam\`, or restore \`/var/lib/clamav\` from a cache.`
};
export {
  MALWARE_DOCS
};
