"""The invented world of generate_bench_data: processes, parties, places, outlets, agenda
topics, names and the sentences of statements. Data and small text builders only; every
choice is drawn from the generator's seeded random number generator.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from faker import Faker


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


PARTIES = {
    "Russia": PartyProfile("Russia", "state", "Russian", "Moscow", "ru", "cyrillic-ru"),
    "Ukraine": PartyProfile("Ukraine", "state", "Ukrainian", "Kyiv", "uk", "cyrillic-uk"),
    "United States": PartyProfile("US", "state", "American", "Washington", "en", "en_US"),
    "Iran": PartyProfile("Iran", "state", "Iranian", "Tehran", "fa", "persian"),
    "Oman": PartyProfile("Oman", "state", "Omani", "Muscat", "ar", "arabic"),
    "Israel": PartyProfile("Israel", "state", "Israeli", "Israel", "he", "hebrew"),
    "Hamas": PartyProfile("Hamas", "other", "Hamas", "Hamas", "ar", "arabic"),
    "Qatar": PartyProfile("Qatar", "state", "Qatari", "Doha", "ar", "arabic"),
    "Egypt": PartyProfile("Egypt", "state", "Egyptian", "Cairo", "ar", "arabic"),
    "Armenia": PartyProfile("Armenia", "state", "Armenian", "Yerevan", "hy", "armenian"),
    "Azerbaijan": PartyProfile("Azerbaijan", "state", "Azerbaijani", "Baku", "az", "az_AZ"),
    "European Union": PartyProfile("EU", "organization", "EU", "Brussels", "en", "european"),
    "United Arab Emirates": PartyProfile("UAE", "state", "Emirati", "Abu Dhabi", "ar", "arabic"),
    "Turkey": PartyProfile("Turkey", "state", "Turkish", "Ankara", "tr", "tr_TR"),
    "Saudi Arabia": PartyProfile("Saudi Arabia", "state", "Saudi", "Riyadh", "ar", "arabic"),
    "Switzerland": PartyProfile("Switzerland", "state", "Swiss", "Bern", "de", "de_CH"),
    "Italy": PartyProfile("Italy", "state", "Italian", "Rome", "it", "it_IT"),
    "Austria": PartyProfile("Austria", "state", "Austrian", "Vienna", "de", "de_AT"),
    "Kazakhstan": PartyProfile("Kazakhstan", "state", "Kazakh", "Astana", "kk", "cyrillic-ru"),
}

GENERAL_OUTLETS = (
    Outlet("Reuters", "reuters.com"),
    Outlet("Associated Press", "apnews.com"),
    Outlet("AFP", "afp.com"),
    Outlet("BBC News", "bbc.com"),
    Outlet("Axios", "axios.com"),
    Outlet("Financial Times", "ft.com"),
    Outlet("The New York Times", "nytimes.com"),
    Outlet("Politico", "politico.eu"),
    Outlet("Al Jazeera", "aljazeera.com"),
    Outlet("Bloomberg", "bloomberg.com"),
    Outlet("X (a spokesperson's account)"),
)

ABU_DHABI = Place(
    "Abu Dhabi", "United Arab Emirates", "Asia/Dubai", ("Qasr Al Watan", "Emirates Palace"), "United Arab Emirates"
)
GENEVA = Place(
    "Geneva", "Switzerland", "Europe/Zurich", ("Palais des Nations", "InterContinental Geneva"), "Switzerland"
)

PROCESSES = (
    ProcessTemplate(
        "russia-ukraine",
        "Russia–Ukraine peace talks, US-brokered",
        "Russia–Ukraine",
        "Talks on ending the war in Ukraine, with the United States as broker.",
        ("Russia", "Ukraine"),
        ("United States",),
        (
            ABU_DHABI,
            GENEVA,
            Place("Istanbul", "Turkey", "Europe/Istanbul", ("Dolmabahçe Palace", "Çırağan Palace"), "Turkey"),
            Place("Riyadh", "Saudi Arabia", "Asia/Riyadh", ("Diriyah Palace", "Ritz-Carlton Riyadh"), "Saudi Arabia"),
            Place("Jeddah", "Saudi Arabia", "Asia/Riyadh", ("Al Salam Palace",), "Saudi Arabia"),
            Place("Miami", "United States", "America/New_York", ("Shell Bay Club",)),
        ),
        ("trilateral", "trilateral", "bilateral"),
        (
            Outlet("TASS", "tass.com"),
            Outlet("Interfax", "interfax.ru"),
            Outlet("RIA Novosti", "ria.ru"),
            Outlet("Ukrainska Pravda", "pravda.com.ua"),
            Outlet("The Kyiv Independent", "kyivindependent.com"),
            Outlet("Ukrinform", "ukrinform.net"),
            Outlet("The Moscow Times", "themoscowtimes.com"),
        ),
    ),
    ProcessTemplate(
        "us-iran",
        "US–Iran nuclear talks, Omani-mediated",
        "US–Iran",
        "Indirect and direct talks on Iran's nuclear programme and sanctions, mediated by Oman.",
        ("United States", "Iran"),
        ("Oman",),
        (
            Place("Muscat", "Oman", "Asia/Muscat", ("Omani foreign ministry", "Al Bustan Palace"), "Oman"),
            Place("Rome", "Italy", "Europe/Rome", ("Omani embassy in Rome",), "Italy"),
            Place("Vienna", "Austria", "Europe/Vienna", ("Palais Coburg",), "Austria"),
            GENEVA,
        ),
        ("proximity", "proximity", "bilateral"),
        (
            Outlet("IRNA", "irna.ir"),
            Outlet("Tehran Times", "tehrantimes.com"),
            Outlet("Tasnim", "tasnimnews.com"),
            Outlet("Oman News Agency", "omannews.gov.om"),
        ),
    ),
    ProcessTemplate(
        "israel-hamas",
        "Israel–Hamas ceasefire talks",
        "Israel–Hamas",
        "Talks on a ceasefire in Gaza and the release of hostages and prisoners, through mediators.",
        ("Israel", "Hamas"),
        ("Qatar", "Egypt", "United States"),
        (
            Place("Doha", "Qatar", "Asia/Qatar", ("Qatari foreign ministry",), "Qatar"),
            Place("Cairo", "Egypt", "Africa/Cairo", ("General Intelligence headquarters",), "Egypt"),
            Place("Sharm el-Sheikh", "Egypt", "Africa/Cairo", ("International Congress Centre",), "Egypt"),
        ),
        ("proximity", "proximity", "multilateral"),
        (
            Outlet("The Times of Israel", "timesofisrael.com"),
            Outlet("Haaretz", "haaretz.com"),
            Outlet("Al-Ahram", "ahram.org.eg"),
            Outlet("Qatar News Agency", "qna.org.qa"),
        ),
    ),
    ProcessTemplate(
        "armenia-azerbaijan",
        "Armenia–Azerbaijan peace process",
        "Armenia–Azerbaijan",
        "Negotiations on a peace treaty, border delimitation and transport links.",
        ("Armenia", "Azerbaijan"),
        ("European Union", "United States"),
        (
            Place("Brussels", "Belgium", "Europe/Brussels", ("Europa building",)),
            Place(
                "Washington", "United States", "America/New_York", ("Blair House", "State Department"), "United States"
            ),
            Place("Almaty", "Kazakhstan", "Asia/Almaty", ("Kazakh foreign ministry",), "Kazakhstan"),
            ABU_DHABI,
        ),
        ("bilateral", "trilateral"),
        (
            Outlet("Armenpress", "armenpress.am"),
            Outlet("APA", "apa.az"),
            Outlet("Azertac", "azertag.az"),
            Outlet("CivilNet", "civilnet.am"),
        ),
    ),
)

_TOPICS = """\
territory|Territorial control|territorial control|Who controls which areas once the fighting stops.
ceasefire|Ceasefire|a ceasefire|A halt to hostilities, its start and its scope.
ceasefire-monitoring|Ceasefire monitoring|the monitoring of a ceasefire|Who watches the line and reports violations.
prisoner-exchange|Exchange of prisoners|the exchange of prisoners|Prisoners of war, all for all or in stages.
missing-persons|Missing persons|the search for missing persons|Tracing the missing; returning the dead.
detained-civilians|Detained civilians|the return of detained civilians|Civilians held by the other side.
humanitarian-access|Humanitarian access|humanitarian access|Safe passage for aid and for civilians leaving.
reconstruction|Reconstruction|the funding of reconstruction|Who pays to rebuild, and under whose control.
security-guarantees|Security guarantees|security guarantees|Who guarantees the settlement, and how.
sanctions-relief|Sanctions relief|the lifting of sanctions|Which sanctions are lifted, when, and on what conditions.
frozen-assets|Frozen assets|the fate of frozen assets|State assets frozen abroad.
withdrawal-of-forces|Withdrawal of forces|the withdrawal of forces|Which forces pull back, how far and how fast.
demilitarized-zone|Demilitarized zone|a demilitarized zone|A zone free of heavy weapons along the line of contact.
border-demarcation|Border demarcation|the demarcation of the border|Delimiting and marking the border on the ground.
energy-infrastructure|Energy infrastructure|a halt to strikes on energy plants|No strikes on power plants or grids.
nuclear-plant-safety|Nuclear plant safety|the safety of nuclear plants|Control and safe running of nuclear plants.
maritime-security|Maritime security|safe shipping at sea|Safe navigation for merchant ships.
food-exports|Food exports|food exports|Grain and fertiliser exports and the ports they leave from.
elections|Elections|elections and a transitional period|When elections are held, and who organises them.
constitutional-status|Constitutional status|the status of the disputed areas|The legal status of disputed areas.
minority-rights|Minority rights|language and minority rights|Language, religion and schooling of minorities.
displaced-people|Return of displaced people|the return of displaced people|Refugees and the internally displaced.
accountability|Accountability|accountability for war crimes|Investigations and trials for crimes committed in the war.
amnesty|Amnesty|an amnesty|Who is covered by an amnesty, and for what.
peacekeepers|Peacekeepers|an international peacekeeping presence|Foreign troops or observers on the ground after a deal.
verification|Verification|a verification mechanism|How compliance with an agreement is checked.
arms-supplies|Arms supplies|arms supplies by third countries|Weapons delivered by outside powers.
alliances|Neutrality and alliances|neutrality and military alliances|Membership of military alliances, or neutrality.
transport-links|Transport links|the reopening of transport links|Roads, railways and transit corridors across the line.
water|Water resources|access to water|Water supply, dams and canals.
enrichment-limits|Enrichment limits|limits on uranium enrichment|How much uranium may be enriched, and to what level.
inspections|Inspections|international inspections|Access for international inspectors.
hostages|Hostages|the release of hostages|Release of hostages held by the other side.
aid-deliveries|Aid deliveries|aid deliveries|The number of aid trucks a day and how they are checked.
governance|Post-conflict governance|post-conflict governance|Who governs afterwards, and with what mandate.
reparations|Reparations|reparations and compensation|Compensation for damage done in the war.
cultural-heritage|Cultural heritage|the protection of cultural heritage|Churches, monuments and archives.
diplomatic-relations|Diplomatic relations|the restoration of diplomatic relations|Embassies and direct channels.
trade|Trade|trade and economic ties|Resuming trade and economic cooperation.
implementation|Implementation timeline|the timetable for implementation|The order and dates of the steps.
"""

TOPICS = tuple(Topic(*line.split("|")) for line in _TOPICS.splitlines())
_TOPIC_BY_SLUG = {topic.slug: topic for topic in TOPICS}


def topic_of(issue) -> Topic:
    """The topic an issue was made from (topics repeat with a number past the list's end)."""
    slug = issue.topic
    return _TOPIC_BY_SLUG.get(slug) or _TOPIC_BY_SLUG[slug.rsplit("-", 1)[0]]


HEADLINES = (
    "{a} and {b} end talks in {city} without a joint statement",
    "{capital} says no deal yet on {issue} after {city} round",
    "Mediators report progress on {issue}",
    "{capital} rejects latest proposal on {issue}",
    "Negotiators to meet again after {city} round",
    "What we know about the {process} talks in {city}",
    "{process} talks: delegations discuss {issue} late into the night",
    "Analysis: why {issue} keeps stalling the {process} talks",
    "{a} and {b} agree to keep talking, officials say",
    "Live: {process} talks resume in {city}",
)
OUTCOMES = (
    "No joint statement; the delegations agreed to meet again.",
    "The sides exchanged written proposals and will reply before the next round.",
    "An exchange of prisoners was announced for the following week.",
    "Working groups were set up to continue between rounds.",
    "The round ended a day early after a dispute over the agenda.",
    "Both sides called the round constructive but reported no agreement.",
)
TRACKS = ("political", "military", "economic", "humanitarian", "technical", "bilateral")
SESSION_SUMMARIES = (
    "",
    "",
    "Opening statements and the agenda.",
    "Talks in working groups, then a short plenary.",
    "Detailed discussion of the draft text.",
    "Closing session; no joint statement.",
)
DELEGATION_NOTES = (
    "nearly two dozen other officials",
    "accompanied by military and technical experts who were not named",
    "reports differ on whether the deputy head attended the second day",
    "several advisers took part by video link",
)
STATUS_NOTES = (
    "",
    "",
    "Reports after the round agree on this.",
    "Both delegations said so after the round.",
    "The mediators' readout says as much.",
    "Officials on one side dispute this.",
)
STANCES = (
    "insists on {issue} first",
    "rejects any compromise on {issue}",
    "ready to discuss {issue}",
    "links {issue} to the lifting of sanctions",
    "proposes a phased approach to {issue}",
    "wants guarantees before {issue}",
    "demands international monitoring of {issue}",
    "accepts {issue} in principle",
)
UNNAMED = (
    "a senior {adj} official",
    "a source in the {adj} delegation",
    "the {adj} foreign ministry",
    "a member of the {adj} delegation",
    "the {adj} delegation's spokesperson",
)
MEDIA_AT_ROUND = ("press_remarks", "press_remarks", "press_conference", "readout")
MEDIA_BETWEEN_ROUNDS = ("interview", "social_media", "speech", "readout", "press_remarks", "other")
HEAD_TITLES = (
    "Minister of Foreign Affairs",
    "Special Envoy",
    "National Security Adviser",
    "Chief Negotiator",
    "Deputy Foreign Minister",
    "Head of the Presidential Office",
    "Presidential Aide",
    "Secretary of the Security Council",
)
MEMBER_TITLES = (
    "Deputy Defence Minister",
    "Chief of Military Intelligence",
    "Deputy Chief of the General Staff",
    "Member of Parliament",
    "Ambassador",
    "Legal Adviser",
    "Senior Adviser",
    "Spokesperson",
)

QUOTE_ON_ISSUE = (
    "We are ready to discuss {issue}, but not on the terms that {other} is putting forward.",
    "There was real progress on {issue} today, although the details cannot be disclosed yet.",
    "On {issue}, our position has not changed and it will not change.",
    "{Other} keeps raising {issue}, and we keep explaining why that approach leads nowhere.",
    "Any agreement on {issue} has to be verifiable, or it is not worth the paper it is written on.",
    "We have put forward a detailed proposal on {issue}; now the ball is in their court.",
    "The working group on {issue} met for several hours and will continue tomorrow.",
    "Without movement on {issue} there can be no movement on anything else.",
    "We see a narrow path to an understanding on {issue}.",
    "Nobody should expect a breakthrough on {issue} at this round.",
)
QUOTE_GENERAL = (
    "The talks were {adj} and {adj2}.",
    "We thank our hosts in {city} for their hospitality.",
    "Nothing is agreed until everything is agreed.",
    "Our delegation will report to the president tonight.",
    "We expect concrete steps, not declarations.",
    "The next round should take place within weeks.",
    "There will be no deal at any price.",
    "Both sides agreed to keep the channels of communication open.",
    "It is too early to speak about a final document.",
    "We will not negotiate in public.",
    "Some of what has appeared in the press is simply not true.",
    "We came here to work, and we worked late into the night.",
)
REPORTED_OPENING = (
    "{Speaker} said the talks on {issue} had been {adj} and would continue.",
    "According to {speaker}, {other} had rejected the latest proposal on {issue}.",
    "{Speaker} told reporters that no decision on {issue} had been taken yet.",
    "{Speaker} described the atmosphere as {adj}, saying the sides had narrowed their differences on {issue}.",
    "{Speaker} said a further meeting on {issue} was planned before the next round.",
)
REPORTED_ON_ISSUE = (
    "Differences over {issue} remained, the statement said.",
    "A working group on {issue} would meet again within days.",
    "{Other} was accused of stalling on {issue}.",
    "Progress on {issue} was described as modest but real.",
)
REPORTED_GENERAL = (
    "No date was given for the next round.",
    "The delegation was to report to its capital the same evening.",
    "The remarks came after a session in {city} that lasted more than five hours.",
    "Further details were not disclosed.",
    "The statement called on {other} to take concrete steps.",
    "Officials said a written summary would be shared with the mediators.",
)
ADJECTIVES = ("constructive", "difficult", "substantive", "frank", "tense", "businesslike", "productive", "long")


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


def round_summary(rng: random.Random, talk_round, parties: list[tuple[str, str]], topics: list[Topic]) -> str:
    (first, _), (second, _), (third, role) = parties
    issues = " and ".join(topic.phrase for topic in topics)
    return (
        f"Delegations of {in_text(first)} and {in_text(second)} met in {talk_round.city} with {in_text(third)} "
        f"present as {role}. They discussed {issues}; the talks were described as {rng.choice(ADJECTIVES)}."
    )


def position_text(rng: random.Random, side: str, topic: Topic) -> str:
    return (
        f"{PARTIES[side].capital} {rng.choice(('holds', 'maintains', 'repeated', 'set out'))} its position on "
        f"{topic.phrase}: {topic.description[:1].lower()}{topic.description[1:]}"
    )


# --- names -------------------------------------------------------------------------

FAKER_LOCALES = {"ru": "ru_RU", "uk": "uk_UA"}


def _table(letters: str, romanized: str) -> dict[str, str]:
    """Each Cyrillic letter and its Latin spelling ("_": none)."""
    return dict(zip(letters, romanized.split(), strict=True))


_CYRILLIC_ENGLISH = _table(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяієїґ'’",
    "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya i ye yi g _ _",
)
_CYRILLIC_GERMAN = _table(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяієїґ'’",
    "a b w g d e jo sch s i j k l m n o p r s t u f ch z tsch sch schtsch _ y _ e ju ja i je ji g _ _",
)
_UKRAINIAN = {"г": "h", "и": "y"}  # where Ukrainian romanization differs from Russian
_AZERI_ENGLISH = str.maketrans(
    {
        "ə": "a",
        "Ə": "A",
        "ş": "sh",
        "Ş": "Sh",
        "ç": "ch",
        "Ç": "Ch",
        "ğ": "gh",
        "ı": "i",
        "İ": "I",
        "ö": "o",
        "Ö": "O",
        "ü": "u",
        "Ü": "U",
        "c": "j",
        "C": "J",
        "x": "kh",
        "X": "Kh",
        "q": "g",
        "Q": "G",
    }
)
_ASCII = str.maketrans(
    {
        "ş": "s",
        "Ş": "S",
        "ç": "c",
        "Ç": "C",
        "ğ": "g",
        "ı": "i",
        "İ": "I",
        "ö": "o",
        "Ö": "O",
        "ü": "u",
        "Ü": "U",
        "ä": "ae",
        "é": "e",
        "è": "e",
        "à": "a",
        "ò": "o",
        "ì": "i",
        "ł": "l",
        "ń": "n",
        "ś": "s",
        "ż": "z",
        "ź": "z",
        "ó": "o",
        "ą": "a",
        "ę": "e",
        "ć": "c",
        "ë": "e",
    }
)

NAME_LISTS = {
    "persian": (
        "Abbas Mohammad Ali Hossein Majid Kazem Mehdi Reza Hassan Javad Saeed Esmaeil Ahmad Hamid Masoud Kamal",
        "Araghchi Takht-Ravanchi Gharibabadi Baghaei Larijani Ghalibaf Velayati Rezaei Hosseini Ahmadi Mousavi "
        "Karimi Jafari Sadeghi Rahimi Ghasemi",
        (("gh", "q"), ("Gh", "Q"), ("ou", "u"), ("Mohammad", "Muhammad"), ("Hossein", "Hussein"), ("ae", "ai")),
    ),
    "arabic": (
        "Mohammed Abdullah Khalid Ahmed Badr Majed Sameh Hassan Khalil Faisal Sultan Hamad Osama Ibrahim Yousef "
        "Omar Saif Nasser Tarek Amr",
        "Al-Khulaifi Al-Ansari Abdelatty Al-Busaidi Al-Hayya Al-Mazrouei Al-Jubeir Al-Thani Hamdan Nasr Mansour "
        "Rashwan Shoukry Al-Marri Abu-Zaid Haddad Al-Otaiba Al-Rumaihi",
        (
            ("Mohammed", "Muhammad"),
            ("Al-", "al-"),
            ("ou", "u"),
            ("Yousef", "Youssef"),
            ("Khalid", "Khaled"),
            ("Ahmed", "Ahmad"),
        ),
    ),
    "hebrew": (
        "Ron Yossi Gal Ophir David Avi Eyal Nitzan Yoav Tzachi Gideon Dana Michal Orit Yael Moshe",
        "Dermer Barnea Hirsch Falk Alon Cohen Levi Mizrahi Peretz Biton Friedman Shapira Katz Golan Ben-David Hanegbi",
        (("tz", "ts"), ("Tz", "Ts"), ("ch", "kh"), ("ei", "ey"), ("Y", "J")),
    ),
    "armenian": (
        "Ararat Armen Vahan Ruben Tigran Gohar Anna Mher Arman Edmon Lilit Narek Davit Hayk",
        "Mirzoyan Grigoryan Kostanyan Rubinyan Simonyan Hovhannisyan Sargsyan Petrosyan Harutyunyan Avetisyan "
        "Khachatryan Manukyan",
        (("yan", "ian"), ("Hovh", "Ovh"), ("Kh", "Ch")),
    ),
    "european": None,  # drawn from the Faker locales below
}
_EUROPEAN_LOCALES = ("de_DE", "fr_FR", "it_IT", "pl_PL", "nl_BE", "es_ES")


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
    if scheme in NAME_LISTS and NAME_LISTS[scheme] is not None:
        firsts, lasts, variants = NAME_LISTS[scheme]
        name = f"{rng.choice(firsts.split())} {rng.choice(lasts.split())}"
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
