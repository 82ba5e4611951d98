"""The P3 descriptive summary: every number in the text can be traced to a table.

``traceable_numbers`` collects every number shown in the monitor's tables (and the comparison
table) in the forms a sentence may use (as is, rounded, as a percentage). Every number in the
text, after taking out dates, clock times and quoted example messages, must be one of them.
"""
from __future__ import annotations

import math
import re

import pandas as pd
import pytest

import _monitor_data as md
import smlib
from smlib.summary import describe_activity

MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December")
SKIP_COLUMNS = {"text", "example", "note"}  # quoted public text, not figures


def traceable_numbers(res: dict, comparison: pd.DataFrame | None = None) -> set[float]:
    vals: list[float] = []
    tables = [v for v in res.values() if isinstance(v, pd.DataFrame)]
    if comparison is not None:
        tables.append(comparison)
    for t in tables:
        for col in t.columns:
            if col in SKIP_COLUMNS:
                continue
            for v in t[col].tolist():
                if isinstance(v, bool) or v is None or v is pd.NA:
                    continue
                if isinstance(v, (int, float)) and not (isinstance(v, float) and math.isnan(v)):
                    vals.append(float(v))
                elif isinstance(v, str):  # e.g. age bands "25-34"
                    vals += [float(x) for x in re.findall(r"\d+", v)]
    for v in res["headline"].values():
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            vals.append(float(v))
    vals += [len(res["meta"]["days"]), len(res["meta"]["platforms"])]
    if comparison is not None:
        vals.append(len(comparison.attrs["previous_days"]))
    forms = set()
    for v in vals:
        for w in (v, abs(v), 100 * v, 100 * abs(v)):
            forms |= {w, round(w), round(w, 1), round(w, 2)}
    return forms


def numbers_in(text: str) -> list[float]:
    text = re.sub(r"“[^”]*”", " ", text)                               # quoted messages
    text = re.sub(rf"\b\d{{1,2}} (?:{MONTHS})(?: \d{{4}})?\b", " ", text)  # dates (maybe a year)
    text = re.sub(r"\b\d{2}:\d{2}\b", " ", text)                      # clock times
    return [float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)]


def _check(res, cmp=None):
    text = describe_activity(res, comparison=cmp)
    allowed = traceable_numbers(res, cmp)
    # the organisation's name is not a figure ("3 Mobile", or "76 organisations (…)" for a file
    # about several): numbers inside it are not looked up in the tables
    nums = numbers_in(text.replace(res["meta"]["name"], " "))
    assert nums, "the summary should contain figures"
    missing = [n for n in nums if n not in allowed]
    assert not missing, f"numbers not found in any table: {missing}\n{text}"
    return text


def test_every_number_is_traceable_hand_made():
    ds = md.dataset()
    text = _check(smlib.monitor(ds), smlib.compare_periods(ds))
    # key facts of the hand-made data appear in words
    assert "17 messages" in text and "8 different people" in text
    assert "Monday 2 November" in text and "Facebook" in text
    assert "40%" in text  # 4 of 10 customer messages answered


def test_traceability_check_catches_an_invented_number():
    res = smlib.monitor(md.dataset())
    allowed = traceable_numbers(res)
    assert 9999 not in allowed
    assert [n for n in numbers_in("There were 9,999 messages on 3 November at 18:00.")
            if n not in allowed] == [9999]


def test_summary_without_audience_says_not_available():
    res = smlib.monitor(md.dataset(with_audience=False))
    text = _check(res)
    assert "not available from this source" in text
    assert "followers across" not in text


def test_summary_accepts_a_dataset_and_covers_each_day():
    ds = md.dataset()
    text = describe_activity(ds, days=["2026-11-03", "2026-11-09"], platforms=["facebook"])
    assert "Tuesday 3 November" in text and "Monday 9 November" in text
    assert "Monday 2 November" not in text
    assert " X " not in text  # only Facebook was chosen


