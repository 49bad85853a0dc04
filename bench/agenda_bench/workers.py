"""The measurements that run inside a child process, one per mode.

`bench/run.py --worker MODE ARGS...` calls the function of that name and
prints its result as one JSON line (measure.worker reads it). Each runs in a
fresh process, so one size's caches and memory never leak into the next, and
imports `macros` from the snapshot (PYTHONPATH)."""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import time
from pathlib import Path

from agenda_bench.common import CURRENT, MUNICIPALITY, walk


def inproc(project: str, baseline: str, baseline_nav: str) -> dict:
    """In-process: load_versions, diff of the two largest versions, and the baseline pages."""
    import jinja2

    import macros as entry
    import macros.site.site as site_module
    from macros.compare.diff import diff
    from macros.hooks import EXTRA_NAV
    from macros.policy.model import build_agenda
    from macros.site.pages import build_nav
    from macros.policy.validate import load_versions
    from macros.policy.versions import ordered

    project_dir = Path(project)
    policy = project_dir / "policy"
    os.chdir(project_dir)
    times = []
    while len(times) < 2:  # a second run (small sets only) shows the steady state: imports done, schema compiled
        t0 = time.perf_counter()
        sources, problems = load_versions(policy)
        times.append(time.perf_counter() - t0)
        if times[0] > 5:
            times.append(None)
    if problems:
        raise SystemExit(f"{len(problems)} problems, first: {problems[0]}")
    items = sum(1 for s in sources for f in s.files for _, n in walk(f.data) if "id" in n)
    items += len({id(s.municipality) for s in sources if s.municipality})
    t0 = time.perf_counter()
    agendas = {f"{s.folder.parent.name}/{s.folder.name}": build_agenda(s.municipality.data, [f.data for f in s.files])
               for s in sources}
    build_s = time.perf_counter() - t0
    per_version = {f"{s.folder.parent.name}/{s.folder.name}": sum(1 for f in s.files for _, n in walk(f.data)
                                                                   if "id" in n) for s in sources}
    # the two largest versions of one municipality (the one the site is built for)
    mine = {k: v for k, v in per_version.items() if k.startswith(MUNICIPALITY + "/")}
    largest = sorted(mine, key=lambda n: (mine[n], n))[-2:]
    old, new = ordered([agendas[k] for k in largest])
    diff_times = []
    for _ in range(3):
        t0 = time.perf_counter()
        changes = diff(old, new)
        diff_times.append(time.perf_counter() - t0)

    # What one cache lookup of macros.site.site costs (it runs several times per page in a build).
    fingerprint_s = None
    if callable(getattr(site_module, "_fingerprint", None)):
        t0 = time.perf_counter()
        state = site_module._fingerprint(policy)
        fingerprint_s = time.perf_counter() - t0
        # Rendering the baseline below calls the macros once per page, and each call
        # would take this fingerprint again; it is reported separately, so skip it here.
        site_module._fingerprint = lambda _folder: state

    # The baseline: the same pages, rendered once by our macros, as plain Markdown files.
    site_module.load_versions = lambda _policy: (sources, [])  # reuse the checked sources
    t0 = time.perf_counter()
    site = site_module.load_site(policy, MUNICIPALITY, CURRENT)
    load_site_s = time.perf_counter() - t0

    class Env:
        def __init__(self):
            self.macros, self.conf, self.page = {}, {"extra": {"agenda": {"policy": "policy",
                                                                           "municipality": MUNICIPALITY,
                                                                           "version": CURRENT}},
                                                      "config_file_path": str(project_dir / "mkdocs.yml")}, None

        def macro(self, fn):
            self.macros[fn.__name__] = fn
            return fn

    env = Env()
    entry.define_env(env)
    jinja = jinja2.Environment()
    docs = Path(baseline) / "docs"
    docs.mkdir(parents=True)
    pages = [(p.path, p.source) for p in site.pages]
    for md in sorted((project_dir / "docs").rglob("*.md")):
        pages.append((md.relative_to(project_dir / "docs").as_posix(), md.read_text(encoding="utf-8")))
    t0 = time.perf_counter()
    md_bytes = 0
    for path, source in pages:
        front = ""
        if source.startswith("---\n"):
            end = source.index("\n---\n", 4) + 5
            front, source = source[:end], source[end:]
        if "{{" in source:
            env.page = type("Page", (), {"file": type("File", (), {"src_uri": path})()})()
            source = jinja.from_string(source).render(**env.macros)
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(front + source, encoding="utf-8")
        md_bytes += len(source)
    render_s = time.perf_counter() - t0
    # The baseline is our own mkdocs.yml (same theme, features, palette,
    # overrides, CSS, JavaScript, Markdown extensions) without what this
    # project adds: the hooks and the macros plugin.
    from mkdocs.utils.yaml import yaml_load

    with open(project_dir / "mkdocs.yml", encoding="utf-8") as handle:
        config = yaml_load(handle)
    config["site_name"] += " (baseline)"
    for key in ("hooks", "watch"):
        config.pop(key, None)
    config["plugins"] = [p for p in config.get("plugins", []) if "macros" not in (p if isinstance(p, str) else p)]
    for extra in sorted((project_dir / "docs").rglob("*")):
        if extra.is_file() and extra.suffix != ".md":
            target = docs / extra.relative_to(project_dir / "docs")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(extra, target)
    custom_dir = (config.get("theme") or {}).get("custom_dir")
    if custom_dir:
        shutil.copytree(project_dir / custom_dir, Path(baseline) / custom_dir, dirs_exist_ok=True)
    if baseline_nav == "same":
        config["nav"] = build_nav(site.agenda, EXTRA_NAV, site.versions)
    (Path(baseline) / "mkdocs.yml").write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
    return {
        "items": items,
        "versions": len(sources),
        "load_versions_s": times[0],
        "load_versions_warm_s": times[1],
        "build_agendas_s": build_s,
        "items_per_version": per_version,
        "diff_pair": [old.id, new.id],
        "diff_s": statistics.median(diff_times),
        "diff_runs_s": diff_times,
        "diff_changes": len(changes),
        "load_site_rest_s": load_site_s,
        "fingerprint_s": fingerprint_s,
        "policy_files": sum(1 for _ in policy.rglob("*.y*ml")),
        "render_markdown_s": render_s,
        "pages": len(pages),
        "markdown_bytes": md_bytes,
        "actions": len(site.agenda.actions),
        "partners": len(site.agenda.partners),
        "themes": len(site.agenda.themes),
    }


