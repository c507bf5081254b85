"""`pvm show`, run as a user runs it: piped, on a (pseudo) terminal, narrow and wide."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pyphen
import pytest
from rich.cells import cell_len
from wcwidth import wcswidth

from pvm_tui import store
from pvm_tui.labels import labels_for
from pvm_tui.model import COLUMNS
from tests.split_words import texts_of, unhyphenated_splits

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
RunPvm = Callable[..., subprocess.CompletedProcess[str]]
NL = SAMPLES / "tinnitracks.toml"
EN = SAMPLES / "tinnitracks.en.toml"

HOSTILE = """\
language = "en"
[company]
name = "[bold]Evil[/] corp"
industry = "\\u001b[31mred\\u001b[0m"
[[partners]]
name = "[link=https://example.com]click[/link]"
[partners.brings]
resources = "[/]"
[[partners]]
name = "Titler"
[partners.gets]
other = "\\u001b]0;pwned\\u0007 after"
"""


def squashed(text: str) -> str:
    """Text with every run of whitespace made one space: wrapped lines read as one."""
    return re.sub(r"\s+", " ", text)


def tokens(text: str) -> set[str]:
    """The words of a drawing, with the grid's lines taken out."""
    return set(re.sub(r"[│┌┐└┘├┤┬┴┼─]", " ", text).split())


def cells(path: Path) -> list[str]:
    matrix = store.load(path).saved
    return [partner.cell(column) for partner in matrix.partners for column in COLUMNS if partner.cell(column)]


