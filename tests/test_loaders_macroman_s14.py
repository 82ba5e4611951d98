"""Mac Roman CSVs (Excel for Mac's old "CSV") load; a Cyrillic cp1251 file is not taken for one
(session 14: the first check refused '£6 – café' text, the one before read Cyrillic as Mac Roman)."""
from __future__ import annotations

import pytest

import smlib


@pytest.mark.parametrize("text", ["Loved the café – crème brûlée – £6 – recommend",
                                  "À bientôt ça va très bien"])
def test_western_mac_roman_csv_loads(tmp_path, text):
    p = tmp_path / "mac.csv"
    p.write_bytes(f"created_at,text\n2026-03-02 10:00,{text}\n".encode("mac_roman"))
    assert smlib.load(p, org="shop").interactions["text"].tolist() == [text]


def test_cyrillic_cp1251_is_not_read_as_mac_roman(tmp_path):
    p = tmp_path / "ru.csv"
    p.write_bytes("created_at;text\n02.03.2026 10:00;Спасибо за быструю доставку\n"
                  "03.03.2026 10:00;Где мой заказ\n".encode("cp1251"))
    with pytest.raises(smlib.DataError, match="cp1251"):
        smlib.load(p, org="shop")
