"""The evaluation scripts: their arithmetic on hand-made data, and the real-data run.

The real-data tests (``realdata`` fixture, skipped without ../shared) recompute every reported
figure independently from the raw predictions, and assert only what smlib honestly achieves:
it beats plain VADER, and it meets the negative-precision target. The other issue targets
(accuracy ≥ 0.75, macro-F1 ≥ 0.70, negative recall ≥ 0.85) are NOT met; see docs/sentiment.md.
"""
from __future__ import annotations

import sys
from itertools import product
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "evaluation"))

import sentiment_airline as E  # noqa: E402
import themes_airline as TE  # noqa: E402


def test_metrics_on_a_hand_made_example():
    truth = ["negative"] * 4 + ["neutral"] * 3 + ["positive"] * 3
    pred = ["negative", "negative", "negative", "neutral",
            "neutral", "positive", "negative",
            "positive", "positive", "neutral"]
    cm = E.confusion(truth, pred)
    assert cm.loc["negative"].tolist() == [3, 1, 0]
    assert cm.loc["neutral"].tolist() == [1, 1, 1]
    assert cm.loc["positive"].tolist() == [0, 1, 2]
    m = E.metrics(truth, pred)
    assert m["accuracy"] == pytest.approx(6 / 10)
    # negative: tp 3, predicted 4, actual 4
    assert m["negative_precision"] == pytest.approx(3 / 4)
    assert m["negative_recall"] == pytest.approx(3 / 4)
    # neutral: tp 1, predicted 3, actual 3 ; positive: tp 2, predicted 3, actual 3
    f1s = [0.75, 1 / 3, 2 / 3]
    assert m["macro_f1"] == pytest.approx(sum(f1s) / 3)
    assert m["positive_support"] == 3


def test_metrics_when_a_class_is_never_predicted():
    m = E.metrics(["negative", "positive"], ["negative", "negative"])
    assert m["positive_precision"] == 0.0 and m["positive_recall"] == 0.0
    assert m["negative_precision"] == pytest.approx(0.5)


def test_roc_auc_matches_pairwise_count():
    a = [0.9, 0.4, 0.4, 0.1]
    b = [0.5, 0.4, 0.0]
    pairs = [(1.0 if x > y else 0.5 if x == y else 0.0) for x, y in product(a, b)]
    assert E.roc_auc(a, b) == pytest.approx(sum(pairs) / len(pairs))


def test_vader_labels_use_vader_cutoffs():
    assert E.vader_labels([0.05, -0.05, 0.0499, -0.0499]).tolist() == ["positive", "negative", "neutral", "neutral"]


# ------------------------------------------------------------------ real data

@pytest.fixture(scope="module")
def airline(realdata):
    path = E.airline_path(realdata.parent)
    if path is None:
        pytest.skip("airline tweets not present")
    return E.evaluate_airline(path)


def _independent(truth, pred):
    truth, pred = np.asarray(truth, dtype=object), np.asarray(pred, dtype=object)
    out = {"accuracy": float((truth == pred).mean())}
    f1 = []
    for lab in ("negative", "neutral", "positive"):
        tp = np.sum((truth == lab) & (pred == lab))
        p = tp / max(1, np.sum(pred == lab))
        r = tp / max(1, np.sum(truth == lab))
        out[f"{lab}_precision"], out[f"{lab}_recall"] = p, r
        f1.append(0 if p + r == 0 else 2 * p * r / (p + r))
    out["macro_f1"] = float(np.mean(f1))
    return out


@pytest.mark.realdata
def test_airline_figures_are_computed_correctly(airline):
    assert airline["n"] == 14640
    for who in ("vader", "smlib"):
        ind = _independent(airline["truth"], airline[f"{who}_pred"])
        for k, v in ind.items():
            assert airline[who][k] == pytest.approx(v), (who, k)
        assert airline[f"{who}_confusion"].to_numpy().sum() == 14640
    # smlib labels follow its scores and band
    from smlib.sentiment import label_for
    assert [label_for(s) for s in airline["smlib_scores"][:500]] == list(airline["smlib_pred"][:500])


@pytest.mark.realdata
def test_smlib_beats_plain_vader_on_airline(airline):
    v, s = airline["vader"], airline["smlib"]
    assert s["accuracy"] > v["accuracy"] + 0.1
    assert s["macro_f1"] > v["macro_f1"] + 0.1
    assert s["negative_recall"] > v["negative_recall"] + 0.15
    # the one issue target that is met honestly
    assert s["negative_precision"] >= E.TARGETS["negative_precision"]


@pytest.mark.realdata
def test_hand_labelled_support_tweets(realdata):
    r = E.evaluate_twcs_labelled(realdata.parent)
    if r is None:
        pytest.skip("twcs sample not present")
    d = r["frame"]
    assert d["text"].str.len().gt(0).all(), "every labelled id must be found in the twcs file"
    for split in ("dev", "test"):
        g = d[d["split"] == split]
        ind = _independent(g["label"], g["smlib_pred"])
        assert r[split]["smlib"]["accuracy"] == pytest.approx(ind["accuracy"])
        # never worse than plain VADER on the held-out real customer-support tweets
        assert r[split]["smlib"]["accuracy"] >= r[split]["vader"]["accuracy"]
        assert r[split]["smlib"]["macro_f1"] >= r[split]["vader"]["macro_f1"]


@pytest.mark.realdata
def test_theme_evaluation_arithmetic(realdata):
    path = E.airline_path(realdata.parent)
    if path is None:
        pytest.skip("airline tweets not present")
    r = TE.evaluate_themes(path)
    fr = r["frame"]
    assert r["n"] == len(fr) == int(r["recall"]["tweets"].sum())
    for reason, row in r["recall"].iterrows():
        g = fr[fr["reason"] == reason]
        assert row["recall"] == pytest.approx(g["hit"].mean())
    assert 0 < r["overall_recall"] <= r["any_theme"] <= 1
