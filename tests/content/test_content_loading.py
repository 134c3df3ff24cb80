"""Loading content/ and serving it as the content document of GET /v1/content."""

import json
import shutil
from pathlib import Path

import pytest
from pydantic import ValidationError

from functions.content import DEFAULT_CONTENT_DIR, ContentError, load_content

README = (DEFAULT_CONTENT_DIR / "README.md").read_text(encoding="utf-8")


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of content/ that a test may change."""
    for name in ("texts.json", "prompts.json"):
        shutil.copy(DEFAULT_CONTENT_DIR / name, tmp_path / name)
    return tmp_path


def edit(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_content_is_read_once_per_process():
    assert load_content() is load_content()
    assert load_content(DEFAULT_CONTENT_DIR / ".." / "content") is load_content()


def test_document_is_plain_json_with_every_part():
    document = load_content().as_document()
    assert json.loads(json.dumps(document)) == document
    assert set(document) == {
        "title",
        "definition",
        "behaviours_intro",
        "behaviours",
        "question",
        "follow_ups",
        "shared_intro",
        "prompts",
        "next_step",
        "olfa",
    }
    assert set(document["prompts"][0]) == {"id", "da", "en"}
    assert all(set(b) == {"da", "en"} for b in document["behaviours"])
    assert set(document["olfa"]["questions"][0]) == {"id", "heading", "question"}


def test_each_document_is_fresh_so_a_caller_cannot_spoil_the_cache():
    document = load_content().as_document()
    document["prompts"].clear()
    assert len(load_content().as_document()["prompts"]) == 6


def test_another_directory_can_be_given(content_copy):
    edit(content_copy / "prompts.json", lambda prompts: prompts[0].update(en="Changed…"))
    assert load_content(content_copy).prompts[0].en == "Changed…"


def test_missing_file_is_a_content_error(content_copy):
    (content_copy / "prompts.json").unlink()
    with pytest.raises(ContentError, match="prompts.json"):
        load_content(content_copy)


def test_empty_english_is_a_content_error(content_copy):
    edit(content_copy / "texts.json", lambda texts: texts["question"].update(en=" "))
    with pytest.raises(ContentError, match="question"):
        load_content(content_copy)


def test_duplicate_prompt_ids_are_a_content_error(content_copy):
    edit(content_copy / "prompts.json", lambda prompts: prompts[1].update(id=prompts[0]["id"]))
    with pytest.raises(ContentError, match="unique"):
        load_content(content_copy)


def test_readme_names_every_key_and_prompt_id():
    document = load_content().as_document()
    for key in document.keys() - {"prompts"}:
        assert f"`{key}`" in README, f"content/README.md does not describe {key}"
    for prompt in document["prompts"]:
        assert f"`{prompt['id']}`" in README, f"content/README.md does not list {prompt['id']}"


def test_a_missing_text_names_the_file_and_the_place(content_copy):
    edit(content_copy / "texts.json", lambda texts: texts["olfa"].pop("intro"))
    with pytest.raises(ContentError, match=r"texts\.json: olfa\.intro: Field required"):
        load_content(content_copy)


def test_a_prompt_without_english_names_prompts_json_and_the_prompt(content_copy):
    edit(content_copy / "prompts.json", lambda prompts: prompts[2].pop("en"))
    with pytest.raises(ContentError, match=r"prompts\.json: prompts\[2\]\.en"):
        load_content(content_copy)


def test_duplicate_olfa_ids_are_a_content_error(content_copy):
    def repeat_first_id(texts):
        questions = texts["olfa"]["questions"]
        questions[1]["id"] = questions[0]["id"]

    edit(content_copy / "texts.json", repeat_first_id)
    with pytest.raises(ContentError, match=r"olfa\.questions: ids must be unique"):
        load_content(content_copy)


def test_the_loaded_content_cannot_be_changed_by_a_caller():
    with pytest.raises(ValidationError):
        load_content().question.da = "Ændret"  # type: ignore[misc]
