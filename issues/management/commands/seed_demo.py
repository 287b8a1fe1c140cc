"""`manage.py seed_demo`: load the demo dataset, the facts of seed-facts.md.

The 2026 US-brokered Russia–Ukraine rounds (Abu Dhabi twice, then Geneva) and the
parallel US–Iran round in Geneva, so that the app is never built around one conflict.

Every record is written through its app's services as the system user, with a UUID
derived from a fixed key, so a second run finds every record already there and writes
nothing at all. Where the sources are silent (a time of day, a URL, a member's title)
the field stays empty.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from delegations.models import Delegation, Membership, Party, Person
from delegations.services import delegation_save, membership_save, party_save, person_save
from issues.models import Agreement, Issue, IssueStatus, Position, Publishable, Statement
from issues.services import agreement_save, issue_save, issue_status_save, position_save, publish, statement_save
from issues.vocabulary import AssessmentStatus as Status
from negotrack.groups import system_user
from negotrack.records import Record
from rounds.dates import DatePrecision
from rounds.models import Process, Round, Session, Source
from rounds.services import process_save, round_save, session_save, source_save

# Changing this namespace, or a record's key below, makes the next run load a second copy.
DEMO_NAMESPACE = uuid.UUID("8d0f7f0e-5b7a-4c1e-9a43-2f6a1c3b9e52")

ABU_DHABI_I = "abu-dhabi-2026-01-23"
ABU_DHABI_II = "abu-dhabi-2026-02-04"
GENEVA = "geneva-2026-02-17"
US_IRAN_GENEVA = "us-iran-geneva-2026-02-17"

HEAD, MEMBER = Membership.Role.HEAD, Membership.Role.MEMBER
NEGOTIATING, MEDIATOR, HOST = Delegation.Role.NEGOTIATING_PARTY, Delegation.Role.MEDIATOR, Delegation.Role.HOST
QUOTE, PARAPHRASE = Statement.Kind.QUOTE, Statement.Kind.PARAPHRASE
Medium = Statement.Medium


# --- the facts -----------------------------------------------------------------------
# Rows name the records they refer to by key (see REFERENCES); round keys are the slugs
# the rounds receive.

SOURCES = {
    "mt-geneva": dict(
        outlet="The Moscow Times",
        title="'Difficult But Businesslike': Ukraine Peace Talks in Switzerland End",
        published_on=date(2026, 2, 18),
    ),
    "axios-zelensky": dict(
        outlet="Axios", title="Interview with Volodymyr Zelensky", published_on=date(2026, 2, 17), via="mt-geneva"
    ),
    "witkoff-x-geneva": dict(
        outlet="X (Steve Witkoff's account)", title="Post after the Geneva round", published_on=date(2026, 2, 18)
    ),
    "witkoff-x-abudhabi": dict(
        outlet="X (Steve Witkoff's account)",
        title="Post announcing the prisoner exchange",
        published_on=date(2026, 2, 5),
    ),
    "uae-mfa": dict(
        outlet="UAE Ministry of Foreign Affairs",
        title="Statement on the two Abu Dhabi rounds",
        published_on=date(2026, 2, 5),
    ),
    "swissinfo-geneva": dict(
        outlet="swissinfo.ch", title="Report on the opening of the Geneva talks", published_on=date(2026, 2, 17)
    ),
    "aa-abudhabi": dict(
        outlet="Anadolu Agency",
        title="Ukraine discussions in Abu Dhabi 'constructive': US special envoy",
        published_on=date(2026, 2, 5),
    ),
    "abc-abudhabi": dict(
        outlet="ABC News",
        title="Report on the end of the second Abu Dhabi round, naming the three delegations",
        published_on=date(2026, 2, 5),
    ),
    "theweek-geneva": dict(
        outlet="The Week", title="Witkoff and Kushner tackle Ukraine, Iran in Geneva", published_on=date(2026, 2, 18)
    ),
    "afp-abudhabi": dict(
        outlet="AFP (in Hurriyet Daily News)",
        title="Russia, Ukraine agree POW swap at Abu Dhabi talks: US envoy",
        published_on=date(2026, 2, 5),
    ),
}

PROCESSES = {
    "russia-ukraine": dict(
        name="Russia–Ukraine peace talks (US-brokered)",
        short_name="Russia–Ukraine",
        description="Talks between Russia and Ukraine mediated by the United States in 2026: trilateral rounds "
        "with working groups.",
    ),
    "us-iran": dict(
        name="US–Iran nuclear talks",
        short_name="US–Iran",
        description="Indirect talks between the United States and Iran on Iran's nuclear programme, mediated by Oman.",
    ),
}

PARTIES = {
    "russia": dict(name="Russia"),
    "ukraine": dict(name="Ukraine"),
    "united-states": dict(name="United States", short_name="US"),
    "united-arab-emirates": dict(name="United Arab Emirates", short_name="UAE"),
    "iran": dict(name="Iran"),
    "oman": dict(name="Oman"),
}


def person(name, *aliases, description=""):
    """A person with the other spellings they are reported under."""
    return dict(name=name, aliases="\n".join(aliases), description=description)


PEOPLE = {
    "zelensky": person(
        "Volodymyr Zelensky", "Zelenskyy", "Зеленський", "Зеленский", description="President of Ukraine"
    ),
    "umerov": person(
        "Rustem Umerov",
        "Umjerow",
        "Умєров",
        "Умеров",
        description="Secretary of Ukraine's National Security and Defense Council",
    ),
    "budanov": person("Kyrylo Budanov", "Буданов", description="Head of the Ukrainian presidential office"),
    "hnatov": person("Andrii Hnatov", "Gnatov", "Гнатов", description="Chief of the General Staff of Ukraine"),
    "dmitriev": person(
        "Kirill Dmitriev",
        "Dmitriyev",
        "Дмитриев",
        description="Russian special presidential envoy; CEO of the Russian Direct Investment Fund",
    ),
    "medinsky": person("Vladimir Medinsky", "Medinskiy", "Мединский", description="Kremlin adviser"),
    "peskov": person("Dmitry Peskov", "Песков", description="Kremlin spokesman"),
    "kostyukov": person(
        "Igor Kostyukov", "Костюков", description="Admiral; head of Russia's GRU military intelligence"
    ),
    "witkoff": person("Steve Witkoff", "Steven Witkoff", description="US special envoy"),
    "kushner": person("Jared Kushner"),
    "trump": person("Donald Trump", description="President of the United States"),
    "grynkewich": person("Alexus Grynkewich", description="General; commander, US European Command"),
    "araghchi": person("Abbas Araghchi", "Araqchi", "عراقچی", description="Foreign minister of Iran"),
}

CONCLUDED = Round.Status.CONCLUDED

ROUNDS = {
    ABU_DHABI_I: dict(
        process="russia-ukraine",
        ordinal=1,
        city="Abu Dhabi",
        country="United Arab Emirates",
        start_date=date(2026, 1, 23),
        end_date=date(2026, 1, 24),
        format=Round.Format.TRILATERAL,
        status=CONCLUDED,
        summary="The first trilateral round of Russia, Ukraine and the United States, hosted by the UAE.",
        sources=["uae-mfa"],
    ),
    ABU_DHABI_II: dict(
        process="russia-ukraine",
        ordinal=2,
        city="Abu Dhabi",
        country="United Arab Emirates",
        start_date=date(2026, 2, 4),
        end_date=date(2026, 2, 5),
        format=Round.Format.TRILATERAL,
        status=CONCLUDED,
        summary="Trilateral consultations with working groups, hosted by the UAE.",
        outcome="The delegations agreed to swap 314 prisoners of war, 157 for 157, the first exchange in five "
        "months, and the United States and Russia agreed to open a military-to-military dialogue. Ways to "
        "implement a ceasefire and to monitor a halt to military activity were discussed; the delegations "
        "are to report back to their capitals.",
        sources=["uae-mfa", "witkoff-x-abudhabi", "aa-abudhabi", "abc-abudhabi"],
    ),
    # Created before the US–Iran round of the same day, so that this one gets the plain slug.
    GENEVA: dict(
        process="russia-ukraine",
        ordinal=3,
        city="Geneva",
        country="Switzerland",
        venue="InterContinental Hotel",
        start_date=date(2026, 2, 17),
        end_date=date(2026, 2, 18),
        format=Round.Format.TRILATERAL,
        status=CONCLUDED,
        summary="A two-day trilateral meeting with political and military working groups; the second day "
        "lasted about two hours.",
        outcome="No agreement on the fundamental issues. Russia and Ukraine settled almost every question of a "
        "ceasefire monitoring mechanism, in which the United States is to take part; occupied territory and "
        "the future of the Zaporizhzhia Nuclear Power Plant remain open. More talks are to follow soon, with "
        "no time or place set.",
        sources=["mt-geneva", "swissinfo-geneva"],
    ),
    US_IRAN_GENEVA: dict(
        process="us-iran",
        city="Geneva",
        country="Switzerland",
        start_date=date(2026, 2, 17),
        end_date=date(2026, 2, 17),
        format=Round.Format.PROXIMITY,
        status=CONCLUDED,
        summary="Indirect talks through Omani mediators, held by Steve Witkoff and Jared Kushner back to back "
        "with the Ukraine talks.",
        sources=["mt-geneva", "theweek-geneva"],
    ),
}

# Abu Dhabi II's working groups are reported without their day, so only Geneva's sittings
# are recorded; no source gives a time of day.
SESSIONS = {
    GENEVA: [
        dict(date=date(2026, 2, 17), track=Session.Track.POLITICAL, summary="Political working group, first day."),
        dict(date=date(2026, 2, 17), track=Session.Track.MILITARY, summary="Military working group, first day."),
        dict(
            date=date(2026, 2, 18),
            track=Session.Track.PLENARY,
            summary="The trilateral meeting's second day, which lasted about two hours.",
        ),
    ],
}


def delegation(role=NEGOTIATING, *, sources, note="", members=()):
    return dict(role=role, note=note, sources=sources, members=members)


def member(person, title="", *, role=MEMBER, note="", sources=None):
    """A member; `sources` only where they differ from the delegation's."""
    return dict(person=person, title=title, role=role, note=note, sources=sources)


