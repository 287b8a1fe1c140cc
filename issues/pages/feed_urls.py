"""Atom feeds of the public record, for analysts' feed readers."""

from django.urls import path

from issues.pages import feeds

app_name = "feeds"

urlpatterns = [
    path("processes/<slug:slug>/statements.atom", feeds.ProcessStatementFeed(), name="process-statements"),
    path("processes/<slug:slug>/statuses.atom", feeds.ProcessStatusFeed(), name="process-statuses"),
    path("issues/<slug:slug>/statements.atom", feeds.IssueStatementFeed(), name="issue-statements"),
    path("issues/<slug:slug>/statuses.atom", feeds.IssueStatusFeed(), name="issue-statuses"),
]
