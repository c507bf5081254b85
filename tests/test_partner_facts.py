"""The three optional facts per partner: status, influence, agreements, in the model and the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SAMPLES

from pvm_tui import store
from pvm_tui.model import COLUMN_BY_KEY, FACTS, Balance, Influence, Matrix, Partner, Side, Status

FILE = """\
# My partners, kept by hand.
language = "en"

[[partners]]
name = "Acme"   # our main supplier
# How important they are:
influence = "high"

[partners.brings]
money = "m"

[[partners]]
name = "Beta"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "partners.toml"
    path.write_text(text, encoding="utf-8")
    return path


# -- the model ----------------------------------------------------------------------


def test_a_partner_knows_no_facts_until_told() -> None:
    partner = Partner(name="Acme")
    assert (partner.status, partner.influence, partner.agreements) == (None, None, "")
    assert not partner.has_facts


def test_facts_are_edited_like_cells_and_leave_the_balance_alone() -> None:
    matrix = Matrix(partners=(Partner(name="Acme", brings=Side(money="m")),))
    edited = matrix.with_facts(0, status=Status.POTENTIAL, influence=Influence.HIGH, agreements="NDA")
    partner = edited.partners[0]
    assert (partner.status, partner.influence, partner.agreements) == (
        Status.POTENTIAL,
        Influence.HIGH,
        "NDA",
    )
    assert partner.key == matrix.partners[0].key  # the same partner, for the file's sake
    assert partner.balance is Balance.BRINGS_ONLY
    assert matrix.partners[0].status is None  # the old matrix is untouched, for undo
    assert edited.with_facts(0, status=None).partners[0].status is None
    with pytest.raises(KeyError):
        matrix.with_facts(0, name="not a fact")


def test_facts_as_a_file_writes_them() -> None:
    partner = Partner(status=Status.POTENTIAL, agreements="NDA")
    assert [partner.fact_text(fact) for fact in FACTS] == ["potential", "", "NDA"]
    with pytest.raises(KeyError):
        partner.fact_text("name")


def test_a_partner_with_only_a_fact_is_not_blank() -> None:
    assert Partner().is_blank
    assert not Partner(influence=Influence.LOW).is_blank
    assert not Partner(agreements="call in May").is_blank


# -- reading ------------------------------------------------------------------------


def test_the_facts_are_read_and_are_optional(tmp_path: Path) -> None:
    text = FILE.replace(
        'name = "Beta"\n', 'name = "Beta"\nstatus = "potential"\nagreements = """\nNDA\nsigned"""\n'
    )
    matrix = store.load(write(tmp_path, text)).saved
    acme, beta = matrix.partners
    assert (acme.status, acme.influence, acme.agreements) == (None, Influence.HIGH, "")
    assert (beta.status, beta.influence, beta.agreements) == (Status.POTENTIAL, None, "NDA\nsigned")


