"""Step names in the current language, whatever language they were stored in.

A step's name is stored as the text the user read when making it ("הוספת Dana", "إضافة
Dana"), in the language of the app that made it: on this machine, or on a colleague's copy
merged in, or by an older version of the app. The file format is unchanged: instead, a
stored name is read back — matched against every language's translation of the messages
steps are named with (``STEP_MESSAGES``) — and said again in the language asked for, with
its fields (a person's name, a count) as they were. The few fields that are themselves
translated words (a status, a channel, a field's name) are read back and translated too
(``WORDS``). A name that matches no message (a label a script gave, a message since
reworded) is shown as stored.

Every message a step is named with must be listed here: tests/history/test_step_names.py
finds the call sites (``ops.step(tr(…))``, ``label=tr(…)``, ``context.run(tr(…), …)``) and
checks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from kehila_desktop.core import enums
from kehila_desktop.core.i18n import (
    LANGUAGES,
    catalogue,
    definite,
    label,
    language,
    ntr,
    plural_catalogue,
    tr,
    translations,
)

# The messages steps are named with: a sentence, or (singular, plural) for a count.
STEP_MESSAGES: tuple[str | tuple[str, str], ...] = (
    # structure
    "new program",
    "choose channels",
    "apply decision",
    "edit {name}",
    "rename {name}",
    "edit the program",
    "add areas",
    "add area {name}",
    "rename area {old} to {new}",
    "edit area {name}",
    "remove area {name}",
    "put {name} in the geographic focus",
    "take {name} out of the geographic focus",
    "change the geographic focus",
    "merge {merged} into {name}",
    "add {person} to {body}",
    ("add {n} person to {body}", "add {n} people to {body}"),
    "edit {person} in {body}",
    "{person}: {status}",
    ("{n} membership: next step", "{n} memberships: next step"),
    "remove {person} from {body}",
    "change the chair of {name}",
    "approve by the steering decision",
    "put forward to the steering committee",
    "approve {person} by the steering decision",
    "put {person} forward to the steering committee",
    # people
    "add {person}",
    "edit {person}",
    "delete {person}",
    ("delete {n} person", "delete {n} people"),
    "join {person} with {other}",
    "import people from {file}",
    # meetings
    "new meeting",
    "edit meeting",
    "delete meeting",
    "generate meetings",
    "start meeting",
    "finish meeting",
    "meeting clock",
    "meeting {status}",
    "add agenda item",
    "edit agenda item",
    "remove agenda item",
    "reorder agenda",
    "notes on {item}",
    "record attendance",
    "check-in",
    "{name}: {status}",
    "add guest",
    "guest {name} arrived",
    "record decision",
    "correct decision",
    "remove decision",
    "add action item",
    "action item {status}",
    "remove action item",
    # work plan
    "add goal",
    "add objective",
    "add action",
    "add situation section",
    "edit situation picture",
    "edit {title}",
    "delete {title}",
    "move {title}",
    "duplicate {title}",
    "set focus areas of {title}",
    "approve the {channel} work plan",
    # sample, history
    "sample program",
    "merge {name}",
    "restore {field}",
)


@dataclass(frozen=True)
class Words:
    """A field that holds a translated word: its keys, how each is said in a language, and
    whether a name is read only if the field is one of them (else it may hold any text)."""

    keys: Callable[[], Iterable[str]]
    say: Callable[[str, str], str]
    required: bool = True

    @staticmethod
    def vocabulary(name: str) -> Words:
        return Words(lambda: getattr(enums, name), lambda key, lang: label(name, key, lang))


def _field_keys() -> Iterable[str]:
    return [key for key in catalogue("en") if key.startswith("field:")]


_UNTITLED = Words(lambda: ["untitled"], lambda key, lang: tr(key, lang), required=False)
_PEOPLE = Words(  # a person's name, or a count of them ("3 people") where several are named
    lambda: [str(n) for n in range(2, 1000)],
    lambda key, lang: ntr("{n} person", "{n} people", int(key), lang),
    required=False,
)
WORDS: dict[str, dict[str, Words]] = {
    "{person}: {status}": {"status": Words.vocabulary("PIPELINE")},
    "{name}: {status}": {"status": Words.vocabulary("ATTENDANCE")},
    "meeting {status}": {"status": Words.vocabulary("MEETING_STATUSES")},
    "action item {status}": {"status": Words.vocabulary("ACTION_ITEM_STATUSES")},
    "approve the {channel} work plan": {
        "channel": Words(lambda: enums.CHANNELS, lambda key, lang: definite("CHANNELS", key, lang))
    },
    "restore {field}": {"field": Words(_field_keys, lambda key, lang: tr(key, lang))},
    "approve {person} by the steering decision": {"person": _PEOPLE},
    "put {person} forward to the steering committee": {"person": _PEOPLE},
    "edit {title}": {"title": _UNTITLED},
    "delete {title}": {"title": _UNTITLED},
}


@dataclass(frozen=True)
class StepName:
    """A stored step name read back: its message, the count and the fields it was made with
    (translated words as their keys)."""

    message: str | tuple[str, str]
    fields: tuple[tuple[str, str], ...]
    n: int | None = None
    language: str = "en"  # the language it was stored in
    recognised: bool = False  # a field that may hold a word holds one (e.g. "untitled")
    words: tuple[str, ...] = ()  # the fields that hold a word's key

    def say(self, language_code: str) -> str:
        words = WORDS.get(_singular(self.message), {})
        fields = {
            name: words[name].say(value, language_code) if name in self.words else value
            for name, value in self.fields
            if name != "n"
        }
        if isinstance(self.message, tuple):
            singular, plural = self.message
            return ntr(singular, plural, self.n or 0, language_code, **fields)
        return tr(self.message, language_code, **fields)


def shown(text: str, language_code: str | None = None) -> str:
    """A stored step name in the current (or given) language; as stored if it is not one
    of the app's step names."""
    return _shown(text, language_code or language())


