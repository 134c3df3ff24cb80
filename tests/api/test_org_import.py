"""The organisation in one import, through the admin API (the console and the command use it)."""

from __future__ import annotations

from tests.api.conftest import ADMIN_TOKEN

ORG = (
    "\ufeffområde;arbejdsplads;ledere\r\n"
    "Dagtilbud Syd;Børnehuset Ærøvej;mette@norddjurs.dk, jens@norddjurs.dk\r\n"
    "Dagtilbud Syd;Solsikken;anna@norddjurs.dk\r\n"
    "Ældre og sundhed;Plejecenter Østergården;lis@norddjurs.dk ole@norddjurs.dk\r\n"
    ";;\r\n"
)


def _import(api, text: str, dry_run: bool = False):
    return api.post("/v1/workplaces/import", {"csv": text, "dry_run": dry_run})


def _stored(api) -> dict[str, dict]:
    return {w["name"]: w for w in api.get("/v1/workplaces").json["workplaces"]}


def test_danish_excel_file_creates_workplaces_areas_and_leaders(api):
    answer = _import(api, ORG)
    assert answer.status == 200, answer.text
    assert {w["name"] for w in answer.json["created"]} == {
        "Børnehuset Ærøvej",
        "Solsikken",
        "Plejecenter Østergården",
    }
    stored = _stored(api)
    assert stored["Børnehuset Ærøvej"]["area"] == "Dagtilbud Syd"
    assert stored["Børnehuset Ærøvej"]["leaders"] == ["jens@norddjurs.dk", "mette@norddjurs.dk"]
    assert stored["Plejecenter Østergården"]["leaders"] == ["lis@norddjurs.dk", "ole@norddjurs.dk"]


def test_comma_separated_file_with_lf_and_quoted_leaders_reads_the_same(api):
    text = 'område,arbejdsplads,ledere\nNord,Skolen,"a@norddjurs.dk, b@norddjurs.dk"\n'
    assert _import(api, text).status == 200
    assert _stored(api)["Skolen"]["leaders"] == ["a@norddjurs.dk", "b@norddjurs.dk"]


def test_same_file_twice_changes_nothing(api):
    _import(api, ORG)
    before = _stored(api)
    again = _import(api, ORG)
    assert again.json == {
        "dry_run": False,
        "created": [],
        "updated": [],
        "unchanged": 3,
        "missing": [],
        "languages": 0,
    }
    assert _stored(api) == before


def test_dry_run_shows_the_changes_and_keeps_nothing(api):
    _import(api, ORG)
    changed = ORG.replace("anna@norddjurs.dk", "bo@norddjurs.dk").replace(
        "Dagtilbud Syd;Solsikken", "Dagtilbud Nord;Solsikken"
    )
    plan = _import(api, changed + "Dagtilbud Nord;Mælkebøtten;\r\n", dry_run=True)
    assert plan.status == 200
    assert [w["name"] for w in plan.json["created"]] == ["Mælkebøtten"]
    [updated] = plan.json["updated"]
    assert updated["name"] == "Solsikken"
    assert updated["changes"] == {
        "area": {"from": "Dagtilbud Syd", "to": "Dagtilbud Nord"},
        "leaders": {"from": ["anna@norddjurs.dk"], "to": ["bo@norddjurs.dk"]},
    }
    stored = _stored(api)
    assert "Mælkebøtten" not in stored and stored["Solsikken"]["area"] == "Dagtilbud Syd"


def test_changed_file_moves_a_workplace_by_name_and_renames_one_by_id(api):
    _import(api, ORG)
    ids = {name: w["id"] for name, w in _stored(api).items()}
    changed = (
        "område;arbejdsplads;ledere;id\n"
        f"Dagtilbud Syd;Børnehuset Ærøvej Nord;mette@norddjurs.dk;{ids['Børnehuset Ærøvej']}\n"
        "Dagtilbud Nord;SOLSIKKEN;anna@norddjurs.dk;\n"
        "Ældre og sundhed;Plejecenter Østergården;lis@norddjurs.dk ole@norddjurs.dk;\n"
    )
    answer = _import(api, changed)
    assert answer.status == 200, answer.text
    stored = {w["id"]: w for w in api.get("/v1/workplaces").json["workplaces"]}
    assert len(stored) == 3  # nothing new: every row found its workplace
    assert stored[ids["Børnehuset Ærøvej"]]["name"] == "Børnehuset Ærøvej Nord"
    assert stored[ids["Børnehuset Ærøvej"]]["leaders"] == ["mette@norddjurs.dk"]
    assert stored[ids["Solsikken"]] == {
        "id": ids["Solsikken"],
        "name": "SOLSIKKEN",
        "area": "Dagtilbud Nord",
        "kiosk_shows_last_week": True,
        "leaders": ["anna@norddjurs.dk"],
    }


