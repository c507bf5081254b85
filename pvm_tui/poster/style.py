"""The poster's stylesheet: one inline CSS text sized to the paper.

Lengths are written in millimetres and points already multiplied by the
paper's scale, so the same layout grows from A4 to A0. No user text ever
goes into the CSS; no fonts or images are fetched (system fonts only).
Colours print: backgrounds are kept with ``print-color-adjust: exact``.
"""

from __future__ import annotations

from pvm_tui.poster.fit import LAYOUT, Layout, Plan
from pvm_tui.poster.paper import Paper

FONTS = '"Liberation Sans", Arial, Helvetica, "Nimbus Sans", "DejaVu Sans", sans-serif'

BRINGS, BRINGS_TINT = "#1d6f66", "#e7f3f1"
GETS, GETS_TINT = "#a4531a", "#fbefe4"
INK, MUTED, RULE = "#1c1c1c", "#5d5d5d", "#9a9a9a"


def stylesheet(paper: Paper, plan: Plan, layout: Layout = LAYOUT) -> str:
    """The CSS for one sheet of ``paper`` with the body font of ``plan``."""
    s = paper.scale
    margin = paper.margin_mm
    width = paper.width_mm - 2 * margin
    # A hair under the printable height, so rounding never spills a blank second page.
    height = paper.height_mm - 2 * margin - 0.6 * s
    sheet_height = f"height: {height:.2f}mm;" if plan.fits else f"min-height: {height:.2f}mm;"
    name_pct = layout.name_share * 100
    category_pct = (100 - name_pct) / 8
    title, fields, description = (share * 100 for share in layout.header_shares)
    hairline = max(0.2, 0.25 * s)
    rule = max(0.3, 0.45 * s)
    return f"""
@page {{ size: {paper.width_mm:g}mm {paper.height_mm:g}mm; margin: {margin:.2f}mm; }}
* {{ box-sizing: border-box; }}
html {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
body {{ margin: 0; color: {INK}; font-family: {FONTS}; font-size: {plan.font_pt * s:.2f}pt;
  line-height: {layout.line}; }}
.sheet {{ width: {width:.2f}mm; {sheet_height} display: flex; flex-direction: column; }}
@media screen {{
  body {{ background: #d9d9d9; padding: 8mm 0; }}
  .sheet {{ margin: 0 auto; background: #fff; padding: {margin:.2f}mm; box-sizing: content-box;
    box-shadow: 0 1mm 4mm rgba(0, 0, 0, 0.25); }}
}}
.head {{ flex: none; display: grid; grid-template-columns: {title:.2f}% {fields:.2f}% {description:.2f}%;
  padding: {layout.pad_v}em 0; margin-bottom: {layout.gap_em}em; border-bottom: {rule:.2f}mm solid {INK}; }}
.method {{ margin: 0; font-size: {layout.method_em}em; letter-spacing: 0.08em; text-transform: uppercase;
  color: {MUTED}; }}
h1 {{ margin: 0; font-size: {layout.title_em}em; line-height: 1.1; overflow-wrap: anywhere; }}
.fields {{ margin: 0; display: grid; grid-template-columns: 1fr 1fr; align-content: start; }}
.field {{ padding: 0 {layout.pad_h}em {layout.pad_v}em; }}
.label {{ display: block; margin: 0; font-size: {layout.label_em}em; color: {MUTED}; }}
.value {{ display: block; margin: 0; font-size: {layout.value_em}em; white-space: pre-wrap;
  overflow-wrap: anywhere; }}
.write .value {{ border-bottom: {hairline:.2f}mm solid {RULE};
  min-height: {layout.write_lines * layout.line:.2f}em; }}
.description {{ padding: 0 {layout.pad_h}em; }}
.description .text {{ margin: 0; font-size: {layout.description_em}em; white-space: pre-wrap;
  overflow-wrap: anywhere; }}
.write .text {{ border: {hairline:.2f}mm solid {RULE};
  min-height: {layout.write_description_lines * layout.line:.2f}em; }}
.write h1 {{ font-size: {layout.title_em * 0.75:.2f}em; margin-bottom: 0.3em; }}
.title .field {{ padding-left: 0; }}
tr.blank th, tr.blank td {{ height: {layout.write_row_lines * layout.line + 2 * layout.pad_v:.2f}em; }}
.grid-area {{ flex: 1 1 auto; min-height: 0; display: flex; flex-direction: column; }}
table {{ width: 100%; height: 100%; border-collapse: collapse; table-layout: fixed; }}
col.partner {{ width: {name_pct:.3f}%; }}
col.category {{ width: {category_pct:.3f}%; }}
th, td {{ padding: {layout.pad_v}em {layout.pad_h}em; vertical-align: top; text-align: left;
  border: {hairline:.2f}mm solid {RULE}; white-space: pre-wrap; overflow-wrap: anywhere;
  -webkit-hyphens: manual; hyphens: manual; }}
thead th {{ vertical-align: bottom; }}
tr {{ break-inside: avoid; }}
.band th {{ font-weight: normal; font-size: {layout.guidance_em}em; color: {MUTED}; border: none;
  vertical-align: top; }}
.band .step {{ font-weight: bold; color: {INK}; }}
.sides th {{ font-size: {layout.side_em}em; color: #fff; text-align: center; }}
.sides th.corner {{ background: none; border: none; }}
th.brings {{ background: {BRINGS}; color: #fff; }}
th.gets {{ background: {GETS}; color: #fff; }}
.categories th {{ font-size: {layout.category_em}em; vertical-align: top; }}
.categories th.brings {{ background: {BRINGS_TINT}; color: {BRINGS}; }}
.categories th.gets {{ background: {GETS_TINT}; color: {GETS}; }}
.categories th.partner {{ background: #f1f1f1; }}
.question {{ display: block; font-weight: normal; font-style: italic; color: {MUTED};
  font-size: {layout.guidance_em / layout.category_em:.3f}em; }}
tbody th {{ font-weight: bold; background: #f6f6f6; }}
tbody td.gets {{ border-left-color: {RULE}; }}
tbody td.first-gets {{ border-left: {rule:.2f}mm solid {INK}; }}
.balance {{ display: block; margin-top: 0.2em; font-weight: normal; font-size: {layout.label_em}em; }}
.balanced .balance {{ color: {BRINGS}; }}
.one-sided .balance {{ color: #b3261e; font-weight: bold; }}
.empty .balance {{ color: {MUTED}; }}
.one-sided td.missing {{ background: #fdf3f2; }}
.facts, .agreements {{ display: block; margin-top: 0.2em; font-weight: normal; font-size: {layout.label_em}em;
  color: {MUTED}; }}
.agreements {{ color: {INK}; }}
.agreements .label {{ font-size: 1em; font-style: italic; }}
.foot {{ flex: none; margin-top: {layout.gap_em}em; font-size: {layout.footer_em}em; color: {MUTED};
  display: flex; justify-content: space-between; gap: 2em; }}
"""
