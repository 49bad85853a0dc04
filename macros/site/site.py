"""Build the model of the configured version once, for hooks and macros alike.

The policy is loaded, checked, turned into the model and indexed here; the
result is cached per configuration and per state of the policy files, so
`mkdocs serve` picks up edits while one build never loads twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from macros.compare.history import version_history
from macros.policy.index import Index, build_index
from macros.policy.model import Agenda, build_agenda
from macros.site.pages import PageSpec, build_pages
from macros.policy.files import check_path, walk
from macros.policy.problems import PolicyError, Problem
from macros.site.settings import agenda_settings
from macros.site.render import Renderer
from macros.policy.sources import version_texts
from macros.policy.validate import load_versions, reusing_files
from macros.policy.versions import current_version, ordered


@dataclass(frozen=True)
class Site:
    agenda: Agenda
    index: Index
    pages: tuple[PageSpec, ...]
    renderer: Renderer
    versions: tuple[Agenda, ...] = ()  # all versions of the municipality, oldest first
    current: Agenda | None = None  # the version in force
    current_pages: frozenset[str] = frozenset()  # page paths of the version in force

    @cached_property
    def page_by_path(self) -> dict[str, PageSpec]:
        return {p.path: p for p in self.pages}


_CACHE: dict[tuple, Site] = {}
_FAILED: dict[tuple, PolicyError] = {}
_LAST_GOOD: dict[tuple, Site] = {}  # per (policy, municipality, version): for the preview server


def settings(config) -> tuple[Path, str, str, str]:
    """(policy folder, municipality, version, template folder) from mkdocs.yml's
    `extra.agenda` (checked: `macros.site.settings`); folders are relative to that
    mkdocs.yml. The template folder ("" when the site has none) holds the site's own
    versions of templates. Raises PolicyError for an unknown key or a wrong value."""
    s = agenda_settings(config)
    return s.policy, s.municipality, s.version, s.templates


def _fingerprint(folder: Path) -> tuple:
    """The state of the policy files and of the source texts they are checked against.

    Never through a link (lstat): a dangling or hostile link must not stop the preview."""
    import os
    found = []
    for path in [*walk(folder)[0], *walk(folder.parent / "sources")[0]]:
        if path.suffix in (".yaml", ".yml", ".txt"):
            try:
                info = os.lstat(path)
            except OSError:
                continue
            found.append((str(path), info.st_mtime_ns, info.st_size))
    return tuple(found)


def check_site_folders(config) -> list[Problem]:
    """Symbolic links and special files in the folders mkdocs publishes or
    renders from (`docs_dir`, the theme's `custom_dir`, e.g. overrides/).

    mkdocs itself follows links there: a link to a file outside the
    repository would be copied into the site, or read as a template.
    """
    from macros.policy.load import display_name

    folders = [config["docs_dir"], getattr(config["theme"], "custom_dir", None)]
    problems = []
    for folder in filter(None, folders):
        refused = check_path(Path(folder), display_name)
        if refused:
            problems.append(refused)
            continue
        problems += walk(Path(folder), display_name)[1]
    return sorted(problems)


def load_site(policy: Path, municipality: str, version: str, templates: str = "") -> Site:
    """Check the whole policy folder, then build the site of one version.

    Raises PolicyError with every problem when anything is wrong, so that
    nothing is published from a policy that does not validate.
    """
    key = (str(policy), municipality, version, templates, _fingerprint(policy))
    if key in _CACHE:
        return _CACHE[key]
    if key in _FAILED:  # checked once per state of the files, not once per page
        raise _FAILED[key]
    sources, problems = load_versions(policy)
    if problems:
        _FAILED.clear()
        _FAILED[key] = PolicyError(problems)
        raise _FAILED[key]
    chosen = [s for s in sources if s.folder.name == version and s.folder.parent.name == municipality]
    if not chosen:
        known = ", ".join(f"{s.folder.parent.name}/{s.folder.name}" for s in sources)
        raise PolicyError([Problem("mkdocs.yml", 1, 1, f"extra.agenda names version '{municipality}/{version}', "
                                   "which is not in the policy folder", f"choose one of: {known}")])
    siblings = [s for s in sources if s.folder.parent.name == municipality]
    agendas = {s.folder.name: _agenda(s) for s in siblings}
    agenda = agendas[version]
    versions = tuple(ordered(list(agendas.values())))
    current = current_version(list(versions))
    index = build_index(agenda)
    folder = next(s.folder for s in chosen)
    history = version_history(folder, chosen[0].municipality.data)
    texts = version_texts(folder, agenda.documents)
    site = Site(agenda, index, tuple(build_pages(agenda, versions)),
                Renderer(agenda, index, versions, current, history, templates, texts),
                versions, current, frozenset(p.path for p in build_pages(current, versions)))
    _CACHE.clear()
    _CACHE[key] = site
    _LAST_GOOD[key[:4]] = site
    return site


_AGENDAS: dict[str, tuple] = {}  # version folder -> (ids of its loaded files, those files, model)


def _agenda(source) -> Agenda:
    """The model of one version, built again only when one of its loaded files is
    new: while previewing, unchanged files come back as the same objects
    (validate.reuse_unchanged_files), so an edit rebuilds one version's model."""
    if not reusing_files():
        # A one-shot build reads every file once: keeping the files (their text and data,
        # for every version) would only hold memory until the build ends.
        return build_agenda(source.municipality.data, [f.data for f in source.files])
    files = (source.municipality, *source.files)
    key = tuple(id(f) for f in files)
    found = _AGENDAS.get(str(source.folder))
    if found is not None and found[0] == key:
        return found[2]
    agenda = build_agenda(source.municipality.data, [f.data for f in source.files])
    _AGENDAS[str(source.folder)] = (key, files, agenda)  # the files are kept so their ids stay theirs
    return agenda


def downloads(config) -> dict:
    """Sizes of the PDF downloads, put in the configuration by `agenda build`
    (which makes them before the pages); empty in a plain build or preview."""
    return agenda_settings(config).downloads


def last_good_site(config) -> Site | None:
    """The last site of this configuration that passed validation, if any."""
    policy, municipality, version, templates = settings(config)
    return _LAST_GOOD.get((str(policy), municipality, version, templates))


_FOR_BUILD: dict[int, tuple] = {}  # id(config) -> (config, site): one lookup per page, not a scan of the files


def site_for_config(config) -> Site:
    """The site of this configuration, loaded once per build (each build, also
    each rebuild of `mkdocs serve`, has its own config object). While
    previewing, a policy that fails validation yields the last good site."""
    found = _FOR_BUILD.get(id(config))
    if found is not None and found[0] is config:
        return found[1]
    try:
        site = load_site(*settings(config))
    except PolicyError:
        if KEEP_LAST_GOOD["on"] and last_good_site(config) is not None:
            return last_good_site(config)
        raise
    return remember(config, site)


def remember(config, site: Site) -> Site:
    """Use `site` for every page of the build that `config` belongs to."""
    _FOR_BUILD.clear()
    _FOR_BUILD[id(config)] = (config, site)
    return site


KEEP_LAST_GOOD = {"on": False}
