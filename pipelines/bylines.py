"""Bylines by their shape: a short label, then person-like names joined by commas or a conjunction.

Sites print "By A and B", "Words by A & B", "Text: A", "Ein Beitrag von A und B", "Di A e B" or bare
names; a list of label words would never end, so a byline is read from what every one of them shares:
a line near the headline made of at most a few label words, then names (capitalized words, particles
such as "van der" or "di" between them), joined by "," / "&" / one conjunction, then at most a short tail
("for Sorrel Kids Health", "| staff", "– 2 November 2023").
"""
from __future__ import annotations

import re

from pipelines.agency_bylines import filed_from, reporter_names

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
# Capital and small letters of the Latin scripts, Latin Extended-A and -B included: "Şahin", "Łukasz", "Čapek"
# open with capitals that A-Z and À-Þ do not hold, and Python's re has no \p{Lu}.
_UPPER = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper())
_LOWER = "a-zß-öø-ÿ" + "".join(c for c in map(chr, range(0x100, 0x250)) if c.islower())
_CAP = rf"[{_UPPER}][\w’'.-]*"
# A name: a capitalized word, then one to three more, each possibly after one or two short lowercase particles.
# Conjunctions joining the last two names, in the languages of the sites read (a closed class of words).
# "A, with B" credits a second writer: "with" joins names as "and" does (mit, avec, con, com, met).
_CONJUNCTION = r"(?:and|und|et|y|e|en|och|og|ja|i|és|ve|oraz|with|mit|avec|con|com|met|&)"
_NAME = rf"{_CAP}(?:\s+(?:(?!{_CONJUNCTION}\s)[{_LOWER}]{{1,3}}\s+){{0,2}}{_CAP}){{1,3}}"
# A label: up to four words ending in a lowercase one ("Words by", "Ein Beitrag von") or a colon ("Text:"),
# or one short capitalized word ("By", "Von", "Di", "Door").
# A label with a colon may pair two forms of a word ("Autorin/Autor:"); French sets a space before it ("Auteur :").
_LABELS = (rf"(?:[\w’'-]+\s+){{0,3}}?(?!{_CONJUNCTION}\s)(?:[{_LOWER}][\w’'-]*|[\w’'/-]+\s?:)", rf"[{_UPPER}][{_LOWER}]{{0,3}}:?")
# A degree after a name ("A, MD", "B, PhD", "C, M.D."): a short word of two or more capitals, maybe with a few
# small letters or stops between them. It is the writer's title, not a name of its own.
_DEGREE = r"(?:[A-Z][a-z]{0,4}\.?(?:[A-Z][a-z]?\.?){1,4})(?![\w’'-])"
_CREDITED = rf"{_NAME}(?:\s*,\s*{_DEGREE})*"
# Names are listed with commas or semicolons ("Reporting by A; B"), the last two often joined by a conjunction.
# The ideographic comma and full-width semicolon list names as "," and ";" do.
_NAMES = rf"(?P<names>{_CREDITED}(?:(?:\s*[,;、；，]\s*|\s*[,;]?\s+{_CONJUNCTION}\s+){_CREDITED})*)"
# "Posted by A on July 11, 2025": a lowercase word, then the date the line gives (a year ends it).
# A social handle after the names ("A @handle") is where to find the writer, not a writer.
# One capitalized word after a comma ("By ANN LEE, Nairobi") is the place the writer filed from: a name has two.
_TAIL = rf"(?P<tail>\s*,\s*[{_UPPER}][{_LOWER}]+|\s*[|·•;]\s*.*|\s+@[\w.]+.*|\s+[—–-]\s*.*|\s+[a-zà-ÿ][\w’'-]*(?:\s+[\w’'-]+){{0,3}}|\s+(?!{_CONJUNCTION}\s)[a-zà-ÿ]+\s+[^|]{{0,30}}?(?:19|20)\d\d)?"
_LABELLED = [re.compile(rf"^(?P<label>{label})\s+{_NAMES}{_TAIL}$") for label in _LABELS]
_BARE = re.compile(rf"^{_NAMES}{_TAIL}$")
_SPLIT = re.compile(rf"\s*[,;、；，]\s*(?:{_CONJUNCTION}\s+)?|\s+{_CONJUNCTION}\s+")
# Scripts without capitals (Han, kana, Hangul) cannot show a name by its case: there a byline is a short label, a
# colon, then short runs of those letters set apart by list commas ("文：伊藤直美、渡辺翔", "글: 김민수").
_CASELESS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
_CASELESS_NAME = rf"[{_CASELESS}]{{2,10}}(?: [{_CASELESS}]{{1,8}})?"
_CASELESS_BYLINE = re.compile(rf"^(?P<label>[^\s:：]{{1,8}})\s?[:：]\s*(?P<names>{_CASELESS_NAME}"
                              rf"(?:\s*[、,，;；/／]\s*{_CASELESS_NAME})*)$")
