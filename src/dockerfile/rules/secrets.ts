import { redact } from '../../core/redact';
import { defineRule } from '../rule';
import type { Instruction, ParsedDockerfile } from '../types';
import { commands, keyValues } from './helpers';

const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  // Jenkins binds a credential as NAME_USR and NAME_PSW.
  'psw',
  'secret',
  'token',
  'apikey',
  'credential',
  'credentials',
  'privatekey',
  'accesskey',
  'secretkey',
  'authtoken',
]);
const SECRET_PAIRS = [
  ['api', 'key'],
  ['private', 'key'],
  ['access', 'key'],
  ['secret', 'key'],
  ['client', 'secret'],
  ['auth', 'token'],
  ['signing', 'key'],
  ['encryption', 'key'],
  ['master', 'key'],
  ['ssh', 'key'],
  ['deploy', 'key'],
  ['license', 'key'],
  ['app', 'key'],
  ['session', 'key'],
  ['jwt', 'key'],
  ['hmac', 'key'],
];
/** Suffixes that name where a secret lives or something about it, not the secret itself. */
const NOT_SECRET_SUFFIX = new Set([
  'file',
  'path',
  'dir',
  'url',
  'name',
  'user',
  'username',
  'id',
  'env',
  'mode',
  'length',
  'len',
  'version',
  'endpoint',
  'host',
  'port',
  'type',
  'header',
  'enabled',
  'policy',
  'ttl',
  'expiry',
  'location',
  'arn',
  'region',
  'config',
  'helper',
  'helpers',
  'store',
  'provider',
  'class',
  'method',
  'hash',
  'sha',
  'checksum',
]);
/** Credential variables named explicitly by hadolint and BuildKit whose suffix would otherwise exempt them. */
const KNOWN_SECRET_NAMES = new Set(['AWS_ACCESS_KEY_ID', 'AWS_SESSION_TOKEN', 'AWS_SECRET_ACCESS_KEY']);

/** Well-known variables that only look like secrets. */
const NOT_SECRET_NAMES = new Set(['PWD', 'OLDPWD']);

/** Splits FOO_BAR, foo-bar and fooBar into lower-case words. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Whether a variable name says it holds a secret (PASSWORD, GITHUB_TOKEN, API_KEY, ...), but not *_FILE, *_PATH. */
const secretNameCache = new Map<string, boolean>();

export function isSecretName(name: string): boolean {
  let known = secretNameCache.get(name);
  if (known === undefined) {
    known = secretNameUncached(name);
    if (secretNameCache.size > 10_000) secretNameCache.clear();
    secretNameCache.set(name, known);
  }
  return known;
}

function secretNameUncached(name: string): boolean {
  if (NOT_SECRET_NAMES.has(name)) return false;
  // Front-end build tools expose VITE_* and REACT_APP_* variables to the bundle.
  if (KNOWN_SECRET_NAMES.has(name.toUpperCase().replace(/^(VITE_|REACT_APP_)/, ''))) return true;
  const w = nameWords(name);
  if (w.length === 0) return false;
  if (NOT_SECRET_SUFFIX.has(w.at(-1) as string)) return false;
  if (w.includes('public')) return false;
  if (w.some((x) => SECRET_WORDS.has(x))) return true;
  // `NPM_AUTH`, `GITHUB_AUTH` (BuildKit counts `auth` as a secret word; `AUTH_TYPE` ends otherwise).
  if (w.at(-1) === 'auth') return true;
  for (let i = 0; i + 1 < w.length; i++)
    if (SECRET_PAIRS.some(([a, b]) => w[i] === a && w[i + 1] === b)) return true;
  return false;
}

