#!/usr/bin/env bash
# SkillPlan against the Python reference tools on the national synthetic scenario:
#   (a) matching: the `matching` package (hospital-resident, resident-optimal) must give our matches.csv;
#   (b) allocation: HiGHS solves the MPS of our allocation model (LP relaxation and MIP);
#   (c) workbooks: the fund plan's item rows written with XlsxWriter.
# It prints SkillPlan time / reference time for each, and fails when a result differs.
#
# Run from anywhere after `swift build -c release` (or `make reference`). Environment:
#   SKILLPLAN  the skillplan executable      (default: .build/release/skillplan)
#   SCALE      small | province | national    (default: national)
#   SEED       the synthetic scenario's seed (default: 2026)
#   RUNS       runs of each timed stage      (default: 3)
#   OUT        where everything is written   (default: Benchmarks/out, git-ignored)
#   PYTHON     the Python that makes the venv (default: python3)
set -euo pipefail

cd "$(dirname "$0")/.."
SKILLPLAN=${SKILLPLAN:-.build/release/skillplan}
SCALE=${SCALE:-national}
SEED=${SEED:-2026}
RUNS=${RUNS:-3}
OUT=${OUT:-Benchmarks/out}
PYTHON=${PYTHON:-python3}
VENV=Benchmarks/.venv

if [ ! -x "$SKILLPLAN" ]; then
  echo "error: $SKILLPLAN not found; build it first with: swift build -c release" >&2
  exit 2
fi
mkdir -p "$OUT"

echo "== Python virtual environment ($VENV): matching==1.4.3, highspy, XlsxWriter" >&2
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "matching==1.4.3" highspy XlsxWriter

SCENARIO="$OUT/$SCALE-$SEED"
if [ -f "$SCENARIO/students.csv" ]; then
  echo "== reusing the $SCALE scenario in $SCENARIO" >&2
else
  echo "== generating the $SCALE scenario (seed $SEED) into $SCENARIO" >&2
  "$SKILLPLAN" synth --scale "$SCALE" --seed "$SEED" --out "$SCENARIO" --force >&2
fi

DB="$OUT/reference.sqlite"
echo "== our matching: skillplan match $SCENARIO" >&2
"$SKILLPLAN" match "$SCENARIO" --out "$OUT/matches.csv" --db "$DB" --json > "$OUT/match.json"

echo "== our timings and the reference inputs: skillplan bench --dir $SCENARIO" >&2
"$SKILLPLAN" bench --dir "$SCENARIO" --runs "$RUNS" --stages lp,mip,match \
  --export-reference "$OUT/reference" --db "$DB" --json > "$OUT/bench.json"

ALLOCATE_ARGS=()
echo "== skillplan allocate --relax --write-mps (its JSON objective against HiGHS)" >&2
if "$SKILLPLAN" allocate "$SCENARIO" --relax --write-mps "$OUT/allocate-lp.mps" --db "$DB" --json \
     > "$OUT/allocate.json" 2> "$OUT/allocate.err"; then
  ALLOCATE_ARGS=("$OUT/allocate.json" "$OUT/allocate-lp.mps")
else
  echo "warning: skillplan allocate failed or is missing (see $OUT/allocate.err); its objective is not checked" >&2
fi

echo "== the reference tools" >&2
"$VENV/bin/python" Benchmarks/reference.py "$OUT/reference" "$OUT/matches.csv" "${ALLOCATE_ARGS[@]}"