_NOT_A_PERSON = re.compile(r"\b(?:news|staff|health|team|desk|editor|editors|journal|magazine|times|daily|report|review|"
                           r"reviewed|checked|published|updated|posted|read|more|stories|newsletter|"
                           r"universit\w*|college|institut\w*)\b|\d|^the\s", re.I)  # an affiliation is no person
# Labels of lines that name people who did not write the text: reviewers, photographers, sources.
# The review stems are multilingual (geprüft, relu, revisado/revisto, gecontroleerd, konsultacja, verificado):
# a clinician who checked a text is printed with a label of the same shape as a writer's.
_REVIEW_LABEL = re.compile(r"review|check|updated|published|photo|image|foto|illustrat|credit|source|quelle|"
                           r"edit|édit|edici|ediç|"
                           r"prüf|relu|revis|contr[oô]l|konsult|consult|verifi|sprawdz|\d", re.I)
# A wire dateline: a place in capitals, maybe an agency in brackets, then a comma or dash ("LONDON, April 22, 2019").
_WIRE_DATELINE = re.compile(r"^[A-ZÀ-Þ]{2,}(?:[ .'-]+[A-ZÀ-Þ]{2,})*(?:\s*\([^)]*\))?\s*[,—–-]\s*.{0,25}?\d")
LONGEST = 24  # words: a byline line is short
_OF_NAME = re.compile(r"^[A-Z][\w-]+\s+of$")  # "Division of", "Office of": the head of a body's name, no label


def byline_names(line: str, known: set[str] = frozenset(), *, vouched: bool = False) -> list[str]:
    """The person names a byline line prints, or [] when the line does not read as a byline.

    ``known``: names the page gives elsewhere (meta tags, JSON-LD); a bare list of names needs them, or two
    names, or a short lowercase tail ("for Sorrel Kids Health"), or ``vouched`` (the caller saw it boxed
    with the article's dateline) to count as a byline.
    """
    text = _uncapped(_SPACE.sub(" ", line or "").strip())
    if not text or len(text.split()) > LONGEST:
        return []
    for pattern in _LABELLED:
        match = pattern.match(text)
        if match and not _REVIEW_LABEL.search(match.group("label")) and _people(match.group("names")) \
                and not _given_name(match.group("label"), text) and not _OF_NAME.match(match.group("label")):
            return _people(match.group("names")) + _listed_on(match.group("tail"))
    if (match := _CASELESS_BYLINE.match(text)) and not _REVIEW_LABEL.search(match.group("label")):
        return [n for n in re.split(r"\s*[、,，;；/／]\s*", match.group("names")) if n]
    if names := reporter_names(text):  # "本报记者 王丽华 陈志强": no colon, names set apart by spaces
        return names
    match = _BARE.match(text)
    if match is None or not (names := _people(match.group("names")) + _listed_on(match.group("tail"))):
        return []
    tail = (match.group("tail") or "").strip()
    affiliated = bool(tail) and tail[0].islower() and not tail.endswith(".")
    vouched = vouched or filed_from(tail)  # "A | İZMİR (DHA)": filed from a place for an agency, as a wire story is
    return names if len(names) >= 2 or affiliated or vouched or {n.casefold() for n in names} <= known else []


