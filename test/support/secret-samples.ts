/**
 * Real-looking secrets built at run time (so no secret-shaped literal is committed), one positive and one
 * negative sample per rule.
 */
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';

const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const DIGITS = '0123456789';

/**
 * A random string that looks generated, as real tokens do: every character class (upper, lower, digit)
 * the alphabet offers appears once the string is long enough, characters are spread out (no run of
 * repeats that would read as low entropy), and no run of punctuation such as `...` (an ellipsis reads as
 * a placeholder). Plain uniform draws miss these about once in a few hundred samples, which made the
 * rule tests fail at random.
 */
export function rand(n: number, alphabet = B62): string {
  for (;;) {
    const out = draw(n, alphabet);
    if (looksGenerated(out, alphabet)) return out;
  }
}

function draw(n: number, alphabet: string): string {
  let out = '';
  while (out.length < n) {
    for (const b of randomBytes(n * 2)) {
      if (b < 256 - (256 % alphabet.length)) out += alphabet[b % alphabet.length];
      if (out.length === n) break;
    }
  }
  return out;
}

function looksGenerated(value: string, alphabet: string): boolean {
  if (value.length < 8) return true;
  for (const cls of [/[A-Z]/, /[a-z]/, /\d/]) if (cls.test(alphabet) && !cls.test(value)) return false;
  if (/[^A-Za-z0-9]{2}/.test(value)) return false;
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let entropy = 0;
  for (const k of counts.values()) entropy -= (k / value.length) * Math.log2(k / value.length);
  return entropy >= Math.log2(Math.min(value.length, alphabet.length)) - 1;
}

const hex = (n: number) => rand(n, HEX);
const b64url = (s: string) => Buffer.from(s).toString('base64url');

interface Sample {
  /** Text containing the secret. */
  text: string;
  /** The raw secret value that must be found and never printed. */
  value: string;
  /** File path the text lives at (for path-specific rules). */
  path?: string;
}

export interface RuleSamples {
  positive: () => Sample;
  /** Same shape but a placeholder, example or malformed value: must not be reported by this rule. */
  negative: () => { text: string; path?: string };
}

function pem(kind: 'rsa-pkcs1' | 'pkcs8' | 'ec' | 'encrypted'): string {
  if (kind === 'ec') {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    return privateKey.export({ type: 'sec1', format: 'pem' }).toString();
  }
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  if (kind === 'rsa-pkcs1') return privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  if (kind === 'pkcs8') return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return privateKey
    .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: rand(16) })
    .toString();
}

function pemBody(p: string): string {
  return p
    .split('\n')
    .filter((l) => l && !l.startsWith('-----'))
    .join('\n');
}

function armored(label: string): { text: string; body: string } {
  const body = `${Array.from({ length: 6 }, () => rand(64, `${B62}+/`)).join('\n')}\n=${rand(4)}`;
  return { text: `-----BEGIN ${label}-----\n\n${body}\n-----END ${label}-----\n`, body };
}

function simple(
  make: () => string,
  wrap: (v: string) => string,
  negative: string,
  path?: string,
): RuleSamples {
  return {
    positive: () => {
      const value = make();
      return { text: wrap(value), value, ...(path ? { path } : {}) };
    },
    negative: () => ({ text: wrap(negative), ...(path ? { path } : {}) }),
  };
}

