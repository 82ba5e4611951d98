# %% [markdown]
# # Warm-up: finding your way around social media data
#
# Before you monitor an organisation for **P3**, you need to be able to load its social media
# data, read a table and read a chart. This warm-up practises all three.
#
# **How the exercises work**
#
# 1. Read the task.
# 2. Write your answer in the cell that says `# YOUR ANSWER HERE` and run it (**Shift + Enter**).
# 3. Run the **check** cell under it. It shows ✓ when your answer is right, or tells you what is
#    not right yet. It never tells you the answer — you work that out.
#
# You can run a check as many times as you like.
#
# The organisation here is a **practice organisation**: made up, and not the one you will use
# for your assessment.

# %% tags=["parameters"]
org = "lakeside-cinema"

# %%
import matplotlib.pyplot as plt
import pandas as pd
import smlib

ds = smlib.load_sample(org)
messages = smlib.pseudonymise(ds.interactions)
print("Organisation:", ds.profile.name)
print("What it does:", ds.profile.sector)

# %% [markdown]
# ## The table
#
# `messages` is a table. Here are its first five rows. Customers' names are replaced by codes
# like `user-3fa9c1d2` to protect their privacy.
#
# Useful columns:
#
# * `platform` — where the message was posted (for example `instagram`);
# * `created_at` — when it was posted;
# * `kind` — `post` (the business's own post), `comment`, `reply`, `mention`, `review` or
#   `message` (a private message);
# * `author_is_org` — `True` when the business wrote it, `False` when someone else did;
# * `text` — what the message says.

# %%
messages[["platform", "created_at", "kind", "author_id", "author_is_org", "text"]].head()

# %% [markdown]
# ### Task 1
#
# How many messages are in the whole table? Store your answer in `n_messages`.
#
# *Hint:* `len(messages)` gives the number of rows of a table.

# %%
### BEGIN SOLUTION
n_messages = len(messages)
### END SOLUTION

# %% tags=["check", "nbval-check-output"]
from smlib.checks import check
check("warmup.rows")

# %% [markdown]
# ### Task 2
#
# How many of those messages did the **business itself** write? Store your answer in
# `n_business`.
#
# *Hint:* `messages["author_is_org"].sum()` counts the rows where `author_is_org` is `True`.

# %%
### BEGIN SOLUTION
n_business = int(messages["author_is_org"].sum())
### END SOLUTION

# %% tags=["check", "nbval-check-output"]
from smlib.checks import check
check("warmup.business")

# %% [markdown]
# ## Reading a table
#
# This table counts the messages on each platform, split by kind. The `All` row and column are
# the totals.

# %%
pd.crosstab(messages["platform"], messages["kind"], margins=True)

# %% [markdown]
# ### Task 3
#
# Which platform has the most messages? Store its name, in quotes, in `busiest_platform`
# (for example `busiest_platform = "youtube"`).

# %%
### BEGIN SOLUTION
busiest_platform = messages["platform"].astype(str).value_counts().idxmax()
### END SOLUTION

# %% tags=["check", "nbval-check-output"]
from smlib.checks import check
check("warmup.platform")

# %% [markdown]
# ## Reading a chart
#
# This bar chart shows how many messages arrive in each hour of the day (24-hour clock, UK
# time), over the whole table.

# %%
local_hour = messages["created_at"].dt.tz_convert(ds.profile.timezone).dt.hour
per_hour = local_hour.value_counts().reindex(range(24), fill_value=0)
fig, ax = plt.subplots(figsize=(9, 3.5))
ax.bar(per_hour.index, per_hour.values, color="#3b6ea5")
ax.set_title(f"Messages by hour of the day — {ds.profile.name}")
ax.set_xlabel("Hour of the day (24-hour clock)")
ax.set_ylabel("Number of messages")
ax.set_xticks(range(24));

# %% [markdown]
# ### Task 4
#
# Look at the chart. In which hour of the day do the most messages arrive? Store the hour as
# a whole number from 0 to 23 in `busiest_hour` (for example `busiest_hour = 9` for 9:00–9:59).

# %%
### BEGIN SOLUTION
busiest_hour = int(per_hour.idxmax())
### END SOLUTION

# %% tags=["check", "nbval-check-output"]
from smlib.checks import check
check("warmup.hour")

# %% [markdown]
# ### Task 5
#
# In your own words, what does **one row** of the `messages` table stand for? Write one
# sentence between the triple quotes `"""` in `one_row_is`.

# %%
### BEGIN SOLUTION
one_row_is = """Each row is one message, such as a post, a comment or a review, on one platform."""
### END SOLUTION

# %% tags=["check", "nbval-check-output"]
from smlib.checks import check
check("warmup.row")

# %% [markdown] tags=["tutor-only"]
# **Tutor note.** The warm-up serves no criterion on its own; it prepares learners for P3.
# Learners who finish early can try Task 3 again for a single day, or count the messages the
# business wrote on each platform.

# %% [markdown]
# ## Well done
#
# You can load data, read a table and read a chart. Next: **P3 — monitoring five days of
# activity** (`01_p3_monitoring.ipynb`).
