"""`tryghedspuls import-org` and `tryghedspuls pairing-sheet` on a real embedded data folder."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from functions.cli import main
from functions.domain.pairing import pair_device
from functions.store.sqlite import SqliteStore
from tests.sheets import pairing_code_in, qr_codes_of

HEADER = "område;arbejdsplads;ledere\r\n"


def _organisation(rows: int) -> str:
    """A municipality's file: `rows` workplaces in six areas, one to three leaders each."""
    lines = [
        f"Område {i % 6 + 1};Arbejdsplads {i:03d} Ærø;"
        + ", ".join(f"leder{i}.{n}@norddjurs.dk" for n in range(i % 3 + 1))
        for i in range(rows)
    ]
    return "\ufeff" + HEADER + "\r\n".join(lines) + "\r\n"


def _store(data_dir) -> SqliteStore:
    return SqliteStore(str(data_dir / "tryghedspuls.db"))


def test_150_workplaces_import_in_well_under_ten_seconds(tmp_path, capsys):
    # Given a file of 150 workplaces as Danish Excel saves it
    source = tmp_path / "organisation.csv"
    source.write_bytes(_organisation(150).encode("utf-8"))
    data = tmp_path / "data"
    # When it is imported into a fresh data folder
    started = time.perf_counter()
    code = main(["import-org", "--data-dir", str(data), str(source)])
    took = time.perf_counter() - started
    # Then all 150 are there, with their leaders, in well under 10 s
    assert code == 0
    stored = _store(data).list_workplaces()
    assert len(stored) == 150
    assert {w.area for w in stored} == {f"Område {n}" for n in range(1, 7)}
    assert sum(len(w.leaders) for w in stored) == 50 * (1 + 2 + 3)
    print(f"\n150 workplaces imported in {took:.2f} s")
    assert took < 5.0
    # And importing it again changes nothing
    capsys.readouterr()
    assert main(["import-org", "--data-dir", str(data), str(source)]) == 0
    assert "0 were updated" in capsys.readouterr().out
    assert _store(data).list_workplaces() == stored


def test_dry_run_keeps_nothing(tmp_path, capsys):
    source = tmp_path / "organisation.csv"
    source.write_text(_organisation(3), encoding="utf-8")
    assert main(["import-org", "--dry-run", "--data-dir", str(tmp_path), str(source)]) == 0
    assert "3 workplaces would be created" in capsys.readouterr().out
    assert _store(tmp_path).list_workplaces() == []


def test_refused_file_names_each_line_and_keeps_nothing(tmp_path, capsys):
    source = tmp_path / "organisation.csv"
    source.write_text(HEADER + "Syd;Solsikken;\nSyd;;\nNord;Skolen;ole@\n", encoding="utf-8")
    assert main(["import-org", "--data-dir", str(tmp_path), str(source)]) == 1
    err = capsys.readouterr().err
    assert "line 3:" in err and "line 4:" in err and "'ole@'" in err
    assert _store(tmp_path).list_workplaces() == []


def test_file_in_windows_1252_is_refused_with_how_to_save_it(tmp_path, capsys):
    source = tmp_path / "organisation.csv"
    source.write_bytes((HEADER + "Syd;Ærø Skole;\n").encode("cp1252"))
    assert main(["import-org", "--data-dir", str(tmp_path), str(source)]) == 1
    assert "CSV UTF-8" in capsys.readouterr().err


def test_pairing_sheet_codes_pair_tablets_of_their_workplaces(tmp_path):
    # Given an imported organisation
    source = tmp_path / "organisation.csv"
    source.write_text(_organisation(4), encoding="utf-8")
    data = tmp_path / "data"
    main(["import-org", "--data-dir", str(data), str(source)])
    # When the sheets of one area are printed and their QR codes scanned
    out = tmp_path / "sheets.pdf"
    args = ["--data-dir", str(data), "--base-url", "http://127.0.0.1:8550", "--out", str(out)]
    assert main(["pairing-sheet", *args, "--area", "Område 1"]) == 0
    urls = qr_codes_of(out.read_bytes(), tmp_path)
    # Then there is one page for the area's one workplace, and its code pairs a tablet there
    assert len(urls) == 1 and urls[0].startswith("http://127.0.0.1:8550/kiosk?pair=")
    store = _store(data)
    _device, _token, workplace = pair_device(
        store, pairing_code_in(urls[0]), "Pauserum", datetime.now(UTC)
    )
    assert workplace.name == "Arbejdsplads 000 Ærø"


def test_the_language_column_sets_the_leaders_email_language(tmp_path, capsys):
    from functions.domain.digest_recipients import address_hash

    # Given a file whose optional sprog column makes Solsikken's leader English
    source = tmp_path / "organisation.csv"
    source.write_text(
        "område;arbejdsplads;ledere;sprog\r\n"
        "Syd;Solsikken;mette@norddjurs.dk;English\r\n"
        "Syd;Havet;lis@norddjurs.dk;\r\n",
        encoding="utf-8",
    )
    # When it is imported
    assert main(["import-org", "--data-dir", str(tmp_path), str(source)]) == 0
    # Then the command says so, and the store keeps her language by the hash of her address
    assert "E-mail language was set for 1 leader(s)." in capsys.readouterr().out
    store = _store(tmp_path)
    assert store.list_languages() == {address_hash("mette@norddjurs.dk"): "en"}
    store.close()
