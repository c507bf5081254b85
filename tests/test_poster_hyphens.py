"""On the printed poster no word is split without a hyphen: checked where the lines really break.

Headless Chromium lays out a copy of the poster with a small script added
(the poster itself has none). The script asks the browser where each
character landed and reports every place where a line breaks inside a
word: such a break must be at a soft hyphen (which the browser then draws
as a hyphen, between two syllables) or after a hyphen the word already has.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from pvm_tui.labels import labels_for
from pvm_tui.poster.html import render
from pvm_tui.poster.template import render_template
from pvm_tui.store import load
from tests.browser import CHROMIUM, FLAGS, needs_chromium

REPO = Path(__file__).resolve().parent.parent
BAKERY = REPO / "tests" / "data" / "bakkerij.toml"
SAMPLES = REPO / "samples"

# Walks every text node of the sheet, character by character, and notes each line break
# that falls between two letters of a word, with what ends the first line.
PROBE = """
<script>
window.addEventListener("load", () => {
  const breaks = [];
  const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, text = node.data;
    let last = -1, lastTop = null;
    for (let i = 0; i < text.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      if (!rects.length) continue;
      // A letter right after a break also reports the hyphen before it: take its last box.
      const top = rects[rects.length - 1].top;
      if (lastTop !== null && top > lastTop + 2) {
        const between = text.slice(last + 1, i);
        const before = between.includes("\u00ad") ? "\u00ad" : text[last], after = text[i];
        if (!/\\s/.test(text[last]) && !/\\s/.test(after) && !/\\s/.test(between)) {
          const start = text.lastIndexOf(" ", last) + 1;
          const end = text.indexOf(" ", i);
          const word = text.slice(start, end < 0 ? undefined : end);
          const at = text.slice(Math.max(0, last - 3), last + 1) + "|" + text.slice(i, i + 3);
          breaks.push({ word: word, ends: before, at: at });
        }
      }
      last = i;
      lastTop = top;
    }
  }
  const out = document.createElement("pre");
  out.id = "line-breaks";
  out.textContent = JSON.stringify(breaks);
  document.body.appendChild(out);
});
</script>
"""


def breaks_inside_words(page_source: str, folder: Path) -> list[dict[str, str]]:
    page = folder / "poster.html"
    page.write_text(page_source.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    assert CHROMIUM is not None
    result = subprocess.run(
        [
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={folder / 'profile'}",
            "--window-size=1600,1200",
            "--virtual-time-budget=10000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    found = re.search(r'<pre id="line-breaks">(.*?)</pre>', result.stdout, re.DOTALL)
    assert found, f"the probe did not run (exit {result.returncode}): {result.stderr[-2000:]}"
    return json.loads(found.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"))


@needs_chromium
@pytest.mark.parametrize(
    ("path", "paper"),
    [
        (BAKERY, "A3"),
        (BAKERY, "A4"),
        (SAMPLES / "tinnitracks.toml", "A4"),
        (SAMPLES / "tinnitracks.en.toml", "A3"),
    ],
    ids=["bakery-A3", "bakery-A4", "nl-A4", "en-A3"],
)
def test_a_word_breaks_only_between_syllables_with_a_hyphen(tmp_path: Path, path: Path, paper: str) -> None:
    matrix = load(path).saved
    breaks = breaks_inside_words(render(matrix, labels_for(matrix.language), paper=paper), tmp_path)
    unhyphenated = [found["at"] for found in breaks if found["ends"] not in ("\u00ad", "-", "\u2010")]
    assert unhyphenated == []
    if path == BAKERY:
        # The bakery's compounds are longer than their columns: they are hyphenated, not cut.
        hyphenated = {found["word"].replace("\u00ad", "") for found in breaks}
        assert hyphenated & {
            "leverancierskrediet",
            "groothandelsprijs,",
            "Naamsbekendheid:",
            "horecagelegenheden",
        }


@needs_chromium
def test_the_probe_sees_a_word_cut_without_a_hyphen(tmp_path: Path) -> None:
    """The check itself: the old stylesheet's overflow-wrap cuts a long word anywhere."""
    page = (
        '<!DOCTYPE html><html lang="nl"><body><main style="width: 60px; overflow-wrap: anywhere">'
        "leverancierskrediet</main></body></html>"
    )
    breaks = breaks_inside_words(page, tmp_path)
    assert breaks and all(found["ends"] not in ("\u00ad", "-") for found in breaks)


def test_the_poster_sets_the_language_and_marks_syllables_of_long_words() -> None:
    matrix = load(BAKERY).saved
    page = render(matrix, labels_for("nl"), paper="A3")
    assert '<html lang="nl">' in page
    assert "le\u00adve\u00adran\u00adciers\u00adkre\u00addiet" in page  # pyphen's Dutch syllables
    assert "hyphens: manual" in page  # the browser breaks at those and nowhere else in a word


@needs_chromium
def test_the_blank_templates_questions_break_only_between_syllables(tmp_path: Path) -> None:
    breaks = breaks_inside_words(render_template(labels_for("nl"), partners=6, paper="A4"), tmp_path)
    assert [found["at"] for found in breaks if found["ends"] not in ("\u00ad", "-", "\u2010")] == []
