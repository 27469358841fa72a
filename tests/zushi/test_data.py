"""The Zushi transcription, pinned to values checked by hand against the FY2021 evaluation sheets
(seed extract 000_…; line numbers in data/zushi/TRANSCRIPTION.md)."""

import pandas as pd
import pytest

from machi.core.db import run_query

# sheet: (policy, department code, progress, evaluation, 円 (None = no figure), 千円)
SHEETS = {
    1: ("5-1", "1110", "delayed", "c", None, 4657),
    2: ("5-1", "1310", "delayed", "c", 3256000, 28168),
    3: ("5-1", "1310", "not_started", "c", None, 264),
    4: ("5-4", "1310", "delayed", "c", 313000, 840),
    5: ("5-4", "1310", "cancelled", "b", 390000, 17932),
    6: ("4-5", "1330", "delayed", "b", 38705823, 332000),
    7: ("4-5", "1330", "delayed", "b", 19724323, 312400),
    8: ("4-5", "1330", "delayed", "b", 13250700, 251480),
    9: ("5-3", "1240", "delayed", "b", 10512200, 168992),
}


@pytest.fixture(scope="module")
def programs(session_db):
    from machi.core.db import connect_read_only

    con = connect_read_only(session_db)
    yield run_query(con, "zushi/programs").set_index("sheet_no")
    con.close()


def test_nine_sheets_of_fiscal_2021(programs):
    assert sorted(programs.index) == list(range(1, 10))
    assert set(programs.fiscal_year) == {2021}
    assert set(programs.source_id) == {"zushi_2021_sheets"}


@pytest.mark.parametrize("sheet", SHEETS)
def test_each_sheet_codes_and_both_money_figures(programs, sheet):
    policy, dept, progress, evaluation, yen, kyen = SHEETS[sheet]
    p = programs.loc[sheet]
    assert (p.policy_code, p.department_code, p.progress, p.evaluation) == (policy, dept, progress, evaluation)
    if yen is None:
        assert pd.isna(p.actual_cost_yen)  # a gap, not 0
    else:
        assert p.actual_cost_yen == yen
    assert p.plan_cost_kyen == kyen


def test_status_counts(programs):
    assert programs.progress.value_counts().to_dict() == {"delayed": 7, "not_started": 1, "cancelled": 1}
    assert programs.evaluation.value_counts().to_dict() == {"b": 5, "c": 4}


def test_sheet_2_spending_equals_its_five_grants(programs):
    # 沼間650,000円 小坪744,000円 池子1,186,000円 久木646,000円 逗子30,000円 (results text of sheet 2)
    assert programs.loc[2].actual_cost_yen == 650000 + 744000 + 1186000 + 646000 + 30000
    assert "沼間650,000円" in programs.loc[2].results_ja


def test_full_text_is_kept(programs):
    p = programs.loc[6]
    assert p.purpose_ja.startswith("逗子海岸のあり方や保全・活用方法を検討し")
    assert "開場期間はわずか17日間" in p.circumstances_ja
    assert p.section_ja == "第４節 安全で安心な、快適な暮らしを支えるまち"
    assert all(programs.label_ja.str.len() <= 30)


def test_four_numeric_targets(session_db):
    from machi.core.db import connect_read_only

    con = connect_read_only(session_db)
    k = run_query(con, "zushi/kpis").set_index("sheet_no")
    con.close()
    assert sorted(k.index) == [2, 4, 5, 6]
    got = {s: (k.loc[s].baseline, k.loc[s].actual_2021, k.loc[s].target) for s in k.index}
    assert got == {2: (0, 4, 5), 4: (0, 0, 2), 5: (1800, 520, 3000), 6: (201300, 86600, 400000)}
    assert bool(k.loc[5].actual_approx) is True  # 約520名
