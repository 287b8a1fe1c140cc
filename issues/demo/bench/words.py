"""The invented world of the benchmark generator, read from data/bench_words.json:
processes, parties, places, outlets, agenda topics, names and the sentences of
statements. Every choice among them is drawn from the generator's seeded random number
generator, so a seed writes the same record.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from faker import Faker

    from issues.models import Issue
    from rounds.models import Round

WORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "bench_words.json"


@dataclass(frozen=True)
class Place:
    city: str
    country: str
    time_zone: str
    venues: tuple[str, ...]
    host: str | None = None  # the party that may sit at the table as host


@dataclass(frozen=True)
class Outlet:
    name: str
    domain: str = ""  # none for outlets whose items have no stable address


@dataclass(frozen=True)
class ProcessTemplate:
    slug: str
    name: str
    short_name: str
    description: str
    sides: tuple[str, str]
    mediators: tuple[str, ...]
    places: tuple[Place, ...]
    formats: tuple[str, ...]
    outlets: tuple[Outlet, ...]


@dataclass(frozen=True)
class PartyProfile:
    short_name: str
    kind: str
    adjective: str
    capital: str  # how reporting names the side: "Moscow says…"
    language: str
    names: str  # how its people are named: a Faker locale, "cyrillic-ru", or a NAME_LISTS key


@dataclass(frozen=True)
class Topic:
    slug: str
    name: str
    phrase: str  # as it reads inside a sentence
    description: str


_WORDS: dict[str, Any] = json.loads(WORDS_FILE.read_text(encoding="utf-8"))


def _words(name: str) -> tuple[str, ...]:
    return tuple(_WORDS[name])


PARTIES = {name: PartyProfile(**profile) for name, profile in _WORDS["parties"].items()}
GENERAL_OUTLETS = tuple(Outlet(**outlet) for outlet in _WORDS["general_outlets"])
_PLACES = {
    city: Place(city=city, **{**place, "venues": tuple(place["venues"])}) for city, place in _WORDS["places"].items()
}
PROCESSES = tuple(
    ProcessTemplate(
        **{
            **template,
            "sides": tuple(template["sides"]),
            "mediators": tuple(template["mediators"]),
            "places": tuple(_PLACES[city] for city in template["places"]),
            "formats": tuple(template["formats"]),
            "outlets": tuple(Outlet(**outlet) for outlet in template["outlets"]),
        }
    )
    for template in _WORDS["processes"]
)
TOPICS = tuple(Topic(**topic) for topic in _WORDS["topics"])
_TOPIC_BY_SLUG = {topic.slug: topic for topic in TOPICS}

HEADLINES = _words("headlines")
OUTCOMES = _words("outcomes")
TRACKS = _words("tracks")
SESSION_SUMMARIES = _words("session_summaries")
DELEGATION_NOTES = _words("delegation_notes")
STATUS_NOTES = _words("status_notes")
STANCES = _words("stances")
UNNAMED = _words("unnamed")
MEDIA_AT_ROUND = _words("media_at_round")
MEDIA_BETWEEN_ROUNDS = _words("media_between_rounds")
HEAD_TITLES = _words("head_titles")
MEMBER_TITLES = _words("member_titles")
QUOTE_ON_ISSUE = _words("quote_on_issue")
QUOTE_GENERAL = _words("quote_general")
REPORTED_OPENING = _words("reported_opening")
REPORTED_ON_ISSUE = _words("reported_on_issue")
REPORTED_GENERAL = _words("reported_general")
ADJECTIVES = _words("adjectives")


def topic_of(issue: Issue) -> Topic:
    """The topic an issue was made from (topics repeat with a number past the list's end)."""
    slug = issue.topic
    return _TOPIC_BY_SLUG.get(slug) or _TOPIC_BY_SLUG[slug.rsplit("-", 1)[0]]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def statement_text(rng: random.Random, *, kind: str, speaker: str, other: str, city: str, topics: list[Topic]) -> str:
    """A couple of sentences to a paragraph, about the statement's issues."""
    values = {"other": other, "Other": _cap(other), "city": city, "speaker": speaker, "Speaker": _cap(speaker)}

    def say(template: str, topic: Topic | None = None) -> str:
        adj, adj2 = rng.sample(ADJECTIVES, 2)
        return template.format(issue=topic.phrase if topic else "", adj=adj, adj2=adj2, **values)

    general = rng.choice((1, 1, 2, 2, 3, 4, 5))
    if kind == "quote":
        sentences = [say(rng.choice(QUOTE_ON_ISSUE), topic) for topic in topics]
        sentences += [say(template) for template in rng.sample(QUOTE_GENERAL, general)]
        rng.shuffle(sentences)
        return " ".join(sentences)
    opening = say(rng.choice(REPORTED_OPENING), topics[0])
    sentences = [say(rng.choice(REPORTED_ON_ISSUE), topic) for topic in topics[1:]]
    sentences += [say(template) for template in rng.sample(REPORTED_GENERAL, min(general, len(REPORTED_GENERAL)))]
    rng.shuffle(sentences)
    return " ".join([opening, *sentences])


def in_text(party: str) -> str:
    """A party's name inside a sentence: "the United States", but "Russia"."""
    return f"the {party}" if party.startswith(("United ", "European ")) else party


def round_summary(
    rng: random.Random, talk_round: Round, parties: list[tuple[str, list[str]]], topics: list[Topic]
) -> str:
    (first, _), (second, _), (third, roles) = parties
    issues = " and ".join(topic.phrase for topic in topics)
    return (
        f"Delegations of {in_text(first)} and {in_text(second)} met in {talk_round.city} with {in_text(third)} "
        f"present as {' and '.join(roles)}. They discussed {issues}; the talks were described as "
        f"{rng.choice(ADJECTIVES)}."
    )


def position_text(rng: random.Random, side: str, topic: Topic) -> str:
    return (
        f"{PARTIES[side].capital} {rng.choice(('holds', 'maintains', 'repeated', 'set out'))} its position on "
        f"{topic.phrase}: {topic.description[:1].lower()}{topic.description[1:]}"
    )


# --- names -------------------------------------------------------------------------

_NAMES = _WORDS["names"]
FAKER_LOCALES: dict[str, str] = _NAMES["faker_locales"]
_EUROPEAN_LOCALES = tuple(_NAMES["european_locales"])
# Each Cyrillic letter and its Latin spelling ("_": none).
_CYRILLIC_ENGLISH = dict(zip(_NAMES["cyrillic_letters"], _NAMES["cyrillic_english"].split(), strict=True))
_CYRILLIC_GERMAN = dict(zip(_NAMES["cyrillic_letters"], _NAMES["cyrillic_german"].split(), strict=True))
_UKRAINIAN: dict[str, str] = _NAMES["ukrainian"]  # where Ukrainian romanization differs from Russian
_AZERI_ENGLISH = str.maketrans(_NAMES["azeri_english"])
_ASCII = str.maketrans(_NAMES["ascii"])
# How the press spells the names of a party whose people Faker does not name: first
# names, last names, and pairs of spellings that vary from one outlet to another.
NAME_LISTS = {
    scheme: (tuple(names["first"]), tuple(names["last"]), [tuple(pair) for pair in names["variants"]])
    for scheme, names in _NAMES["lists"].items()
}


def _transliterate(text: str, table: dict[str, str], overrides: dict[str, str]) -> str:
    out = []
    for char in text:
        lower = char.lower()
        latin = overrides.get(lower) or table.get(lower)
        if latin is None:
            out.append(char)
            continue
        latin = "" if latin == "_" else latin
        out.append(latin.capitalize() if char != lower else latin)
    return "".join(out)


def person_name(rng: random.Random, faker: Callable[[str], Faker], profile: PartyProfile) -> tuple[str, list[str]]:
    """An official's name as the English-language press writes it, and their other spellings."""
    female = rng.random() < 0.2
    scheme = profile.names
    if scheme.startswith("cyrillic"):
        fake = faker("uk_UA" if scheme.endswith("uk") else "ru_RU")
        first, last = (
            (fake.first_name_female(), fake.last_name_female())
            if female
            else (fake.first_name_male(), fake.last_name_male())
        )
        overrides = _UKRAINIAN if scheme.endswith("uk") else {}
        native = f"{first} {last}"
        name = _transliterate(native, _CYRILLIC_ENGLISH, overrides)
        return name, _other_than(name, _transliterate(native, _CYRILLIC_GERMAN, overrides), native, _initial(name))
    if scheme in NAME_LISTS:
        firsts, lasts, variants = NAME_LISTS[scheme]
        name = f"{rng.choice(firsts)} {rng.choice(lasts)}"
        variant = name
        for old, new in rng.sample(variants, 2):
            variant = variant.replace(old, new)
        return name, _other_than(name, variant, _initial(name))
    locale = rng.choice(_EUROPEAN_LOCALES) if scheme == "european" else scheme
    fake = faker(locale)
    native = f"{fake.first_name_female() if female else fake.first_name_male()} {fake.last_name()}"
    name = native.translate(_AZERI_ENGLISH if locale == "az_AZ" else _ASCII)
    return name, _other_than(name, native, _initial(name))


def _other_than(name: str, *spellings: str) -> list[str]:
    return [spelling for spelling in dict.fromkeys(spellings) if spelling != name]


def _initial(name: str) -> str:
    first, _, rest = name.partition(" ")
    return f"{first[0]}. {rest}" if rest else name
