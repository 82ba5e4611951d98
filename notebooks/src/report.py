# %% [markdown] tags=["remove-cell"]
# # Social media monitoring report
# Run by `smlib report` for each organisation (papermill sets the parameters below). To make a
# report by hand: change `org` (a sample organisation, see `smlib orgs`, or a path to an export)
# and run all cells. The code is hidden in the HTML version.

# %% tags=["parameters"]
org = "northway-rail"
days = None
out_dir = None
show_handles = False
corrections = None   # a CSV of people's sentiment corrections (platform,message_id,sentiment_label)
org_handles = None   # an export's own handles (a list), so its posts count as the organisation's

# %%
import os

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import plotly.io as pio

import smlib
from smlib import reportview as rv
from smlib.metrics import available
from smlib.priority import priority_queue
from smlib.report import write_action_queue, write_metrics
from smlib.summary import platform_label
from smlib.strong_language import content_note   # a warning before real messages with swearing
from smlib.tools import select_days

# Charts must survive the conversion to HTML and work offline: "notebook" embeds plotly.js once.
pio.renderers.default = "plotly_mimetype+notebook"

ds = smlib.load_org(org, org_handles=org_handles)
profile = ds.profile
name = smlib.summary.display_name(ds) or str(org)   # a name or handle, never a code
# the organisation's own names stay readable: its profile's handles, the authors the data marks
# as the organisation, and the organisation(s) the file is about ("@united" in airline tweets)
keep = tuple(smlib.metrics.org_handles(ds))
monitor_days = list(days) if days else [d.isoformat() for d in smlib.default_days(ds, 5)]
full = smlib.enrich(ds, corrections=corrections)   # sentiment -> themes -> response times -> priority
res = smlib.monitor(full, monitor_days)
comparison = smlib.compare_periods(full, monitor_days)
period = select_days(full.interactions, monitor_days, profile)
customers = period[~period["author_is_org"]]
h = res["headline"]
# Library functions return pseudonyms; a staff copy (show_handles=True) puts the real handles back.
real = rv.handle_map(full.interactions) if show_handles else None

# %%
rv.heading(rv.report_title(name),
           sub=" · ".join(filter(None, [profile.sector if profile else "",
                                        "Monitoring days: " + ", ".join(
                                            pd.Timestamp(d).strftime("%a %d %b %Y") for d in res["meta"]["days"]),
                                        "Platforms: " + ", ".join(platform_label(p) for p in res["meta"]["platforms"])])))

# %% [markdown]
# *OCR Cambridge Technicals Level 2 IT, Unit 3, LO2: monitoring and reporting on social media activity.*
# This report is made by a program from the organisation's messages. Use it to check your own
# monitoring: each section says which grading criterion it helps with (P3, M2, P4, D1).

# %%
summary = ds.load_summary
rv.paragraph(" ".join(s for s in [
    # a file with nothing by or to the organisation: say so before any figure
    smlib.summary.not_about_org_sentence(res, name),
    rv.data_sentence(summary, summary.get("rows_kept", len(ds.interactions)), len(period)),
    # the loader's notes in words, as notebook 01 shows them (no code); they can quote values
    # from the file (authors' handles and names, e-mails), so they are pseudonymised
    *smlib.summary.warning_notes(ds, keep=keep, show_handles=show_handles, every_note=True),
    ("Customer handles are shown as pseudonyms." if not show_handles
     else "Customer handles are shown as written (staff copy: do not share)."),
    rv.time_zone_sentence(res["meta"]["timezone"], from_profile=profile is not None),
    rv.ratings_sentence(full.interactions),
    rv.corrections_sentence(full.interactions),
    content_note(res["meta"].get("strong_language") or 0)] if s), note=True)

# %% [markdown]
# ## P3 — What happened on the monitoring days
# P3 asks you to **monitor** the organisation's interaction with its followers over five days,
# across its platforms, and **summarise** it. The boxes give the headline figures; the paragraphs
# below them say the same in words — compare them with your own notes.

