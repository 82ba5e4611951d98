"""Evaluate smlib's sentiment against human labels: plain VADER vs smlib, side by side.

Data (not bundled; CC BY-NC-SA, evaluation only): ``../shared/realdata/airline/Tweets.csv``,
14,640 tweets to US airlines labelled negative / neutral / positive by CrowdFlower workers.
smlib's lexicon and rules were designed from general customer-service language and the
bundled sample, *not* from these tweets; this script only measures.

A second, unlabelled check uses real customer-support tweets (twcs): customers' inbound
tweets to support accounts are mostly problems, brands' outbound replies are polite. We use
"how well the score separates inbound from outbound" (ROC AUC) as an honest *proxy*, and the
share of each flagged negative. It is not a label: brand apologies ("sorry your parcel is
late") are fairly read as negative text.

Run::

    .venv/bin/python evaluation/sentiment_airline.py            # prints the tables
    .venv/bin/python evaluation/sentiment_airline.py --markdown # the same, as markdown
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from smlib.paths import shared_dir  # noqa: E402
from smlib.sentiment import (LABELS, NEGATIVE_BELOW, POSITIVE_FROM, score_texts,  # noqa: E402
                             vader_scores)

TARGETS = {"accuracy": 0.75, "macro_f1": 0.70, "negative_recall": 0.85, "negative_precision": 0.85}


def airline_path(shared: Path | None = None) -> Path | None:
    s = shared if shared is not None else shared_dir()
    p = None if s is None else Path(s) / "realdata" / "airline" / "Tweets.csv"
    return p if p is not None and p.is_file() else None


def load_airline(path: Path) -> pd.DataFrame:
    """The airline tweets: ``text``, ``label`` (human), ``reason`` (negativereason or NA)."""
    df = pd.read_csv(path, dtype=str)
    return pd.DataFrame({"text": df["text"].fillna(""), "label": df["airline_sentiment"],
                         "reason": df["negativereason"]})


def vader_labels(scores: list[float] | np.ndarray) -> np.ndarray:
    """VADER's recommended cut-offs: ≥ 0.05 positive, ≤ −0.05 negative."""
    s = np.asarray(scores, dtype=float)
    return np.where(s >= 0.05, "positive", np.where(s <= -0.05, "negative", "neutral"))


def confusion(truth, pred, labels=LABELS) -> pd.DataFrame:
    """Rows = human label, columns = predicted label, counts."""
    t = pd.Categorical(np.asarray(truth, dtype=object), categories=list(labels))
    p = pd.Categorical(np.asarray(pred, dtype=object), categories=list(labels))
    m = np.zeros((len(labels), len(labels)), dtype=int)
    np.add.at(m, (t.codes, p.codes), 1)
    return pd.DataFrame(m, index=pd.Index(labels, name="human"), columns=pd.Index(labels, name="predicted"))


def metrics(truth, pred, labels=LABELS) -> dict:
    """Accuracy, macro-F1 and per-class precision / recall / F1 from a confusion matrix."""
    cm = confusion(truth, pred, labels).to_numpy()
    total = cm.sum()
    out: dict = {"n": int(total), "accuracy": float(np.trace(cm) / total) if total else float("nan")}
    f1s = []
    for k, lab in enumerate(labels):
        tp = cm[k, k]
        pp = cm[:, k].sum()
        ap = cm[k, :].sum()
        prec = tp / pp if pp else 0.0
        rec = tp / ap if ap else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[f"{lab}_precision"], out[f"{lab}_recall"], out[f"{lab}_f1"] = float(prec), float(rec), float(f1)
        out[f"{lab}_support"] = int(ap)
        f1s.append(f1)
    out["macro_f1"] = float(np.mean(f1s))
    return out


