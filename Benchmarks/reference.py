"""SkillPlan against the Python reference tools, on the problems `skillplan bench --export-reference` wrote.

Usage: reference.py EXPORT_DIR MATCHES_CSV [ALLOCATE_JSON ALLOCATE_MPS]

(a) matching: the `matching` package's hospital-resident core (resident-optimal) on exactly our
    usable preferences and posting rankings; the result must equal our matches.csv.
(b) allocation: HiGHS solves our MPS files; the LP relaxation's objective must agree with ours to a
    relative 1e-6, the MIP's within the two solvers' gaps. With ALLOCATE_JSON and ALLOCATE_MPS
    (`skillplan allocate --relax --write-mps FILE --json`), HiGHS also checks that command's objective.
(c) workbooks: the fund plan's item rows written with XlsxWriter, against SkillPlan's time for the
    same rows (libxlsxwriter through ExcelExport).

Prints a report, writes EXPORT_DIR/reference-report.json; exit status 1 when a check fails.
Environment: REFERENCE_REPEATS (default 1) repeats the matching reference and takes the median;
REFERENCE_HIGHS_THREADS sets HiGHS's `threads` option (default: HiGHS's own).
"""

import csv
import json
import os
import statistics
import sys
import threading
import time

import subprocess


def highs_solve(path, time_limit=None, relative_gap=None):
    import highspy

    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    if "REFERENCE_HIGHS_THREADS" in os.environ:
        highs.setOptionValue("threads", int(os.environ["REFERENCE_HIGHS_THREADS"]))
    if time_limit is not None:
        highs.setOptionValue("time_limit", float(time_limit))
    if relative_gap is not None:
        highs.setOptionValue("mip_rel_gap", float(relative_gap))
    highs.readModel(path)
    start = time.perf_counter()
    highs.run()
    seconds = time.perf_counter() - start
    info = highs.getInfo()
    status = highs.modelStatusToString(highs.getModelStatus())
    return {
        "objective": info.objective_function_value,
        "dual_bound": getattr(info, "mip_dual_bound", None),
        "seconds": seconds,
        "status": status,
        "version": highs.version() if hasattr(highs, "version") else None,
    }


if len(sys.argv) == 5 and sys.argv[1] == "--highs-mip":
    # Child mode: the MIP runs in its own process so that a hard deadline can stop it (HiGHS 1.16
    # does not check its time limit inside some root-node heuristics).
    print(json.dumps(highs_solve(sys.argv[2], float(sys.argv[3]), float(sys.argv[4]))))
    sys.exit(0)

export_dir, matches_csv = sys.argv[1], sys.argv[2]
allocate_json = sys.argv[3] if len(sys.argv) > 4 else None
allocate_mps = sys.argv[4] if len(sys.argv) > 4 else None
repeats = int(os.environ.get("REFERENCE_REPEATS", "1"))


def load(name):
    with open(os.path.join(export_dir, name), encoding="utf-8") as f:
        return json.load(f)


swift = load("swift.json")
report = {"swift": swift}
failures = []


# ---------------------------------------------------------------- (a) matching
def reference_matching():
    """Runs the matching package's core in a thread with a large stack (its recursion is deep)."""
    sys.setrecursionlimit(1_000_000)
    threading.stack_size(512 * 1024 * 1024)
    from matching.algorithms import hospital_resident
    from matching.games.hospital_resident import _make_players

    preferences = load("preferences.json")
    rankings = load("rankings.json")
    capacities = load("capacities.json")
    runs = []

    def run():
        start = time.perf_counter()
        residents, hospitals = _make_players(preferences, rankings, capacities)
        built = time.perf_counter()
        outcome = hospital_resident(residents, hospitals, "resident")
        solved = time.perf_counter()
        result = {}
        for hospital, matched in outcome.items():
            for resident in matched:
                result[resident.name] = hospital.name
        runs.append({"players_seconds": built - start, "algorithm_seconds": solved - built, "result": result})

    for _ in range(repeats):
        thread = threading.Thread(target=run)
        thread.start()
        thread.join()
    if len(runs) != repeats:
        raise SystemExit("the matching reference failed (see the traceback above)")
    return runs


