"""Reading YAML: every malformed or unsafe input gets file:line:column and a hint."""

from pathlib import Path

import pytest

from macros.policy.load import load_file


def load(tmp_path: Path, content: bytes | str, name: str = "x.yaml"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    loaded, problems = load_file(path, display=name)
    return loaded, [str(p) for p in problems]


def test_positions_of_values_and_keys_are_recorded(tmp_path):
    loaded, problems = load(tmp_path, "kind: theme\npillars:\n  - id: a\n    title: B\n")
    assert problems == []
    assert loaded.where(("pillars", 0, "title")) == (4, 12)
    assert loaded.where(("pillars", 0, "title"), key=True) == (4, 5)


def test_duplicate_key_is_an_error_with_both_lines(tmp_path):
    _, problems = load(tmp_path, "kind: theme\ntitle: A\nid: x\ntitle: B\n")
    assert problems == ["x.yaml:4:1: the key 'title' appears twice in the same block\n"
                        "    hint: the first 'title' is on line 2; keep one of them (YAML would silently drop the first)"]


def test_tab_indentation(tmp_path):
    _, problems = load(tmp_path, "kind: theme\nsource:\n\tdocument: x\n")
    assert problems == ["x.yaml:3:1: a tab character is used for indentation\n"
                        "    hint: YAML only allows spaces for indentation: replace the tab by spaces"]


def test_unclosed_quote(tmp_path):
    _, problems = load(tmp_path, 'kind: theme\ntitle: "Jeugd\nid: x\n')
    # reported where the quote opens, not where YAML notices
    assert problems == ['x.yaml:2:8: a quoted text is opened but never closed\n'
                        '    hint: add the closing quote (") at the end of the text']


def test_bad_indentation(tmp_path):
    _, problems = load(tmp_path, "kind: theme\npillars:\n  - id: a\n   title: b\n")
    assert problems == ["x.yaml:4:4: the indentation is inconsistent here\n"
                        "    hint: align this line with the other keys at the same level (use spaces, 2 per level)"]


def test_empty_file(tmp_path):
    _, problems = load(tmp_path, "# only a comment\n\n")
    assert problems == ["x.yaml:1:1: the file is empty\n"
                        "    hint: start the file with 'kind: ...' (see policy/README.md), or delete it"]


def test_byte_order_mark(tmp_path):
    _, problems = load(tmp_path, b"\xef\xbb\xbfkind: theme\n")
    assert problems == ["x.yaml:1:1: the file starts with a byte order mark (BOM)\n"
                        "    hint: save the file as 'UTF-8' (without BOM) in your editor"]


def test_not_utf8(tmp_path):
    _, problems = load(tmp_path, "kind: theme\ntitle: Caf\u00e9\n".encode("latin-1"))
    assert problems[0].startswith("x.yaml:2:11: the file is not valid UTF-8 text (byte 0xe9)")


def test_billion_laughs_is_refused_before_expansion(tmp_path):
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(1, 10):
        bomb += f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{chr(96 + i)}"] * 9) + "]\n"
    _, problems = load(tmp_path, bomb)
    assert problems == ["x.yaml:1:4: YAML anchors (&name) and aliases (*name) are not allowed\n"
                        "    hint: write the text out in full where it is needed"]


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system ['echo hi']", "!!python/name:os.system", "!custom x"])
def test_object_tags_are_refused(tmp_path, tag):
    loaded, problems = load(tmp_path, f"kind: theme\ntitle: {tag}\n")
    assert problems[0].startswith("x.yaml:2:8: the YAML tag '")
    assert "is not allowed" in problems[0]


def test_dates_stay_text(tmp_path):
    loaded, problems = load(tmp_path, "kind: version\ndate: 2023-10-12\n")
    assert problems == [] and loaded.data["date"] == "2023-10-12"