def roc_auc(pos_scores, neg_scores) -> float:
    """Probability that a random 'pos' item scores higher than a random 'neg' one (ties ½)."""
    a = np.asarray(pos_scores, dtype=float)
    b = np.asarray(neg_scores, dtype=float)
    if len(a) == 0 or len(b) == 0:
        return float("nan")
    allv = np.concatenate([a, b])
    ranks = pd.Series(allv).rank(method="average").to_numpy()
    return float((ranks[:len(a)].sum() - len(a) * (len(a) + 1) / 2) / (len(a) * len(b)))


def evaluate_airline(path: Path) -> dict:
    """Score the airline tweets with plain VADER and smlib; return truths, predictions, metrics."""
    df = load_airline(path)
    v = vader_scores(df["text"])
    s = score_texts(df["text"])
    vl = vader_labels(v)
    sl = s["sentiment_label"].to_numpy()
    return {"n": len(df), "truth": df["label"].to_numpy(), "vader_pred": vl, "smlib_pred": sl,
            "vader": metrics(df["label"], vl), "smlib": metrics(df["label"], sl),
            "vader_confusion": confusion(df["label"], vl), "smlib_confusion": confusion(df["label"], sl),
            "smlib_scores": s["sentiment"].to_numpy(), "vader_scores": np.asarray(v)}


def load_twcs(shared: Path) -> pd.DataFrame | None:
    """Real customer-support tweets (inbound customers + outbound brands), from two random/head files."""
    frames = []
    for name in ("twcs_random5000.csv", "twcs_head5000.csv"):
        p = Path(shared) / "realdata" / "twcs" / name
        if p.is_file():
            d = pd.read_csv(p, dtype=str, lineterminator="\n")
            d.columns = [c.strip() for c in d.columns]
            frames.append(d[["tweet_id", "inbound", "text"]])
    if not frames:
        return None
    d = pd.concat(frames).drop_duplicates("tweet_id")
    d["inbound"] = d["inbound"].str.strip().str.lower().eq("true")
    d["text"] = d["text"].fillna("").str.replace("\r", " ")
    return d


def evaluate_twcs(shared: Path) -> dict | None:
    """Proxy check on unlabelled support tweets: inbound (customers) vs outbound (brands)."""
    d = load_twcs(shared)
    if d is None:
        return None
    v = np.asarray(vader_scores(d["text"]))
    s = score_texts(d["text"])["sentiment"].to_numpy()
    inb = d["inbound"].to_numpy()
    res = {"n_inbound": int(inb.sum()), "n_outbound": int((~inb).sum())}
    for name, sc in (("vader", v), ("smlib", s)):
        neg = sc <= -0.05
        res[name] = {"auc_inbound_more_negative": roc_auc(-sc[inb], -sc[~inb]),
                     "inbound_negative_share": float(neg[inb].mean()),
                     "outbound_negative_share": float(neg[~inb].mean())}
    return res


def load_twcs_labelled(shared: Path) -> pd.DataFrame | None:
    """The hand-labelled twcs tweets (ids and labels in evaluation/twcs_labels.csv, text from ../shared)."""
    p = Path(shared) / "realdata" / "twcs" / "twcs_random5000.csv"
    lab_path = Path(__file__).resolve().parent / "twcs_labels.csv"
    if not p.is_file() or not lab_path.is_file():
        return None
    d = pd.read_csv(p, dtype=str, lineterminator="\n")
    d.columns = [c.strip() for c in d.columns]
    labels = pd.read_csv(lab_path, dtype=str, comment="#")
    out = labels.merge(d[["tweet_id", "text"]], on="tweet_id", how="left")
    out["text"] = out["text"].fillna("").str.replace("\r", " ")
    return out


def evaluate_twcs_labelled(shared: Path) -> dict | None:
    """Plain VADER vs smlib on the hand-labelled customer-support tweets, per split (dev / test)."""
    d = load_twcs_labelled(shared)
    if d is None:
        return None
    d["vader_pred"] = vader_labels(vader_scores(d["text"]))
    d["smlib_pred"] = score_texts(d["text"])["sentiment_label"].to_numpy()
    res = {"frame": d}
    for split, g in d.groupby("split"):
        res[split] = {"n": len(g), "vader": metrics(g["label"], g["vader_pred"]),
                      "smlib": metrics(g["label"], g["smlib_pred"])}
    return res