# %%
rv.kpi_cards([
    ("Messages", rv.fmt_number(h.get("messages")), "in total, all platforms"),
    ("From the public", rv.fmt_number(h.get("customer_messages")), "customers and followers"),
    ("People", rv.fmt_number(h.get("users")), f"{rv.fmt_number(h.get('new_users'))} of them new"
     if h.get("new_users") is not None else "new or returning not known"),
    ("Negative", rv.fmt_number(h.get("negative_share"), "pct"),
     "of messages from the public" if h.get("customer_messages") else "no messages from the public"),
    ("Answered", rv.answered_text(h.get("answered_share"), res["meta"].get("replies_not_in_file")),
     ("no message by the organisation is in this file" if not res["meta"].get("org_in_file", True) else
      "of messages from the public" + (
          f"; {rv.fmt_number(res['meta']['replies_not_in_file'])} more "
          f"{'has a reply' if res['meta']['replies_not_in_file'] == 1 else 'have replies'} not in this file"
          if res["meta"].get("replies_not_in_file") else ""))
     if h.get("customer_messages") else "no messages from the public"),
    ("Median first reply", rv.fmt_number(h.get("first_response_median_minutes"), "minutes"),
     "half were answered faster" if h.get("first_response_median_minutes") is not None
     else "no replies to time"),
    ("Busiest platform" if len(h.get("busiest_platforms") or []) < 2 else "Busiest platforms",
     " and ".join(platform_label(p) for p in h.get("busiest_platforms") or []) or "n/a",
     "most messages" if len(h.get("busiest_platforms") or []) < 2 else "equal most messages"),
    ("Top theme", smlib.themes.theme_labels().get(h.get("top_theme"), str(h.get("top_theme") or "n/a")),
     "what people talked about"),
])

# %%
rv.paragraph(rv.reveal(smlib.describe_activity(res, comparison=comparison), real))

# %% [markdown]
# ### Messages each day
# Who was talking each day: the business (its own posts and replies) or the public.

# %%
daily = res["daily"].copy()
daily["label"] = smlib.charts.day_labels(list(daily["day"]))   # with the year when the days differ
fig = go.Figure([
    go.Bar(x=daily["label"], y=daily["by_business"], name="By the business",
           marker_color=rv.COLOURS["by_business"]),
    go.Bar(x=daily["label"], y=daily["by_followers"], name="By the public",
           marker_color=rv.COLOURS["by_followers"])])
fig.update_layout(barmode="stack")
rv.count_axis(fig, (daily["by_business"] + daily["by_followers"]).max())   # whole messages only
rv.style_figure(fig, f"Messages per monitoring day — {name}", "Monitoring day", "Messages").show()

# %% [markdown]
# ### Messages on each platform

# %%
vol = res["volume_by_platform"]
vol = vol[vol["platform"] != "all"].copy()
vol["Platform"] = vol["platform"].map(platform_label)
fig = go.Figure([
    go.Bar(x=vol["Platform"], y=vol["by_business"], name="By the business",
           marker_color=rv.COLOURS["by_business"]),
    go.Bar(x=vol["Platform"], y=vol["by_followers"], name="By the public",
           marker_color=rv.COLOURS["by_followers"])])
fig.update_layout(barmode="stack")
rv.count_axis(fig, (vol["by_business"] + vol["by_followers"]).max())
rv.style_figure(fig, "Messages per platform over the monitoring days", "Platform", "Messages").show()

# %% [markdown]
# ### Users and customer care on each platform
# *Users* are the different people who wrote; *answered* means the business replied by the end of
# the last monitoring day; *median* means half of the replies came faster than this.

