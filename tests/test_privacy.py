"""Pseudonyms, inert links, HTML escaping and formula-safe CSV."""
from __future__ import annotations

import io

import pandas as pd
import pytest

import smlib

from smlib.privacy import escape_html, inert_urls, neutralise_cell, pseudonym, pseudonymise, safe_csv


def frame():
    return pd.DataFrame({
        "author_id": ["111", "brand", "222", "111"], "author_name": ["jo_bloggs", "AcmeHelp", "sam", "jo_bloggs"],
        "author_is_org": [False, True, False, False],
        "text": ["@AcmeHelp my order?", "@jo_bloggs sorry!", "cc @jo_bloggs", "again"]})


def test_customers_pseudonymised_org_kept():
    out = pseudonymise(frame())
    assert out.loc[1, "author_name"] == "AcmeHelp"
    assert out.loc[0, "author_id"] == out.loc[3, "author_id"] != "111"
    assert "jo_bloggs" not in " ".join(out["text"]) and "jo_bloggs" not in set(out["author_name"])
    assert "@AcmeHelp" in out.loc[0, "text"]
    assert out.loc[1, "text"] == "@" + pseudonym("jo_bloggs") + " sorry!"
    assert frame().loc[0, "author_id"] == "111"  # input untouched


def test_pseudonym_stable_and_salted():
    assert pseudonym("x") == pseudonym("x") != pseudonym("x", salt="other")


def test_urls_made_inert():
    t = inert_urls("claim at https://brightmart-refunds.co.uk/claim?id=1 or bit.ly/abc")
    assert "https://" not in t and "brightmart-refunds.co.uk" not in t and "bit.ly" not in t
    assert "hxxps://brightmart-refunds[.]co[.]uk/claim?id=1" in t and "bit[.]ly/abc" in t


def test_escape_html():
    assert escape_html('<script>alert("x")</script>') == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
    assert escape_html(None) == ""


def test_formulas_neutralised_numbers_untouched():
    df = pd.DataFrame({"text": ["=1+1", "+44 7700", "-x", "@SUM(A1)", "fine"], "n": [-1, 2, 3, 4, 5]})
    back = pd.read_csv(io.StringIO(safe_csv(df)), dtype=str)
    assert back["text"].tolist() == ["'=1+1", "'+44 7700", "'-x", "'@SUM(A1)", "fine"]
    assert back["n"].tolist() == ["-1", "2", "3", "4", "5"]
    assert neutralise_cell(5) == 5


def test_bare_scam_domains_with_other_endings_made_inert():
    t = inert_urls("claim at brightmart-refund.win/claim or free-prize.co today")
    assert "brightmart-refund.win" not in t and "free-prize.co " not in t
    assert inert_urls("e.g. version 2.0 of file.txt") == "e.g. version 2.0 of file.txt"


def test_direction_controls_cannot_reorder_public_text_in_html():
    """A right-to-left override (U+202E) makes '…gnp.exe' display as '…exe.png' (found by the
    edge-case run: escaped, but still visually reversed). Reports drop such controls; Arabic
    and Hebrew text itself is kept as written."""
    from smlib.reportview import table
    spoof = "see my photo\u202egnp.exe and \u2066isolated\u2069"
    assert escape_html(spoof) == "see my photognp.exe and isolated"
    assert escape_html("شكرا لكم <b>") == "شكرا لكم &lt;b&gt;"
    html = table(pd.DataFrame({"text": [spoof, "שלום"]})).data
    assert "\u202e" not in html and "\u2066" not in html and "photognp.exe" in html and "שלום" in html


def test_report_tables_shorten_long_text_and_never_show_headings_only():
    """A 10,000-character message made a report table 77,000 px wide, and an empty table showed
    only its headings with no sentence."""
    from smlib.reportview import TEXT_CHARS, message_table, table
    long = "x" * 10_000
    html = message_table(pd.DataFrame({"text": [long, "short"], "priority": [3, 1]})).data
    assert "x" * (TEXT_CHARS + 1) not in html and "x" * (TEXT_CHARS - 1) + "…" in html
    assert "Very long messages are cut short here" in html and "overflow-wrap:anywhere" in html
    empty = table(pd.DataFrame({"text": []}), {"text": "Message"}, empty="Nothing needs action.").data
    assert "<table" not in empty and "Nothing needs action." in empty
    assert "<table" not in message_table(pd.DataFrame({"text": []})).data


