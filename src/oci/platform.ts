/** OCI platforms (os/architecture/variant): the type, and its `os/arch[/variant]` text form both ways. */
import { ShipgateError } from '../core/errors';

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export function parsePlatform(s: string): Platform {
  const parts = s.split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !p))
    throw new ShipgateError('USAGE', `invalid platform "${s}"`, {
      hint: 'use os/arch[/variant], e.g. linux/arm64',
    });
  const p: Platform = { os: parts[0]!, architecture: parts[1]! };
  if (parts[2]) p.variant = parts[2];
  return p;
}

export function formatPlatform(p: Platform): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}
