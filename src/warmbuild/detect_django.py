"""Django's URL tree as the sources state it: the path every route has under the
project's root URLconf, following `include()` of the project's own modules and of
lists, and the routes third-party URLconfs add (django-health-check's). Pure: it reads
the sources it is given, imports nothing.

Django resolves `path("api/", include([path("health/", include("health_check.urls"))]))`
to /api/health/; a health route is found there, not by its last segment alone."""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

URL_FUNCTIONS = ("path", "re_path", "url")
# Third-party URLconfs whose root is a health check, and the settings that name its
# subsets (django-health-check: `HEALTH_CHECK = {"SUBSETS": {"liveness-probe": [...]}}`).
HEALTH_URLCONFS = ("health_check.urls",)
# Of a health check's subsets, the one an image's HEALTHCHECK should ask: the one that
# says the process lives (not startup, readiness or a dependency's).
LIVENESS_WORDS = ("liveness", "live", "alive")
MAX_DEPTH = 8


@dataclass(frozen=True)
class Route:
    path: str  # /api/health/
    where: str  # the module that declares it
    urlconf: str = ""  # a third-party URLconf included there (health_check.urls)


def django_routes(sources: Mapping[str, str]) -> list[Route]:
    """Every route under the root URLconf (`ROOT_URLCONF`, else each urls module
    no other includes), in declaration order."""
    modules = dict(_url_modules(sources))
    root = _root_urlconf(sources)
    if root in modules:
        roots = [root]
    else:
        included = {name for _, tree in modules.values() for name in _included_modules(tree)}
        roots = [name for name in modules if name not in included]
    found: list[Route] = []
    for name in roots:
        path, tree = modules[name]
        found += _walk(_patterns(tree), "/", path, modules, 0)
    return found


def health_route(sources: Mapping[str, str]) -> tuple[str, str] | None:
    """(path, why) of the health check the URL tree has: django-health-check's (its
    liveness subset where the settings name one), else none."""
    for route in django_routes(sources):
        if route.urlconf in HEALTH_URLCONFS:
            subset = _liveness_subset(sources)
            why = f"{route.where} includes {route.urlconf} at {route.path}"
            if subset:
                return f"{route.path}{subset}/", f"{why}; its liveness subset ({subset}, HEALTH_CHECK['SUBSETS'])"
            return route.path, why
    return None


def _url_modules(sources: Mapping[str, str]) -> Iterator[tuple[str, tuple[str, ast.Module]]]:
    """Module name -> (file, tree) of every urls module; under src/ by both names."""
    for path, text in sorted(sources.items()):
        if not path.endswith("urls.py"):
            continue
        try:
            tree = ast.parse(text)
        except SyntaxError:
            continue
        name = path.removesuffix(".py").replace("/", ".")
        yield name, (path, tree)
        if name.startswith("src."):
            yield name.removeprefix("src."), (path, tree)


def _trees_naming(sources: Mapping[str, str], word: str) -> Iterator[ast.Module]:
    """The parsed sources whose text has ``word`` (the others are not parsed)."""
    for text in sources.values():
        if word in text:
            try:
                yield ast.parse(text)
            except SyntaxError:
                continue


def _root_urlconf(sources: Mapping[str, str]) -> str:
    for tree in _trees_naming(sources, "ROOT_URLCONF"):
        for node in ast.walk(tree):
            if not isinstance(node, ast.Assign):
                continue
            named = any(isinstance(t, ast.Name) and t.id == "ROOT_URLCONF" for t in node.targets)
            if named and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                return node.value.value
    return ""


def _patterns(tree: ast.Module) -> list[ast.expr]:
    """The elements of the module's `urlpatterns = [...]` and `urlpatterns += [...]`."""
    found: list[ast.expr] = []
    for node in tree.body:
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AugAssign) else []
        )
        value = node.value if isinstance(node, (ast.Assign, ast.AugAssign)) else None
        if any(isinstance(t, ast.Name) and t.id == "urlpatterns" for t in targets) and isinstance(value, ast.List):
            found += value.elts
    return found


def _walk(
    elements: list[ast.expr], prefix: str, where: str, modules: Mapping[str, tuple[str, ast.Module]], depth: int
) -> list[Route]:
    found: list[Route] = []
    for element in elements:
        if not (isinstance(element, ast.Call) and _name(element.func) in URL_FUNCTIONS and element.args):
            continue
        first = element.args[0]
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            continue
        path = prefix + first.value.removeprefix("^").removesuffix("$")
        target = element.args[1] if len(element.args) > 1 else None
        included = _include_of(target)
        if isinstance(included, ast.List) and depth < MAX_DEPTH:
            found += _walk(included.elts, path, where, modules, depth + 1)
        elif isinstance(included, str) and included in modules and depth < MAX_DEPTH:
            module_path, tree = modules[included]
            found += _walk(_patterns(tree), path, module_path, modules, depth + 1)
        else:
            found.append(Route(path, where, included if isinstance(included, str) else ""))
    return found


def _include_of(target: ast.expr | None) -> ast.List | str | None:
    """What `include(...)` names: a list of patterns, or a module (also as the first
    of an `(module, app_name)` tuple); None when the target is a view."""
    if not (isinstance(target, ast.Call) and _name(target.func) == "include" and target.args):
        return None
    named = target.args[0]
    if isinstance(named, ast.Tuple) and named.elts:
        named = named.elts[0]
    if isinstance(named, ast.List):
        return named
    if isinstance(named, ast.Constant) and isinstance(named.value, str):
        return named.value
    return None


def _included_modules(tree: ast.Module) -> list[str]:
    return [
        included
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for included in [_include_of(node)]
        if isinstance(included, str)
    ]


def _liveness_subset(sources: Mapping[str, str]) -> str:
    """The liveness subset's name in `HEALTH_CHECK = {"SUBSETS": {...}}`, if any."""
    for tree in _trees_naming(sources, "SUBSETS"):
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Dict) and _has_key(node, "SUBSETS")):
                continue
            subsets = node.values[[_key(k) for k in node.keys].index("SUBSETS")]
            names = [_key(k) for k in subsets.keys] if isinstance(subsets, ast.Dict) else []
            for name in names:
                if any(word in name.lower() for word in LIVENESS_WORDS):
                    return name
    return ""


def _has_key(node: ast.Dict, key: str) -> bool:
    return key in [_key(k) for k in node.keys]


def _key(node: ast.expr | None) -> str:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else ""


def _name(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""