# %%
users = rv.readable(res["users"])   # platform codes as names ("All platforms", "Review sites")
per_platform = int(users.loc[users["platform"] != "All platforms", "users"].sum())
everyone = users.loc[users["platform"] == "All platforms", "users"]
both = per_platform - int(everyone.iloc[0]) if len(everyone) else 0
rv.table(users, {"platform": "Platform", "users": "People", "new_users": "New",
                 "returning_users": "Returning", "messages": "Messages from them", "note": "Note"},
         note=(f"Someone who wrote on more than one platform is counted on each of them but only once "
               f"in All platforms, so the platforms add up to {per_platform:,}, not {int(everyone.iloc[0]):,}."
               if both > 0 else None))

# %%
care = rv.readable(res["customer_care"])
care["median"] = care["median_minutes"].map(lambda m: rv.fmt_number(m, "minutes"))
rv.table(care, {"platform": "Platform", "customer_messages": "Messages from the public",
                "answered": "Answered", "answered_share": "Share answered",
                "waiting": "Still waiting", "median": "Median first reply"},
         percent=["answered_share"],
         note=("Still waiting counts every message from the public without a reply, chat included; "
               "the M2 action queue below holds only the ones that need action."
               if res["meta"].get("org_in_file", True) else
               "This file holds no message by the organisation, so it cannot show which messages "
               "were answered: those columns are left empty."))

# %% [markdown]
# ### Followers, locations and age groups
# These come from the platforms' own insights (as a page owner sees them). Where a platform does
# not give them, the table says so.

# %%
followers = res["followers"]
if available(followers):
    f = rv.readable(followers)
    display(rv.table(f, {"platform": "Platform", "followers_start": "Followers at start",
                         "followers_end": "Followers at end", "change": "Change",
                         "change_pct": "Change (%)"}))
else:
    display(rv.paragraph(str(followers["note"].iloc[0]), note=True))
loc = res["location_summary"]
home = res["meta"].get("home_country")
if available(loc) and not home:
    display(rv.paragraph("Where people are is not split into home and abroad: there is no organisation "
                         "profile to say which country is home.", note=True))
elif available(loc) and not (loc["national"].fillna(0) + loc["international"].fillna(0)).gt(0).any():
    display(rv.paragraph("No insight and no message says where people are.", note=True))
elif available(loc):
    country = smlib.summary.country_name(home)
    loc = loc.assign(source=loc["source"].map(
        lambda p: "Messages that say where" if p == "messages" else platform_label(p)))
    display(rv.table(loc, {"source": "Source", "national": f"In {country} (national)",
                           "international": "Abroad (international)",
                           "national_share": f"Share in {country}"}, percent=["national_share"]))
age = res["age"]
if available(age):
    a = age.copy()
    a["platform"] = a["platform"].map(platform_label)
    fig = px.bar(a, x="age_band", y="share", color="platform", barmode="group",
                 category_orders={"age_band": list(smlib.schema.AGE_BANDS)},
                 labels={"age_band": "Age group", "share": "Share of followers", "platform": "Platform"})
    fig.update_yaxes(tickformat=".0%")
    rv.style_figure(fig, "Followers by age group", "Age group", "Share of followers",
                    legend="Platform").show()

# %% [markdown]
# ### Compared with the previous period and the organisation's targets
# The previous period is the same number of days with activity just before the first monitoring day.
# A change in a share is in percentage points (**pts**): going from 40% to 30% answered is −10 pts.

# %%
cmp = comparison.copy()
cmp = cmp[cmp["figure"].isin(["messages", "customer_messages", "users", "negative_share",
                              "answered_share", "first_response_median_minutes",
                              "engagement_rate", "follower_growth_pct", "waiting"])]
cmp = rv.figures_for_people(cmp, ["this_period", "previous_period", "change", "target"])
rv.table(cmp, {"meaning": "Figure", "this_period": "Monitoring days", "previous_period": "Previous period",
               "change": "Change", "target": "Target", "status": "Target met?"})

# %% [markdown]
# ## Themes and sentiment — what people said and how they felt
# Each message from the public is given a **sentiment** (negative, neutral or positive) by a word
# list built for customer service, and **themes** from keywords a tutor can edit. Computers get
# some messages wrong (sarcasm is hard): read the examples and decide if you agree.

