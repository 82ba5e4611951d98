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

import difflib
import html
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable

from ..errors import DataError
from ..paths import data_file, file_stamp
from ._answers import as_text, is_blank, is_nan, one_value

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
                f'<b>{html.escape(_MARK[self.status])}</b> — {html.escape(str(self.title))}: '
                f'{html.escape(str(self.message))}</div>')


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


TEXT, MANY = "text", "many"
"""Answer kinds besides one value: written sentences, or a list/dictionary the task reads itself."""


@dataclass(frozen=True)
class Task:
    """One exercise task: the answer variables it reads and the function that judges them.

    ``kinds`` says what each answer should be: :data:`TEXT` (sentences), :data:`MANY` (a list
    or dictionary the judge reads itself) or, for one value, what that value is in learner
    words (``"whole number"``). :func:`judge` reads one-value and text answers kindly before the
    judge function sees them, so every task says the same thing about a table or a list given
    where one number was wanted.
    """

    key: str
    title: str
    answers: tuple[str, ...]
    judge: Callable[..., Verdict]
    exercise: str = field(default="")
    kinds: tuple[str, ...] = field(default=())


TASKS: dict[str, Task] = {}


def task(key: str, title: str, answers: tuple[str, ...],
         kinds: tuple[str, ...] | None = None) -> Callable[[Callable[..., Verdict]], Callable[..., Verdict]]:
    """Register a judge function ``judge(*answers, ctx) -> Verdict`` under ``key`` (e.g. ``"p3.users"``)."""
    def deco(fn: Callable[..., Verdict]) -> Callable[..., Verdict]:
        TASKS[key] = Task(key, title, answers, fn, key.split(".")[0],
                          tuple(kinds) if kinds else ("answer",) * len(answers))
        return fn
    return deco


# --------------------------------------------------------------------------- settings

def settings() -> dict[str, Any]:
    """The tutor-editable exercise settings in ``data/exercises.toml``, checked (a
    :class:`smlib.DataError` names the file and field); re-read when the file changes."""
    path = data_file("exercises.toml")
    return _settings(str(path), file_stamp(path))


@lru_cache(maxsize=2)
def _settings(path: str, stamp: Any) -> dict[str, Any]:
    from ..errors import DataError
    from ..paths import read_toml
    from ..sample import list_organisations
    data = read_toml(path, "exercise settings file")
    orgs = data.get("practice_orgs")
    known = list_organisations(include_practice=True)
    if not isinstance(orgs, list) or not orgs or not all(isinstance(o, str) for o in orgs):
        raise DataError(f"practice_orgs must be a list of organisations in quotes, e.g. "
                        f"[\"tidy-paws\", \"lakeside-cinema\"], got {orgs!r}", source=path,
                        field="practice_orgs")
    for o in orgs:
        if o not in known:
            near = difflib.get_close_matches(o, known, n=1, cutoff=0.6)
            hint = f"; did you mean {near[0]!r}?" if near else ""
            raise DataError(f"practice organisation {o!r} is not one of {', '.join(known)}{hint}",
                            source=path, field="practice_orgs")
    defaults = data.get("default_org", {})
    if not isinstance(defaults, dict):
        raise DataError("[default_org] must be a section of exercise = \"organisation\" lines",
                        source=path, field="default_org")
    for ex, o in defaults.items():
        if o not in orgs:
            raise DataError(f"default organisation {o!r} for {ex!r} must be one of practice_orgs "
                            f"({', '.join(orgs)})", source=path, field=f"default_org.{ex}")
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


def find_task(key: Any) -> tuple[Task | None, str]:
    """The task for a check name typed any way round (``" P3.Users "``), or None and a message."""
    typed = str(key).strip() if key is not None else ""
    norm = typed.lower().replace(" ", "")
    for k in (typed, norm):
        if k in TASKS:
            return TASKS[k], ""
    if not typed:
        return None, 'say which task to check, for example check("p3.users").'
    near = difflib.get_close_matches(norm, list(TASKS), n=1, cutoff=0.6)
    if near:
        return None, f'there is no check called "{typed[:40]}"; did you mean check("{near[0]}")?'
    return None, f'there is no check called "{typed[:40]}" — ask your tutor.'