def test_summary_quotes_are_pseudonymous_and_inert():
    ds = md.dataset()
    inter = ds.interactions.copy()
    i = inter.index[inter["message_id"] == "c1"][0]
    inter.loc[i, "text"] = "@bob terrible, see https://evil.example.com/x"
    text = describe_activity(ds.replace(interactions=inter))
    assert "https://evil" not in text and "@bob" not in text


@pytest.mark.parametrize("slug", ["northway-rail", "brightmart"])
def test_every_number_is_traceable_on_the_sample(slug):
    try:
        ds = smlib.load_sample(slug)
    except (AttributeError, ImportError, smlib.DataError, FileNotFoundError) as exc:
        pytest.skip(f"sample not available yet: {exc}")
    _check(smlib.monitor(ds), smlib.compare_periods(ds))


@pytest.mark.realdata
def test_every_number_is_traceable_on_a_real_export(realdata):
    ds = smlib.load(realdata / "twcs" / "twcs_head5000.csv")
    text = _check(smlib.monitor(ds), smlib.compare_periods(ds))
    assert "not available from this source" in text  # real exports carry no audience insights


def test_quiet_day_and_single_reply_are_described_plainly():
    res = smlib.monitor(md.dataset(), days=["2026-11-03", "2026-11-04", "2026-11-05"])
    text = _check(res)
    assert "On Wednesday 4 November there were no messages at all." in text
    assert "There was no activity on Wednesday 4 November." in text
    assert "The one reply came after 10 minutes." in text      # only c5 answered, after 10 min
    assert "the same as on the first day" in text               # no follower figures in between
    assert "grew most" not in text


def test_a_file_about_several_organisations_is_named_once_then_the_organisations():
    """'6 organisations (united, …)' (Dataset.name) is said once; then 'the organisations',
    so sentences stay readable ('written by the organisations themselves')."""
    from smlib.schema import Dataset
    sample = smlib.load_sample("northway-rail")
    frame = sample.interactions.copy()
    frame["org"] = [("acme", "bolt", "crumb", "dash")[i % 4] for i in range(len(frame))]
    ds = Dataset(frame, sample.audience, None, {**sample.load_summary})
    assert ds.name == "4 organisations (acme, bolt, crumb, …)"
    text = _check(smlib.monitor(ds))
    assert text.count("4 organisations (acme, bolt, crumb, …)") == 1
    assert "written by the organisations themselves" in text
    assert "The organisations answered" in text
    single = describe_activity(smlib.monitor(sample))
    assert "written by Northway Rail itself" in single and "the organisations" not in single


def _two_platform_dataset(rows):
    """Customer messages (platform, ISO time) on X and Facebook; nobody answered. The shop's own
    post a year before is in the file, so its replies could have been (session 10: a file with no
    message by the organisation at all cannot show who was answered)."""
    from smlib.schema import Dataset, conform_interactions
    rows = list(rows) + [("x", "2025-01-01 09:00")]
    frame = conform_interactions(pd.DataFrame({
        "org": "shop", "platform": [p for p, _ in rows], "message_id": [str(i) for i in range(len(rows))],
        "created_at": pd.to_datetime([t for _, t in rows], utc=True),
        "author_id": [f"u{i}" for i in range(len(rows) - 1)] + ["shop"],
        "author_is_org": [False] * (len(rows) - 1) + [True],
        "kind": ["mention"] * (len(rows) - 1) + ["post"], "text": "hello"}))
    return Dataset(frame)


def test_ties_are_not_described_as_winners():
    """One message each on Facebook and X, neither answered: the summary said 'the most on
    Facebook (1)', 'Facebook was the busiest platform' and 'least likely to get a reply on
    Facebook (0% answered)'."""
    ds = _two_platform_dataset([("facebook", "2026-03-02 09:00"), ("x", "2026-03-02 10:00")])
    text = _check(smlib.monitor(ds, days=["2026-03-02"]))
    assert "the most on" not in text and "was the busiest platform" not in text
    assert "least likely to get a reply on Facebook (" not in text
    assert "1 each on Facebook and X" in text
    assert "Facebook and X were equally busy" in text
    assert "(0% answered on each)" in text


