"""Who a name in a report names: one matcher for the entry page, the API, setting up a
round and statements proposed from a report.

Reports name officials as they please: "Rustem Umerov", "Umerov", "Умєров", "Umjerow",
"Medinskiy". The matcher takes the text as typed and says what it names:

- resolved: exactly one person fits. A person fits by their slug, full name or an alias,
  or by a part of one in whole words (a surname, "Fidan", "Le Drian"). A slug beats a
  full name or alias, which beats a part of a longer one: so everyone can be named
  without doubt, two people of the same name by their slugs.
- ambiguous: several fit and the round's delegates, when given, do not settle it (one
  delegate among them does): the caller lists them to pick from.
- suggestions: nobody fits, but some are spelled closely (another transliteration, a
  letter missing or extra). They are offered, never chosen for the caller.
- unknown: nobody fits or comes close.

Case, spacing and script do not matter. The database narrows the people who may fit (one
query). Close spellings are looked for, when nothing fits, among everyone's names and
aliases read in one more query (the record holds hundreds of people, a few thousand at
most): in Latin letters (anyascii), each typed word against the words on record by edit
distance (rapidfuzz), then only among the people who have the words it comes near.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum

from anyascii import anyascii
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from delegations.models import Person
from negotrack.search import contains_any_case

# Some transliterations mark a soft sign with an apostrophe (Medins'kiy), others drop it.
_APOSTROPHES = re.compile(r"['’ʼ`]")
_WORD = re.compile(r"\w+")

SUGGESTED = 5  # close spellings offered at most
LISTED = 10  # people named at most in one message


def edits_allowed(word: str) -> int:
    """How far a word may be misspelled and still be suggested: words of three letters or
    fewer must match in full ("Kim" is not "Kin"), a word of four or five may be one letter
    off ("Fidam"), a longer one two (Umjerow for Umerov, Medinskyy, Selenskyj for
    Zelensky: a letter changed and one added are two)."""
    if len(word) <= 3:
        return 0
    return 1 if len(word) <= 5 else 2


class Outcome(StrEnum):
    RESOLVED = "resolved"
    AMBIGUOUS = "ambiguous"
    SUGGESTIONS = "suggestions"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class PersonMatch:
    """What a typed name names: `people` holds the person resolved, the people it could be
    (the round's delegates first), or the close spellings (closest first)."""

    typed: str
    outcome: Outcome
    people: tuple[Person, ...] = ()

    @property
    def person(self) -> Person | None:
        return self.people[0] if self.outcome is Outcome.RESOLVED else None


class _Fit(IntEnum):
    """How a person fits a typed name; the lowest found decides."""

    SLUG = 0
    FULL = 1
    PART = 2


def spelled(text: str) -> str:
    """The text as typed, with its runs of white space made one space."""
    return " ".join(text.split())


def words(text: str) -> tuple[str, ...]:
    """The words of a name, case folded, apostrophes dropped."""
    return tuple(_WORD.findall(_APOSTROPHES.sub("", text.casefold())))


def ascii_words(text: str) -> tuple[str, ...]:
    """The words of a name in Latin letters: Умєров is umierov, Erdoğan erdogan."""
    return words(text if text.isascii() else anyascii(text))  # most names on record are ASCII already


def _runs(label: tuple[str, ...], size: int) -> Iterable[tuple[str, ...]]:
    """The runs of `size` consecutive words of a name."""
    return (label[start : start + size] for start in range(len(label) - size + 1))


@dataclass
class _Known:
    """A person on record and their names (the full name, then the aliases) as words, in
    their own script and in ASCII."""

    person: Person
    labels: list[tuple[str, ...]] = field(init=False)
    ascii_labels: list[tuple[str, ...]] = field(init=False)

    def __post_init__(self) -> None:
        names = [self.person.name, *self.person.alias_list]
        own = [words(name) for name in names]
        self.labels = [found for found in own if found]
        in_ascii = (found if name.isascii() else ascii_words(name) for name, found in zip(names, own, strict=True))
        self.ascii_labels = [found for found in in_ascii if found]

    def fit(self, typed: str, wanted: tuple[str, ...]) -> _Fit | None:
        if typed.casefold() == self.person.slug:
            return _Fit.SLUG
        if wanted in self.labels:
            return _Fit.FULL
        if any(wanted in _runs(label, len(wanted)) for label in self.labels):
            return _Fit.PART
        return None

    def distance(self, near: list[dict[str, int]]) -> int | None:
        """The fewest letters to change for the typed words to spell this person's name, an
        alias, or a run of their words, given the words near each typed word and how near;
        None when no run is near word by word."""
        found = [
            sum(near[position][word] for position, word in enumerate(run))
            for label in self.ascii_labels
            for run in _runs(label, len(near))
            if all(word in near[position] for position, word in enumerate(run))
        ]
        return min(found, default=None)


class _Everyone:
    """Everyone's names, with the people each word belongs to: a typed name is compared
    with the words on record (a few thousand, in rapidfuzz's C loop), then only with the
    people who have the words it comes near."""

    def __init__(self, people: Iterable[Person]) -> None:
        self.known = [_Known(person) for person in people]
        self.by_slug = {entry.person.slug: index for index, entry in enumerate(self.known)}
        self.by_word: dict[str, set[int]] = {}
        self.by_ascii_word: dict[str, set[int]] = {}
        for index, entry in enumerate(self.known):
            for word in {word for label in entry.labels for word in label}:
                self.by_word.setdefault(word, set()).add(index)
            for word in {word for label in entry.ascii_labels for word in label}:
                self.by_ascii_word.setdefault(word, set()).add(index)
        self.ascii_vocabulary = list(self.by_ascii_word)

    def having(self, typed: str, wanted: tuple[str, ...]) -> list[_Known]:
        """The people with every typed word in a name, and whoever has the text as a slug."""
        indices = set.intersection(*(self.by_word.get(word, set()) for word in wanted))
        if typed.casefold() in self.by_slug:
            indices.add(self.by_slug[typed.casefold()])
        return [self.known[index] for index in sorted(indices)]

    def close(self, wanted: tuple[str, ...]) -> list[tuple[int, Person]]:
        """The people spelled closely, with the letters to change."""
        near = []
        for typed_word in wanted:
            found = process.extract(
                typed_word,
                self.ascii_vocabulary,
                scorer=Levenshtein.distance,
                score_cutoff=edits_allowed(typed_word),
                limit=None,
            )
            near.append({word: int(edits) for word, edits, _ in found})
        if not all(near):
            return []
        having_near = ({i for word in words_near for i in self.by_ascii_word[word]} for words_near in near)
        indices = set.intersection(*having_near)
        scored = [(self.known[index].distance(near), self.known[index].person) for index in indices]
        return [(edits, person) for edits, person in scored if edits is not None]


class PersonMatcher:
    """Matches typed names against the people on record, preferring `prefer` (the person
    ids of a round's delegates) where a name fits several.

    One matcher may serve many names (the rows of a form): it reads everyone's names for
    close spellings once, at the first name that needs them.
    """

    def __init__(self, *, prefer: Collection[int] = ()) -> None:
        self.prefer = frozenset(prefer)
        self._everyone: _Everyone | None = None

    def match(self, text: str) -> PersonMatch:
        typed = spelled(text)
        wanted = words(typed)
        if not wanted:
            return PersonMatch(typed, Outcome.UNKNOWN)
        # The longest word of the text as typed narrows the query; what fits is decided here.
        longest = max(_WORD.findall(typed.casefold()), key=len)
        narrowed = contains_any_case(Person.objects.all(), ["slug", "name", "aliases"], longest)
        return self._outcome(typed, wanted, (_Known(person) for person in narrowed))

    def match_loaded(self, text: str) -> PersonMatch:
        """As `match`, among everyone's names read once: for the many names of a long
        text (a report's), where a query a name would cost more than reading them all."""
        typed = spelled(text)
        wanted = words(typed)
        if not wanted:
            return PersonMatch(typed, Outcome.UNKNOWN)
        return self._outcome(typed, wanted, self.everyone().having(typed, wanted))

    def everyone_people(self) -> list[Person]:
        """Everyone on record, as `match_loaded` read them."""
        return [entry.person for entry in self.everyone().known]

    def _outcome(self, typed: str, wanted: tuple[str, ...], known: Iterable[_Known]) -> PersonMatch:
        fitting = self._fitting(known, typed, wanted)
        if len(fitting) == 1:
            return PersonMatch(typed, Outcome.RESOLVED, (fitting[0],))
        if fitting:
            delegates = [person for person in fitting if person.pk in self.prefer]
            if len(delegates) == 1:
                return PersonMatch(typed, Outcome.RESOLVED, (delegates[0],))
            return PersonMatch(typed, Outcome.AMBIGUOUS, tuple(self._ordered(fitting)))
        close = self._close(ascii_words(typed))
        if close:
            return PersonMatch(typed, Outcome.SUGGESTIONS, tuple(close[:SUGGESTED]))
        return PersonMatch(typed, Outcome.UNKNOWN)

    def lookalikes(self, names: Iterable[str]) -> list[Person]:
        """The people on record that any of `names` would name, or nearly: whom a new person
        going by these names may well be. One query, however many names."""
        found: dict[int, Person] = {}
        for name in names:
            typed = spelled(name)
            wanted = words(typed)
            if not wanted:
                continue
            fitting = self._fitting(self.everyone().having(typed, wanted), typed, wanted)
            for person in [*fitting, *self._close(ascii_words(typed))]:
                found.setdefault(person.pk, person)
        return self._ordered(found.values())

    def everyone(self) -> _Everyone:
        if self._everyone is None:
            people = Person.objects.only("id", "slug", "name", "aliases", "description").order_by("name", "id")
            self._everyone = _Everyone(people)
        return self._everyone

    def _fitting(self, known: Iterable[_Known], typed: str, wanted: tuple[str, ...]) -> list[Person]:
        """The people who fit best, if any fit."""
        fits = [(fit, entry.person) for entry in known if (fit := entry.fit(typed, wanted)) is not None]
        if not fits:
            return []
        best = min(fit for fit, _ in fits)
        return [person for fit, person in fits if fit == best]

    def _close(self, wanted: tuple[str, ...]) -> list[Person]:
        """Everyone spelled closely, closest first (then the round's delegates)."""
        if not wanted:
            return []
        scored = self.everyone().close(wanted)
        scored.sort(key=lambda pair: (pair[0], pair[1].pk not in self.prefer, pair[1].name, pair[1].slug))
        return [person for _, person in scored]

    def _ordered(self, people: Iterable[Person]) -> list[Person]:
        return sorted(people, key=lambda person: (person.pk not in self.prefer, person.name, person.slug))


def match_person(text: str, *, prefer: Collection[int] = ()) -> PersonMatch:
    """What `text` names, preferring the people of `prefer` (a round's delegates)."""
    return PersonMatcher(prefer=prefer).match(text)


def listed(people: Sequence[Person]) -> str:
    """People for a message, each with the slug that names them for sure:
    "Rustem Umerov (rustem-umerov), Sergei Umerov (sergei-umerov)"."""
    shown = ", ".join(f"{person.name} ({person.slug})" for person in people[:LISTED])
    more = len(people) - LISTED
    return f"{shown} and {more} more" if more > 0 else shown
