"""smlib.find_security_risks on hand-made messages: what must be flagged, and what must not."""
from __future__ import annotations

import pandas as pd
import pytest

import smlib
from smlib.schema import Profile, conform_interactions

T0 = pd.Timestamp("2026-03-02 10:00", tz="UTC")
PROFILE = Profile(slug="brightmart", name="BrightMart",
                  handles={"x": "@BrightMartUK", "facebook": "BrightMart", "instagram": "@brightmart_uk"})


def make(rows: list[dict]) -> pd.DataFrame:
    base = []
    for i, r in enumerate(rows):
        d = {"org": "brightmart", "platform": "x", "message_id": str(i + 1),
             "created_at": T0 + pd.Timedelta(minutes=i), "author_id": f"c{i}", "author_name": f"c{i}",
             "author_is_org": False, "kind": "reply", "text": ""}
        d.update(r)
        base.append(d)
    return conform_interactions(pd.DataFrame(base))


def risks_for(rows, profile=PROFILE) -> dict[str, list[str]]:
    found = smlib.find_security_risks(make(rows), profile)
    return dict(zip(found["message_id"], found["risk_types"]))


@pytest.mark.parametrize("text", [
    "Claim your refund here: https://brightmart-refunds.xyz/claim",
    "Get your voucher at http://br1ghtmart.com/voucher",              # look-alike characters
    "You've won a £500 gift card! Claim now at bit.ly/3xYzAbc",        # shortener + bait
    "Verify your account or it will be suspended: https://secure-login-check.top/verify",
    "Congratulations, you have won! Tap the link: www.prize-centre.win/go",
])
def test_scam_links_are_flagged(text):
    r = risks_for([{"text": text}])
    assert r.get("1") and "scam or phishing link" in r["1"]


def test_links_shown_inert_with_reason():
    found = smlib.find_security_risks(make([{"text": "Claim your refund: https://brightmart-refunds.xyz/claim"}]),
                                      PROFILE)
    row = found.iloc[0]
    assert "https://" not in row["text_inert"] and "brightmart-refunds[.]xyz" in row["text_inert"]
    assert "://brightmart-refunds.xyz" not in row["reason"]
    assert "pretends to be BrightMart's" in row["reason"]
    assert "never click" in row["action"]


@pytest.mark.parametrize("handle", ["BrightMart_Help", "BrightMartSupport", "BrlghtMartUK",
                                    "Br1ghtMart", "brightmart.uk.care"])
def test_impersonating_accounts_are_flagged(handle):
    found = smlib.find_security_risks(
        make([{"text": "Please DM us and we'll sort this", "author_id": handle, "author_name": handle}]),
        PROFILE)
    assert len(found) == 1 and found.iloc[0]["risk_types"] == ["fake account"]
    assert found.iloc[0]["reason"].startswith("looks like a fake BrightMart account")
    assert found.iloc[0]["author"] == handle          # kept so it can be reported


@pytest.mark.parametrize("text", [
    "To process your refund please DM us your card number and the 3 digit security code",
    "Send us your password and we'll unlock the account",
    "Reply with your PIN to confirm",
    "Please confirm your online banking login details in a DM",
])
def test_requests_for_secrets_are_flagged(text):
    r = risks_for([{"text": text}])
    assert r.get("1") == ["asks for passwords or card details"]


@pytest.mark.parametrize("text", [
    "Download our app to claim your reward: https://bm-rewards.example.net/BrightMart.apk",
    "Install this app to claim your voucher, enable unknown sources first",
    "Run this file to fix your order: http://files.example.org/fix_order.exe",
])
def test_malware_lures_are_flagged(text):
    r = risks_for([{"text": text}])
    assert r.get("1") and "malware lure" in r["1"]


@pytest.mark.parametrize("text", [
    "I forgot my password and can't log in to my account, help!",
    "We will never ask for your password or PIN.",
    "Where is my order? I ordered a kettle on Monday",
    "Loved the new range at https://www.brightmart.co.uk/kettles",   # the real site is posted by the org
    "Does the £5 voucher work online too?",
    "hello.there is my favourite film quote",
    "Got my delivery, cheers! bbc.co.uk said you'd be busy",
    "",
])
def test_ordinary_messages_are_not_flagged(text):
    rows = [{"text": "New kettles are in! https://www.brightmart.co.uk/kettles", "author_is_org": True,
             "author_id": "BrightMartUK", "author_name": "BrightMartUK", "kind": "post"},
            {"text": text}]
    assert risks_for(rows) == {}


def test_real_accounts_and_customers_are_not_fake():
    rows = [{"text": "Hi", "author_id": "BrightMartUK", "author_name": "@BrightMartUK", "author_is_org": True},
            {"text": "Hi", "author_id": "brightmart_uk", "author_name": "brightmart_uk", "author_is_org": True,
             "platform": "instagram"},
            {"text": "Hi", "author_id": "sarah_jones", "author_name": "Sarah Jones"},
            {"text": "Hi", "author_id": "martin_bright", "author_name": "Martin Bright"}]
    assert risks_for(rows) == {}


