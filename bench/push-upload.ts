/**
 * The upload part of `shipgate push` alone, through the library calls the push makes once the image is
 * approved: open the image, upload its blobs (uploadBlobs), put the manifest (putManifest). Bundled and run
 * by bench/push.ts. Prints JSON { uploadMs, reference } on its last line; uploadMs covers the upload and the
 * manifest put, not the opening.   Run: npx tsx bench/push-upload.ts oci:DIR:TAG HOST/REPO:TAG
 */
import { openImage } from '../src/image/index';
import { destinationClient, parseDestination, putManifest, uploadBlobs } from '../src/oci/copy';
import { copySource } from '../src/pipeline/push';

const [source, dest] = process.argv.slice(2);
if (!source || !dest) throw new Error('usage: push-upload SOURCE DEST');
const destination = parseDestination(dest);
const image = await openImage(source);
try {
  const client = destinationClient(destination);
  const t0 = performance.now();
  const uploaded = await uploadBlobs(client, copySource(image), destination);
  await putManifest(client, uploaded);
  const uploadMs = Math.round((performance.now() - t0) * 10) / 10;
  process.stdout.write(`${JSON.stringify({ uploadMs, reference: uploaded.reference })}\n`);
} finally {
  await image.close();
}