def test_changes_are_written_with_their_unit():
    """'-17%' for a change in a share (it is percentage points) and '90.0' for minutes."""
    from smlib.reportview import fmt_number
    assert fmt_number(-0.17, "pts") == "-17 pts"
    assert fmt_number(90.0, "minutes_change") == "+1 h 30 min"
    assert fmt_number(-15.0, "minutes_change") == "-15 min"
    assert fmt_number(0.0012, "pts2") == "+0.12 pts"
    assert fmt_number(-3.0, "change") == "-3"
    assert fmt_number(None, "pts") == "n/a"
    assert fmt_number(-0.01, "pct_number") == "0.0%" and fmt_number(0.0, "pts") == "0 pts"


def test_mentions_with_accents_dots_or_long_names_are_pseudonymised_whole():
    """Found by the leak audit: '@ÜnïcødeLeaker' was shown as written, '@Leaky.Dot.Person'
    as '@user-xxxxxx.Dot.Person' and a 40-character handle kept all but its first 30 letters."""
    long = "x" * 40 + "longleaker"
    df = pd.DataFrame({"author_id": ["brand", "c1"], "author_name": ["AcmeShop", "c1"],
                       "author_is_org": [True, False],
                       "text": [f"Sorry @ÜnïcødeLeaker and @{long}!",
                                "@Leaky.Dot.Person agreed. Ask @AcmeShop. Mail jane@example.com"]})
    out = pseudonymise(df)
    text = " ".join(out["text"])
    for raw in ("nïcødeLeaker", "Dot.Person", "longleaker", "Leaky"):
        assert raw not in text
    assert "@" + pseudonym("leaky.dot.person") + " agreed." in text     # the full stop stays
    assert "@" + pseudonym("ünïcødeleaker") + " and" in text and "@AcmeShop." in text
    assert out.loc[1, "text"].endswith("Mail [email]")        # an address is not a mention (it is hidden)


def test_email_addresses_and_phone_numbers_of_the_public_are_hidden():
    """Found by the leak audit: 'jane@example.com', '07700 900123', '+44 7700 900456' and
    '(0161) 496 0000' written by customers were shown in report tables, theme examples, the
    action queue CSV and the notebooks. They are personal details (the handbook: anonymise)."""
    from smlib.privacy import hide_contact_details
    df = pd.DataFrame({
        "author_id": ["c1", "c2", "brand"], "author_name": ["c1", "c2", "Acme"],
        "author_is_org": [False, False, True],
        "text": ["Email jane@example.com or call 07700 900123 - thanks",
                 "Ring +44 (0)7700-900-456, (0161) 496 0000 or ZOE.PRIVE@Example.CO.UK",
                 "Call us free on 0800 123 4567 or help@acme.example.com"]})
    out = pseudonymise(df)
    assert out.loc[0, "text"] == "Email [email] or call [phone] - thanks"
    assert out.loc[1, "text"] == "Ring [phone], [phone] or [email]"
    assert out.loc[2, "text"] == df.loc[2, "text"]          # the organisation's own contact details stay
    # order numbers, dates, times, prices and handles are not phone numbers or addresses
    for keep in ("order 12345678 on 2026-03-02 10:00", "02/03/2026 14:30", "£1,234.50 for 0.5kg",
                 "@AcmeShop thanks", "version 10.0.19045"):
        assert hide_contact_details(keep) == keep


