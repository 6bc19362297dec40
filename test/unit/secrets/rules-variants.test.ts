/**
 * The other forms the rules SG-SEC-061..072 cover besides their main sample: second token prefixes, the
 * quoted form of a GoCardless token, Flutterwave encryption keys, and values that must stay unreported.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { clearSecrets } from '../../../src/core/logger';
import { scanText } from '../../../src/secrets/scanner';
import { rand } from '../../support/secret-samples';

afterAll(() => clearSecrets());

const HEX = '0123456789abcdef';
const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function found(text: string, ruleId: string, path = '/app/.env'): string[] {
  return scanText(text, { kind: 'file', path })
    .filter((m) => m.ruleId === ruleId)
    .map((m) => `${m.line}:${m.column}:${m.length}`);
}

describe('new secret rules: other forms', () => {
  it('PlanetScale: API and OAuth tokens, not a too-short value', () => {
    const tkn = `pscale_tkn_${rand(43, `${B62}_-`)}`;
    const oauth = `pscale_oauth_${rand(40)}`;
    expect(found(`A=${tkn}\nB=${oauth}\n`, 'SG-SEC-062')).toEqual([
      `1:3:${tkn.length}`,
      `2:3:${oauth.length}`,
    ]);
    expect(found(`A=pscale_tkn_${rand(20)}\n`, 'SG-SEC-062')).toEqual([]);
  });

  it('Flutterwave: live secret key and encryption keys (with and without the dash)', () => {
    const live = `FLWSECK-${rand(32, 'abcdef0123456789')}-X`;
    const enc = `FLWSECK_TEST${rand(12, 'abcdef0123456789')}`;
    const enc2 = `FLWSECK_TEST-${rand(12, 'abcdef0123456789')}`;
    expect(found(`a: ${live}\nb: ${enc}\nc: ${enc2}\n`, 'SG-SEC-063')).toEqual([
      `1:4:${live.length}`,
      `2:4:${enc.length}`,
      `3:4:${enc2.length}`,
    ]);
  });

  it('Brevo: SMTP keys too', () => {
    const smtp = `xsmtpsib-${rand(64, HEX)}-${rand(16)}`;
    expect(found(`SMTP_PASSWORD=${smtp}\n`, 'SG-SEC-068')).toEqual([`1:15:${smtp.length}`]);
  });

  it('EasyPost: test keys too, not a longer run of characters', () => {
    const test = `EZTK${rand(54)}`;
    expect(found(`key: ${test}\n`, 'SG-SEC-069')).toEqual([`1:6:${test.length}`]);
    expect(found(`key: EZTK${rand(70)}\n`, 'SG-SEC-069')).toEqual([]);
  });

  it('GoCardless: a quoted live token in code, not one under an unrelated unquoted name', () => {
    const token = `live_${rand(40, `${B62}_-`)}`;
    const code = `client = GoCardlessPro::Client.new(access_token: "${token}", environment: :live)\n`;
    expect(found(code, 'SG-SEC-071', '/app/lib/payments.rb')).toEqual([`1:51:${token.length}`]);
    expect(found(`SOMETHING=${token}\n`, 'SG-SEC-071')).toEqual([]);
  });

  it('Lob: test keys too, not publishable keys nor a value under another name', () => {
    const test = `test_${rand(35, HEX)}`;
    expect(found(`mail:\n  lob_api_key: "${test}"\n`, 'SG-SEC-072', '/app/config.yaml')).toEqual([
      `2:17:${test.length}`,
    ]);
    expect(found(`LOB_KEY=test_pub_${rand(31, HEX)}\n`, 'SG-SEC-072')).toEqual([]);
    expect(found(`STRIPE_KEY=${test}\n`, 'SG-SEC-072')).toEqual([]);
  });

  it('Adobe and Shippo: not inside a longer token', () => {
    expect(found(`x=abcp8e-${rand(32)}\n`, 'SG-SEC-065')).toEqual([]);
    expect(found(`x=shippo_live_${rand(41, HEX)}\n`, 'SG-SEC-066')).toEqual([]);
  });
});
