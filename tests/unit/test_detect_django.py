"""Django's URL tree as init reads it: full paths under the root URLconf, and the
health route found there (table: sources -> routes or health finding)."""

from __future__ import annotations

import pytest

from warmbuild import detect, detect_django

# haztrak's shape (tests/data/services/haztrak): a list include under api/, the health
# app's URLconf inside it, subsets in the settings.
HAZTRAK = {
    "haztrak/settings/base.py": "ROOT_URLCONF = 'haztrak.urls'\n"
    "HEALTH_CHECK = {'SUBSETS': {'startup-probe': ['A'], 'liveness-probe': ['DatabaseBackend']}}\n",
    "haztrak/urls.py": "urlpatterns = [\n"
    "    path('admin/', admin.site.urls),\n"
    "    path('api/', include([\n"
    "        path('', include('manifest.urls', namespace='manifest')),\n"
    "        path(r'health/', include('health_check.urls')),\n"
    "    ])),\n"
    "]\n",
    "manifest/urls.py": "urlpatterns = [path('manifest/<str:mtn>', view), path('manifest/sign', sign)]\n",
}


@pytest.mark.parametrize(
    "sources, expected",
    [
        pytest.param(
            HAZTRAK,
            ["/admin/", "/api/manifest/<str:mtn>", "/api/manifest/sign", "/api/health/"],
            id="haztrak-lists-and-modules",
        ),
        pytest.param(
            {"proj/urls.py": "urlpatterns = [path('', include(('app.urls', 'app')))]\nurlpatterns += [path('x/', v)]\n",
             "app/urls.py": "urlpatterns = [re_path(r'^status/$', v)]\n"},
            ["/status/", "/x/"],
            id="a-tuple-include-and-plus-equals-without-root-urlconf",
        ),
        pytest.param({"proj/urls.py": "urlpatterns = [path(NAME, v), path('a/', include(other))]\n"}, ["/a/"],
                     id="names-not-strings-are-skipped-an-unknown-include-is-a-route"),
        pytest.param({"proj/urls.py": "urlpatterns = ["}, [], id="not-python"),
    ],
)  # fmt: skip
def test_routes_under_the_root_urlconf(sources: dict[str, str], expected: list[str]) -> None:
    assert [route.path for route in detect_django.django_routes(sources)] == expected


@pytest.mark.parametrize(
    "sources, expected",
    [
        pytest.param(HAZTRAK, ("/api/health/liveness-probe/", True), id="haztrak-liveness-subset"),
        pytest.param(
            {**HAZTRAK, "haztrak/settings/base.py": "ROOT_URLCONF = 'haztrak.urls'\n"},
            ("/api/health/", True),
            id="health-check-app-without-subsets",
        ),
        pytest.param(
            {"proj/urls.py": "urlpatterns = [path('api/v1/', include('core.urls'))]\n",
             "core/urls.py": "urlpatterns = [path('items/', v), path('healthz/', h)]\n"},
            ("/api/v1/healthz/", True),
            id="a-route-named-like-one-at-its-full-path",
        ),
        pytest.param(
            {"proj/urls.py": "urlpatterns = [path('items/', v)]\n"}, ("/health", False), id="none",
        ),
    ],
)  # fmt: skip
def test_a_django_health_route(sources: dict[str, str], expected: tuple[str, bool]) -> None:
    found = detect.detect_health(None, sources)
    assert (found.value, found.sure) == expected