# A run of two or more words in capitals ("MARCUS BRANNIGAN, DESHAWN CASTELLANOS AND HUNTER FITZGERALD"): a byline
# set in capitals, whose names are written as people write them, and whose "AND" is a conjunction.
_CAPITALS_RUN = re.compile(rf"(?<![\w’'-])[{_UPPER}][{_UPPER}’'.-]+(?:(?:\s*[,;&]\s*|\s+)[{_UPPER}][{_UPPER}’'.-]+)+(?![\w’'-])")
_CAPITAL_WORD = re.compile(rf"[{_UPPER}][{_UPPER}’'.-]+")


# Words in title case after a comma that closes a run of capitals ("By ANN LEE, Port Harcourt"): a byline set in
# capitals prints every name so, so what it prints otherwise is no name of it: the place the writer filed from.
_PLACE_AFTER_CAPITALS = re.compile(rf"(?<=[{_UPPER}])\s*,\s*[{_UPPER}][{_LOWER}]+(?:\s+[{_UPPER}][{_LOWER}]+){{0,2}}$")


def _uncapped(text: str) -> str:
    """The line with its runs of capitalized names in title case: "By ANN LEE AND BO CHAN" -> "By Ann Lee and Bo Chan".

    Only runs of two or more names change, and words of two letters stay: "By ANN LEE, MD" -> "By Ann Lee, MD"."""
    uncapped = _CAPITALS_RUN.sub(_title_run, text)
    return uncapped if uncapped == text else _CAPITALS_RUN.sub(_title_run, _PLACE_AFTER_CAPITALS.sub("", text))


def _title_run(run: re.Match) -> str:
    """A run in title case when two of its words are long enough to be names; "LEE, MD" may be a name and a degree."""
    long = [w for w in _CAPITAL_WORD.findall(run.group(0)) if len(w) > 2]
    return _CAPITAL_WORD.sub(_title_word, run.group(0)) if len(long) >= 2 else run.group(0)


def _title_word(match: re.Match) -> str:
    word = match.group(0)
    if re.fullmatch(_CONJUNCTION, word.lower()):
        return word.lower()
    # Each part after a hyphen or apostrophe opens with a capital: "LEFEBVRE-ROUX" -> "Lefebvre-Roux", "O'NEIL" -> "O'Neil".
    return word if len(word) <= 2 else re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word)


# What a credit's label says when it names writers, in the languages of the sites read: a lone "by" word, or a
# word for author, writing or reporting. After the text, buttons, links and notices share a byline's shape
# ("Folgen Sie", "Laden von Google Maps"), so there only such a label tells a credit apart.
_BY_WORD = re.compile(r"(?:by|von|par|por|door|di|av|af|przez)", re.I)
_WRITER_WORD = re.compile(r"auth?or|auteur|autore|writ|report|words|te[kx]st|testo|geschrieben|beitrag|verfasst|"
                          r"escrit|écrit|scritt|redac|redak|napisa", re.I)


def credited_names(line: str) -> list[str]:
    """The names of a line whose label says its people wrote the text ("Reporting by A; B", "Autor: A"), else []."""
    text = _SPACE.sub(" ", line or "").strip()
    if not text or len(text.split()) > LONGEST:
        return []
    for pattern in _LABELLED:
        match = pattern.match(text)
        label = match.group("label").rstrip(" :") if match else ""
        if label and (_BY_WORD.fullmatch(label) or _WRITER_WORD.search(label)) and not _REVIEW_LABEL.search(label):
            return _people(match.group("names"))
    return []


def writer_names(line: str) -> list[str]:
    """The names of a byline labelled as the writers' ("By A, Nairobi", "Written by A"), set in any case, else []."""
    return credited_names(_uncapped(_SPACE.sub(" ", line or "").strip()))