export const SAMPLES: Record<string, RuleSamples> = {
  'SG-SEC-001': simple(
    () => `AKIA${rand(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
    (v) => `AWS_ACCESS_KEY_ID=${v}\n`,
    'AKIAIOSFODNN7EXAMPLE',
  ),
  'SG-SEC-002': simple(
    () => rand(40, `${B62}/+`),
    (v) => `[default]\naws_secret_access_key = ${v}\n`,
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  ),
  'SG-SEC-003': simple(
    () => `ghp_${rand(36)}`,
    (v) => `GITHUB_TOKEN=${v}\n`,
    `ghp_${'a'.repeat(36)}`,
  ),
  'SG-SEC-004': simple(
    () => `gho_${rand(36)}`,
    (v) => `{"token": "${v}"}\n`,
    `gho_${'x'.repeat(36)}`,
  ),
  'SG-SEC-005': simple(
    () => `ghs_${rand(36)}`,
    (v) => `installation token ${v}\n`,
    `ghs_${rand(20)}`,
  ),
  'SG-SEC-006': simple(
    () => `ghr_${rand(36)}`,
    (v) => `refresh=${v}\n`,
    `ghr_${rand(12)}`,
  ),
  'SG-SEC-007': simple(
    () => `github_pat_${rand(22)}_${rand(59)}`,
    (v) => `gh auth login --with-token ${v}\n`,
    `github_pat_${rand(22)}`,
  ),
  'SG-SEC-008': simple(
    () => `glpat-${rand(20)}`,
    (v) => `CI_TOKEN: ${v}\n`,
    `glpat-${'x'.repeat(20)}`,
  ),
  'SG-SEC-009': simple(
    () => `gldt-${rand(20)}`,
    (v) => `deploy ${v}\n`,
    `gldt-${rand(8)}`,
  ),
  'SG-SEC-010': simple(
    () => `glrt-${rand(20)}`,
    (v) => `token = "${v}"\n`,
    `glrt-${rand(6)}`,
  ),
  'SG-SEC-011': simple(
    () => `glptt-${hex(40)}`,
    (v) => `curl -F token=${v} https://gitlab.com/api/v4/trigger\n`,
    `glptt-${rand(10)}`,
  ),
  'SG-SEC-012': simple(
    () => `xoxb-${rand(12, DIGITS)}-${rand(12, DIGITS)}-${rand(24)}`,
    (v) => `SLACK_BOT_TOKEN=${v}\n`,
    'xoxb-xxxx',
  ),
  'SG-SEC-013': simple(
    () => `https://hooks.slack.com/services/T${rand(8, UPPER_DIGITS)}/B${rand(10, UPPER_DIGITS)}/${rand(24)}`,
    (v) => `webhook: ${v}\n`,
    'https://hooks.slack.com/services/T000/B000/XXXX',
  ),
  'SG-SEC-014': simple(
    () => `sk_live_${rand(24)}`,
    (v) => `STRIPE_KEY=${v}\n`,
    'sk_live_abc',
  ),
  'SG-SEC-015': simple(
    () => `AIza${rand(35, `${B62}-_`)}`,
    (v) => `apiKey: "${v}"\n`,
    'AIzaSyabcdefghijklmnopqrstuvwxyz1234567',
  ),
  'SG-SEC-016': {
    positive: () => {
      const value = hex(40);
      const text = JSON.stringify(
        {
          type: 'service_account',
          project_id: 'proj-1',
          private_key_id: value,
          client_email: 'a@proj-1.iam.gserviceaccount.com',
        },
        null,
        2,
      );
      return { text, value, path: '/app/sa.json' };
    },
    negative: () => ({
      text: JSON.stringify({ type: 'authorized_user', client_id: 'x' }, null, 2),
      path: '/app/sa.json',
    }),
  },
  'SG-SEC-017': simple(
    () => `${rand(86, `${B62}+/`)}==`,
    (v) =>
      `AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${v};EndpointSuffix=core.windows.net"\n`,
    '<account-key>',
  ),
  'SG-SEC-018': simple(
    () => `${rand(3)}8Q~${rand(34, `${B62}_~.-`)}`,
    (v) => `client_secret: "${v}"\n`,
    `abcQ~${rand(10)}`,
  ),
  'SG-SEC-019': simple(
    () => `npm_${rand(36)}`,
    (v) => `NPM_TOKEN=${v}\n`,
    `npm_${'x'.repeat(36)}`,
  ),
  'SG-SEC-020': simple(
    () => rand(36),
    (v) => `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${v}\n`,
    '${NPM_TOKEN}',
    '/root/.npmrc',
  ),
  'SG-SEC-021': simple(
    () => `pypi-AgEIcHlwaS5vcmc${rand(70, `${B62}-_`)}`,
    (v) => `password = ${v}\n`,
    'pypi-AgEIcHlwaS5vcmcXXXX',
  ),
  'SG-SEC-022': {
    positive: () => {
      const value = Buffer.from(`robot:${rand(24)}`).toString('base64');
      return {
        text: JSON.stringify({ auths: { 'ghcr.io': { auth: value } } }, null, 2),
        value,
        path: '/root/.docker/config.json',
      };
    },
    negative: () => ({
      text: JSON.stringify({
        auths: { 'ghcr.io': { auth: Buffer.from('no-colon-here').toString('base64') } },
      }),
      path: '/root/.docker/config.json',
    }),
  },
  'SG-SEC-023': {
    positive: () => {
      const p = pem('rsa-pkcs1');
      return { text: p, value: pemBody(p), path: '/root/.ssh/id_rsa' };
    },
    negative: () => ({
      text: '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n',
      path: '/docs/key.txt',
    }),
  },
  'SG-SEC-024': {
    positive: () => {
      const p = pem('encrypted');
      return { text: p, value: pemBody(p), path: '/app/key.pem' };
    },
    negative: () => {
      const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      return { text: publicKey.export({ type: 'spki', format: 'pem' }).toString(), path: '/app/key.pem' };
    },
  },
  'SG-SEC-025': {
    positive: () => {
      const a = armored('PGP PRIVATE KEY BLOCK');
      return { text: a.text, value: a.body, path: '/root/.gnupg/secret.asc' };
    },
    negative: () => ({ text: armored('PGP PUBLIC KEY BLOCK').text, path: '/root/.gnupg/public.asc' }),
  },
  'SG-SEC-026': simple(
    () =>
      `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify({ sub: rand(12), iat: 1700000000 }))}.${rand(43, `${B62}-_`)}`,
    (v) => `Authorization: Bearer ${v}\n`,
    `eyJ${rand(30)}.eyJ${rand(30)}.${rand(20)}`,
  ),
  'SG-SEC-027': simple(
    () => rand(18),
    (v) => `DATABASE_URL=postgres://app:${v}@db.internal:5432/app\n`,
    '${DB_PASSWORD}',
  ),
  'SG-SEC-028': simple(
    () => rand(20),
    (v) => `git clone https://bot:${v}@git.corp.local/team/repo.git\n`,
    'password',
  ),
  'SG-SEC-029': simple(
    () => `SK${hex(32)}`,
    (v) => `TWILIO_API_KEY=${v}\n`,
    `SK${'0'.repeat(32)}`,
  ),
  'SG-SEC-030': simple(
    () => `SG.${rand(22)}.${rand(43)}`,
    (v) => `SENDGRID_API_KEY=${v}\n`,
    'SG.xxx.yyy',
  ),
  'SG-SEC-031': simple(
    () => `key-${hex(32)}`,
    (v) => `mailgun_api_key = "${v}"\n`,
    'key-xxxx',
  ),
  'SG-SEC-032': simple(
    () => `shpat_${hex(32)}`,
    (v) => `SHOPIFY_TOKEN=${v}\n`,
    'shpat_0123',
  ),
  'SG-SEC-033': simple(
    () => [hex(8), hex(4), hex(4), hex(4), hex(12)].join('-'),
    (v) => `HEROKU_API_KEY=${v}\n`,
    'my-heroku-app',
  ),
  'SG-SEC-034': simple(
    () => `dop_v1_${hex(64)}`,
    (v) => `DIGITALOCEAN_TOKEN=${v}\n`,
    `dop_v1_${'0'.repeat(10)}`,
  ),
  'SG-SEC-035': simple(
    () => `hvs.${rand(95, `${B62}_-`)}`,
    (v) => `VAULT_TOKEN=${v}\n`,
    'hvs.short',
  ),
  'SG-SEC-036': simple(
    () => `${rand(14)}.atlasv1.${rand(65)}`,
    (v) => `credentials "app.terraform.io" { token = "${v}" }\n`,
    'x.atlasv1.y',
  ),
  'SG-SEC-037': simple(
    () => `ATATT3${rand(186, `${B62}_-=`)}`,
    (v) => `JIRA_API_TOKEN=${v}\n`,
    'jira_url=https://jira.local',
  ),
  'SG-SEC-038': simple(
    () => hex(32),
    (v) => `DD_API_KEY=${v}\n`,
    'DD_API_KEY',
  ),
  'SG-SEC-039': simple(
    () => `NRAK-${rand(27, UPPER_DIGITS)}`,
    (v) => `NEW_RELIC_API_KEY=${v}\n`,
    'NRAK-XXXX',
  ),
  'SG-SEC-040': simple(
    () => `sntryu_${hex(64)}`,
    (v) => `SENTRY_AUTH_TOKEN=${v}\n`,
    'https://abc@o1.ingest.sentry.io/1',
  ),
  'SG-SEC-041': simple(
    () => `sk-proj-${rand(58, `${B62}_-`)}T3BlbkFJ${rand(58, `${B62}_-`)}`,
    (v) => `OPENAI_API_KEY=${v}\n`,
    'sk-proj-xxxx',
  ),
  'SG-SEC-042': simple(
    () => `sk-ant-api03-${rand(93, `${B62}_-`)}AA`,
    (v) => `ANTHROPIC_API_KEY=${v}\n`,
    'sk-ant-api03-xxxx',
  ),
  'SG-SEC-043': simple(
    () => `hf_${rand(34)}`,
    (v) => `HF_TOKEN=${v}\n`,
    `hf_${'x'.repeat(34)}`,
  ),
  'SG-SEC-044': simple(
    () => `dp.pt.${rand(43)}`,
    (v) => `DOPPLER_TOKEN=${v}\n`,
    'dp.pt.xxxx',
  ),
  'SG-SEC-045': simple(
    () => `pul-${hex(40)}`,
    (v) => `PULUMI_ACCESS_TOKEN=${v}\n`,
    'pul-0000',
  ),
  'SG-SEC-046': simple(
    () => `LTAI${rand(20)}`,
    (v) => `ALIYUN_ACCESS_KEY_ID=${v}\n`,
    'LTAIxxxx',
  ),
  'SG-SEC-047': simple(
    () => `lin_api_${rand(40)}`,
    (v) => `LINEAR_API_KEY=${v}\n`,
    'lin_api_xxxx',
  ),
  'SG-SEC-048': simple(
    () => `sl.${rand(135, `${B62}-_`)}`,
    (v) => `DROPBOX_TOKEN=${v}\n`,
    'sl.short',
  ),
  'SG-SEC-049': simple(
    () => rand(68, `${B62}_-`),
    (v) => `DISCORD_WEBHOOK=https://discord.com/api/webhooks/${rand(18, DIGITS)}/${v}\n`,
    'TOKEN',
  ),
  'SG-SEC-050': simple(
    () => `${rand(10, DIGITS)}:AA${rand(33, `${B62}_-`)}`,
    (v) => `TELEGRAM_BOT_TOKEN=${v}\n`,
    '123:AAxxxx',
  ),
  'SG-SEC-051': simple(
    () => `AGE-SECRET-KEY-1${rand(58, 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L')}`,
    (v) => `# created: 2024-01-01\n${v}\n`,
    'AGE-SECRET-KEY-1',
  ),
  'SG-SEC-052': simple(
    () => `glsa_${rand(32)}_${hex(8)}`,
    (v) => `GRAFANA_TOKEN=${v}\n`,
    'glsa_xxxx',
  ),
  'SG-SEC-053': simple(
    () => `dapi${hex(32)}`,
    (v) => `DATABRICKS_TOKEN=${v}\n`,
    'dapi0000',
  ),
  'SG-SEC-054': simple(
    () => `rubygems_${hex(48)}`,
    (v) => `:rubygems_api_key: ${v}\n`,
    'rubygems_xxxx',
  ),
  'SG-SEC-055': simple(
    () => `PMAK-${hex(24)}-${hex(34)}`,
    (v) => `POSTMAN_API_KEY=${v}\n`,
    'PMAK-xxxx',
  ),
  'SG-SEC-056': simple(
    () => `GOCSPX-${rand(28, `${B62}_-`)}`,
    (v) => `"client_secret": "${v}"\n`,
    'GOCSPX-xxxx',
  ),
  'SG-SEC-057': simple(
    () => `sq0atp-${rand(22, `${B62}_-`)}`,
    (v) => `SQUARE_ACCESS_TOKEN=${v}\n`,
    'sq0atp-xxxx',
  ),
  'SG-SEC-058': simple(
    () => `${hex(32)}-us14`,
    (v) => `MAILCHIMP_KEY=${v}\n`,
    'xxxxxxxx-us14',
  ),
  'SG-SEC-059': simple(
    () => rand(20),
    (v) => `machine api.github.com\n  login bot\n  password ${v}\n`,
    'changeme',
    '/root/.netrc',
  ),
  'SG-SEC-060': simple(
    () => rand(24),
    (v) => `client_secret = "${v}"\n`,
    '${CLIENT_SECRET}',
    '/app/settings.ini',
  ),
  'SG-SEC-061': simple(
    () => `CLOJARS_${rand(60, `${HEX}ghijklmnopqrstuvwxyz`)}`,
    (v) => `:deploy-repositories [["clojars" {:username "ci" :password "${v}"}]]\n`,
    `CLOJARS_${rand(20, HEX)}`,
  ),
  'SG-SEC-062': simple(
    () => `pscale_pw_${rand(43, `${B62}_-.`)}`,
    (v) => `DATABASE_HOST=aws.connect.psdb.cloud\nDATABASE_PASSWORD=${v}\n`,
    `pscale_pw_${'x'.repeat(43)}`,
  ),
  'SG-SEC-063': simple(
    () => `FLWSECK_TEST-${rand(32, 'abcdefgh0123456789')}-X`,
    (v) => `FLW_SECRET_KEY=${v}\n`,
    // A public key: meant for the browser, not a secret.
    `FLWPUBK_TEST-${rand(32, 'abcdefgh0123456789')}-X`,
  ),
  'SG-SEC-064': simple(
    () => `fio-u-${rand(64, `${B62}_-`)}`,
    (v) => `frameio:\n  token: ${v}\n`,
    `fio-u-${rand(40)}`,
  ),
  'SG-SEC-065': simple(
    () => `p8e-${rand(32)}`,
    (v) => `ADOBE_CLIENT_SECRET="${v}"\n`,
    `p8e-${'x'.repeat(32)}`,
  ),
  'SG-SEC-066': simple(
    () => `shippo_live_${hex(40)}`,
    (v) => `const shippo = require('shippo')('${v}');\n`,
    `shippo_live_${rand(40, 'ghijklmnopqrstuvwxyz')}`,
  ),
  'SG-SEC-067': {
    positive: () => {
      const value = `tfp_${rand(59, `${B62}_-.`)}`;
      return { text: `TYPEFORM_TOKEN=${value}\n`, value };
    },
    // The same shape under a name that does not say Typeform: not this rule.
    negative: () => ({ text: `FORM_TOKEN=tfp_${rand(59, `${B62}_-.`)}\n` }),
  },
  'SG-SEC-068': simple(
    () => `xkeysib-${hex(64)}-${rand(16)}`,
    (v) => `BREVO_API_KEY=${v}\n`,
    `xkeysib-${'0'.repeat(64)}-${'x'.repeat(16)}`,
  ),
  'SG-SEC-069': simple(
    () => `EZAK${rand(54)}`,
    (v) => `EasyPost::Client.new(api_key: '${v}')\n`,
    `EZAK${rand(20)}`,
  ),
  'SG-SEC-070': simple(
    () => `dt0c01.${rand(24, UPPER_DIGITS)}.${rand(64, UPPER_DIGITS)}`,
    (v) => `DT_API_TOKEN="${v}"\n`,
    `dt0c01.${'X'.repeat(24)}.${'X'.repeat(64)}`,
  ),
  'SG-SEC-071': simple(
    () => `live_${rand(40, `${B62}_-`)}`,
    (v) => `GOCARDLESS_ACCESS_TOKEN=${v}\n`,
    `live_${'x'.repeat(40)}`,
  ),
  'SG-SEC-072': simple(
    () => `live_${hex(35)}`,
    (v) => `LOB_API_KEY=${v}\n`,
    // A publishable key: meant for the browser, not a secret.
    `live_pub_${hex(31)}`,
  ),
};

/** A deterministic generator (same values every run, so cached test images are reused). */
export function seeded(seed: string): (n: number, alphabet?: string) => string {
  let counter = 0;
  let pool: number[] = [];
  const next = (): number => {
    if (pool.length === 0) pool = [...createHash('sha256').update(`${seed}:${counter++}`).digest()];
    return pool.shift()!;
  };
  return (n, alphabet = B62) => {
    let out = '';
    while (out.length < n) {
      const b = next();
      if (b < 256 - (256 % alphabet.length)) out += alphabet[b % alphabet.length];
    }
    return out;
  };
}
