"""National scale: extraction, loading, incremental loads, reports, maps and start-up
on synthetic corpora of 100, 1,000 and 10,000 documents (``graphload.synth``).

    .venv/bin/python benchmarks/bench_scale.py [--sizes 100,1000,10000] [--runs 3]
        [--markdown BENCHMARKS.md]

Every figure is the median of ``--runs`` runs with their min and max. Whole-process
figures run the ``peergraph`` command as a user would; in-process ones call the
library. The table is printed, and appended to ``--markdown`` when given.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graphload.extract import default_jobs, extract_paths  # noqa: E402
from graphload.synth import write_corpus  # noqa: E402
from graphload.synth.score import score  # noqa: E402

PEERGRAPH = str(Path(sys.executable).parent / "peergraph")
SAMPLES = ROOT / "data" / "reports"
# The limit: read and decode the same bytes and make one regex pass over them.
LIMIT_PATTERN = re.compile(r"recommend\w*", re.IGNORECASE)
ADDED = 10  # documents added to a loaded store


@dataclass
class Figure:
    runs: list[float]
    cpu: list[float] = field(default_factory=list)  # CPU seconds of each run, when known

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    def show(self, unit: str = "s", scale: float = 1.0, digits: int = 2) -> str:
        values = [v * scale for v in self.runs]
        median = statistics.median(values)
        if len(values) == 1:
            return f"{median:.{digits}f} {unit}"
        return f"{median:.{digits}f} {unit} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def timed(action: Callable[[], object], runs: int) -> Figure:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return Figure(times)


def command(args: list[str]) -> tuple[float, int, str, float]:
    """(seconds, peak resident memory in MB, stdout, CPU seconds) of one peergraph
    process (its CPU includes the embedded database server it started and stopped)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [PEERGRAPH, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert process.stdout is not None
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"peergraph {' '.join(args)} exited {process.returncode}")
    return seconds, usage.ru_maxrss // 1024, out, usage.ru_utime + usage.ru_stime


def commands(args_for_run: Callable[[int], list[str]], runs: int) -> tuple[Figure, int, str]:
    times, cpu, peak, out = [], [], 0, ""
    for run in range(runs):
        seconds, memory, out, cpu_seconds = command(args_for_run(run))
        times.append(seconds)
        cpu.append(cpu_seconds)
        peak = max(peak, memory)
    return Figure(times, cpu), peak, out


def limit(paths: list[Path]) -> None:
    for path in paths:
        LIMIT_PATTERN.findall(path.read_bytes().decode("utf-8"))


def extraction_rows(name: str, folder: Path, runs: int) -> tuple[list[tuple[str, str]], list]:
    paths = sorted(p for p in folder.iterdir() if p.is_file())
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    records: list = []

    def one_core() -> None:
        records[:] = [o.record for o in extract_paths([folder], jobs=1) if o.record]

    single = timed(one_core, runs)
    jobs = default_jobs()
    parallel = timed(lambda: list(extract_paths([folder], jobs=jobs)), runs)
    bound = timed(lambda: limit(paths), runs)
    n = len(paths)
    rows = [
        (
            f"{name}: extract, one core",
            f"{Figure([n / t for t in single.runs]).show('docs/s', digits=0)}; "
            f"{n / single.median:.0f} docs/s is {megabytes / single.median:.1f} MB/s",
        ),
        (
            f"{name}: extract, --jobs {jobs}",
            Figure([n / t for t in parallel.runs]).show("docs/s", digits=0)
            + f" (x{single.median / parallel.median:.2f} one core)",
        ),
        (
            f"{name}: the limit (read, decode, one regex pass)",
            f"{megabytes / bound.median:.0f} MB/s; extraction takes "
            f"{single.median / bound.median:.0f}x the limit",
        ),
    ]
    return rows, records


def f1_row(name: str, records: list) -> tuple[str, str]:
    tallies = score(records)
    return (
        f"{name}: synthetic-truth F1",
        ", ".join(f"{k} {t.f1:.4f}" for k, t in tallies.items()),
    )