def test_handles_in_profile_links_and_names_written_out_are_pseudonymised():
    """Found by the leak audit: 'x.com/leaky_customer_01/status/1', 'instagram.com/leaky.dot.person/',
    a handle written without its '@' and a customer signing 'Jane Q Example' were shown as
    written in report tables, discover_themes examples and the action queue."""
    df = pd.DataFrame({
        "author_id": ["leaky_customer_01", "Leaky.Dot.Person", "brand", "c9"],
        "author_name": ["Jane Q Example", "Bob Leakname", "Acme Shop", "Help"],
        "author_is_org": [False, False, True, False],
        "text": ["Where is it? - Jane Q Example",
                 "see https://x.com/leaky_customer_01/status/1 and instagram.com/leaky.dot.person/ "
                 "(ask LEAKY_CUSTOMER_01, or jane  q example). x.com/search?q=1 x.com/AcmeHelp",
                 "Hi Jane Q Example, sorry about that. Need help? See facebook.com/groups/acme",
                 "I need help with my order, thanks for the help"]})
    out = pseudonymise(df, keep=["AcmeHelp"])
    jane = out.loc[0, "author_id"]
    text = " ".join(out["text"])
    for raw in ("leaky_customer_01", "LEAKY_CUSTOMER_01", "leaky.dot.person", "Jane Q Example", "jane  q"):
        assert raw not in text
    assert out.loc[0, "text"] == f"Where is it? - {jane}"
    assert out.loc[2, "text"].startswith(f"Hi {jane}, sorry")
    assert f"x.com/{jane}/status/1" in text and f"instagram.com/{pseudonym('leaky.dot.person')}/" in text
    # ordinary words, a one-word display name, reserved paths and the organisation's own are kept
    assert out.loc[3, "text"] == df.loc[3, "text"]
    assert "x.com/search?q=1" in text and "x.com/AcmeHelp" in text and "facebook.com/groups/acme" in text


def test_first_names_in_greetings_and_replies_become_name():
    """550 of Northway Rail's 1,242 replies greet the customer by first name ('Hi Liam, sorry
    to hear that!') beside the customer's pseudonym, which undoes it (the handbook asks for
    personal details to be anonymised). A first name after a greeting, or a customer's own first
    name inside a sentence, becomes [name]; ordinary words, places and the organisation's name
    stay."""
    f = pd.DataFrame({
        "author_id": ["NorthwayRail", "cust1", "NorthwayRail", "NorthwayRail", "cust2", "cust3", "cust4"],
        "author_name": ["Northway Rail", "Liam Smith", "Northway Rail", "Northway Rail", "Fatima Khan",
                        "Will Jones", "Kelby Brown"],
        "author_is_org": [True, False, True, True, False, False, False],
        "text": ["Hi Liam, sorry to hear that! Lost property can help.", "Thanks Northway, great service",
                 "Hello all, trains are running again. Thank You!", "Thanks for waiting, Fatima. Hiya Fatima-Rose!",
                 "Thanks again NorthwayRail, hi Steph", "Will you reply? I will. Thanks Will",
                 "The bin on Kelby Road is full"]})
    out = smlib.pseudonymise(f)["text"].tolist()
    assert out == ["Hi [name], sorry to hear that! Lost property can help.", "Thanks Northway, great service",
                   "Hello all, trains are running again. Thank You!", "Thanks for waiting, [name]. Hiya [name]!",
                   "Thanks again NorthwayRail, hi [name]", "Will you reply? I will. Thanks [name]",
                   "The bin on Kelby Road is full"]


def test_no_first_name_of_a_sample_customer_is_left_in_a_greeting():
    import re
    ds = smlib.load_sample("northway-rail")
    f = ds.interactions
    firsts = {n.split()[0] for n in f.loc[~f["author_is_org"], "author_name"].dropna() if len(n.split()) >= 2}
    firsts -= set(ds.profile.name.split())    # "Hi Northway Rail" greets the organisation
    out = smlib.pseudonymise(f)["text"].dropna()
    left = [t for t in out if (m := re.match(r"(?:Hi|Hello|Thanks|Sorry|Apologies)[ ,]+([A-Z][a-z]+)", t))
            and m.group(1) in firsts]
    assert not left, left[:3]


# --- session 11 review: names of customers outside the rows shown; names in any alphabet ---

def _shop(tmp_path):
    rows = [
        dict(id="1", date="2026-03-02 09:00", platform="x", handle="AcmeShop", name="Acme Shop",
             is_org="true", text="Spring sale starts today!"),
        dict(id="2", date="2026-03-02 09:05", platform="x", handle="sarah_jones", name="Sarah Jones",
             is_org="false", text="Was in town today with my sister."),
        dict(id="3", date="2026-03-02 09:10", platform="x", handle="bob_k", name="Bob King",
             is_org="false", text="Your cashier Sarah Jones was rude to me. Also ask tom_w_99 and "
                                  "Tom Wilson. Awful, I want a refund @AcmeShop"),
        dict(id="4", date="2026-03-02 09:20", platform="x", handle="tom_w_99", name="Tom Wilson",
             is_org="false", text="Walked past the new sign this morning."),
    ]
    path = tmp_path / "shop.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return smlib.enrich(smlib.load(path)).interactions


