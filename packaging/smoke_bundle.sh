#!/usr/bin/env bash
# Smoke test of the Linux bundle: build it, then run it the way a facilitator would.
#   packaging/smoke_bundle.sh [--no-build]      (SHOTS=DIR keeps the screenshots there)
# 1. builds dist/kehila-desktop (reports build time and size);
# 2. runs it offscreen with --quit-when-ready on the bundled sample, on a program file and
#    in each language (exit 0, no lock file left behind);
#    prints, reads older formats, and survives an update over an older release's cache;
# 3. under Xvfb: starts it on a program file, takes a screenshot, "double-clicks" a second
#    file (a second launch must hand it over and exit) and takes another screenshot, then
#    hands over --in-room MEETING (the running app takes the file back and opens the room);
# 4. packs the release tarball, installs it into a throw-away home and checks that
#    *.kehila files are associated with the app.
# Needs: uv, xvfb-run, ImageMagick's `import`; the association check also xdg-utils.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BUNDLE=dist/kehila-desktop/kehila-desktop
SHOTS=${SHOTS:-$ROOT/build/smoke}
mkdir -p "$SHOTS"
WORK=$(mktemp -d)
APP_PID=""
cleanup() {
    if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "SMOKE FAIL: $*" >&2; exit 1; }
say() { echo "== $*"; }

# --- 1. build ------------------------------------------------------------------------------
if [ "${1:-}" != "--no-build" ]; then
    say "building (PyInstaller, one folder)"
    start=$(date +%s)
    uv run --group build pyinstaller --noconfirm packaging/kehila-desktop.spec \
        > "$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; fail "build failed"; }
    say "build time: $(( $(date +%s) - start )) s"
fi
[ -x "$BUNDLE" ] || fail "$BUNDLE is missing (build it, or drop --no-build)"
say "bundle size: $(du -sh dist/kehila-desktop | cut -f1) ($(find dist/kehila-desktop -type f | wc -l) files)"
for forbidden in QtWebEngine QtQuick QtQml Qt3D QtMultimedia tkinter libqpdf; do
    if find dist/kehila-desktop -iname "*$forbidden*" | grep -q .; then
        fail "the bundle contains $forbidden"
    fi
done
dangling=$(find dist/kehila-desktop -xtype l)  # a link to a part the spec left out
[ -z "$dangling" ] || fail "links to nothing in the bundle: $dangling"

# Modules imported by name at run time (views, holidays) must be inside the archive.
uv run --group build pyi-archive_viewer -r -b "$BUNDLE" > "$WORK/archive.txt" 2>&1 \
    || fail "pyi-archive_viewer could not read the bundle"
