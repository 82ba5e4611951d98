"""One call for the usual analysis chain: sentiment → themes → response times → priorities.

Each step adds columns and returns a new frame; :func:`enrich` just runs them in order on a
:class:`~smlib.schema.Dataset` so notebooks and reports need one line, not four.

Example
-------
>>> import smlib
>>> ds = smlib.enrich(smlib.load_sample("hopewell-trust"))          # doctest: +SKIP
>>> ds.interactions[["sentiment_label", "themes", "category", "priority"]].head()  # doctest: +SKIP
"""
from __future__ import annotations

from .schema import Dataset, analysis_frame
from .threads import response_times


def enrich(dataset: Dataset, corrections=None, sentiment: bool = True, themes: bool = True,
           priorities: bool = True) -> Dataset:
    """Return a new Dataset whose interactions carry every analysis column.

    ``corrections`` (a frame or CSV path of learners' sentiment overrides) is passed to
    :func:`smlib.add_sentiment`. Steps can be switched off, e.g. ``priorities=False``.
    """
    from .sentiment import add_sentiment
    from .themes import add_themes

    frame = analysis_frame(dataset.interactions, "enrich")
    dataset = dataset if frame is dataset.interactions else dataset.replace(interactions=frame)
    if sentiment:
        frame = add_sentiment(frame, corrections=corrections)
    if themes:
        frame = add_themes(frame)
    frame = response_times(frame, dataset.profile)
    if priorities:
        from .priority import prioritise
        # as a Dataset: a file with no message by the organisation cannot show replies, and
        # prioritise then does not score waits (replies_known)
        frame = prioritise(dataset.replace(interactions=frame))
    return dataset.replace(interactions=frame)