def _fmt_side_by_side(r: dict) -> str:
    rows = [("accuracy", "accuracy"), ("macro-F1", "macro_f1")]
    for lab in LABELS:
        rows += [(f"{lab} precision", f"{lab}_precision"), (f"{lab} recall", f"{lab}_recall"),
                 (f"{lab} F1", f"{lab}_f1")]
    lines = ["| measure | plain VADER | smlib | target |", "|---|---:|---:|---:|"]
    for title, key in rows:
        tgt = TARGETS.get(key)
        lines.append(f"| {title} | {r['vader'][key]:.3f} | {r['smlib'][key]:.3f} | "
                     f"{'≥ %.2f' % tgt if tgt else ''} |")
    return "\n".join(lines)


def _fmt_confusion(cm: pd.DataFrame, title: str) -> str:
    lines = [f"{title} (rows = human label, columns = predicted)", "",
             "| human \\ predicted | " + " | ".join(cm.columns) + " |", "|---|" + "---:|" * len(cm.columns)]
    for lab, row in cm.iterrows():
        lines.append(f"| {lab} | " + " | ".join(str(int(x)) for x in row) + " |")
    return "\n".join(lines)


def report(shared: Path | None = None) -> str:
    """The full markdown report (airline side by side, confusion matrices, twcs proxy)."""
    path = airline_path(shared)
    if path is None:
        return "../shared/realdata/airline/Tweets.csv not found: nothing to evaluate."
    r = evaluate_airline(path)
    out = [f"## Airline tweets ({r['n']:,} human-labelled)", "",
           f"smlib neutral band: negative ≤ {NEGATIVE_BELOW}, positive ≥ {POSITIVE_FROM}; "
           "plain VADER: its recommended ±0.05.", "", _fmt_side_by_side(r), "",
           _fmt_confusion(r["vader_confusion"], "Plain VADER"), "",
           _fmt_confusion(r["smlib_confusion"], "smlib"), ""]
    met = {k: r["smlib"][k] >= t for k, t in TARGETS.items()}
    out.append("Targets met: " + ", ".join(f"{k} {'yes' if ok else 'NO'}" for k, ok in met.items()))
    sh = Path(shared) if shared else shared_dir()
    lab = evaluate_twcs_labelled(sh)
    if lab:
        out += ["", "## Customer-support tweets, hand-labelled (twcs; ids and labels in evaluation/twcs_labels.csv)", "",
                "| split | n | measure | plain VADER | smlib |", "|---|---:|---|---:|---:|"]
        for split in ("dev", "test"):
            if split in lab:
                r2 = lab[split]
                for key in ("accuracy", "macro_f1", "negative_precision", "negative_recall"):
                    out.append(f"| {split} | {r2['n']} | {key.replace('_', ' ')} | {r2['vader'][key]:.3f} | "
                               f"{r2['smlib'][key]:.3f} |")
    tw = evaluate_twcs(sh)
    if tw:
        out += ["", f"## Customer-support tweets, proxy check ({tw['n_inbound']:,} inbound customer tweets, "
                f"{tw['n_outbound']:,} outbound brand replies; no human labels)", "",
                "| measure | plain VADER | smlib |", "|---|---:|---:|"]
        for key, title in (("auc_inbound_more_negative", "AUC: customers' tweets score lower than brands'"),
                           ("inbound_negative_share", "customer tweets flagged negative"),
                           ("outbound_negative_share", "brand replies flagged negative")):
            out.append(f"| {title} | {tw['vader'][key]:.3f} | {tw['smlib'][key]:.3f} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=None, help="the shared folder (default ../shared)")
    ap.add_argument("--markdown", action="store_true", help="(tables are markdown either way)")
    args = ap.parse_args(argv)
    print(report(args.shared))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