# %%
if len(customers):
    rv.platform_bars(customers, "sentiment_label", "Sentiment", ["Negative", "Neutral", "Positive"],
                     "How the public felt, per platform", "Messages from the public").show()
else:
    display(rv.paragraph("Nobody from the public wrote on the monitoring days, so there is no "
                         "sentiment (how people felt) to show.", note=True))

# %%
themes = res["themes"]
if available(themes):
    t = themes.copy()
    labels = smlib.themes.theme_labels()
    t["theme"] = t["theme"].astype(str).map(lambda k: labels.get(k, k.replace("_", " ")))
    display(rv.message_table(rv.reveal_frame(t.rename(columns={"example": "text"}), real),
                             headings={"theme": "Theme", "messages": "Messages", "share": "Share",
                                       "negative": "Negative", "text": "Example message"},
                             show_handles=True, max_rows=12, percent=["share"],
                             empty="No message from the public on the monitoring days, so there "
                                   "are no themes to show."))
else:
    display(rv.paragraph(str(themes["note"].iloc[0]), note=True))

# %% [markdown]
# ### Words that stand out in complaints
# Words and phrases used much more in negative messages than in the rest. An empty *known theme*
# means the theme list does not know this one yet — something new to watch.

# %%
found = smlib.discover_themes(period, top=8, keep=keep)
if len(found):
    found = smlib.themes.discoveries_for_people(found)
    display(rv.table(rv.reveal_frame(found, real),
                     {"term": "Word or phrase", "negative_messages": "In negative messages",
                      "other_messages": "In other messages", "known_theme": "Known theme",
                      "examples": "Examples"}))
else:
    display(rv.paragraph("No word or phrase was used often enough in negative messages to stand out.",
                         note=True))

# %%
fb = res["feedback"]
if available(fb):
    fb = fb.assign(type=fb["type"].map({"question": "Questions", "suggestion": "Suggestions",
                                        "praise": "Praise"}).fillna(fb["type"]))
    display(rv.message_table(rv.reveal_frame(fb.rename(columns={"example": "text"}), real),
                             headings={"type": "Stakeholder feedback", "messages": "Messages",
                                       "share": "Share", "text": "Example"}, show_handles=True,
                             percent=["share"],
                             empty="No questions, suggestions or praise from the public."))

# %% [markdown]
# ## M2 — Sorting and prioritising the activity
# M2 asks you to sort the activity into **posted by the business**, **needs action** and
# **no action**, to put the messages needing action in priority order, and to give reasons for
# the highest and the lowest. Each score below is the sum of the reasons shown next to it.

# %%
if len(period):
    rv.platform_bars(period, "category", "Category", ["Posted by the business", "Needs action", "No action"],
                     "Activity sorted into the three M2 categories", "Messages").show()
else:
    display(rv.paragraph("There were no messages on the monitoring days to sort.", note=True))

# %%
counts = period["category"].value_counts()
rv.kpi_cards([
    ("Posted by the business", rv.fmt_number(counts.get("posted_by_business", 0)), "the organisation's own"),
    ("Needs action", rv.fmt_number(counts.get("needs_action", 0)), "someone should reply or act"),
    ("No action", rv.fmt_number(counts.get("no_action", 0)), "nothing to do"),
    ("Urgent", rv.fmt_number(int(period["urgent"].sum())), "act first"),
])

# %% [markdown]
# ### The action queue (highest priority first)
# The full queue is in `action_queue.csv` next to this report.

# %%
queue = priority_queue(period, n=None, pseudonymised=not show_handles, keep=keep, people=full.interactions)
# a fake account copying the organisation is shown by its handle here too, as in the security table
# below: it is an account to report, not a customer whose name is protected
risks = smlib.find_security_risks(period, profile)
fakes = {smlib.privacy.pseudonym(a): a for a, kinds in zip(risks["author"], risks["risk_types"])
         if "fake account" in kinds and isinstance(a, str)}