# A credit written as a sentence: "This article was written by A and B for the Bulletin.", "Reporting for this story
# by A.", or names first: "A and B wrote this report." Names are read lazily (the shortest run of capitalized words
# that the rest of the sentence can follow in lowercase), so "for the Cairn Bulletin" never joins the last name.
_LAZY_NAME = rf"{_CAP}(?:\s+(?:(?!{_CONJUNCTION}\s)[{_LOWER}]{{1,3}}\s+){{0,2}}{_CAP}){{1,3}}?"
_LAZY_NAMES = rf"(?P<names>{_LAZY_NAME}(?:(?:\s*[,;]\s*|\s*[,;]?\s+{_CONJUNCTION}\s+){_LAZY_NAME})*?)"
_SENTENCE_END = rf"(?P<tail>\s+(?!{_CONJUNCTION}\s)[a-zà-ÿ].*|\s*[.!]?)$"
_CREDIT_SENTENCE = re.compile(rf"^(?P<label>(?:[\w’'-]+\s+){{1,8}}?){_BY_WORD.pattern}\s+{_LAZY_NAMES}{_SENTENCE_END}")
_NAMES_FIRST = re.compile(rf"^{_LAZY_NAMES}(?P<tail>\s+(?!{_CONJUNCTION}\s)[a-zà-ÿ].*)$")
# The past tense of "write" where it is not a form of the writer words above (wrote, schrieb, schreef, escribió,
# escreveu, kirjoitti, skrev): a names-first credit says who wrote in a verb, and verbs are a closed class.
_WROTE = re.compile(r"\b(?:wrote|schrieb|schreef|escribi|escreve|kirjoitt|skrev)", re.I)


def sentence_credit(line: str) -> list[str]:
    """The writers a credit sentence names ("This article was written by A and B for X."), else []."""
    text = _SPACE.sub(" ", line or "").strip()
    if not text or len(text.split()) > LONGEST:
        return []
    match = _CREDIT_SENTENCE.match(text)
    if match:  # the writer word on either side of the names ("wurde von A geschrieben")
        said = f"{match.group('label')} {match.group('tail') or ''}"
        return _people(match.group("names")) if _WRITER_WORD.search(said) and not _REVIEW_LABEL.search(said) else []
    match = _NAMES_FIRST.match(text)
    verb = match.group("tail").split()[0] if match else ""  # names, then at once the verb: "A and B wrote ..."
    # The present tense says what someone does in general ("A writes about medicines"): a bio, not this text's credit.
    done = _WROTE.match(verb) or (_WRITER_WORD.match(verb) and not verb.endswith("s"))
    return _people(match.group("names")) if verb and done else []


# "Content source: Division of X", "Quelle: kathpress": the body that issued the text, which people marking pages
# take as its author (an office, an agency). A source word ends the label; the source is a short name, no sentence.
_SOURCE_LINE = re.compile(r"^(?P<label>(?:[\w’'-]+\s+){0,2})(?:source|quelle|fuente|fonte|bron|sumber|źródło|herausgeber)\s?:\s*"
                          r"(?P<name>[^\W\d_][\w’'&.-]*(?:\s+[\w’'&.-]+){0,5})\s*$", re.I)


def source_credit(line: str) -> list[str]:
    """The issuing body a "Content source:" / "Quelle:" line names, else []."""
    match = _SOURCE_LINE.match(_SPACE.sub(" ", line or "").strip())
    if not match or _DIGITS.search(match.group("name")) or _REVIEW_LABEL.search(match.group("label")):
        return []  # "Photo source: A" credits a picture
    return [match.group("name").rstrip(".")]


_DIGITS = re.compile(r"\d|www|https?")
_CHECKER_WORD = re.compile(r"review|check|prüf|relu|revis|contr[oô]l|konsult|consult|verifi|sprawdz", re.I)


def lone_label(text: str) -> bool:
    """A byline's label alone ("By", "Von:"), its names set elsewhere: it credits no one by itself."""
    return bool(_BY_WORD.fullmatch(text.strip().rstrip(":").strip()))


def reviewing_label(label: str) -> bool:
    """A label that says its line is about checking the text ("Last reviewed", "Geprüft am"), not writing it."""
    return bool(_CHECKER_WORD.search(label))


