# %% [markdown]
# # 01 · Monitoring an organisation's social media (P3)
#
# Unit 3 **P3** asks you to *monitor the social media interaction between an organisation and
# its followers over five days, across different platforms, and produce a descriptive summary
# of the activity*. The five days do not have to be next to each other.
#
# Teaching content 2.1 says what to look at. This notebook has one short section for each:
#
# 1. **number of users** · 2. **location of users** · 3. **age group of users** ·
# 4. **how much activity** (volume) · 5. **engagement** · 6. **complaints and negative comments** ·
# 7. **themes** · 8. **stakeholder feedback** · 9. **customer care** (how fast the business replies)
#
# and ends with a **descriptive summary** (the thing you hand in for P3) and a comparison with
# the days before. Every number comes from `smlib.monitor`, which you can also call yourself.
#
# Some charts are **interactive**: hover over a bar to see its exact number, drag to zoom,
# double-click to zoom back out. The others are pictures you can copy into your report.

# %% tags=["parameters"]
# org: a sample organisation, or a path to exported data
# days: None = the last 5 days with activity; or a list such as ["2026-10-26", "2026-10-28"]
# platforms: None = every platform; or a list such as ["x", "facebook"]
# org_handles: for an export, the organisation's own handles, e.g. ["AcmeShop"] (None for a sample)
org = "northway-rail"
days = None
platforms = None
org_handles = None

# %%
import pandas as pd
import plotly.io as pio

import smlib
from smlib import charts
from smlib.summary import pct   # a share as a percentage; "n/a" when there is nothing to count
from smlib.reportview import figures_for_people   # numbers written for people: 73%, +9 pts
from smlib.reportview import table   # a table written for people: shares as %, blanks not NaN
from smlib.reportview import message_table   # the same for messages: platform names, safe links
from smlib.reportview import readable   # names instead of codes in a results table
from smlib.priority import format_wait   # minutes in words: 1225.1 -> "20 h 25 min"
from smlib.summary import platform_name   # "x" -> "X", "reviews" -> "review sites"
from smlib.summary import counts_said   # "Likes + shares" and what the data does not record

pio.renderers.default = "plotly_mimetype+notebook"   # interactive charts that also work in HTML
pd.set_option("display.max_colwidth", 90)
pd.set_option("display.width", 160)

ds = smlib.load_org(org, org_handles=org_handles)
res = smlib.monitor(ds, days=days, platforms=platforms)
h = res["headline"]
name = res["meta"]["name"]



# %% tags=["nbval-check-output"]
print(f"Organisation: {name}")
print("Monitoring days:", ", ".join(res["meta"]["days"]))
print("Platforms:", ", ".join(platform_name(p) for p in res["meta"]["platforms"]))
print(f"Messages on those days: {h['messages']:,} ({h['business_messages']:,} by {name}, "
      f"{h['customer_messages']:,} from the public)")

# %% tags=["nbval-check-output"]
# what was read, what was left out and why, and which clock the days are counted on
print("\n".join(smlib.summary.load_lines(ds, res)))

# %% [markdown]
# `res` is a dictionary of small tables. `res["headline"]` holds the key numbers, and the other
# keys hold one table each (try `res.keys()` and `res["users"]`). The lines just above say which
# clock the days and hours are counted on, and whether any rows of the data could not be used.
#
# ## 1. Number of users (P3, 2.1)
#
# A **user** here is a different person (a different account) who wrote to or about the
# organisation. **New** users had not written before the first monitoring day; **returning**
# users had. **Followers** are people who follow the account; the platforms report them in
# their *insights* pages.

# %% tags=["nbval-check-output"]
print(f"Different people who wrote: {h['users']:,}")
if res["meta"]["earlier_data"]:
    print(f"  new (first time we saw them): {h['new_users']:,}")
    print(f"  returning (seen before the first day): {h['returning_users']:,}")
else:   # nothing before the first day: everyone would look new
    print("  new or returning: cannot tell (the data starts on the first monitoring day)")
if h["followers_end"] is not None:
    print(f"Followers on the last day, all platforms: {h['followers_end']:,} "
          f"(change since the first day: {h['follower_change']:+d}, {h['follower_growth_pct']:+.2f}%)")
else:
    print("Followers: not available from this source (no audience insights)")

