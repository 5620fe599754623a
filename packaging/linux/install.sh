#!/bin/sh
# Install Kehila Desktop for the current user from an unpacked release tarball (no root):
#   ./install.sh            install (or update) into ~/.local
#   ./install.sh --remove   remove it again (program files are never touched)
# The app goes to ~/.local/opt/kehila-desktop, a link to ~/.local/bin/kehila-desktop, the
# menu entry, icons and the application/x-kehila file type to ~/.local/share, and Kehila
# Desktop becomes the default app for *.kehila files (a double-click opens them).
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
PREFIX=${KEHILA_PREFIX:-$HOME/.local}
APPDIR=$PREFIX/opt/kehila-desktop
BIN=$PREFIX/bin/kehila-desktop
CLI=$PREFIX/bin/kehila
MAGIC=$HOME/.magic   # read by file(1) and so by xdg-mime outside a desktop session
MARK_BEGIN="# >>> kehila-desktop (installed by install.sh; removed by install.sh --remove)"
MARK_END="# <<< kehila-desktop"
DESKTOP=$DATA/applications/kehila-desktop.desktop
MIME=$DATA/mime/packages/kehila-mime.xml
SIZES="16 24 32 48 64 128 256 512"

drop_magic() {  # our block out of ~/.magic, the user's own rules kept
    [ -f "$MAGIC" ] || return 0
    sed "/^$MARK_BEGIN\$/,/^$MARK_END\$/d" "$MAGIC" > "$MAGIC.new" && mv "$MAGIC.new" "$MAGIC"
    [ -s "$MAGIC" ] || rm -f "$MAGIC"
}

refresh() {
    command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$DATA/mime" || true
    command -v update-desktop-database >/dev/null 2>&1 \
        && update-desktop-database "$DATA/applications" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 \
        && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" 2>/dev/null || true
}

if [ "${1:-}" = "--remove" ]; then
    rm -rf "$APPDIR"
    rm -f "$BIN" "$CLI" "$DESKTOP" "$MIME"
    drop_magic
    for size in $SIZES; do
        rm -f "$DATA/icons/hicolor/${size}x${size}/apps/kehila-desktop.png" \
              "$DATA/icons/hicolor/${size}x${size}/mimetypes/application-x-kehila.png"
    done
    rm -f "$DATA/icons/hicolor/scalable/apps/kehila-desktop.svg" \
          "$DATA/icons/hicolor/scalable/mimetypes/application-x-kehila.svg"
    refresh
    echo "Kehila Desktop was removed. Your program files (*.kehila) were not touched."
    exit 0
fi

mkdir -p "$PREFIX/opt" "$PREFIX/bin" "$DATA/applications" "$DATA/mime/packages"
rm -rf "$APPDIR.new"
cp -R "$HERE/kehila-desktop" "$APPDIR.new"
rm -rf "$APPDIR"
mv "$APPDIR.new" "$APPDIR"
ln -sf "$APPDIR/kehila-desktop" "$BIN"
ln -sf "$APPDIR/kehila" "$CLI"   # the command line (the same program, started as kehila)
drop_magic
{ echo "$MARK_BEGIN"; cat "$HERE/share/kehila.magic"; echo "$MARK_END"; } >> "$MAGIC"

sed "s|^Exec=kehila-desktop|Exec=\"$APPDIR/kehila-desktop\"|; s|^TryExec=kehila-desktop|TryExec=$APPDIR/kehila-desktop|" \
    "$HERE/share/kehila-desktop.desktop" > "$DESKTOP.new"
mv "$DESKTOP.new" "$DESKTOP"
cp "$HERE/share/kehila-mime.xml" "$MIME"
for size in $SIZES; do
    mkdir -p "$DATA/icons/hicolor/${size}x${size}/apps" "$DATA/icons/hicolor/${size}x${size}/mimetypes"
    cp "$HERE/share/icons/kehila-app-$size.png" "$DATA/icons/hicolor/${size}x${size}/apps/kehila-desktop.png"
    cp "$HERE/share/icons/kehila-document-$size.png" \
       "$DATA/icons/hicolor/${size}x${size}/mimetypes/application-x-kehila.png"
done
mkdir -p "$DATA/icons/hicolor/scalable/apps" "$DATA/icons/hicolor/scalable/mimetypes"
cp "$HERE/share/icons/kehila-app.svg" "$DATA/icons/hicolor/scalable/apps/kehila-desktop.svg"
cp "$HERE/share/icons/kehila-document.svg" \
   "$DATA/icons/hicolor/scalable/mimetypes/application-x-kehila.svg"
refresh
if command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default kehila-desktop.desktop application/x-kehila || true
fi
echo "Kehila Desktop is installed: $BIN (and in the applications menu), and the kehila command: $CLI."
