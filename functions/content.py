"""The seed's texts (content/texts.json, content/prompts.json) as frozen records, and the content
document that GET /v1/content serves. content/README.md describes the files."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from functions.domain.name_list import NameList

DEFAULT_CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"


class ContentError(ValueError):
    """A content file is missing, is not valid JSON or does not follow content/README.md."""


@dataclass(frozen=True)
class Text:
    """One text in Danish (the seed's approved wording) and in English (ours)."""

    da: str
    en: str

    def as_dict(self) -> dict[str, str]:
        """{da, en}."""
        return {"da": self.da, "en": self.en}


@dataclass(frozen=True)
class PromptText:
    """A shared sentence prompt with its stable id (stored completions refer to it)."""

    id: str
    da: str
    en: str

    def as_dict(self) -> dict[str, str]:
        """{id, da, en}."""
        return {"id": self.id, "da": self.da, "en": self.en}


@dataclass(frozen=True)
class OlfaQuestion:
    """One of the four OLFA questions (Organisation, Ledelse, Fællesskab, Ansat)."""

    id: str
    heading: Text
    question: Text

    def as_dict(self) -> dict[str, Any]:
        """{id, heading: {da, en}, question: {da, en}}."""
        return {
            "id": self.id,
            "heading": self.heading.as_dict(),
            "question": self.question.as_dict(),
        }


@dataclass(frozen=True)
class Olfa:
    """The OLFA part: its intro and its four questions."""

    intro: Text
    questions: tuple[OlfaQuestion, ...]


@dataclass(frozen=True)
class Content:
    """Everything the product shows from the seed."""

    title: Text
    definition: tuple[Text, ...]
    behaviours_intro: Text
    behaviours: tuple[Text, ...]
    question: Text  # the individual 1-10 question, also the kiosk's check-in question
    follow_ups: tuple[Text, ...]
    shared_intro: Text
    prompts: tuple[PromptText, ...]
    next_step: Text
    olfa: Olfa

    def texts(self) -> Iterator[tuple[str, Text]]:
        """Every text with a label saying where it sits, e.g. ("prompts[modet]", Text(...))."""
        yield "title", self.title
        yield from ((f"definition[{i}]", t) for i, t in enumerate(self.definition))
        yield "behaviours_intro", self.behaviours_intro
        yield from ((f"behaviours[{i}]", t) for i, t in enumerate(self.behaviours))
        yield "question", self.question
        yield from ((f"follow_ups[{i}]", t) for i, t in enumerate(self.follow_ups))
        yield "shared_intro", self.shared_intro
        yield from ((f"prompts[{p.id}]", Text(p.da, p.en)) for p in self.prompts)
        yield "next_step", self.next_step
        yield "olfa.intro", self.olfa.intro
        for q in self.olfa.questions:
            yield f"olfa[{q.id}].heading", q.heading
            yield f"olfa[{q.id}].question", q.question

    def as_document(self) -> dict[str, Any]:
        """The JSON-able content document of GET /v1/content (a fresh dict on every call)."""
        return {
            "title": self.title.as_dict(),
            "definition": [t.as_dict() for t in self.definition],
            "behaviours_intro": self.behaviours_intro.as_dict(),
            "behaviours": [t.as_dict() for t in self.behaviours],
            "question": self.question.as_dict(),
            "follow_ups": [t.as_dict() for t in self.follow_ups],
            "shared_intro": self.shared_intro.as_dict(),
            "prompts": [p.as_dict() for p in self.prompts],
            "next_step": self.next_step.as_dict(),
            "olfa": {
                "intro": self.olfa.intro.as_dict(),
                "questions": [q.as_dict() for q in self.olfa.questions],
            },
        }


_WithId = TypeVar("_WithId", PromptText, OlfaQuestion)


def load_name_list(content_dir: Path | None = None) -> NameList:
    """The names moderation holds (content/names/), read once per process."""
    return _load_names((content_dir or DEFAULT_CONTENT_DIR).resolve())


@cache
def _load_names(content_dir: Path) -> NameList:
    names = _word_list(content_dir / "names" / "first_names.txt")
    if not names:
        raise ContentError(f"{content_dir / 'names' / 'first_names.txt'}: no names")
    return NameList.of(names, _word_list(content_dir / "names" / "danish_words.txt"))


def _word_list(path: Path) -> list[str]:
    # One word a line; "#" starts a comment (the files say where they come from).
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise ContentError(f"{path}: {error}") from error
    return [word for line in lines if (word := line.split("#")[0].strip())]


def load_content(content_dir: Path | None = None) -> Content:
    """The content in `content_dir` (default: the repository's content/), read once per process."""
    return _load((content_dir or DEFAULT_CONTENT_DIR).resolve())


@cache
def _load(content_dir: Path) -> Content:
    texts = _read_json(content_dir / "texts.json")
    prompts = _read_json(content_dir / "prompts.json")
    if not isinstance(texts, dict):
        raise ContentError(f"{content_dir / 'texts.json'}: expected an object")
    olfa = _field(texts, "olfa", "texts.json")
    return Content(
        title=_text(_field(texts, "title", "texts.json"), "title"),
        definition=_texts(texts, "definition"),
        behaviours_intro=_text(_field(texts, "behaviours_intro", "texts.json"), "behaviours_intro"),
        behaviours=_texts(texts, "behaviours"),
        question=_text(_field(texts, "question", "texts.json"), "question"),
        follow_ups=_texts(texts, "follow_ups"),
        shared_intro=_text(_field(texts, "shared_intro", "texts.json"), "shared_intro"),
        prompts=_unique(
            tuple(
                _prompt(item, f"prompts.json[{i}]")
                for i, item in enumerate(_list(prompts, "prompts.json"))
            )
        ),
        next_step=_text(_field(texts, "next_step", "texts.json"), "next_step"),
        olfa=Olfa(
            intro=_text(_field(olfa, "intro", "olfa"), "olfa.intro"),
            questions=_unique(
                tuple(
                    _olfa_question(item, f"olfa.questions[{i}]")
                    for i, item in enumerate(_list(_field(olfa, "questions", "olfa"), "olfa"))
                )
            ),
        ),
    )


def _unique(items: tuple[_WithId, ...]) -> tuple[_WithId, ...]:
    ids = [item.id for item in items]
    if len(set(ids)) != len(ids):
        raise ContentError(f"ids must be unique: {ids}")
    return items


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ContentError(f"{path}: {error}") from error


def _field(obj: Any, key: str, where: str) -> Any:
    if not isinstance(obj, dict) or key not in obj:
        raise ContentError(f"{where}: missing {key!r}")
    return obj[key]


def _list(obj: Any, where: str) -> list[Any]:
    if not isinstance(obj, list):
        raise ContentError(f"{where}: expected a list, got {type(obj).__name__}")
    return obj


def _string(obj: Any, key: str, where: str) -> str:
    value = _field(obj, key, where)
    if not isinstance(value, str) or not value.strip():
        raise ContentError(f"{where}.{key}: expected a non-empty string")
    return value


def _text(obj: Any, where: str) -> Text:
    return Text(da=_string(obj, "da", where), en=_string(obj, "en", where))


def _texts(texts: dict[str, Any], key: str) -> tuple[Text, ...]:
    items = _list(_field(texts, key, "texts.json"), key)
    return tuple(_text(item, f"{key}[{i}]") for i, item in enumerate(items))


def _prompt(obj: Any, where: str) -> PromptText:
    return PromptText(
        id=_string(obj, "id", where), da=_string(obj, "da", where), en=_string(obj, "en", where)
    )


def _olfa_question(obj: Any, where: str) -> OlfaQuestion:
    return OlfaQuestion(
        id=_string(obj, "id", where),
        heading=_text(_field(obj, "heading", where), f"{where}.heading"),
        question=_text(_field(obj, "question", where), f"{where}.question"),
    )