def load_rows(
    name: str, reports: Path, scratch: Path, runs: int, seed: int
) -> tuple[list[tuple[str, str]], Path]:
    stores = [scratch / f"store-{run}" for run in range(runs)]
    first, peak, out = commands(
        lambda run: ["load", str(reports), "--store", str(stores[run])], runs
    )
    items = sum(int(n) for n in re.findall(r"(\d+) (?:nodes|relationships)", out))
    again, _, _ = commands(lambda run: ["load", str(reports), "--store", str(stores[0])], runs)
    additions = []
    for run in range(runs):
        extra = scratch / f"added-{run}"
        write_corpus(ADDED, extra, seed=seed + 1000 + run)
        additions.append(extra / "reports")
    added, _, _ = commands(
        lambda run: ["load", str(additions[run]), "--store", str(stores[0])], runs
    )
    for store in stores[1:]:
        shutil.rmtree(store, ignore_errors=True)
    return [
        (
            f"{name}: load from scratch (whole process)",
            f"{first.show()}; {items / first.median:,.0f} nodes+relationships/s "
            f"({items:,} in all); peak memory {peak} MB",
        ),
        (
            f"{name}: load the same documents again",
            f"{again.show()}; CPU {Figure(again.cpu).show()}",
        ),
        (f"{name}: add {ADDED} new documents", f"{added.show()}; CPU {Figure(added.cpu).show()}"),
    ], stores[0]


def report_rows(store: Path, runs: int) -> list[tuple[str, str]]:
    from graphload.store import StoreError, open_store
    from queries.catalog import list_reports
    from queries.run import run_report

    with open_store(store_dir=store) as opened:
        councils = opened.query(
            "MATCH (c:Council)<-[:OF]-(r:Review) RETURN c.id AS id, count(r) AS n "
            "ORDER BY n DESC, id LIMIT 2"
        )
        peer = opened.query(
            "MATCH (p:Peer)-[s:SERVED_ON]->() RETURN p.name AS name, count(s) AS n "
            "ORDER BY n DESC, name LIMIT 1"
        )[0]["name"]
        arguments = {
            "council": ([councils[0]["id"]], {"council": councils[0]["id"]}),
            "peer": ([peer], {"peer": peer}),
            "path": (
                [councils[0]["id"], councils[1]["id"]],
                {"start": councils[0]["id"], "end": councils[1]["id"]},
            ),
        }
        in_process: dict[str, str] = {}
        for spec in list_reports():
            params = arguments.get(spec.name, ([], {}))[1]
            try:
                run_report(opened, spec.name, **params)  # warm: the server's first query plans
                figure = timed(lambda s=spec, p=params: run_report(opened, s.name, **p), runs)
                in_process[spec.name] = figure.show("ms", 1000, 1) + " in-process"
            except StoreError as error:
                in_process[spec.name] = f"in-process FAILED ({error})"
                break  # the server is still busy with it: the next reports would fail too
    rows = []
    served = _served_whole_process(store, arguments, runs, in_process)
    for spec in list_reports():
        if spec.name not in in_process:
            rows.append((f"report {spec.name}", "not measured (the server was still busy)"))
            continue
        args = arguments.get(spec.name, ([], {}))[0]
        try:
            whole, _, _ = commands(
                lambda run, s=spec, a=args: ["report", s.name, *a, "--store", str(store)], runs
            )
            shown = f"{whole.show()} whole process"
        except RuntimeError as error:
            shown = f"whole process FAILED ({error})"
        shown += f" ({served.get(spec.name, 'not measured')} with peergraph serve)"
        rows.append((f"report {spec.name}", f"{shown}; {in_process[spec.name]}"))
    return rows


def _served_whole_process(
    store: Path,
    arguments: dict[str, tuple[list[str], dict[str, str]]],
    runs: int,
    in_process: dict[str, str],
) -> dict[str, str]:
    """Each report as a whole process while ``peergraph serve`` keeps the store's
    database running (the commands then skip starting it)."""
    from queries.catalog import list_reports

    server = subprocess.Popen(
        [PEERGRAPH, "serve", "--store", str(store)], stderr=subprocess.PIPE, text=True
    )
    assert server.stderr is not None
    shown: dict[str, str] = {}
    try:
        if "serving the store" not in server.stderr.readline():
            return shown
        for spec in list_reports():
            if spec.name not in in_process:
                continue
            args = arguments.get(spec.name, ([], {}))[0]
            try:
                whole, _, _ = commands(
                    lambda run, s=spec, a=args: ["report", s.name, *a, "--store", str(store)],
                    runs,
                )
                shown[spec.name] = whole.show()
            except RuntimeError as error:
                shown[spec.name] = f"FAILED ({error})"
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(60)
    return shown


