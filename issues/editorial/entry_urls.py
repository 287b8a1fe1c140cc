"""The after-session entry pages: /entry/…"""

from django.urls import path

from issues.editorial import entry

app_name = "entry"

urlpatterns = [
    path("", entry.entry_index, name="index"),
    path("<slug:slug>/", entry.round_entry, name="round"),
]
