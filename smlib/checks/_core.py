"""The feedback object, the task registry and :func:`check`, the one call exercise cells make.

A check cell in an exercise notebook is always::

    from smlib.checks import check
    check("p3.users")

:func:`check` looks up the task, reads the learner's answer variable(s) from the notebook (so it
works whatever order cells were run in, and says "not yet done" when the answer cell has not run),
works out the expected result **from the data at check time** with smlib's own functions, and
returns a :class:`Feedback`. Feedback follows the qualification handbook: it says ✓, or what is
missing or wrong, and never gives the expected value or the answer.
"""
from __future__ import annotations

import html
import sys
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable

from ..paths import data_file
from ._answers import is_blank

DONE, NOT_YET, NOT_STARTED = "done", "not_yet", "not_started"
_MARK = {DONE: "✓", NOT_YET: "✗ Not yet", NOT_STARTED: "… Not yet done"}
_COLOUR = {DONE: "#1b7f3b", NOT_YET: "#a33a00", NOT_STARTED: "#555555"}


@dataclass(frozen=True)
class Feedback:
    """The result of one check: ``status`` is ``"done"``, ``"not_yet"`` or ``"not_started"``."""

    task: str
    title: str
    status: str
    message: str

    @property
    def ok(self) -> bool:
        return self.status == DONE

    def __str__(self) -> str:
        return f"{_MARK[self.status]} — {self.title}: {self.message}"

    __repr__ = __str__

    def _repr_html_(self) -> str:
        return (f'<div style="border-left:4px solid {_COLOUR[self.status]};padding:4px 8px;">'
                f'<b>{html.escape(_MARK[self.status])}</b> — {html.escape(self.title)}: '
                f'{html.escape(self.message)}</div>')


@dataclass(frozen=True)
class Verdict:
    """What a task function returns: passed or not, and the learner-facing message."""

    ok: bool
    message: str

    @classmethod
    def yes(cls, message: str = "well done.") -> "Verdict":
        return cls(True, message)

    @classmethod
    def no(cls, message: str) -> "Verdict":
        return cls(False, message)


@dataclass(frozen=True)
class Task:
    """One exercise task: the answer variables it reads and the function that judges them."""

    key: str
    title: str
    answers: tuple[str, ...]
    judge: Callable[..., Verdict]
    exercise: str = field(default="")


TASKS: dict[str, Task] = {}


def task(key: str, title: str, answers: tuple[str, ...]) -> Callable[[Callable[..., Verdict]], Callable[..., Verdict]]:
    """Register a judge function ``judge(*answers, ctx) -> Verdict`` under ``key`` (e.g. ``"p3.users"``)."""
    def deco(fn: Callable[..., Verdict]) -> Callable[..., Verdict]:
        TASKS[key] = Task(key, title, answers, fn, key.split(".")[0])
        return fn
    return deco


# --------------------------------------------------------------------------- settings

@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """The tutor-editable exercise settings in ``data/exercises.toml``."""
    path = data_file("exercises.toml")
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    return data


def practice_orgs() -> list[str]:
    """Organisations learners practise on (never the ones used for assessment)."""
    return list(settings().get("practice_orgs", []))


def default_org(exercise: str = "") -> str:
    """The practice organisation an exercise uses when the notebook does not set ``org``."""
    d = settings().get("default_org", {})
    return str(d.get(exercise) or practice_orgs()[0])


# --------------------------------------------------------------------------- the check call

_MISSING = object()


def _not_started(t: Task, missing: list[str]) -> Feedback:
    names = " and ".join(f"'{n}'" for n in missing)
    return Feedback(t.key, t.title, NOT_STARTED,
                    f"fill in {names} above and run that cell, then run this check again.")


def judge(key: str, *values: Any, org: str | None = None, ctx: Any = None) -> Feedback:
    """Judge answers given directly (used by :func:`check` and by tests)."""
    from ._context import context_for

    t = TASKS.get(key)
    if t is None:
        return Feedback(key, key, NOT_YET, "this check does not exist — ask your tutor.")
    missing = [n for n, v in zip(t.answers, values) if v is _MISSING or is_blank(v)]
    if missing:
        return _not_started(t, missing)
    if ctx is None:
        try:
            org = org or default_org(t.exercise)
            allowed = practice_orgs()
        except Exception as exc:  # noqa: BLE001 - a broken settings file is the tutor's to fix
            return Feedback(key, t.title, NOT_YET,
                            f"the exercise settings (data/exercises.toml) could not be read "
                            f"({type(exc).__name__}); tell your tutor.")
        if org not in allowed:
            return Feedback(key, t.title, NOT_YET,
                            "these exercises only work with the practice organisations ("
                            + ", ".join(practice_orgs()) + "); set 'org' to one of them.")
        try:
            ctx = context_for(org)
        except Exception as exc:  # noqa: BLE001 - never a traceback in a learner's notebook
            return Feedback(key, t.title, NOT_YET,
                            f"the checker could not load the practice data ({type(exc).__name__}); "
                            "tell your tutor.")
    try:
        verdict = t.judge(*values, ctx=ctx)
    except Exception as exc:  # noqa: BLE001
        return Feedback(key, t.title, NOT_YET,
                        f"the checker could not read your answer ({type(exc).__name__}). "
                        "Look at what the task asks for and try again.")
    return Feedback(key, t.title, DONE if verdict.ok else NOT_YET, verdict.message)


def check(key: str, *values: Any) -> Feedback:
    """Check the learner's answer(s) for task ``key`` and say ✓ or what is not right yet.

    Without ``values`` the answer variables are read from the notebook's namespace (the
    caller's globals), together with ``org`` when the notebook sets it.
    """
    t = TASKS.get(key)
    caller = sys._getframe(1).f_globals
    org = caller.get("org") if isinstance(caller.get("org"), str) else None
    if t is not None and not values:
        values = tuple(caller.get(n, _MISSING) for n in t.answers)
    return judge(key, *values, org=org)
