/** The action's push and signing inputs, as getInputs reads them. */
import { describe, expect, it } from 'vitest';
import { getInputs } from '../../../src/action/inputs';
import { clearSecrets, mask } from '../../../src/core/logger';

const BASE = { GITHUB_WORKSPACE: '/ws', INPUT_IMAGE: 'oci-archive:/tmp/image.tar' };

describe('action push and signing inputs', () => {
  it('are off by default', () => {
    const inputs = getInputs(BASE);
    expect(inputs.sign).toBe(false);
    expect(inputs.push).toBeUndefined();
    expect(inputs.signing).toBeUndefined();
  });

  it('sign: keyless with every attestation and cosign tags by default', () => {
    const inputs = getInputs({ ...BASE, INPUT_PUSH: 'ghcr.io/acme/app:1', INPUT_SIGN: 'true' });
    expect(inputs.push).toBe('ghcr.io/acme/app:1');
    expect(inputs.signing).toMatchObject({
      signing: {},
      attestations: ['slsa', 'cyclonedx', 'vuln', 'approval'],
      legacy: true,
      repoRoot: '/ws',
    });
  });

  it('maps the key, its passphrase (masked), private sigstore URLs, attestations and legacy tags', () => {
    const env: NodeJS.ProcessEnv = {
      ...BASE,
      INPUT_SIGN: 'true',
      INPUT_ATTEST: 'approval, slsa',
      'INPUT_SIGNING-KEY': 'keys/cosign.key',
      'INPUT_SIGNING-KEY-PASSPHRASE': 'correct horse battery',
      'INPUT_FULCIO-URL': 'https://fulcio.internal',
      'INPUT_REKOR-URL': 'https://rekor.internal',
      'INPUT_TSA-URL': 'https://tsa.internal/api/v1/timestamp',
      'INPUT_LEGACY-SIGNATURES': 'false',
      'INPUT_WORKING-DIRECTORY': 'svc',
    };
    try {
      const inputs = getInputs(env);
      expect(inputs.signing).toMatchObject({
        signing: {
          key: '/ws/svc/keys/cosign.key',
          keyPassphraseEnv: 'SHIPGATE_SIGNING_KEY_PASSPHRASE',
          fulcioUrl: 'https://fulcio.internal',
          rekorUrl: 'https://rekor.internal',
          tsaUrl: 'https://tsa.internal/api/v1/timestamp',
        },
        attestations: ['approval', 'slsa'],
        legacy: false,
      });
      expect(env.SHIPGATE_SIGNING_KEY_PASSPHRASE).toBe('correct horse battery');
      expect(mask('passphrase: correct horse battery')).toBe('passphrase: ***');
    } finally {
      clearSecrets();
    }
  });

  it('attest none signs the image only', () => {
    expect(getInputs({ ...BASE, INPUT_SIGN: 'true', INPUT_ATTEST: 'none' }).signing?.attestations).toEqual(
      [],
    );
  });

  it('refuses what cannot work, in one line', () => {
    expect(() =>
      getInputs({ GITHUB_WORKSPACE: '/ws', INPUT_DOCKERFILE: 'Dockerfile', INPUT_SIGN: 'true' }),
    ).toThrow(/^input sign: there is no image to sign$/);
    expect(() =>
      getInputs({ GITHUB_WORKSPACE: '/ws', INPUT_DOCKERFILE: 'Dockerfile', INPUT_PUSH: 'x/y:1' }),
    ).toThrow(/^input push: there is no image to push$/);
    expect(() => getInputs({ ...BASE, INPUT_SIGN: 'true', INPUT_ATTEST: 'sbom' })).toThrow(
      /input attest: unknown attestation "sbom"/,
    );
    expect(() => getInputs({ ...BASE, INPUT_SIGN: 'yes' })).toThrow(/input sign: invalid boolean "yes"/);
    expect(() => getInputs({ ...BASE, 'INPUT_OIDC-ISSUER': 'http://token.example' })).toThrow(/https/);
  });
});