def test_control_characters_get_a_position_not_a_traceback(tmp_path):
    _, problems = load(tmp_path, "kind: theme\ntitle: Jeugd\x1b[31m\n")
    assert problems == ["x.yaml:2:13: the file contains an escape character (U+001B), which YAML does not allow\n"
                        "    hint: delete it (it is invisible in most editors; it often comes with text copied from a PDF)"]


@pytest.mark.parametrize("content, position", [
    ("kind: theme\ntitle: " + "[" * 200_000 + "]" * 200_000 + "\n", "2:57"),  # flow: libyaml's composer crashed
    ("kind: theme\ntitle:\n" + "- " * 300_000 + "x\n", "3:99"),                  # block, on one line
    ("kind: theme\ntitle: " + "{a: " * 100_000 + "\n", "2:204"),                 # unclosed: the error would come at the end
], ids=["flow", "block", "unclosed"])
def test_deep_nesting_is_refused_before_the_composer_sees_it(tmp_path, content, position):
    _, problems = load(tmp_path, content)
    assert problems == [f"x.yaml:{position}: the values are nested too deeply (more than 50 levels)\n"
                        "    hint: a policy file needs only a few levels of lists and blocks: check the brackets and "
                        "indentation here"]


def test_limits_on_keys(tmp_path):
    _, problems = load(tmp_path, "kind: theme\n" + "k" * 500 + ": x\n")
    assert problems[0].startswith("x.yaml:2:1: a key is too long (500 characters; at most 100): 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkk…'")
    _, problems = load(tmp_path, "kind: theme\n" + "".join(f"k{i}: x\n" for i in range(2000)))
    assert problems == ["x.yaml:1001:1: a block holds too many keys (more than 1,000)\n"
                        "    hint: split it into several blocks or files"]


def test_several_documents_and_merge_keys(tmp_path):
    _, problems = load(tmp_path, "kind: theme\n---\nkind: theme\n")
    assert problems == ["x.yaml:2:1: the file holds more than one YAML document\n"
                        "    hint: remove the '---' or '...' line here: one file holds one document"]
    _, problems = load(tmp_path, "kind: theme\nsource: {document: x}\n<<: {section: '1'}\n")
    assert problems == ["x.yaml:3:1: YAML merge keys ('<<') are not allowed\n    hint: write the keys out in full"]


def test_a_symbolic_link_is_named_and_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (tmp_path / "x.yaml").symlink_to(secret)
    loaded, problems = load_file(tmp_path / "x.yaml", display="x.yaml")
    assert loaded.data is None and loaded.text == ""
    assert [str(p) for p in problems] == ["x.yaml: is a symbolic link (a shortcut to another file or folder); it is not read\n"
                                          "    hint: put the file or folder itself here, not a link to it"]


def test_a_named_pipe_is_refused_without_waiting(tmp_path):
    import os
    os.mkfifo(tmp_path / "x.yaml")
    _, problems = load_file(tmp_path / "x.yaml", display="x.yaml")
    assert str(problems[0]).startswith("x.yaml: is not a regular file or folder (a device, pipe or socket)")


def test_the_original_text_of_a_value_is_kept_for_messages(tmp_path):
    loaded, problems = load(tmp_path, "kind: theme\nstatus: no\nnumber: 1.10\ntitle: Nee\n")
    assert problems == [] and loaded.data["status"] is False and loaded.data["number"] == 1.1
    assert loaded.written(("status",)) == "no" and loaded.written(("number",)) == "1.10"
    assert loaded.written(("title",)) is None


def test_problems_of_one_file_are_listed_up_to_a_limit(tmp_path):
    _, problems = load(tmp_path, "kind: theme\n" + "a: x\n" * 30_000)
    assert len(problems) == 101 and problems[0].startswith("x.yaml:3:1: the key 'a' appears twice in the same block")
    assert problems[-1] == ("x.yaml:103:1: more problems follow in this file (only the first 100 are listed)\n"
                            "    hint: fix these first, then check again")
