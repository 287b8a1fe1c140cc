"""Who said what in a story's paragraphs: its quotes and its reported speech, each with
the words of its attribution, before any name is looked up.

The rules are those of news writing in English:

- a quote is set in marks, straight or typographic, or in guillemets, with its
  attribution before it ("Zelensky said: “…”") or after it ("“…,” he said", "“…,” said
  Umerov"); a quote split by its attribution ("“We are ready,” he said, “but …”") is one
  quote; a quote that runs on over paragraphs opens each paragraph again without closing
  the one before; a quote whose opening mark was lost starts its paragraph;
- reported speech is a sentence whose speaker says that something is so ("X said that …",
  "X told Axios …", "according to X, …", "…, X said."); a quote inside such a clause is
  part of it, reported, not quoted;
- a short phrase in marks that nobody is said to say (the so-called "Anchorage
  formula") is a name, not a quote.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import pysbd

QUOTE = "quote"
PARAPHRASE = "paraphrase"

_VERBS = (
    r"said|says|told|tells|added|adds|wrote|writes|posted|stressed|noted|insisted|warned|declared|stated|"
    r"replied|explained|affirmed|emphasi[sz]ed|underlined|underscored|acknowledged|confirmed|announced|argued|"
    r"continued|recalled|remarked|commented|claimed|asserted|admitted|conceded|urged|vowed|pledged|promised|"
    r"cautioned|predicted|reiterated|signall?ed|quipped|complained|repeated|assured|observed|concluded|"
    r"maintained|tweeted|responded|answered|described|called|hailed|welcomed|informed"
)
VERB = re.compile(rf"\b(?:{_VERBS})\b")
# Adverbs between a speaker and the verb: "Peskov later told", "she also said".
_ADVERB = r"(?:(?:also|later|then|again|earlier|separately|previously|repeatedly|publicly|had|has|have|would)\s+)*"
_OPENING = {"“": "”", "„": "“”", "«": "»", '"': '"', "‟": "”"}
_CLOSING_ONLY = "”»"
_SCARE = re.compile(
    r"\b(?:so-called|dubbed|known\s+as|termed|labelled|labeled|named|titled|entitled|the\s+phrase)\s*$", re.I
)
# A clause that says something is so, after its speaker and verb: "said on Tuesday that".
_SAID_THAT = re.compile(
    rf"^(?P<who>[^“”\"«»]{{2,120}}?)\s+{_ADVERB}(?P<verb>{_VERBS})\b(?P<mid>[^“”\"«»;]{{0,80}}?)(?:,)?\s+that\s+(?P<clause>.+)$"
)
_SAID_PLAIN = re.compile(
    rf"^(?P<who>[^“”\"«»]{{2,90}}?)\s+{_ADVERB}(?P<verb>said|says|told\s+[^,.;“”\"«»]{{1,50}}?|wrote[^,.;“”\"«»]{{0,40}}?|added|stressed|insisted|warned|argued)"
    r"(?P<mid>(?:\s+(?:on|in|at|late|early|this|last|after|before|during)\b[^,.;“”\"«»]{0,40}?)?)"
    r",?\s+(?P<clause>(?!that\b)[“\"«]?[a-zA-Z].+)$"
)
_ACCORDING_TO = re.compile(r"^(?:[^,]{1,30},\s*)?according\s+to\s+(?P<who>[^,]{2,90}),\s*(?P<clause>.+)$", re.I)
_TRAILING_SAID = re.compile(
    rf"^(?P<clause>.{{12,}}?),\s+(?P<who>[^,“”\"«»]{{2,80}}?)\s+{_ADVERB}(?P<verb>said|says|added|told\s+[^,.;]+?|wrote[^,.;]*?|stressed|insisted|warned)"
    r"(?P<mid>[^.;“”\"«»]{0,60})[.!]?$"
)
_TRAILING_ACCORDING = re.compile(r"^(?P<clause>.{12,}?),\s+according\s+to\s+(?P<who>[^,.;]{2,80})[^.]*[.!]?$", re.I)
# After a quote: ", Zelensky said on Wednesday." or ", said Umerov, …" or ", according to …".
_WHO_CHARACTER = r"(?:[^,.;:“”\"«»]|\.(?=\S)|\.(?=\s+[a-z]))"  # "U.S. official": a full stop inside
_APPOSITIVE = r"(?:,\s+[^,“”\"«»]{1,120},)?"  # "Umerov, the head of the delegation, told …"
_AFTER_WHO_VERB = re.compile(
    rf"^\s*[,—–-]*\s*(?P<who>{_WHO_CHARACTER}{{1,80}}?){_APPOSITIVE}\s+{_ADVERB}(?P<verb>{_VERBS}|asked)\b(?P<rest>[^.;“”\"«»]*)"
)
_AFTER_VERB_WHO = re.compile(
    rf"^\s*[,—–-]*\s*(?P<verb>{_VERBS})\s+(?P<who>{_WHO_CHARACTER}{{1,80}})(?P<rest>[^.;“”\"«»]*)"
)
_AFTER_ACCORDING = re.compile(
    r"^\s*[,—–-]*\s*according\s+to\s+(?P<who>[^,.;:“”\"«»]{1,80})(?P<rest>[^.;“”\"«»]*)", re.I
)
# Before a quote: "Zelensky told reporters on Wednesday: " (the clause ends at the mark).
_BEFORE = re.compile(
    rf"(?P<who>[^.!?;:“”\"«»]{{1,120}}?)\s+{_ADVERB}(?P<verb>{_VERBS}|asked|saying|adding|quoted\s+as\s+saying)\b"
    r"(?:(?P<rest>[^.!?;“”\"«»]{0,80}?)\s*[:,]|\s*(?:that\s*)?)\s*$"
)
_BEFORE_WORDS = re.compile(
    r"\b(?:in\s+(?P<who>his|her)\s+words|as\s+(?P<put>[^,.;:“”\"«»]{1,60}?)\s+put\s+it),?\s*$", re.I
)
_ADDING_THAT = re.compile(r"^[^.!?]*?,\s*adding\s+that\s+(?P<clause>.+?)(?:[.!?](?=[\"”»]?\s*$)|$)")
_BEFORE_ACCORDING = re.compile(r"according\s+to\s+(?P<who>[^,.;:“”\"«»]{1,80}),?\s*$", re.I)
_TURN = re.compile(r"^(?P<name>(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*|[A-Z][A-Z .'’-]{2,60}):\s+(?P<words>\S.*)$")
_QUESTIONS = {"QUESTION", "Q", "QUESTIONER", "MODERATOR", "INTERVIEWER", "REPORTER", "JOURNALIST"}
_NOT_TURNS = _QUESTIONS | {
    "A", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "UPDATE", "CORRECTION", "READ MORE", "READ ALSO", "PHOTO", "WATCH",
    "RELATED", "SOURCE", "SOURCES", "BREAKING", "LIVE", "ANALYSIS", "OPINION", "SEE ALSO", "CLARIFICATION",
}  # fmt: skip
_INTERVIEWED = re.compile(
    r"\b(?:spoke|talked|told)\b[^.]{0,80}\bin\s+an?\s+(?:\w+\s+)?interview\b|\binterview(?:ed)?\s+with\b", re.I
)
_QUESTION_MARKER = re.compile(r"^(?:Q|A)[:.]\s*")
_QUOTED = re.compile(r"[“\"«„‘][^”\"»“’]*[”\"»“’]")
_SENTENCE_END = re.compile(r"[.!?][\"”’»)]*\s+(?=[A-Z“\"«])")


@dataclass
class Found:
    """Words someone said, with the words that say who and how, before names are looked
    up: `who` is what the text calls the speaker, `attribution` the clause around them
    (it holds the verb, and any medium and day)."""

    words: str
    kind: str
    who: str
    attribution: str
    paragraph: int
    position: int
    continues: bool = False  # a quote's next paragraph, its speaker the paragraph before's
    answer: bool = False  # an interview's answer: the interviewee's words
    turn: bool = False  # a transcript's turn ("Vladimir Putin: …")


@dataclass
class _Span:
    start: int  # the opening mark's index, or the paragraph's start when it was lost
    end: int  # just after the closing mark (or the paragraph's end, when it runs on)
    words: str
    closed: bool
    opened: bool


def quote_spans(paragraph: str) -> list[_Span]:
    """The quotes of a paragraph, outermost marks only; in single marks where the
    paragraph has no double ones (British style: ‘…’)."""
    if "‘" in paragraph and not any(mark in paragraph for mark in '“”„«»"'):
        return _single_spans(paragraph)
    spans: list[_Span] = []
    index, length = 0, len(paragraph)
    while index < length:
        mark = paragraph[index]
        if mark in _CLOSING_ONLY and not spans and paragraph[:index].strip():
            # A closing mark with none opened before it: the opening mark was lost.
            spans.append(_Span(0, index + 1, paragraph[:index].strip(), closed=True, opened=False))
            index += 1
            continue
        closers = _OPENING.get(mark)
        if closers is None or (mark == '"' and _is_inch_or_stray(paragraph, index)):
            index += 1
            continue
        close_at = _closing(paragraph, index + 1, closers)
        if close_at is None:
            spans.append(_Span(index, length, paragraph[index + 1 :].strip(), closed=False, opened=True))
            break
        spans.append(_Span(index, close_at + 1, paragraph[index + 1 : close_at].strip(), closed=True, opened=True))
        index = close_at + 1
    return spans


def _single_spans(paragraph: str) -> list[_Span]:
    """Quotes in single marks: one opens where a word starts, closes where none goes on
    (the apostrophe of "we’re" or "Ukraine’s" closes nothing)."""
    spans: list[_Span] = []
    index = 0
    while (start := paragraph.find("‘", index)) != -1:
        end = next(
            (at for at in range(start + 1, len(paragraph))
             if paragraph[at] == "’" and (at + 1 == len(paragraph) or not paragraph[at + 1].isalnum())),
            None,
        )  # fmt: skip
        if end is None:
            spans.append(_Span(start, len(paragraph), paragraph[start + 1 :].strip(), closed=False, opened=True))
            break
        spans.append(_Span(start, end + 1, paragraph[start + 1 : end].strip(), closed=True, opened=True))
        index = end + 1
    return spans


def _is_inch_or_stray(paragraph: str, index: int) -> bool:
    return index > 0 and paragraph[index - 1].isdigit()


def _closing(paragraph: str, start: int, closers: str) -> int | None:
    """Where a quote opened before `start` closes: a straight mark closes at the next
    straight mark; typographic ones skip the pairs nested inside."""
    depth = 0
    for index in range(start, len(paragraph)):
        char = paragraph[index]
        if char in closers and depth == 0:
            return index
        if char in "«" and closers == "»":
            depth += 1
        elif char == "»" and depth:
            depth -= 1
    return None


CHUNK = 2_000


def _pieces(paragraph: str) -> list[tuple[int, str]]:
    """The paragraph in pieces of CHUNK characters or a little more, each with where it
    starts, cut only after a sentence's end."""
    pieces, start = [], 0
    while len(paragraph) - start > CHUNK:
        cut = _SENTENCE_END.search(paragraph, start + CHUNK)
        if cut is None:
            break
        pieces.append((start, paragraph[start : cut.end()]))
        start = cut.end()
    pieces.append((start, paragraph[start:]))
    return pieces


