"""Asking for help politely is a request, not praise (session 14: Hopewell's report showed
"…does my company's donation get matched?. … Any help appreciated." as its example of the
"Praise and thanks" theme)."""
from __future__ import annotations

import pandas as pd

from smlib import metrics as M
from smlib.themes import add_themes

REQUESTS = ["Can I volunteer if I'm 16? Any help appreciated.",
            "Any advice would be much appreciated",
            "Could you check my order, thanks in advance",
            "I would appreciate a call back today"]
PRAISE = ["Really appreciate the help you gave my mum",
          "Thanks for sorting my refund so quickly",
          "Lovely staff, great coffee"]


def test_polite_requests_are_not_praise_in_feedback():
    kw = M._keywords()
    t = pd.Series(REQUESTS[2:] + PRAISE)
    assert M._has_phrase(t, kw["praise"]).tolist() == [False, False, True, True, True]
    # without the not_in list the requests count as praise
    assert M._has_phrase(t, {"phrases": kw["praise"]["phrases"]}).all()


def test_polite_requests_are_not_the_praise_theme():
    themes = add_themes(pd.DataFrame({"text": REQUESTS + PRAISE}))["themes"]
    assert ["praise" in t for t in themes] == [False] * len(REQUESTS) + [True] * len(PRAISE)