def test_days_in_different_years_keep_their_year():
    ds = _two_platform_dataset([("x", "2026-03-02 09:00"), ("x", "2027-01-01 10:00")])
    text = _check(smlib.monitor(ds, days=["2026-03-02", "2027-01-01"]))
    assert "Monday 2 March 2026 and Friday 1 January 2027" in text
    assert "On Monday 2 March 2026 there was 1 message" in text
    one_year = describe_activity(smlib.monitor(ds, days=["2026-03-02"]))
    assert "Monday 2 March" in one_year and "2 March 2026" not in one_year


def test_a_tie_for_busiest_day_names_every_tied_day():
    """Two days with two messages each: the summary named only the first as 'the busiest day'
    and the headline kept one platform of two with equal counts."""
    ds = _two_platform_dataset([("x", "2026-03-02 09:00"), ("facebook", "2026-03-02 10:00"),
                                ("x", "2026-03-03 09:00"), ("facebook", "2026-03-03 10:00"),
                                ("x", "2026-03-04 09:00")])
    res = smlib.monitor(ds, days=["2026-03-02", "2026-03-03", "2026-03-04"])
    h = res["headline"]
    assert h["busiest_days"] == ["2026-03-02", "2026-03-03"]
    assert h["busiest_platforms"] == ["x"]
    text = _check(res)
    assert "the busiest days were Monday 2 March and Tuesday 3 March, with 2 messages each" in text
    assert "the busiest day was" not in text
    even = _two_platform_dataset([("x", "2026-03-02 09:00"), ("facebook", "2026-03-02 10:00")])
    assert sorted(smlib.monitor(even, days=["2026-03-02"])["headline"]["busiest_platforms"]) == ["facebook", "x"]


def test_average_engagement_is_said_as_a_person_would():
    """'25 posts got 8,331 likes, shares and replies, 333.24 per post on average': a whole number."""
    res = smlib.monitor(smlib.load_sample("northway-rail"))
    per_post = res["engagement"].set_index("platform").loc["all", "interactions_per_post"]
    assert per_post >= 10 and per_post != round(per_post)          # the sample has a decimal part
    text = describe_activity(res)
    assert f"{round(per_post):,} per post on average" in text
    assert not re.search(r"\d\.\d+ per post on average", text)


@pytest.mark.parametrize("org, starts", [(None, "This organisation answered"), ("easyJet", "easyJet answered")])
def test_a_name_that_starts_a_sentence_is_capitalised_only_when_all_lower_case(tmp_path, org, starts):
    """A file that does not name its organisation is 'this organisation' (the loader's word): a
    sentence must not start with a small letter. A brand's own spelling is never changed."""
    p = tmp_path / "comments.csv"
    p.write_text("date,text,author\n2026-03-02 10:00,Where is my parcel?,@a\n"
                 "2026-03-02 11:00,Still waiting for my refund,@b\n"
                 "2026-03-02 12:00,Sorry for the wait! Please DM us,@shop\n", encoding="utf-8")
    # (the organisation's own message, so the care sentence starts with its name)
    ds = smlib.load(p, org=org, org_handles=["@shop"]) if org else smlib.load(p, org_handles=["@shop"])
    text = smlib.describe_activity(smlib.monitor(smlib.enrich(ds)))
    assert starts in text
    assert not re.search(r"(^|[.:!?]\s+)this organisation", text)
    if org is None:
        assert "We monitored this organisation" in text
        from smlib.reportview import report_title
        assert report_title(ds.name) == "Social media monitoring report"


