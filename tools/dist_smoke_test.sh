#!/usr/bin/env bash
# Smoke test of the built program (make dist-test): a bundle that lacks a module, Qt plugin,
# font, data file or licence fails loudly here. It drives the frozen window (every tab), the
# print path onto a PDF printer, every export, and the console twin; prints size and count.
# Usage: tools/dist_smoke_test.sh PATH_TO_BUNDLE_FOLDER
# Headless Linux: runs the window under Xvfb (display :116) with the bundled xcb plugin,
# because the bundle deliberately ships no "offscreen" platform plugin.
set -euo pipefail
DIR="$1"
PYTHON="${PYTHON:-python3}"
EXE=""
case "$(uname -s)" in MINGW* | MSYS* | CYGWIN*) EXE=".exe" ;; esac
GUI="$DIR/Drugspreventie Werkbank$EXE"
CLI="$DIR/drugspreventie$EXE"
for program in "$GUI" "$CLI"; do
    if [ ! -x "$program" ]; then
        echo "FOUT: $program bestaat niet; draai eerst 'make dist'." >&2
        exit 1
    fi
done
WORK=$(mktemp -d)
XVFB_PID=""
cleanup() {
    if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
DATA="$WORK/gegevens"
ERRORS="$WORK/stderr.txt"

# Any traceback or Qt loading error on stderr fails the run, even when the exit code is 0.
run() {
    if ! "$@" 2>"$ERRORS"; then
        cat "$ERRORS" >&2
        echo "FOUT: mislukt: $*" >&2
        exit 1
    fi
    if grep -Eq "Traceback|ModuleNotFoundError|ImportError|Cannot load library|could not load the Qt platform plugin|Failed to load" "$ERRORS"; then
        cat "$ERRORS" >&2
        echo "FOUT: foutmelding op stderr bij: $*" >&2
        exit 1
    fi
}

"$PYTHON" "$(dirname "$0")/release/bundle_report.py" "$DIR"

if [ -z "${DISPLAY:-}" ] && [ -z "$EXE" ]; then
    if ! command -v Xvfb >/dev/null; then
        echo "FOUT: geen beeldscherm en geen Xvfb (apt-get install xvfb)." >&2
        exit 1
    fi
    Xvfb :116 -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!
    export DISPLAY=:116
    sleep 1
fi
unset QT_QPA_PLATFORM  # the platform plugin the bundle ships (xcb here, windows on Windows)

echo "== opdrachtregelversie: versie en zelftest met venster, licenties en afdruk op een PDF-printer"
run "$CLI" --version >"$WORK/version.txt"
cat "$WORK/version.txt"
grep -q "Drugspreventie Werkbank [0-9]" "$WORK/version.txt"
run "$CLI" selftest --venster --data-dir "$DATA" >"$WORK/selftest.txt"
cat "$WORK/selftest.txt"
grep -q "venster geopend (xcb\|venster geopend (windows" "$WORK/selftest.txt"
grep -q "handout afgedrukt op een PDF-printer" "$WORK/selftest.txt"
grep -q "Help > Licenties toont .* elk met licentietekst" "$WORK/selftest.txt"
grep -q "handleiding (F1) met [1-9]" "$WORK/selftest.txt"

echo "== vensterprogramma starten tot het venster klaar is, en sluiten"
run "$GUI" --data-dir "$DATA" --exit-when-ready

echo "== exports: handout, bundel, interventies, plan, voortgang (PDF en Word), planbestand"
run "$CLI" middelen handout 3-mmc --doelgroep ouders -o "$WORK/handout.pdf" --data-dir "$DATA"
run "$CLI" middelen bundel -o "$WORK/bundel.pdf" --data-dir "$DATA"
run "$CLI" interventies export --setting gezin -o "$WORK/interventies.pdf" --data-dir "$DATA"
run "$CLI" interventies export --setting gezin -o "$WORK/interventies.docx" --data-dir "$DATA"
ID=$("$CLI" plan voorbeeld --data-dir "$DATA")
run "$CLI" plan pdf "$ID" -o "$WORK/plan.pdf" --data-dir "$DATA"
run "$CLI" plan docx "$ID" -o "$WORK/plan.docx" --data-dir "$DATA"
run "$CLI" plan export "$ID" -o "$WORK/plan.json" --data-dir "$DATA"
run "$CLI" plan voortgang "$ID" --jaar 2026 -o "$WORK/voortgang.pdf" --data-dir "$DATA"
run "$CLI" plan voortgang "$ID" --jaar 2026 -o "$WORK/voortgang.docx" --data-dir "$DATA"
for pdf in handout bundel interventies plan voortgang; do
    head -c 5 "$WORK/$pdf.pdf" | grep -q "%PDF-" || { echo "FOUT: $pdf.pdf is geen PDF" >&2; exit 1; }
done
for docx in interventies plan voortgang; do
    head -c 2 "$WORK/$docx.docx" | grep -q "PK" || { echo "FOUT: $docx.docx is geen Word-bestand" >&2; exit 1; }
done
if command -v pdffonts >/dev/null 2>&1; then
    pdffonts "$WORK/handout.pdf" | grep -q DejaVuSans || { echo "FOUT: lettertype ontbreekt" >&2; exit 1; }
fi

echo "== licenties en SBOM"
"$PYTHON" "$(dirname "$0")/release/check_bundle_licences.py" "$DIR"

echo "dist-test geslaagd: venster met alle tabbladen, afdrukken op een PDF-printer, alle exports,"
echo "de opdrachtregelversie, licenties en SBOM werken in de gebouwde versie."