def _read_answers(t: Task, values: tuple[Any, ...]) -> tuple[list[Any], str | None]:
    """Each answer read the way its kind asks (one value, text, or as given); or a problem."""
    out = []
    for name, kind, value in zip(t.answers, t.kinds, values):
        nan = (f"'{name}' is NaN (\"not a number\"): the code that worked it out found no "
               "value. Look at that code again.")
        if is_nan(value):   # NaN itself, or a one-value Series/list holding NaN (below)
            return [], nan
        if kind == MANY:
            out.append(value)
            continue
        read, problem = as_text(value, name) if kind == TEXT else one_value(value, name, kind)
        if problem is None and is_nan(read):
            problem = nan
        if problem:
            return [], problem
        out.append(read)
    return out, None


def judge(key: str, *values: Any, org: str | None = None, ctx: Any = None) -> Feedback:
    """Judge answers given directly (used by :func:`check` and by tests)."""
    from ._context import context_for

    t, why = find_task(key)
    if t is None:
        name = "check" if key is None else str(key)[:40]
        return Feedback(name, name, NOT_YET, why)
    key = t.key
    if len(values) != len(t.answers):
        names = " and ".join(f"'{n}'" for n in t.answers)
        return Feedback(key, t.title, NOT_YET,
                        f"this check needs {len(t.answers)} answer(s) ({names}) but was given "
                        f"{len(values)}; run it as check(\"{key}\").")
    missing = [n for n, v in zip(t.answers, values)
               if v is _MISSING or (is_blank(v) and not is_nan(v))]
    if missing:
        return _not_started(t, missing)
    try:
        values, problem = _read_answers(t, values)
    except Exception as exc:  # noqa: BLE001 - never a traceback in a learner's notebook
        values, problem = [], (f"the checker could not read your answer ({type(exc).__name__}). "
                               "Look at what the task asks for and try again.")
    if problem:
        return Feedback(key, t.title, NOT_YET, problem)
    if ctx is None:
        if isinstance(org, str):
            org = org.strip().lower() or None
        try:
            org = org or default_org(t.exercise)
            allowed = practice_orgs()
        except Exception as exc:  # noqa: BLE001 - a broken settings file is the tutor's to fix
            what = str(exc) if isinstance(exc, ValueError) else type(exc).__name__   # DataError: where
            return Feedback(key, t.title, NOT_YET,
                            f"the exercise settings (data/exercises.toml) could not be read "
                            f"({what}); tell your tutor.")
        if org not in allowed:
            near = difflib.get_close_matches(str(org), allowed, n=1, cutoff=0.6)
            hint = f' (did you mean "{near[0]}"?)' if near else ""
            return Feedback(key, t.title, NOT_YET,
                            "these exercises only work with the practice organisations ("
                            + ", ".join(allowed) + f"); set 'org' to one of them{hint}.")
        try:
            ctx = context_for(org)
        except Exception as exc:  # noqa: BLE001 - never a traceback in a learner's notebook
            what = str(exc) if isinstance(exc, DataError) else type(exc).__name__
            return Feedback(key, t.title, NOT_YET,
                            f"the checker could not load the practice data ({what}); "
                            "tell your tutor.")
    try:
        verdict = t.judge(*values, ctx=ctx)
    except DataError as exc:  # a tutor's data file (priority rules, tools, ...) is broken
        return Feedback(key, t.title, NOT_YET,
                        f"the checker could not read one of the course's data files ({exc}); "
                        "this is not your answer's fault: tell your tutor.")
    except Exception as exc:  # noqa: BLE001
        return Feedback(key, t.title, NOT_YET,
                        f"the checker could not read your answer ({type(exc).__name__}). "
                        "Look at what the task asks for and try again.")
    return Feedback(key, t.title, DONE if verdict.ok else NOT_YET, verdict.message)


def check(key: Any = None, *values: Any) -> Feedback:
    """Check the learner's answer(s) for task ``key`` and say ✓ or what is not right yet.

    Without ``values`` the answer variables are read from the notebook's namespace (the
    caller's globals), together with ``org`` when the notebook sets it.
    """
    t, _ = find_task(key)
    caller = sys._getframe(1).f_globals
    org = caller.get("org") if isinstance(caller.get("org"), str) else None
    if t is not None and not values:
        values = tuple(caller.get(n, _MISSING) for n in t.answers)
    return judge(t.key if t is not None else key, *values, org=org)
