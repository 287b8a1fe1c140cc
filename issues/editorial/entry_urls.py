"""The after-session entry pages: /entry/…"""

from django.urls import path

from issues.editorial.entry import views

app_name = "entry"

urlpatterns = [
    path("", views.entry_index, name="index"),
    path("<slug:slug>/", views.round_entry, name="round"),
]