def test_without_profile_the_org_is_learnt_from_its_own_posts():
    rows = [{"text": "Hello", "author_id": "NorthwayRail", "author_name": "NorthwayRail", "author_is_org": True},
            {"text": "DM us your card details for a refund", "author_id": "NorthwayRail_Refunds",
             "author_name": "NorthwayRail_Refunds"}]
    found = smlib.find_security_risks(make(rows))
    assert found["message_id"].tolist() == ["2"]
    assert found.iloc[0]["risk_types"] == ["fake account", "asks for passwords or card details"]


def test_customer_authors_pseudonymised_in_output():
    found = smlib.find_security_risks(make([{"text": "Send us your password", "author_id": "jane99",
                                             "author_name": "Jane"}]), PROFILE)
    assert found.iloc[0]["author"].startswith("user-")


def test_empty_result_has_columns():
    found = smlib.find_security_risks(make([{"text": "hi"}]), PROFILE)
    assert found.empty and {"reason", "text_inert", "risk_types"} <= set(found.columns)


@pytest.mark.parametrize("link", ["https://secure-brightmart-verify.com/login",
                                  "https://brightmart-refund-centre.info/claim"])
def test_brand_name_inside_an_unofficial_address_is_flagged(link):
    r = risks_for([{"text": f"Your account has been flagged, fill in your details here: {link}"}])
    assert r.get("1") and "scam or phishing link" in r["1"]


def test_every_found_address_is_inert_even_with_unusual_endings():
    found = smlib.find_security_risks(make([{"text": "You've won! Claim now: prize-centre.win/go or brightmart-rewards.co"}]),
                                      PROFILE)
    row = found.iloc[0]
    for host in ("prize-centre.win", "brightmart-rewards.co"):
        assert host not in row["text_inert"] and host not in row["reason"]
    assert "prize-centre[.]win" in row["text_inert"]


@pytest.mark.parametrize("text", [
    "Get 3 months of music for only 99p! Limited time only. https://t.co/K9lrx52L56",
    "And the winner is... thank you all https://t.co/abc",
    "After reading your post you don't know your password, do you?",
])
def test_ordinary_promotions_and_chat_are_not_scams(text):
    assert risks_for([{"text": text}]) == {}


@pytest.mark.parametrize("text", [
    "Sorry about that! Can you DM me your account number so I can check?",
    "Please send us your loyalty card number by DM and we'll add the points",
    "I can sideload apps on my tablet but not on your box",
])
def test_normal_support_requests_are_not_flagged(text):
    # real support teams ask for account/loyalty numbers in private; only true secrets count
    assert risks_for([{"text": text}]) == {}


@pytest.mark.realdata
def test_real_customer_support_tweets_are_rarely_flagged(realdata):
    # Honest caveat (docs/priorities.md): the secret/malware word lists were narrowed after
    # looking at these files' false flags, so this guards against regressions; it is not an
    # independent measure of precision.
    for name in ("twcs_head5000.csv", "twcs_random5000.csv"):
        ds = smlib.load(realdata / "twcs" / name)
        found = smlib.find_security_risks(ds.interactions)
        assert len(found) <= 0.001 * len(ds.interactions), found["reason"].tolist()


def test_bad_input_gives_a_clear_error():
    with pytest.raises(smlib.DataError, match="text"):
        smlib.find_security_risks(pd.DataFrame({"platform": ["x"], "message_id": ["1"]}))
    with pytest.raises(smlib.DataError, match="DataFrame"):
        smlib.find_security_risks(["not", "a", "frame"])


def test_customers_mentioned_and_contact_details_are_not_shown_in_risky_messages():
    """Found by the leak audit: text_inert was the raw message with links defanged, so a
    customer passing on a phishing link showed the handle they tagged, their phone number and
    e-mail address in the report's security table. A fake account's own text keeps its number
    (it is what gets reported); customers it tags are pseudonymised."""
    found = smlib.find_security_risks(make([
        {"text": "@other_customer_02 I got this: verify your account at http://brightmart-login.xyz/verify "
                 "or text me 07700 900123, jane@example.com"},
        {"text": "DM us your card number and password to claim a refund @victim_03 or ring 07700 900999",
         "author_id": "BrightMart_Refunds", "author_name": "BrightMart Refunds"}]), PROFILE)
    assert len(found) == 2
    shown = " ".join(found["text_inert"])
    for raw in ("other_customer_02", "victim_03", "07700 900123", "jane@example"):
        assert raw not in shown
    assert "[phone]" in found.loc[0, "text_inert"] and "acme" not in shown
    # a fake account is shown by its handle, what a report to the platform needs (session 11)
    assert "07700 900999" in found.loc[1, "text_inert"] and found.loc[1, "author"] == "BrightMart_Refunds"


def test_the_organisations_own_flagged_post_still_hides_a_customers_details():
    """org_details='all' (for fake accounts) also showed a customer's mobile and personal
    e-mail in the organisation's own flagged reply (second review, session 11)."""
    found = smlib.find_security_risks(make([
        {"text": "Sorry Jo, we'll ring you on 07700 900123 or email jo.bloggs@gmail.com - track it "
                 "at bit.ly/3xYzAbc win a prize", "author_id": "acme", "author_name": "acme",
         "author_is_org": True}]), PROFILE)
    shown = " ".join(found["text_inert"])
    assert len(found) == 1 and "07700" not in shown and "jo.bloggs" not in shown
