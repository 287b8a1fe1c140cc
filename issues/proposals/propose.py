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

from delegations.matching import PersonMatcher
from delegations.models import Membership, Party
from issues.models import Issue, IssueStatus, Position, PublicationState, Statement, StatementIssue
from issues.proposals.dates import SaidOn, said_on
from issues.proposals.quotes import REACH, Found, Reader
from issues.proposals.report import Body, Report, read_body
from issues.proposals.speakers import Speaker, Speakers, Sureness, speaker_names_party
from issues.proposals.topics import Topics
from issues.services.statements import statement_date_warning, statements_with_words
from rounds.dates import DatePrecision
from rounds.models import Round, Source

MOST_CHARACTERS = 200_000  # a report's text, at most
SAID_BY_ISSUE = 2_000  # the newest statements read for the issues' words

_MEDIA = [
    (Statement.Medium.SOCIAL_MEDIA, r"(?:in\s+a\s+)?post(?:ed)?\s+on\s+(?:X|Telegram|Facebook|Twitter|Instagram)\b|"
     r"wrote\s+on\s+(?:\w+\s+){0,2}(?:X|Telegram|Facebook|Twitter|Instagram|channel)\b|tweeted|on\s+(?:X|Telegram)\b"),
    (Statement.Medium.PRESS_CONFERENCE,
     r"(?:told\s+|at\s+)?an?\s+(?:news|press)\s+conference|told\s+a\s+briefing|at\s+a\s+briefing"),
    (Statement.Medium.SPEECH,
     r"in\s+(?:his|her|a)\s+(?:nightly\s+|evening\s+|televised\s+)?(?:video\s+)?(?:address|speech)"),
    (Statement.Medium.INTERVIEW, r"in\s+an?\s+(?:\w+\s+)?interview(?:\s+with\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)?|"
     r"told\s+(?:[A-Z]\w+\s+)?(?:state\s+)?(?:news\s+agency\s+|broadcaster\s+)?(?:television|TV|radio)\b|"
     r"told\s+(?:state\s+news\s+agency\s+|the\s+broadcaster\s+|the\s+newspaper\s+)?"
     r"(?:The\s+Moscow\s+Times|the\s+Guardian|The\s+Guardian|RIA\s+Novosti|The\s+New\s+York\s+Times|The\s+Economist|"
     r"Axios|Reuters|TASS|RIA(?:\s+Novosti)?|Interfax|CNN|the\s+BBC|BBC|Fox(?:\s+News)?|Politico|"
     r"(?:the\s+)?(?:[\w-]+\s+)?(?:broadcaster|television|newspaper|channel|radio)(?:\s+[A-Z][\w-]*)*)"
     r"(?:\s+in\s+an\s+interview)?"),
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
    body = read_body(report, near=talk_round.end_date or talk_round.start_date)
    published_on = body.published_on or talk_round.end_date or talk_round.start_date or datetime.date.today()
    members = {
        membership.person_id: membership
        for membership in Membership.objects.filter(delegation__round=talk_round).select_related("delegation__party")
    }
    parties = list(Party.objects.order_by("name"))
    matcher = PersonMatcher(prefer=members)
    roles = {person_id: _titles(membership) for person_id, membership in members.items()}
    speakers = Speakers(matcher=matcher, roles=roles, parties=parties)
    paragraphs = body.paragraphs
    found = _read(paragraphs, speakers)
    topics = _topics(talk_round)
    party_languages = _party_languages()
    on_record = statements_with_words(_words(said.words) for said, _ in found)
    proposals: list[Proposal] = []
    for said, speaker in found:
        words = _words(said.words)
        membership = members.get(speaker.person.pk) if speaker.person is not None else None
        if membership is not None and speaker.party is None:
            speaker.party = membership.delegation.party
        when = _when(said, paragraphs, published_on)
        if when is None and proposals and (said.continues or _same_speaker(proposals[-1].speaker, speaker)):
            # The same voice again, without a day of its own: the same occasion.
            when = SaidOn(proposals[-1].date, proposals[-1].precision, proposals[-1].date_words)
        date, precision = (when.date, when.precision) if when else (published_on, DatePrecision.DAY)
        medium, medium_words = _medium(said.attribution)
        language = _language(words)
        usual = name_language(speaker.person.alias_list) if speaker.person is not None else None
        party = speaker.party or _party_named(speaker, parties)
        usual = usual or (party_languages.get(party.pk) if party is not None else None)
        proposals.append(
            Proposal(
                words=words,
                kind=said.kind,
                speaker=speaker,
                title=membership.title if membership is not None else "",
                date=date,
                precision=precision,
                date_words=when.expression if when else "",
                date_warning=statement_date_warning(Statement(round=talk_round, date=date, date_precision=precision)),
                medium=medium,
                medium_words=medium_words,
                issues=topics.suggest(words, around=_around(said, paragraphs)),
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
        speakers.new_paragraph()
        cursor = 0
        for said in said_here:
            speakers.mentioned(_outside_quotes(paragraph[cursor : said.position]))
            cursor = max(cursor, said.position)
            if said.answer:
                found = speakers.first_named_in(said.attribution)
                if found is None:
                    continue
                speaker = found
            elif said.continues and resolved:
                speaker = resolved[-1][1]
            elif said.who:
                speaker = speakers.speaker(said.who)
            elif (named := speakers.named_here()) is not None:
                speaker = named
            else:
                continue  # words in marks that the text gives to no one
            speakers.spoke(speaker)
            resolved.append((said, speaker))
        speakers.mentioned(_outside_quotes(paragraph[cursor:]))
    # A transcript has turns, at least two; one line that starts "Explainer:" is not one.
    if sum(said.turn for said, _ in resolved) < 2:
        resolved = [(said, speaker) for said, speaker in resolved if not said.turn]
    return resolved


def _titles(membership: Membership) -> str:
    """What a delegate may be called: their title, and for a delegation's head what
    reports call the one who leads a side at the talks."""
    head = " head of the delegation chief negotiator top negotiator" if membership.role == "head" else ""
    return f"{membership.title}{head}".lower()


def _same_speaker(one: Speaker, other: Speaker) -> bool:
    if one.person is not None or other.person is not None:
        return one.person == other.person
    return bool(one.new_name) and one.new_name == other.new_name


def _when(said: Found, paragraphs: list[str], published_on: datetime.date) -> SaidOn | None:
    """The day the attribution gives, else the nearest one the paragraph gives before the
    words ("Trump told reporters this week … “…,” he said")."""
    if said.attribution and (when := said_on(said.attribution, published_on)):
        return when
    before = _outside_quotes(paragraphs[said.paragraph][max(said.position - REACH, 0) : said.position])
    sentences = [sentence for sentence in re.split(r"(?<=[.!?])\s+", before) if sentence.strip()]
    return said_on(sentences[-1], published_on) if sentences else None


def _around(said: Found, paragraphs: list[str]) -> str:
    """The words near a statement in its paragraph: what the reporter says of its topic.
    Near only: a paragraph of thousands of statements is not read whole for each."""
    paragraph = paragraphs[said.paragraph]
    return paragraph[max(said.position - REACH, 0) : said.position + len(said.words) + REACH]


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


def _party_named(speaker: Speaker, parties: list[Party]) -> Party | None:
    """The party a new person's or a source's words name ("Russian Foreign Ministry")."""
    return next((party for party in parties if speaker_names_party(speaker, party)), None)


def name_language(names: Iterable[str]) -> str | None:
    """The language a person's own name is written in, from its spellings on record:
    Умєров is Ukrainian, Мединский Russian; None when every spelling is in Latin letters."""
    found = [_language(name) for name in names if _CYRILLIC.search(name)]
    if not found:
        return None
    return "uk" if "uk" in found else found[0]


def _party_languages() -> dict[int, str]:
    """Each party's language, as its delegates' names on record are written: one query.
    An unnamed official's English words are a translation when their party's is not."""
    rows = Membership.objects.values_list("delegation__party_id", "person__aliases").distinct()
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for party_id, aliases in rows:
        language = name_language(aliases.splitlines())
        if language:
            counts[party_id][language] += 1
    return {party_id: counter.most_common(1)[0][0] for party_id, counter in counts.items()}


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
    # What the editors wrote of where each issue stands and of the parties' positions on
    # it: the words reports use of it ("the station", "the lists", "the land").
    for issue_id, summary in IssueStatus.objects.filter(issue__in=issues, state=PublicationState.PUBLISHED).values_list(
        "issue_id", "summary"
    )[:SAID_BY_ISSUE]:
        said[issue_id].append(summary)
    for issue_id, stance, text in Position.objects.filter(
        issue__in=issues, state=PublicationState.PUBLISHED
    ).values_list("issue_id", "stance", "text")[:SAID_BY_ISSUE]:
        said[issue_id].append(f"{stance} {text}")
    return Topics(issues, said)