def test_queue_and_extremes_hide_customers_named_outside_the_queue(tmp_path):
    """Sarah's own message needs no action, so she is not in the queue; her name in Bob's
    complaint leaked, because only the queue's own authors were looked for."""
    from smlib.priority import priority_queue
    rich = _shop(tmp_path)
    assert (rich.set_index("message_id").loc[["2", "4"], "category"] == "no_action").all()
    shown = " ".join(priority_queue(rich)["text"]) + smlib.explain_extremes(rich)["text"]
    for secret in ("Sarah Jones", "tom_w_99", "Tom Wilson", "bob_k"):
        assert secret not in shown, secret
    assert "@AcmeShop" in shown                # the business keeps its name


def test_the_business_handle_stays_when_only_people_holds_its_posts():
    f = pd.DataFrame({"author_id": ["c1"], "author_name": ["c1"], "author_is_org": [False],
                      "text": ["@tidypaws_grooming would love a loyalty card"]})
    everyone = pd.concat([f, pd.DataFrame({"author_id": ["tidypaws_grooming"], "author_name": ["Tidy Paws"],
                                           "author_is_org": [True], "text": ["Hello!"]})])
    assert "@user-" in pseudonymise(f)["text"].iloc[0]
    assert pseudonymise(f, people=everyone)["text"].iloc[0].startswith("@tidypaws_grooming ")


def test_first_names_in_any_alphabet_possessives_and_titles():
    f = pd.DataFrame({"author_id": ["shop", "c1"], "author_name": ["Shop", "Zoë Smith"],
                      "author_is_org": [True, False],
                      "text": ["Hi Seán, sorry. Thanks Chloé! Hi McDonald. Dear Ms Jones, we spoke "
                               "to Liam's wife. Hi TV fans", "x"]})
    f.loc[len(f)] = ["shop", "Shop", True, "Sorry for the wait, Zoë. We told Zoë's mum."]
    f.loc[len(f)] = ["shop", "Shop", True, "Hi Liam's team"]
    out = pseudonymise(f)["text"].tolist()
    for name in ("Seán", "Chloé", "McDonald", "Jones", "Zoë"):
        assert name not in out[0] + out[2], name
    assert "Ms [name]" in out[0] and "Hi TV fans" in out[0]
    assert out[2] == "Sorry for the wait, [name]. We told [name]'s mum."


def test_names_typed_in_full_width_letters_are_hidden_and_the_rest_keeps_its_form():
    """A name typed on a full-width keyboard ("Ｈａｎｎａｈ Ｗａｒｄ") is the same person: full
    names, greeted first names and first names in a sentence become pseudonyms or [name]."""
    f = pd.DataFrame({"author_id": ["@hward", "@shop", "@x1"],
                      "author_name": ["Hannah Ward", "Shop", "Liam Jones"],
                      "author_is_org": [False, True, False],
                      "text": ["hello", "Ｈｉ Ｌｉａｍ， ｔｈａｎｋｓ ｆｏｒ ｗａｉｔｉｎｇ",
                               "ｍｙ ｆｒｉｅｎｄ Ｈａｎｎａｈ Ｗａｒｄ ｓａｉｄ ｓｏ, ask Ｈａｎｎａｈ too"]})
    out = pseudonymise(f)["text"].tolist()
    assert out[1] == "Ｈｉ [name]， ｔｈａｎｋｓ ｆｏｒ ｗａｉｔｉｎｇ"
    assert out[2] == f"ｍｙ ｆｒｉｅｎｄ {pseudonymise(f)['author_id'][0]} ｓａｉｄ ｓｏ, ask [name] too"
    # full-width text naming nobody is left exactly as it was
    g = f.assign(text=["ＡＢＣ ｓａｌｅ, Ｈｉ ａｌｌ", "Ｄｅａｒ Ｍｓ Ｗａｒｄ", "x"])
    assert pseudonymise(g)["text"].tolist() == ["ＡＢＣ ｓａｌｅ, Ｈｉ ａｌｌ", "Ｄｅａｒ Ｍｓ [name]", "x"]


