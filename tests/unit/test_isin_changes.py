"""ISINs changed since the bundled lists were made (data/isin_changes.csv).

Pages write a company's ISIN as it is today, after a split, a consolidation or a move
abroad; the old one, which older pages and the lists still carry, must find the same
company (and a listed.csv row under the old ISIN is no second company).
"""

import pytest


@pytest.mark.parametrize(
    ("name", "isin"),
    [("JD Sports", "GB00BM8Q5M07"), ("Aviva", "GB00BPQY8M80"), ("Dassault Systemes", "FR0014003TT8"),
     ("Michelin", "FR001400AJ45"), ("Ferrovial", "NL0015001FS8"), ("Super Micro Computer", "US86800U3023"),
     ("Melrose Industries", "GB00BNGDN821"), ("Mondi", "GB00BMWC6P49"), ("Anglo American", "GB00BTK05J60"),
     ("Bunge Limited", "CH1300646267"), ("Thomson Reuters Corp", "CA8849038085"),
     ("Lam Research", "US5128073062"), ("Aon", "IE00BLP1HW54"), ("Unilever", "GB00BVZK7T90"),
     ("Kongsberg Gruppen", "NO0013536151"), ("Georg Fischer", "CH1169151003"), ("GE Aerospace", "US3696043013")],
)
def test_isins_changed_since_the_lists_were_made(name: str, isin: str) -> None:
    from tui_reader.extract.directory import directory

    found = directory().resolve(name)
    assert found is not None and found.isin == isin
    # the old ISIN still finds the company
    old = {"GB00BM8Q5M07": ["GB00BYX91H57"], "FR0014003TT8": ["FR0000130650"],
           "GB00BNGDN821": ["GB00BZ1G4322", "GB00BV9FYX34"], "GB00BTK05J60": ["GB00B1XZS820"],
           # a listed.csv row under the old ISIN is the same company, with its ticker
           "CH1300646267": ["BMG169621056"], "CA8849038085": ["CA8849037095"],
           "US5128073062": ["US5128071082"], "GB00BVZK7T90": ["GB00B10RZP78"], "NO0013536151": ["NO0003043309"],
           "CH1169151003": ["CH0001752309"], "US3696043013": ["US3696041033"]}.get(isin, [])
    for isin_before in old:
        assert directory().by_isin(isin_before) == found
