"""Reporting: the table, the targets (PASS, MISS or n/a) and the machine
information stored with the results."""

from __future__ import annotations

import datetime as _dt
import os
import platform


def _fmt(value, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def table(rows: list[dict]) -> str:
    head = ("size", "items", "validate s", "items/s", "build s", "baseline s", "ratio", "peak RSS MB", "diff s",
            "rebuild s", "page KB")
    lines = [head]
    for r in rows:
        lines.append((str(r["size"]), f"{r['items']:,}", _fmt(r["validate_s"], ".2f"), _fmt(r["items_per_s"], ",.0f"),
                      (">" if r.get("build_timed_out") else "") + _fmt(r["build_s"], ".1f"), _fmt(r["baseline_s"], ".1f"),
                      (">" if r.get("build_timed_out") else "") + _fmt(r["ratio"], ".2f"),
                      _fmt(r.get("peak_rss_mb"), ".0f"), _fmt(r["diff_s"], ".3f"), _fmt(r.get("rebuild_s"), ".1f"),
                      _fmt(r.get("avg_page_kb"), ".0f")))
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    out = ["  ".join(c.rjust(w) for c, w in zip(line, widths)) for line in lines]
    out.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(out)


def targets(rows: list[dict]) -> list[dict]:
    out = []
    by = {str(r["size"]): r for r in rows}

    def add(name, ok, measured):
        out.append({"target": name, "result": "n/a" if ok is None else ("PASS" if ok else "MISS"), "measured": measured})

    worst = max(rows, key=lambda r: r["ratio"])
    add("build ratio <= 1.15 at every size", all(r["ratio"] <= 1.15 for r in rows),
        ", ".join(f"{r['size']}: {r['ratio']:.2f}" for r in rows) + f" (worst {worst['size']})")
    real = by.get("real")
    largest = max((r for r in rows if r["size"] != "real"), key=lambda r: r["items"], default=real)
    add(f"validate >= 50,000 items/s (largest set, {largest['size']}, incl. process start)",
        largest["items_per_s"] >= 50_000,
        f"{largest['items_per_s']:,.0f} items/s ({largest['items']:,} items in {largest['validate_s']:.2f} s); "
        f"in process {largest['items'] / largest['load_versions_s']:,.0f} items/s")
    if real:
        add("validate < 0.3 s on the real data (incl. process start)", real["validate_s"] < 0.3,
            f"{real['validate_s']:.2f} s")
    else:
        add("validate on the real data", None, "not run")
    one, most = by.get("1"), max((r for r in rows if r["size"] != "real"), key=lambda r: r["items"], default=None)
    if one and most and most is not one and one.get("avg_page_kb") and most.get("avg_page_kb"):
        add(f"average HTML page at {most['size']}x <= 1.5x the one at 1x", most["avg_page_kb"] <= 1.5 * one["avg_page_kb"],
            f"1x {one['avg_page_kb']:.0f} KB, {most['size']}x {most['avg_page_kb']:.0f} KB "
            f"({most['avg_page_kb'] / one['avg_page_kb']:.2f}x)")
    else:
        add("average HTML page size linear in the data", None, "needs 1x and a larger size")
    synth = [r for r in rows if r["size"] != "real"]
    if len(synth) >= 2:
        for name, key in (("validate, in process (load_versions)", "load_versions_s"),
                          ("validate incl. process start", "validate_s"), ("mkdocs build", "build_s")):
            per = {str(r["size"]): r[key] / r["items"] for r in synth}
            spread = max(per.values()) / min(per.values())
            values = list(per.values())
            trend = "grows with size" if values[-1] > values[0] else "falls with size: fixed start-up costs"
            add(f"time per item within 1.5x from {synth[0]['size']}x to {synth[-1]['size']}x: {name}", spread <= 1.5,
                ", ".join(f"{s}x {v * 1e6:.0f} us" for s, v in per.items()) + f" (spread {spread:.2f}x, {trend})")
    else:
        add("time per item constant within 1.5x", None, "needs two or more sizes")
    big = by.get("100")
    if not big or big.get("peak_rss_mb") is None:
        add("peak RSS of the 100x build < 1 GB", None, "not run")
    elif big.get("build_timed_out"):
        add("peak RSS of the 100x build < 1 GB", False if big["peak_rss_mb"] >= 1024 else None,
            f"{big['peak_rss_mb']:.0f} MB before the build was stopped")
    else:
        add("peak RSS of the 100x build < 1 GB", big["peak_rss_mb"] < 1024, f"{big['peak_rss_mb']:.0f} MB")
    add("one comparison of two 100x versions < 2 s", None if not big else big["diff_s"] < 2,
        f"{big['diff_s']:.3f} s ({' -> '.join(big['diff_pair'])})" if big else "not run")
    return out


def machine() -> dict:
    from importlib.metadata import version

    info = {"cpu_count": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
            "date": _dt.datetime.now().astimezone().isoformat(timespec="seconds"), "processor": platform.processor()}
    try:
        info["cpu_model"] = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                                 if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    try:
        info["memory_gb"] = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9, 1)
    except (ValueError, OSError):
        pass
    for dist in ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "PyYAML", "jsonschema"):
        try:
            info[dist] = version(dist)
        except Exception:  # noqa: BLE001 - informative only
            pass
    return info


def summary(result: dict, out: str, workdir=None) -> str:
    """What the CLI prints at the end: the table, the targets, the ratios, where the results are."""
    rows = result["rows"]
    lines = ["", table(rows), ""]
    lines += [f"{t['result']:>4}  {t['target']}: {t['measured']}" for t in result["targets"]]
    lines.append("\nbuild ratio (ours / baseline): " + ", ".join(f"{r['size']}: {r['ratio']:.2f}" for r in rows))
    lines.append(f"results: {out}; total {result['total_s'] / 60:.1f} min"
                 + (f"; projects kept in {workdir}" if workdir else ""))
    return "\n".join(lines)
