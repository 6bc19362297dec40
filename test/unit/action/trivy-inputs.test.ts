/** trivy-action's input names (severity, exit-code, trivyignores) as the action reads them. */
import { describe, expect, it } from 'vitest';
import { getInputs, toPipelineOptions } from '../../../src/action/inputs';
import { parseExitCode } from '../../../src/core/errors';
import { parseSeverityList } from '../../../src/core/severity';

const BASE = { GITHUB_WORKSPACE: '/ws', INPUT_IMAGE: 'alpine:3' };

describe('trivy-action inputs', () => {
  it('map onto the pipeline options', () => {
    const inputs = getInputs({
      ...BASE,
      INPUT_SEVERITY: 'critical, HIGH',
      'INPUT_EXIT-CODE': '3',
      INPUT_TRIVYIGNORES: '.trivyignore.ci\nsecurity/accepted.yaml',
      'INPUT_WORKING-DIRECTORY': 'svc',
    });
    expect(inputs.exitCode).toBe(3);
    expect(toPipelineOptions(inputs)).toMatchObject({
      severities: ['high', 'critical'],
      ignoreFiles: ['/ws/svc/.trivyignore.ci', '/ws/svc/security/accepted.yaml'],
    });
  });

  it('default to every severity, exit code 1 and no extra ignore files', () => {
    const inputs = getInputs(BASE);
    expect(inputs.exitCode).toBe(1);
    const o = toPipelineOptions(inputs);
    expect(o.severities).toBeUndefined();
    expect(o.ignoreFiles).toBeUndefined();
  });

  it('refuse values trivy would refuse', () => {
    expect(() => getInputs({ ...BASE, 'INPUT_EXIT-CODE': 'yes' })).toThrow(
      /^input exit-code: invalid exit code "yes"$/,
    );
    expect(() => getInputs({ ...BASE, INPUT_SEVERITY: 'HIGH,none' })).toThrow(
      /invalid input severity "none"/,
    );
  });
});

describe('parseSeverityList and parseExitCode', () => {
  it("read trivy's spellings", () => {
    expect(parseSeverityList('UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL')).toEqual([
      'info',
      'low',
      'medium',
      'high',
      'critical',
    ]);
    expect(parseSeverityList('high,,High')).toEqual(['high']);
    expect(() => parseSeverityList(' , ')).toThrow(/no severity given/);
    expect([parseExitCode('0'), parseExitCode('255'), parseExitCode(' 7 ')]).toEqual([0, 255, 7]);
    for (const bad of ['-1', '256', '1.5', '', '0x1'])
      expect(() => parseExitCode(bad)).toThrow(/invalid exit code/);
  });
});