def _title_case(words: str) -> bool:
    """A title in marks ("Framework for Peace and Security"), not a sentence."""
    long_words = [word for word in words.split() if len(word) > 3]
    return bool(long_words) and sum(word[:1].isupper() for word in long_words) > len(long_words) / 2


def _clean(words: str) -> str:
    return " ".join(words.split()).strip()


# How far before a quote its attribution is looked for: attributions are short, and a
# paragraph of thousands of quotes must not be read again for each.
REACH = 300


def _sentence_start(text: str) -> int:
    """Where the last sentence of `text` starts, within REACH characters of its end."""
    window = max(len(text) - REACH, 0)
    starts = [found.end() for found in _SENTENCE_END.finditer(text[window:] + "X") if found.end() <= len(text) - window]
    return window + (starts[-1] if starts else 0)


class Reader:
    """Reads a story's paragraphs in order, remembering the last quote's speaker for the
    paragraphs that carry on a quote."""

    def __init__(self) -> None:
        self.segmenter = pysbd.Segmenter(language="en", clean=False)
        self.found: list[Found] = []
        self.running_on = False  # the last paragraph's quote did not close
        self.interview = ""  # the paragraph that said who was interviewed, in a Q&A
        self.turn: Found | None = None  # a transcript's turn, which the next paragraphs may carry on
        self.asked = False  # the last paragraph was an interviewer's question

    def read(self, paragraphs: list[str]) -> list[Found]:
        for number, paragraph in enumerate(paragraphs):
            self.read_paragraph(number, paragraph)
        return self.found

    def read_paragraph(self, number: int, paragraph: str) -> None:
        spans = quote_spans(paragraph)
        if self._transcript(number, paragraph, spans) or self._interview(number, paragraph, spans):
            return
        taken: list[tuple[int, int]] = []  # the parts of the paragraph already read as said
        running_on, self.running_on = self.running_on, False
        index = 0
        previous = self._last_quote()
        if running_on and previous is not None and spans and spans[0].opened and spans[0].start <= 1:
            # Wire style: a quote that ran on opens the next paragraph again. One quote.
            joined, used = self._joined(paragraph, spans, 0)
            previous.words = f"{previous.words} {_clean(joined)}"
            self.running_on = not spans[used - 1].closed
            taken.append((0, spans[used - 1].end))
            index = used
        while index < len(spans):
            span = spans[index]
            if self._absorbed(paragraph, span):
                index += 1  # read with the rest of its sentence, as reported speech
                continue
            joined, used = self._joined(paragraph, spans, index)
            last = spans[index + used - 1]
            who, attribution = self._attribution(paragraph, spans, index, used)
            words = _clean(joined)
            if not last.closed:
                self.running_on = True
            if who is None:
                whole_paragraph = span.start <= 1 and last.end >= len(paragraph.rstrip()) - 1
                last_quote = self._last_quote()
                same_paragraph = last_quote is not None and last_quote.paragraph == number
                previous = self._last_quote()
                if (
                    previous is not None
                    and (same_paragraph or running_on or whole_paragraph)
                    and len(words.split()) >= 3
                ):
                    # The next sentence of the same voice ("“A,” he said. “B.”"), or a quote
                    # that runs on from the paragraph before.
                    self.found.append(
                        Found(words, QUOTE, previous.who, previous.attribution, number, span.start, continues=True)
                    )
                    taken.append((span.start, last.end))
                elif len(words.split()) >= 5 and re.search(r"[.!?,…]$", words) and not _title_case(words):
                    # A sentence in marks that no attribution claims ("Zelensky was blunt. “…”"):
                    # the person the paragraph named before it said it, if it named one.
                    self.found.append(Found(words, QUOTE, "", "", number, span.start))
                    taken.append((span.start, last.end))
                index += used
                continue
            if len(words.split()) >= 3:  # shorter, a word in marks: a name or a fragment
                self.found.append(Found(words, QUOTE, who, attribution, number, span.start))
                taken.append((span.start, last.end))
                adding = _ADDING_THAT.match(paragraph[last.end : last.end + 2 * REACH])
                if adding and len(adding.group("clause").split()) >= 4:
                    # "“…,” Umerov told AFP, adding that the group would …": what he added, reported.
                    clause = _clean(adding.group("clause"))
                    self.found.append(Found(clause, PARAPHRASE, who, attribution, number, last.end + 1))
                    taken.append((last.end, last.end + adding.end()))
            index += used
        self._reported(number, paragraph, taken)

    def _transcript(self, number: int, paragraph: str, spans: list[_Span]) -> bool:
        """A transcript: a line that starts with a name and a colon ("Vladimir Putin:",
        "SENIOR STATE DEPARTMENT OFFICIAL:") is that speaker's turn, and the paragraphs
        after it without a name of their own carry it on; a question is not a statement."""
        turn = _TURN.match(paragraph)
        if turn and turn.group("name").strip().upper() not in _NOT_TURNS and not paragraph.rstrip().endswith("?"):
            name = turn.group("name").strip()
            who = name.title() if name.isupper() else name
            self.found.append(Found(_clean(turn.group("words")), QUOTE, who, "", number, 0, turn=True))
            self.turn = self.found[-1]
            return True
        if turn:  # a question, a note: the turn before it has ended
            self.turn = None
            return turn.group("name").strip().upper() in _QUESTIONS
        if self.turn is not None and not spans:
            self.turn.words = f"{self.turn.words} {_clean(paragraph)}"
            return True
        self.turn = None
        return False

    def _interview(self, number: int, paragraph: str, spans: list[_Span]) -> bool:
        """An interview set out as questions and answers: once the story has said who was
        interviewed, a question is not a statement, and the answer after it is the
        interviewee's words (`who` empty: the person the interview's paragraph named)."""
        if _INTERVIEWED.search(paragraph) and not spans:
            self.interview = paragraph
            self.asked = False
            return False
        if not self.interview:
            return False
        question = paragraph.rstrip().endswith("?") or bool(_QUESTION_MARKER.match(paragraph))
        if question:
            self.asked = True
            return True
        if self.asked and not spans:
            words = _QUESTION_MARKER.sub("", paragraph, count=1) if paragraph[:2] in ("A:", "A.") else paragraph
            self.found.append(Found(_clean(words), QUOTE, "", self.interview, number, 0, answer=True))
            self.asked = False
            return True
        self.asked = False
        return False

    def _last_quote(self) -> Found | None:
        return next((found for found in reversed(self.found) if found.kind == QUOTE), None)

    def _joined(self, paragraph: str, spans: list[_Span], index: int) -> tuple[str, int]:
        """A quote with the rest of it after its attribution ("“A,” he said, “b.”"): one
        quote, as said; how many spans it took."""
        span = spans[index]
        if index + 1 < len(spans) and span.closed:
            between = paragraph[span.end : spans[index + 1].start]
            following = spans[index + 1].words
            split_by_attribution = (
                span.words.rstrip().endswith((",", "—", "–", "-"))
                and re.fullmatch(rf"\s*[^.!?“”\"«»]{{1,80}}\b(?:{_VERBS})\b[^.!?“”\"«»]{{0,60}}[,:.]?\s*", between)
                and following[:1].islower()
            ) or (
                re.fullmatch(rf"\s*[^.!?“”\"«»]{{1,80}}\b(?:{_VERBS})\b[^.!?“”\"«»]{{0,60}}[,:]\s*", between)
                and span.words.rstrip().endswith(",")
            )
            if split_by_attribution:
                return f"{span.words} {following}", 2
        return span.words, 1

    def _attribution(self, paragraph: str, spans: list[_Span], index: int, used: int) -> tuple[str | None, str]:
        """Who the text says said the quote of `spans[index:index + used]`, and the clause
        that says it; (None, "") when the text names nobody."""
        first, last = spans[index], spans[index + used - 1]
        if used == 2:  # split by its attribution: the attribution is between the parts
            between = paragraph[first.end : last.start]
            found = _AFTER_WHO_VERB.match(between) or _AFTER_VERB_WHO.match(between)
            if found:
                return _who(found), between
        after_end = min(spans[index + used].start if index + used < len(spans) else len(paragraph), last.end + REACH)
        after = paragraph[last.end : after_end]
        sentence_goes_on = last.words.rstrip().endswith((",", "—", "–", "-", "?", "!")) or re.match(r"\s*[,—–-]", after)
        if not first.opened or last.end == len(paragraph) or sentence_goes_on or not last.closed:
            found = _AFTER_ACCORDING.match(after) or _AFTER_VERB_WHO.match(after) or _AFTER_WHO_VERB.match(after)
            if found and _speakerish(_who(found)):
                return _who(found), after[: found.end()]
        before_start = spans[index - 1].end if index else 0
        before = paragraph[max(before_start, first.start - REACH) : first.start]
        clause = before[_sentence_start(before) :]
        words = _BEFORE_WORDS.search(clause)
        if words:
            return (words.group("who") or words.group("put")).strip(), clause
        found = _BEFORE_ACCORDING.search(clause) or _BEFORE.search(clause)
        if found and _speakerish(_who(found)) and not _SCARE.search(clause):
            return _who(found), clause
        # "A diplomat said the mood was “better”, adding: “…”": the sentence's speaker.
        near = max(first.start - REACH, 0)
        sentence = paragraph[near + _sentence_start(paragraph[near : first.start]) : first.start]
        if sentence != clause and re.search(r"\b(?:adding|saying)\s*[:,]?\s*$", sentence):
            found = _BEFORE.search(_QUOTED.sub("QUOTE", sentence))
            if found and _speakerish(_who(found)):
                return _who(found), sentence
        if re.match(r"\s*[,—–-]", after):
            found = _AFTER_WHO_VERB.match(after) or _AFTER_VERB_WHO.match(after)
            if found and _speakerish(_who(found)):
                return _who(found), after[: found.end()]
        return None, ""

    def _absorbed(self, paragraph: str, span: _Span) -> bool:
        """Whether the quote is part of a reported clause ("said that the file “remains a
        priority”", "called the talks “useful”"): then it is read with its sentence."""
        if not span.opened:
            return False
        before = paragraph[
            _sentence_start(paragraph[max(span.start - REACH, 0) : span.start])
            + max(span.start - REACH, 0) : span.start
        ]
        if not before.strip() or re.search(r"[:,]\s*$", before) and not re.search(r"\bthat\s*$", before):
            return False
        rest = paragraph[span.end : span.end + 3]
        whole_clause = span.closed and span.words.rstrip()[-1:] in ".!?" and not re.match(r"\s*[a-z]", rest)
        if whole_clause and re.search(rf"\b(?:{_VERBS})\b(?:\s+only)?\s+that\s*$", before):
            return False  # "Peskov said that “the talks were useful.”": the whole clause in marks, quoted
        if _SAID_THAT.match(before.strip() + " x") or _ACCORDING_TO.match(before.strip() + " x"):
            return True
        after = paragraph[span.end : span.end + 40]  # "… “progress” had been made"
        if span.closed and re.search(rf"\b(?:{_VERBS})\s*$", before) and re.match(r"\s+[a-z]", after):
            return True  # said “meaningful progress” had been made: a clause, part quoted
        return bool(VERB.search(before)) and len(before.split()) > 2 and not _BEFORE.search(before)

    def _reported(self, number: int, paragraph: str, taken: list[tuple[int, int]]) -> None:
        """The paragraph's sentences that report what someone said, quotes inside them
        included; a sentence already read as a quote's attribution is not read again."""
        taken.sort()
        starts = [taken_start for taken_start, _ in taken]
        for start, end in self._sentences(paragraph):
            at = bisect.bisect_right(starts, start)
            if at and taken[at - 1][1] > start:  # the sentence starts inside words already read
                continue
            text = paragraph[start:end].strip()
            later = starts[at] if at < len(starts) and starts[at] < end else None
            if later is not None:
                # Only what comes before a quote read as one, when it is more than the
                # quote's attribution: "X said the mood was “better”, adding: “…”"
                # reports "the mood was “better”".
                before = paragraph[start:later].strip()
                if not re.search(r"\b(?:adding|saying)\s*[:,]?\s*$", before):
                    continue
                text = re.sub(r",?\s*(?:adding|saying)\s*[:,]?\s*$", "", before)
            found = self._reported_in(text)
            if found is None:
                continue
            who, clause, attribution = found
            if not _speakerish(who):
                continue
            words = _clean(clause).rstrip(".")
            if len(words.split()) < 4:
                continue
            self.found.append(Found(words, PARAPHRASE, who, attribution, number, start))

    def _sentences(self, paragraph: str) -> list[tuple[int, int]]:
        """Where each of the paragraph's sentences starts and ends. pysbd works out its
        spans again for every sentence of what it is given, so a long paragraph is given
        to it in pieces of about CHUNK characters, cut where a sentence surely ends."""
        spans = []
        for offset, piece in _pieces(paragraph):
            cursor = 0
            for sentence in self.segmenter.segment(piece):
                text = sentence.strip()
                found = piece.find(text, cursor) if text else -1
                if found == -1:
                    continue
                cursor = found + len(text)
                spans.append((offset + found, offset + cursor))
        return spans

    @staticmethod
    def _reported_in(text: str) -> tuple[str, str, str] | None:
        for pattern in (_ACCORDING_TO, _SAID_THAT, _TRAILING_ACCORDING, _TRAILING_SAID, _SAID_PLAIN):
            found = pattern.match(text)
            if found:
                who = found.group("who")
                clause = found.group("clause")
                attribution = text.replace(clause, " ", 1)
                if pattern in (_SAID_THAT, _SAID_PLAIN) and "," in who:
                    # "In a post on X, Zelensky said that …": the speaker is the last part.
                    who = who.rsplit(",", 1)[1] if _speakerish(who.rsplit(",", 1)[1]) else who
                return who.strip(), clause, attribution
        return None


