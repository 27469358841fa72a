"""The Streamlit side of the dashboard: the only package that imports Streamlit.

A page reads as a description of its screen and calls these names; how the screen is made fast
(caching, fragments, content drawn only when opened) stays inside this package:

- state.py: the session's language, widgets kept in the URL;
- cache.py: the database connection, queries, figures, derived values, data files (all bounded);
- widgets.py: a row of figures, the sources footer, downloads, section tabs, expanders drawn when open;
- forms.py: a calculator's form kept as one scenario (link, worked example, the session);
- printing.py: A4 paper: the print view of every section, its header, the print style sheets;
- chamber.py: the chamber's big screen: a section a screen, the bar with previous and next;
- staff.py: the staff view's Data updates page (templates, checked imports, the change log);
- shell.py: the entry script's run, the navigation's pages, the database check, the home headlines.
"""

from machi.ui import staff
from machi.ui.cache import data_json, dataset, figure, query
from machi.ui.chamber import start as chamber_start
from machi.ui.forms import ScenarioForm
from machi.ui.printing import conditions as print_conditions
from machi.ui.printing import ensure_print_view as book_layout
from machi.ui.printing import pdf_button, print_view
from machi.ui.printing import run_chapter as chapter
from machi.ui.shell import app_run, database_banner, headlines, language, page
from machi.ui.state import link_query, set_param, url_choice, url_filters, url_multiselect, url_number, url_radio
from machi.ui.widgets import (
    Sections,
    answer,
    cards,
    chart,
    columns,
    data_date,
    dataset_downloads,
    download_text,
    downloads,
    drawn_when_open,
    expander,
    input_problem,
    link,
    metric_row,
    redraws_page,
    sections,
    see_also,
    source_footer,
    steps,
    table,
)

__all__ = [
    "ScenarioForm",
    "Sections",
    "answer",
    "app_run",
    "book_layout",
    "cards",
    "chamber_start",
    "chapter",
    "chart",
    "columns",
    "data_date",
    "data_json",
    "database_banner",
    "dataset",
    "dataset_downloads",
    "download_text",
    "downloads",
    "drawn_when_open",
    "expander",
    "figure",
    "headlines",
    "input_problem",
    "language",
    "link",
    "link_query",
    "metric_row",
    "page",
    "pdf_button",
    "print_conditions",
    "print_view",
    "query",
    "redraws_page",
    "sections",
    "see_also",
    "set_param",
    "source_footer",
    "staff",
    "steps",
    "table",
    "url_choice",
    "url_filters",
    "url_multiselect",
    "url_number",
    "url_radio",
]