def test_contact_details_in_full_width_or_spelt_out_are_hidden():
    from smlib.privacy import hide_contact_details as hide
    assert hide("mail sarah＠example.com now") == "mail [email] now"
    assert hide("ｓａｒａｈ＠ｅｘａｍｐｌｅ．ｃｏｍ") == "[email]"
    assert hide("ring ０７７００ ９００１２３ please") == "ring [phone] please"
    assert hide("sarah (at) example (dot) com") == "[email]"
    assert hide("sarah[at]example.co.uk") == "[email]"
    # ordinary words and full-width text without contact details are left alone
    for t in ("I am at home at 10", "meet at 10 (at) the cafe", "ＡＢＣ sale"):
        assert hide(t) == t


def test_formulas_behind_spaces_invisible_characters_or_full_width_signs_are_neutralised():
    for cell in (" =1+1", "\ufeff=1", "\u200b+SUM(A1)", "\n=1", "＝HYPERLINK(1)", "＠SUM(1)"):
        assert neutralise_cell(cell) == "'" + cell, repr(cell)
    for cell in ("a=1", "1+1", "hello @shop"):
        assert neutralise_cell(cell) == cell


def test_a_capitalised_handle_written_as_a_plain_word_is_hidden():
    """Real Reddit thread: 'love you bourbonkid' beside the pseudonym of author BourbonKid."""
    f = pd.DataFrame({"author_id": ["BourbonKid", "helper"], "author_name": [None, None],
                      "author_is_org": [False, False],
                      "text": ["my mum wrote: love you bourbonkid, bye for now", "I need help with my order"]})
    out = pseudonymise(f)["text"].tolist()
    assert "bourbonkid" not in out[0].lower() and pseudonym("BourbonKid") in out[0]
    assert out[1] == "I need help with my order"        # 'helper' is an ordinary word: left alone


def test_a_reply_by_the_business_hides_the_customers_mobile_and_personal_email_only():
    f = pd.DataFrame({"author_id": ["shop"], "author_name": ["Shop"], "author_is_org": [True],
                      "text": ["We emailed sarah.jones@gmail.com and will ring 07700 900123. Our "
                               "helpline is 0345 600 7245 and help@shop.co.uk"]})
    out = pseudonymise(f)["text"].iloc[0]
    assert "sarah.jones" not in out and "07700" not in out
    assert "0345 600 7245" in out and "help@shop.co.uk" in out


def test_titles_spelt_emails_and_months_do_not_over_hide():
    """From a review of session 11's rules: 'Don't Miss Out' became 'Don't Miss [name]', 'Dr
    Pepper' 'Dr [name]', 'due (at) 10.15' an [email], and a customer called May Wong turned
    'since May' into 'since [name]'."""
    from smlib.privacy import hide_contact_details as hide
    f = pd.DataFrame({"author_id": ["shop", "may_w"], "author_name": ["Shop", "May Wong"],
                      "author_is_org": [True, False],
                      "text": ["Don't Miss Out on our sale! We Miss You. A can of Dr Pepper. Dear Ms Jones",
                               "Waiting for my refund since May, on Friday"]})
    out = pseudonymise(f)["text"].tolist()
    assert out[0] == "Don't Miss Out on our sale! We Miss You. A can of Dr Pepper. Dear Ms [name]"
    assert out[1] == "Waiting for my refund since May, on Friday"
    for t in ("Train due (at) 10.15 never came", "arrived [at] 9.30, left [at] 10.05", "meet (at) platform.2"):
        assert hide(t) == t
    assert hide("we (at) acme (dot) com") == "[email]"
    for cell in ("\u3000=1+1", "\u2003=1", "\u00ad=1", "\u200e=1"):
        assert neutralise_cell(cell) == "'" + cell


def test_people_is_narrowed_to_those_named_in_the_rows_shown():
    """priority_queue(n=20) on 1M rows took 14 s with people= every author (a review measured
    it); only people whose handle or first name is a word of the shown texts are looked up."""
    from smlib.privacy import _named_in
    people = pd.DataFrame({"author_id": ["jo_b", "sam_x", "liam99"], "author_name": ["Jo Bloggs", "Sam X", "Liam Brown"],
                           "author_is_org": False})
    kept = _named_in(people, pd.Series(["thanks jo_b", "Liam Brown was rude"]))
    assert kept["author_id"].tolist() == ["jo_b", "liam99"]
    assert _named_in(people, pd.Series([None])).empty


