#!/usr/bin/env bash
# Builds the release archive dist/showrunner-VERSION-linux-ARCH.tar.gz (and a .deb when dpkg-deb exists):
# the binary with the Swift standard library and Foundation linked in (--static-swift-stdlib, so the server needs
# no toolchain), the systemd unit, the example config, the docs and shell completions.
#
#   scripts/package.sh            release build (slow: whole-module optimisation of every dependency)
#   SHOWRUNNER_PACKAGE_CONFIG=debug scripts/package.sh    the same archive from a debug build (faster; for tests)
#
# Linked with the toolchain's lld when it has one: relative relocations packed (DT_RELR, so it needs glibc >= 2.36:
# Debian 12, Ubuntu 22.10 or later) and no symbol table exported for other objects to bind to. Against the default
# link (gold, every symbol exported) the binary is 9 MB smaller and holds 5 MB less resident memory
# (bench/daemon/README.md); the functions listed in contrib/showrunner.order come first, together, which keeps
# another 8 MB of code out of memory (scripts/order-file.sh makes the list). The linker flag reaches every compile
# command, so the build has its own folder, .build-package, and does not rebuild the dependencies in .build.
#
# The commit --version prints: $SHOWRUNNER_COMMIT if set, else `git describe --always --dirty`, else "unknown" (a tarball
# without .git). It is written into Sources/ShowrunnerCLI/BuildCommit.swift for the build and restored afterwards,
# so only that module recompiles and a plain `swift build` never depends on the script.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
config=${SHOWRUNNER_PACKAGE_CONFIG:-release}
version=$(sed -n 's/.*static let version = "\(.*\)".*/\1/p' Sources/ShowrunnerCLI/BuildInfo.swift)
commit=${SHOWRUNNER_COMMIT:-$(git describe --always --dirty --abbrev=12 2>/dev/null || echo unknown)}
arch=$(uname -m)
name="showrunner-$version-linux-$arch"
dist=$root/dist

stamp=Sources/ShowrunnerCLI/BuildCommit.swift
saved=$(mktemp)
cp "$stamp" "$saved"
stage=$(mktemp -d)
trap 'cp "$saved" "$stamp"; rm -rf "$saved" "$stage"' EXIT
sed -i "s/^let buildCommit = .*/let buildCommit = \"$commit\"/" "$stamp"

