"""An agenda issue's timeline drawn by TimelineJS, for other sites to frame: the one page
any site may show in an <iframe> (every other page refuses to be framed).

TimelineJS comes from our own static files (static/vendor/timelinejs/) and reads the
timeline from the API in its own format (`?format=timelinejs`). Nothing is loaded from
another host: the page asks TimelineJS for no web font (its fonts come from a CDN), and
English, its default language, is built into its script. The page's policy is the site's
own, `'self'` only, but for who may frame it.
"""

from __future__ import annotations

from csp.decorators import csp_replace
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_exempt

from issues.models import Issue, TimelineEntry
from issues.pages.views.base import page, render_page
from issues.timelines.as_known import show_timelines
from negotrack import as_known

# Any site may frame this page; the rest of the policy stays the site's.
FRAMED_BY_ANYONE = {"frame-ancestors": ["*"]}


# Outside `page`, so that a 304 or a kept answer (negotrack.answers) may be framed too.
@xframe_options_exempt
@csp_replace(FRAMED_BY_ANYONE)
@page
def timeline_embed(request: HttpRequest, slug: str) -> HttpResponse:
    issue = get_object_or_404(Issue.objects.only("slug", "name"), slug=slug)
    # TimelineJS answers an empty timeline with an error of its own: say it here instead.
    show_timelines([issue.pk])
    has_entries = TimelineEntry.objects.filter(issue=issue).exists()
    return render_page(
        request,
        "pages/timeline_embed.html",
        {
            "issue": issue,
            "has_entries": has_entries,
            # Shown as it stood (negotrack.as_known), the timeline and the issue are read as they stood.
            "source": as_known.keep_moment(reverse("issue-timeline", args=[issue.slug]) + "?format=timelinejs"),
            "issue_url": request.build_absolute_uri(as_known.keep_moment(reverse("pages:issue", args=[issue.slug]))),
        },
    )