# %%
table(readable(res["users"]), {"platform": "Platform", "users": "People who wrote",
                            "new_users": "New", "returning_users": "Returning",
                            "messages": "Messages they sent", "note": "Note"})

# %%
charts.users(res);

# %%
table(readable(res["followers"]), {"platform": "Platform", "followers_start": "Followers on the first day",
                                "followers_end": "Followers on the last day", "change": "Change",
                                "change_pct": "Change (%)", "note": "Note"}, decimals=2)

# %%
charts.followers(res, interactive=True)

# %% [markdown]
# ## 2. Location of users (P3, 2.1)
#
# **National** means in the organisation's home country (the first line below names it);
# **international** means anywhere else. Platforms tell the business where its followers live (audience insights); a
# few messages also say where they were sent from.

# %% tags=["nbval-check-output"]
loc = res["location_summary"]
print(smlib.summary.home_country_sentence(res))   # from the profile; none for an export
if h["national_share"] is not None:
    source = "followers" if "all" in set(loc["source"]) else "people whose messages say where they are"
    print(f"Share of {source} who are national: {h['national_share']:.0%} "
          f"(so {1 - h['national_share']:.0%} are international)")
else:
    print("Location: not available from this source")
if "messages" in set(loc.get("source", [])):
    m = loc.set_index("source").loc["messages"]
    print(f"Messages giving a place: {int(m['national']):,} national, {int(m['international']):,} international, "
          f"{int(m['unknown']):,} we could not place")

# %%
charts.location(res);

# %%
charts.regions(res, interactive=True)

# %%
# "Share" is the share of that platform's followers who live in that country
table(readable(res["location"]), {"platform": "Platform", "country": "Country", "people": "Followers",
                               "share": "Share", "national": "In the home country?", "note": "Note"},
      percent=["share"], max_rows=10)

# %% [markdown]
# ## 3. Age group of users (P3, 2.1)
#
# Each bar is the **share** of a platform's followers in one age band: 40% means 40 in every
# 100 followers. Different platforms often have very different ages - useful when the business
# decides where to post what.

# %% tags=["nbval-check-output"]
age = res["age"]
if smlib.metrics.available(age):
    for plat, g in age.groupby("platform", sort=True):
        top = g.sort_values("people", ascending=False).iloc[0]
        print(f"Largest age group on {platform_name(plat)}: {top['age_band']} "
              f"({top['share']:.0%} of followers)")
else:
    print("Age groups: not available from this source")

# %%
charts.age_groups(res);

# %% [markdown]
# ## 4. How much activity? (volume)
#
# How many messages were there each day, on which platform, and who wrote them: the business
# itself or the public? The busiest hours tell the business when to have staff ready.

# %% tags=["nbval-check-output"]
# a tie is a tie: "none stood out" rather than the first of several equal hours
print("\n".join(smlib.summary.busiest_lines(res)))

# %%
table(readable(res["daily"]), {"day": "Day", "weekday": "Weekday", "messages": "Messages",
                            "by_business": "By the business", "by_followers": "From the public",
                            "users": "People from the public", "negative": "Negative",
                            "top_platform": "Busiest platform", "top_platform_messages": "Messages on it"})

# %%
charts.volume_by_day(res, interactive=True)

# %%
charts.business_vs_followers(res, interactive=True)

# %%
charts.busiest_hours(res, interactive=True)

# %% [markdown]
# ## 5. Engagement
#
# **Engagement** is how much people react to the business's own posts: likes, shares and
# replies. The **engagement rate** divides the reactions a post gets by the number of followers:
# 0.02 (2%) means 2 reactions for every 100 followers.
#
# For all platforms together, each post is divided by the followers of **its own platform**, and
# then the average is taken. So it is not the same as the reactions per post below divided by all
# the followers added up: a platform with few followers and lively posts (often TikTok) counts
# as much per post as a big one.

# %% tags=["nbval-check-output"]
print(f"Posts by {name}: {h['business_posts']}")
e = res["engagement"].set_index("platform").loc["all"]
if h["business_posts"] and not res["meta"]["engagement_counted"]:
    print("Likes + shares + replies per post: not available (this data does not record likes or shares)")
