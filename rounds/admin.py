from django.contrib import admin

from negotrack.admin import RecordAdmin
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

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj else {"slug": ("name",)}

    def get_readonly_fields(self, request, obj=None):
        fixed = ("slug",) if obj else ()
        return (*fixed, *super().get_readonly_fields(request, obj))
