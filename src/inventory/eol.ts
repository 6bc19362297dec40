import type { OsInfo } from '../core/package';

/** When EOL_TABLE was last checked against the distributions' published lifecycles. */
export const EOL_TABLE_UPDATED = '2026-11-25';

/**
 * End of free security support per distribution release (for Debian and Ubuntu the end of standard/LTS
 * support, not paid extended support). Keys are os-release IDs; release keys are matched against VERSION_ID,
 * longest prefix first (Alpine "3.19.1" → "3.19", RHEL "9.3" → "9").
 */
const EOL_TABLE: Record<string, Record<string, string>> = {
  debian: {
    '7': '2018-05-31',
    '8': '2020-06-30',
    '9': '2022-06-30',
    '10': '2024-06-30',
    '11': '2026-08-31',
    '12': '2028-06-30',
    '13': '2030-06-30',
  },
  ubuntu: {
    '14.04': '2019-04-30',
    '16.04': '2021-04-30',
    '18.04': '2023-05-31',
    '20.04': '2025-05-31',
    '20.10': '2021-07-22',
    '21.04': '2022-01-20',
    '21.10': '2022-07-14',
    '22.04': '2027-06-01',
    '22.10': '2023-07-20',
    '23.04': '2024-01-25',
    '23.10': '2024-07-11',
    '24.04': '2029-05-31',
    '24.10': '2025-07-10',
    '25.04': '2026-01-15',
    '25.10': '2026-07-09',
    '26.04': '2031-05-31',
  },
  alpine: {
    '3.10': '2021-05-01',
    '3.11': '2021-11-01',
    '3.12': '2022-05-01',
    '3.13': '2022-11-01',
    '3.14': '2023-05-01',
    '3.15': '2023-11-01',
    '3.16': '2024-05-23',
    '3.17': '2024-11-22',
    '3.18': '2025-05-09',
    '3.19': '2025-11-01',
    '3.20': '2026-04-01',
    '3.21': '2026-11-01',
    '3.22': '2027-05-01',
    '3.23': '2027-11-01',
  },
  rhel: { '6': '2020-11-30', '7': '2024-06-30', '8': '2029-05-31', '9': '2032-05-31', '10': '2035-05-31' },
  almalinux: { '8': '2029-03-01', '9': '2032-05-31', '10': '2035-05-31' },
  rocky: { '8': '2029-05-31', '9': '2032-05-31', '10': '2035-05-31' },
  centos: { '6': '2020-11-30', '7': '2024-06-30', '8': '2024-05-31', '9': '2027-05-31', '10': '2030-01-01' },
  fedora: {
    '35': '2022-12-13',
    '36': '2023-05-16',
    '37': '2023-12-05',
    '38': '2024-05-21',
    '39': '2024-11-26',
    '40': '2025-05-13',
    '41': '2025-12-15',
    '42': '2026-05-13',
    '43': '2026-12-09',
  },
  amzn: { '2018.03': '2023-12-31', '1': '2023-12-31', '2': '2026-06-30', '2023': '2029-06-30' },
  sles: {
    '12.5': '2024-10-31',
    '15.1': '2021-01-31',
    '15.2': '2021-12-31',
    '15.3': '2022-12-31',
    '15.4': '2023-12-31',
    '15.5': '2024-12-31',
    '15.6': '2025-12-31',
    '15.7': '2031-07-31',
  },
  'opensuse-leap': {
    '15.2': '2022-01-04',
    '15.3': '2022-12-31',
    '15.4': '2023-12-07',
    '15.5': '2024-12-31',
    '15.6': '2026-04-30',
  },
};

/** The end-of-life date of an OS release (YYYY-MM-DD) when the table knows it. */
export function eolDate(os: Pick<OsInfo, 'id' | 'versionId'>): string | undefined {
  const table = EOL_TABLE[os.id];
  const version = os.versionId;
  if (!table || !version) return undefined;
  const parts = version.split('.');
  for (let n = parts.length; n > 0; n--) {
    const date = table[parts.slice(0, n).join('.')];
    if (date) return date;
  }
  return undefined;
}

/** End of life of an OS: the date when known, and whether it has passed at `now`. */
export function osEndOfLife(
  os: Pick<OsInfo, 'id' | 'versionId'>,
  now: Date = new Date(),
): { eol: boolean; eolDate: string } | undefined {
  const date = eolDate(os);
  if (!date) return undefined;
  // Support ends at the end of the listed day (UTC).
  return { eol: now.getTime() >= Date.parse(`${date}T23:59:59.999Z`), eolDate: date };
}