elif h["business_posts"]:
    what, caveat = counts_said(res["meta"]["counts"], plus=True)   # only what the data records
    print(f"{what} per post: {e['interactions_per_post']}{caveat}")
elif h["business_messages"]:
    n_rep = h["business_messages"]
    print(f"Likes + shares + replies per post: no posts by the business on these days (it wrote "
          f"{n_rep} {'reply' if n_rep == 1 else 'replies'}, and engagement is measured on its own posts)")
else:
    print("Likes + shares + replies per post: no posts by the business in this data")
if h["engagement_rate"] is not None:
    print(f"Engagement rate per post: {h['engagement_rate']:.2%} of followers")
else:
    print("Engagement rate: not available (no follower numbers in this source)")

# %%
charts.engagement(res, interactive=True)

# %% [markdown]
# ## 6. Complaints and negative comments (P3, 2.1)
#
# A computer reads each message and scores it as negative, neutral or positive (this is called
# **sentiment analysis**; notebook 02 shows how it works and where it goes wrong). Here a
# **complaint or negative comment** is any message from the public scored *negative*.
# Always read some of them yourself: the computer makes mistakes, especially with sarcasm.

# %%
if h["customer_messages"]:
    print(f"Negative messages from the public: {h['negative']:,} of {h['customer_messages']:,} "
          f"({pct(h['negative_share'])})")
else:
    print("Negative messages from the public: none - there are no messages from the public on "
          "these days (is this an export of the organisation's own posts only?)")
print("Method:", res["meta"]["sentiment_method"])

# %%
charts.complaints(res);

# %%
message_table(readable(res["complaint_examples"]), empty="No negative messages from the public on these days.",
              headings={"day": "Day", "platform": "Platform", "author": "Written by", "text": "Message"})

# %% [markdown]
# Names are replaced by **pseudonyms** (`user-…`) to protect people's privacy, and web links
# are made unclickable (`hxxps://…`) in case they are scams.
#
# Which messages from the public were **shared** most? A complaint that many people share can
# grow into a crisis, so a monitor watches these closely (**Writer's followers** shows how many
# people follow the person who wrote it).

# %%
message_table(readable(res["top_messages"]), empty="No message from the public was shared on these days.",
              headings={"day": "Day", "platform": "Platform", "author": "Written by", "shares": "Shares",
                        "likes": "Likes", "author_followers": "Writer's followers",
                        "sentiment": "Sentiment", "text": "Message"})

# %% [markdown]
# ## 7. Themes (P3, 2.1)
#
# A **theme** is what a message is about (delays, refunds, staff…). Themes come from keyword
# lists in `data/themes.toml` that your tutor can edit. One message can have several themes.

# %%
th = res["themes"]
if smlib.metrics.available(th) and len(th):
    for r in th.head(5).itertuples():
        print(f"{r.label}: {r.messages:,} message{'' if r.messages == 1 else 's'} ({r.negative:,} negative)")
elif smlib.metrics.available(th):
    print("Themes: none found - no message from the public on these days matched a theme's "
          "keywords" if h["customer_messages"] else
          "Themes: none - there are no messages from the public on these days to read")
else:
    print("Themes: not available")

# %%
charts.themes(res, interactive=True)

# %% [markdown]
# ## 8. Stakeholder feedback (P3, 2.1)
#
# **Stakeholders** are people with an interest in the organisation: customers, the local
# community, staff. Their feedback comes as **questions** (they need an answer), **suggestions**
# (ideas to improve) and **praise** (worth a thank-you). The words used to spot them are in
# `data/monitoring_keywords.toml`.

# %% tags=["nbval-check-output"]
print(f"Questions: {h['questions']:,}")
print(f"Suggestions: {h['suggestions']:,}")

# %%
print(f"Praise: {h['praise']:,}")

# %%
charts.feedback(res, interactive=True)

# %%
message_table(readable(res["feedback_examples"]), empty="No questions, suggestions or praise from the public on these days.",
              headings={"type": "Type", "day": "Day", "platform": "Platform", "author": "Written by",
                        "text": "Message"})

# %% [markdown]
# ## 9. Customer care: did the business reply, and how fast?
#
# A message counts as **answered** when the business replied to it by the end of the last
# monitoring day. The **median** reply time is the middle one: half of the replies were faster.
# The **90th percentile** means 9 in every 10 replies were faster than that. **Business hours**
# only counts the time the business was open. Times are in hours (h) and minutes (min).

