"""The method's words, in Dutch and English: what the editor, `pvm show` and the exports all say.

Labels for columns, sides, categories and the company header, the method's
guidance per step and per cell, and the balance words. Cell text is the
user's and is never translated; only these labels are. The editor's own
sentences are in ``ui_text.py``; each key's help is in ``keys.py``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import NamedTuple

from pvm_tui.model import Balance, Column, Influence, Status

LANGUAGES: tuple[str, ...] = ("nl", "en")


class Labels(NamedTuple):
    """The words of one language."""

    code: str
    language_name: str
    method: str
    partner: str
    sides: Mapping[str, str]
    categories: Mapping[str, str]
    categories_long: Mapping[str, str]
    company: Mapping[str, str]
    steps: Mapping[int, str]
    step_guidance: Mapping[int, str]
    cell_guidance: Mapping[str, str]
    balance: Mapping[Balance, str]
    facts: Mapping[str, str]
    statuses: Mapping[Status, str]
    influences: Mapping[Influence, str]
    influence_phrases: Mapping[Influence, str]
    questions: Mapping[str, str]
    this_partner: str
    fix_first: str
    nothing_to_fix: str
    summary: str
    summary_one: str
    unnamed_partner: str
    tips: tuple[str, ...]
    about: str

    def column_heading(self, column: Column) -> str:
        """The short heading of a grid column, as on the template."""
        if column.category is None:
            return self.partner
        return self.categories[column.category]

    def column_title(self, column: Column) -> str:
        """Side and category spelled out: 'wat brengen ze? · middelen'."""
        if column.side is None or column.category is None:
            return self.partner
        return f"{self.sides[column.side]} · {self.categories_long[column.category]}"

    def guidance(self, column: Column) -> str:
        """The method's question for one column."""
        return self.cell_guidance[column.key]

    def partner_name(self, name: str) -> str:
        """A partner's name, or a placeholder while it has none."""
        return name if name.strip() else self.unnamed_partner

    def influence_words(self, influence: Influence) -> str:
        """'veel invloed', 'high influence': a level of influence said in full."""
        return self.influence_phrases[influence]

    def partner_facts(self, status: Status | None, influence: Influence | None) -> str:
        """A partner's status and influence on one line ('huidig · veel invloed'); "" when unknown."""
        words = [self.statuses[status]] if status is not None else []
        if influence is not None:
            words.append(self.influence_words(influence))
        return " · ".join(words)

    def question(self, side: str, name: str) -> str:
        """The method's question for one side of a partnership: 'Wat haalt Zorgverzekeringen eruit?'."""
        return self.questions[side].format(name=name if name.strip() else self.this_partner)

    def balance_summary(self, balanced: int, one_sided: int, empty: int) -> str:
        total = balanced + one_sided + empty
        template = self.summary_one if total == 1 else self.summary
        return template.format(total=total, balanced=balanced, one_sided=one_sided, empty=empty)


DUTCH = Labels(
    code="nl",
    language_name="Nederlands",
    method="Partnerwaarde-matrix",
    partner="partner",
    sides={"brings": "wat brengen ze?", "gets": "wat halen ze eruit?"},
    categories={"resources": "middelen", "channels": "verkoopkanalen", "money": "€", "other": "anders"},
    categories_long={
        "resources": "middelen",
        "channels": "verkoopkanalen",
        "money": "€ (geld)",
        "other": "anders",
    },
    company={
        "name": "naam",
        "date": "datum",
        "industry": "industrie",
        "offering": "producten & diensten",
        "size": "bedrijfsgrootte",
        "revenue": "omzet",
        "location": "locatie",
        "description": "omschrijving",
    },
    steps={1: "Partners", 2: "Wat ze brengen", 3: "Wat ze eruit halen"},
    step_guidance={
        1: "Schrijf de namen van je belangrijkste (potentiële) partners in de eerste kolom.",
        2: "Wat dragen ze bij? Leggen ze geld in, leveren ze middelen die je niet zelf bezit "
        "(materiële input, specialistische kennis, complementaire producten en diensten, IPR), "
        "of stellen ze verkoopkanalen ter beschikking?",
        3: "Wat houden ze eraan over? Geld, middelen of verkoopkanalen die jij biedt, of iets "
        "ontastbaars zoals een merknaam, kennis of een gemeenschappelijk innovatieproject.",
    },
    cell_guidance={
        "name": "Wie is deze belangrijke (potentiële) partner?",
        "brings.resources": "Welke middelen levert deze partner die je nodig hebt maar niet zelf "
        "bezit? Materiële input, specialistische kennis, complementaire producten en diensten, IPR…",
        "brings.channels": "Stelt deze partner kanalen ter beschikking voor de verkoop van jouw "
        "producten of diensten?",
        "brings.money": "Is deze partner een investeerder die geld inlegt?",
        "brings.other": "Wat brengt deze partner nog meer in?",
        "gets.resources": "Welke middelen bied jij deze partner? Materialen of machines, maar ook "
        "iets ontastbaars zoals een merknaam of kennis.",
        "gets.channels": "Welke verkoopkanalen bied jij deze partner?",
        "gets.money": "Welk geld levert de samenwerking deze partner op, of investeer jij in "
        "zijn product of dienst?",
        "gets.other": "Wat haalt deze partner er nog meer uit, bijvoorbeeld een gemeenschappelijk "
        "innovatieproject?",
    },
    balance={
        Balance.BALANCED: "wederzijds",
        Balance.BRINGS_ONLY: "eenzijdig (brengt alleen)",
        Balance.GETS_ONLY: "eenzijdig (haalt alleen)",
        Balance.EMPTY: "leeg",
    },
    facts={"status": "status", "influence": "invloed", "agreements": "afspraken"},
    statuses={Status.CURRENT: "huidig", Status.POTENTIAL: "potentieel"},
    influences={Influence.HIGH: "veel", Influence.MEDIUM: "gemiddeld", Influence.LOW: "weinig"},
    influence_phrases={
        Influence.HIGH: "veel invloed",
        Influence.MEDIUM: "gemiddelde invloed",
        Influence.LOW: "weinig invloed",
    },
    questions={"brings": "Wat brengt {name}?", "gets": "Wat haalt {name} eruit?"},
    this_partner="deze partner",
    fix_first="Eerst aanpakken:",
    nothing_to_fix="Niets eerst aan te pakken: elke partner is wederzijds.",
    summary="{total} partners: {balanced} wederzijds, {one_sided} eenzijdig, {empty} leeg",
    summary_one="1 partner: {balanced} wederzijds, {one_sided} eenzijdig, {empty} leeg",
    unnamed_partner="(naamloos)",
    tips=(
        "Voor een duurzame samenwerking is het belangrijk dat elke partner voordelen uit de "
        "samenwerking haalt.",
        "Vul de matrix zelf in of in een groep om de discussie op gang te brengen.",
        "Ga met (potentiële) partners in gesprek om een beter beeld te krijgen van de samenwerking.",
        "Print het template op een groot vel papier voor een brainstorm.",
    ),
    about="De Partnerwaarde-matrix maakt de wederzijdse voordelen van een partnerschap "
    "duidelijk: wat je van je partners krijgt en andersom. © InnoValor, 2018.",
)