queue = rv.reveal_frame(queue, fakes)
local_tz = res["meta"]["timezone"]                 # the report's times are the organisation's
rv.message_table(queue.assign(created_at=queue["created_at"].dt.tz_convert(local_tz)),
                 ["priority", "platform", "author_id", "created_at", "text", "reasons"],
                 show_handles=True, max_rows=12,
                 headings={"priority": "Priority", "platform": "Platform", "author_id": "From",
                           "created_at": f"When ({local_tz})", "text": "Message",
                           "reasons": "Reasons (points)"},
                 empty="No message on the monitoring days needs action, so the queue is empty.",
                 rest_in="action_queue.csv")

# %% [markdown]
# ### Highest and lowest priority, with reasons

# %%
extremes = smlib.explain_extremes(period, keep=keep, people=full.interactions)
rv.paragraph(rv.reveal(smlib.inert_urls(extremes["text"]), {**fakes, **(real or {})}))

# %% [markdown]
# ### Urgent items
# Messages that should be dealt with before anything else (safety, threats, a crisis, a security risk).

# %%
urgent = queue[queue["urgent"]] if "urgent" in queue else queue.iloc[0:0]
if len(urgent):
    display(rv.message_table(urgent, ["priority", "platform", "author_id", "text", "urgent_reason"],
                             show_handles=True,
                             headings={"priority": "Priority", "platform": "Platform",
                                       "author_id": "From", "text": "Message", "urgent_reason": "Why urgent"}))
else:
    display(rv.paragraph("No message still waiting on the monitoring days is urgent.", note=True))
# a scam or safety message the business already answered is not in the queue: say so, or the
# security table below seems to contradict "nothing urgent"
# without any message by the organisation in the file, whether a risk was answered is unknown
handled = ({(str(p), str(m)): bool(h) for p, m, h in zip(period["platform"], period["message_id"],
                                                          period["handled"])}
           if "handled" in period and res["meta"].get("org_in_file", True) else {})
risk_answered = [handled.get((str(p), str(m))) for p, m in zip(risks["platform"], risks["message_id"])]
answered_risks = sum(a is True for a in risk_answered)
if answered_risks:
    display(rv.paragraph(f"{answered_risks} of the security risks below "
                         f"{'was' if answered_risks == 1 else 'were'} already answered by the business, "
                         "so not in the queue; the account should still be reported to the platform.",
                         note=True))

# %% [markdown]
# ### Crisis early warning
# A crisis is an unusual rise in negative messages. When the public wrote, a chart shows negative
# messages per hour over all the data (the monitoring days are shaded, because a crisis may start
# before them) and the level that would raise an alarm.

# %%
crisis = smlib.detect_crisis(full, profile=profile)
series = crisis.series                              # one row per hour, local time
if len(series):   # nothing from the public: no empty axes, the sentence below says why
    times = pd.DatetimeIndex(series.index)
    times = times.tz_convert(crisis.timezone).tz_localize(None) if times.tz is not None else times
    fig = go.Figure([
        go.Bar(x=times, y=series["negative"], name="Negative messages", marker_color=rv.COLOURS["negative"]),
        go.Scatter(x=times, y=series["threshold"], name="Alarm level", mode="lines",
                   line=dict(color="#555", dash="dot", width=1))])
    for d in res["meta"]["days"]:
        fig.add_vrect(x0=pd.Timestamp(d), x1=pd.Timestamp(d) + pd.Timedelta(days=1), fillcolor="#1f4e79",
                      opacity=0.08, line_width=0)
    left, early = smlib.crisis.busy_start(crisis, res["meta"]["days"])
    if left is not None:   # a few stray old messages would squash the busy part to a sliver
        fig.update_xaxes(range=[left, max(times[-1], pd.Timestamp(max(res["meta"]["days"])))
                                + pd.Timedelta(days=1)])
    rv.count_axis(fig, series["negative"].max())   # whole messages only
    rv.style_figure(fig, "Negative messages per hour, all the data (monitoring days shaded)",
                    f"Time ({crisis.timezone})" + (f" – {early:,} earlier messages (before {left:%d %b %Y}) "
                                                   "not shown" if left is not None else ""),
                    "Negative messages per hour", legend="").show()
