"""The exhibit format as curators meet it: defaults, translations, warnings."""

from __future__ import annotations

import json
import subprocess
import sys

from kiosk.cli import main
from kiosk.content.loader import load_catalog
from kiosk.content.schema import PANEL_TYPES, ComparePanel, PartialDate, TimelinePanel
from tests.helpers.exhibits import PROJECT_ROOT, make_exhibit

TRANSLATED = """\
schema: 1
languages: [en, zh, ru]
title: {en: Orbit, zh: 轨道, ru: Орбита}
subtitle: Only English here
tile: {file: tile.png, focus: [0.25, 0.75]}
panels:
  - type: facts
    facts:
      - {key: crew, label: {en: Crew, zh: 乘组, ru: Экипаж}, value: 3}
  - type: timeline
    events:
      - {date: 2021, title: {en: Y, zh: 年, ru: Г}}
      - {date: 2021-10, title: {en: M, zh: 月, ru: М}}
      - {date: 2021-10-05, title: {en: D, zh: 日, ru: Д}}
  - type: compare
    with:
      title: {en: Gravity, zh: 地心引力, ru: Гравитация}
      year: 2013
      facts: []
    rows: [crew]
"""


def _problems(root):
    return [p.format() for p in load_catalog([root]).problems]


def test_defaults_fill_what_curators_leave_out(exhibits_root):
    make_exhibit(exhibits_root, "plain")
    [loaded] = load_catalog([exhibits_root]).exhibits
    exhibit = loaded.exhibit
    assert loaded.id == "plain"
    assert (exhibit.order, exhibit.default_language, exhibit.all_languages) == (100, "en", ["en"])
    assert exhibit.tile.file == "tile.png" and exhibit.tile.focus == (0.5, 0.5)


def test_missing_translation_falls_back_with_a_located_warning(exhibits_root, monkeypatch):
    make_exhibit(exhibits_root, "orbit", TRANSLATED)
    monkeypatch.chdir(exhibits_root)
    catalog = load_catalog([exhibits_root])
    assert [p.format() for p in catalog.problems] == [
        "orbit/exhibit.yaml:4:11: warning: subtitle: no zh, ru translation; "
        "visitors will see the en text",
        "orbit/exhibit.yaml:9:67: warning: panels[0].facts[0].value: no zh, ru translation; "
        "visitors will see the en text",
        "orbit/exhibit.yaml:20:12: warning: panels[2].rows[0]: the compared item has no fact "
        "'crew'; its cell will show a dash",
    ]
    exhibit = catalog.exhibits[0].exhibit
    assert exhibit.text(exhibit.title, "ru") == "Орбита"
    assert exhibit.text(exhibit.subtitle, "zh") == "Only English here"
    assert exhibit.tile.focus == (0.25, 0.75)
    timeline = exhibit.panels[1]
    assert isinstance(timeline, TimelinePanel)
    assert [e.date for e in timeline.events] == [
        PartialDate(2021), PartialDate(2021, 10), PartialDate(2021, 10, 5)]
    assert [str(e.date) for e in timeline.events] == ["2021", "2021-10", "2021-10-05"]
    assert isinstance(exhibit.panels[2], ComparePanel)


def test_long_text_and_long_sentences_warn(exhibits_root, monkeypatch):
    sentence = " ".join(["word"] * 30) + "."
    make_exhibit(exhibits_root, "wordy", f"""\
schema: 1
title: Wordy
tile: tile.png
panels:
  - type: text
    body: {sentence} {"Short one. " * 40}
""")
    monkeypatch.chdir(exhibits_root)
    assert _problems(exhibits_root) == [
        "wordy/exhibit.yaml:6:11: warning: panels[0].body: 110 words in one text block; keep "
        "blocks under 100 words so visitors read them (split it into panels)",
        "wordy/exhibit.yaml:6:11: warning: panels[0].body: a sentence of 30 words (limit 25): "
        "\"word word word word word word word word word word word word …\"",
    ]


