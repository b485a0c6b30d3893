"""One error catalogue (newsgraph.errors) for the core, the store and the web."""
from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

from newsgraph.errors import MESSAGES, E, NewsgraphError

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsgraph"
REPO = PACKAGE.parents[1]
CODE = re.compile(r"\bE\d{3}\b")
CODE_LIKE = re.compile(r"\bE\d{1,3}\b")            # also the start of a code built at run time ("E2" + ...)
NOQA = re.compile(r"noqa:?[\sA-Z0-9,]*")           # linter codes in comments are not ours


def test_every_code_is_unique_and_has_a_message():
    members = E.__members__                         # includes aliases: a repeated value would be one
    assert len({m.value for m in members.values()}) == len(members)
    assert all(re.fullmatch(r"E\d{3}", m.value) for m in members.values())
    assert set(MESSAGES) == set(E)


@pytest.mark.parametrize("code", list(E))
def test_every_message_fills_in(code):
    names = {name for _, name, _, _ in __import__("string").Formatter().parse(MESSAGES[code]) if name}
    err = NewsgraphError(code, **{n: f"<{n}>" for n in names})
    assert "{" not in err.message and err.message == err.to_dict()["error"]["message"]
    assert err.to_dict()["error"]["code"] == code.value


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def _sources():
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 30
    return [f for f in files if f.name != "errors.py" or f.parent != PACKAGE]


def test_no_code_is_written_outside_the_catalogue():
    """Code literals in strings (or the start of one computed at run time) are refused;
    codes named in comments and docstrings must exist."""
    known = {m.value for m in E}
    written, unknown = [], []
    for path in _sources():
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) in docs:
                    unknown += [(path.name, c) for c in CODE.findall(node.value) if c not in known]
                elif CODE_LIKE.search(node.value):
                    written.append((path.name, node.lineno, node.value[:60]))
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.COMMENT:
                unknown += [(path.name, c) for c in CODE.findall(NOQA.sub("", tok.string)) if c not in known]
    assert written == []
    assert unknown == []


def test_templates_and_docs_name_only_catalogue_codes():
    known = {m.value for m in E}
    texts = [p for p in (PACKAGE / "web" / "templates").rglob("*.html")] + [REPO / "README.md"] + \
        sorted((REPO / "docs").glob("*.md"))
    unknown = [(p.name, c) for p in texts if p.is_file() for c in CODE.findall(p.read_text(encoding="utf-8"))
               if c not in known]
    assert unknown == []


def test_the_walk_finds_a_written_code(tmp_path):
    """The check above is not vacuous: a handler writing a code, or building one, is caught."""
    for snippet in ('raise WebError(404, "E104", "no such thing")\n', 'code = f"E2{status % 100:02d}"\n'):
        tree = ast.parse(snippet)
        found = [n for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                 and CODE_LIKE.search(n.value)]
        assert found, snippet