in_days = crisis.periods_on(res["meta"]["days"])    # periods sharing any time with a monitoring day
n_periods = len(crisis.periods)
where = ((f"it is{'' if len(in_days) else ' not'} on the monitoring days") if n_periods == 1
         else f"{len(in_days)} of them on the monitoring days")
rv.paragraph(f"{n_periods} crisis {'period' if n_periods == 1 else 'periods'} in all the data; {where}."
             if crisis.alarm else "", note=True)

# %%
rv.paragraph(crisis.summary)

# %% [markdown]
# ### Security risks
# Scam links, fake accounts pretending to be the organisation, requests for passwords or card
# numbers, and malware. **Report them; never click.** Links are shown broken on purpose
# (`hxxps://…[.]com`).

# %%
if len(risks):
    shown = risks.rename(columns={"text_inert": "text"}).assign(
        created_at=pd.to_datetime(risks["created_at"], utc=True).dt.tz_convert(local_tz),
        answered=[{True: "yes", False: "no"}.get(a, "not known") for a in risk_answered])
    display(rv.message_table(rv.reveal_frame(shown, real),
                             ["created_at", "platform", "author", "reason", "text", "answered", "action"],
                             show_handles=True,
                             headings={"created_at": f"When ({local_tz})", "platform": "Platform",
                                       "author": "Account", "reason": "Risk",
                                       "text": "Message (links made safe)",
                                       "answered": "Answered by the business", "action": "What to do"}))
else:
    display(rv.paragraph("No security risk was found in the messages on the monitoring days.", note=True))

# %% [markdown]
# ## P4 and D1 — Which monitoring tool?
# P4 asks how useful the monitoring tools are; D1 asks you to recommend one, with reasons. Below,
# each tool is judged on this organisation's own messages: how many it would have seen, including
# those needing action and the urgent ones, what it measures, its cost and how easy it is.

# %%
coverage = smlib.tool_coverage(full, days=monitor_days)
cov = coverage.sort_values("coverage", ascending=False)
fig = go.Figure([
    go.Bar(y=cov["name"], x=cov["share_seen"], name="All messages", orientation="h"),
    go.Bar(y=cov["name"], x=cov["share_action"], name="Needing action", orientation="h"),
    go.Bar(y=cov["name"], x=cov["share_urgent"], name="Urgent", orientation="h")])
fig.update_layout(barmode="group", yaxis=dict(autorange="reversed"))
fig.update_xaxes(tickformat=".0%", range=[0, 1])
if smlib.tools.no_tool_sees(coverage):   # every bar is 0: say why, not an empty chart
    fig.add_annotation(text="No tool sees any of these messages", showarrow=False,
                       xref="paper", yref="paper", x=0.5, y=0.5, bgcolor="white")
rv.style_figure(fig, "How much of this organisation's activity each tool would see",
                "Share of messages the tool would show", "Tool", height=120 + 28 * len(cov),
                legend="Messages").show()

# %%
rv.table(cov.assign(reads=cov["scope"].map(smlib.tools.reads),
                    platforms_covered=cov["platforms_covered"].map(
                        lambda ps: tuple(platform_label(p) for p in ps))),
         {"name": "Tool", "status": "Status", "reads": "Reads", "platforms_covered": "Platforms covered",
          "share_seen": "Sees (all)", "share_action": "Sees (needing action)",
          "measures_count": "Unit 3 measures (of 6)", "alerts": "Alerts", "cost": "Cost",
          "ease_of_use": "Ease (1-5)"}, percent=["share_seen", "share_action"], max_rows=30,
         note=" ".join(n for n in (smlib.tools.SCOPE_NOTE, coverage.attrs.get("note")) if n))