DMITRIEV_ENVOY = "special presidential envoy; CEO of the Russian Direct Investment Fund"
NSDC_SECRETARY = "secretary of the National Security and Defense Council"
US_TEAM = [member("witkoff", "special envoy"), member("kushner")]

# Attendance is left out: no source says who of a delegation sat in which session.
DELEGATIONS = {
    ABU_DHABI_I: {
        "russia": delegation(sources=["uae-mfa"]),
        "ukraine": delegation(sources=["uae-mfa"]),
        "united-states": delegation(MEDIATOR, sources=["uae-mfa"]),
        "united-arab-emirates": delegation(HOST, sources=["uae-mfa"]),
    },
    ABU_DHABI_II: {
        "russia": delegation(
            sources=["abc-abudhabi", "mt-geneva"],
            note="Reports differ on who led: The Moscow Times names Kostyukov as Moscow's chief representative, "
            "other reports name Dmitriev.",
            members=[
                member(
                    "kostyukov",
                    "head of the GRU military intelligence agency",
                    role=HEAD,
                    note="Moscow's chief representative at Abu Dhabi, per The Moscow Times.",
                    sources=["mt-geneva", "abc-abudhabi"],
                ),
                member("dmitriev", DMITRIEV_ENVOY, sources=["abc-abudhabi"]),
            ],
        ),
        "ukraine": delegation(
            sources=["abc-abudhabi"],
            members=[
                member("umerov", NSDC_SECRETARY, role=HEAD),
                member("budanov", "head of the presidential office"),
                member("hnatov", "chief of the General Staff"),
            ],
        ),
        "united-states": delegation(MEDIATOR, sources=["abc-abudhabi"], members=US_TEAM),
        "united-arab-emirates": delegation(HOST, sources=["uae-mfa"]),
    },
    GENEVA: {
        "russia": delegation(
            sources=["mt-geneva"],
            note="Nearly two dozen other officials, not named.",
            members=[
                member("medinsky", "Kremlin adviser", role=HEAD),
                member("kostyukov", "head of the GRU"),
                member("dmitriev", "Kremlin envoy; CEO of the Russian Direct Investment Fund"),
            ],
        ),
        "ukraine": delegation(sources=["mt-geneva"], members=[member("umerov", NSDC_SECRETARY, role=HEAD)]),
        "united-states": delegation(MEDIATOR, sources=["mt-geneva"], members=US_TEAM),
    },
    US_IRAN_GENEVA: {
        "united-states": delegation(sources=["mt-geneva", "theweek-geneva"], members=US_TEAM),
        "iran": delegation(sources=["mt-geneva", "theweek-geneva"]),
        "oman": delegation(MEDIATOR, sources=["mt-geneva", "theweek-geneva"]),
    },
}