def _who(found: re.Match[str]) -> str:
    return found.group("who").strip(" ,—–-")


# What a speaker is called when not by name: a pronoun, an office, a source.
_SPEAKER_WORDS = re.compile(
    r"\b(?:he|she|him|president|premier|spokes(?:man|woman|person)|envoy|negotiator|minister|ministry|adviser|advisor|aide|"
    r"secretary|chief|head|commander|general|admiral|director|ambassador|official|officials|diplomat|diplomats|"
    r"sources?|kremlin|office|administration|government|delegation|delegate|representative|mediator|"
    r"people|person|insider|state|presidency|department|council|service|army|military|chancellor|king|sheikh|"
    r"emir|prince|leader|lawmaker|senator|deputy|mayor|governor|statement|readout|communiqu[eé])\b",
    re.I,
)
# Words that may start a speaker's description in lower case ("a senior official", "he").
_LOWER_STARTS = {
    "he", "she", "him", "her", "a", "an", "the", "one", "two", "three", "four", "several", "some", "many", "sources",
    "source", "officials", "official", "people", "diplomats", "according", "his", "its", "their", "as", "in",
}  # fmt: skip
_CLAUSE_STARTS = {"when", "after", "before", "while", "if", "because", "although", "since", "once", "until", "whether"}
_SEVERAL = re.compile(
    r"\b(?:both\s+sides|both\s+delegations|the\s+two\s+sides|all\s+three|each\s+side|and\s+his\s+deputy)\b", re.I
)
_NOT_SPEAKERS = re.compile(r"^(?:it|this|that|there|which|what|who|they|we|i|you|the talks|talks|reports?)$", re.I)


def _speakerish(who: str) -> bool:
    """Whether the words can name a speaker: a name, a pronoun, an office or a source."""
    who = who.strip()
    if not who or _NOT_SPEAKERS.match(who) or len(who.split()) > 14:
        return False
    if who[:1].islower() and who.split()[0] not in _LOWER_STARTS:
        return False  # "repeated what he": the middle of a clause, not who spoke
    if who.split()[0].lower() in _CLAUSE_STARTS or _SEVERAL.search(who):
        return False  # "When the Kremlin …", "officials on both sides": no one speaker
    if _SPEAKER_WORDS.search(who):
        return True
    return bool(re.search(r"\b[A-Z][a-zà-ÿ'’-]+", who)) and not who[:1].islower()
