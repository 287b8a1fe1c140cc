"""Who the words of an attribution name: a person on record (through the entry page's
one matcher), a person the text names who is not on record yet, or an unnamed source
kept as the text describes it.

"He" and "she" are the last person the text named; "the Ukrainian president" or "the
Kremlin spokesman" is the person named last (or else the round's delegate) whose titles
and party fit those words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import IntEnum

from delegations.matching import Outcome, PersonMatch, PersonMatcher, words
from delegations.models import Party, Person


class Sureness(IntEnum):
    """How sure a proposal's speaker is, the least sure first: the editor checks those first."""

    SUGGESTED = 0  # spelled closely to someone on record, or the text's title fits several
    NEW = 1  # named, but not on record: a new person to confirm
    DESCRIBED = 2  # unnamed, kept as the text describes them
    FOLLOWED = 3  # "he", "the Ukrainian president": the person named before
    SURNAME = 4  # on record, by a part of their name
    EXACT = 5  # on record, by their full name or an alias

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Sureness.SUGGESTED: "suggested: check the speaker",
    Sureness.NEW: "not on record: a new person to confirm",
    Sureness.DESCRIBED: "unnamed: kept as described",
    Sureness.FOLLOWED: "followed back to the person named before",
    Sureness.SURNAME: "found by surname",
    Sureness.EXACT: "found exactly",
}

# Words before a name that are titles, not the name: "Ukrainian President", "His Highness Sheikh".
_TITLE_WORDS = {
    "president", "vice", "prime", "minister", "foreign", "defence", "defense", "deputy", "secretary", "state",
    "spokesman", "spokeswoman", "spokesperson", "special", "envoy", "presidential", "chief", "head", "general",
    "admiral", "lieutenant", "colonel", "commander", "adviser", "advisor", "aide", "ambassador", "his", "her",
    "highness", "h.h", "excellency", "sir", "dame", "lord", "baroness", "sheikh",
    "sheikha", "emir", "king", "prince", "mr", "mrs", "ms", "dr", "kremlin",
    "white", "house", "us", "u.s", "uae", "un", "eu", "nato", "former", "senior", "top", "chair", "chairman",
    "negotiator", "delegation", "mediator", "national", "security", "council", "director", "senator", "federal",
    "councillor", "councilor", "chancellor", "affairs", "the", "of", "and", "a", "an", "official", "lead", "team",
    "staff", "ministry", "intelligence", "military", "army", "navy", "air", "force", "armed", "forces", "justice",
    "interior",
}  # fmt: skip
_NOT_PEOPLE = re.compile(
    r"\b(?:ministry|office|kremlin|council|house|department|agency|committee|government|nations|union|"
    r"reuters|tass|ria|axios|afp|interfax|agence|news|press|times|post|telegram|channel|fund|army|forces|"
    r"staff|command|republic|federation|states|emirates|embassy|administration|service|delegation)\b",
    re.I,
)
_NAME_RUN = re.compile(
    r"\b(?:[A-Z][\w'’.-]*|(?:bin|bint|al|el|de|del|der|van|von|da|di|le|la|ibn)(?=\s+[A-Z]))"
    r"(?:\s+(?:[A-Z][\w'’.-]*|(?:bin|bint|al|el|de|del|der|van|von|da|di|le|la|ibn)(?=\s+[A-Z])))*"
)
_PRONOUNS = {"he", "she", "him", "her", "his"}
# Words a sentence starts with, capitalised there, that begin no name.
_NOT_NAMES = {
    "One", "A", "An", "The", "Two", "Three", "Some", "Several", "Many", "Both", "Another", "This", "That", "In", "On",
    "At", "As", "But", "And", "However", "Meanwhile", "Asked", "Speaking", "Still", "Later", "Earlier", "Then", "While",
    "When", "After", "Before", "Although", "For", "With", "From", "By", "According", "Western", "European", "Senior",
}  # fmt: skip
# "An aide to Zelensky", "a source close to the delegation": they speak, not whom they serve.
_SOMEONE_OF = re.compile(
    r"^(?:an?|one|two|three|several|some)\s+(?:[\w-]+\s+){0,3}?(?:aides?|advis[eo]rs?|sources?|spokes\w+|officials?|"
    r"members?|allies|ally|associates?|friends?|people|diplomats?|insiders?)\s+(?:to|close\s+to|for|of|in|from|with)\b",
    re.I,
)
# Capitals that reports name their governments by ("Moscow's envoy").
_CAPITALS = {
    "moscow": "russia", "kremlin": "russia", "kyiv": "ukraine", "kiev": "ukraine", "washington": "united states",
    "tehran": "iran", "jerusalem": "israel", "doha": "qatar", "ankara": "turkey", "beijing": "china",
}  # fmt: skip
# "Zelensky's office", "the Kremlin's press service": an office speaks, not its head.
_POSSESSIVE_OFFICE = re.compile(
    r"^[^,]*['’]s\s+(?:office|press\s+service|team|administration|ministry|government|headquarters|staff)$", re.I
)
# A person introduced as reports introduce one: "Olena Kovalenko, 52, …", "Iryna Savchuk, whose son …".
_INTRODUCED = re.compile(
    r",\s+(?:\d{2}\b|whose\b|who\b|a\s+[a-z]|an\s+[a-z]|the\s+(?:mother|father|wife|husband|son|daughter|head|chief|founder|director)\b)"
)
# A title just before a name not on record makes it a person's ("the spokeswoman, Maria Zakharova").
_TITLE_BEFORE = re.compile(
    r"\b(?:minister|spokes(?:man|woman|person)|envoy|president|adviser|advisor|aide|ambassador|general|chief|head|"
    r"secretary|official|negotiator|commander|director|chancellor|senator|diplomat)\b[\s,]*(?:the\s+)?$",
    re.I,
)
# Offices by other names: the head of state of a readout is its president.
_ROLE_SYNONYMS_OF = {"head of state": "president", "head of the state": "president", "leader": "president"}
_ROLE_SYNONYMS = re.compile(r"\b(?:" + "|".join(map(re.escape, _ROLE_SYNONYMS_OF)) + r")\b", re.I)
_NATIONALITY_SUFFIXES = ("ian", "ese", "ish", "i", "an", "ic")