def our_matches():
    ours = {}
    with open(matches_csv, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["posting"]:
                ours[row["student"]] = row["posting"]
    return ours


runs = reference_matching()
reference = runs[-1]["result"]
ours = our_matches()
identical = ours == reference
differences = sorted(k for k in set(ours) | set(reference) if ours.get(k) != reference.get(k))
if not identical:
    failures.append(f"matching: {len(differences)} students differ, e.g. {differences[:5]}")
players = statistics.median(r["players_seconds"] for r in runs)
algorithm = statistics.median(r["algorithm_seconds"] for r in runs)
report["matching"] = {
    "students_with_usable_preferences": len(load("preferences.json")),
    "matched_ours": len(ours),
    "matched_reference": len(reference),
    "identical": identical,
    "differences": len(differences),
    "reference_players_seconds": players,
    "reference_algorithm_seconds": algorithm,
    "reference_seconds": players + algorithm,
    "repeats": repeats,
}


print(f"matching: ours {len(ours)} matched, reference {len(reference)}; identical: {identical}; "
      f"reference {players:.2f} s to make players + {algorithm:.2f} s core", flush=True)

# ---------------------------------------------------------------- (b) HiGHS
def relative(a, b):
    return abs(a - b) / max(1.0, abs(b))


lp = highs_solve(os.path.join(export_dir, "model-lp.mps"))
lp_difference = relative(swift["lp_objective"], lp["objective"])
if lp["status"] != "Optimal" or lp_difference > 1e-6:
    failures.append(f"LP: ours {swift['lp_objective']!r}, HiGHS {lp['objective']!r} ({lp['status']}), relative {lp_difference:.2e}")
lp["relative_difference"] = lp_difference
report["lp"] = lp

print(f"LP objective: ours {swift['lp_objective']:.9g}, HiGHS {lp['objective']:.9g} ({lp['status']}, {lp['seconds']:.2f} s); "
      f"relative difference {lp_difference:.2e}", flush=True)

deadline = 2 * swift["time_limit"] + 60
try:
    child = subprocess.run(
        [sys.executable, __file__, "--highs-mip", os.path.join(export_dir, "model.mps"), str(swift["time_limit"]),
         str(swift["relative_gap"])], capture_output=True, text=True, timeout=deadline, check=True)
    mip = json.loads(child.stdout.strip().splitlines()[-1])
except subprocess.TimeoutExpired:
    mip = None
    print(f"HiGHS MIP: no answer within {deadline:.0f} s (its time limit was {swift['time_limit']:.0f} s); stopped, "
          "no MIP comparison", flush=True)
if mip is not None:
    # Minimisation: each solver brackets the optimum between its bound and its objective.
    our_low = swift["mip_best_bound"] if swift["mip_best_bound"] is not None else swift["lp_objective"]
    our_high = swift["mip_objective"]
    ref_low = mip["dual_bound"] if mip["dual_bound"] is not None else mip["objective"]
    ref_high = mip["objective"]
    tolerance = 1e-6 * max(1.0, abs(our_high))
    overlap = max(our_low, ref_low) <= min(our_high, ref_high) + tolerance
    if not overlap:
        failures.append(f"MIP: ours in [{our_low}, {our_high}], HiGHS in [{ref_low}, {ref_high}]: the intervals do not meet")
    mip["intervals_agree"] = overlap
    mip["relative_difference"] = relative(our_high, ref_high)
    report["mip"] = mip
else:
    report["mip"] = {"finished": False, "deadline_seconds": deadline}

if allocate_json and allocate_mps and os.path.exists(allocate_json) and os.path.exists(allocate_mps):
    with open(allocate_json, encoding="utf-8") as f:
        allocate = json.load(f)
    solved = highs_solve(allocate_mps)
    difference = relative(allocate["objective"], solved["objective"])
    if difference > 1e-6:
        failures.append(f"allocate --relax: objective {allocate['objective']!r}, HiGHS on its MPS {solved['objective']!r}")
    report["allocate"] = {"objective": allocate["objective"], "highs": solved, "relative_difference": difference}


# ---------------------------------------------------------------- (c) XlsxWriter
import xlsxwriter  # noqa: E402

MONEY = {"unit_cost_per_year_vnd", "total_cost_vnd", "unit_cost_vnd", "cost_vnd"}
INTEGER = {"intake_year", "graduation_year", "year"}
NUMBER = {"seats", "interns", "engineers_added"}
SHEETS = [
    ("Scholarships", "scholarships.csv", ["program", "institution", "region", "skill", "intake_year", "seats",
                                          "unit_cost_per_year_vnd", "total_cost_vnd", "graduation_year", "engineers_added"]),
    ("Internships", "internships.csv", ["posting", "enterprise", "region", "skill", "year", "interns", "unit_cost_vnd",
                                        "cost_vnd", "domestic_sme", "engineers_added"]),
    ("Onsite", "onsite.csv", ["program", "institution", "host_enterprise", "region", "skill", "year", "seats",
                              "unit_cost_vnd", "cost_vnd", "engineers_added"]),
]


def read_rows(name, columns):
    rows = []
    with open(os.path.join(export_dir, name), encoding="utf-8", newline="") as f:
        for record in csv.DictReader(f):
            row = []
            for column in columns:
                text = record[column]
                if column in MONEY or column in NUMBER:
                    row.append(float(text))
                elif column in INTEGER:
                    row.append(int(text))
                elif column == "domestic_sme":
                    row.append(text == "true")
                else:
                    row.append(text)
            rows.append(row)
    return rows


tables = [(sheet, columns, read_rows(name, columns)) for sheet, name, columns in SHEETS]


def write_workbook(path):
    workbook = xlsxwriter.Workbook(path)
    header = workbook.add_format({"bold": True})
    money = workbook.add_format({"num_format": "#,##0"})
    for sheet, columns, rows in tables:
        worksheet = workbook.add_worksheet(sheet)
        worksheet.write_row(0, 0, columns, header)
        for r, row in enumerate(rows, start=1):
            for c, (column, value) in enumerate(zip(columns, row)):
                if column in MONEY:
                    worksheet.write_number(r, c, value, money)
                elif isinstance(value, bool):
                    worksheet.write_boolean(r, c, value)
                elif isinstance(value, (int, float)):
                    worksheet.write_number(r, c, value)
                else:
                    worksheet.write_string(r, c, value)
    workbook.close()


times = []
for index in range(swift["rows_workbook_repeats"]):
    path = os.path.join(export_dir, f"rows-python-{index}.xlsx")
    start = time.perf_counter()
    write_workbook(path)
    times.append(time.perf_counter() - start)
    if index > 0:
        os.remove(path)
report["workbook"] = {
    "rows": {sheet: len(rows) for sheet, _, rows in tables},
    "reference_seconds": statistics.median(times),
    "repeats": len(times),
}


# ---------------------------------------------------------------- ratios
def ratio_line(label, ours_seconds, reference_seconds, reference_name):
    ratio = ours_seconds / reference_seconds
    faster = f"{1 / ratio:.1f}× faster" if ratio < 1 else f"{ratio:.2f}× slower"
    print(f"  {label:<34} {ours_seconds:10.4f} s  {reference_name:<30} {reference_seconds:10.4f} s  ratio {ratio:8.4f}  ({faster})")
    return ratio


print("SkillPlan against the reference tools (SkillPlan time / reference time; below 1: SkillPlan faster)")
m = report["matching"]
ratios = {}
ratios["matching"] = ratio_line("match stage (problem + DA + funding)", swift["match_seconds"], m["reference_seconds"],
                                "matching 1.4.3 players + core")
ratios["matching_core"] = ratio_line("deferred acceptance alone", swift["deferred_acceptance_seconds"],
                                     m["reference_algorithm_seconds"], "matching 1.4.3 core alone")
ratios["lp"] = ratio_line("LP relaxation (CLP)", swift["lp_seconds"], lp["seconds"], "HiGHS LP")
if mip is not None:
    ratios["mip"] = ratio_line("MIP (CBC)", swift["mip_seconds"], mip["seconds"], "HiGHS MIP")
    if mip["status"] != "Optimal":
        print(f"  (HiGHS MIP ended '{mip['status']}'"
              + (" without an integer solution" if mip["objective"] == float("inf") else "") + ": its time is a lower bound, so the ratio is an upper bound)")
if not any(report["workbook"]["rows"].values()):
    print("  (the plan has no item rows: the workbook ratio measures an empty workbook)")
ratios["workbook"] = ratio_line("fund-plan rows workbook", swift["rows_workbook_seconds"], report["workbook"]["reference_seconds"],
                                "XlsxWriter")
report["ratios"] = ratios
print(f"matching: ours {m['matched_ours']} matched, reference {m['matched_reference']}; identical: {m['identical']}")
print(f"LP objective: ours {swift['lp_objective']:.9g}, HiGHS {lp['objective']:.9g} ({lp['status']}); relative difference {lp_difference:.2e}")
if mip is not None:
    print(f"MIP objective: ours {our_high:.9g} (bound {our_low:.9g}, {swift['mip_status']}), "
          f"HiGHS {ref_high:.9g} (bound {ref_low:.9g}, {mip['status']}); intervals agree: {overlap}")
if "allocate" in report:
    print(f"allocate --relax objective {report['allocate']['objective']:.9g}, HiGHS on its MPS {report['allocate']['highs']['objective']:.9g}")
print(f"workbook rows: {report['workbook']['rows']}")
report["failures"] = failures


def finite(value):
    """JSON has no infinity or NaN: such numbers become null."""
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return None
    if isinstance(value, dict):
        return {key: finite(item) for key, item in value.items()}
    if isinstance(value, list):
        return [finite(item) for item in value]
    return value


with open(os.path.join(export_dir, "reference-report.json"), "w", encoding="utf-8") as f:
    json.dump(finite(report), f, indent=2, sort_keys=True)
for failure in failures:
    print("FAILED:", failure)
sys.exit(1 if failures else 0)