needed="holidays.countries.israel kehila_desktop.core.sample kehila_desktop.gui.single_instance"
for view in kehila_desktop/gui/views/*/view.py; do
    needed="$needed $(echo "${view%.py}" | tr / .)"
done
for module in $needed; do
    grep -qx " *$module" "$WORK/archive.txt" || fail "$module is not in the bundle"
done
echo "   lazily imported modules inside: $(echo "$needed" | wc -w)"

# A home of its own: settings, the user's sample copy, the single-instance socket name.
export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config XDG_DATA_HOME=$WORK/home/.local/share
export XDG_CACHE_HOME=$WORK/home/.cache; unset KEHILA_CACHE_DIR
export KEHILA_INSTANCE_KEY=kehila-smoke-$$ XDG_RUNTIME_DIR=$WORK/run
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
uv run kehila new "$WORK/first.kehila" --sample > /dev/null
uv run kehila new "$WORK/second.kehila" --locality "Second" > /dev/null

run_offscreen() {  # label, args...
    local label=$1; shift
    local start status
    start=$(date +%s.%N)
    set +e
    QT_QPA_PLATFORM=offscreen KEHILA_STARTUP_TIMING=1 timeout 120 "$BUNDLE" --quit-when-ready "$@" \
        > "$WORK/out.log" 2>&1
    status=$?
    set -e
    [ "$status" = 0 ] || { cat "$WORK/out.log"; fail "$label: exit $status"; }
    printf '   %-34s ok  %.2f s  (%s)\n' "$label" "$(awk "BEGIN { print $(date +%s.%N) - $start }")" \
        "$(grep -E '^view-filled' "$WORK/out.log" | tr '\n' ' ')"
}

# --- 2. offscreen ------------------------------------------------------------------------
say "offscreen, --quit-when-ready"
run_offscreen "bundled sample (first run)"
[ -f "$XDG_DATA_HOME/Kehila Metiva/Kehila Desktop/sample.kehila" ] \
    || fail "the bundled sample was not copied for the user"
run_offscreen "bundled sample (second run)"
run_offscreen "program file" "$WORK/first.kehila"
[ ! -e "$WORK/first.kehila.lock" ] || fail "a lock file was left behind"
for lang in he ar en; do
    run_offscreen "program file, --language $lang" --language "$lang" "$WORK/first.kehila"
done

# --- 2b. printing inside the bundle (reportlab, Pillow, fonts, bidi: all from the bundle) ----
say "printing with the bundled app and the bundled kehila"
CLI=dist/kehila-desktop/kehila
[ -x "$CLI" ] || fail "$CLI is missing: the kehila command must ship beside the app"
"$CLI" --version | grep -q '^kehila ' || fail "kehila --version"
"$BUNDLE" --version | grep -q '^kehila-desktop ' || fail "kehila-desktop --version"
for lang in he ar en; do
    "$CLI" print "$WORK/first.kehila" people "$WORK/people-$lang.pdf" --language "$lang" \
        > /dev/null || fail "bundled kehila print people ($lang)"
    [ -n "$(pdftotext "$WORK/people-$lang.pdf" - | tr -d '[:space:]')" ] \
        || fail "people-$lang.pdf holds no text"
    meeting=$("$CLI" info "$WORK/first.kehila" --json | python3 -c \
        'import json,sys; m=json.load(sys.stdin)["meetings"]; print((m[0] if isinstance(m, list) else m)["id"])' \
        2>/dev/null || true)
    if [ -n "$meeting" ]; then
        "$CLI" print "$WORK/first.kehila" agenda "$WORK/agenda-$lang.pdf" --meeting "$meeting" \
            --language "$lang" > /dev/null || fail "bundled kehila print agenda ($lang)"
    fi
    set +e
    KEHILA_SMOKE_EXPORT="$WORK/app-$lang.pdf" QT_QPA_PLATFORM=offscreen timeout 120 "$BUNDLE" \
        --quit-when-ready --language "$lang" "$WORK/first.kehila" > "$WORK/out.log" 2>&1
    status=$?
    set -e
    [ "$status" = 0 ] || { cat "$WORK/out.log"; fail "the bundled app could not export a PDF ($lang)"; }
    [ -n "$(pdftotext "$WORK/app-$lang.pdf" - | tr -d '[:space:]')" ] \
        || fail "app-$lang.pdf holds no text"
    echo "   $lang: kehila print people, agenda; the app's Export PDF: $(pdfinfo "$WORK/app-$lang.pdf" | awk '/^Pages/ {print $2}') pages"
done
"$CLI" export "$WORK/first.kehila" people "$WORK/people.xlsx" > /dev/null || fail "bundled kehila export"

# --- 2c. older formats: read by the bundled kehila, upgraded in place by the bundled app ---
# (the frozen schemas core/file/schemas/vN.sql must ship, or old files are "not a program file")
say "older program files (tests/data/v*-sample.kehila)"
for old in tests/data/v*-sample.kehila; do
    copy="$WORK/old-$(basename "$old")"
    cp "$old" "$copy"
    "$CLI" info "$copy" > "$WORK/info.txt" 2>&1 || { cat "$WORK/info.txt"; fail "bundled kehila info $(basename "$old")"; }
    before=$(grep -oE '[0-9]+$' <<< "$(sed -n 2p "$WORK/info.txt")")
    run_offscreen "$(basename "$old") (format $before)" "$copy"
    after=$("$CLI" info "$copy" | sed -n 2p | grep -oE '[0-9]+$')
    [ "$after" -gt "$before" ] || fail "$(basename "$old") was not upgraded (format $after)"
    backup="${copy%.kehila}.v$before.bak.kehila"
    [ -f "$backup" ] || fail "no backup $(basename "$backup") before the upgrade"
    echo "   $(basename "$old"): format $before → $after, backup $(basename "$backup")"
done

# --- 2d. an update over an older release: its cached schema must not be read -------------
# (inside the bundle the modules are not files; a cache keyed by SQLite's version alone made
# the new release refuse every file, even a new one, as "not a program file")
say "an update over an older release's schema cache"
cache="$XDG_CACHE_HOME/kehila-desktop"
ls "$cache"/schema-*.json > /dev/null 2>&1 || fail "the bundle cached no schema in $cache"
for json in "$cache"/schema-*.json; do  # what an older release (a table less) left there
    python3 -c 'import json,sys; p=sys.argv[1]; d=json.load(open(p)); d["tables"].pop("area"); json.dump(d, open(p, "w"))' "$json"
done
touch "$BUNDLE"  # the update installs a new program
"$CLI" new "$WORK/after-update.kehila" > "$WORK/update.log" 2>&1 \
    && "$CLI" info "$WORK/after-update.kehila" >> "$WORK/update.log" 2>&1 \
    || { cat "$WORK/update.log"; fail "after an update the bundled kehila refuses its own new file"; }
run_offscreen "after an update" "$WORK/first.kehila"

# --- 3. Xvfb: a real window, then a second double-click --------------------------------
say "under Xvfb"
PLANNED=$("$CLI" info "$WORK/first.kehila" --json | python3 -c 'import json, sys
print(next(m["id"] for m in json.load(sys.stdin)["meetings"] if m["status"] == "planned"))')
cat > "$WORK/xvfb.sh" <<EOF
set -eu
"$ROOT/$BUNDLE" --language he "$WORK/first.kehila" > "$WORK/app.log" 2>&1 &
echo \$! > "$WORK/app.pid"
for i in \$(seq 60); do [ -e "$WORK/first.kehila.lock" ] && break; sleep 0.5; done
sleep 3
import -window root "$SHOTS/bundle-xvfb-he.png"
start=\$(date +%s.%N)
timeout 30 "$ROOT/$BUNDLE" "$WORK/second.kehila"
echo "second launch handed over in \$(awk "BEGIN { printf \"%.2f\", \$(date +%s.%N) - \$start }") s" > "$WORK/second.txt"
for i in \$(seq 60); do [ -e "$WORK/second.kehila.lock" ] && break; sleep 0.5; done
sleep 3
import -window root "$SHOTS/bundle-xvfb-second-file.png"
cp "$WORK/second.kehila.lock" "$WORK/second.lock.seen" || true  # the app removes it on exit
# --in-room from a second launch: the running app takes the file back and opens the room
timeout 30 "$ROOT/$BUNDLE" "$WORK/first.kehila" --in-room "$PLANNED" > "$WORK/room.txt" 2>&1
echo "in-room hand-over: exit \$?" >> "$WORK/room.txt"
for i in \$(seq 60); do [ -e "$WORK/first.kehila.lock" ] && break; sleep 0.5; done
sleep 3
import -window root "$SHOTS/bundle-xvfb-in-room.png"
if command -v xwininfo > /dev/null; then  # the in-room window fills the screen
    xwininfo -root -children | grep -c '"kehila-desktop".*1366x900+0+0' >> "$WORK/room.txt" || true
fi
cp "$WORK/first.kehila.lock" "$WORK/first.lock.seen" || true
kill \$(cat "$WORK/app.pid")
EOF
xvfb-run -a -s "-screen 0 1366x900x24" bash "$WORK/xvfb.sh" || { cat "$WORK/app.log"; fail "Xvfb run"; }
cat "$WORK/second.txt"
[ "$(grep -c . "$WORK/app.log" || true)" -lt 50 ] || { cat "$WORK/app.log"; fail "noisy log"; }
grep -qs '"pid"' "$WORK/second.lock.seen" || fail "the running app did not open the second file"
if grep -q "$(cat "$WORK/app.pid")" "$WORK/second.lock.seen"; then
    echo "   the running app (pid $(cat "$WORK/app.pid")) holds the second file: one writer"
else
    fail "the second file is held by another process"
fi
grep -q "in-room hand-over: exit 0" "$WORK/room.txt" || { cat "$WORK/room.txt"; fail "--in-room was not handed over"; }
grep -qs "$(cat "$WORK/app.pid")" "$WORK/first.lock.seen" || fail "--in-room: the running app did not take the file back"
if command -v xwininfo > /dev/null; then
    [ "$(tail -1 "$WORK/room.txt")" -ge 1 ] || fail "--in-room: no in-room window on the screen"
    echo "   --in-room handed over: the running app holds the file; its in-room window fills the screen"
fi
echo "   screenshots: $SHOTS/bundle-xvfb-he.png $SHOTS/bundle-xvfb-second-file.png $SHOTS/bundle-xvfb-in-room.png"

# --- 4. tarball and per-user install -----------------------------------------------------
say "tarball and per-user install"
packaging/linux/make_tarball.sh > "$WORK/tar.log"
TARBALL=$(ls -t dist/kehila-desktop-*-linux-*.tar.gz | head -1)
echo "   $TARBALL: $(du -h "$TARBALL" | cut -f1)"
mkdir -p "$WORK/unpack"
tar -xzf "$TARBALL" -C "$WORK/unpack"
"$WORK"/unpack/*/install.sh > /dev/null
[ -x "$HOME/.local/bin/kehila-desktop" ] || fail "install.sh did not install the launcher"
[ -x "$HOME/.local/bin/kehila" ] || fail "install.sh did not put kehila on PATH"
"$HOME/.local/bin/kehila" info "$WORK/first.kehila" > /dev/null || fail "the installed kehila"
if command -v file > /dev/null; then  # file(1) reads ~/.magic, where install.sh put the rule
    kind=$(file -b --mime-type "$WORK/first.kehila")
    echo "   file(1): the program file is $kind"
    [ "$kind" = application/x-kehila ] || fail "file(1) says $kind"