def startup_rows(runs: int) -> list[tuple[str, str]]:
    rows = []
    for args in (["--help"], ["extract", "--help"], ["load", "--help"]):
        figure, _, _ = commands(lambda run, a=args: a, runs)
        rows.append((f"start-up: peergraph {' '.join(args)}", figure.show()))
    return rows


def map_rows(runs: int, scratch: Path) -> list[tuple[str, str]]:
    bench_map = ROOT / "benchmarks" / "bench_map.py"
    if not bench_map.exists():
        return [("map render", "benchmarks/bench_map.py is missing")]
    out = scratch / "map.json"
    done = subprocess.run(
        [
            sys.executable,
            str(bench_map),
            "--docs",
            "2000",
            "--runs",
            str(runs),
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if done.returncode != 0 or not out.exists():
        last = (done.stdout + done.stderr).strip().splitlines()[-1:] or ["no output"]
        return [("map render", f"not measured: {last[0]}")]
    rows = []
    for row in json.loads(out.read_text()):
        facts = ", ".join(f"{k} {v}" for k, v in row.items() if k not in ("runs",))
        rows.append((f"map of a synthetic graph ({row.get('nodes')} nodes)", facts))
    if not rows:
        rows.append(("map render", "bench_map.py gave no rows"))
    return rows


def samples_copies(directory: Path, copies: int) -> Path:
    directory.mkdir(parents=True)
    for i in range(copies):
        for report in sorted(SAMPLES.glob("*.txt")):
            (directory / f"{i:03d}_{report.name}").write_bytes(report.read_bytes())
    return directory


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{platform.node()}: {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
        f"load average at the start {load}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "100,1000,10000"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--markdown", type=Path, help="append the table to this file")
    parser.add_argument("--no-map", action="store_true", help="leave out the map benchmark")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    started = datetime.now(UTC)
    header = f"## {started:%Y-%m-%d %H:%M} UTC, sizes {', '.join(map(str, sizes))}"
    rows: list[tuple[str, str]] = [("machine", machine())]
    print(header, flush=True)
    with tempfile.TemporaryDirectory(prefix="peergraph-bench-") as tmp:
        scratch = Path(tmp)
        copies, records = extraction_rows(
            "500 copies of the samples", samples_copies(scratch / "samples", 100), args.runs
        )
        rows += copies
        _print(rows)
        biggest = None
        for n in sizes:
            corpus = scratch / f"corpus-{n}"
            write_corpus(n, corpus, seed=args.seed)
            reports = corpus / "reports"
            found, records = extraction_rows(f"{n:,} documents", reports, args.runs)
            rows += found + [f1_row(f"{n:,} documents", records)]
            _print(rows)
            loaded, store = load_rows(
                f"{n:,} documents", reports, scratch / f"load-{n}", args.runs, args.seed
            )
            rows += loaded
            _print(rows)
            biggest = (n, store)
        if biggest:
            n, store = biggest
            rows.append((f"canned reports on the {n:,}-document store", ""))
            rows += report_rows(store, args.runs)
        rows += startup_rows(args.runs)
        if not args.no_map:
            rows += map_rows(args.runs, scratch)
    elapsed = (datetime.now(UTC) - started).total_seconds()
    table = _table(header, rows, elapsed)
    print(table)
    if args.markdown:
        with args.markdown.open("a", encoding="utf-8") as out:
            out.write("\n" + table + "\n")
    return 0


_printed = 0


def _print(rows: list[tuple[str, str]]) -> None:
    global _printed
    for what, figure in rows[_printed:]:
        print(f"  {what}: {figure}", flush=True)
    _printed = len(rows)


def _table(header: str, rows: list[tuple[str, str]], elapsed: float) -> str:
    lines = [
        header,
        "",
        f"Medians of the runs, (min–max); the whole run took {elapsed / 60:.1f} minutes.",
        "",
        "| what | measured |",
        "|---|---|",
    ]
    lines += [f"| {what} | {figure} |" for what, figure in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
