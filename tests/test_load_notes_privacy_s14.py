"""Loader notes can quote authors' handles from the file ("5 authors ('jane_doe', …)"); the notes
shown to learners (notebook 01's load lines, the report) pseudonymise them (session 14 review)."""
from __future__ import annotations

import smlib
from smlib.privacy import pseudonym
from smlib.summary import load_lines


def test_load_lines_pseudonymise_quoted_authors(tmp_path):
    p = tmp_path / "analytics.csv"
    rows = "\n".join(f"2026-03-0{i + 1} 10:00,{h},great post,{i}" for i, h in
                     enumerate(["jane_doe", "bob99", "KarenTheKaren", "sarah.jones", "tom_t"]))
    p.write_text("created_at,author,text,link_clicks\n" + rows + "\n", encoding="utf-8")
    ds = smlib.load(p, org="shop")
    assert any("jane_doe" in w for w in ds.load_summary["warnings"])   # the raw note names them
    lines = " ".join(load_lines(ds))
    assert "jane_doe" not in lines and "KarenTheKaren" not in lines
    assert pseudonym("jane_doe") in lines


def test_load_lines_hide_contact_details_in_notes_that_quote_nothing(tmp_path):
    """A note without quotes is not pseudonymised (that reads the whole table), but e-mail
    addresses and phone numbers in it are still hidden, as the report hides them."""
    p = tmp_path / "shop.csv"
    p.write_text("created_at,author,text\n2026-03-02 10:00,amy,late again\n", encoding="utf-8")
    ds = smlib.load(p, org="shop")
    ds.load_summary["warnings"] = ["rows that mention 07700 900123 were odd"]
    lines = " ".join(load_lines(ds))
    assert "07700 900123" not in lines and "were odd" in lines
