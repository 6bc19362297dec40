import { fixupSpdxId } from '@cyclonedx/cyclonedx-library/SPDX';
import parseSpdx from 'spdx-expression-parse';

export function isSpdxExpression(value: string): boolean {
  try {
    parseSpdx(value);
    return true;
  } catch {
    return false;
  }
}

/** A single SPDX license id for a license name as package databases write it, if there is one. */
export function spdxIdFor(name: string): string | undefined {
  const fixed = fixupSpdxId(name);
  if (fixed) return fixed;
  // Debian and rpm short names: GPL-2+, LGPL-2.1, AGPL-3+, GPLv3+.
  const m = /^(A?GPL|LGPL)v?-?(\d)(?:\.(\d))?(\+)?$/i.exec(name.trim());
  if (m) {
    const id = `${m[1]!.toUpperCase()}-${m[2]}.${m[3] ?? '0'}-${m[4] ? 'or-later' : 'only'}`;
    return fixupSpdxId(id);
  }
  return undefined;
}

/** LicenseRef- id for a license that has no SPDX id (letters, digits, "." and "-" only). */
function licenseRef(name: string): string {
  const cleaned = name
    .replace(/\+/g, '-plus')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `LicenseRef-${cleaned || 'unknown'}`;
}

export interface SpdxLicenseInfo {
  /** A valid SPDX expression, or NOASSERTION when the package declares none. */
  expression: string;
  /** The LicenseRef- ids used and the text they stand for. */
  refs: Map<string, string>;
}

/** The declared licenses of a package as one SPDX expression (all of them apply: AND). */
export function spdxDeclared(licenses: string[] | undefined): SpdxLicenseInfo {
  const refs = new Map<string, string>();
  const parts: string[] = [];
  for (const l of licenses ?? []) {
    const t = l.trim();
    if (!t) continue;
    if (/\s(AND|OR|WITH)\s/.test(t) && isSpdxExpression(t)) parts.push(`(${t})`);
    else {
      const id = spdxIdFor(t) ?? (isSpdxExpression(t) ? t : undefined);
      if (id) parts.push(id);
      else {
        const ref = licenseRef(t);
        refs.set(ref, t);
        parts.push(ref);
      }
    }
  }
  const expression = [...new Set(parts)].join(' AND ');
  return expression && isSpdxExpression(expression)
    ? { expression, refs }
    : { expression: 'NOASSERTION', refs: new Map() };
}
