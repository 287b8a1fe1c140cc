"""Which agenda issues words concern, suggested from each issue's name, its description
and the words of the statements already linked to it: the words an issue is talked about
in, weighted by how few other issues share them."""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

import snowballstemmer

from issues.models import Issue

_TERM = re.compile(r"[a-z][a-z'-]{2,}")
_STOP = frozenset([
    "the", "and", "for", "that", "with", "this", "from", "have", "has", "had", "was", "were", "are", "been",
    "will", "would", "could", "should", "about", "into", "over", "after", "before", "their", "there", "they",
    "them", "his", "her", "its", "our", "who", "what", "when", "where", "which", "while", "than", "then",
    "also", "only", "very", "more", "most", "some", "such", "said", "says", "told", "not", "but", "all", "any",
    "can", "may", "out", "per", "just", "being", "both", "each", "other", "these", "those",
    "itself", "between", "because", "during", "under", "again", "further", "once", "here", "how", "why", "own",
    "same", "too", "does", "did", "doing", "done", "make", "made", "talks", "talk", "round", "rounds",
    "delegation", "delegations", "side", "sides", "issue", "issues", "meeting", "meetings", "today", "week",
    "year", "years", "day", "days", "president", "minister", "official", "officials", "spokesman"
])  # fmt: skip
SUGGESTED = 3  # issues suggested at most for one statement
_NAME_WEIGHT = 3.0  # a word of the issue's name counts three times one of its statements'


_STEMMER = snowballstemmer.stemmer("english")
# The stems of words seen: a statement's words are mostly words seen before, and the
# stemmer is pure Python.
_stem = functools.lru_cache(maxsize=100_000)(_STEMMER.stemWord)


def terms(text: str) -> list[str]:
    """The words that can tell a topic: lower case, no stop words, each as its stem
    (Snowball's English stemmer: "monitors" and "monitoring" are one term)."""
    kept = [word for word in (word.strip("'-") for word in _TERM.findall(text.lower())) if len(word) >= 3]
    return [_stem(word) for word in kept if word not in _STOP]


class Topics:
    """Each issue's words, for suggesting the issues that other words concern."""

    def __init__(self, issues: Iterable[Issue], said: Mapping[int, list[str]]) -> None:
        self.issues = list(issues)
        self.weights: list[dict[str, float]] = []
        for issue in self.issues:
            weights: defaultdict[str, float] = defaultdict(float)
            for term in terms(f"{issue.name} {issue.topic.replace('-', ' ')}"):
                weights[term] += _NAME_WEIGHT
            for term in terms(issue.description):
                weights[term] += 1.0
            spoken: Counter[str] = Counter()
            for text in said.get(issue.pk, []):
                spoken.update(set(terms(text)))
            total = max(len(said.get(issue.pk, [])), 1)
            for term, count in spoken.items():
                weights[term] += 2.0 * count / total
            self.weights.append(weights)
        documents = len(self.issues) or 1
        held_by = Counter(term for weights in self.weights for term in weights)
        self.rarity = {term: math.log(1 + documents / count) for term, count in held_by.items()}

    def _weight(self, weights: Mapping[str, float], words: set[str]) -> float:
        """How much these words speak of the issue whose words weigh `weights`."""
        return sum(min(weights[term], _NAME_WEIGHT) * self.rarity[term] for term in words if term in weights)

    def suggest(self, text: str, *, around: str = "") -> list[Issue]:
        """The issues the words concern most: the best, and any close behind it. The
        paragraph `around` them counts for half (reports often name the topic there: "On
        the Zaporizhzhia plant, Medinsky said …")."""
        wanted = set(terms(text))
        if not wanted:
            return []
        context = set(terms(around)) - wanted
        scores = []
        for issue, weights in zip(self.issues, self.weights, strict=True):
            score = self._weight(weights, wanted) + 0.5 * self._weight(weights, context)
            if score > 0:
                scores.append((score, issue))
        if not scores:
            return []
        scores.sort(key=lambda pair: (-pair[0], pair[1].name))
        best = scores[0][0]
        if best < 1.0:
            return []
        return [issue for score, issue in scores[:SUGGESTED] if score >= best * 0.5]
