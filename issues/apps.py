from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, Any

from django.apps import AppConfig

if TYPE_CHECKING:
    from negotrack.records import Record
    from rounds.models import Round


class IssuesConfig(AppConfig):
    name = "issues"
    verbose_name = "agenda issues"

    def ready(self) -> None:
        # The timeline jobs live with the timelines, not in the tasks module Celery looks for.
        from delegations.models import Person
        from issues.models import Statement
        from issues.services.search import search_follows_person, search_follows_statement
        from issues.timelines import tasks  # noqa: F401
        from issues.timelines.marks import mark_affected
        from negotrack.records import record_changed
        from rounds.models import Round

        record_changed.connect(_round_changed, sender=Round, dispatch_uid="issues.follow_round_dates")
        # The statements' search documents hold their speakers' names (issues.services.search).
        record_changed.connect(search_follows_statement, sender=Statement, dispatch_uid="issues.search_statement")
        record_changed.connect(search_follows_person, sender=Person, dispatch_uid="issues.search_person")
        # After following a round's dates, so that the marks see the moved assessments.
        record_changed.connect(mark_affected, dispatch_uid="issues.mark_timelines")
        _register_record_types()
        # What the record as it stood needs beyond the history (negotrack.as_known).
        from issues.services import as_known as known_values
        from issues.timelines import as_known as known_timelines

        known_values.register()
        known_timelines.register()


def _register_record_types() -> None:
    from issues import services
    from issues.editorial import descriptions
    from issues.models import Agreement, Issue, IssueStatus, Position, Statement, StatementIssue
    from issues.services.shown import SHOWN_PUBLICLY
    from issues.timelines.health import timelines_state
    from negotrack.registry import (
        FeedKind,
        HealthCheck,
        LinkedRecords,
        RecordType,
        Review,
        register,
        register_feed_kind,
        register_health_check,
        register_shown_publicly,
    )

    def publishable(
        model: type[Record],
        feed_name: str,
        save: Callable[..., Any],
        *,
        many: tuple[str, ...] = ("sources",),
        route: str,
        describe: Callable[[Any], list[tuple[str, str]]],
        related: tuple[str, ...],
        prefetch: tuple[str, ...] = (),
        **extra: Any,
    ) -> RecordType:
        return RecordType(
            model,
            feed_name,
            save,
            delete=services.draft_delete,
            many=many,
            route=route,
            publishable=True,
            correct=services.correction_start,
            review=Review(related=related, prefetch=("sources", *prefetch), describe=describe),
            **extra,
        )

    register(
        RecordType(Issue, "issues", services.issue_save, route="issue", lookup="slug"),
        publishable(
            IssueStatus,
            "statuses",
            services.issue_status_save,
            route="issuestatus",
            describe=descriptions.describe_status,
            related=("issue__process", "round"),
        ),
        publishable(
            Position,
            "positions",
            services.position_save,
            route="position",
            describe=descriptions.describe_position,
            related=("issue__process", "party", "round"),
        ),
        publishable(
            Agreement,
            "agreements",
            services.agreement_save,
            many=("parties", "issues", "sources"),
            route="agreement",
            describe=descriptions.describe_agreement,
            related=("process", "round"),
            prefetch=("parties", "issues"),
        ),
        publishable(
            Statement,
            "statements",
            services.statement_save,
            route="statement",
            describe=descriptions.describe_statement,
            related=("process", "speaker", "party", "round"),
            prefetch=("issues",),
            links=LinkedRecords("issue_links", "issues", "issues.statementissue", "statement", "issue"),
            # It was accepted once: a date far from its round, or a party, was confirmed then.
            restore_options={"confirm_date": True, "confirm_party": True},
        ),
        RecordType(StatementIssue, "statement_issue_links", part_of="issues.statement"),
    )
    # One event per rebuild that changed an issue's timeline, named by the issue's UUID.
    register_feed_kind(FeedKind("issues.timeline", "timelines", "issues.issue", "issue", "slug", view="timeline"))
    register_health_check(HealthCheck("timelines", timelines_state))
    # What the published record shows waits for review when an editor changes it.
    for label, shown in SHOWN_PUBLICLY.items():
        register_shown_publicly(label, shown)


def _round_changed(
    sender: type[Round], record: Round, action: str, changed_fields: Collection[str], **kwargs: Any
) -> None:
    # Nothing is assessed at a round just made, nor at one deleted.
    if action not in ("create", "delete") and {"start_date", "end_date"} & set(changed_fields):
        from issues.services import assessments_follow_round

        assessments_follow_round(record)