# Keys are the slugs the issues receive: "{process}-{topic}".
ISSUES = {
    "russia-ukraine": [
        dict(
            topic="ceasefire-monitoring",
            name="Ceasefire monitoring mechanism",
            description="How a ceasefire would be put in place and a halt to military activity monitored.",
        ),
        dict(
            topic="territory",
            name="Territory (eastern Donbas)",
            description="The fate of occupied territory, above all the part of eastern Donbas Russia demands.",
        ),
        dict(
            topic="zaporizhzhia-npp",
            name="Zaporizhzhia Nuclear Power Plant",
            description="The future status of the plant.",
        ),
        dict(topic="prisoner-exchange", name="Prisoner exchange", description="Swaps of prisoners of war."),
        dict(
            topic="military-dialogue",
            name="US–Russia military dialogue",
            description="A military-to-military channel between the United States and Russia.",
        ),
        dict(
            topic="security-guarantees",
            name="Security guarantees for Ukraine",
            description="Guarantees of Ukraine's security, which Ukraine seeks from the United States and Europe.",
        ),
        dict(
            topic="leaders-meeting",
            name="Leaders' meeting (Zelensky–Putin)",
            description="A meeting of the two presidents.",
        ),
    ],
    "us-iran": [
        dict(
            topic="nuclear-programme",
            name="Iran's nuclear programme",
            description="Iran's nuclear programme, the subject of the indirect talks.",
        ),
    ],
}