# %% tags=["nbval-check-output"]
print(f"Messages from the public answered: {pct(h['answered_share'])}")
if h["first_response_median_minutes"] is not None:
    print(f"Median time to first reply: {format_wait(h['first_response_median_minutes'])}")
    print(f"9 in 10 replies within: {format_wait(h['first_response_p90_minutes'])}")
else:
    print("Reply times: not available (no replies by the business to messages from the public)")
if h["first_response_median_business_minutes"] is not None:
    print(f"Median in business hours only: {format_wait(h['first_response_median_business_minutes'])}")
else:
    print("Median in business hours only: not available (no opening hours for this source)")
print("Still waiting for a reply:", h["waiting"] if h["waiting"] is not None else
      "not known (this file holds no message by the organisation, so no replies)")

# %%
care = readable(res["customer_care"])
for col in ("median_minutes", "p90_minutes"):   # minutes in words: 47.8 -> "48 min"
    if col in care.columns:
        care[col] = care[col].map(lambda m: "" if pd.isna(m) else format_wait(m))
table(care, {"platform": "Platform", "customer_messages": "Messages from the public",
             "answered": "Answered", "answered_share": "Share answered", "waiting": "Still waiting",
             "median_minutes": "Half answered within", "p90_minutes": "9 in 10 answered within",
             "note": "Note"},
      percent=["answered_share"], empty="No messages from the public on these days.")

# %%
charts.answered(res);

# %%
charts.response_times(res, interactive=True)

# %% [markdown]
# ## 10. Descriptive summary (P3)
#
# This is the kind of summary P3 asks for, written from the tables above: every number in it
# appears in one of them. Use it as a model - write your own in your words, and add what
# *you* noticed when you read the messages.

# %%
# (sentiment for every day, so a spike of complaints in the days before can be spotted: a period
# with a crisis in it is no fair one to compare with)
scored = ds.replace(interactions=smlib.add_sentiment(ds.interactions))
cmp = smlib.compare_periods(scored, days=days, platforms=platforms, current=res)
print(smlib.describe_activity(res, comparison=cmp))

# %% [markdown]
# ## 11. Compared with the days before, and the organisation's targets
#
# Monitoring is most useful when you compare **periods**: are things getting better? The
# previous period is the same number of active days just before the first monitoring day.
# **Targets** (KPIs, key performance indicators) are set by the organisation in its profile.

# %%
# the same table, with each number written the way we would say it
table(figures_for_people(cmp), {"meaning": "Figure", "this_period": "These days",
                                "previous_period": "The days before", "change": "Change",
                                "target": "Target", "better_when": "Better when the figure is",
                                "status": "Target met?"})

# %% tags=["nbval-check-output"]
print("Previous period:", ", ".join(cmp.attrs["previous_days"]) or "none in the data")
prev = cmp.set_index("figure")
if cmp.attrs["previous_days"]:
    print(f"Messages: {prev.loc['messages', 'previous_period']:,.0f} then, "
          f"{prev.loc['messages', 'this_period']:,.0f} now")
else:
    print(f"Messages: {prev.loc['messages', 'this_period']:,.0f} now; nothing to compare with")

# %%
targets = cmp[cmp["status"] != "no target"]
for r in targets.itertuples():
    print(f"{r.meaning}: {r.status}")
if targets.empty:
    print("Targets: none - this data has no profile with KPI targets, so there is nothing to "
          "check the figures against (a sample organisation has them).")

# %% [markdown]
# ## For tutors: explore live
#
# Run the cell below in JupyterLab to get controls: choose an organisation, days and
# platforms, press **Show**, and the figures, a chart and the summary are redrawn. (The rest
# of this notebook does not depend on it.)

# %%
smlib.widgets.monitor_controls(org, days=res["meta"]["days"], platforms=platforms, dataset=ds)

# %% [markdown]
# ## What next?
#
# * Notebook **02** shows how the complaints and themes are found, and where the computer is wrong.
# * Notebook **04** compares the online monitoring tools (P4, D1): which of these figures each
#   tool would have shown you.
# * Notebook **03** sorts every message into *posted by the business*, *needs action* and
#   *no action*, and ranks what needs action first (M2).
