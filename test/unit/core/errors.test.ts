import { describe, expect, it } from 'vitest';
import { EXIT, ShipgateError, formatError, toShipgateError } from '../../../src/core/errors';
import { addSecret, clearSecrets, Logger, MemorySink, mask } from '../../../src/core/logger';
import { parseSeverity, securitySeverity, severityFromScore } from '../../../src/core/severity';

describe('errors', () => {
  it('maps codes to exit codes', () => {
    expect(new ShipgateError('USAGE', 'x').exitCode).toBe(EXIT.INPUT_ERROR);
    expect(new ShipgateError('PATH_ESCAPE', 'x').exitCode).toBe(EXIT.INPUT_ERROR);
    expect(new ShipgateError('REGISTRY', 'x').exitCode).toBe(EXIT.REMOTE_ERROR);
    expect(new ShipgateError('INTERNAL', 'x').exitCode).toBe(EXIT.INTERNAL_ERROR);
  });
  it('formats one line with hint', () => {
    const line = formatError(new ShipgateError('INPUT', 'bad\nthing', { hint: 'do this' }));
    expect(line).toBe('shipgate: error [INPUT]: bad thing (hint: do this)');
  });
  it('wraps system errors', () => {
    const e = Object.assign(new Error('ENOENT: nope'), { code: 'ENOENT', path: '/x/Dockerfile' });
    expect(toShipgateError(e).code).toBe('NOT_FOUND');
    expect(toShipgateError(new Error('boom')).code).toBe('INTERNAL');
  });
});

describe('logger', () => {
  it('masks registered secrets in every line', () => {
    clearSecrets();
    const sink = new MemorySink();
    const log = new Logger([sink], 'debug');
    addSecret('hunter2-very-secret');
    log.info('token is hunter2-very-secret!');
    expect(sink.text()).not.toContain('hunter2-very-secret');
    expect(mask('a hunter2-very-secret b')).toBe('a *** b');
    clearSecrets();
  });
});

describe('severity', () => {
  it('parses user input', () => {
    expect(parseSeverity('HIGH')).toBe('high');
    expect(parseSeverity('none')).toBeUndefined();
    expect(() => parseSeverity('urgent')).toThrow(/invalid severity/);
  });
  it('maps scores to GitHub buckets', () => {
    expect(severityFromScore(9.8)).toBe('critical');
    expect(severityFromScore(7)).toBe('high');
    expect(Number(securitySeverity('critical'))).toBeGreaterThan(9);
    expect(Number(securitySeverity('high'))).toBeGreaterThanOrEqual(7);
  });
});