def rebuild(project: str, out_dir: str) -> dict:
    """What `mkdocs serve` does: a first build, then a rebuild per change, in one process."""
    import logging

    import yaml
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from macros.site.site import load_site, settings

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    project_dir = Path(project)
    os.chdir(project_dir)
    cfg = str(project_dir / "mkdocs.yml")
    serve_url = "http://127.0.0.1:8000/"

    def get_config():
        config = load_config(config_file=cfg, site_dir=out_dir)
        config.site_url = serve_url
        return config

    result = {}
    t0 = time.perf_counter()
    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url=serve_url, dirty=False)
    result["first_build_s"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    build(get_config(), serve_url=serve_url, dirty=False)
    result["rebuild_unchanged_s"] = time.perf_counter() - t0

    target = sorted((project_dir / "policy" / MUNICIPALITY / CURRENT).glob("uitvoeringsagenda*.yaml"))[0]
    result["edited_file"] = target.relative_to(project_dir).as_posix()

    def edit(n: int) -> None:
        text = target.read_text(encoding="utf-8")
        # the first action's title (block list items, one line per value: see policy_yaml)
        new, count = re.subn(r'^(    title: )(.*)$', lambda m: m.group(1) + json.dumps(
            str(yaml.safe_load(m.group(2))) + f" (wijziging {n})", ensure_ascii=False), text, count=1, flags=re.M)
        if not count:
            raise SystemExit(f"no action title to edit in {target}")
        target.write_text(new, encoding="utf-8")

    edit(1)
    t0 = time.perf_counter()
    load_site(*settings(get_config()))
    result["reload_policy_s"] = time.perf_counter() - t0

    edit(2)
    t0 = time.perf_counter()
    build(get_config(), serve_url=serve_url, dirty=False)
    result["rebuild_s"] = time.perf_counter() - t0
    config.plugins.on_shutdown()
    return result


def profile(project: str, out_dir: str, report: str) -> dict:
    import cProfile
    import io
    import logging
    import pstats

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    os.chdir(project)
    config = load_config(config_file=str(Path(project) / "mkdocs.yml"), site_dir=out_dir)
    config.plugins.on_startup(command="build", dirty=False)
    profile = cProfile.Profile()
    t0 = time.perf_counter()
    profile.enable()
    build(config)
    profile.disable()
    wall = time.perf_counter() - t0
    stats = pstats.Stats(profile)
    buf = io.StringIO()
    stats.stream = buf
    buf.write(f"in-process mkdocs build under cProfile: {wall:.1f} s\n\n=== by cumulative time ===\n")
    stats.sort_stats("cumulative").print_stats(60)
    buf.write("\n=== by own time ===\n")
    stats.sort_stats("tottime").print_stats(40)
    buf.write("\n=== our functions (macros/), by cumulative time ===\n")
    stats.sort_stats("cumulative").print_stats(r"/macros/", 40)
    Path(report).write_text(buf.getvalue(), encoding="utf-8")
    ours = sorted(((v[3], f"{Path(k[0]).name}:{k[1]}({k[2]})") for k, v in stats.stats.items() if "/macros/" in k[0]),
                  reverse=True)[:15]
    return {"profile_wall_s": wall, "report": report, "top_ours_cumulative": [(round(t, 2), f) for t, f in ours]}


MODES = {"inproc": inproc, "rebuild": rebuild, "profile": profile}


def main(mode: str, *args: str) -> int:
    print(json.dumps(MODES[mode](*args)))
    return 0
