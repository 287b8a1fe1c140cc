from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from negotrack import accounts
from negotrack.api import not_found
from negotrack.changes.views import ChangesFeedView
from negotrack.health import healthz

# A database that cannot be reached answers 503 with Retry-After; anything else, Django's 500.
handler500 = "negotrack.unavailable.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/", include(accounts)),
    path(
        "api/v1/",
        include(
            [
                path("", include("rounds.urls")),
                path("", include("delegations.urls")),
                path("", include("issues.api.urls")),
                path("", include("webhooks.api.urls")),
                path("changes/", ChangesFeedView.as_view(), name="changes"),
                path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
                path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
                # Last, and only for paths ending in a slash, so that the slash is still added
                # to a known path that lacks it; `[\s\S]`, not `.`: a path may hold an encoded newline.
                re_path(r"^(?:[\s\S]*/)?$", not_found),
            ]
        ),
    ),
    path("", include("issues.pages.feed_urls")),
    path("records/", include("negotrack.history_urls")),
    path("review/", include("issues.editorial.review_urls")),
    path("entry/", include("issues.editorial.entry_urls")),
    path("webhooks/", include("webhooks.pages.urls")),
    path("", include("issues.pages.urls")),
]