def status(value, summary, *sources):
    return dict(status=value, summary=summary, sources=list(sources))


# The seed's mapping table, cell by cell; a round that did not assess an issue has no cell.
STATUSES = {
    "russia-ukraine-ceasefire-monitoring": {
        ABU_DHABI_II: status(
            Status.DISCUSSED,
            "Ways to implement a ceasefire and monitor a halt to military activity were discussed; the "
            "delegations are to report back to their capitals.",
            "aa-abudhabi",
        ),
        GENEVA: status(
            Status.NEAR_AGREEMENT,
            "Russia and Ukraine agreed on almost all questions of the mechanism, in which the United States "
            "is to take part.",
            "mt-geneva",
        ),
    },
    "russia-ukraine-territory": {
        GENEVA: status(
            Status.DEADLOCKED, "Positions still differ; the fate of occupied territory is open.", "mt-geneva"
        ),
    },
    "russia-ukraine-zaporizhzhia-npp": {
        GENEVA: status(Status.STALLED, "The plant's future status was left unresolved.", "mt-geneva"),
    },
    "russia-ukraine-prisoner-exchange": {
        ABU_DHABI_II: status(
            Status.AGREED, "A swap of 314 prisoners of war, 157 for 157, was agreed.", "witkoff-x-abudhabi"
        ),
    },
    "russia-ukraine-military-dialogue": {
        ABU_DHABI_II: status(
            Status.AGREED,
            "The United States and Russia agreed to set up a military-to-military dialogue.",
            "aa-abudhabi",
        ),
    },
    "russia-ukraine-security-guarantees": {
        GENEVA: status(
            Status.RAISED, "On the agenda; Ukraine presses the United States and Europe for guarantees.", "mt-geneva"
        ),
    },
    "russia-ukraine-leaders-meeting": {
        GENEVA: status(Status.RAISED, "Ukraine proposes a meeting of Zelensky and Putin.", "axios-zelensky"),
    },
    "us-iran-nuclear-programme": {
        US_IRAN_GENEVA: status(
            Status.DISCUSSED,
            "Discussed through Omani mediators; Iran's foreign minister spoke of good progress toward a clear "
            "path ahead.",
            "mt-geneva",
            "theweek-geneva",
        ),
    },
}

