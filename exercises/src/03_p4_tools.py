# %% [markdown]
# # P4 — How useful are the online monitoring tools?
#
# **Criterion P4:** *describe the usefulness of the online tools used by the selected
# organisation to monitor social media activity.*
#
# A tool is only useful if it still exists, **sees** the platforms where the organisation's
# customers talk, and **measures** the things Unit 3 asks you to monitor (number of users,
# location, age group, complaints, themes, feedback). In this exercise you look at a catalogue
# of tools and measure how much of the practice organisation's activity each one would see.
#
# Run the **check** cell after each task. It says ✓, or what is not right yet — never the answer.

# %% tags=["parameters"]
org = "tidy-paws"

# %%
import pandas as pd
import smlib
from smlib.tools import catalogue_table

ds = smlib.load_sample(org)
days = smlib.default_days(ds, 5)
print("Organisation:", ds.profile.name, "—", ds.profile.sector)
print("Monitoring days:", ", ".join(d.strftime("%a %d %b %Y") for d in days))

# %% [markdown]
# ## The tools catalogue
#
# Each row is a tool. `Status` says whether it is still **available**, has **closed**, or is
# **unverified** (nobody could confirm it still exists). Every fact in the catalogue has a date
# and a source (see `data/tools.toml`).

# %%
with pd.option_context("display.max_colwidth", 60):
    display(catalogue_table())

# %% [markdown]
# ### Task 1
#
# Which tools in the catalogue have **closed down**? Put their names in the list `closed_tools`,
# in quotes, for example `["Tool A", "Tool B"]`.

# %%
### BEGIN SOLUTION
_cat = smlib.load_tool_catalogue()
closed_tools = list(_cat.loc[_cat["status"] == "closed", "name"])
### END SOLUTION

# %% tags=["check", "nbval-check-output"]
from smlib.checks import check
check("p4.closed")

# %% [markdown]
# ## How much would each tool see?
#
# `smlib.tool_coverage` works out which of the organisation's messages on the five monitoring
# days each tool would see: a tool only sees the platforms it covers, and some tools only see
# the organisation's own accounts.

# %%
coverage = smlib.tool_coverage(ds, days=days)
print("The organisation's platforms:", ", ".join(coverage.attrs["platforms"]))
coverage[["name", "status", "platforms_covered", "messages_seen", "messages_total"]]

# %% [markdown]
# ### Task 2
#
# What **share** of all the organisation's messages would **Meta Business Suite** see? Store it
# in `share_seen`, either as a share between 0 and 1 or as a percentage in quotes (`"45%"`).

# %%
### BEGIN SOLUTION
_meta = coverage.set_index("id").loc["meta-business-suite"]
share_seen = _meta["messages_seen"] / _meta["messages_total"]
### END SOLUTION

# %% tags=["check", "nbval-check-output"]
from smlib.checks import check
check("p4.coverage")

# %% [markdown]
# ### Task 3
#
# Name one platform the organisation uses that **Meta Business Suite cannot see**. Store it in
# quotes in `missed_platform`.

# %%
### BEGIN SOLUTION
_covered = set(coverage.set_index("id").loc["meta-business-suite", "platforms_covered"])
missed_platform = [p for p in coverage.attrs["platforms"] if p not in _covered][0]
### END SOLUTION

# %% tags=["check", "nbval-check-output"]
from smlib.checks import check
check("p4.missed")

# %% [markdown]
# ## Describing usefulness
#
# This chart compares how much of the organisation's activity each tool would see.

# %%
import matplotlib.pyplot as plt

usable = coverage.sort_values("share_seen")
fig, ax = plt.subplots(figsize=(8, 5))
ax.barh(usable["name"], 100 * usable["share_seen"], color="#3b6ea5")
ax.set_title(f"Share of {ds.profile.name}'s messages each tool would see")
ax.set_xlabel("Messages the tool would see (%)")
ax.set_ylabel("Tool")
ax.set_xlim(0, 100);

# %% [markdown]
# ### Task 4
#
# Describe how useful **at least two** of the tools would be for this organisation. For each,
# say what it can do for the organisation and what it cannot do. Use the catalogue, the chart
# and your answers above. Write between the triple quotes in `my_description`.

# %%
### BEGIN SOLUTION
_by_id = coverage.set_index("id")
_m, _h = _by_id.loc["meta-business-suite"], _by_id.loc["hootsuite"]
my_description = f"""Meta Business Suite is free and would see {_m['share_seen']:.0%} of the
messages, on {' and '.join(_m['platforms_covered'])}, and it shows the age and location of
followers. But it cannot see {missed_platform}, so it misses some customers.
Hootsuite covers {', '.join(_h['platforms_covered'])} and would see {_h['share_seen']:.0%} of the
messages; it can send alerts, but it costs money and does not measure complaints."""
### END SOLUTION

# %% tags=["check", "nbval-check-output"]
from smlib.checks import check
check("p4.describe")

# %% [markdown] tags=["tutor-only"]
# **Tutor note (P4).** The catalogue (`data/tools.toml`) is yours to update: every fact carries
# the date it was checked and its source, and Klout is described but marked closed. The checks
# read the catalogue when they run, so they follow your edits. The written task is checked for
# what P4 needs — at least two tools named, what each can and cannot do, a link to the
# organisation's own data — never grammar. The model answer in the solution is built from the
# figures, so it stays right when the sample changes.

# %% [markdown]
# ## Well done
#
# Next: **D1 — recommending a tool** (`04_d1_recommend.ipynb`).
