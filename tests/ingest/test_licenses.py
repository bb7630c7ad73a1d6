import pytest

from onrecord.ingest import licenses


@pytest.mark.parametrize("text, spdx", [
    ("All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0 International "
     "License.", "CC-BY-4.0"),
    ("CC BY 4.0 (Mehr News Agency)", "CC-BY-4.0"),
    ("CC BY 2.5", "CC-BY-2.5"),
    ("CC-BY-SA-3.0", "CC-BY-SA-3.0"),
    ("Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International", "CC-BY-NC-SA-4.0"),
    ("licensed under CC BY-NC-ND 4.0", "CC-BY-NC-ND-4.0"),
    ("CC0", "CC0-1.0"),
    ("All rights reserved.", None),
    ("", None),
])
def test_spdx(text, spdx):
    assert licenses.spdx(text) == spdx


@pytest.mark.parametrize("text, outlet", [
    ("All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0 License.",
     "Mehr News Agency"),
    ("CC BY 4.0 (Mehr News Agency)", "Mehr News Agency"),
    ("CC BY 2.5", None),
])
def test_outlet(text, outlet):
    assert licenses.outlet(text) == outlet


def test_seed_licence_line(seed_text):
    assert licenses.from_text_tail(seed_text) == ("CC-BY-4.0", "Mehr News Agency")


def test_the_licence_map_is_data():
    data = licenses._data()
    assert {"terms", "order", "names", "outlet_patterns"} <= set(data)
