"""The rough "does it look English?" test behind the summary's caveat (smlib reads English only)."""
from __future__ import annotations

import pandas as pd
import pytest

import smlib
from smlib.language import looks_english


def test_complaints_in_welsh_polish_or_arabic_do_not_look_english():
    texts = ["Mae fy nhrên yn hwyr eto, gwasanaeth ofnadwy!",
             "Mój pociąg znowu się spóźnił, okropna obsługa!",
             "قطاري متأخر مرة أخرى، خدمة سيئة",
             "My train is late again, awful service!", "Where is my refund?", "ok 👍", None]
    assert looks_english(texts).tolist() == [False, False, False, True, True, True, True]


def test_a_language_code_decides_when_the_file_has_one():
    assert looks_english(["Gwasanaeth ofnadwy heddiw eto", "Mae fy nhrên yn hwyr"],
                         ["en", "cy"]).tolist() == [True, False]
    assert looks_english(["Mae fy nhrên yn hwyr"], ["und"]).tolist() == [False]


def test_the_summary_warns_when_many_messages_are_not_english(tmp_path):
    """A review found 'Welsh and Polish complaints: 0% complaints', with no word of warning."""
    tx = ["Mae fy nhrên yn hwyr eto, gwasanaeth ofnadwy!", "Mój pociąg znowu się spóźnił, okropna obsługa!",
          "Ble mae fy ad-daliad? Dw i wedi aros pythefnos.", "Thanks for the help today"]
    rows = [{"id": f"m{i}", "date": f"2026-03-02T1{i}:00:00Z", "author": f"u{i}", "text": t}
            for i, t in enumerate(tx)]
    path = tmp_path / "x.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    res = smlib.monitor(smlib.load(path, org="acme"))
    assert res["meta"]["not_english"] == 3
    assert "3 of the messages from the public do not look like English" in smlib.describe_activity(res)


def test_the_english_sample_raises_no_warning():
    for org in smlib.list_organisations():
        text = smlib.describe_activity(smlib.monitor(smlib.load_org(org)))
        assert "do not look like English" not in text, org


@pytest.mark.realdata
def test_real_english_tweets_rarely_fail_the_test(realdata):
    f = smlib.load(realdata / "airline" / "Tweets.csv").interactions
    assert (~looks_english(f["text"])).mean() < 0.01       # 34 of 14,485 (headlines, names)
