/** A registry image named on the command line, with its tag resolved to the manifest digest the command acts on. */
import { ShipgateError } from '../core/errors';
import { logger } from '../core/logger';
import { RegistryClient } from '../oci/client';
import { parseImageRef, type RegistryRef } from '../oci/ref';

export interface RegistryImage {
  ref: RegistryRef;
  client: RegistryClient;
  digest: string;
}

/** The image's registry, client and digest; `verb` names what is done to the digest ("verifying"). */
export async function registryImage(image: string, command: string, verb: string): Promise<RegistryImage> {
  const ref = parseImageRef(image);
  if (ref.transport !== 'registry')
    throw new ShipgateError('USAGE', `${command}: ${image} is not a registry reference`);
  const client = new RegistryClient({ registry: ref.registry });
  if (ref.digest) return { ref, client, digest: ref.digest };
  const head = await client.headManifest(ref.repository, ref.tag ?? 'latest');
  if (!head?.digest)
    throw new ShipgateError('NOT_FOUND', `${image}: no such manifest`, {
      hint: 'check the tag, or give the digest',
    });
  logger().info(
    `${image} is ${ref.registry}/${ref.repository}@${head.digest} (${verb} the digest, not the tag)`,
  );
  return { ref, client, digest: head.digest };
}
