"""Kept only for `macros.print.render_print_diff`, which imports these two from
here; their home is `macros.compare.groups`. Remove this module once the print
code imports them from there."""

from macros.compare.groups import change_groups, old_title

__all__ = ["change_groups", "old_title"]