/** Known credential formats. */
export const SECRET_PATTERNS: { name: string; re: RegExp; keep: number }[] = [
  { name: 'AWS access key id', re: /\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b/, keep: 4 },
  { name: 'GitHub token', re: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/, keep: 4 },
  { name: 'GitHub fine-grained token', re: /\bgithub_pat_[A-Za-z0-9_]{22,}\b/, keep: 11 },
  { name: 'GitLab token', re: /(?<![\w-])glpat-[A-Za-z0-9_-]{20,}\b/, keep: 6 },
  { name: 'Slack token', re: /\bxox[baprs]-[A-Za-z0-9-]{10,}\b/, keep: 5 },
  { name: 'Stripe secret key', re: /\b[sr]k_live_[0-9a-zA-Z]{24,}\b/, keep: 8 },
  { name: 'npm token', re: /\bnpm_[A-Za-z0-9]{36}\b/, keep: 4 },
  { name: 'Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/, keep: 4 },
  { name: 'private key (PEM)', re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/, keep: 0 },
];

/** A form of a secret that is safe to show: a known prefix, then asterisks. */
/** Any of SECRET_PATTERNS. */
const ANY_SECRET_PATTERN = new RegExp(SECRET_PATTERNS.map((p) => `(?:${p.re.source})`).join('|'));

function findSecretValue(text: string): { name: string; redacted: string } | undefined {
  for (const p of SECRET_PATTERNS) {
    const m = p.re.exec(text);
    if (m)
      return {
        name: p.name,
        redacted:
          p.keep === 0 ? '-----BEGIN … PRIVATE KEY-----' : redact(m[0], { keep: p.keep, knownPrefix: true }),
      };
  }
  return undefined;
}

const secretName = defineRule({
  id: 'SG-DF-006',
  title: 'Secret passed through ENV or ARG',
  severity: 'high',
  description:
    'An ENV or ARG whose name says it holds a secret (PASSWORD, TOKEN, SECRET, API_KEY, PRIVATE_KEY, Jenkins `_PSW`, also behind the VITE_/REACT_APP_ prefixes; names ending in _FILE, _PATH, _URL and the like are not counted). A value that is a file path (`GOOGLE_APPLICATION_CREDENTIALS=./app/key.json`) counts only when an earlier COPY/ADD of the stage puts build-context files there.',
  rationale:
    'ENV values are stored in the image configuration and visible to anyone who can pull the image (`docker inspect`); ARG values are recorded in the image history of every RUN that uses them. Both outlive the build.',
  fix: [
    'Mount the secret only for the step that needs it with a BuildKit secret mount, and pass runtime secrets at run time (environment of the orchestrator, mounted files).',
    '',
    '```dockerfile',
    '# before',
    'ARG NPM_TOKEN',
    'RUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci',
    '',
    '# after (docker build --secret id=npm_token,env=NPM_TOKEN .)',
    'RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN \\',
    '    echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci && rm .npmrc',
    '```',
  ].join('\n'),
  tags: ['security', 'dockerfile', 'secrets'],
  equivalents: {
    hadolint: ['DL3064'],
    buildkit: ['SecretsUsedInArgOrEnv'],
    dockle: ['CIS-DI-0010'],
  },
  related: {
    checks: { trivy: ['DS-0031', 'AVD-DS-0031'] },
    differs:
      'Trivy DS031 matches ENV/ARG names against a fixed list and reports a credentials file used in a RUN; SG-DF-006 judges names by their parts (`MYSQL_PASSWD`, `*_TOKEN`), leaves user names (`*_USR`) alone and reports what the image keeps, not what a RUN reads',
  },
  hint: 'use `RUN --mount=type=secret` at build time and inject runtime secrets at run time',
  check({ df, report }) {
    for (const inst of df.instructions) {
      if (inst.keyword !== 'ENV' && inst.keyword !== 'ARG') continue;
      for (const kv of keyValues(inst)) {
        if (!isSecretName(kv.key)) continue;
        const path = kv.value?.replace(/^["']|["']$/g, '');
        // An ENV set to nothing keeps nothing in the image (an ARG without a value gets one at build time).
        if (inst.keyword === 'ENV' && path === '') continue;
        // `GOOGLE_APPLICATION_CREDENTIALS=./app/key.json` names a file: a secret only when the build copies it in.
        if (path && /^(\.{0,2}\/|~\/)/.test(path) && !copiedInto(df, inst, path)) continue;
        const shown =
          kv.value === undefined ? '' : `=${kv.value === '' ? '""' : redact(kv.value, { keep: 2 })}`;
        report({
          at: inst,
          span: kv.word.span,
          key: kv.key,
          message: `${inst.keyword} ${kv.key}${shown} looks like a secret; ${
            inst.keyword === 'ENV'
              ? 'ENV values are stored in the image configuration'
              : 'ARG values are recorded in the image history'
          }.`,
          fix: `remove ${inst.keyword} ${kv.key}; use \`RUN --mount=type=secret,id=${kv.key.toLowerCase()}\` for build steps, or inject it at run time`,
        });
      }
    }
  },
});

/** Whether a COPY/ADD from the build context before `inst` in its stage puts files where `path` points. */
function copiedInto(df: ParsedDockerfile, inst: Instruction, path: string): boolean {
  const stage = df.stages[inst.stage];
  if (!stage) return false;
  const norm = (p: string) => p.replace(/^\.\//, '').replace(/^\/+/, '').replace(/\/+$/, '');
  const target = norm(path);
  for (const i of stage.instructions) {
    if (i === inst) break;
    if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || i.flags.some((f) => f.name === 'from')) continue;
    const dest = i.args.at(-1)?.value;
    if (dest === undefined) continue;
    const d = norm(dest);
    if (d === '' || d === '.' || target === d || target.startsWith(`${d}/`)) return true;
  }
  return false;
}

function textsOf(inst: Instruction): { text: string; span: Instruction['span'] }[] {
  if (inst.keyword === 'ENV' || inst.keyword === 'ARG' || inst.keyword === 'LABEL')
    return keyValues(inst).map((kv) => ({ text: kv.value ?? '', span: kv.word.span }));
  const out = inst.args.map((w) => ({ text: w.value, span: w.span }));
  for (const h of inst.heredocs) out.push({ text: h.body, span: h.span });
  return out;
}

const secretValue = defineRule({
  id: 'SG-DF-007',
  title: 'Credential written in the Dockerfile',
  severity: 'critical',
  description:
    'An instruction contains a value in a known credential format: AWS access key id, GitHub/GitLab/Slack/npm/Stripe/Google tokens, or a PEM private key.',
  rationale:
    'A credential committed to a Dockerfile is leaked twice: in the repository history and in every image built from it. Treat it as compromised.',
  fix: [
    'Revoke and rotate the credential first, then remove it from the Dockerfile and pass it as a build secret.',
    '',
    '```dockerfile',
    '# before',
    'ENV GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    '# after (docker build --secret id=gh,env=GITHUB_TOKEN .)',
    'RUN --mount=type=secret,id=gh,env=GITHUB_TOKEN ./fetch-private-deps.sh',
    '```',
  ].join('\n'),
  tags: ['security', 'dockerfile', 'secrets'],
  related: {
    checks: { trivy: ['DS-0031', 'AVD-DS-0031'] },
    differs:
      'Trivy DS031 looks at secret names; SG-DF-007 finds credential values (tokens, keys) written into the Dockerfile itself, whatever they are named',
  },
  hint: 'revoke the credential, remove it and use a build secret',
  check({ df, report }) {
    for (const inst of df.instructions) {
      const texts = textsOf(inst);
      // One test over all of an instruction's texts first: the patterns have no anchors, and a newline
      // between two texts ends a word as the end of each text does, so nothing is missed.
      if (!ANY_SECRET_PATTERN.test(texts.map((t) => t.text).join('\n'))) continue;
      for (const t of texts) {
        const hit = findSecretValue(t.text);
        if (hit)
          report({
            at: inst,
            span: t.span,
            key: hit.redacted,
            message: `${inst.keyword} contains what looks like a ${hit.name} (${hit.redacted}); it is stored in the image and the repository.`,
          });
      }
    }
  },
});

const secretWithoutMount = defineRule({
  id: 'SG-DF-045',
  title: 'Secret used in RUN without a secret mount',
  severity: 'medium',
  description:
    'A RUN uses a variable whose name says it is a secret (e.g. `$NPM_TOKEN`, `$GITHUB_TOKEN`) but has no `--mount=type=secret`, so the value came from a build ARG or ENV.',
  rationale:
    'Build arguments used by a RUN are recorded in the image history (`docker history --no-trunc`), and files written with them (.npmrc, .netrc, credentials) stay in the layer unless removed in the same RUN. BuildKit secret mounts leave no trace.',
  fix: [
    'Pass the secret with `--secret` and mount it for that RUN only.',
    '',
    '```dockerfile',
    '# before',
    'ARG GITHUB_TOKEN',
    'RUN git clone https://$GITHUB_TOKEN@github.com/org/private.git',
    '# after',
    'RUN --mount=type=secret,id=github_token,env=GITHUB_TOKEN \\',
    '    git clone https://$GITHUB_TOKEN@github.com/org/private.git',
    '```',
  ].join('\n'),
  tags: ['security', 'dockerfile', 'secrets', 'buildkit'],
  hint: 'use `RUN --mount=type=secret,id=<name>` instead of an ARG/ENV',
  check({ df, report }) {
    for (const stage of df.stages) {
      const seen = new Set<Instruction>();
      for (const { inst, cmd } of commands(stage)) {
        if (seen.has(inst)) continue;
        if (inst.flags.some((f) => f.name === 'mount' && /(^|,)type=secret(,|$)/.test(f.value ?? '')))
          continue;
        for (const w of cmd.args) {
          if (!w.raw.includes('$')) continue;
          const name = [...w.raw.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)]
            .map((m) => m[1] as string)
            .find(isSecretName);
          if (!name) continue;
          seen.add(inst);
          report({
            at: inst,
            span: w.span,
            key: name,
            message: `RUN uses $${name} without a secret mount; the value is exposed in the image history or layers.`,
            fix: `add \`--mount=type=secret,id=${name.toLowerCase()},env=${name}\` and build with \`--secret id=${name.toLowerCase()}\``,
          });
          break;
        }
      }
    }
  },
});

export const secretRules = [secretName, secretValue, secretWithoutMount];