POSITIONS = {
    "russia-ukraine-territory": {
        "russia": dict(
            round=GENEVA,
            stance="demands the rest of eastern Donbas, including land its forces do not hold",
            text="Ukraine must hand over the rest of the eastern Donbas region, including territory Russian forces "
            "do not control. Putin has warned that Russia would otherwise take more by force, and has called for "
            "a change of government in Kyiv.",
            sources=["mt-geneva"],
        ),
        "ukraine": dict(
            round=GENEVA,
            stance="refuses to cede territory; a demilitarized zone only with an equal Russian pull-back",
            text="Ukraine rejects handing over territory. It would discuss pulling troops out of parts of Donbas "
            'only if Russia withdraws its forces an equal distance, creating a demilitarized "free economic '
            'zone", and says Ukrainians would reject a territorial concession in a referendum.',
            sources=["mt-geneva"],
        ),
        "united-states": dict(
            round=GENEVA,
            stance='proposes a demilitarized "free economic zone"',
            text='The United States proposes the demilitarized "free economic zone".',
            sources=["mt-geneva"],
        ),
    },
}

AGREEMENTS = {
    "prisoner-exchange": dict(
        process="russia-ukraine",
        round=ABU_DHABI_II,
        title="Exchange of 314 prisoners of war",
        terms="Russia and Ukraine are to exchange 314 prisoners of war, 157 for 157, the first exchange in five "
        "months.",
        figures=[
            {"label": "prisoners of war exchanged", "value": 314},
            {"label": "released by each side", "value": 157},
        ],
        parties=["russia", "ukraine"],
        issues=["russia-ukraine-prisoner-exchange"],
        sources=["witkoff-x-abudhabi", "aa-abudhabi"],
    ),
    "military-dialogue": dict(
        process="russia-ukraine",
        round=ABU_DHABI_II,
        title="US–Russia military-to-military dialogue",
        terms="The United States and Russia are to set up a military-to-military dialogue, led on the US side by "
        "Gen. Alexus Grynkewich, commander of US European Command.",
        parties=["united-states", "russia"],
        issues=["russia-ukraine-military-dialogue"],
        sources=["aa-abudhabi"],
    ),
}

