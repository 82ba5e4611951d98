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

import importlib

from ._core import DONE, NOT_STARTED, NOT_YET, TASKS, Feedback, Verdict, check, judge, practice_orgs
from ._context import Context, context_for

_EXERCISE_MODULES = ("warmup", "p3", "m2", "p4", "d1")
for _name in _EXERCISE_MODULES:
    try:
        importlib.import_module(f".{_name}", __name__)
    except ModuleNotFoundError as _exc:  # an exercise whose library part has not landed yet
        if not str(_exc.name or "").startswith(__name__):
            raise

__all__ = ["check", "judge", "Feedback", "Verdict", "TASKS", "Context", "context_for",
           "practice_orgs", "DONE", "NOT_YET", "NOT_STARTED"]
