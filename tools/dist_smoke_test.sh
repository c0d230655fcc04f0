#!/usr/bin/env bash
# Smoke test of the built program: a broken bundle (missing data file, Qt plugin or font)
# fails loudly here. Usage: tools/dist_smoke_test.sh PATH_TO_BUILT_PROGRAM
set -euo pipefail
APP="$1"
if [ ! -x "$APP" ]; then
    echo "FOUT: $APP bestaat niet; draai eerst 'make dist'." >&2
    exit 1
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DATA="$WORK/data"

echo "== selftest"
"$APP" selftest --data-dir "$DATA"

echo "== venster starten en sluiten (offscreen)"
"$APP" --data-dir "$DATA" --exit-when-ready

echo "== handout voor ouders"
"$APP" middelen handout 3-mmc --doelgroep ouders -o "$WORK/handout.pdf" --data-dir "$DATA"
test -s "$WORK/handout.pdf"
head -c 5 "$WORK/handout.pdf" | grep -q "%PDF-"

echo "== voorbeeldplan als PDF"
ID=$("$APP" plan voorbeeld --data-dir "$DATA")
"$APP" plan pdf "$ID" -o "$WORK/plan.pdf" --data-dir "$DATA"
test -s "$WORK/plan.pdf"
head -c 5 "$WORK/plan.pdf" | grep -q "%PDF-"

if command -v pdffonts >/dev/null 2>&1; then
    pdffonts "$WORK/handout.pdf" | grep -q DejaVuSans || { echo "FOUT: lettertype ontbreekt" >&2; exit 1; }
fi
echo "dist-test geslaagd: zelftest, venster, handout en plan-PDF werken in de gebouwde versie."