@dataclass
class Speaker:
    """Who a proposal says spoke."""

    person: Person | None = None
    new_name: str = ""  # named by the text, not on record
    description: str = ""  # unnamed, as the text describes them
    sureness: Sureness = Sureness.DESCRIBED
    suggestions: tuple[Person, ...] = ()
    party: Party | None = None
    called: str = ""  # the words the text named a new person with ("Russian Foreign Ministry Spokeswoman …")

    @property
    def typed(self) -> str:
        """The speaker as the entry page's speaker field takes them."""
        if self.person is not None:
            return self.person.name
        return self.new_name


@dataclass
class _Named:
    """A person the text has named, on record or not, and how they were called."""

    person: Person | None
    name: str
    called: str  # the words around the name ("Kremlin spokesman Dmitry Peskov")
    spoke: bool = False  # named as a speaker, not only mentioned


@dataclass
class Speakers:
    """Resolves attributions in the order of the text, remembering who was named."""

    matcher: PersonMatcher
    roles: dict[int, str]  # person id: their titles (the round's and their own), lower case
    parties: list[Party]
    named: list[_Named] = field(default_factory=list)
    here: int = 0  # where this paragraph's names start in `named`
    last_speaker: Speaker | None = None
    _matches: dict[str, PersonMatch] = field(default_factory=dict)
    _titles_of: dict[int, tuple[str, tuple[str, ...]]] = field(default_factory=dict)

    def new_paragraph(self) -> None:
        self.here = len(self.named)

    def first_named_in(self, text: str) -> Speaker | None:
        """The first person a paragraph names: the one it says was interviewed."""
        for run in _NAME_RUN.finditer(text):
            found = self._named_in(run.group(0), text, speaking=True)
            if found is not None and (found.person is not None or found.new_name):
                return found
        return None

    def named_here(self) -> Speaker | None:
        """The first person this paragraph named so far, for words it gives to no one."""
        return self._followed(self.named[self.here]) if len(self.named) > self.here else None

    def spoke(self, speaker: Speaker) -> None:
        """Note the speaker of a statement: a "he" in a later paragraph is most often them."""
        if speaker.person is not None or speaker.new_name:
            self.last_speaker = speaker

    def mentioned(self, text: str) -> None:
        """Note the people a sentence names, so that a "he" after it finds them."""
        for run in _NAME_RUN.finditer(text):
            before = text[max(run.start() - 40, 0) : run.start()]
            introduced = _INTRODUCED.match(text, run.end()) is not None and 2 <= len(run.group(0).split()) <= 3
            self._named_in(run.group(0), text, speaking=False, titled=bool(_TITLE_BEFORE.search(before)) or introduced)

    def speaker(self, who: str) -> Speaker:
        who = " ".join(who.split()).strip(" ,;:—–-")
        # "The envoy, who flew in on Monday," is the envoy; "as the negotiator" the negotiator.
        who = re.sub(r",\s*who\b[^,]*(?:,|$)", "", who).strip(" ,")
        who = re.sub(r"^(?:as|and|but|while)\s+", "", who, flags=re.I)
        lowered = who.lower()
        last = lowered.rsplit(",", 1)[-1].strip()
        if lowered in _PRONOUNS or (last in _PRONOUNS and not _NAME_RUN.search(who.rsplit(",", 1)[-1])):
            return self._followed_pronoun()  # "Later, in a post on X, he"
        if _POSSESSIVE_OFFICE.match(who) or ("," not in who and _SOMEONE_OF.match(who)):
            return self._described(who)  # "Zelensky's office", "an aide to Zelensky"
        for run in sorted(_NAME_RUN.finditer(who), key=lambda found: -found.start()):
            found = self._named_in(run.group(0), who, speaking=True)
            if found is not None:
                return found
        return self._described(who)

    def _followed_pronoun(self) -> Speaker:
        """ "He" or "she": the first person the paragraph named before the words, else the
        last statement's speaker, else the last person named."""
        if (here := self.named_here()) is not None:
            return here
        if self.last_speaker is not None:
            return Speaker(
                person=self.last_speaker.person,
                new_name=self.last_speaker.new_name,
                called=self.last_speaker.called,
                sureness=Sureness.FOLLOWED if self.last_speaker.person is not None else Sureness.NEW,
            )
        if self.named:
            return self._followed(self.named[-1], called=False)
        return Speaker(description="unnamed", sureness=Sureness.SUGGESTED)

    def _followed(self, named: _Named, *, called: bool = True) -> Speaker:
        """A person named before, as the speaker words that do not name them point back to."""
        if named.person is not None:
            return self._of(named.person, Sureness.FOLLOWED)
        return Speaker(new_name=named.name, sureness=Sureness.NEW, called=named.called if called else "")

    def _named_in(self, run: str, around: str, *, speaking: bool, titled: bool = False) -> Speaker | None:
        """The speaker a run of capitalised words names, if it names a person. A name
        only mentioned (`speaking` false) is remembered when it is someone on record, or
        a new name the text gives a title ("Swiss Foreign Minister Ignazio Cassis")."""
        tokens = run.split()
        while tokens and tokens[0] in _NOT_NAMES:  # "One Western official", "As Witkoff put it"
            tokens.pop(0)
        titled = titled or (
            len(tokens) > 2 and tokens[0].lower().strip(".") in _TITLE_WORDS - {"the", "of", "and", "a", "an"}
        )
        while tokens and (
            tokens[0].lower().strip(".") in _TITLE_WORDS
            or _is_nationality(tokens[0], self.parties)
            or (len(tokens) > 2 and tokens[1].lower().strip(".") in _TITLE_WORDS)  # "Swiss Foreign Minister …"
        ):
            titled = titled or tokens[0].lower().strip(".") not in {"the", "of", "and", "a", "an"}
            tokens.pop(0)
        while tokens and tokens[-1].lower().strip(".") in _TITLE_WORDS:
            tokens.pop()
        name = " ".join(tokens).strip(".,’'")
        if not name or _NOT_PEOPLE.search(name) and not self._known(name):
            return None
        # The longest tail of the run that names someone on record ("Staff Andrii Hnatov": Andrii Hnatov).
        if self._match(name).outcome is not Outcome.RESOLVED:
            tails = (" ".join(tokens[start:]) for start in range(1, len(tokens)))
            name = next((tail for tail in tails if self._match(tail).outcome is Outcome.RESOLVED), name)
        match = self._match(name)
        if match.outcome is Outcome.RESOLVED and match.person is not None:
            person = match.person
            self._remember(person, person.name, around, spoke=speaking)
            exact = words(name) in {words(person.name), *(words(alias) for alias in person.alias_list)}
            return self._of(person, Sureness.EXACT if exact or name == person.slug else Sureness.SURNAME)
        if not speaking and not titled:
            return None
        if match.outcome is Outcome.AMBIGUOUS:
            return Speaker(new_name=name, sureness=Sureness.SUGGESTED, suggestions=match.people)
        # Not on record: a person if the text gives a name of two words or more, or a
        # surname it gave in full before.
        earlier = next((named for named in reversed(self.named) if named.person is None and name in named.name), None)
        if earlier is not None:
            return Speaker(new_name=earlier.name, sureness=Sureness.NEW, called=earlier.called)
        if match.outcome is Outcome.SUGGESTIONS:
            # Spelled closely to someone on record ("Volodymyr Zelenskyy"): them, to check.
            person = match.people[0]
            self._remember(person, person.name, around)
            return Speaker(person=person, sureness=Sureness.SUGGESTED, suggestions=match.people)
        if len(tokens) >= 2 and all(token[:1].isupper() or token.islower() for token in tokens):
            self._remember(None, name, around)
            return Speaker(new_name=name, sureness=Sureness.NEW, called=around)
        return None

    def _known(self, name: str) -> bool:
        return self._match(name).outcome is Outcome.RESOLVED

    def _match(self, name: str) -> PersonMatch:
        if name not in self._matches:
            self._matches[name] = self.matcher.match_loaded(name)
        return self._matches[name]

    def _remember(self, person: Person | None, name: str, around: str, *, spoke: bool = False) -> None:
        self.named.append(_Named(person, name, around, spoke))

    def _of(self, person: Person, sureness: Sureness) -> Speaker:
        return Speaker(person=person, sureness=sureness)

    def _described(self, who: str) -> Speaker:
        """An office or a source: the person it stands for when their titles fit it (the
        one named last first), else the words as the text gives them."""
        who = re.sub(r"^(?:according\s+to|in\s+a\s+[^,]+,)\s*", "", who, flags=re.I)
        called = next((named for named in reversed(self.named) if _called_so(named.called, who, named.name)), None)
        if called is not None:
            return self._followed(called)
        role = _ROLE_SYNONYMS.sub(lambda found: _ROLE_SYNONYMS_OF[found.group(0).lower()], who)
        role_words = [
            word for word in words(re.sub(r"['’]s\b", "", role)) if word not in {"the", "a", "an", "his", "her"}
        ]
        if role_words and not re.search(r"\b(?:sources?|officials|people|diplomats|insiders?)\b", who, re.I):
            person = self._fitting_role(role_words)
            if person is not None:
                return self._of(person, Sureness.FOLLOWED)
        party = next((party for party in self.parties if _names_party(who, party)), None)
        return Speaker(description=who, sureness=Sureness.DESCRIBED, party=party)

    def _fitting_role(self, role_words: list[str]) -> Person | None:
        """The person whose titles hold every word of the role ("ukrainian president":
        president, and Ukraine's party), preferring the one the text named last."""
        of = role_words.index("of") if "of" in role_words else None
        head = role_words[of - 1] if of else role_words[-1]
        qualifiers = [word for word in role_words if word not in {head, "of"}]
        spoke = [named.person for named in reversed(self.named) if named.person is not None and named.spoke]
        mentioned = [named.person for named in reversed(self.named) if named.person is not None]
        candidates = [*spoke, *mentioned]
        seen: set[int] = set()
        for person in [*candidates, *self.matcher.everyone_people()]:
            if person.pk in seen:
                continue
            seen.add(person.pk)
            titles, title_words = self._titles(person)
            if head not in title_words:
                continue
            if all(_qualifies(word, titles, title_words, self.parties) for word in qualifiers):
                return person
        return None

    def _titles(self, person: Person) -> tuple[str, tuple[str, ...]]:
        """A person's titles (at the round, and their description), and their words: read
        once a report, for every role the report names."""
        if person.pk not in self._titles_of:
            titles = f"{self.roles.get(person.pk, '')} {person.description}".lower()
            self._titles_of[person.pk] = (titles, words(titles))
        return self._titles_of[person.pk]


