"""Filters for the rounds app's API lists. Bad values answer 400 naming the filter."""

import django_filters

from rounds.models import Round, Session, Source


class SessionFilter(django_filters.FilterSet):
    round = django_filters.ModelChoiceFilter(
        queryset=Round.objects.all(),
        to_field_name="slug",
        help_text="sessions of the round with this slug; an unknown slug answers 400",
    )
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
