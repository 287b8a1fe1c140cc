from django.contrib import admin
from django.urls import path
from django.views.generic import RedirectView

urlpatterns = [
    path("admin/", admin.site.urls),
    # The analysts' pages are not built yet; until they are, the root opens the editors' admin.
    path("", RedirectView.as_view(pattern_name="admin:index", permanent=False)),
]
