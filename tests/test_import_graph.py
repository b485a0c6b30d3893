"""The import graph runs one way: every import of the package, at module level or inside a
function, goes from a part to a part below it (or within one part), and there is no cycle.

The parts, bottom to top, are the flow of docs/architecture.md. The store reads
records and nothing else: it sits right above the bottom layer, so an import of the
pipeline, a stage or a reader from the store is an arrow against the flow.
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsgraph"

# bottom to top; a module belongs to the longest part that prefixes its dotted name
PARTS = [
    "version", "records", "errors", "keys", "options", "limits",   # the bottom: data model, catalogue, options, keys
    "store",                                                 # reads ArticleRecords only
    "clean", "ingest",                                       # page cleaning; readers -> RawDocument
    "language",                                              # which articles the English stages run on
    "paragraphs", "timex", "entities", "quotes", "events", "profiles",   # the stages, in pipeline order
    "nlp",                                                   # the model and the one assembly
    "pipeline",                                              # prepare -> nlp.pipe -> record_from_doc; the pool
    "tables", "corpus", "evaluate", "distributed",           # above both pipeline and store
    "cli_options", "web", "store_cli", "web_cli", "cli",     # the faces
    "",                                                      # newsgraph/__init__.py: the lazy public API
]


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE).with_suffix("")
    parts = [p for p in rel.parts if p != "__init__"]
    return ".".join(parts)


def part_of(module: str) -> int:
    best = len(PARTS) - 1 if module == "" else None
    for i, part in enumerate(PARTS):
        if part and (module == part or module.startswith(part + ".")):
            best = i
    assert best is not None, f"module {module!r} is in no part: add it to PARTS (and docs/architecture.md)"
    return best


def imports_of(path: Path) -> set[str]:
    """Every newsgraph module the file imports, anywhere in it (relative or absolute)."""
    me = module_name(path)
    package = me.split(".") if path.name == "__init__.py" else me.split(".")[:-1]
    package = [p for p in package if p]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - (node.level - 1)] if node.level > 1 else package
                target = base + (node.module.split(".") if node.module else [])
            elif node.module and (node.module == "newsgraph" or node.module.startswith("newsgraph.")):
                target = node.module.split(".")[1:]
            else:
                continue
            for alias in node.names:  # "from . import quotes" imports a module; "from .x import y" takes x
                sub = ".".join(target + [alias.name])
                found.add(sub if _is_module(sub) else ".".join(target))
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name == "newsgraph" or a.name.startswith("newsgraph."):
                    found.add(".".join(a.name.split(".")[1:]))
    found.discard(me)
    return {_existing(m) for m in found}


def _is_module(dotted: str) -> bool:
    p = PACKAGE.joinpath(*dotted.split(".")) if dotted else PACKAGE
    return p.with_suffix(".py").is_file() or (p / "__init__.py").is_file()


def _existing(dotted: str) -> str:
    """The module a dotted name lives in (a name imported from a module is that module)."""
    parts = dotted.split(".") if dotted else []
    while parts and not _is_module(".".join(parts)):
        parts.pop()
    return ".".join(parts)


def graph() -> dict[str, set[str]]:
    return {module_name(p): imports_of(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_every_module_is_in_a_part():
    for module in graph():
        part_of(module)


def test_no_import_runs_against_the_flow():
    wrong = []
    for module, targets in graph().items():
        for target in targets:
            same_package = target.split(".")[0] == module.split(".")[0] and module
            if part_of(target) > part_of(module) and not same_package:
                wrong.append(f"{module or 'newsgraph'} -> {target or 'newsgraph'}")
    assert wrong == [], "imports against the flow (see docs/architecture.md): " + ", ".join(sorted(wrong))


def test_no_cycles():
    g = graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(g.get(node, ())):
            # a package's __init__ re-exporting its own modules is not a cycle of the flow
            if node and nxt.startswith(node + "."):
                continue
            if state.get(nxt) == 1:
                cycles.append(path[path.index(nxt):] + [nxt] if nxt in path else path + [nxt])
            elif state.get(nxt) is None:
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in sorted(g):
        if state.get(node) is None:
            visit(node, [node])
    assert cycles == [], "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_the_walker_sees_imports_inside_functions(tmp_path):
    """The test itself: a relative import hidden in a function body is found."""
    src = PACKAGE / "store" / "ingest.py"
    assert "records" in imports_of(src)
    assert not any(t.startswith(("pipeline", "nlp", "quotes", "entities", "timex")) for t in imports_of(src))
    assert {"pipeline", "store.ingest", "store.db"} <= imports_of(PACKAGE / "corpus.py")
