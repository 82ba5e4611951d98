"""Instant feedback for the learner exercises in ``exercises/``.

A check cell is always::

    from smlib.checks import check
    check("p3.users")

which reads the learner's answer variables from the notebook and says ✓ or what is missing or
wrong — never the expected value (the OCR handbook's rule: feedback must not coach or give the
answer). Expected values are computed from the practice organisation's data at check time with
smlib's own functions, so nothing is stored in the notebooks.

Tasks live in one module per exercise: :mod:`.warmup`, :mod:`.p3`, :mod:`.m2`, :mod:`.p4`,
:mod:`.d1`; :data:`TASKS` lists them all.

>>> from smlib.checks import judge
>>> judge("warmup.rows", ...).status
'not_started'
"""
from __future__ import annotations

from ._core import DONE, NOT_STARTED, NOT_YET, TASKS, Feedback, Verdict, check, judge, practice_orgs
from ._context import Context, context_for

from . import d1, m2, p3, p4, warmup  # noqa: E402,F401  (registers every task)

__all__ = ["check", "judge", "Feedback", "Verdict", "TASKS", "Context", "context_for",
           "practice_orgs", "DONE", "NOT_YET", "NOT_STARTED"]
