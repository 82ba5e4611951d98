# %% [markdown]
# # M2 — Sorting and prioritising social media activity
#
# **Criterion M2:** *prioritise any activity that requires action and give reasons for choosing
# the activity assigned the highest and lowest priority.*
#
# For M2 you sort every message into one of **three groups**:
#
# * **posted by the business** — the organisation's own posts and replies;
# * **needs action** — the business should do something, for example respond to a complaint,
#   answer a question, or thank a customer for a review or kind comment;
# * **no action** — nothing needs doing.
#
# Then you put the messages that need action in order of **priority** and explain why the
# highest is highest and the lowest is lowest.
#
# Run the **check** cell after each task. It says ✓, or what is not right yet — never the answer.

# %% tags=["parameters"]
org = "tidy-paws"

# %%
import smlib
from smlib.checks.m2 import ten_messages

ds = smlib.load_sample(org)
days = smlib.default_days(ds, 5)
print("Organisation:", ds.profile.name, "—", ds.profile.sector)
print("Monitoring days:", ", ".join(d.strftime("%a %d %b %Y") for d in days))

# %% [markdown]
# ## Sorting into three groups
#
# Here are ten messages from the monitoring days. `who` shows who wrote each one (customers are
# shown as codes to protect their privacy).

# %%
ten = ten_messages(org)
ten

# %% [markdown]
# ### Task 1
#
# Decide the group of each message. Next to each number in `my_categories`, write one of
# `"posted by the business"`, `"needs action"` or `"no action"`.

# %%
### BEGIN SOLUTION
_scored = smlib.prioritise(ds)  # the tool's own sorting of every message
_category_of = dict(zip(zip(_scored["platform"].astype(str), _scored["message_id"].astype(str)),
                        _scored["category"].astype(str).str.replace("_", " ")))
_keys = ten.attrs["keys"]
my_categories = {
    1: _category_of[_keys[1]],
    2: _category_of[_keys[2]],
    3: _category_of[_keys[3]],
    4: _category_of[_keys[4]],
    5: _category_of[_keys[5]],
    6: _category_of[_keys[6]],
    7: _category_of[_keys[7]],
    8: _category_of[_keys[8]],
    9: _category_of[_keys[9]],
    10: _category_of[_keys[10]],
}
### END SOLUTION

# %% tags=["check", "nbval-check-output"]
from smlib.checks import check
check("m2.categories")

# %% [markdown]
# ## Putting the messages that need action in order
#
# `smlib.prioritise` gives every message a `priority` from 0 to 100 and lists its `reasons`.
# `queue` holds the messages from the five monitoring days that **need action**.

# %%
prioritised = smlib.prioritise(ds)
local_day = prioritised["created_at"].dt.tz_convert(ds.profile.timezone).dt.date
queue = prioritised[local_day.isin(days) & (prioritised["category"] == "needs_action")]
# pseudonyms for customers (also when a message names another customer); the business keeps its name
queue = smlib.pseudonymise(queue, keep=ds.profile.handles.values(), people=prioritised)[
    ["message_id", "platform", "author_id", "priority", "urgent", "text", "reasons"]]
print("Messages that need action:", len(queue))
queue.head()

# %% [markdown]
# ### Task 2
#
# Which message has the **highest** priority? Copy its `message_id` (in quotes) into
# `highest_id`.
#
# *Hint:* `queue.sort_values("priority")` puts the table in order of priority.

# %%
### BEGIN SOLUTION
highest_id = queue.sort_values("priority", ascending=False)["message_id"].iloc[0]
### END SOLUTION

# %% tags=["check", "nbval-check-output"]
from smlib.checks import check
check("m2.highest")

# %% [markdown]
# ### Task 3
#
# Which message has the **lowest** priority? Copy its `message_id` into `lowest_id`.

# %%
### BEGIN SOLUTION
lowest_id = queue.sort_values("priority")["message_id"].iloc[0]
### END SOLUTION

# %% tags=["check", "nbval-check-output"]
from smlib.checks import check
check("m2.lowest")

# %% [markdown]
# ## Giving reasons
#
# Look at the two messages and their reasons. Run this cell once your `highest_id` and
# `lowest_id` are filled in.

# %%
from smlib.checks.m2 import same_message  # reads the id the way the checks do

for label, name in (("Highest", "highest_id"), ("Lowest", "lowest_id")):
    chosen = queue[same_message(queue["message_id"], globals().get(name))]
    if chosen.empty:
        print(f"{label}: fill in {name} first.")
        continue
    row = chosen.iloc[0]
    print(f"{label} priority ({row['priority']}/100) on {row['platform']}: {row['text']}")
    for reason in row["reasons"]:
        print("   ", reason)
    print()

# %% [markdown]
# ### Task 4
#
# In your own words, explain **why** the highest-priority message is the most important to deal
# with. Write between the triple quotes in `why_highest`.

# %%
### BEGIN SOLUTION
_top = queue[queue["message_id"] == highest_id].iloc[0]
why_highest = f"""It is the highest priority because it {_top['reasons'][0].split(' ', 1)[1]},
and the business has not replied to it yet."""
### END SOLUTION

# %% tags=["check", "nbval-check-output"]
from smlib.checks import check
check("m2.why_highest")

# %% [markdown]
# ### Task 5
#
# Now explain **why** the lowest-priority message can wait. Write it in `why_lowest`.

# %%
### BEGIN SOLUTION
_low = queue[queue["message_id"] == lowest_id].iloc[0]
why_lowest = f"""It is the lowest priority because it only {_low['reasons'][0].split(' ', 1)[1]};
it is not urgent, so it can wait until the more important messages are dealt with."""
### END SOLUTION

# %% tags=["check", "nbval-check-output"]
from smlib.checks import check
check("m2.why_lowest")

# %% [markdown] tags=["tutor-only"]
# **Tutor note (M2).** Task 1 practises the three groups the unit names (posted by the business /
# needs action / no action). The ten messages are picked from the data where the tool's group
# is clear-cut. Feedback says when the business's own posts are out of their group, and only
# whether the needs action / no action split is right, never how many or which messages are
# wrong (so learners cannot find the answer by changing one message at a time).
# Tasks 4 and 5 are checked only for a reason that names what scored the message (safety,
# distress, complaint, waiting time, repeat contact, reach …), never for grammar; the reason
# for the highest must also be true of that message (its topic, its figures). Discuss with
# the group whether they agree with the tool: M2 asks for *their* reasons.

# %% [markdown]
# ## Well done
#
# Next: **P4 — how useful are the monitoring tools?** (`03_p4_tools.ipynb`).