def _is_nationality(token: str, parties: Iterable[Party]) -> bool:
    lowered = token.lower().strip(".'’s")
    return lowered.endswith(_NATIONALITY_SUFFIXES) and any(_adjective_of(lowered, party) for party in parties)


def _adjective_of(adjective: str, party: Party) -> bool:
    """Whether "ukrainian" is Ukraine's, "russian" Russia's, "us" the United States'."""
    for name in (party.name, party.short_name):
        stem = name.lower()
        if not stem:
            continue
        if adjective == stem or (len(stem) >= 5 and adjective.startswith(stem[:-1])):
            return True
    return False


def _names_party(text: str, party: Party) -> bool:
    return any(_adjective_of(word, party) for word in words(text))


def _qualifies(word: str, titles: str, title_words: tuple[str, ...], parties: Iterable[Party]) -> bool:
    """A qualifier of a role fits a person's titles: the word is in them, or it is a
    party's adjective and the titles name that party ("Ukrainian" in "President of Ukraine")."""
    if word in title_words:
        return True
    capital_of = _CAPITALS.get(word)
    fitting = [party for party in parties if _adjective_of(word, party) or party.name.lower() == capital_of]
    return any(_names_party(titles, party) or party.name.lower() in titles for party in fitting)


def speaker_names_party(speaker: Speaker, party: Party) -> bool:
    """Whether the words that describe a speaker, or the title they were named with, name
    the party ("a senior Ukrainian official", "Russian Foreign Ministry spokeswoman")."""
    return _names_party(f"{speaker.description} {speaker.called}", party)


def _called_so(called: str, who: str, name: str) -> bool:
    """Whether the words a person was named with hold a title that `who` is only
    ("His Highness" for "His Highness Sheikh Abdullah bin Zayed")."""
    title = re.sub(r"^(?:the|a|an)\s+", "", who.strip().lower())
    title = re.sub(r"['’]s\b", "", title)
    first = name.split()[0] if name.split() else ""
    if not title or not first or len(title.split()) > 4 or not all(word in _TITLE_WORDS for word in words(title)):
        return False
    called = re.sub(r"\bH\.\s?H\.", "His Highness", called)  # the Gulf states' readouts abbreviate it
    return (
        title not in {"the", "a"}
        and re.search(rf"(?<!of )\b{re.escape(title)}\s+(?:[A-Z][\w'’.-]*\s+){{0,3}}{re.escape(first)}\b", called, re.I)
        is not None
    )