def reviewer_names(line: str) -> list[str]:
    """The names of a line whose label says its people checked the text ("Medically reviewed by Dr A"), else []."""
    text = _SPACE.sub(" ", line or "").strip()
    for pattern in _LABELLED if text and len(text.split()) <= LONGEST else ():
        match = pattern.match(text)
        if match and _CHECKER_WORD.search(match.group("label")):
            return _people(match.group("names"), titled=True)
    return []


_ONLY_NAMES = re.compile(rf"{_NAMES}")
_DOT = re.compile(r"\s*[|·•]\s*")


def _listed_on(tail: str | None) -> list[str]:
    """Names set after a dot or bar ("A • B • C"): each piece that is wholly names is one more writer; the first
    piece that is not ("5 min read", a date) ends them."""
    found: list[str] = []
    for piece in _DOT.split(tail or "")[1:] if _DOT.match(tail or "") else ():
        if not _ONLY_NAMES.fullmatch(piece) or not (names := _people(piece)) or _role_credit(piece):
            break
        found += names
    return found


def _role_credit(piece: str) -> bool:
    """A piece with its own role label ("Photographs by B", "Edited by C"): a credit for work other than writing."""
    return any((m := p.match(piece)) and _REVIEW_LABEL.search(m.group("label")) for p in _LABELLED)


def _given_name(label: str, text: str) -> bool:
    """A short capitalized "label" that is the first name itself ("Aino Ó Dálaigh"): not a "by" word, no colon,
    and the whole line reads as names without it."""
    if label.endswith(":") or " " in label or not label[:1].isupper() or _BY_WORD.fullmatch(label):
        return False
    match = _BARE.match(text)
    return match is not None and bool(_people(match.group("names")))


def comma_joined_last(line: str) -> tuple[str, str] | None:
    """(last name, the line without it) of a byline whose last name follows a comma alone ("By Ann Lee, Port
    Harcourt"), else None: a place a writer filed from is printed so, and "A, B and C" is a list of writers."""
    names = byline_names(line)
    text = _SPACE.sub(" ", line or "").strip()
    if len(names) < 2 or (at := text.rfind(names[-1])) < 0 or not text[:at].rstrip().endswith(","):
        return None
    before = text[:at].rstrip()[:-1].rstrip()
    # "A, and B": the conjunction joins writers; before the comma is the name before it, maybe with a degree.
    if re.search(rf"\s{_CONJUNCTION}$", before) or not (before.endswith(names[-2]) or re.search(rf",\s*{_DEGREE}$", before)):
        return None
    return names[-1], f"{before}{text[at + len(names[-1]):]}"


def wire_dateline(line: str) -> bool:
    """A place in capitals opening a dated line ("LONDON, April 22, 2019"): where a story was filed, not who wrote it."""
    return bool(_WIRE_DATELINE.match(_SPACE.sub(" ", line or "").strip()))


def not_a_person(name: str) -> bool:
    """A name that reads as a body, a desk or a role ("Daily Health News", "Staff"), not as a person's."""
    return bool(_NOT_A_PERSON.search(name))


def _people(text: str, *, titled: bool = False) -> list[str]:
    """The names of a names group, or [] when one of them is not a person's."""
    names = _names(text, titled=titled)
    return names if names and not any(_NOT_A_PERSON.search(n) for n in names) else []


# A title before a name ("Dr. A", "Prof. B"): the person is named without it, as without a degree after it.
_HONORIFIC = re.compile(r"^(?:Dr|Dra|Prof|Mr|Mrs|Ms|Mx)\.?\s+(?=\S+\s)")


def _names(text: str, *, titled: bool = False) -> list[str]:
    """The names of a names group; ``titled`` keeps a reviewer's titles and degrees ("Dr A", "B, MD") with them."""
    names: list[str] = []
    for part in (n.strip() for n in _SPLIT.split(text)):
        if part and re.fullmatch(_DEGREE, part):
            if titled and names:
                names[-1] = f"{names[-1]}, {part}"
        elif part:
            names.append(part if titled else _HONORIFIC.sub("", part))
    return names
