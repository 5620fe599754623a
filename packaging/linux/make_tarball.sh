#!/usr/bin/env bash
# Linux release tarball from the PyInstaller bundle (build it first, or pass --build):
#   packaging/linux/make_tarball.sh [--build]
# Makes dist/kehila-desktop-<version>-linux-<arch>.tar.gz holding the one-folder app, the
# menu entry, the MIME type, the icons and install.sh (per-user install, no root).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
if [ "${1:-}" = "--build" ]; then
    uv run --group build pyinstaller --noconfirm packaging/kehila-desktop.spec
fi
[ -x dist/kehila-desktop/kehila-desktop ] || {
    echo "dist/kehila-desktop is missing: run with --build" >&2; exit 1; }

VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' kehila_desktop/__init__.py)
NAME=kehila-desktop-$VERSION-linux-$(uname -m)
STAGE=build/tarball/$NAME
rm -rf "build/tarball"
mkdir -p "$STAGE/share/icons"
cp -R dist/kehila-desktop "$STAGE/kehila-desktop"
cp packaging/linux/kehila-desktop.desktop packaging/linux/kehila-mime.xml packaging/linux/kehila.magic \
    "$STAGE/share/"
cp resources/icons/png/*.png resources/icons/*.svg "$STAGE/share/icons/"
cp packaging/linux/install.sh "$STAGE/install.sh"
chmod +x "$STAGE/install.sh"
cat > "$STAGE/README.txt" <<EOF
Kehila Desktop $VERSION for Linux ($(uname -m))

Install for yourself (no administrator rights needed):   ./install.sh
Remove:                                                   ./install.sh --remove
Or run it in place without installing:                    ./kehila-desktop/kehila-desktop
The command line (no window), installed as ~/.local/bin/kehila: ./kehila-desktop/kehila --help

Program files (*.kehila) then open with a double-click.
EOF
# Same bytes for the same inputs: sorted names, fixed owner and dates.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}" \
    -C build/tarball -czf "dist/$NAME.tar.gz" "$NAME"
ls -l "dist/$NAME.tar.gz"
