// The demo's signing step: an approved image in a local docker-registry is scanned, signed and attested with
// a key made here (no network: no Fulcio, no transparency log), verified, and an admission policy written for
// that key. Needs the Debian packages docker-registry and skopeo; installs them with apt-get when running as
// root (as the test setup does), and otherwise says what is missing and skips this step.
import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildApprovedImage } from './demo-image.mjs';

const TOOLS = { 'docker-registry': 'docker-registry', skopeo: 'skopeo' };

const has = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;

/** The missing tools, after installing them with apt-get when possible. */
function provision() {
  let missing = Object.keys(TOOLS).filter((t) => !has(t));
  if (missing.length && process.getuid?.() === 0 && has('apt-get')) {
    console.log(`installing ${missing.join(', ')} with apt-get`);
    const opts = {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    };
    spawnSync('apt-get', ['update', '-qq'], opts);
    spawnSync(
      'apt-get',
      ['install', '-y', '-qq', '--no-install-recommends', ...missing.map((t) => TOOLS[t])],
      opts,
    );
    missing = missing.filter((t) => !has(t));
  }
  return missing;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function startRegistry() {
  const dir = mkdtempSync(join(tmpdir(), 'shipgate-demo-registry-'));
  const host = `127.0.0.1:${await freePort()}`;
  writeFileSync(
    join(dir, 'config.yml'),
    `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\nhttp:\n  addr: ${host}\n`,
  );
  const child = spawn('docker-registry', ['serve', join(dir, 'config.yml')], { stdio: 'ignore' });
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://${host}/v2/`)).status === 200) return { host, stop };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await stop();
  throw new Error('docker-registry did not start');
}

/** Runs the step; returns true when everything that ran went as expected (a skipped step counts as fine). */
export async function signingDemo({ out, shipgate }) {
  const missing = provision();
  if (missing.length) {
    console.log(
      `skipped: ${missing.join(' and ')} not installed (as root the demo installs them; or: apt-get install docker-registry skopeo)`,
    );
    return true;
  }
  const registry = await startRegistry();
  try {
    const { out: layout } = await buildApprovedImage(join(out, 'approved-image'));
    const ref = `${registry.host}/demo/app:1.0.0`;
    console.log(`\n$ skopeo copy oci:${layout}:latest docker://${ref}`);
    const copy = spawnSync(
      'skopeo',
      ['copy', '--quiet', '--dest-tls-verify=false', `oci:${layout}:latest`, `docker://${ref}`],
      {
        stdio: 'inherit',
      },
    );
    if (copy.status !== 0) return false;

    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    writeFileSync(join(out, 'demo.key'), privateKey.export({ type: 'pkcs8', format: 'pem' }), {
      mode: 0o600,
    });
    writeFileSync(join(out, 'demo.pub'), publicKey.export({ type: 'spki', format: 'pem' }));

    const offline = ['--vuln-db', 'test/fixtures/osv', '--offline', '--malware-mode', 'optional'];
    const sign = shipgate('sign', [
      'sign',
      ref,
      ...offline,
      '--key',
      'out/demo.key',
      '--no-tlog',
      '--local-provenance',
    ]);
    const verify = shipgate('verify', [
      'verify',
      ref,
      '--key',
      'out/demo.pub',
      '--allow-unwitnessed-key',
      '--require-predicate',
      'slsa,cyclonedx,vuln',
      '--output',
      'out/verify.json',
    ]);
    const admission = shipgate('policy admission', [
      'policy',
      'admission',
      '--images',
      `${registry.host}/demo/*`,
      '--key',
      'out/demo.pub',
      '--output',
      'out/admission.yaml',
    ]);
    const ok = sign === 0 && verify === 0 && admission === 0;
    if (ok)
      console.log(
        '\nThe approved image is signed and attested, and verifies; out/admission.yaml admits only it.',
      );
    else
      console.error(
        `unexpected exit codes: sign ${sign}, verify ${verify}, policy admission ${admission} (all 0 expected)`,
      );
    return ok;
  } finally {
    await registry.stop();
  }
}