def test_every_problem_is_reported_in_one_pass(exhibits_root, monkeypatch):
    make_exhibit(exhibits_root, "many", """\
schema: 1
title: Many
tile: missing.png
panels:
  - type: gallery
    stills:
      - {file: stills/a.png, captoin: Hello}
  - type: wipe
    before: {file: tile.png}
    after: {file: tile.png, label: B}
    orientation: diagonal
  - type: quote
    by: Someone
""")
    monkeypatch.chdir(exhibits_root)
    assert [line.split(": ", 2)[1:] for line in _problems(exhibits_root)] == [
        ["error", "tile: file not found: missing.png"],
        ["error", "panels[0].stills[0].file: file not found: stills/a.png "
                  "(did you mean 'tile.png'?)"],
        ["error", "panels[0].stills[0].captoin: unknown field 'captoin' (did you mean "
                  "'caption'?); expected one of: alt, caption, credit, file, focus"],
        ["error", "panels[1].before.label: required field 'label' is missing"],
        ["error", "panels[1].orientation: expected 'horizontal' or 'vertical', got 'diagonal'"],
        ["error", "panels[2].text: required field 'text' is missing"],
    ]


def test_compare_row_needs_a_fact_in_this_exhibit(exhibits_root, monkeypatch):
    make_exhibit(exhibits_root, "cmp", """\
schema: 1
title: Cmp
tile: tile.png
panels:
  - type: facts
    facts: [{key: days_aboard, label: Days, value: 12}]
  - type: compare
    with: cmp
    rows: [days_abord]
""")
    monkeypatch.chdir(exhibits_root)
    assert _problems(exhibits_root) == [
        "cmp/exhibit.yaml:9:12: error: panels[1].rows[0]: no fact with key 'days_abord' in this "
        "exhibit's facts panels (did you mean 'days_aboard'?); each compare row needs one for "
        "its label and value"]


def test_validate_command_exit_codes_and_summary(exhibits_root, capsys):
    make_exhibit(exhibits_root, "ok")
    assert main(["validate", str(exhibits_root)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 exhibit, 0 errors, 0 warnings"

    make_exhibit(exhibits_root, "bad", "schema: 2\n")
    assert main(["validate", str(exhibits_root)]) == 1
    assert main(["validate", str(exhibits_root / "nowhere")]) == 2
    assert main(["validate", "--frobnicate"]) == 2
    capsys.readouterr()

    assert main(["validate", "--json", str(exhibits_root)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["exhibits"] == ["ok"] and report["errors"] == 4
    assert {p["field"] for p in report["problems"]} == {"schema", "title", "tile", "panels"}
    assert report["problems"][0]["line"] == 1 and report["problems"][0]["severity"] == "error"


def test_committed_json_schema_matches_the_models(capsys):
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    committed = json.loads((PROJECT_ROOT / "kiosk/content/exhibit.schema.json").read_text())
    assert printed == committed, "run: kiosk schema > kiosk/content/exhibit.schema.json"
    panel_types = {ref["$ref"].rsplit("/", 1)[-1]
                   for ref in printed["properties"]["panels"]["items"]["oneOf"]}
    assert len(panel_types) == len(PANEL_TYPES) == 8


def test_content_layer_never_imports_qt(tmp_path):
    """Validating exhibits without clips needs no Qt at all (clips are played by Qt
    Multimedia to check them, and only then is it loaded)."""
    make_exhibit(tmp_path, "plain")
    code = (
        "import sys, kiosk.cli, kiosk.content.loader, kiosk.content.checks\n"
        f"kiosk.cli.main(['validate', {str(tmp_path)!r}])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken', 'qtpy'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=PROJECT_ROOT, timeout=60).stdout
    assert out.splitlines()[-1] == "[]"


def test_a_plain_install_carries_every_bundled_file():
    """`pip install .` installs the exhibits and fonts listed in pyproject's data-files."""
    import glob
    import tomllib

    config = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())
    listed = {path for patterns in config["tool"]["setuptools"]["data-files"].values()
              for pattern in patterns for path in glob.glob(pattern, root_dir=PROJECT_ROOT)}
    bundled = {str(p.relative_to(PROJECT_ROOT)) for folder in ("exhibits", "assets/fonts")
               for p in (PROJECT_ROOT / folder).rglob("*") if p.is_file()}
    assert bundled - listed == set(), "add these to [tool.setuptools.data-files]"
