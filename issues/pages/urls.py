"""The analysts' pages; slugs name everything, so every page has a stable address."""

from django.urls import path

from issues.pages.views import compare, embed, issues, overview, people, rounds, statements

app_name = "pages"

urlpatterns = [
    path("", overview.home, name="home"),
    path("processes/<slug:slug>/", overview.process_detail, name="process"),
    path("processes/<slug:slug>/compare/", compare.compare_rounds, name="compare"),
    path("rounds/<slug:slug>/", rounds.round_detail, name="round"),
    path("issues/<slug:slug>/", issues.issue_detail, name="issue"),
    path("issues/<slug:slug>/embed/", embed.timeline_embed, name="issue-embed"),
    path("people/", overview.people_index, name="people"),
    path("people/<slug:slug>/", people.person_detail, name="person"),
    path("parties/", overview.parties_index, name="parties"),
    path("parties/<slug:slug>/", people.party_detail, name="party"),
    path("statements/", statements.statement_search, name="statements"),
]
