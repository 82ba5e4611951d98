"""Live controls for tutors: pick an organisation, days and platforms, and redraw the P3 figures.

For teaching in JupyterLab only. The notebook's own figures are computed without these
controls (from the papermill parameters), so batch runs, nbval and HTML reports never depend
on a widget. ipywidgets is imported inside the function so ``import smlib`` stays light.

Example
-------
>>> smlib.widgets.monitor_controls("northway-rail")      # doctest: +SKIP
"""
from __future__ import annotations

from typing import Any

from .metrics import activity_days, default_days, monitor
from .summary import pct, platform_label


def monitor_controls(org: str = "northway-rail", days: Any = None, platforms: Any = None,
                     chart: str = "volume_by_day", dataset: Any = None) -> Any:
    """A box of controls (organisation, days, platforms, chart) and an output that redraws.

    Returns an ``ipywidgets.VBox``; display it as the last line of a cell. Nothing is drawn
    until the tutor presses "Show", so running the cell in a batch costs almost nothing.
    ``dataset``: the already-loaded Dataset for ``org`` (saves loading it twice).
    """
    import ipywidgets as w
    from IPython.display import display

    from . import charts
    from .sample import list_organisations, load_org
    from .summary import describe_activity

    cache: dict[str, Any] = {} if dataset is None else {org: dataset}

    def get(name: str) -> Any:
        if name not in cache:
            cache[name] = load_org(name)
        return cache[name]

    orgs = list(list_organisations())
    if org not in orgs:
        orgs.append(org)
    org_w = w.Dropdown(options=orgs, value=org, description="Organisation")
    days_w = w.SelectMultiple(description="Days", rows=8)
    plat_w = w.SelectMultiple(description="Platforms", rows=6)
    chart_w = w.Dropdown(options=list(charts.CHARTS), value=chart, description="Chart")
    show_w = w.Button(description="Show", button_style="primary", icon="refresh")
    out = w.Output()

    def fill(name: str, want_days: Any = None, want_plats: Any = None) -> None:
        ds = get(name)
        all_days = activity_days(ds)
        days_w.options = [(d.strftime("%a %d %b %Y"), d) for d in all_days]
        chosen = default_days(ds) if want_days is None else [
            d for d in all_days if d.isoformat() in {str(x) for x in want_days}]
        days_w.value = tuple(chosen)
        plats = sorted(map(str, ds.interactions["platform"].astype(str).unique()))
        plat_w.options = [(platform_label(p), p) for p in plats]
        plat_w.value = tuple(plats if want_plats is None else [p for p in plats if p in want_plats])

    def redraw(_: Any = None) -> None:
        out.clear_output()
        with out:
            if not days_w.value or not plat_w.value:
                print("Choose at least one day and one platform.")
                return
            res = monitor(get(org_w.value), days=list(days_w.value), platforms=list(plat_w.value))
            h = res["headline"]
            print(f"{res['meta']['name']}: {h['messages']} messages, {h['users']} people, "
                  f"{h['negative']} negative, answered {pct(h['answered_share'])}")
            fig = charts.CHARTS[chart_w.value](res, interactive=True)
            display(fig)
            print()
            print(describe_activity(res))

    org_w.observe(lambda ch: fill(ch["new"]), names="value")
    show_w.on_click(redraw)
    fill(org, days, platforms)
    return w.VBox([w.HBox([org_w, chart_w, show_w]), w.HBox([days_w, plat_w]), out])
