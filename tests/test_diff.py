"""`pvm diff`: which partner changed how, in words, with the changed words marked."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from pvm_tui.diff import compare, report, to_plain, to_text, words_for
from pvm_tui.labels import labels_for
from pvm_tui.model import COLUMN_BY_KEY, Company, Matrix, Partner, Side
from pvm_tui.store import MAX_FILE_BYTES, load

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def example() -> Matrix:
    return load(SAMPLES / "tinnitracks.en.toml").saved


def plain(old: Matrix, new: Matrix, language: str = "en") -> str:
    return to_plain(report(compare(old, new), labels_for(language), words_for(language)))


def partner(name: str, **cells: str) -> Partner:
    brings = {k.split("_", 1)[1]: v for k, v in cells.items() if k.startswith("brings_")}
    gets = {k.split("_", 1)[1]: v for k, v in cells.items() if k.startswith("gets_")}
    return Partner(name=name, brings=Side(**brings), gets=Side(**gets))


def matrix(*partners: Partner) -> Matrix:
    return Matrix(company=Company(name="Acme"), partners=partners, language="en")


A = partner("Alpha", brings_resources="parts and tools", gets_money="a fee per unit")
B = partner("Beta", brings_channels="their web shop", gets_other="a joint project")
C = partner("Gamma", brings_money="seed capital", gets_money="shares")


# -- the comparison ------------------------------------------------------------


def test_equal_matrices_have_no_differences() -> None:
    assert compare(example(), example()).is_empty
    assert plain(example(), example()) == ""


def test_a_changed_cell_shows_the_old_and_new_words_marked() -> None:
    old = example()
    column = COLUMN_BY_KEY["gets.channels"]
    new = old.with_cell(0, column, old.partners[0].cell(column).replace("Headphones", "Headsets"))
    text = plain(old, new)
    assert text.splitlines() == [
        '~ partner "Sennheiser" · row 1',
        "    What do they get out of it? · sales channels: High-margin sales through a medical channel. "
        "[-Headphones-]{+Headsets+} supplied with the treatment",
    ]


def test_in_a_terminal_removed_words_are_struck_red_and_new_ones_underlined_green() -> None:
    old = matrix(A)
    new = old.with_cell(0, COLUMN_BY_KEY["brings.resources"], "parts and machines")
    text = to_text(report(compare(old, new), labels_for("en"), words_for("en")))
    styled = {text.plain[span.start : span.end]: str(span.style) for span in text.spans}
    assert styled["tools"] == "red strike"
    assert styled["machines"] == "green underline"
    assert "[-" not in text.plain and "{+" not in text.plain


def test_an_added_partner_is_listed_with_what_it_holds() -> None:
    new_partner = partner("Delta", brings_resources="cheap parts")
    text = plain(matrix(A, B), matrix(A, B, new_partner))
    assert text.splitlines() == [
        '+ partner "Delta" · added (row 3)',
        "    What do they bring? · resources: cheap parts",
    ]


def test_a_removed_partner_is_listed_where_it_stood_with_what_it_held() -> None:
    changes = compare(matrix(A, B, C), matrix(A, C))
    assert [change.kind for change in changes.partners] == ["removed"]
    assert plain(matrix(A, B, C), matrix(A, C)).splitlines() == [
        '- partner "Beta" · removed (was row 2)',
        "    What do they bring? · sales channels: their web shop",
        "    What do they get out of it? · other: a joint project",
    ]


def test_a_renamed_partner_is_one_partner_not_a_removal_and_an_addition() -> None:
    renamed = replace(B, name="Beta Retail")
    changes = compare(matrix(A, B, C), matrix(A, renamed, C))
    assert [(change.kind, change.renamed) for change in changes.partners] == [("changed", True)]
    assert plain(matrix(A, B, C), matrix(A, renamed, C)).splitlines() == [
        '~ partner "Beta Retail" · row 2',
        "    renamed: Beta{+ Retail+}",
    ]


def test_partners_are_paired_by_content_not_by_name_alone() -> None:
    # "Alpha" became "Alpha Ltd" with the same cells, and a new, different
    # partner took the name "Alpha": pairing by name would get both wrong.
    newcomer = partner("Alpha", brings_other="advice", gets_other="visibility")
    changes = compare(matrix(A, B), matrix(replace(A, name="Alpha Ltd"), B, newcomer))
    summary = [
        (change.kind, change.old and change.old.name, change.new and change.new.name)
        for change in changes.partners
    ]
    assert summary == [("changed", "Alpha", "Alpha Ltd"), ("added", None, "Alpha")]


def test_a_renamed_partner_with_an_edited_cell_is_still_one_partner() -> None:
    edited = replace(A, name="Alfa").with_cell(COLUMN_BY_KEY["gets.money"], "a fee per unit sold")
    text = plain(matrix(A, B), matrix(edited, B))
    assert text.splitlines() == [
        '~ partner "Alfa" · row 1',
        "    renamed: [-Alpha-]{+Alfa+}",
        "    What do they get out of it? · € (money): a fee per unit{+ sold+}",
    ]


def test_a_moved_partner_says_from_where_to_where_and_the_others_did_not_move() -> None:
    changes = compare(matrix(A, B, C), matrix(C, A, B))
    assert [(change.new and change.new.name, change.moved) for change in changes.partners] == [
        ("Gamma", True)
    ]
    assert plain(matrix(A, B, C), matrix(C, A, B)) == '~ partner "Gamma" · moved from row 3 to row 1\n'


def test_adding_a_partner_at_the_top_moves_no_one() -> None:
    newcomer = partner("Delta", brings_money="cash")
    changes = compare(matrix(A, B, C), matrix(newcomer, A, B, C))
    assert [change.kind for change in changes.partners] == ["added"]


def test_one_of_two_identical_partners_removed() -> None:
    changes = compare(matrix(A, A, B), matrix(A, B))
    assert [(change.kind, change.old_row) for change in changes.partners] == [("removed", 1)]


def test_many_partners_each_edited_a_little_stay_the_same_partners() -> None:
    column = COLUMN_BY_KEY["brings.other"]
    many = tuple(
        partner(f"Partner {n}", brings_other=f"brings thing {n}", gets_money=f"fee {n}") for n in range(300)
    )
    edited = tuple(reversed([p.with_cell(column, p.cell(column) + " and more") for p in many]))
    changes = compare(matrix(*many), matrix(*edited))
    assert {change.kind for change in changes.partners} == {"changed"}
    assert all(
        change.old is not None and change.new is not None and change.old.name == change.new.name
        for change in changes.partners
    )
    assert len(changes.partners) == 300


def test_many_partners_replaced_by_others_are_removed_and_added() -> None:
    before = tuple(partner(f"Old {n}", brings_money=f"capital round {n}") for n in range(60))
    after = tuple(partner(f"Zeta {n}x", gets_other=f"visibility at event {n}") for n in range(60))
    kinds = [change.kind for change in compare(matrix(*before), matrix(*after)).partners]
    assert kinds.count("removed") == 60 and kinds.count("added") == 60


def test_company_header_changes_are_named_by_their_field() -> None:
    old = example()
    new = old.with_company(old.company.edit(industry="Medical devices", location=""))
    assert plain(old, new).splitlines() == [
        "company",
        "    industry: Medical [-technology-]{+devices+}",
        "    location: [-Germany-]",
    ]


def test_a_partner_that_becomes_one_sided_says_so() -> None:
    old = matrix(A)
    new = old.with_cell(0, COLUMN_BY_KEY["gets.money"], "")
    lines = plain(old, new).splitlines()
    assert lines[-1] == "    balance: now one-sided (only brings); was mutual"


def test_the_report_is_in_dutch_for_a_dutch_user() -> None:
    old = matrix(A, B)
    new = matrix(
        replace(A, name="Alfa").with_cell(COLUMN_BY_KEY["gets.money"], ""), partner("Nieuw", gets_money="x")
    )
    new = replace(new, company=Company(name="Acme BV"))
    text = plain(old, new, "nl")
    assert "bedrijf\n    naam: Acme{+ BV+}" in text
    assert '~ partner "Alfa" · rij 1' in text
    assert "    hernoemd: [-Alpha-]{+Alfa+}" in text
    assert "    wat halen ze eruit? · € (geld): [-a fee per unit-]" in text
    assert "    balans: nu eenzijdig (brengt alleen); was wederzijds" in text
    assert '- partner "Beta" · verwijderd (was rij 2)' in text
    assert '+ partner "Nieuw" · toegevoegd (rij 2)' in text


def test_a_language_change_is_reported() -> None:
    old = matrix(A)
    assert plain(old, replace(old, language="nl")) == "language: English → Nederlands\n"


def test_user_text_in_the_report_is_harmless_and_never_markup() -> None:
    old = matrix(partner("[bold]Evil\x1b[2J", brings_other="x"))
    new = old.with_cell(0, COLUMN_BY_KEY["brings.other"], "[red]y[/]\x07")
    lines = report(compare(old, new), labels_for("en"), words_for("en"))
    text = to_text(lines)
    assert "\x1b" not in text.plain and "\x07" not in text.plain
    assert '"[bold]Evil␛[2J"' in text.plain
    assert "[red]y[/]␇" in text.plain
    assert "\x1b" not in to_plain(lines)


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e"])
def test_a_rename_by_an_invisible_character_is_visible(invisible: str) -> None:
    old = matrix(A, B)
    new = matrix(replace(A, name=f"Al{invisible}pha"), B)
    code = f"<U+{ord(invisible):04X}>"
    assert plain(old, new).splitlines() == [
        f'~ partner "Al{code}pha" · row 1',
        f"    renamed: [-Alpha-]{{+Al{code}pha+}}",
    ]


def test_a_cell_changed_only_by_a_zero_width_space_shows_where() -> None:
    column = COLUMN_BY_KEY["brings.resources"]
    new = matrix(A, B).with_cell(0, column, "parts and\u200b tools")
    assert "What do they bring? · resources: parts and{+<U+200B>+} tools" in plain(matrix(A, B), new)


def test_an_emoji_made_with_joiners_stays_one_picture() -> None:
    column = COLUMN_BY_KEY["brings.resources"]
    developer = "\U0001f469\u200d\U0001f4bb"  # woman + ZWJ + laptop: one emoji
    old = matrix(A, B).with_cell(0, column, f"{developer} parts")
    new = old.with_cell(0, column, f"{developer} tools")
    assert f"resources: {developer} [-parts-]{{+tools+}}" in plain(old, new)


def test_multi_line_cells_keep_their_lines_indented() -> None:
    old = matrix(partner("Alpha", brings_other="one\ntwo"))
    new = old.with_cell(0, COLUMN_BY_KEY["brings.other"], "one\ntwo\nthree")
    assert plain(old, new).splitlines()[1:] == [
        "    What do they bring? · other: one",
        "      two",
        "      {+three+}",
    ]


# -- the command -----------------------------------------------------------------


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    old = tmp_path / "old.toml"
    old.write_text((SAMPLES / "tinnitracks.en.toml").read_text(encoding="utf-8"), encoding="utf-8")
    new = tmp_path / "new.toml"
    text = old.read_text(encoding="utf-8").replace("Custom sound technology", "Custom audio technology")
    new.write_text(text, encoding="utf-8")
    return old, new


def test_exit_0_and_silent_when_equal_even_if_the_layout_differs(run_pvm, files, tmp_path: Path) -> None:
    old, _ = files
    relaid = tmp_path / "relaid.toml"
    relaid.write_text(
        "# a comment\n\n" + old.read_text(encoding="utf-8").replace(" = ", "="), encoding="utf-8"
    )
    result = run_pvm("diff", str(old), str(relaid))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_exit_1_with_the_report_when_different(run_pvm, files) -> None:
    old, new = files
    result = run_pvm("diff", str(old), str(new))
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        '~ partner "Sennheiser" · row 1',
        "    What do they bring? · resources: Custom [-sound-]{+audio+} technology and headphones",
    ]
    assert "\x1b" not in result.stdout  # not a terminal: no colour


def test_colour_for_gits_pager_but_not_with_no_color(run_pvm, files) -> None:
    old, new = files
    coloured = run_pvm("diff", str(old), str(new), env={"GIT_PAGER_IN_USE": "true"})
    assert "\x1b[" in coloured.stdout and "[-" not in coloured.stdout
    plain_again = run_pvm("diff", str(old), str(new), env={"GIT_PAGER_IN_USE": "true", "NO_COLOR": "1"})
    assert "\x1b" not in plain_again.stdout and "[-sound-]" in plain_again.stdout


def test_lang_chooses_the_language_of_the_report(run_pvm, files) -> None:
    old, new = files
    result = run_pvm("diff", "--lang", "nl", str(old), str(new))
    assert "wat brengen ze? · middelen: Custom [-sound-]{+audio+}" in result.stdout
    assert '~ partner "Sennheiser" · rij 1' in result.stdout


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "no such file"),
        ("format = [\n", "not valid TOML"),
        ('[project]\nname = "x"\n', "not a Partner Value Matrix"),
        ("[[partners]]\nname = 3\n", "partners[1].name"),
    ],
)
def test_exit_2_with_one_line_when_a_file_is_unusable(run_pvm, files, tmp_path, content, message) -> None:
    old, _ = files
    bad = tmp_path / "bad.toml"
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    for arguments in ((str(old), str(bad)), (str(bad), str(old))):
        result = run_pvm("diff", *arguments)
        assert result.returncode == 2
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1 and message in result.stderr and str(bad) in result.stderr


@pytest.mark.parametrize("count", [1, 3, 6, 8])
def test_other_numbers_of_files_are_a_usage_error(run_pvm, files, count) -> None:
    old, _ = files
    result = run_pvm("diff", *([str(old)] * count))
    assert result.returncode == 2
    assert result.stdout == "" and result.stderr.count("\n") == 1


def test_git_arguments_give_a_heading_and_exit_0_even_when_different(run_pvm, files) -> None:
    old, new = files
    result = run_pvm(
        "diff", "plans/partners.toml", str(old), "a" * 40, "100644", str(new), "b" * 40, "100644"
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "plans/partners.toml"
    assert "    What do they bring? · resources: Custom [-sound-]{+audio+} technology and headphones" in lines


def test_git_dev_null_is_an_empty_matrix_for_added_and_deleted_files(run_pvm, files) -> None:
    old, _ = files
    added = run_pvm("diff", "m.toml", "/dev/null", ".", ".", str(old), "a" * 40, "100644")
    assert added.returncode == 0
    assert added.stdout.splitlines()[:2] == ["m.toml", "new matrix"]
    assert '+ partner "Sennheiser" · added (row 1)' in added.stdout
    deleted = run_pvm("diff", "m.toml", str(old), "a" * 40, "100644", "/dev/null", ".", ".")
    assert deleted.returncode == 0
    assert deleted.stdout.splitlines()[:2] == ["m.toml", "matrix deleted"]
    assert '- partner "Hearing aid retailers" · removed (was row 5)' in deleted.stdout


def test_git_files_that_are_not_matrices_get_a_text_diff(run_pvm, tmp_path: Path) -> None:
    old, new = tmp_path / "a.toml", tmp_path / "b.toml"
    old.write_text('[project]\nname = "x"\n', encoding="utf-8")
    new.write_text('[project]\nname = "y"\n', encoding="utf-8")
    result = run_pvm("diff", "pyproject.toml", str(old), "1" * 40, "100644", str(new), "2" * 40, "100644")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "pyproject.toml",
        "not a Partner Value Matrix; comparing the text",
        "--- a/pyproject.toml",
        "+++ b/pyproject.toml",
        "@@ -1,2 +1,2 @@",
        " [project]",
        '-name = "x"',
        '+name = "y"',
        "",  # a blank line before the next file git shows
    ]


def test_git_a_broken_matrix_says_why_and_shows_the_text(run_pvm, files, tmp_path: Path) -> None:
    old, _ = files
    broken = tmp_path / "broken.toml"
    broken.write_text('format = "partnerwaarde-matrix"\nlanguage = "fr"\n', encoding="utf-8")
    result = run_pvm("diff", "m.toml", str(old), "1" * 40, "100644", str(broken), "2" * 40, "100644")
    assert result.returncode == 0
    assert result.stdout.splitlines()[1] == (
        "cannot be read as a matrix "
        '(b/m.toml:2:12: language: expected "nl" or "en", found the text "fr"); comparing the text'
    )
    assert '+language = "fr"' in result.stdout


@pytest.mark.parametrize("unreadable", ["fifo", "/dev/zero", "too big"])
@pytest.mark.parametrize("side", ["old", "new"])
def test_git_a_pipe_a_device_or_a_huge_file_gives_one_line_and_git_goes_on(
    run_pvm, files, tmp_path: Path, unreadable: str, side: str
) -> None:
    """The guards of every other command: nothing that hangs (a pipe) or fills memory (a device)."""
    old, _ = files
    if unreadable == "fifo":
        odd = tmp_path / "fifo"
        os.mkfifo(odd)
    elif unreadable == "too big":
        odd = tmp_path / "big.toml"
        with odd.open("wb") as handle:
            handle.truncate(MAX_FILE_BYTES + 1)
    else:
        odd = Path(unreadable)
    pair = [str(odd), "0" * 40, "100644", str(old), "1" * 40, "100644"]
    if side == "new":
        pair = pair[3:] + pair[:3]
    result = run_pvm("diff", "x.toml", *pair)
    assert (result.returncode, result.stderr) == (0, "")
    heading, note, blank = result.stdout.split("\n", 2)
    assert heading == "x.toml" and blank == "\n"
    assert note.startswith(f"cannot be read: {'a' if side == 'old' else 'b'}/x.toml: ")
    assert ("not a regular file" if unreadable != "too big" else "up to 16 MB") in note


def test_git_a_file_name_with_a_line_break_or_escape_stays_on_its_own_line(run_pvm, tmp_path: Path) -> None:
    old, new = tmp_path / "a.toml", tmp_path / "b.toml"
    old.write_text('[project]\nname = "x"\n', encoding="utf-8")
    new.write_text('[project]\nname = "y"\n', encoding="utf-8")
    name = 'evil\n+ partner "Injected" · added\x1b]0;T\x07.toml'
    result = run_pvm("diff", name, str(old), "1" * 40, "100644", str(new), "2" * 40, "100644")
    lines = result.stdout.splitlines()
    assert lines[0] == 'evil␊+ partner "Injected" · added␛]0;T␇.toml'
    assert lines[2:4] == [f"--- a/{lines[0]}", f"+++ b/{lines[0]}"]
    assert not any(line.startswith("+ partner") for line in lines)
    assert "\x1b" not in result.stdout


def test_the_diff_command_does_not_import_textual(files) -> None:
    import subprocess
    import sys

    old, new = files
    code = (
        "import sys; from pvm_tui.cli import main; "
        f"status = main(['diff', {str(old)!r}, {str(new)!r}]); "
        "print(status, 'textual' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=SAMPLES.parent, timeout=60
    )
    assert result.stdout.split()[-2:] == ["1", "False"], result.stderr


@pytest.mark.skipif(not hasattr(__import__("os"), "openpty"), reason="needs a pseudo-terminal")
def test_in_a_terminal_the_report_is_coloured(files) -> None:
    import os
    import subprocess
    import sys

    old, new = files
    leader, follower = os.openpty()
    environment = dict(os.environ, PYTHONPATH=str(SAMPLES.parent), TERM="xterm-256color")
    process = subprocess.Popen(
        [sys.executable, "-m", "pvm_tui", "diff", str(old), str(new)],
        stdout=follower,
        stderr=subprocess.PIPE,
        env=environment,
    )
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closes when pvm exits
            break
        if not chunk:
            break
        output += chunk
    os.close(leader)
    assert process.wait(timeout=60) == 1
    text = output.decode("utf-8")
    assert "\x1b[" in text
    assert "[-" not in text and "{+" not in text
    assert "sound" in text and "audio" in text