@lru_cache(maxsize=4096)
def _shown(text: str, language_code: str) -> str:
    found = read(text, language_code)
    if found is None or found.language == language_code:
        return text  # as stored, not said again: the same words
    return found.say(language_code)


@lru_cache(maxsize=4096)
def read(text: str, first: str | None = None) -> StepName | None:
    """The message and fields a stored step name was made with (None: not a step name),
    looked for in language ``first`` before the others (a name in the language shown needs
    no other catalogue).

    Where two messages read the same in the name's language (Hebrew says "add area {name}"
    and "add {person}" alike), the one that recognises a word wins, then the one with the
    plainest English."""
    order = sorted(LANGUAGES, key=lambda lang: lang != first)
    return next((found for lang in order if (found := _read_in(text, lang))), None)


def _read_in(text: str, lang: str) -> StepName | None:
    exact, patterns = _index(lang)
    if text in exact:
        return exact[text]
    best: StepName | None = None
    best_length = 0
    for template, length, message, lang, n in patterns:
        if best is not None and length < best_length:
            break
        if not all(part in text for part in _PLACEHOLDER.split(template)[::2]):
            continue  # cheap: a pattern is compiled only where its words are all there
        match = _pattern(template).fullmatch(text)
        if match is None:
            continue
        found = _with_words(message, lang, match.groupdict(), n)
        if found is None:
            continue
        if found.recognised:
            return found
        if best is None:
            best, best_length = found, length
    return best


def _with_words(
    message: str | tuple[str, str], lang: str, values: dict[str, str], n: int | None
) -> StepName | None:
    """The step name matched in ``lang``, its words read back as keys (None: a word field
    holds no word of ``lang``, so the name is not this message in this language)."""
    fields = dict(values)
    if "n" in fields:
        n = int(fields.pop("n"))
    recognised = False
    keys: list[str] = []
    for name, words in WORDS.get(_singular(message), {}).items():
        if name not in fields:
            continue
        key = _words_of(words, lang).get(fields[name])
        if key is not None:
            fields[name] = key
            keys.append(name)
            recognised = recognised or not words.required
        elif words.required:
            return None
    return StepName(message, tuple(sorted(fields.items())), n, lang, recognised, tuple(keys))


def _words_of(words: Words, lang: str) -> dict[str, str]:
    return _WORD_CACHE.setdefault((id(words), lang), {words.say(k, lang): k for k in words.keys()})


_WORD_CACHE: dict[tuple[int, str], dict[str, str]] = {}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_Pattern = tuple[str, int, str | tuple[str, str], str, int | None]  # template, its length …


def _singular(message: str | tuple[str, str]) -> str:
    return message[0] if isinstance(message, tuple) else message


@cache
def _index(language_code: str) -> tuple[dict[str, StepName], list[_Pattern]]:
    """The language's text of every step message: exact texts (no fields) and patterns,
    the most specific first ("edit area {name}" before "edit {name}"), then the plainest
    English."""
    exact: dict[str, StepName] = {}
    found: list[tuple[int, int, str, str | tuple[str, str], str, int | None]] = []
    for message in sorted(STEP_MESSAGES, key=lambda m: len(_literal(_singular(m)))):
        wanted = set(_PLACEHOLDER.findall(" ".join(_forms_en(message)))) - {"n"}
        for lang, template, n in _templates(message, language_code):
            names = set(_PLACEHOLDER.findall(template))
            if not wanted <= names:  # a translation that drops a field cannot be read back
                continue
            if not names:
                exact.setdefault(template, StepName(message, (), n, lang))
            else:
                found.append((len(_literal(template)), len(found), template, message, lang, n))
    found.sort(key=lambda item: (-item[0], item[1]))
    patterns = [
        (template, length, message, lang, n) for length, _order, template, message, lang, n in found
    ]
    return exact, patterns


def _literal(template: str) -> str:
    return _PLACEHOLDER.sub("", template)


def _forms_en(message: str | tuple[str, str]) -> tuple[str, ...]:
    return message if isinstance(message, tuple) else (message,)


def _templates(message: str | tuple[str, str], lang: str) -> Iterable[tuple[str, str, int | None]]:
    """(language, text, the count that text stands for when it does not say it)."""
    if isinstance(message, str):
        yield lang, translations(lang).gettext(message), None
    else:
        forms = _plurals(lang).get(message[0], [])
        plural = getattr(translations(lang), "plural", None)
        for index, form in enumerate(forms):
            yield lang, form, _count_for(plural, index)
    if lang == "en":  # as the code says it (made where the catalogue lacked it): English
        for index, form in enumerate(_forms_en(message)):
            yield "en", form, 1 - index if isinstance(message, tuple) else None


@cache
def _plurals(lang: str) -> dict[str, list[str]]:
    return plural_catalogue(lang)


def _count_for(plural: Callable[[int], int] | None, index: int) -> int | None:
    """The first count the language says with its plural form ``index``."""
    if plural is None:
        return None
    return next((n for n in range(1000) if plural(n) == index), None)


@lru_cache(maxsize=512)
def _pattern(template: str) -> re.Pattern[str]:
    parts: list[str] = []
    seen: set[str] = set()
    last = 0
    for match in _PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[last : match.start()]))
        name = match.group(1)
        if name in seen:
            parts.append(f"(?P={name})")
        else:
            parts.append(r"(?P<n>\d+)" if name == "n" else f"(?P<{name}>.*?)")
            seen.add(name)
        last = match.end()
    parts.append(re.escape(template[last:]))
    return re.compile("".join(parts), re.DOTALL)
