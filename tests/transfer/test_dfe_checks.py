"""The DfE rule checker used on exports finds each rule it claims to check (so a clean export
means something)."""

from transfer.dfe_checks import check_return
from transfer.folder import EPISODES, HEADER, REVIEWS, UASC, write_csv


def planted(tmp_path, header=(), episodes=(), reviews=(), uasc=()):
    write_csv(tmp_path / "header.csv", HEADER, list(header))
    write_csv(tmp_path / "episodes.csv", EPISODES, list(episodes))
    write_csv(tmp_path / "reviews.csv", REVIEWS, list(reviews))
    write_csv(tmp_path / "uasc.csv", UASC, list(uasc))
    return {problem.split()[0] for problem in check_return(tmp_path, 2024)}


def ep(child, start, end="", rne="S", ls="C2", rec="", reason=""):
    return [child, start, rne, ls, "N1", "U4", "PR1", end, rec, reason, "", "", ""]


def test_each_rule_is_caught(tmp_path):
    header = [["A", "M", "01/01/2015", "WBRI", "", "", ""], ["B", "1", "01/06/2022", "WBRI", "", "", ""],
              ["V", "F", "01/01/2012", "WBRI", "", "0", ""],
              ["E", "F", "01/01/2012", "WBRI", "", "0", ""]]  # fmt: skip
    episodes = [
        ep("A", "02/05/2024", "02/05/2024", rec="X1"),  # 355
        ep("E", "02/05/2024", "10/05/2024", rec="X1"),  # 388: nothing starts on 10/05/2024
        ep("A", "01/06/2024", "01/05/2024", rne="P", rec="E4A"),  # 356; 433 (not on the DEC)
        ep("A", "02/07/2024", "", rne="T", rec="E13"),  # 148; 432 (after E4A, not S)
        ep("B", "03/05/2024", "", rne="P"),  # 357: the first episode is not S
        ep("C", "03/05/2024"),  # INT03: not in the header
        ep("V", "03/05/2024", "05/05/2024", ls="V3", rec="E13"),
        ep("A", "01/01/2025", "01/04/2025", rec="E4A"),  # 354: ends after the year
    ]
    reviews = [
        ["A", "02/01/2015", "03/06/2024", "PN1"],  # INT17: DOB differs
        ["A", "01/01/2015", "2024-06-04", "PN1"],  # 166
        ["A", "01/01/2015", "05/06/2024", ""],  # 167
        ["A", "01/01/2015", "06/06/2024", "PN0"],  # 440
        ["B", "01/06/2022", "07/06/2024", "PN1"],  # 441
        ["D", "01/01/2015", "07/06/2024", "PN1"],  # INT08
        ["V", "01/01/2012", "07/06/2024", "PN1"],  # 399
    ]
    uasc = [["A", "F", "02/01/2015", "01/01/2034"]]  # INT21, INT18, 304
    found = planted(tmp_path, header, episodes, reviews, uasc)
    assert found >= {"355", "356", "357", "388", "148", "432", "433", "354", "INT03", "INT17",
                     "166", "167", "440", "441", "INT08", "399", "INT21", "INT18", "304",
                     "101"}  # fmt: skip


def test_431_same_day_restart(tmp_path):
    found = planted(tmp_path, [["A", "M", "01/01/2015", "WBRI", "", "", ""]],
                    [ep("A", "02/05/2024", "10/05/2024", rec="E4A"), ep("A", "10/05/2024")])  # fmt: skip
    assert "431" in found
