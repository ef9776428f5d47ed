#!/usr/bin/env bash
# Proves a release archive (scripts/package.sh) starts on a Debian root without the Swift toolchain:
# `showrunner --version` and `showrunner validate` on the shipped example, inside a chroot.
#
#   scripts/package-smoke.sh dist/showrunner-VERSION-linux-ARCH.tar.gz
#
# With debootstrap and a reachable mirror ($SHOWRUNNER_DEBIAN_MIRROR, e.g. a local apt-cacher) the root is a real
# `debootstrap --variant=minbase`. Offline, it is built from this machine's Debian packages: only the shared
# libraries `ldd` lists for the binary, each of which must belong to a Debian package (dpkg -S; nothing from
# /opt/swift), plus tzdata. Exit 77 (skipped) when not root.
set -euo pipefail
unset LD_LIBRARY_PATH  # ldd must resolve the way a server without the toolchain would
archive=$(realpath "$1")
if [ "$(id -u)" != 0 ]; then
    echo "skip: chroot needs root" >&2
    exit 77
fi
root=$(mktemp -d)
trap 'umount "$root/dev" "$root/proc" 2>/dev/null || true; rm -rf "$root"' EXIT
unpacked=$(mktemp -d)
tar -C "$unpacked" -xzf "$archive"
top=$(echo "$unpacked"/showrunner-*)
binary=$top/bin/showrunner

echo "== readelf: RUNPATH / NEEDED"
readelf -d "$binary" | grep -E 'RUNPATH|RPATH|NEEDED' || true
if readelf -d "$binary" | grep -E 'RUNPATH|RPATH' | grep -v 'runpath: \[\$ORIGIN\]' | grep -q .; then
    echo "FAIL: the binary has a RUNPATH outside its own folder" >&2
    exit 1
fi

if command -v debootstrap > /dev/null && [ -n "${SHOWRUNNER_DEBIAN_MIRROR:-}" ]; then
    echo "== debootstrap from $SHOWRUNNER_DEBIAN_MIRROR"
    debootstrap --variant=minbase "$(. /etc/os-release && echo "$VERSION_CODENAME")" "$root" \
        "$SHOWRUNNER_DEBIAN_MIRROR" > /dev/null
else
    echo "== minimal root from this machine's Debian packages (no debootstrap mirror)"
    interpreter=$(readelf -l "$binary" | sed -n 's/.*interpreter: \(.*\)]/\1/p')
    for library in $( (ldd "$binary" | awk '/=> \// {print $3}'; echo "$interpreter") | sort -u); do
        real=$(realpath "$library")
        package=$(dpkg -S "$real" 2>/dev/null || dpkg -S "$library" 2>/dev/null || true)
        if [ -z "$package" ] || [[ "$real" == /opt/* ]]; then
            echo "FAIL: $library ($real) is not from a Debian package" >&2
            exit 1
        fi
        echo "  $library <- ${package%%:*}"
        mkdir -p "$root$(dirname "$library")"
        cp -L "$library" "$root$library"
    done
    mkdir -p "$root/usr/share" "$root/etc" "$root/tmp"
    cp -r /usr/share/zoneinfo "$root/usr/share/"
    echo "root:x:0:0:root:/root:/bin/sh" > "$root/etc/passwd"
fi
mkdir -p "$root/usr/local/bin" "$root/srv" "$root/dev" "$root/proc" "$root/tmp"
mount --bind /dev "$root/dev"
mount -t proc proc "$root/proc"  # Foundation reads /proc/self (the executable's path)
install -m 755 "$binary" "$root/usr/local/bin/showrunner"
cp -r "$top/example" "$root/srv/example"
rm -rf "$unpacked"
echo "== the root holds no Swift toolchain"
if find "$root" \( -path "$root/dev" -o -path "$root/proc" \) -prune -o \( -name 'libswift*' -o -name 'libFoundation*' \) -print | grep -q .; then
    echo "FAIL: Swift libraries in the root" >&2
    exit 1
fi
echo "  $(find "$root" \( -path "$root/dev" -o -path "$root/proc" \) -prune -o -type f -print | wc -l) files, $(du -sh --exclude=dev --exclude=proc "$root" | cut -f1)"
echo "== chroot: showrunner --version"
chroot "$root" /usr/local/bin/showrunner --version
echo "== chroot: showrunner validate --config /srv/example --no-preflight"
chroot "$root" /usr/local/bin/showrunner validate --config /srv/example --no-preflight --state /tmp/state
echo "== OK"