# A statement belongs to the round during whose days it was made; the remarks of the week
# before Geneva stand between rounds.
STATEMENTS = {
    "witkoff-2026-02-05-prisoner-exchange": dict(
        round=ABU_DHABI_II,
        speaker="witkoff",
        party="united-states",
        speaker_title="special envoy",
        date=date(2026, 2, 5),
        medium=Medium.SOCIAL_MEDIA,
        kind=QUOTE,
        text="Today, delegations from the United States, Ukraine, and Russia agreed to exchange 314 prisoners -- "
        "the first such exchange in five months.",
        issues=["russia-ukraine-prisoner-exchange"],
        sources=["witkoff-x-abudhabi"],
    ),
    "dmitriev-2026-02-05-progress": dict(
        round=ABU_DHABI_II,
        speaker="dmitriev",
        party="russia",
        speaker_title=DMITRIEV_ENVOY,
        date=date(2026, 2, 5),
        medium=Medium.PRESS_REMARKS,
        text_is_translation=True,  # said in Russian to Russian media; the report's English
        kind=QUOTE,
        text="There is definitely progress, things are moving forward in a good, positive direction.",
        sources=["afp-abudhabi"],
    ),
    "zelensky-2026-02-17-axios-end-the-war": dict(
        round=GENEVA,
        speaker="zelensky",
        party="ukraine",
        speaker_title="President of Ukraine",
        date=date(2026, 2, 17),
        medium=Medium.INTERVIEW,
        kind=PARAPHRASE,
        text='Witkoff and Kushner believe Russia "genuinely wants to end the war".',
        sources=["axios-zelensky"],
    ),
    "zelensky-2026-02-17-axios-never-forgive": dict(
        round=GENEVA,
        speaker="zelensky",
        party="ukraine",
        speaker_title="President of Ukraine",
        date=date(2026, 2, 17),
        medium=Medium.INTERVIEW,
        kind=QUOTE,
        text="Emotionally, people will never forgive this. Never.",
        issues=["russia-ukraine-territory"],
        sources=["axios-zelensky"],
    ),
    "zelensky-2026-02-18-groundwork": dict(
        round=GENEVA,
        speaker="zelensky",
        party="ukraine",
        speaker_title="President of Ukraine",
        date=date(2026, 2, 18),
        medium=Medium.PRESS_REMARKS,
        kind=QUOTE,
        text="We can see that some groundwork has been done, but for now the positions differ, because the "
        "negotiations were not easy.",
        sources=["mt-geneva"],
    ),
    "medinsky-2026-02-18-difficult-but-businesslike": dict(
        round=GENEVA,
        speaker="medinsky",
        party="russia",
        speaker_title="Kremlin adviser",
        date=date(2026, 2, 18),
        medium=Medium.PRESS_REMARKS,
        text_is_translation=True,  # said in Russian to Russian media; the report's English
        kind=PARAPHRASE,
        text='The talks were "difficult but businesslike".',
        sources=["mt-geneva"],
    ),
    "umerov-2026-02-18-progress": dict(
        round=GENEVA,
        speaker="umerov",
        party="ukraine",
        speaker_title=NSDC_SECRETARY,
        date=date(2026, 2, 18),
        medium=Medium.NOT_REPORTED,
        kind=QUOTE,
        text="there is progress, but no details can be disclosed at this stage.",
        sources=["mt-geneva"],
    ),
    "witkoff-2026-02-18-meaningful-progress": dict(
        round=GENEVA,
        speaker="witkoff",
        party="united-states",
        speaker_title="special envoy",
        date=date(2026, 2, 18),
        medium=Medium.SOCIAL_MEDIA,
        kind=PARAPHRASE,
        text='The talks made "meaningful progress"; "both parties agreed to update their respective leaders and '
        'continue working toward a deal."',
        sources=["witkoff-x-geneva"],
    ),
    "peskov-week-2026-02-16-main-issues": dict(
        process="russia-ukraine",
        speaker="peskov",
        party="russia",
        speaker_title="Kremlin spokesman",
        date=date(2026, 2, 16),
        date_precision=DatePrecision.WEEK,
        medium=Medium.NOT_REPORTED,
        text_is_translation=True,  # said in Russian to Russian media; the report's English
        kind=PARAPHRASE,
        text='The Russian delegates would focus on the "main issues" concerning "territories and everything else '
        'related to the demands we have put forward."',
        issues=["russia-ukraine-territory"],
        sources=["mt-geneva"],
    ),
    "trump-week-2026-02-16-big-talks": dict(
        process="russia-ukraine",
        speaker="trump",
        party="united-states",
        speaker_title="US President",
        date=date(2026, 2, 16),
        date_precision=DatePrecision.WEEK,
        medium=Medium.NOT_REPORTED,
        kind=QUOTE,
        text="They're big talks. It's going to be very easy.",
        sources=["mt-geneva"],
    ),
    "trump-week-2026-02-16-come-to-the-table": dict(
        process="russia-ukraine",
        speaker="trump",
        party="united-states",
        speaker_title="US President",
        date=date(2026, 2, 16),
        date_precision=DatePrecision.WEEK,
        medium=Medium.NOT_REPORTED,
        kind=QUOTE,
        text="Ukraine better come to the table, fast.",
        sources=["mt-geneva"],
    ),
    "araghchi-2026-02-17-more-constructive": dict(
        round=US_IRAN_GENEVA,
        speaker="araghchi",
        party="iran",
        speaker_title="foreign minister of Iran",
        date=date(2026, 2, 17),
        medium=Medium.NOT_REPORTED,
        kind=PARAPHRASE,
        text='The talks were "more constructive" than before, with "good progress" toward a "clear path ahead".',
        issues=["us-iran-nuclear-programme"],
        sources=["mt-geneva", "theweek-geneva"],
    ),
}


# --- loading -------------------------------------------------------------------------

# Each kind of record: its model and the service that saves it.
KINDS: dict[str, tuple[type[Record], Callable]] = {
    "source": (Source, source_save),
    "process": (Process, process_save),
    "party": (Party, party_save),
    "person": (Person, person_save),
    "round": (Round, round_save),
    "session": (Session, session_save),
    "delegation": (Delegation, delegation_save),
    "membership": (Membership, membership_save),
    "issue": (Issue, issue_save),
    "status": (IssueStatus, issue_status_save),
    "position": (Position, position_save),
    "agreement": (Agreement, agreement_save),
    "statement": (Statement, statement_save),
}

# Row fields that name other records by key, and the kind they name; the plural ones are
# many-to-many values, which go to the service beside the record.
REFERENCES = {
    "via": "source",
    "process": "process",
    "round": "round",
    "party": "party",
    "speaker": "person",
    "person": "person",
    "delegation": "delegation",
    "issue": "issue",
    "sources": "source",
    "parties": "party",
    "issues": "issue",
}
MANY = {"sources", "parties", "issues"}


