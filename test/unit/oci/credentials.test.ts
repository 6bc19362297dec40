/** Credential discovery from the environment and Docker config files (real files in a temp dir). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ShipgateError } from '../../../src/core/errors';
import { mask } from '../../../src/core/logger';
import { findCredentials } from '../../../src/oci/index';

const tmp = mkdtempSync(join(tmpdir(), 'shipgate-creds-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function configDir(name: string, config: unknown): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), typeof config === 'string' ? config : JSON.stringify(config));
  return dir;
}

describe('findCredentials', () => {
  const empty = configDir('empty', {});

  it("uses CS_REGISTRY_USER/PASSWORD for CS_IMAGE's registry host only", async () => {
    const env = {
      DOCKER_CONFIG: empty,
      CS_IMAGE: 'registry.example.com:5000/team/app:1.2',
      CS_REGISTRY_USER: 'scanner',
      CS_REGISTRY_PASSWORD: 'cs-secret-5b1f',
    };
    expect(await findCredentials('registry.example.com:5000', env)).toEqual({
      username: 'scanner',
      password: 'cs-secret-5b1f',
      source: 'CS_REGISTRY_USER/PASSWORD',
    });
    expect(mask('cs-secret-5b1f')).not.toContain('cs-secret-5b1f');
    expect(await findCredentials('registry.example.com', env)).toBeUndefined();
    expect(await findCredentials('docker.io', env)).toBeUndefined();
    // Without CS_IMAGE there is no host to scope them to: they are not used anywhere.
    const { CS_IMAGE: _, ...unscoped } = env;
    expect(await findCredentials('registry.example.com:5000', unscoped)).toBeUndefined();
  });

  it('uses GITHUB_TOKEN for ghcr.io only, with GITHUB_ACTOR as user', async () => {
    const env = { DOCKER_CONFIG: empty, GITHUB_TOKEN: 'ghs_tokenvalue123', GITHUB_ACTOR: 'octocat' };
    expect(await findCredentials('ghcr.io', env)).toEqual({
      username: 'octocat',
      password: 'ghs_tokenvalue123',
      source: 'GITHUB_TOKEN',
    });
    expect(await findCredentials('quay.io', env)).toBeUndefined();
    expect(mask('ghs_tokenvalue123')).toBe('***');
  });

  it('uses the GitLab job token or registry user for $CI_REGISTRY', async () => {
    const job = {
      DOCKER_CONFIG: empty,
      CI_REGISTRY: 'registry.gitlab.example.com',
      CI_JOB_TOKEN: 'glcbt-jobtoken-1',
    };
    expect(await findCredentials('registry.gitlab.example.com', job)).toMatchObject({
      username: 'gitlab-ci-token',
      password: 'glcbt-jobtoken-1',
    });
    const user = { ...job, CI_REGISTRY_USER: 'gitlab-ci-token', CI_REGISTRY_PASSWORD: 'reg-password-2' };
    expect(await findCredentials('registry.gitlab.example.com', user)).toMatchObject({
      password: 'reg-password-2',
    });
    expect(await findCredentials('docker.io', job)).toBeUndefined();
  });

  it('prefers explicit SHIPGATE_REGISTRY_* and the Docker config over CI conveniences', async () => {
    const cfg = configDir('hub', {
      auths: {
        'https://index.docker.io/v1/': { auth: Buffer.from('hubuser:hubpass-77').toString('base64') },
      },
    });
    const env = { DOCKER_CONFIG: cfg, GITHUB_TOKEN: 'ghs_x1234' };
    expect(await findCredentials('registry-1.docker.io', env)).toMatchObject({
      username: 'hubuser',
      password: 'hubpass-77',
    });
    const explicit = {
      ...env,
      SHIPGATE_REGISTRY_USERNAME: 'me',
      SHIPGATE_REGISTRY_PASSWORD: 'explicit-pw',
      SHIPGATE_REGISTRY: 'ghcr.io',
    };
    expect(await findCredentials('ghcr.io', explicit)).toMatchObject({
      username: 'me',
      password: 'explicit-pw',
    });
    // SHIPGATE_REGISTRY limits the explicit credentials to that registry
    expect(await findCredentials('registry-1.docker.io', explicit)).toMatchObject({ username: 'hubuser' });
    const ident = configDir('ident', { auths: { 'ghcr.io': { identitytoken: 'refresh-token-xyz' } } });
    expect(await findCredentials('ghcr.io', { DOCKER_CONFIG: ident })).toMatchObject({
      identityToken: 'refresh-token-xyz',
    });
  });

  it('a broken Docker config is a CONFIG_INVALID error', async () => {
    const bad = configDir('bad', '{ not json');
    const err = await findCredentials('ghcr.io', { DOCKER_CONFIG: bad }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShipgateError);
    expect((err as ShipgateError).code).toBe('CONFIG_INVALID');
  });
});