def test_second_review_names_titles_and_numbered_mail_domains():
    """A hyphenated first name was dropped by the people narrowing; 'Mr Love' and 'Dr Patel' were
    no longer hidden; 'li.wei (at) 163 (dot) com' was no longer an address."""
    from smlib.privacy import hide_contact_details as hide
    people = pd.DataFrame({"author_id": ["am_j", "shop"], "author_name": ["Anne-Marie Jones", "Shop"],
                           "author_is_org": [False, True]})
    f = pd.DataFrame({"author_id": ["shop"], "author_name": ["Shop"], "author_is_org": [True],
                      "text": ["Spoke to Anne-Marie Jones about it. Thanks Mr Love, Dear Dr Patel. My Dr Martens."]})
    out = pseudonymise(f, people=people)["text"].iloc[0]
    assert "Anne-Marie" not in out and pseudonym("am_j") in out
    assert "Mr [name]" in out and "Dr [name]" in out and "Dr Martens" in out
    assert hide("mail me: li.wei (at) 163 (dot) com") == "mail me: [email]"
    with pytest.raises(smlib.DataError, match="org_details"):
        pseudonymise(f, org_details="All")


def test_safe_csv_quotes_bare_carriage_returns_so_no_row_starts_with_a_formula():
    """pandas quotes a cell with "\\n" but not one with a bare "\\r", and spreadsheets (and
    Python's csv module) start a new row at it: '=cmd…' became the first cell of a row."""
    import csv
    import io
    df = pd.DataFrame({"t": ["Great service!\r=cmd|' /C calc'!A0", "a\r\n=1+1", "ok"], "n": [1, 2, 3]})
    rows = list(csv.reader(io.StringIO(safe_csv(df))))
    assert len(rows) == 4 and [r[1] for r in rows[1:]] == ["1", "2", "3"]
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)


def test_safe_csv_covers_arrow_text_columns_and_index_labels():
    pa = pytest.importorskip("pyarrow")
    a = pd.DataFrame({"t": pd.Series(["=1+1", "x"], dtype=pd.ArrowDtype(pa.string())),
                      "s": pd.Series(["@jane", None], dtype="string[pyarrow]")})
    assert safe_csv(a) == "t,s\n'=1+1,'@jane\nx,\n"
    by_handle = pd.DataFrame({"messages": [3, 1]}, index=pd.Index(["@jane", "=HYPERLINK(1)"], name="author"))
    assert safe_csv(by_handle, index=True) == "author,messages\n'@jane,3\n'=HYPERLINK(1),1\n"
    two = by_handle.set_index(pd.MultiIndex.from_tuples([("x", "@a"), ("y", "+b")], names=["platform", "who"]))
    assert safe_csv(two, index=True) == "platform,who,messages\nx,'@a,3\ny,'+b,1\n"
    # numbers and dates are left as they are, also negative numbers
    plain = pd.DataFrame({"n": [-1, 2]}, index=pd.date_range("2026-01-01", periods=2, name="day"))
    assert safe_csv(plain, index=True) == "day,n\n2026-01-01,-1\n2026-01-02,2\n"


def test_inert_urls_covers_scam_endings_odd_full_stops_and_script_links():
    """An API review: '.zip', '.mov', '.ai', '.dev' addresses, 'evil。com' (browsers read the
    ideographic full stop as '.') and 'javascript:' links were left live."""
    from smlib import inert_urls
    for t, want in (("evil.zip/refund", "evil[.]zip/refund"), ("claim.ai/prize", "claim[.]ai/prize"),
                    ("support-brightmart.dev", "support-brightmart[.]dev"), ("evil.mov", "evil[.]mov"),
                    ("evil。com/login", "evil[.]com/login"), ("evil．com/login", "evil[.]com/login"),
                    ("javascript:alert(1)", "javascript[:]alert(1)"),
                    ("data:text/html,hi", "data[:]text/html,hi")):
        assert inert_urls(t) == want, t
    for t in ("I was at the station. Then I left", "data: none", "v1.2 release", "a great day.Fun",
              "e.g. this", "in the news.Why"):
        assert inert_urls(t) == t


def test_inert_urls_leaves_glued_sentences_and_data_allowances_alone():
    from smlib import inert_urls
    for t in ("Great service.Pro tip: book early", "I used my data:5GB gone", "hours.Lol",
              "Download the app.Page won't load"):
        assert inert_urls(t) == t