def run_on_terminal(args: list[str], env: dict[str, str], columns: int = 100) -> str:
    """Run pvm with its output on a pseudo-terminal of ``columns`` columns; returns what it wrote."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    environment = dict(os.environ, TERM="xterm-256color", PYTHONPATH=str(REPO), **env)
    process = subprocess.Popen(
        [sys.executable, "-m", "pvm_tui", *args], stdout=slave, stderr=subprocess.PIPE, env=environment
    )
    os.close(slave)
    output = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed: Linux says EIO
            break
        if not chunk:
            break
        output += chunk
    os.close(master)
    assert process.wait(timeout=60) == 0, process.stderr.read() if process.stderr else ""
    return output.decode("utf-8")


COLOUR = re.compile(r"\x1b\[([0-9;]*)m")


def colour_codes(output: str) -> list[str]:
    """SGR parameters that set a foreground or background colour."""
    found = []
    for params in COLOUR.findall(output):
        for param in params.split(";"):
            if param and (30 <= int(param) <= 49 or 90 <= int(param) <= 107):
                found.append(param)
    return found


# -- content --------------------------------------------------------------------


def test_show_prints_header_partners_headings_and_summary_in_dutch(run_pvm: RunPvm) -> None:
    result = run_pvm("show", str(NL))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Partnerwaarde-matrix · Tinnitracks\n")
    for label, value in [
        ("industrie", "Medische technologie"),
        ("locatie", "Duitsland"),
        ("omzet", "€ 3.560.000"),
    ]:
        assert re.search(rf"^{label} +{re.escape(value)}$", out, re.MULTILINE)
    for name in ["Sennheiser", "Zorgverzekeringen", "KNO-arts (specialist)", "Verkopers van gehoorapparaten"]:
        assert name in out
    for heading in [
        "wat brengen ze?",
        "wat halen ze eruit?",
        "middelen",
        "verkoopkanalen",
        "€ (geld)",
        "anders",
    ]:
        assert heading in out
    assert out.rstrip("\n").splitlines()[-1] == "5 partners: 5 wederzijds, 0 eenzijdig, 0 leeg"


def test_show_in_english_from_the_file_and_from_lang(run_pvm: RunPvm) -> None:
    english = run_pvm("show", str(EN)).stdout
    assert "What do they bring?" in english and "What do they get out of it?" in english
    assert "Health insurers" in english
    assert english.rstrip().endswith("5 partners: 5 mutual, 0 one-sided, 0 empty")
    dutch_file_english_labels = run_pvm("show", str(NL), "--lang", "en").stdout
    assert "What do they bring?" in dutch_file_english_labels
    assert "wat brengen ze?" not in dutch_file_english_labels
    assert "Zorgverzekeringen" in dutch_file_english_labels  # the user's text is never translated


@pytest.mark.parametrize("sample", [NL, EN], ids=["nl", "en"])
def test_narrow_layout_at_80_columns_keeps_every_cell_whole(run_pvm: RunPvm, sample: Path) -> None:
    out = run_pvm("show", str(sample), "--width", "80").stdout
    assert all(cell_len(line) <= 80 for line in out.splitlines())
    assert "┬" not in out  # cards, not the grid
    flat = squashed(out)
    for text in cells(sample):
        assert squashed(text) in flat  # the whole cell, its words in order


@pytest.mark.parametrize("sample", [NL, EN], ids=["nl", "en"])
def test_wide_layout_at_160_columns_is_the_grid_with_grouped_headings(run_pvm: RunPvm, sample: Path) -> None:
    out = run_pvm("show", str(sample), "--width", "160").stdout
    lines = out.splitlines()
    assert all(cell_len(line) <= 160 for line in lines)
    labels = (
        ("wat brengen ze?", "wat halen ze eruit?") if sample == NL else ("What do they bring?", "What do")
    )
    # Both sides are headed on one line, once: over their four columns, not per column.
    heading = [line for line in lines if labels[0] in line]
    assert len(heading) == 1 and labels[1] in heading[0]
    words = tokens(out)
    for text in cells(sample):
        assert set(text.split()) <= words  # no word is split: every column is wider than its words


def test_piped_output_has_no_escape_codes_and_no_trailing_blanks(run_pvm: RunPvm) -> None:
    for width in ("80", "160"):
        out = run_pvm("show", str(NL), "--width", width).stdout
        assert "\x1b" not in out
        assert all(line == line.rstrip() for line in out.splitlines())


def test_a_word_is_split_only_when_longer_than_its_column(run_pvm: RunPvm, tmp_path: Path) -> None:
    long_word = "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsbetrieb"
    path = tmp_path / "long.toml"
    path.write_text(
        f'language = "nl"\n[[partners]]\nname = "P"\n[partners.brings]\nother = "kort {long_word} woord"\n'
    )
    out = run_pvm("show", str(path), "--width", "60").stdout
    assert all(cell_len(line) <= 60 for line in out.splitlines())
    assert long_word not in out  # it cannot fit on one line...
    lines = out.splitlines()
    first = next(index for index, line in enumerate(lines) if "kort" in line)
    column = lines[first].index("kort")
    text_lines = [lines[first][column:]]
    for line in lines[first + 1 :]:
        if line[:column].strip() or not line[column:].strip():
            break
        text_lines.append(line[column:])
    assert len(text_lines) >= 3
    assert all(line.endswith("-") for line in text_lines[:-1])  # ...so it is hyphenated at every break
    assert "".join(line.removesuffix("-") for line in text_lines) == f"kort {long_word}woord".replace(
        "woord", " woord"
    ) or "".join(line.removesuffix("-") for line in text_lines).replace("woord", " woord")
    joined = "".join(line.removesuffix("-") for line in text_lines)
    assert joined.replace(" ", "") == f"kort{long_word}woord"
    # every break falls between two syllables, by the Dutch patterns
    syllables = set(pyphen.Pyphen(lang="nl_NL").positions(long_word))
    at = -len("kort ")
    for line in text_lines[:-1]:
        at += len(line) - 1
        assert at in syllables, line
    assert re.search(r"\bwoord\b", out)


@pytest.mark.parametrize("sample", [NL, EN], ids=["nl", "en"])
@pytest.mark.parametrize("width", ["120", "140", "100", "80", "60"])
def test_no_word_is_split_without_a_hyphen(run_pvm: RunPvm, sample: Path, width: str) -> None:
    out = run_pvm("show", str(sample), "--width", width).stdout
    matrix = store.load(sample).saved
    texts = texts_of(matrix, labels_for(matrix.language), "· — ⇄ → ← ○ 0 1 2 3 4 5 6 7 8 9")
    assert unhyphenated_splits(out, texts) == []


@pytest.mark.parametrize("sample", [NL, EN], ids=["nl", "en"])
@pytest.mark.parametrize("width", ["120", "160"])
def test_the_room_goes_where_the_text_is(run_pvm: RunPvm, sample: Path, width: str) -> None:
    out = run_pvm("show", str(sample), "--width", width).stdout
    # At 120 the last table is "what they get" alone (one table per side); at 160 the whole grid.
    tables = re.split(r"\n(?=┌)", out)
    grid = [line for line in tables[-1].splitlines() if line.startswith(("┌", "│", "├", "└"))]
    assert len({cell_len(line) for line in grid}) == 1 and cell_len(grid[0]) <= int(width)
    widths = [len(part) for part in grid[-1].strip("└┘").split("┴")]
    resources = 1 if width == "120" else 5  # what they get: resources
    assert len(widths) == (5 if width == "120" else 9)
    # In both samples no partner has anything under "what they get · resources": the narrowest column...
    assert widths[resources] == min(widths)
    assert widths[resources] < sum(widths) / len(widths) * 0.75
    # ...and its heading still shows, whole or hyphenated.
    heading = "middelen" if sample == NL else "resources"
    column_text = "".join(
        line.split("│")[resources + 1].strip().removesuffix("-")
        for line in grid
        if line.count("│") == len(widths) + 1
    )
    assert heading in column_text


def test_an_empty_column_is_narrow_and_a_full_one_wide(run_pvm: RunPvm, tmp_path: Path) -> None:
    path = tmp_path / "lopsided.toml"
    path.write_text(
        'language = "en"\n[[partners]]\nname = "A"\n[partners.brings]\n'
        f'resources = "{"many words of plain text " * 20}"\nchannels = "x"\n'
    )
    out = run_pvm("show", str(path), "--width", "150").stdout
    bottom = next(line for line in out.splitlines() if line.startswith("└"))
    widths = [len(part) for part in bottom.strip("└┘").split("┴")]
    assert widths[1] == max(widths) and widths[1] > 40
    assert all(width <= 18 for index, width in enumerate(widths) if index != 1)
    assert "sales" in out and "channels" in out and "other" in out  # every heading shows


ALIGNMENT = """\
language = "en"
[company]
name = "Fam 👨‍👩‍👧"
[[partners]]
name = "Family 👨‍👩‍👧‍👦 café"
[partners.brings]
resources = "👨‍👩‍👧 👨‍👩‍👧 👨‍👩‍👧 👨‍👩‍👧 👨‍👩‍👧 👨‍👩‍👧 👨‍👩‍👧 👨‍👩‍👧 👨‍👩‍👧 x"
channels = "n\u0303n\u0303n\u0303n\u0303n\u0303n\u0303n\u0303n\u0303 a\u0308 o\u0308 e\u0301"
[partners.gets]
money = "🇳🇱🇳🇱🇳🇱 ❤️❤️ 👍🏽👍🏽 ok"
other = "Ａｂｃ 漢字かな交じり文 long text to wrap around the column a few times"
"""


@pytest.mark.parametrize("width", ["160", "120", "80", "40"])
def test_emoji_with_joiners_and_combining_marks_keep_columns_aligned(
    run_pvm: RunPvm, tmp_path: Path, width: str
) -> None:
    path = tmp_path / "graphemes.toml"
    path.write_text(ALIGNMENT, encoding="utf-8")
    out = run_pvm("show", str(path), "--width", width).stdout
    # Measured as a terminal draws them (wcwidth), not in code points.
    lines = out.splitlines()
    assert all(wcswidth(line) <= int(width) for line in lines)
    grid = [line for line in lines if line.startswith(("┌", "│", "├", "└"))]
    if int(width) >= 120:
        assert len({wcswidth(line) for line in grid}) == 1
        assert grid and all(line.endswith(("┐", "│", "┤", "┘")) for line in grid)
    assert "👨‍👩‍👧" in out and "ñ" in unicodedata.normalize("NFC", out)


def test_markup_and_escape_codes_in_the_file_are_shown_literally(run_pvm: RunPvm, tmp_path: Path) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text(HOSTILE)
    for width in ("80", "160"):
        result = run_pvm("show", str(path), "--width", width)
        assert result.returncode == 0, result.stderr
        out = result.stdout
        assert "[bold]Evil[/] corp" in out
        assert "[link=https://example.com]click[/link]" in out
        assert "[/]" in out
        assert "\x1b" not in out and "\x07" not in out
        assert "␛[31mred␛[0m" in out
        assert "␛]0;pwned␇" in out


# -- terminals and colour -----------------------------------------------------------


def test_on_a_terminal_show_uses_colour(tmp_path: Path) -> None:
    out = run_on_terminal(["show", str(NL)], env={})
    assert colour_codes(out)  # the balance words are coloured
    assert "Sennheiser" in out


def test_no_color_turns_colour_off(tmp_path: Path) -> None:
    out = run_on_terminal(["show", str(NL)], env={"NO_COLOR": "1"})
    assert "Sennheiser" in out and "wederzijds" in out
    assert colour_codes(out) == []


def test_plain_on_a_terminal_has_no_escape_codes_at_all() -> None:
    out = run_on_terminal(["show", str(NL), "--plain"], env={})
    assert "\x1b" not in out
    assert "Sennheiser" in out


def test_on_a_terminal_the_terminal_width_is_used() -> None:
    narrow = run_on_terminal(["show", str(NL), "--plain"], env={}, columns=80)
    wide = run_on_terminal(["show", str(NL), "--plain"], env={}, columns=150)
    assert "┬" not in narrow and "┬" in wide
    assert max(cell_len(line) for line in wide.splitlines()) > 120


def test_hostile_text_on_a_colour_terminal_stays_literal(tmp_path: Path) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text(HOSTILE)
    out = run_on_terminal(["show", str(path)], env={})
    assert "[bold]Evil[/] corp" in out
    assert "␛[31mred" in out
    assert "\x1b]0;" not in out and "\x07" not in out


# -- errors -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name = [\n", "not valid TOML"),
        ("version = 9\n", "newer pvm"),
        ("[[partners]]\nname = 1\n", "partners[1].name"),
    ],
)
def test_an_unusable_file_is_one_line_and_exit_2(
    run_pvm: RunPvm, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content)
    result = run_pvm("show", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"pvm: {path}")
    assert message in result.stderr and "Traceback" not in result.stderr


def test_missing_file_and_bad_width(run_pvm: RunPvm, tmp_path: Path) -> None:
    missing = run_pvm("show", str(tmp_path / "nope.toml"))
    assert missing.returncode == 2 and missing.stderr == f"pvm: {tmp_path / 'nope.toml'}: no such file\n"
    narrow = run_pvm("show", str(NL), "--width", "5")
    assert narrow.returncode == 2 and "too narrow" in narrow.stderr and "Traceback" not in narrow.stderr


@pytest.mark.parametrize(
    "content",
    [b'[project]\nname = "pvm"\r\n\xff not even UTF-8\n', b"format = [\n<<<<<<< HEAD\n"],
)
def test_textconv_passes_a_file_that_is_not_a_matrix_through_byte_for_byte(
    tmp_path: Path, content: bytes
) -> None:
    other = tmp_path / "pyproject.toml"
    other.write_bytes(content)
    result = subprocess.run(
        [sys.executable, "-m", "pvm_tui", "show", "--textconv", str(other)],
        capture_output=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, content, b"")


def test_textconv_prints_a_matrix_as_plain_does(run_pvm: RunPvm) -> None:
    textconv = run_pvm("show", "--textconv", str(NL))
    assert textconv.returncode == 0
    assert textconv.stdout == run_pvm("show", "--plain", str(NL)).stdout


def test_textconv_still_refuses_a_pipe_in_one_line(run_pvm: RunPvm, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    result = run_pvm("show", "--textconv", str(fifo))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "not a regular file" in result.stderr


def test_piped_show_lays_the_page_out_without_richs_console_or_tables(tmp_path: Path) -> None:
    """Plain text needs no console: importing Rich's console and tables was most of show's time."""
    probe = (
        "import sys\n"
        "from pvm_tui.cli import main\n"
        f"main(['show', {str(NL)!r}])\n"
        "heavy = ('rich.console', 'rich.table', 'textual', 'tomlkit')\n"
        "loaded = [name for name in heavy if name in sys.modules]\n"
        "print(loaded, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        timeout=60,
    )
    assert "Sennheiser" in result.stdout
    assert result.stderr.strip() == "[]"


@pytest.mark.parametrize("sample", [NL, EN], ids=["nl", "en"])
@pytest.mark.parametrize("width", ["20", "30", "45"])
def test_even_the_narrowest_width_is_kept(run_pvm: RunPvm, sample: Path, width: str) -> None:
    out = run_pvm("show", str(sample), "--width", width).stdout
    assert max(cell_len(line) for line in out.splitlines()) <= int(width)
    flat = squashed(out.replace("-\n", "").replace("- ", ""))
    assert "Sennheiser" in flat
