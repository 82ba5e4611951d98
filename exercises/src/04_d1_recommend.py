# %% [markdown]
# # D1 — Recommending a monitoring tool
#
# **Criterion D1:** *recommend an online tool for use by the selected organisation. Give
# reasons for your choice.*
#
# A good recommendation names **one** tool the organisation can actually use today, and gives
# **reasons** that come from the organisation's own situation: where its customers talk, what
# it needs to know, how quickly it must react, and what it can afford.
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
coverage = smlib.tool_coverage(ds, days=days)
print("Organisation:", ds.profile.name, "—", ds.profile.sector)
print("The organisation's platforms:", ", ".join(coverage.attrs["platforms"]))

# %%
with pd.option_context("display.max_colwidth", 60):
    display(catalogue_table())

# %%
coverage[["name", "status", "platforms_covered", "share_seen", "share_action", "alerts",
          "cost_band"]]

# %% [markdown]
# ### Task 1
#
# Choose **one** tool to recommend to the organisation. Store its name, in quotes, in `my_tool`.

# %%
### BEGIN SOLUTION
my_tool = smlib.recommend_tool(ds, days=days).recommended_name
### END SOLUTION

# %% tags=["check", "nbval-check-output"]
from smlib.checks import check
check("d1.tool")

# %% [markdown]
# ### Task 2
#
# Give **your reasons** for choosing that tool, in your own words, between the triple quotes in
# `my_reasons`. Each reason should come from this organisation's situation.

# %%
### BEGIN SOLUTION
_row = coverage.set_index("name").loc[my_tool]
my_reasons = f"""{my_tool} covers {', '.join(_row['platforms_covered'])}, so it would see
{_row['share_seen']:.0%} of the organisation's messages and {_row['share_action']:.0%} of the
ones that need action.
It measures {len(_row['measures'])} of the six things Unit 3 asks about, including complaints.
It also {'sends alerts about urgent messages' if _row['alerts'] else 'is simple to use'}, and its
cost band is {_row['cost_band']}, which a small business can plan for."""
### END SOLUTION

# %% tags=["check", "nbval-check-output"]
from smlib.checks import check
check("d1.reasons")

# %% [markdown]
# ## What if the organisation cares most about cost?
#
# `smlib.recommend_tool` scores every tool on coverage, measures, alerts, cost and ease of use,
# with a **weight** for each. Here it is with the starting weights:

# %%
usual = smlib.recommend_tool(ds, days=days)
print(usual.text())

# %% [markdown]
# ### Task 3
#
# Run `smlib.recommend_tool` again with the weights `{"cost": 10}`, so that cost counts far more
# than anything else. Which tool does it recommend now? Store its name in `cost_first_choice`.
#
# *Hint:* `smlib.recommend_tool(ds, days=days, weights=...)`; the result's `recommended_name`
# is the tool's name.

# %%
### BEGIN SOLUTION
cost_first_choice = smlib.recommend_tool(ds, days=days, weights={"cost": 10}).recommended_name
### END SOLUTION

# %% tags=["check", "nbval-check-output"]
from smlib.checks import check
check("d1.weights")

# %% [markdown] tags=["tutor-only"]
# **Tutor note (D1).** There is no single right tool for D1: task 1 accepts any tool that is
# available and covers at least one of the organisation's platforms (a closed tool such as Klout,
# or one whose status is unverified, gets specific feedback). Task 2 is checked for at least two
# different reasons tied to the organisation's data (its platforms or figures) and for reasons
# that rely on a platform the chosen tool cannot see — never grammar. Task 3 shows that a
# recommendation depends on what the organisation values; discuss whether the learners agree.

# %% [markdown]
# ## Well done
#
# You have practised P3, M2, P4 and D1 on a practice organisation. For your assessment, you
# will do the same for **your own** selected organisation.
