"""Which files of a folder may be read: regular files and folders inside it, nothing else.

Policy files arrive in pull requests, also from strangers. A symbolic link
(to a file or to a folder), a device, a named pipe or a socket committed
among them could make a check read, print or publish something outside the
repository, or wait forever. Such entries are never followed or opened: they
are reported by name (the link, never its target) and left alone.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from macros.policy.problems import Problem

SYMLINK = ("is a symbolic link (a shortcut to another file or folder); it is not read",
           "put the file or folder itself here, not a link to it")
SPECIAL = ("is not a regular file or folder (a device, pipe or socket); it is not read",
           "remove it: only text files and folders belong here")
OUTSIDE = ("is reached through a symbolic link; it is not read",
           "give the folder itself, not a link to it")


class Refused(Exception):
    """A path that may not be read; `problem` names it."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def refusal(display: str, mode: int) -> Problem | None:
    """The problem with an entry of this lstat() mode, or None for a regular file or folder."""
    if stat.S_ISLNK(mode):
        return Problem(display, 0, 0, *SYMLINK)
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return Problem(display, 0, 0, *SPECIAL)
    return None


def walk(root: Path, show=lambda p: p.as_posix()) -> tuple[list[Path], list[Problem]]:
    """Every regular file below `root` (sorted), and a problem for every other entry.

    Symbolic links are neither followed nor opened; folders are entered only
    when they are real folders, so nothing outside `root` is ever reached.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    pending = [Path(root)]
    while pending:
        folder = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as err:
            problems.append(Problem(show(folder), 0, 0, f"this folder cannot be read ({err.strerror})",
                                    "check that the folder exists and may be read"))
            continue
        for entry in entries:
            path = folder / entry.name
            try:
                mode = entry.stat(follow_symlinks=False).st_mode
            except OSError:
                continue  # vanished while we looked
            if stat.S_ISDIR(mode):
                pending.append(path)
            elif stat.S_ISREG(mode):
                files.append(path)
            else:
                problems.append(refusal(show(path), mode))
    files.sort()
    return files, problems


def check_path(path: Path, show=lambda p: p.as_posix()) -> Problem | None:
    """A problem when `path` (a folder given on the command line or in a
    configuration) is, or passes through, a symbolic link below the working
    folder, or is no folder at all."""
    path = Path(path)
    here = Path.cwd()
    absolute = path if path.is_absolute() else here / path
    try:
        inside = absolute.relative_to(here)
        steps = [here.joinpath(*inside.parts[:i + 1]) for i in range(len(inside.parts))]
    except ValueError:
        steps = [absolute]
    for step in steps:
        try:
            mode = os.lstat(step).st_mode
        except OSError:
            return None  # missing: the caller says so in its own words
        if stat.S_ISLNK(mode):
            return Problem(show(path), 0, 0, *(SYMLINK if step == absolute else OUTSIDE))
    return None


def read_regular(path: Path, display: str, limit: int) -> bytes:
    """The bytes of a regular file, at most `limit` + 1 of them.

    Raises Refused for a symbolic link or a special file. The file is opened
    without following a link and without waiting (a named pipe would block),
    and checked again once open, so it cannot be swapped in between.
    """
    try:
        mode = os.lstat(path).st_mode
    except OSError as err:
        raise Refused(Problem(display, 0, 0, f"this file cannot be read ({err.strerror})",
                              "check that the file exists and may be read")) from None
    problem = refusal(display, mode)
    if problem is None and stat.S_ISDIR(mode):
        problem = Problem(display, 0, 0, "is a folder, not a file", "give the path of a YAML file")
    if problem:
        raise Refused(problem)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        raise Refused(Problem(display, 0, 0, *SYMLINK) if os.path.islink(path) else
                      Problem(display, 0, 0, f"this file cannot be read ({err.strerror})",
                              "check that the file exists and may be read")) from None
    try:
        problem = refusal(display, os.fstat(fd).st_mode)
        if problem:
            raise Refused(problem)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