fi
if command -v desktop-file-validate > /dev/null; then
    desktop-file-validate "$XDG_DATA_HOME/applications/kehila-desktop.desktop" \
        || fail "the installed .desktop entry does not validate"
fi
QT_QPA_PLATFORM=offscreen timeout 120 "$HOME/.local/bin/kehila-desktop" --quit-when-ready \
    "$WORK/first.kehila" > /dev/null 2>&1 || fail "the installed app did not start"
if command -v xdg-mime > /dev/null; then
    default=$(XDG_DATA_DIRS="$XDG_DATA_HOME:/usr/share" xdg-mime query default application/x-kehila)
    echo "   xdg-mime: application/x-kehila is opened by $default"
    if command -v mimetype > /dev/null; then  # xdg-mime's reader outside a desktop session
        kind=$(XDG_DATA_DIRS="$XDG_DATA_HOME:/usr/share" xdg-mime query filetype "$WORK/first.kehila")
        echo "   xdg-mime: the --sample program file is $kind"
        [ "$kind" = application/x-kehila ] || fail "file type is $kind"
    fi
    [ "$default" = kehila-desktop.desktop ] || fail "default app is '$default'"
fi
"$WORK"/unpack/*/install.sh --remove > /dev/null
[ ! -e "$HOME/.local/bin/kehila-desktop" ] || fail "install.sh --remove left the launcher"
[ ! -e "$HOME/.local/bin/kehila" ] || fail "install.sh --remove left kehila"
! grep -qs kehila "$HOME/.magic" || fail "install.sh --remove left the magic rule"
say "smoke test passed"
