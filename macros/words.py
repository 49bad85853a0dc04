"""The Dutch words shown to residents that are not policy data, in one place.

Templates read them as `words` (`{{ words.source }}`); Python code that
writes text for people (the `agenda diff` report, the feed, PDFs) imports
them from here. Words that differ per municipality (what it calls its
themes) are policy data in `policy/<name>/municipality.yaml`, not here.
"""

from __future__ import annotations

WORDS: dict[str, str] = {
    # --- shared by pages and print -----------------------------------------------------
    "source": "Bron",
}
