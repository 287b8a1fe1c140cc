"""The rules that find statements in a report, one at a time, on lines written for them:
quote marks, attributions, reported speech, a report's furniture and its days."""

import datetime

import pytest

from issues.proposals.dates import said_on
from issues.proposals.quotes import PARAPHRASE, QUOTE, Reader
from issues.proposals.report import Report, read_body


def said(*paragraphs: str) -> list[tuple[str, str, str]]:
    return [(found.kind, found.who, " ".join(found.words.split())) for found in Reader().read(list(paragraphs))]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ('"We are ready," Umerov said.', [(QUOTE, "Umerov", "We are ready,")]),
        ("“We are ready to talk,” said Umerov.", [(QUOTE, "Umerov", "We are ready to talk,")]),
        ("Peskov told journalists: «The talks were useful.»", [(QUOTE, "Peskov", "The talks were useful.")]),
        ("We can stop the war this year,” Zelensky said.", [(QUOTE, "Zelensky", "We can stop the war this year,")]),
        (
            "“The monitoring piece is the most advanced part,” one U.S. official said.",
            [(QUOTE, "one U.S. official", "The monitoring piece is the most advanced part,")],
        ),
        (
            "“There will be no deal without guarantees,” he said, “and our partners know it.”",
            [(QUOTE, "he", "There will be no deal without guarantees, and our partners know it.")],
        ),
        (
            "Zelensky thanked the mediators, saying: “This was a serious conversation.”",
            [(QUOTE, "Zelensky thanked the mediators", "This was a serious conversation.")],
        ),
    ],
)
def test_a_quote_and_who_said_it(paragraph, expected):
    assert said(paragraph) == expected


def test_the_next_sentence_of_the_same_voice_is_a_statement_of_its_own():
    found = Reader().read(['"We are ready," Zelensky told reporters. "But not at any price."'])
    assert [(item.words, item.who, item.continues) for item in found] == [
        ("We are ready,", "Zelensky", False),
        ("But not at any price.", "Zelensky", True),
    ]


def test_a_quote_that_runs_on_over_paragraphs_is_one():
    found = Reader().read(['Umerov wrote: "We discussed monitoring in detail.', '"The rest is for the leaders."'])
    assert [(item.words, item.who) for item in found] == [
        ("We discussed monitoring in detail. The rest is for the leaders.", "Umerov")
    ]


REPORTED = [
    (
        "Peskov said on Tuesday that the next round would be held in Abu Dhabi.",
        "Peskov",
        "the next round would be held in Abu Dhabi",
    ),
    (
        "According to a senior Ukrainian official, the delegations will meet again in March.",
        "a senior Ukrainian official",
        "the delegations will meet again in March",
    ),
    (
        "In addition, according to Dmitriev, the sides agreed to restore a military dialogue.",
        "Dmitriev",
        "the sides agreed to restore a military dialogue",
    ),
    ("The next round will take place in Geneva, Peskov said.", "Peskov", "The next round will take place in Geneva"),
    (
        'Witkoff said "meaningful progress" had been made on the monitoring of a ceasefire.',
        "Witkoff",
        '"meaningful progress" had been made on the monitoring of a ceasefire',
    ),
]


@pytest.mark.parametrize(("paragraph", "who", "words"), REPORTED)
def test_reported_speech(paragraph, who, words):
    assert said(paragraph) == [(PARAPHRASE, who, words)]


@pytest.mark.parametrize(
    "paragraph",
    [
        'The so-called "Anchorage formula" was not on the table.',
        "The talks resumed on Wednesday morning in a hotel by the lake.",
        'Witkoff called the meeting "productive".',
    ],
)
def test_what_nobody_said(paragraph):
    assert said(paragraph) == []


