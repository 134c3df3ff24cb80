"""The seed's texts (content/texts.json, content/prompts.json) as frozen Pydantic models, and the
content document that GET /v1/content serves. content/README.md describes the files.

The models are the schema: a missing key, an empty text or a repeated id is a ContentError that
names the file and the place in it, e.g. `content/texts.json: question.en: expected a non-empty
string`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError, field_validator

from functions.domain.name_list import NameList

DEFAULT_CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"


class ContentError(ValueError):
    """A content file is missing, is not valid JSON or does not follow content/README.md."""


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("expected a non-empty string")
    return value


NonEmpty = Annotated[str, AfterValidator(_not_blank)]


class _Frozen(BaseModel):
    # Read once per process and shared (load_content is cached): nobody may change it.
    model_config = ConfigDict(frozen=True)


def _unique(items: tuple[Any, ...]) -> tuple[Any, ...]:
    ids = [item.id for item in items]
    if len(set(ids)) != len(ids):
        raise ValueError(f"ids must be unique: {ids}")
    return items


class Text(_Frozen):
    """One text in Danish (the seed's approved wording) and in English (ours)."""

    da: NonEmpty
    en: NonEmpty

    def as_dict(self) -> dict[str, str]:
        """{da, en}."""
        return self.model_dump()


class PromptText(_Frozen):
    """A shared sentence prompt with its stable id (stored completions refer to it)."""

    id: NonEmpty
    da: NonEmpty
    en: NonEmpty

    def as_dict(self) -> dict[str, str]:
        """{id, da, en}."""
        return self.model_dump()


class OlfaQuestion(_Frozen):
    """One of the four OLFA questions (Organisation, Ledelse, Fællesskab, Ansat)."""

    id: NonEmpty
    heading: Text
    question: Text

    def as_dict(self) -> dict[str, Any]:
        """{id, heading: {da, en}, question: {da, en}}."""
        return self.model_dump()


class Olfa(_Frozen):
    """The OLFA part: its intro and its four questions."""

    intro: Text
    questions: tuple[OlfaQuestion, ...]

    _unique_ids = field_validator("questions")(_unique)


class Content(_Frozen):
    """Everything the product shows from the seed: prompts.json's prompts, texts.json's rest."""

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

    _unique_ids = field_validator("prompts")(_unique)

    def texts(self) -> Iterator[tuple[str, Text]]:
        """Every text with a label saying where it sits, e.g. ("prompts[modet]", Text(...))."""
        yield "title", self.title
        yield from ((f"definition[{i}]", t) for i, t in enumerate(self.definition))
        yield "behaviours_intro", self.behaviours_intro
        yield from ((f"behaviours[{i}]", t) for i, t in enumerate(self.behaviours))
        yield "question", self.question
        yield from ((f"follow_ups[{i}]", t) for i, t in enumerate(self.follow_ups))
        yield "shared_intro", self.shared_intro
        yield from ((f"prompts[{p.id}]", Text(da=p.da, en=p.en)) for p in self.prompts)
        yield "next_step", self.next_step
        yield "olfa.intro", self.olfa.intro
        for q in self.olfa.questions:
            yield f"olfa[{q.id}].heading", q.heading
            yield f"olfa[{q.id}].question", q.question

    def as_document(self) -> dict[str, Any]:
        """The JSON-able content document of GET /v1/content (a fresh dict on every call)."""
        return self.model_dump(mode="json")


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
    texts_path, prompts_path = content_dir / "texts.json", content_dir / "prompts.json"
    texts, prompts = _read_json(texts_path), _read_json(prompts_path)
    if not isinstance(texts, dict):
        raise ContentError(f"{texts_path}: expected an object")
    try:
        return Content.model_validate({**texts, "prompts": prompts})
    except ValidationError as error:
        raise ContentError(_explained(error, texts_path, prompts_path)) from None


def _explained(error: ValidationError, texts_path: Path, prompts_path: Path) -> str:
    """Each problem on a line of its own: the file, where in it, and what is wrong."""
    lines = []
    for problem in error.errors():
        loc = problem["loc"]
        path = prompts_path if loc[:1] == ("prompts",) else texts_path
        where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc)
        message = problem["msg"].removeprefix("Value error, ")
        lines.append(f"{path}: {where.lstrip('.')}: {message}")
    return "\n".join(lines)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ContentError(f"{path}: {error}") from error