ENGLISH = Labels(
    code="en",
    language_name="English",
    method="Partner Value Matrix",
    partner="partner",
    sides={"brings": "What do they bring?", "gets": "What do they get out of it?"},
    categories={"resources": "resources", "channels": "sales channels", "money": "€", "other": "other"},
    categories_long={
        "resources": "resources",
        "channels": "sales channels",
        "money": "€ (money)",
        "other": "other",
    },
    company={
        "name": "name",
        "date": "date",
        "industry": "industry",
        "offering": "products & services",
        "size": "company size",
        "revenue": "revenue",
        "location": "location",
        "description": "description",
    },
    steps={1: "Partners", 2: "What they bring", 3: "What they get"},
    step_guidance={
        1: "Write the names of your key (potential) partners in the first column.",
        2: "What do they contribute? Do they invest money, supply resources you need but do not "
        "own (material input, specialist knowledge, complementary products and services, IPR), "
        "or open their sales channels to you?",
        3: "What do they get out of it? Money, resources or sales channels you offer, or something "
        "intangible such as a brand name, knowledge or a joint innovation project.",
    },
    cell_guidance={
        "name": "Who is this key (potential) partner?",
        "brings.resources": "Which resources does this partner supply that you need but do not "
        "own? Material input, specialist knowledge, complementary products and services, IPR…",
        "brings.channels": "Does this partner make sales channels available for your products or services?",
        "brings.money": "Is this partner an investor putting money in?",
        "brings.other": "What else does this partner bring?",
        "gets.resources": "Which resources do you offer this partner? Materials or machines, but "
        "also something intangible such as a brand name or knowledge.",
        "gets.channels": "Which sales channels do you offer this partner?",
        "gets.money": "What money does the partnership bring this partner, or do you invest in "
        "its product or service?",
        "gets.other": "What else does this partner get out of it, for example a joint innovation project?",
    },
    balance={
        Balance.BALANCED: "mutual",
        Balance.BRINGS_ONLY: "one-sided (only brings)",
        Balance.GETS_ONLY: "one-sided (only gets)",
        Balance.EMPTY: "empty",
    },
    facts={"status": "status", "influence": "influence", "agreements": "agreements"},
    statuses={Status.CURRENT: "current", Status.POTENTIAL: "potential"},
    influences={Influence.HIGH: "high", Influence.MEDIUM: "medium", Influence.LOW: "low"},
    influence_phrases={
        Influence.HIGH: "high influence",
        Influence.MEDIUM: "medium influence",
        Influence.LOW: "low influence",
    },
    questions={"brings": "What does {name} bring?", "gets": "What does {name} get out of it?"},
    this_partner="this partner",
    fix_first="Fix first:",
    nothing_to_fix="Nothing to fix first: every partner is mutual.",
    summary="{total} partners: {balanced} mutual, {one_sided} one-sided, {empty} empty",
    summary_one="1 partner: {balanced} mutual, {one_sided} one-sided, {empty} empty",
    unnamed_partner="(unnamed)",
    tips=(
        "A sustainable partnership needs every partner to get something out of it.",
        "Fill in the matrix on your own, or in a group to get the discussion going.",
        "Talk to (potential) partners to get a better picture of the partnership.",
        "Print the template on a large sheet of paper for a brainstorm.",
    ),
    about="The Partner Value Matrix makes the mutual value of a partnership explicit: what you "
    "get from your partners and what they get from you. © InnoValor, 2018.",
)

_BY_CODE = {labels.code: labels for labels in (DUTCH, ENGLISH)}


def labels_for(code: str) -> Labels:
    """The labels of a language code; unknown codes fall back to English."""
    return _BY_CODE.get(code, ENGLISH)


def language_from_locale(environ: Mapping[str, str] | None = None) -> str:
    """The user's language from the locale: ``nl*`` gives Dutch, anything else English."""
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(variable, "")
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    return "en"


def language_field(value: str) -> str | None:
    """The language typed in a form's field ("nl", "EN", " en "), or None when it is neither."""
    language = value.strip().lower()
    return language if language in ("nl", "en") else None
