"""The shape of the code, read from its syntax trees (nothing is imported): no import cycle, the
layers import only downwards, stages do no I/O, functions and modules stay short, and no stage keeps
per-document state at module level.

Imports are read wherever they are written (inside functions too, and under `if TYPE_CHECKING`).
`import a.b.c` and `from a.b import c` (c a module) are edges to `a.b.c` and to every package
above it whose `__init__` the import runs (all but the importer's own packages, which are already
running); `from a.b import name` (name not a module) is an edge to `a.b`, its `__init__`.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "rasid"
MAX_FUNCTION_LINES = 40
MAX_MODULE_LINES = 500

TEXT_MAY_NOT_IMPORT = ("rasid.stages", "rasid.kb", "rasid.store", "rasid.cli", "rasid.ner", "rasid.corpus",
                       "rasid.export", "rasid.ingest", "rasid.batch", "rasid.pipeline")
STORE_MAY_NOT_IMPORT = ("rasid.stages", "rasid.pipeline")
IO_MODULES = ("os", "sys", "io", "pathlib", "shutil", "subprocess", "sqlite3", "socket", "urllib", "requests")
IO_CALLS = ("open", "print", "input")
IO_STREAMS = ("stdout", "stderr", "stdin")
MUTABLE_CALLS = ("dict", "list", "set", "defaultdict", "OrderedDict", "Counter", "deque")
#: The edge: the only modules that read or write the process environment (RASID_* and the like).
ENVIRONMENT_EDGE = ("rasid.config", "rasid.cli")


@dataclass(frozen=True)
class Module:
    name: str
    path: Path
    is_package: bool
    tree: ast.Module

    @property
    def where(self) -> str:
        depth = len(self.name.split(".")) - (0 if self.is_package else 1)
        return str(self.path.relative_to(self.path.parents[depth]))


def load_modules(root: Path) -> dict[str, Module]:
    """Every module of the package at `root`, by dotted name (a package by its own name)."""
    modules = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        modules[name] = Module(name, path, is_package, ast.parse(path.read_text(encoding="utf-8"), str(path)))
    return modules


def imported_names(module: Module) -> list[tuple[str, int]]:
    """(dotted name, line) of everything `module` imports, relative imports resolved; for `from X
    import y` the name is X.y (it may be a module or a name defined in X)."""
    found = []
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module.name.split(".") if module.is_package else module.name.split(".")[:-1]
                package = package[:len(package) - node.level + 1]
                base = ".".join(package + ([node.module] if node.module else []))
            found += [(f"{base}.{alias.name}", node.lineno) for alias in node.names]
    return found


def resolve(name: str, modules: dict[str, Module]) -> str | None:
    """The module an imported name lives in: the name itself or the longest module above it."""
    parts = name.split(".")
    for k in range(len(parts), 0, -1):
        if ".".join(parts[:k]) in modules:
            return ".".join(parts[:k])
    return None


def import_graph(modules: dict[str, Module]) -> dict[str, dict[str, int]]:
    """Module → {module it imports: line of the first such import}, within the package."""
    graph: dict[str, dict[str, int]] = {}
    for name, module in modules.items():
        edges = graph.setdefault(name, {})
        for imported, line in imported_names(module):
            target = resolve(imported, modules)
            if target is None:
                continue
            parts = target.split(".")
            above = [".".join(parts[:k]) for k in range(1, len(parts))]
            for dep in [target] + [p for p in above if p in modules and not (name + ".").startswith(p + ".")]:
                if dep != name:
                    edges.setdefault(dep, line)
    return graph


def cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, {})))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def describe_cycle(component: list[str], graph: dict[str, dict[str, int]], modules: dict[str, Module]) -> str:
    members = set(component)
    edges = [f"    {a} → {b} ({modules[a].where}:{line})"
             for a in component for b, line in sorted(graph[a].items()) if b in members]
    return " ↔ ".join(component) + "\n" + "\n".join(edges)


def within(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def forbidden_imports(modules: dict[str, Module], layer: str, forbidden: tuple[str, ...]) -> list[str]:
    """Imports, direct or through other modules, from a module of `layer` into `forbidden`:
    one line per offending module, with the chain of imports that gets there."""
    graph = import_graph(modules)
    offences = []
    for name in sorted(n for n in modules if within(n, (layer,))):
        seen = {name: [name]}
        queue = [name]
        while queue:
            current = queue.pop(0)
            for dep, line in sorted(graph[current].items()):
                if dep in seen:
                    continue
                seen[dep] = seen[current] + [f"{dep} ({modules[current].where}:{line})"]
                if within(dep, forbidden):
                    offences.append(" → ".join(seen[dep]))
                else:
                    queue.append(dep)
    return offences


def io_uses(module: Module) -> list[str]:
    """I/O in a module: imports of I/O modules, calls of open/print/input, sys.stdout and the like."""
    found = []
    for node in ast.walk(module.tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names = [node.module]
        found += [f"{module.where}:{node.lineno} imports {n}" for n in names if n.split(".")[0] in IO_MODULES]
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in IO_CALLS:
            found.append(f"{module.where}:{node.lineno} calls {node.func.id}()")
        if isinstance(node, ast.Attribute) and node.attr in IO_STREAMS:
            found.append(f"{module.where}:{node.lineno} uses .{node.attr}")
    return found


def environment_uses(module: Module) -> list[str]:
    """Reads and writes of the process environment: os.environ, os.getenv, os.putenv."""
    return [f"{module.where}:{node.lineno} uses os.{node.attr}" for node in ast.walk(module.tree)
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "putenv")
            and isinstance(node.value, ast.Name) and node.value.id == "os"]


def long_functions(modules: dict[str, Module], limit: int = MAX_FUNCTION_LINES) -> list[str]:
    """Functions (methods and nested functions too) longer than `limit` lines, decorators included."""
    found = []
    for module in modules.values():
        for node in ast.walk(module.tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                first = min([node.lineno] + [d.lineno for d in node.decorator_list])
                lines = node.end_lineno - first + 1
                if lines > limit:
                    found.append(f"{module.where}:{node.lineno} {node.name}: {lines} lines")
    return sorted(found)


def long_modules(modules: dict[str, Module], limit: int = MAX_MODULE_LINES) -> list[str]:
    found = []
    for module in modules.values():
        lines = len(module.path.read_text(encoding="utf-8").splitlines())
        if lines > limit:
            found.append(f"{module.where}: {lines} lines")
    return sorted(found)


def module_level_statements(body: list[ast.stmt]):
    """Statements run at import: the module body and the blocks of its if/try/with, not defs."""
    for node in body:
        yield node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for field in ("body", "orelse", "finalbody"):
            yield from module_level_statements(getattr(node, field, []))
        for handler in getattr(node, "handlers", []):
            yield from module_level_statements(handler.body)


def is_mutable_state(value: ast.expr | None) -> str | None:
    """What makes a module-level value per-document state: `LastDocument(...)`, or an empty
    container to be filled later (`{}`, `[]`, `dict()`, `list()`, `set()`, `defaultdict(list)` …)."""
    if isinstance(value, ast.Dict) and not value.keys:
        return "{}"
    if isinstance(value, ast.List) and not value.elts:
        return "[]"
    if isinstance(value, ast.Call):
        func = value.func.attr if isinstance(value.func, ast.Attribute) else getattr(value.func, "id", "")
        if func == "LastDocument":
            return "LastDocument(...)"
        if func in MUTABLE_CALLS and not value.keywords and (
                not value.args or (func == "defaultdict" and len(value.args) == 1)):
            return f"{func}()"
    return None


def module_state(modules: dict[str, Module], package: str) -> list[str]:
    found = []
    for module in modules.values():
        if not within(module.name, (package,)):
            continue
        for node in module_level_statements(module.tree.body):
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and (kind := is_mutable_state(node.value)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names = ", ".join(ast.unparse(t) for t in targets)
                found.append(f"{module.where}:{node.lineno} {names} = {kind}")
    return sorted(found)


@pytest.fixture(scope="module")
def modules() -> dict[str, Module]:
    return load_modules(SRC)


def test_architecture_no_import_cycles(modules):
    graph = import_graph(modules)
    found = cycles(graph)
    assert not found, "import cycles among rasid modules:\n" + "\n".join(
        describe_cycle(c, graph, modules) for c in found)


@pytest.mark.parametrize("layer,forbidden", [("rasid.text", TEXT_MAY_NOT_IMPORT),
                                             ("rasid.store", STORE_MAY_NOT_IMPORT)])
def test_architecture_layers_import_only_downwards(modules, layer, forbidden):
    found = forbidden_imports(modules, layer, forbidden)
    assert not found, f"{layer} imports from {', '.join(forbidden)}:\n" + "\n".join(found)


def test_architecture_stages_do_no_io(modules):
    found = [use for name, module in sorted(modules.items()) if within(name, ("rasid.stages",))
             for use in io_uses(module)]
    assert not found, ("stages do no I/O (resources come through rasid.resources.catalogue, rasid.kb and "
                       "the rasid.ner loaders):\n" + "\n".join(found))


def test_architecture_environment_is_read_only_at_the_edge(modules):
    found = [use for name, module in sorted(modules.items()) if not within(name, ENVIRONMENT_EDGE)
             for use in environment_uses(module)]
    assert not found, ("only rasid.config and rasid.cli read the environment (the library takes a "
                       "RunConfig):\n" + "\n".join(found))


def test_architecture_functions_are_short(modules):
    found = long_functions(modules)
    assert not found, f"functions longer than {MAX_FUNCTION_LINES} lines:\n" + "\n".join(found)


def test_architecture_modules_are_short(modules):
    found = long_modules(modules)
    assert not found, f"modules longer than {MAX_MODULE_LINES} lines:\n" + "\n".join(found)


def test_architecture_stages_keep_no_module_level_state(modules):
    found = module_state(modules, "rasid.stages")
    assert not found, "module-level mutable state in rasid.stages:\n" + "\n".join(found)


# The checks themselves, on small packages written for the test: each finds what it is for.

def write_package(root: Path, files: dict[str, str]) -> dict[str, Module]:
    for name, text in files.items():
        path = root / "pkg" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return load_modules(root / "pkg")


def test_architecture_checks_find_a_cycle_through_a_function_level_relative_import(tmp_path):
    modules = write_package(tmp_path, {
        "__init__.py": "", "a.py": "from pkg.b import f\n",
        "b.py": "def f():\n    from . import c\n", "c.py": "import pkg.a\n", "d.py": "from pkg import a\n"})
    assert cycles(import_graph(modules)) == [["pkg.a", "pkg.b", "pkg.c"]]


def test_architecture_checks_count_the_package_init_an_import_runs(tmp_path):
    # y imports x.inner, which runs x/__init__, which imports x.other, which imports y
    modules = write_package(tmp_path, {
        "__init__.py": "", "x/__init__.py": "from pkg.x.other import h\n", "x/other.py": "from pkg import y\nh = 1\n",
        "x/inner.py": "g = 1\n", "y.py": "from pkg.x.inner import g\n"})
    assert cycles(import_graph(modules)) == [["pkg.x", "pkg.x.other", "pkg.y"]]


def test_architecture_checks_find_io_layering_length_and_state(tmp_path):
    modules = write_package(tmp_path, {
        "__init__.py": "", "text/__init__.py": "", "text/t.py": "def f():\n    import pkg.low\n",
        "low.py": "from pkg.kb import x\n", "kb.py": "x = 1\n",
        "stages/__init__.py": "", "stages/s.py": (
            "import os, sys\nfrom pathlib import Path\nHOME = os.environ.get('HOME')\nCACHE = {}\nSEEN: list = []\nLAST = LastDocument(f, g)\n"
            "TABLE = {'a': 1}\nif True:\n    MORE = set()\n"
            "def f():\n    print(open('x').read(), file=sys.stderr)\n" + "    pass\n" * 40)})
    assert forbidden_imports(modules, "pkg.text", ("pkg.kb",)) == [
        "pkg.text.t → pkg.low (pkg/text/t.py:2) → pkg.kb (pkg/low.py:1)"]
    uses = io_uses(modules["pkg.stages.s"])
    assert sorted(u.split(" ", 1)[1] for u in uses) == ["calls open()", "calls print()", "imports os",
                                                        "imports pathlib", "imports sys", "uses .stderr"]
    assert environment_uses(modules["pkg.stages.s"]) == ["pkg/stages/s.py:3 uses os.environ"]
    assert long_functions(modules) == ["pkg/stages/s.py:10 f: 42 lines"]
    assert long_modules(modules, limit=50) == ["pkg/stages/s.py: 51 lines"]
    assert [s.split(" ", 1)[1] for s in module_state(modules, "pkg.stages")] == [
        "CACHE = {}", "SEEN = []", "LAST = LastDocument(...)", "MORE = set()"]
