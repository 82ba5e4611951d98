"""The priority evaluation: its formulas against brute force, and the documented twcs figures."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent


def _mod():
    spec = importlib.util.spec_from_file_location("priority_twcs", ROOT / "evaluation" / "priority_twcs.py")
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


def test_roc_auc_matches_pairwise_count():
    m = _mod()
    rng = np.random.default_rng(0)
    score = rng.integers(0, 5, 60).astype(float)          # many ties
    label = rng.random(60) < 0.4
    pos, neg = score[label], score[~label]
    brute = np.mean([(p > n) + 0.5 * (p == n) for p in pos for n in neg])
    assert m.roc_auc(score, label) == pytest.approx(brute)
    assert m.roc_auc(label.astype(float), label) == 1.0


def test_agreement_counts():
    m = _mod()
    pred = np.array([1, 1, 0, 0, 1, 0], bool)
    lab = np.array([1, 0, 0, 1, 1, 0], bool)
    a = m.agreement(pred, lab)
    assert a["accuracy"] == pytest.approx(4 / 6)
    assert a["precision"] == pytest.approx(2 / 3) and a["recall"] == pytest.approx(2 / 3)
    po, pe = 4 / 6, (3 * 3 + 3 * 3) / 36
    assert a["kappa"] == pytest.approx((po - pe) / (1 - pe))


@pytest.mark.realdata
def test_documented_twcs_figures(realdata):
    m = _mod()
    r = m.evaluate(realdata / "twcs" / "twcs_head5000.csv")
    doc = (ROOT / "docs" / "priorities.md").read_text(encoding="utf-8")
    row = re.search(r"^\| all \| ([\d,]+) \| (\d+)% \| ([\d.]+) \(.*?\) \| ([\d.]+) \(.*?\) \| ([\d.]+) \|", doc, re.M)
    assert row, "the twcs table is missing from docs/priorities.md"
    assert int(row.group(1).replace(",", "")) == r["all"]["n"]
    assert float(row.group(3)) == pytest.approx(r["all"]["auc_priority"], abs=0.0015)
    assert float(row.group(4)) == pytest.approx(r["all"]["auc_content"], abs=0.0015)
    assert float(row.group(5)) == pytest.approx(r["all"]["needs_action"]["accuracy"], abs=0.0015)
