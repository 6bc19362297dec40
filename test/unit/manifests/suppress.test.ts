/** Inline suppression of manifest findings: comments, annotations, equivalent ids and policy ignores. */
import { describe, expect, it } from 'vitest';
import { deployment, lint } from './helpers';

const privileged = (comment = '', meta?: string, template?: string) =>
  deployment({
    container: `securityContext:\n  privileged: true${comment}`,
    ...(meta ? { meta } : {}),
    ...(template ? { template } : {}),
  });

const state = (text: string, rule = 'SG-K8S-003', options = {}) =>
  lint(text, options).find((f) => f.ruleId === rule)?.suppressed;

describe('manifest suppressions', () => {
  it('honours # shipgate ignore= on the line, above it, and above the container', () => {
    expect(state(privileged())).toBeUndefined();
    expect(state(privileged('  # shipgate ignore=SG-K8S-003'))).toMatchObject({ kind: 'inline' });
    const above = privileged().replace(
      'privileged: true',
      '# shipgate ignore=SG-K8S-003 -- node agent\n            privileged: true',
    );
    expect(state(above)).toEqual({ kind: 'inline', reason: 'node agent' });
    const onContainer = privileged().replace(
      '        - name: app',
      '        # shipgate ignore=SG-K8S-003,SG-K8S-001\n        - name: app',
    );
    expect(state(onContainer)).toMatchObject({ kind: 'inline' });
    expect(state(onContainer, 'SG-K8S-001')).toMatchObject({ kind: 'inline' });
    expect(state(onContainer, 'SG-K8S-008')).toBeUndefined();
  });

  it('accepts the equivalent ids of other tools', () => {
    expect(state(privileged('  # shipgate ignore=KSV017'))).toMatchObject({ kind: 'inline' });
    expect(state(privileged('  # shipgate ignore=AVD-KSV-0017'))).toMatchObject({ kind: 'inline' });
    expect(state(privileged('  # shipgate ignore=CKV_K8S_16'))).toMatchObject({ kind: 'inline' });
  });

  it('honours the shipgate.dev/ignore annotation on the object or the pod template', () => {
    const onObject = privileged('', 'annotations: { shipgate.dev/ignore: "SG-K8S-010, SG-K8S-003" }');
    expect(state(onObject)).toEqual({
      kind: 'inline',
      reason: 'shipgate.dev/ignore: SG-K8S-003 in metadata.annotations',
    });
    const onTemplate = privileged('', undefined, 'annotations: { shipgate.dev/ignore: SG-K8S-003 }');
    expect(state(onTemplate)).toEqual({
      kind: 'inline',
      reason: 'shipgate.dev/ignore: SG-K8S-003 in the pod template annotations',
    });
  });

  it('ignores pragmas when inline pragmas are off, and applies policy ignores', () => {
    expect(
      state(privileged('  # shipgate ignore=SG-K8S-003'), 'SG-K8S-003', { inlinePragmas: false }),
    ).toBeUndefined();
    expect(state(privileged(), 'SG-K8S-003', { ignoreRules: ['KSV017'] })).toEqual({
      kind: 'policy',
      reason: 'KSV017 ignored by policy',
    });
  });

  it('keeps suppressed findings in the result', () => {
    const all = lint(privileged('  # shipgate ignore=SG-K8S-003'));
    expect(all.some((f) => f.ruleId === 'SG-K8S-003' && f.suppressed)).toBe(true);
  });
});
