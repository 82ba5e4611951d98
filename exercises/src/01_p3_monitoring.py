# %% [markdown]
# # P3 — Monitoring five days of social media activity
#
# **Criterion P3:** *monitor the social media interaction between a selected organisation and
# its followers over five days, across different platforms, using different online tools, and
# produce a descriptive summary of the activity.*
#
# In this exercise you monitor a **practice organisation** on **two platforms** for **five
# days**. You will count people, find the busiest day, count complaints, read an age chart and a
# location chart, and then write a short descriptive summary.
#
# After each task, run the **check** cell. ✓ means your answer is right. Otherwise it tells you
# what is not right yet — but never the answer.

# %% tags=["parameters"]
org = "tidy-paws"

# %%
import matplotlib.pyplot as plt
import smlib
from smlib.checks.p3 import task_platforms

ds = smlib.load_sample(org)
messages = smlib.pseudonymise(ds.interactions)
days = smlib.default_days(ds, 5)
platforms = task_platforms(ds, days)

local_day = messages["created_at"].dt.tz_convert(ds.profile.timezone).dt.date
five_days = messages[local_day.isin(days) & messages["platform"].isin(platforms)].copy()
five_days["day"] = local_day[five_days.index]

print("Organisation:", ds.profile.name, "—", ds.profile.sector)
print("Monitoring days:", ", ".join(d.strftime("%a %d %b %Y") for d in days))
print("Platform 1:", platforms[0], "   Platform 2:", platforms[1])
print("Messages on these days and platforms:", len(five_days))

# %% [markdown]
# `five_days` holds every message on the two platforms on the five monitoring days. The
# column `author_is_org` is `True` for messages the business wrote itself.

# %%
five_days[["day", "platform", "kind", "author_id", "author_is_org", "text"]].head(8)

# %% [markdown]
# ## Number of users
#
# A **user** is a person. One person can write many messages, so the number of users is
# usually smaller than the number of messages. The business's own account is not one of its
# users.
#
# ### Task 1
#
# How many **different people** (not the business) wrote on **platform 1** during the five
# days? And on **platform 2**? Store the answers in `users_1` and `users_2`.
#
# *Hint:* `.nunique()` counts the different values in a column.

# %%
### BEGIN SOLUTION
users_1 = five_days.loc[(five_days["platform"] == platforms[0]) & ~five_days["author_is_org"],
                        "author_id"].nunique()
users_2 = five_days.loc[(five_days["platform"] == platforms[1]) & ~five_days["author_is_org"],
                        "author_id"].nunique()
### END SOLUTION

# %% tags=["check", "nbval-check-output"]
from smlib.checks import check
check("p3.users")

# %% [markdown]
# ## Volume: which day was busiest?
#
# This chart shows how many messages arrived each day, split into messages from
# **customers and followers** and messages from **the business**.

# %%
per_day = (five_days.assign(who=five_days["author_is_org"].map({True: "the business",
                                                                  False: "customers"}))
           .groupby(["day", "who"]).size().unstack(fill_value=0)
           .reindex(index=days, columns=["customers", "the business"], fill_value=0))
ax = per_day.plot.bar(stacked=True, figsize=(8, 3.5), color=["#3b6ea5", "#c9c9c9"])
ax.set_title(f"Messages per monitoring day — {ds.profile.name}")
ax.set_xlabel("Day")
ax.set_ylabel("Number of messages")
ax.legend(title="Written by")
ax.set_xticklabels([d.strftime("%a %d %b") for d in days], rotation=0);

# %% [markdown]
# ### Task 2
#
# On which day did **customers** send the most messages? Store the date in quotes in
# `busiest_day`, in the form `"YYYY-MM-DD"` (a day of the week such as `"Monday"` also works if
# only one monitoring day has that name).

# %%
### BEGIN SOLUTION
busiest_day = str(per_day["customers"].idxmax())
### END SOLUTION

# %% tags=["check", "nbval-check-output"]
from smlib.checks import check
check("p3.busiest_day")

# %% [markdown]
# ## Complaints and negative comments
#
# `smlib.add_sentiment` reads every message and adds a `sentiment_label`: `negative`,
# `neutral` or `positive`.

# %%
with_sentiment = smlib.add_sentiment(five_days)
with_sentiment[["platform", "author_is_org", "sentiment_label", "text"]].head(8)

# %% [markdown]
# ### Task 3
#
# How many messages from **customers** (not the business) on the two platforms were
# **negative** during the five days? Store the number in `n_negative`.