def test_workplaces_missing_from_the_file_are_listed_and_kept(api):
    _import(api, ORG)
    kept = api.workplace("Rengøring", None)
    answer = _import(api, ORG)
    assert answer.json["missing"] == [{"id": kept, "name": "Rengøring", "area": None}]
    assert "Rengøring" in _stored(api)


def test_bad_rows_refuse_the_whole_file_with_each_line(api):
    text = (
        "område;arbejdsplads;ledere\n"
        "Syd;Solsikken;anna@norddjurs.dk\n"  # fine, but must not be imported either
        "Syd;;anna@norddjurs.dk\n"  # line 3: no name
        "Syd;Skolen;anna(at)norddjurs.dk\n"  # line 4: no address
        "Nord;solsikken ;\n"  # line 5: the same workplace as line 2
    )
    answer = _import(api, text)
    assert answer.status == 400
    assert answer.json["error"]["code"] == "invalid_file"
    lines = [d["line"] for d in answer.json["error"]["details"]]
    assert lines == [3, 4, 5]
    assert "anna(at)norddjurs.dk" in answer.json["error"]["details"][1]["message"]
    assert _stored(api) == {}


def test_unknown_id_refuses_the_file(api):
    answer = _import(api, "område;arbejdsplads;ledere;id\nSyd;Solsikken;;abc123\n")
    assert answer.status == 400
    assert answer.json["error"]["details"] == [
        {"line": 2, "message": "no workplace has id 'abc123'"}
    ]


def test_import_is_for_admins_only(api):
    wp = api.workplace()
    device = api.paired_device(wp)
    body = {"csv": ORG}
    assert api.call("POST", "/v1/workplaces/import", body).status == 401
    assert api.call("POST", "/v1/workplaces/import", body, token=device).status == 403
    assert api.call("POST", "/v1/workplaces/import", body, token=ADMIN_TOKEN).status == 200


LANGUAGES = (
    "område;arbejdsplads;ledere;sprog\r\n"
    "Syd;Solsikken;mette@norddjurs.dk, jens@norddjurs.dk;en\r\n"
    "Syd;Havet;Anna@Norddjurs.dk lis@norddjurs.dk;da en\r\n"
    "Nord;Skolen;ole@norddjurs.dk;\r\n"
)


def test_the_language_column_sets_each_leaders_email_language(api, services):
    from functions.domain.digest_recipients import address_hash

    # When the file gives Solsikken's leaders English, Havet's one each, Skolen's none
    dry = _import(api, LANGUAGES, dry_run=True)
    assert dry.json["languages"] == 3 and services.store.list_languages() == {}
    answer = _import(api, LANGUAGES)
    assert answer.status == 200, answer.text
    # Then only the English ones are kept (Danish is the default: nothing to keep), by hash
    english = {"mette@norddjurs.dk", "jens@norddjurs.dk", "lis@norddjurs.dk"}
    assert services.store.list_languages() == {address_hash(a): "en" for a in english}
    assert answer.json["languages"] == 3
    # And a later file that says Danish for Mette changes hers back, and only hers
    again = _import(api, LANGUAGES.replace(";en\r\n", ";Dansk, engelsk\r\n", 1))
    assert again.json["languages"] == 1
    assert services.store.list_languages()[address_hash("mette@norddjurs.dk")] == "da"


def test_a_bad_language_column_refuses_the_file_by_line(api, services):
    text = (
        "område;arbejdsplads;ledere;sprog\n"
        "Syd;Solsikken;a@norddjurs.dk;tysk\n"
        "Syd;Havet;a@norddjurs.dk b@norddjurs.dk;da en da\n"
        "Syd;Skolen;;en\n"
        "Nord;Lageret;c@norddjurs.dk;en\n"
        "Nord;Kontoret;c@norddjurs.dk;da\n"
    )
    answer = _import(api, text)
    assert answer.status == 400
    lines = {d["line"]: d["message"] for d in answer.json["error"]["details"]}
    assert set(lines) == {2, 3, 4, 6}
    assert "'tysk'" in lines[2] and "one per leader" in lines[3] and "no leaders" in lines[4]
    assert "another language on line 5" in lines[6]
    assert _stored(api) == {} and services.store.list_languages() == {}
