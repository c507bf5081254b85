"""The words pvm shows: complete in both languages, and grammatical."""

from __future__ import annotations

import pytest

from pvm_tui.labels import ENGLISH, LANGUAGES, labels_for, language_from_locale
from pvm_tui.model import COLUMNS, STEPS, Balance


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_column_step_and_balance_has_words(code: str) -> None:
    labels = labels_for(code)
    for column in COLUMNS:
        assert labels.column_heading(column).strip()
        assert "?" in labels.guidance(column)  # each is a question the user answers
    for step in STEPS:
        assert labels.steps[step] and labels.step_guidance[step]
    assert {labels.balance[b] for b in Balance} and len(set(labels.balance.values())) == len(Balance)


def test_the_template_headings_are_the_methods_own() -> None:
    assert labels_for("nl").sides == {"brings": "wat brengen ze?", "gets": "wat halen ze eruit?"}
    assert labels_for("en").sides == {"brings": "What do they bring?", "gets": "What do they get out of it?"}


@pytest.mark.parametrize(
    ("code", "counts", "expected"),
    [
        ("en", (1, 0, 0), "1 partner: 1 mutual, 0 one-sided, 0 empty"),
        ("en", (1, 2, 0), "3 partners: 1 mutual, 2 one-sided, 0 empty"),
        ("nl", (0, 0, 1), "1 partner: 0 wederzijds, 0 eenzijdig, 1 leeg"),
        ("nl", (0, 0, 0), "0 partners: 0 wederzijds, 0 eenzijdig, 0 leeg"),
    ],
)
def test_summary_counts_in_singular_and_plural(
    code: str, counts: tuple[int, int, int], expected: str
) -> None:
    assert labels_for(code).balance_summary(*counts) == expected


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "nl_NL.UTF-8"}, "nl"),
        ({"LANG": "nl_BE.UTF-8"}, "nl"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "nl_NL.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_language_follows_the_locale(environ: dict[str, str], expected: str) -> None:
    assert language_from_locale(environ) == expected


def test_unknown_language_code_falls_back_to_english() -> None:
    assert labels_for("fr") is ENGLISH
