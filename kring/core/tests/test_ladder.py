"""Kring is a one-way ladder: an app imports only the apps below it, never looks a model up by
name, and no two modules import each other (directly or around a circle)."""

import ast
from pathlib import Path

from kring.core.ladder import LADDER, PROJECT_MODULES

KRING = Path(__file__).resolve().parents[2]


def _modules():
    """Every module under kring/ (migrations excepted) by its dotted name."""
    found = {}
    for path in sorted(KRING.rglob("*.py")):
        parts = path.relative_to(KRING.parent).with_suffix("").parts
        if "migrations" in parts:
            continue
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(name, path, known):
    """The kring modules a module imports, wherever in the file the import stands."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                targets.add(sub if sub in known else base)
    return {_known_module(t, known) for t in targets if t.startswith("kring")} - {None}


def _known_module(target, known):
    while target and target not in known:
        target = target.rpartition(".")[0]
    return target or None


def _app(module):
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LADDER else None


def _graph():
    known = _modules()
    return known, {name: _imports(name, path, known) for name, path in known.items()}


def uphill_imports():
    _, graph = _graph()
    found = []
    for module, targets in graph.items():
        own = _app(module)
        if module in PROJECT_MODULES or own is None:
            continue
        for target in targets:
            other = _app(target)
            if other and LADDER.index(other) > LADDER.index(own):
                found.append(f"{module} imports {target}")
    return sorted(found)


def name_lookups():
    """Calls of ``get_model(...)``: a model reached by its name hides an import from this test."""
    found = []
    for name, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Call):
                func = node.func
                called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if called in {"get_model", "get_models"}:
                    found.append(f"{name}:{node.lineno}")
    return found


def circles():
    """Import cycles, each as the list of modules around it (strongly connected components)."""
    _, graph = _graph()
    index, low, stack, on_stack, result = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph.get(node, ()):
                result.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return result


def test_every_app_is_on_the_ladder():
    apps = {p.name for p in KRING.iterdir() if (p / "apps.py").exists() or (p / "models.py").exists()}
    assert apps <= set(LADDER), f"apps missing from kring/core/ladder.py: {sorted(apps - set(LADDER))}"


def test_no_app_imports_an_app_above_it():
    assert uphill_imports() == []


def test_no_model_is_looked_up_by_name():
    assert name_lookups() == []


def test_no_two_modules_import_each_other():
    assert circles() == []
