from collections.abc import Sequence

from django.contrib import admin
from django.http import HttpRequest

from negotrack.admin import RecordAdmin
from negotrack.records import Record
from rounds.models import Process, Source


@admin.register(Source)
class SourceAdmin(RecordAdmin):
    list_display = ("outlet", "title", "published_on", "via")
    list_filter = ("published_on",)
    search_fields = ("outlet", "title", "url")
    autocomplete_fields = ("via",)
    date_hierarchy = "published_on"


@admin.register(Process)
class ProcessAdmin(RecordAdmin):
    list_display = ("name", "short_name", "slug")
    search_fields = ("name", "short_name", "slug")

    def get_prepopulated_fields(self, request: HttpRequest, obj: Record | None = None) -> dict[str, Sequence[str]]:
        return {} if obj else {"slug": ("name",)}

    def get_readonly_fields(self, request: HttpRequest, obj: Record | None = None) -> Sequence[str]:
        fixed = ("slug",) if obj else ()
        return (*fixed, *super().get_readonly_fields(request, obj))
