"""The after-session entry pages and the round set-up: /entry/…"""

from django.urls import path

from issues.editorial.entry import views
from issues.editorial.setup import views as setup

app_name = "entry"

urlpatterns = [
    path("", views.entry_index, name="index"),
    path("new/", setup.round_new, name="new"),
    path("<slug:slug>/", views.round_entry, name="round"),
    path("<slug:slug>/set-up/", setup.round_setup, name="setup"),
]