# %%
### BEGIN SOLUTION
n_negative = int(((with_sentiment["sentiment_label"] == "negative")
                  & ~with_sentiment["author_is_org"]).sum())
### END SOLUTION

# %% tags=["check", "nbval-check-output"]
from smlib.checks import check
check("p3.negative")

# %% [markdown]
# ## Age group of users
#
# Platforms tell businesses the age groups of their followers ("insights"). `smlib.monitor`
# collects these figures, with many others, for the monitoring days.

# %%
result = smlib.monitor(ds, days=days, platforms=platforms)
ages = result["age"]
ages_1 = ages[ages["platform"] == platforms[0]]
fig, ax = plt.subplots(figsize=(7, 3.5))
ax.bar(ages_1["age_band"].astype(str), ages_1["people"], color="#3b6ea5")
ax.set_title(f"Followers by age group on {platforms[0]} — {ds.profile.name}")
ax.set_xlabel("Age group (years)")
ax.set_ylabel("Number of followers");

# %% [markdown]
# ### Task 4
#
# Look at the chart. Which age group is the **largest** among the followers on platform 1?
# Store it in quotes in `largest_age_group`, written the way the chart labels it.

# %%
### BEGIN SOLUTION
largest_age_group = str(ages_1.set_index("age_band")["people"].idxmax())
### END SOLUTION

# %% tags=["check", "nbval-check-output"]
from smlib.checks import check
check("p3.age")

# %% [markdown]
# ## Location of users
#
# Platforms also report which **countries** followers are in. People in the organisation's
# home country are **national**; everyone else is **international**. Small bars are hard to
# read, so the table under the chart gives the exact numbers.

# %%
places = result["location"]
places_1 = places[places["platform"] == platforms[0]].sort_values("people", ascending=False)
fig, ax = plt.subplots(figsize=(8, 3.5))
ax.bar(places_1["country"].astype(str), places_1["people"],
       color=["#3b6ea5" if n else "#e07b39" for n in places_1["national"]])
ax.set_title(f"Followers by country on {platforms[0]} (blue = home country)")
ax.set_xlabel("Country (two-letter code)")
ax.set_ylabel("Number of followers");
places_1[["country", "people", "national"]]

# %% [markdown]
# ### Task 5
#
# How many followers on **platform 1** are **international** (outside the home country)? Store
# the number in `international_1`.

# %%
### BEGIN SOLUTION
international_1 = int(places_1.loc[~places_1["national"].astype(bool), "people"].sum())
### END SOLUTION

# %% tags=["check", "nbval-check-output"]
from smlib.checks import check
check("p3.location")

# %% [markdown]
# ## Your descriptive summary
#
# Here are some more of the monitoring figures. Use them, and your answers above, to write
# your summary.

# %%
print(result["followers"][["platform", "followers_start", "followers_end", "change"]].to_string(index=False))
print()
print(result["feedback"][["type", "messages"]].to_string(index=False))

# %% [markdown]
# ### Task 6
#
# Write a **descriptive summary** of the activity: at least three sentences between the triple
# quotes in `my_summary`. A summary *describes* what happened. Think about what P3 asks you to
# report on.

# %%
### BEGIN SOLUTION
my_summary = f"""Over the five days {users_1 + users_2} people wrote to {ds.profile.name} on
{platforms[0]} and {platforms[1]}: {users_1} on {platforms[0]} and {users_2} on {platforms[1]}.
The busiest day for customers was {busiest_day}. Most followers on {platforms[0]} are aged
{largest_age_group}, and {international_1} of them live outside the home country. There were
{n_negative} complaints and negative comments, and
{int(result["feedback"].set_index("type").loc["question", "messages"])} questions."""
### END SOLUTION

# %% tags=["check", "nbval-check-output"]
from smlib.checks import check
check("p3.summary")

# %% [markdown] tags=["tutor-only"]
# **Tutor note (P3).** The tasks rehearse the P3 evidence on a practice organisation: number of
# users, volume by day, complaints (sentiment), age group from insights, and a descriptive
# summary. The summary check only looks for what P3 needs (platforms, figures that say what
# they count, who the users are, what they talked about, at least three sentences) — never
# grammar. In the assessment,
# learners choose their own organisation and tools; these figures are not evidence for it.

# %% [markdown]
# ## Well done
#
# Next: **M2 — sorting and prioritising activity** (`02_m2_priorities.ipynb`).