def demo_uuid(kind: str, key: str) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, f"{kind}:{key}")


def demo_rows() -> Iterator[tuple[str, str, dict]]:
    """Every record of the demo as (kind, key, row), each after the records it names."""
    yield from table("source", SOURCES)
    yield from table("process", {slug: {**row, "slug": slug} for slug, row in PROCESSES.items()})
    yield from table("party", PARTIES)
    yield from table("person", PEOPLE)
    yield from table("round", ROUNDS)
    for round_key, sessions in SESSIONS.items():
        for row in sessions:
            yield "session", f"{round_key}/{row['date']}/{row['track']}", {**row, "round": round_key}
    for round_key, delegations in DELEGATIONS.items():
        for party_key, row in delegations.items():
            key = f"{round_key}/{party_key}"
            yield "delegation", key, {**without(row, "members"), "round": round_key, "party": party_key}
            for seat in row["members"]:
                sources = seat["sources"] or row["sources"]
                yield "membership", f"{key}/{seat['person']}", {**seat, "delegation": key, "sources": sources}
    for process_key, issues in ISSUES.items():
        for order, row in enumerate(issues, start=1):
            yield "issue", f"{process_key}-{row['topic']}", {**row, "process": process_key, "sort_order": order}
    for issue_key, by_round in STATUSES.items():
        for round_key, row in by_round.items():
            yield "status", f"{issue_key}@{round_key}", {**row, "issue": issue_key, "round": round_key}
    for issue_key, by_party in POSITIONS.items():
        for party_key, row in by_party.items():
            yield "position", f"{issue_key}/{party_key}@{row['round']}", {**row, "issue": issue_key, "party": party_key}
    yield from table("agreement", AGREEMENTS)
    for key, row in STATEMENTS.items():
        # Said at a round: the round's process; between rounds the row names its process.
        process = row["process"] if "process" in row else ROUNDS[row["round"]]["process"]
        yield "statement", key, {**row, "process": process}


def table(kind: str, rows: dict[str, dict]) -> Iterator[tuple[str, str, dict]]:
    for key, row in rows.items():
        yield kind, key, row


def without(row: dict, *names: str) -> dict:
    return {name: value for name, value in row.items() if name not in names}


class DemoLoader:
    """Writes the demo rows through the services, skipping every record that already exists."""

    def __init__(self, *, by):
        self.by = by
        self.records: dict[str, dict[str, Record]] = {kind: {} for kind in KINDS}
        self.created: Counter[str] = Counter()
        self.existing: Counter[str] = Counter()

    def load(self) -> None:
        for kind, key, row in demo_rows():
            self.ensure(kind, key, row)

    def ensure(self, kind: str, key: str, row: dict) -> Record:
        model, save = KINDS[kind]
        record_uuid = demo_uuid(kind, key)
        record = model._default_manager.filter(uuid=record_uuid).first()
        if record is None:
            fields, related = self.resolve(row)
            record = model(uuid=record_uuid, **fields)
            save(record, by=self.by, **related)
            if isinstance(record, Publishable):
                publish(record, by=self.by)
            self.created[kind] += 1
        else:
            self.existing[kind] += 1
        self.records[kind][key] = record
        return record

    def resolve(self, row: dict) -> tuple[dict, dict]:
        """Split a row into model fields and many-to-many values, with keys turned into records."""
        fields, related = {}, {}
        for name, value in row.items():
            if name in MANY:
                related[name] = [self.records[REFERENCES[name]][key] for key in value]
            elif name in REFERENCES:
                fields[name] = self.records[REFERENCES[name]][value]
            else:
                fields[name] = value
        return fields, related

    def summary(self) -> str:
        created = f"{self.created.total()} records created"
        if self.created:
            kinds = (f"{count} {KINDS[kind][0]._meta.verbose_name_plural}" for kind, count in self.created.items())
            created += f" ({', '.join(kinds)})"
        return f"seed_demo: {created}, {self.existing.total()} already there."


class Command(BaseCommand):
    help = "Load the demo dataset (the 2026 Russia–Ukraine rounds and the US–Iran round in Geneva); safe to rerun."

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                loader = DemoLoader(by=system_user())
                loader.load()
        except ValidationError as error:
            raise CommandError(f"The demo data was refused, and nothing was loaded: {error}") from error
        self.stdout.write(loader.summary())