def test_a_pasted_page_keeps_the_story_only():
    text = (
        "Skip to main content\nWorld > Europe\nUkraine and Russia end talks in Geneva without a deal\n"
        "By Jane Reporter\nUpdated 18 Feb 2026 14:05 GMT\n\n"
        "GENEVA, Feb 18 (Reuters) - The talks ended on Wednesday, Peskov said.\n\nAdvertisement\n\n"
        "Photo: delegations at the table. REUTERS\nSign up for our newsletter\nRead more: the talks in Abu Dhabi\n"
        "© 2026 Reuters. All rights reserved.\nhttps://www.reuters.com/world/europe/geneva-talks-end\n"
    )
    body = read_body(Report(text=text))
    assert body.paragraphs == ["The talks ended on Wednesday, Peskov said."]
    assert body.title == "Ukraine and Russia end talks in Geneva without a deal"
    assert body.published_on == datetime.date(2026, 2, 18)
    assert body.url == "https://www.reuters.com/world/europe/geneva-talks-end"
    assert body.outlet == "Reuters"


@pytest.mark.parametrize(
    ("text", "day", "precision"),
    [
        ("Zelensky said on Tuesday", "2026-02-17", "day"),
        ("he said on Wednesday", "2026-02-18", "day"),  # the report's own weekday: that day
        ("she told reporters yesterday", "2026-02-17", "day"),
        ("Trump told reporters this week", "2026-02-16", "week"),
        ("Umerov said last week", "2026-02-09", "week"),
        ("said on 17 February", "2026-02-17", "day"),
        ("said Feb. 4, after the first day of talks", "2026-02-04", "day"),
        ("said earlier this month", "2026-02-01", "month"),
    ],
)
def test_the_day_words_were_said(text, day, precision):
    when = said_on(text, datetime.date(2026, 2, 18))  # a Wednesday
    assert when is not None and (when.date.isoformat(), when.precision) == (day, precision)


def test_no_day_given():
    assert said_on("Peskov told journalists", datetime.date(2026, 2, 18)) is None


@pytest.mark.parametrize(
    ("dateline", "near", "day"),
    [
        ("GENEVA, Feb 18 (Reuters) -", datetime.date(2026, 2, 17), datetime.date(2026, 2, 18)),
        ("ABU DHABI, 4 February (AP) —", datetime.date(2026, 2, 5), datetime.date(2026, 2, 4)),
        # A round at the turn of a year: the dateline's day is the one nearest to it.
        ("MOSCOW, Dec 30 (Reuters) -", datetime.date(2026, 1, 2), datetime.date(2025, 12, 30)),
        ("KYIV, Jan 3 (Reuters) -", datetime.date(2025, 12, 30), datetime.date(2026, 1, 3)),
        ("KYIV (AP) —", datetime.date(2026, 2, 17), None),  # a dateline without a day
    ],
)
def test_a_datelines_day_takes_the_year_of_the_round_it_reports(dateline, near, day):
    body = read_body(Report(text=f"{dateline} The talks ended, Peskov said."), near=near)
    assert body.published_on == day
    assert body.paragraphs == ["The talks ended, Peskov said."]


def test_a_datelines_day_is_never_read_as_a_day_still_to_come():
    today = datetime.date.today()
    ahead = today + datetime.timedelta(days=40)
    body = read_body(Report(text=f"GENEVA, {ahead:%b} {ahead.day} (Reuters) - The talks ended, Peskov said."),
                     near=today)  # fmt: skip
    assert body.published_on is not None and body.published_on < today


def test_a_full_date_near_the_top_wins_over_the_datelines_day():
    text = "Updated 19 Feb 2026\nGENEVA, Feb 18 (Reuters) - The talks ended, Peskov said."
    assert read_body(Report(text=text), near=datetime.date(2026, 2, 17)).published_on == datetime.date(2026, 2, 19)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # A headline in sentence case, at the top of what was copied.
        ("Talks end without a deal on land\n\nThe talks ended, Peskov said.", "Talks end without a deal on land"),
        ("\n\nGeneva talks end without a deal\nThe talks ended, Peskov said.", "Geneva talks end without a deal"),
        # Below the top, one capital is not enough: a site's line, not its headline.
        ("Skip to main content\nMore from the live coverage today\nThe talks ended, Peskov said.", ""),
    ],
)
def test_the_headline(text, title):
    assert read_body(Report(text=text)).title == title