def test_an_empty_status_or_influence_is_not_known(tmp_path: Path) -> None:
    matrix = store.load(write(tmp_path, '[[partners]]\nstatus = ""\ninfluence = ""\n')).saved
    assert (matrix.partners[0].status, matrix.partners[0].influence) == (None, None)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            'status = "active"',
            ':2:10: partners[1].status: expected "current" or "potential", found the text "active"',
        ),
        (
            'status = "huidig"',
            ':2:10: partners[1].status: expected "current" or "potential", found the text "huidig" '
            '(write "current")',
        ),
        (
            'influence = "Veel invloed"',
            ':2:13: partners[1].influence: expected "high", "medium" or "low", found the text '
            '"Veel invloed" (write "high")',
        ),
        (
            "influence = 3",
            ':2:13: partners[1].influence: expected "high", "medium" or "low", found the number 3',
        ),
        ("agreements = true", ":2:14: partners[1].agreements: expected text in quotes, found true"),
    ],
)
def test_a_wrong_fact_is_one_line_with_its_place(run_pvm, tmp_path: Path, line: str, message: str) -> None:
    path = write(tmp_path, f'[[partners]]\n{line}\nname = "A"\n')
    result = run_pvm("check", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"pvm: {path}{message}\n"


# -- writing: absent when unused, comments kept ---------------------------------------


def test_a_file_without_facts_is_saved_without_them(tmp_path: Path) -> None:
    path = write(tmp_path, FILE.replace('influence = "high"\n', ""))
    mf = store.load(path)
    store.save(mf, mf.saved.with_cell(1, COLUMN_BY_KEY["brings.money"], "x"))
    text = path.read_text(encoding="utf-8")
    for key in ("status", "influence", "agreements"):
        assert key not in text


def test_a_new_file_writes_only_the_facts_that_are_known(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    matrix = Matrix(
        partners=(Partner(name="One", status=Status.CURRENT, agreements="two\nlines"), Partner(name="Two")),
        language="en",
    )
    store.save(store.new_file(path, matrix), matrix)
    text = path.read_text(encoding="utf-8")
    assert 'name = "One"\nstatus = "current"\nagreements = """two\nlines"""\n' in text
    assert text.count("status") == 1 and "influence" not in text
    assert store.load(path).saved == matrix


def test_setting_changing_and_clearing_facts_keeps_every_comment(tmp_path: Path) -> None:
    path = write(tmp_path, FILE)
    mf = store.load(path)
    matrix = mf.saved.with_facts(1, status=Status.CURRENT, influence=Influence.LOW, agreements="Call in May")
    matrix = matrix.with_facts(0, influence=Influence.MEDIUM)
    store.save(mf, matrix)
    text = path.read_text(encoding="utf-8")
    assert text == FILE.replace('influence = "high"', 'influence = "medium"').replace(
        'name = "Beta"\n',
        'name = "Beta"\nstatus = "current"\ninfluence = "low"\nagreements = "Call in May"\n',
    )
    assert store.load(path).saved == matrix
    # Cleared again: the keys go, the person's comments stay.
    cleared = matrix.with_facts(0, influence=None).with_facts(1, status=None, influence=None, agreements="")
    store.save(mf, cleared)
    text = path.read_text(encoding="utf-8")
    assert "# My partners, kept by hand." in text and "# our main supplier" in text
    assert "# How important they are:" in text
    assert "status" not in text and "influence =" not in text and "agreements" not in text
    assert store.load(path).saved == cleared


def test_facts_move_with_their_partner(tmp_path: Path) -> None:
    path = write(tmp_path, FILE)
    mf = store.load(path)
    moved = mf.saved.with_facts(1, agreements="B's deal").with_partner_moved(1, -1)
    store.save(mf, moved)
    loaded = store.load(path).saved
    assert [(p.name, p.influence, p.agreements) for p in loaded.partners] == [
        ("Beta", None, "B's deal"),
        ("Acme", Influence.HIGH, ""),
    ]


def test_inline_partner_tables_get_their_facts_inline(tmp_path: Path) -> None:
    path = write(tmp_path, 'partners = [\n  { name = "One" },\n]\n')
    mf = store.load(path)
    matrix = mf.saved.with_facts(0, status=Status.POTENTIAL)
    store.save(mf, matrix)
    text = path.read_text(encoding="utf-8")
    assert "[[partners]]" not in text and 'status = "potential"' in text
    assert store.load(path).saved == matrix


def test_facts_set_and_undone_leave_the_samples_byte_for_byte(tmp_path: Path) -> None:
    for name in ("tinnitracks.toml", "tinnitracks.en.toml", "blank.toml"):
        path = tmp_path / name
        shutil.copy(SAMPLES / name, path)
        mf = store.load(path)
        original = mf.saved
        store.save(mf, original.with_facts(0, agreements="x", status=Status.POTENTIAL, influence=None))
        assert 'agreements = "x"' in path.read_text(encoding="utf-8")
        store.save(mf, original)  # as after an undo
        assert path.read_bytes() == (SAMPLES / name).read_bytes()


# -- the samples -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["tinnitracks.toml", "tinnitracks.en.toml"])
def test_the_example_partners_are_current_key_partners_with_much_influence(name: str) -> None:
    matrix = store.load(SAMPLES / name).saved
    assert len(matrix.partners) == 5
    for partner in matrix.partners:
        assert (partner.status, partner.influence, partner.agreements) == (Status.CURRENT, Influence.HIGH, "")


def test_the_blank_template_explains_the_three_keys_and_uses_none() -> None:
    text = (SAMPLES / "blank.toml").read_text(encoding="utf-8")
    for line in ('# status = "current"', '# influence = "high"', '# agreements = ""'):
        assert line in text
    assert '"current" (you work together now) or "potential"' in text
    assert '"high", "medium" or "low"' in text
    assert not store.load(SAMPLES / "blank.toml").saved.partners[0].has_facts


def test_a_new_fact_goes_under_the_name_not_under_the_next_tables_comments(tmp_path: Path) -> None:
    """In samples/blank.toml comments introduce [partners.brings]; a fact must not land below them.

    (pvm inserts after the name with tomlkit's container internals; this fails if they change.)
    """
    path = tmp_path / "blank.toml"
    shutil.copy(SAMPLES / "blank.toml", path)
    mf = store.load(path)
    store.save(mf, mf.saved.with_facts(0, agreements="NDA", influence=Influence.LOW))
    store.save(mf, mf.saved.with_facts(0, status=Status.CURRENT))
    text = path.read_text(encoding="utf-8")
    assert (
        'name = ""\nstatus = "current"\ninfluence = "low"\nagreements = "NDA"\n# Three optional facts' in text
    )
    assert text.index("# Step 2:") < text.index("\n[partners.brings]\n")


# -- merging two people's changes -------------------------------------------------------


def test_facts_changed_on_one_side_are_taken_and_differing_ones_resolved_the_same_either_way() -> None:
    from pvm_tui.merge.three_way import merge

    base = Matrix(partners=(Partner(name="A", status=Status.POTENTIAL, influence=Influence.MEDIUM),))
    ours = base.with_facts(0, status=Status.CURRENT, influence=Influence.LOW)
    theirs = base.with_facts(0, influence=Influence.HIGH, agreements="NDA")
    for one, other in ((ours, theirs), (theirs, ours)):
        result = merge(base, one, other)
        assert result.clean
        partner = result.matrix.partners[0]
        # Status changed on one side only; influence on both: the higher wins, whoever is "ours".
        assert (partner.status, partner.influence, partner.agreements) == (
            Status.CURRENT,
            Influence.HIGH,
            "NDA",
        )


def test_agreements_changed_differently_are_a_conflict_that_check_lists(run_pvm, tmp_path: Path) -> None:
    from pvm_tui.merge.three_way import merge

    base = Matrix(partners=(Partner(name="A", agreements="Call"),), language="en")
    result = merge(base, base.with_facts(0, agreements="Call in May"), base.with_facts(0, agreements="Mail"))
    assert [(c.row, c.field) for c in result.conflicts] == [(0, "agreements")]
    assert result.matrix.partners[0].agreements.startswith("<<<<<<< ")
    path = tmp_path / "merged.toml"
    store.save(store.new_file(path, result.matrix), result.matrix)
    check = run_pvm("check", str(path))
    assert check.returncode == 1
    assert '  partner 1 "A" · agreements' in check.stdout.splitlines()