# %% [markdown]
# ### Recommendation (D1)
# The tools are scored out of 100 with weights a learner can change (`data/tools.toml`). A good
# D1 answer explains *why* the winner suits this organisation and why the runner-up lost.

# %%
rec = smlib.recommend_tool(full, days=monitor_days)
rv.paragraph(rec.text())

# %%
rv.table(rec.scores.sort_values("total", ascending=False),
         {"rank": "Rank", "name": "Tool", "total": "Score (of 100)", "eligible": "Can be recommended",
          "coverage": "Coverage", "measures": "Measures", "alerts": "Alerts", "cost": "Cost",
          "ease": "Ease"}, decimals=2, max_rows=30,
         note="Each part is scored from 0 (worst) to 1 (best), then the parts are weighted "
              "(data/tools.toml) and added up to make the score out of 100. Coverage is the "
              "average of three shares the tool would see: all messages, those needing action and "
              "the urgent ones (the chart above), so it is not the same as 'Sees (all)'. Cost "
              "comes from the tool's price band: " + ", ".join(
                  f"{band} {score:g}" for band, score in smlib.tools.load_tool_settings().band_scores.items())
              + " (quote = price on request).")

# %% [markdown]
# ## About this report
# Made with **smlib** from the organisation's messages. Sentiment, themes and priorities are
# worked out by rules a tutor can read and edit (in `data/`); they are a starting point for your
# own judgement, not the final word. The headline figures are also in `metrics.json`, and the
# action queue in `action_queue.csv` (safe to open in a spreadsheet).

# %%
rv.paragraph(f"Built {pd.Timestamp.now(tz='UTC'):%d %b %Y %H:%M} UTC with smlib {smlib.__version__}. "
             f"Days chosen: {'as given' if days else 'the last five days with any activity'}.",
             note=True)

# %%
needs = period[period["category"] == "needs_action"]
headline = {**h, "needs_action": int(len(needs)), "urgent": int(period["urgent"].sum()),
            "crisis_alarm": bool(len(in_days)), "crisis_periods_all_data": int(len(crisis.periods)),
            # False: nothing from the public, or too little history, so no alarm could be raised
            "crisis_checked": bool(len(series) and series["threshold"].notna().any()),
            # > 0: some replies are not in the file, so answered_share is only a lower bound
            "replies_not_in_file": int(res["meta"].get("replies_not_in_file") or 0),
            "security_risks": int(len(risks)), "recommended_tool": rec.recommended_name}
write_metrics({"headline": headline}, out_dir, org=profile.slug if profile else ds.org, name=name,
              sector=profile.sector if profile else "",
              source_file=os.path.basename(str(ds.load_summary.get("source", ""))) if profile is None else "",
              days=res["meta"]["days"],
              platforms=res["meta"]["platforms"], show_handles=bool(show_handles))
queue_csv = queue.assign(reasons=queue["reasons"].map(
    lambda r: "; ".join(r) if isinstance(r, (list, tuple)) else r))
queue_csv.insert(0, "rank", range(1, len(queue_csv) + 1))
queue_csv = queue_csv[[c for c in ["rank", "priority", "urgent", "urgent_reason", "platform", "kind",
                                   "created_at", "author_id", "text", "sentiment_label",
                                   "primary_theme", "reasons", "suggested_response",
                                   "message_id", "thread_id"] if c in queue_csv.columns]]
write_action_queue(queue_csv, out_dir);

# %% tags=["nbval-check-output", "remove-cell"]
print(f"Organisation: {name}")
print(f"Monitoring days: {', '.join(res['meta']['days'])}")
print(f"Messages: {h['messages']}; from the public: {h['customer_messages']}; people: {h['users']}")
print(f"Needs action: {headline['needs_action']}; urgent: {headline['urgent']}")
print(f"Recommended tool: {headline['recommended_tool'] or rec.short()}")