build=(swift build -c "$config" --product showrunner --static-swift-stdlib --scratch-path .build-package)
# The toolchain's own bin folder (not a swiftly proxy's): its runtime resource path is usr/lib/swift.
resources=$(swiftc -print-target-info | sed -n 's/.*"runtimeResourcePath": "\(.*\)".*/\1/p')
lld=$(realpath -m -s "$resources/../../bin/ld.lld")  # -s: ld.lld is a link to lld, which needs its name
if [ -x "$lld" ] && ! [[ $lld == *[\"\\]* ]]; then
    printf '{"schemaVersion": "1.0", "linker": {"path": "%s"}}\n' "$lld" > "$stage/toolset.json"
    build+=(--toolset "$stage/toolset.json" -Xlinker -z -Xlinker pack-relative-relocs -Xlinker --no-export-dynamic)
    # The functions the daemon runs, side by side (scripts/order-file.sh): each Swift function in a section of its
    # own, so lld can place them first; the code the kernel keeps resident shrinks to about what runs.
    if [ -f contrib/showrunner.order ]; then
        build+=(-Xswiftc -Xfrontend -Xswiftc -function-sections
            -Xlinker "--symbol-ordering-file=$root/contrib/showrunner.order" -Xlinker --no-warn-symbol-ordering)
    fi
else
    echo "package: no ld.lld in the toolchain ($lld); linking with the default linker" >&2
fi
echo "package: building showrunner $version ($commit), $config, static Swift runtime" >&2
"${build[@]}"
binary=$("${build[@]}" --show-bin-path)/showrunner

# The binary must not reach into the toolchain: no RUNPATH but SwiftPM's harmless $ORIGIN, no libswift*/
# libFoundation* shared objects.
if readelf -d "$binary" | grep -E 'RUNPATH|RPATH' | grep -v 'runpath: \[\$ORIGIN\]' | grep -q .; then
    echo "package: $binary still has a RUNPATH:" >&2
    readelf -d "$binary" | grep -E 'RUNPATH|RPATH' >&2
    exit 1
fi
if ldd "$binary" | grep -Eq 'libswift|libFoundation|libdispatch|libBlocksRuntime|/opt/swift'; then
    echo "package: $binary still links the Swift toolchain:" >&2
    ldd "$binary" >&2
    exit 1
fi

top=$stage/$name
mkdir -p "$top/bin" "$top/contrib/systemd" "$top/example" "$top/docs" "$top/completions"
install -m 755 "$binary" "$top/bin/showrunner"
strip --strip-debug "$top/bin/showrunner" 2>/dev/null || true
install -m 644 contrib/systemd/showrunner.service "$top/contrib/systemd/"
"$top/bin/showrunner" init "$top/example" > /dev/null  # the starter config, valid by construction
install -m 644 README.md "$top/"
install -m 644 docs/*.md "$top/docs/"
"$top/bin/showrunner" --generate-completion-script bash > "$top/completions/showrunner.bash"
"$top/bin/showrunner" --generate-completion-script zsh > "$top/completions/_showrunner"
"$top/bin/showrunner" --generate-completion-script fish > "$top/completions/showrunner.fish"
mkdir -p "$dist"
tar -C "$stage" -czf "$dist/$name.tar.gz" "$name"
echo "$dist/$name.tar.gz"

if command -v dpkg-deb > /dev/null; then
    deb=$stage/deb
    debarch=$(dpkg --print-architecture)
    mkdir -p "$deb/DEBIAN" "$deb/usr/bin" "$deb/lib/systemd/system" "$deb/usr/share/doc/showrunner" \
        "$deb/usr/share/showrunner" "$deb/usr/share/bash-completion/completions" \
        "$deb/usr/share/zsh/vendor-completions" "$deb/usr/share/fish/vendor_completions.d"
    install -m 755 "$top/bin/showrunner" "$deb/usr/bin/showrunner"
    sed 's|/usr/local/bin/showrunner|/usr/bin/showrunner|' contrib/systemd/showrunner.service \
        > "$deb/lib/systemd/system/showrunner.service"
    cp -r "$top/example" "$deb/usr/share/showrunner/"
    cp "$top/README.md" "$top"/docs/*.md "$deb/usr/share/doc/showrunner/"
    cp "$top/completions/showrunner.bash" "$deb/usr/share/bash-completion/completions/showrunner"
    cp "$top/completions/_showrunner" "$deb/usr/share/zsh/vendor-completions/"
    cp "$top/completions/showrunner.fish" "$deb/usr/share/fish/vendor_completions.d/"
    depends=$(ldd "$binary" | awk '/=> \//{print $3}' | while read -r library; do
        dpkg -S "$(realpath "$library")" 2>/dev/null || dpkg -S "$library" 2>/dev/null || true
    done | cut -d: -f1 | sort -u | { grep -v '^libc6$' || true; } | paste -sd, - | sed 's/,/, /g')
    # The newest glibc version the binary asks for; packed relative relocations (GLIBC_ABI_DT_RELR) need 2.36.
    glibc=$(readelf -V "$binary" | grep -o 'GLIBC_2\.[0-9]*' | sort -V | tail -n 1 | sed 's/GLIBC_//')
    if readelf -V "$binary" | grep GLIBC_ABI_DT_RELR > /dev/null; then
        glibc=$(printf '%s\n2.36\n' "$glibc" | sort -V | tail -n 1)
    fi
    libc="libc6${glibc:+ (>= $glibc)}"
    cat > "$deb/DEBIAN/control" <<CONTROL
Package: showrunner
Version: $version
Architecture: $debarch
Maintainer: Showrunner <showrunner@localhost>
Depends: $libc${depends:+, $depends}
Recommends: ffmpeg, espeak-ng, fonts-dejavu-core
Section: video
Priority: optional
Description: YouTube channels on autopilot from a folder of YAML
 A daemon that runs each channel's pipeline (topic, script, voice, video, upload) on its cron schedule.
CONTROL
    cat > "$deb/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
if [ "$1" = configure ] && ! getent passwd showrunner > /dev/null; then
    adduser --system --group --home /var/lib/showrunner --no-create-home showrunner
fi
POSTINST
    chmod 755 "$deb/DEBIAN/postinst"
    fakeroot dpkg-deb --build "$deb" "$dist/showrunner_${version}_$debarch.deb" > /dev/null
    echo "$dist/showrunner_${version}_$debarch.deb"
fi
