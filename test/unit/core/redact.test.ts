import { describe, expect, it } from 'vitest';
import { maskRange, redact, redactUrl } from '../../../src/core/redact';

describe('redact', () => {
  it('scanner form: at most 4 + 4 characters, never more than 30%, stars only when short', () => {
    expect(redact('AKIAIOSFODNN7EXAMPLE')).toBe('AKI**************PLE');
    expect(redact('0123456789abcdef')).toBe('01************ef');
    expect(redact('short')).toBe('*****');
    expect(redact('ab')).toBe('***');
    expect(redact('ABCDEFGH\n IJKLMNOP QRSTUVWX')).toBe('ABCD****************VWX');
  });

  it('keep: a leading part capped at a quarter of the value', () => {
    expect(redact('supersecretvalue', { keep: 2 })).toBe('su****');
    expect(redact('abcdefgh', { keep: 4 })).toBe('ab****');
    expect(redact('abcd', { keep: 2 })).toBe('****');
  });

  it('keep with a known prefix shows the whole prefix', () => {
    expect(redact('github_pat_0123456789012345678901', { keep: 11, knownPrefix: true })).toBe(
      'github_pat_****',
    );
    expect(redact('github_pat_0123456789012345678901', { keep: 11 })).toBe('github_p****');
  });
});

describe('maskRange', () => {
  it('replaces the range with as many stars, clamped to the text', () => {
    expect(maskRange('TOKEN=abc123', 6, 12)).toBe('TOKEN=******');
    expect(maskRange('abc', 1, 99)).toBe('a**');
    expect(maskRange('abc', 2, 1)).toBe('abc');
  });
});

describe('redactUrl', () => {
  it('drops user info, query and fragment', () => {
    expect(redactUrl('https://user:pw@example.com:8443/a/b?token=x#f')).toBe('https://example.com:8443/a/b');
    expect(redactUrl('not a url')).toBe('<invalid url>');
  });
});
