"""Template tags of the after-session entry page: its status rows, one for each agenda
issue of the process, drawn in Python as the page's template drew them.

A busy process has forty agenda issues and more, so the page holds that many status rows:
through the template engine each cost about 100 µs before its fields were drawn, a fifth of
the page's time. As with the analysts' tags (issues.pages.templatetags.record), the HTML
is built here with every value escaped, and is the same, byte for byte.
"""

from __future__ import annotations

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from issues.editorial.entry.sheet import Sheet
from issues.models import IssueStatus, PublicationState
from issues.pages.templatetags.record import status as status_badge
from rounds.models import Round

register = template.Library()

# One row, with the whitespace the template's loop gave it; the sources it cites as
# templates/entry/_source.html draws them for the other rows (entry.js reads data-cites).
ROW = """
    <fieldset class="entry-row status-row{has_errors}" id="{prefix}">
      <legend>{legend}</legend>
      {issue}{seen}
      {non_field_errors}
      <p class="meta">Last assessed: {assessed}</p>
      <div class="entry-grid">
        <div class="field">{status}</div>
        <div class="field">{summary}</div>
      </div>
      <div class="field entry-cites" data-cites="sources" data-name="{sources_name}">{sources}</div>

    </fieldset>
    """


@register.simple_tag
def status_rows(sheet: Sheet, talk_round: Round) -> SafeString:
    """Each agenda issue's status row, with the statuses an editor sees beside it."""
    rows = []
    for form, issue, beside in sheet.status_lines():
        sources = form["sources"]
        rows.append(
            ROW.format(
                has_errors=" has-errors" if form.errors else "",
                prefix=conditional_escape(form.prefix),
                legend=conditional_escape(issue.name) if issue and issue.name else "An unknown issue",
                issue=form["issue"],
                seen=form["seen"],
                non_field_errors=form.non_field_errors(),
                assessed="; ".join(_assessed(status, talk_round) for status in beside) or "never",
                status=form["status"].as_field_group(),
                summary=form["summary"].as_field_group(),
                sources_name=conditional_escape(sources.html_name),
                sources=sources.as_field_group(),
            )
        )
    return mark_safe("".join(rows))


def _assessed(status: IssueStatus, talk_round: Round) -> str:
    """A status beside the row: its badge, where or when it was assessed, whether it is a draft."""
    if status.round_id == talk_round.pk:
        where = "at this round"
        if status.state == PublicationState.PUBLISHED:
            where += " (a new status here corrects it)"
    elif status.round_id:
        where = f"at {conditional_escape(str(status.round))}"
    else:
        where = conditional_escape(date_filter(status.date, "j M Y"))
    draft = " <strong>(draft waiting for review)</strong>" if status.state == PublicationState.DRAFT else ""
    return f"{status_badge(status.status)} {where}{draft}"
