#!/usr/bin/env bash
# macOS CI runner: build Kehila Desktop.app, check its document type, smoke-test it, make a .dmg.
#   packaging/ci/macos.sh
# Needs: Python 3.11+, uv. Signing and notarising are not set up.
# NOT RUN in the Linux workspace where it was written.
set -euo pipefail
cd "$(dirname "$0")/../.."
APP="dist/Kehila Desktop.app"
start=$(date +%s)
uv run --group build pyinstaller --noconfirm packaging/kehila-desktop.spec
echo "build time: $(( $(date +%s) - start )) s; bundle size: $(du -sh "$APP" | cut -f1)"

plist="$APP/Contents/Info.plist"
plutil -lint "$plist"
[ "$(/usr/libexec/PlistBuddy -c 'Print :CFBundleDocumentTypes:0:CFBundleTypeExtensions:0' "$plist")" = kehila ]
[ "$(/usr/libexec/PlistBuddy -c 'Print :UTExportedTypeDeclarations:0:UTTypeIdentifier' "$plist")" \
  = org.kehila-metiva.program ]
test -f "$APP/Contents/Resources/kehila-document.icns"

export QT_QPA_PLATFORM=offscreen KEHILA_INSTANCE_KEY=kehila-ci-$$
sample="${TMPDIR:-/tmp}/kehila-ci.kehila"
rm -f "$sample"
uv run kehila new "$sample" --sample
"$APP/Contents/MacOS/kehila-desktop" --quit-when-ready
"$APP/Contents/MacOS/kehila-desktop" --quit-when-ready "$sample"

# Launch Services learns the document type from the bundle.
lsregister=/System/Library/Frameworks/CoreServices.framework/Frameworks/LaunchServices.framework/Support/lsregister
"$lsregister" -f "$APP"
"$lsregister" -dump | grep -q "org.kehila-metiva.program"

version=$(uv run python -c "import kehila_desktop; print(kehila_desktop.__version__)")
hdiutil create -volname "Kehila Desktop" -srcfolder "$APP" -ov -format UDZO \
    "dist/KehilaDesktop-$version.dmg"
echo "macos packaging smoke test passed"
