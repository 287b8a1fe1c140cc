from django.db import models

from issues.models import Publishable
from issues.services import refuse_unless_draft
from negotrack.records import RecordHistory, save_record
from rounds.models import Source


class Communique(Publishable):
    """A joint communiqué of a round, as a new publishable kind of record would be added."""

    title = models.CharField(max_length=200)
    text = models.TextField()
    sources = models.ManyToManyField(Source, blank=True, related_name="+")

    history = RecordHistory(m2m_fields=[sources])

    class Meta:
        permissions = [("publish_communique", "Can publish, withdraw and send back communiqués")]

    def __str__(self) -> str:
        return self.title


def communique_save(communique: Communique, *, by, sources=None) -> Communique:
    """Its save service: drafts only, as for every publishable record."""
    refuse_unless_draft(communique, "edited")
    return save_record(communique, by=by, m2m={} if sources is None else {"sources": list(sources)})