def _unknown_authors_file(tmp_path, named: bool):
    """Three messages whose authors the file does not name (deleted accounts) and maybe one that does."""
    rows = ["2026-03-02 10:00,Where is my parcel?,", "2026-03-02 11:00,Still waiting for my refund,",
            "2026-03-02 12:00,Lovely staff,"] + (["2026-03-02 13:00,Any news?,@ann"] if named else [])
    p = tmp_path / "acme-coffee.csv"
    p.write_text("date,text,author\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return smlib.load(p, org="Acme Coffee")


def test_deleted_authors_are_not_one_person(tmp_path):
    """The loaders leave an unknown author blank; ten deleted accounts are not one person, and the
    summary says how many messages have no named author instead of hiding them."""
    ds = _unknown_authors_file(tmp_path, named=True)
    assert ds.interactions["author_id"].tolist()[:3] == ["", "", ""]
    res = smlib.monitor(smlib.enrich(ds))
    assert (res["headline"]["users"], res["meta"]["unknown_authors"], res["headline"]["customer_messages"]) == (1, 3, 4)
    text = smlib.describe_activity(res)
    assert "3 messages from the public have no named author" in text
    assert "1 person wrote to or about Acme Coffee" in text
    assert "1 person from the public sent 4 messages (3 messages with no named author)" in text
    shown = smlib.pseudonymise(ds.interactions)
    assert shown["author_id"].tolist()[:3] == ["", "", ""] and shown["author_id"][3].startswith("user-")


def test_a_file_with_no_named_authors_says_people_cannot_be_counted(tmp_path):
    res = smlib.monitor(smlib.enrich(_unknown_authors_file(tmp_path, named=False)))
    assert res["headline"]["users"] == 0 and res["headline"]["customer_messages"] == 3
    text = smlib.describe_activity(res)
    assert "Nobody from the public wrote" not in text
    assert "The data does not name who wrote them" in text
    assert "The public sent 3 messages (the data does not name their authors)" in text


def test_one_message_without_an_author_is_said_in_the_singular(tmp_path):
    p = tmp_path / "acme-coffee.csv"
    p.write_text("date,text,author\n2026-03-02 10:00,Where is my parcel?,\n2026-03-02 11:00,Hi,@ann\n",
                 encoding="utf-8")
    text = smlib.describe_activity(smlib.monitor(smlib.enrich(smlib.load(p, org="Acme Coffee"))))
    assert "1 message from the public has no named author" in text
    assert "so the person who wrote it is not counted" in text


@pytest.mark.parametrize("blank_id", ["", " ", "@"])
def test_a_name_kept_for_an_author_without_an_id_becomes_a_pseudonym_in_text(blank_id):
    """A blank author id with a name (a deleted account's name in an export): the business's reply
    'Sorry Bob Smith' became 'Sorry  -' (the name's alias was the blank id)."""
    f = pd.DataFrame({"author_id": [blank_id, "@NorthwayRail"], "author_name": ["Bob Smith", "Northway Rail"],
                      "author_is_org": [False, True],
                      "text": ["My train was late", "Sorry Bob Smith - please DM us"]})
    shown = smlib.pseudonymise(f)
    assert re.fullmatch(r"Sorry user-[0-9a-f]{8} - please DM us", shown["text"][1])
    assert "Bob" not in " ".join(shown.astype(str).to_numpy().ravel())


def test_the_engagement_rate_sentence_says_how_it_is_worked_out():
    """'333 per post on average (an engagement rate of 0.6% of followers per post)' beside
    245,904 followers: 333 / 245,904 is 0.14%, so a learner checking the figure got another
    number. The rate averages each post over its own platform's followers; the sentence now
    says so, and gives the same figure as the table."""
    res = smlib.monitor(smlib.load_sample("northway-rail"))
    rate = res["headline"]["engagement_rate"]
    text = describe_activity(res)
    m = re.search(r"each post's likes, shares and replies came to ([\d.]+)% of the followers of the "
                  r"platform it was posted on", text)
    assert m, text
    assert abs(float(m.group(1)) / 100 - rate) < 0.0006
    assert "of followers per post" not in text


def test_a_comparison_with_a_crisis_period_says_so():
    """Northway Rail: 'messages went from 858 to 432; negative messages went from 287 to 120', and
    the previous five days held the 27 October crisis (193 negative messages in 8 hours). Learners
    told to use the summary as a model reported that things improved. The comparison now says
    when either period had a spike of negative messages."""
    ds = smlib.enrich(smlib.load_sample("northway-rail"))
    res = smlib.monitor(ds)
    cmp = smlib.compare_periods(ds, current=res)
    assert cmp.attrs["previous_spikes"] == ["2026-10-27"] and cmp.attrs["spikes"] == []
    from smlib.summary import _comparison
    text = _comparison(cmp)
    assert "previous period included an unusual spike of negative messages (Tuesday 27 October)" in text
    quiet = smlib.enrich(smlib.load_sample("tidy-paws"))
    cmp2 = smlib.compare_periods(quiet)
    assert "spike" not in _comparison(cmp2) or cmp2.attrs["previous_spikes"] or cmp2.attrs["spikes"]


def test_a_file_with_no_message_by_the_organisation_does_not_say_it_answered_none(tmp_path):
    """The airline tweets (customers' side only) said 'The organisations answered 0 of the 10,818
    messages from the public (0%)', the box 'Answered 0%' and the chart showed every message
    still waiting (a session 10 run of real exports). With no message by the organisation in
    the file, whether anyone was answered is unknown, and every view says so."""
    p = tmp_path / "mentions.csv"
    p.write_text("date,text,author\n2026-03-02 10:00,Where is my parcel?,@a\n"
                 "2026-03-02 11:00,Still waiting for my refund,@b\n2026-03-03 09:00,Any news?,@a\n",
                 encoding="utf-8")
    res = smlib.monitor(smlib.enrich(smlib.load(p, org="Shop")))
    assert res["meta"]["org_in_file"] is False and res["headline"]["answered_share"] is None
    text = describe_activity(res)
    assert "holds no message written by Shop" in text and "answered 0 of" not in text
    fig = smlib.charts.answered(res)
    try:
        assert not fig.axes[0].patches and "no message by the organisation" in fig.axes[0].texts[0].get_text()
    finally:
        import matplotlib.pyplot as plt
        plt.close(fig)


def _shop(rows):
    """(ISO time, by the shop?) rows on X."""
    from smlib.schema import Dataset, conform_interactions
    return Dataset(conform_interactions(pd.DataFrame({
        "org": "shop", "platform": "x", "message_id": [str(i) for i in range(len(rows))],
        "created_at": pd.to_datetime([t for t, _ in rows], utc=True),
        "author_id": ["shop" if mine else f"u{i}" for i, (_, mine) in enumerate(rows)],
        "author_is_org": [mine for _, mine in rows],
        "kind": ["reply" if mine else "mention" for _, mine in rows], "text": "hello"})))


def test_a_shorter_previous_period_is_compared_per_day():
    """The airline tweets have 5 monitoring days and only 3 earlier ones: 'messages went from
    3,667 to 10,818' read as a near tripling; per day it is +77%. The comparison now says the
    periods differ in length and gives both per day."""
    rows = [("2026-03-01 09:00", False), ("2026-03-01 10:00", True)] + \
           [(f"2026-03-0{d} 09:00", False) for d in (3, 4, 5) for _ in range(2)]
    ds = _shop(rows)
    cmp = smlib.compare_periods(ds, days=["2026-03-03", "2026-03-04", "2026-03-05"])
    assert cmp.attrs["previous_days"] == ["2026-03-01"]
    from smlib.summary import _comparison
    text = _comparison(cmp)
    assert "the previous period has only 1 day with activity against 3 now, so compare per day: " \
           "2 messages a day then, 2 now" in text
    assert "(Sunday 1 March)" in text   # one day, not 'Sunday 1 March to Sunday 1 March'


def test_days_the_file_does_not_reach_are_not_called_quiet():
    """Monitoring days after a file's last day were reported as 'no messages at all' and 'no
    activity', as if the organisation had been quiet (a session 10 run on twcs sample.csv)."""
    ds = _shop([("2026-03-02 09:00", False), ("2026-03-02 10:00", True), ("2026-03-04 09:00", False)])
    res = smlib.monitor(ds, days=["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-06"])
    text = describe_activity(res)
    assert "Friday 6 March is not covered by this file (it runs from Monday 2 March to Wednesday 4 March)" in text
    assert "On Tuesday 3 March there were no messages at all" in text          # inside the file: quiet
    assert "There was no activity on Tuesday 3 March." in text


def test_locations_without_a_profile_are_not_called_national_or_abroad(tmp_path):
    """The airline tweets (six US airlines, no profile) said 'UK (national) 191 / Abroad 1,421',
    because a missing profile meant home = GB, and counted 4,687 blank location cells as places
    (session 10). Blank cells are no location; without a profile nothing is placed, and the
    summary says why."""
    p = tmp_path / "tweets.csv"
    p.write_text("date,text,author,location\n2026-03-02 10:00,Where is my bag?,@a,\"New York, NY\"\n"
                 "2026-03-02 11:00,Still waiting,@b,\n2026-03-02 12:00,Thanks,@c,Leeds\n"
                 "2026-03-02 13:00,Sorry to hear that,@shop,\n", encoding="utf-8")
    res = smlib.monitor(smlib.enrich(smlib.load(p, org_handles=["@shop"])))
    ml = res["message_locations"]
    assert sorted(ml["location"]) == ["Leeds", "New York, NY"] and set(ml["area"]) == {"unknown"}
    text = describe_activity(res)
    assert ("2 messages from the public said where the writer is, but the data does not say which "
            "country the organisation is in") in text
    assert "were national" not in text


def test_no_missing_replies_caveat_when_every_message_was_answered():
    """amazonhelp's thread file said 'answered 62 of the 62 (100%) ... But 3 messages have
    replies that are not in this file, so some of these may have been answered' (session 10):
    with nothing waiting, the caveat contradicts the sentence before it."""
    import copy
    ds = _shop([("2026-03-02 09:00", False), ("2026-03-02 10:00", True)])
    ds.interactions.loc[1, "parent_id"] = "0"
    res = smlib.monitor(ds, days=["2026-03-02"])
    assert res["headline"]["answered_share"] == 1
    r = copy.deepcopy(res)
    r["meta"]["replies_not_in_file"] = 3
    assert "not in this file" not in describe_activity(r)
    r["customer_care"] = r["customer_care"].assign(waiting=1)
    assert "not in this file" in describe_activity(r)


def test_two_praise_figures_that_differ_are_explained():
    """Hopewell's summary said "praise and thanks (44)" and "63 messages of praise" with no
    word on why. When the two differ the sentence now names the theme's figure and the reason;
    when they agree it adds nothing."""
    res = smlib.monitor(smlib.load_sample("hopewell-trust"))
    th = res["themes"].set_index("theme")
    fb = res["feedback"].set_index("type")
    text = smlib.describe_activity(res)
    n_theme, n_fb = int(th.loc["praise", "messages"]), int(fb.loc["praise", "messages"])
    assert n_theme != n_fb          # the case this test is about
    assert (f"{n_fb:,} messages of praise (here praise is any message with a praise word that is "
            f"not negative; the '{th.loc['praise', 'label']}' theme counts {n_theme:,}") in text
    same = dict(res, themes=res["themes"].assign(
        messages=[n_fb if t == "praise" else m for t, m in zip(res["themes"]["theme"],
                                                               res["themes"]["messages"])]))
    assert "here praise is" not in smlib.describe_activity(same)


def test_busiest_hour_says_utc_when_no_profile_gave_a_zone(tmp_path):
    """The US airline tweets' summary said "The public wrote most between 18:00 and 19:00": UTC,
    without a word, read as local time. A profile's zone is the reader's, so it stays unnamed."""
    p = tmp_path / "tweets.csv"
    p.write_text("date,text,author\n" + "".join(f"2026-03-02 18:{m:02d},Where is my bag?,@u{m}\n"
                                                for m in range(0, 50, 10))
                 + "2026-03-02 09:00,Hello,@v\n", encoding="utf-8")
    text = describe_activity(smlib.monitor(smlib.load(p)))
    assert "wrote most between 18:00 and 19:00 UTC" in text
    text = describe_activity(smlib.monitor(smlib.load_sample("northway-rail")))
    assert re.search(r"wrote most between \d\d:00 and \d\d:00 \(", text)
