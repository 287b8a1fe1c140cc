"""What the invented record says about its agenda issues: the issues of each process,
a published status per issue and round, positions, and the statements with their issue
links."""

from __future__ import annotations

import datetime
from typing import cast

from django.core.exceptions import ValidationError
from django.utils.text import slugify

from issues.demo.bench import words
from issues.demo.bench.base import GeneratorBase
from issues.demo.bench.plan import ProcessPlan, RoundPlan
from issues.models import Issue, IssueStatus, Position, Statement, StatementIssue, StatementKind
from issues.services import (
    current_position_refresh,
    current_status_refresh,
    search_documents_refresh,
    statement_date_warning,
)
from issues.vocabulary import AssessmentStatus
from rounds.models import Source

STATEMENT_CHUNK = 2000  # statements (and their issue links) written and dropped at a time


class AssessmentPhases(GeneratorBase):
    def write_issues(self) -> None:
        issues = []
        for item in self.processes:
            for order in range(self.plan.issues_per_process):
                topic = words.TOPICS[order % len(words.TOPICS)]
                round_number = order // len(words.TOPICS)
                slug_topic = topic.slug if not round_number else f"{topic.slug}-{round_number + 1}"
                issue = Issue(
                    process=item.process,
                    topic=slug_topic,
                    slug=f"{item.process.slug}-{slugify(slug_topic)}",  # issues.services.issue_save
                    name=topic.name if not round_number else f"{topic.name} ({round_number + 1})",
                    description=topic.description,
                    sort_order=order + 1,
                )
                item.issues.append(issue)
                issues.append(issue)
        self.create(Issue, issues)

    def write_statuses(self) -> None:
        ladder = list(AssessmentStatus)
        with self.bar("issue statuses", self.plan.statuses) as bar:
            for item in self.processes:
                steps = {issue.pk: self.rng.choice((3, 4, 4, 5)) for issue in item.issues}
                statuses, sources = [], []
                for plan in item.rounds:
                    for issue in item.issues:
                        roll = self.rng.random()
                        move = 0 if roll < 0.55 else (1 if roll < 0.79 else -1)  # drifting up, slowly
                        steps[issue.pk] = max(0, min(len(ladder) - 1, steps[issue.pk] + move))
                        status = ladder[steps[issue.pk]]
                        statuses.append(
                            IssueStatus(
                                issue=issue,
                                round=plan.talk_round,
                                status=status,
                                summary=f"{status.definition} {self.rng.choice(words.STATUS_NOTES)}".strip(),
                                **self._published(plan.last_day),
                            )
                        )
                        sources.append([plan.report])
                self.create(IssueStatus, statuses, bar=bar, sources=sources)
        with self.bar("current statuses", self.plan.issues) as bar:
            for item in self.processes:
                for issue in item.issues:
                    current_status_refresh(issue)
                    bar.update(1)

    def write_positions(self) -> None:
        positions, sources = [], []
        for item, count in zip(self.processes, self.plan.positions_per_process, strict=True):
            combinations = len(item.issues) * 2 * len(item.rounds)
            for code in sorted(self.rng.sample(range(combinations), count)):
                plan = item.rounds[code // (2 * len(item.issues))]
                issue = item.issues[code % len(item.issues)]
                side = item.template.sides[(code // len(item.issues)) % 2]
                stance = self.rng.choice(words.STANCES).format(issue=words.topic_of(issue).phrase)
                positions.append(
                    Position(
                        issue=issue,
                        party=self.parties[side],
                        round=plan.talk_round,
                        stance=stance[:200],
                        text=words.position_text(self.rng, side, words.topic_of(issue)),
                        **self._published(plan.last_day),
                    )
                )
                sources.append([plan.report])
        with self.bar("positions", len(positions)) as bar:
            self.create(Position, positions, bar=bar, sources=sources)
            for issue_id, party_id in dict.fromkeys((p.issue_id, p.party_id) for p in positions):
                current_position_refresh(issue_id=issue_id, party_id=party_id)

    def write_statements(self) -> None:
        with self.bar("statements", self.plan.statements) as bar:
            for item, count in zip(self.processes, self.plan.statements_per_process, strict=True):
                rounds_on = {
                    plan.first_day + datetime.timedelta(days=offset): plan
                    for plan in item.rounds
                    for offset in range((plan.last_day - plan.first_day).days + 1)
                }
                for start in range(0, count, STATEMENT_CHUNK):
                    statements, sources, issue_lists = [], [], []
                    for _ in range(min(STATEMENT_CHUNK, count - start)):
                        statement, cited, issues = self._statement(item, rounds_on)
                        statements.append(statement)
                        sources.append(cited)
                        issue_lists.append(issues)
                    self.create(Statement, statements, sources=sources)
                    # The bulk path sends no record_changed: the search documents are written here.
                    search_documents_refresh(Statement.objects.filter(pk__in=[each.pk for each in statements]))
                    links = [
                        StatementIssue(statement=statement, issue=issue)
                        for statement, issues in zip(statements, issue_lists, strict=True)
                        for issue in issues
                    ]
                    self.create(StatementIssue, links)
                    bar.update(len(statements))

    def _statement(
        self, item: ProcessPlan, rounds_on: dict[datetime.date, RoundPlan]
    ) -> tuple[Statement, list[Source], list[Issue]]:
        rng = self.rng
        source = rng.choice(item.sources)
        cited = [source]
        if rng.random() < 0.1:
            other = rng.choice(item.sources)
            if other is not source:
                cited.append(other)
        published_on = cast(datetime.date, source.published_on)  # the generator dates every source
        day = max(cast(datetime.date, item.begins), published_on - datetime.timedelta(days=rng.choice((0, 0, 0, 1))))
        plan = rounds_on.get(day)
        session = rng.choice(plan.sessions_on[day]) if plan and day in plan.sessions_on else None
        party_names = (
            [name for name, _ in plan.parties]
            if plan
            else list(item.template.sides) * 2 + [rng.choice(item.template.mediators)]
        )
        party_name = rng.choice(party_names)
        profile = words.PARTIES[party_name]
        pool = self.speakers.get(party_name)
        speaker = rng.choice(pool) if pool and rng.random() < 0.85 else None
        unnamed = "" if speaker else rng.choice(words.UNNAMED).format(adj=profile.adjective)
        issues = rng.sample(item.issues, min(rng.choice((1, 1, 2, 2, 2, 3)), len(item.issues)))
        kind = StatementKind.QUOTE if rng.random() < 0.7 else StatementKind.PARAPHRASE
        other_side = next((side for side in item.template.sides if side != party_name), item.template.sides[0])
        text = words.statement_text(
            rng,
            kind=kind,
            speaker=speaker.person.name.split()[-1] if speaker else unnamed,
            other=words.PARTIES[other_side].capital,
            city=plan.talk_round.city if plan else rng.choice(item.template.places).city,
            topics=[words.topic_of(issue) for issue in issues],
        )
        language, translation = "en", ""
        if profile.language in ("ru", "uk") and rng.random() < 0.15:
            language, translation = profile.language, text
            # Faker's Russian and Ukrainian words stand in for the original, sentence for sentence.
            sentences = text.count(". ") + 1
            text = self._faker(profile.language).paragraph(nb_sentences=sentences, variable_nb_sentences=False)
        statement = Statement(
            process=item.process,
            round=plan.talk_round if plan else None,
            session=session,
            speaker=speaker.person if speaker else None,
            speaker_description=unnamed,
            party=self.parties[party_name],
            speaker_title=speaker.title if speaker else "",
            date=day,
            medium=rng.choice(words.MEDIA_AT_ROUND if plan else words.MEDIA_BETWEEN_ROUNDS),
            kind=kind,
            language=language,
            text=text,
            translation=translation,
            **self._published(day),
        )
        # What statement_save asks an editor to confirm never comes up here; if it did, stop.
        warning = statement_date_warning(statement)
        if warning:
            raise ValidationError({"date": warning})
        return statement, cited, issues

    # --- helpers -------------------------------------------------------------------
