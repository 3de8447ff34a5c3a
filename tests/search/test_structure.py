"""The search modules import downwards only: no cycle, not even through a function's import."""

import ast
from pathlib import Path

import archive.search

PACKAGE = Path(archive.search.__file__).parent


def module_name(path):
    parts = ["archive", "search", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path, name, modules):
    """Search modules that `path` imports anywhere in it (functions included). `from package
    import module` imports the module (the package's own code runs first in any case)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
    return found


def graph():
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    edges = {}
    for name, path in modules.items():
        targets = {t for t in imported(path, name, modules) if t in modules and t != name}
        # A module inside a package imports that package's __init__ too.
        edges[name] = targets | {
            parent
            for t in targets
            for parent in [t.rpartition(".")[0]]
            if parent in modules and parent != name and not name.startswith(parent + ".")
        }
    return edges


def cycle(edges):
    state = {}

    def visit(node, trail):
        state[node] = "open"
        for target in sorted(edges[node]):
            if state.get(target) == "open":
                return [*trail, node, target]
            if target not in state and (found := visit(target, [*trail, node])):
                return found
        state[node] = "done"
        return None

    for node in sorted(edges):
        if node not in state and (found := visit(node, [])):
            return found
    return None


def test_the_graph_sees_imports_inside_functions():
    edges = graph()
    # documents reads declarations inside a function; a graph that missed it would miss cycles.
    assert "archive.search.declarations" in edges["archive.search.documents"]
    assert "archive.search.backends.tantivy_backend" in edges["archive.search.backends"]


def test_no_import_cycle_between_search_modules():
    assert cycle(graph()) is None


def test_backends_never_import_indexing_nor_the_package():
    edges = graph()
    for name, targets in edges.items():
        if name.startswith("archive.search.backends"):
            assert "archive.search.indexing" not in targets, name
            assert "archive.search" not in targets, name
