"""From a report to proposed statements: who said what, when, how, in which language and
about which agenda issues, for the editor to check before anything is saved.

Nothing here writes. The entry page and the API show the proposals; saving them goes
through the entry page's rows and the services, as drafts for review.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count

from delegations.matching import PersonMatcher
from delegations.models import Membership, Party
from issues.models import Issue, PublicationState, Statement, StatementIssue
from issues.proposals.dates import said_on
from issues.proposals.quotes import QUOTE, Found, Reader
from issues.proposals.report import Body, Report, read_body
from issues.proposals.speakers import Speaker, Speakers, Sureness
from issues.proposals.topics import Topics
from issues.services.statements import statement_date_warning
from rounds.dates import DatePrecision
from rounds.models import Round, Source

MOST_CHARACTERS = 200_000  # a report's text, at most
SAID_BY_ISSUE = 2_000  # the newest statements read for the issues' words

_MEDIA = [
    (Statement.Medium.SOCIAL_MEDIA, r"(?:in\s+a\s+)?post(?:ed)?\s+on\s+(?:X|Telegram|Facebook|Twitter|Instagram)\b|"
     r"wrote\s+on\s+(?:\w+\s+){0,2}(?:X|Telegram|Facebook|Twitter|Instagram|channel)\b|tweeted|on\s+(?:X|Telegram)\b"),
    (Statement.Medium.PRESS_CONFERENCE, r"(?:told\s+|at\s+)?an?\s+(?:news|press)\s+conference|told\s+a\s+briefing|at\s+a\s+briefing"),
    (Statement.Medium.SPEECH, r"in\s+(?:his|her|a)\s+(?:nightly\s+|evening\s+|televised\s+)?(?:video\s+)?(?:address|speech)"),
    (Statement.Medium.INTERVIEW, r"in\s+an?\s+(?:\w+\s+)?interview(?:\s+with\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)?|"
     r"told\s+(?:Axios|Reuters|TASS|RIA(?:\s+Novosti)?|Interfax|CNN|the\s+BBC|BBC|Fox(?:\s+News)?|Politico|"
     r"(?:the\s+)?(?:[\w-]+\s+)?(?:broadcaster|television|newspaper|channel|radio)(?:\s+[A-Z][\w-]*)*)(?:\s+in\s+an\s+interview)?"),
    (Statement.Medium.READOUT, r"(?:said\s+)?in\s+a\s+(?:written\s+|joint\s+)?(?:statement|readout|communiqu[eé])|"
     r"\bstatement\b|\breadout\b"),
    (Statement.Medium.PRESS_REMARKS, r"told\s+(?:reporters|journalists|the\s+press|(?:\w+\s+)?media)|"
     r"asked\s+by\s+(?:journalists|reporters)|(?:in\s+)?(?:brief\s+)?remarks\s+to\s+[\w\s]*?(?:media|press|reporters)"),
]  # fmt: skip
_MEDIA_COMPILED = [(medium, re.compile(pattern)) for medium, pattern in _MEDIA]
_UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@dataclass
class Proposal:
    """A statement as the report gives it, for the editor to tick, mend and save."""

    words: str
    kind: str
    speaker: Speaker
    title: str
    date: datetime.date
    precision: str
    date_words: str
    date_warning: str | None
    medium: str
    medium_words: str
    issues: list[Issue]
    language: str
    translated: bool
    on_record: Statement | None
    paragraph: int

    @property
    def sureness(self) -> Sureness:
        return self.speaker.sureness


@dataclass
class Proposals:
    """What a report proposes: the report as read, the source on record that has its
    address (if any), and the statements, the least sure first."""

    body: Body
    source: Source | None
    statements: list[Proposal] = field(default_factory=list)


def propose(talk_round: Round, report: Report) -> Proposals:
    body = read_body(report)
    published_on = body.published_on or talk_round.end_date or talk_round.start_date or datetime.date.today()
    members = {
        membership.person_id: membership
        for membership in Membership.objects.filter(delegation__round=talk_round).select_related("delegation__party")
    }
    parties = list(Party.objects.order_by("name"))
    matcher = PersonMatcher(prefer=members)
    roles = {person_id: membership.title.lower() for person_id, membership in members.items()}
    speakers = Speakers(matcher=matcher, roles=roles, parties=parties)
    found = _read(body.paragraphs, speakers)
    topics = _topics(talk_round)
    languages = _languages([speaker.person.pk for _, speaker in found if speaker.person is not None])
    party_languages = _languages_of_parties(
        {speaker.party.pk for _, speaker in found if speaker.party is not None}
        | {membership.delegation.party_id for membership in members.values()}
    )
    on_record = _on_record([_words(said.words) for said, _ in found])
    proposals = []
    for said, speaker in found:
        words = _words(said.words)
        membership = members.get(speaker.person.pk) if speaker.person is not None else None
        if membership is not None and speaker.party is None:
            speaker.party = membership.delegation.party
        when = said_on(said.attribution, published_on) if said.attribution else None
        date, precision = (when.date, when.precision) if when else (published_on, DatePrecision.DAY)
        medium, medium_words = _medium(said.attribution)
        language = _language(words)
        usual = languages.get(speaker.person.pk) if speaker.person is not None else None
        usual = usual or (party_languages.get(speaker.party.pk) if speaker.party is not None else None)
        proposals.append(
            Proposal(
                words=words,
                kind=said.kind,
                speaker=speaker,
                title=membership.title if membership is not None else "",
                date=date,
                precision=precision,
                date_words=when.expression if when else "",
                date_warning=statement_date_warning(
                    Statement(round=talk_round, date=date, date_precision=precision)
                ),
                medium=medium,
                medium_words=medium_words,
                issues=topics.suggest(words),
                language=language,
                translated=language == "en" and bool(usual) and usual != "en",
                on_record=on_record.get(" ".join(words.split())),
                paragraph=said.paragraph,
            )
        )
    proposals.sort(key=lambda proposal: (proposal.on_record is not None, proposal.sureness, proposal.paragraph))
    source = Source.objects.filter(url=body.url).order_by("pk").first() if body.url else None
    return Proposals(body=body, source=source, statements=proposals)


def _read(paragraphs: list[str], speakers: Speakers) -> list[tuple[Found, Speaker]]:
    """Each statement found with its speaker, the names the text gives noted on the way
    (a paragraph's names before its statements, for the "he" that follows)."""
    reader = Reader()
    resolved: list[tuple[Found, Speaker]] = []
    for number, paragraph in enumerate(paragraphs):
        before = len(reader.found)
        reader.read_paragraph(number, paragraph)
        said_here = reader.found[before:]
        said_here.sort(key=lambda said: said.position)
        cursor = 0
        for said in said_here:
            speakers.mentioned(_outside_quotes(paragraph[cursor : said.position]))
            cursor = max(cursor, said.position)
            speaker = resolved[-1][1] if said.continues and resolved else speakers.speaker(said.who)
            resolved.append((said, speaker))
        speakers.mentioned(_outside_quotes(paragraph[cursor:]))
    return resolved


def _outside_quotes(paragraph: str) -> str:
    return re.sub(r"[“\"«„][^”\"»“]*[”\"»“]", " ", paragraph)


def _words(words: str) -> str:
    return " ".join(words.split()).strip().rstrip(",;:—–- ")


def _medium(attribution: str) -> tuple[str, str]:
    for medium, pattern in _MEDIA_COMPILED:
        found = pattern.search(attribution)
        if found:
            return medium, found.group(0).strip()
    return Statement.Medium.NOT_REPORTED, ""


def _language(words: str) -> str:
    """The words' language by their script: Ukrainian's own letters, else Cyrillic as
    Russian; Latin letters as English (reports in English quote in English)."""
    if _CYRILLIC.search(words):
        return "uk" if _UKRAINIAN_LETTERS.search(words) else "ru"
    return "en"


def _usual(rows: Iterable[tuple[int, str, int]]) -> dict[int, str]:
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for key, language, count in rows:
        counts[key][language] += count
    return {key: counter.most_common(1)[0][0] for key, counter in counts.items()}


def _languages(person_ids: list[int]) -> dict[int, str]:
    """The language each person's statements on record are mostly in."""
    if not person_ids:
        return {}
    rows = (
        Statement.objects.filter(speaker_id__in=set(person_ids))
        .values_list("speaker_id", "language")
        .annotate(count=Count("id"))
        .order_by()
    )
    return _usual(rows)


def languages_of_party(party: Party) -> str | None:
    """The language a party's statements on record are mostly in (a party's usual one
    says whether an unnamed official's English words are a translation)."""
    rows = Statement.objects.filter(party=party).values_list("party_id", "language").annotate(count=Count("id"))
    return _usual(rows.order_by()).get(party.pk)


def _languages_of_parties(party_ids: set[int]) -> dict[int, str]:
    """The language each party's statements on record are mostly in, for all the parties
    a report's speakers may speak for in one query, however many statements it holds."""
    if not party_ids:
        return {}
    rows = Statement.objects.filter(party_id__in=party_ids).values_list("party_id", "language")
    return _usual(rows.annotate(count=Count("id")).order_by())


def _on_record(texts: list[str]) -> dict[str, Statement]:
    """The statements already recorded (drafts and published, any round) with these words."""
    if not texts:
        return {}
    same = Statement.objects.filter(
        text__in=set(texts), state__in=[PublicationState.DRAFT, PublicationState.PUBLISHED]
    ).only("uuid", "text", "state")
    return {" ".join(statement.text.split()): statement for statement in same.order_by("pk")}


def _topics(talk_round: Round) -> Topics:
    issues = list(Issue.objects.filter(process_id=talk_round.process_id).order_by("name"))
    said: dict[int, list[str]] = defaultdict(list)
    links = (
        StatementIssue.objects.filter(issue__in=issues, statement__state=PublicationState.PUBLISHED)
        .order_by("-statement__date", "-statement_id")
        .values_list("issue_id", "statement__text")[:SAID_BY_ISSUE]
    )
    for issue_id, text in links:
        said[issue_id].append(text)
    return Topics(issues, said)
