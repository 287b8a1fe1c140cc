"""Filters for the rounds app's API lists. Bad values answer 400 naming the filter."""

import django_filters

from negotrack.filtering import slug_filter
from rounds.models import Round, Session, Source


class SessionFilter(django_filters.FilterSet):
    round = slug_filter(Round, "sessions of the round with this slug")
    track = django_filters.ChoiceFilter(choices=Session.Track.choices, help_text="sessions of this track")

    class Meta:
        model = Session
        fields = ["round", "track"]


class SourceFilter(django_filters.FilterSet):
    outlet = django_filters.CharFilter(
        lookup_expr="icontains", help_text="sources whose outlet contains this text, in any case"
    )

    class Meta:
        model = Source
        fields = ["outlet"]
