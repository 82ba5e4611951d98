# %% [markdown]
# # 04 · Which monitoring tool? (P4 and D1)
#
# Unit 3 asks you to:
#
# * **P4** – *describe the usefulness of the online tools* an organisation uses to monitor social media;
# * **D1** – *recommend an online tool for the organisation and give reasons for your choice.*
#
# "Useful" is not a feeling: we can **measure** it. In this notebook we take the organisation's
# real messages from the monitoring days and ask, for each tool: *how much of this would the tool
# have shown you? Which of the six things in 2.1 can it tell you? Can it warn you about urgent
# messages? What does it cost? Is it easy to use?*

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
import matplotlib.pyplot as plt
import pandas as pd

import smlib
from smlib import tools
from smlib.reportview import figures_for_people   # numbers written for people: 95%, 7 min
from smlib.reportview import table   # a table written for people (lists joined, yes/no)
from smlib.summary import platform_name   # "x" -> "X", "reviews" -> "review sites"
from smlib.strong_language import content_note_for   # a warning before real messages with swearing

pd.set_option("display.max_colwidth", 90)
pd.set_option("display.width", 160)

ds = smlib.load_org(org, org_handles=org_handles)
if platforms:
    keep = ds.interactions["platform"].astype(str).isin(platforms)
    ds = ds.replace(interactions=ds.interactions[keep].reset_index(drop=True))
if days is None:
    days = smlib.default_days(ds, 5)
ds = smlib.enrich(ds)   # adds sentiment, themes and the M2 categories (needs action? urgent?)

# %% tags=["nbval-check-output"]
name = smlib.summary.display_name(ds) or str(org)   # a name or handle, never a code
print(f"Organisation: {name}")
print("Monitoring days:", ", ".join(str(d) for d in days))
print("Platforms:", ", ".join(platform_name(p) for p in sorted(set(ds.interactions["platform"].astype(str)))))
shown = tools.select_days(ds.interactions, days, ds.profile)
print(f"Messages on those days: {len(shown):,}")
note = content_note_for(shown)   # "" when no message from the public has swearing or slurs
if note:
    print(note)

# %% [markdown]
# ## 1. The tools (P4)
#
# The table below comes from `data/tools.toml`, the project's **tool catalogue**. Every fact in it
# has the date it was checked and where it came from (your tutor can update it).
#
# Two words you need:
#
# * **Own accounts** – the tool connects to the organisation's *own* pages. It sees the
#   organisation's posts, the comments and replies on them, and private messages (DMs).
#   It does **not** see people talking about the organisation somewhere else.
# * **Listening** – the tool *searches* public posts by anyone for the organisation's name.
#   It finds mentions and reviews elsewhere, but it can **never** see private messages.
#
# Look at the **Status** column: Klout closed in May 2018. For Social Mention and TweetReach we
# could not confirm that they still work today, so they are marked *unverified*.
# "Unconfirmed facts" counts the facts we could not check against a source – a good thing to
# mention when you describe a tool.

# %%
catalogue = tools.catalogue_table()
table(catalogue, max_rows=len(catalogue))   # every tool, every measure written out in full

# %% [markdown]
# ### How do we know?
# Here are the facts for two tools, with the date each was checked and its source.
# "unverified" means general knowledge that we could not confirm; "judgement" means an opinion
# with the reason given.

# %%
facts = tools.catalogue_facts()   # source_name: where the fact comes from, in words
facts = facts[facts["tool"].isin(["klout", "hootsuite"])].copy()
listed = tools.load_tool_catalogue()
tool_names = dict(zip(listed["id"], listed["name"]))
facts["tool"] = facts["tool"].map(tool_names)
# values in words: platforms as names, what the tool reads, the 2.1 measures in the unit's words
words = {"platforms": lambda v: ", ".join(platform_name(p) for p in v),
         "scope": tools.reads,
         "measures": lambda v: ", ".join(tools.MEASURE_LABELS.get(m, m) for m in v) or "none"}
facts["value"] = [words[f](v) if f in words else v for f, v in zip(facts["fact"], facts["value"])]
facts["fact"] = facts["fact"].map({"scope": "reads", "measures": "2.1 measures", "reports": "reports as",
                                   "history_days": "days of history", "free_tier": "free version",
                                   "ease_of_use": "ease of use (1-5)"}).fillna(facts["fact"])
# table(): True/False as yes/no, an unknown value left blank
table(facts, {"tool": "Tool", "fact": "Fact", "value": "Value", "checked": "Checked on",
              "source_name": "Source", "url": "Web address of the source"}, max_rows=30)

# %% [markdown]
# ## 2. How much of the organisation's activity would each tool see? (P4)
#
# For every message on the monitoring days we ask: *would this tool have shown it?*
# Then we count three things:
#
# * **all messages** – the share of everything that happened;
# * **needing action** – the share of messages someone should deal with (from the M2 sorting);
# * **urgent** – the share of messages flagged as urgent.
#
# A tool that misses urgent messages is not much use for customer service, however cheap it is.
# ("n/a" means there was nothing of that sort to see on these days.) If no tool sees any of the
# messages (they are all on a site none of the tools reads), the chart says so, and no tool is
# recommended in section 4.

# %%
coverage = smlib.tool_coverage(ds, days=days)

# %% tags=["nbval-check-output"]
print(tools.coverage_table(coverage).to_string(index=False))
print()
print("Messages needing action:", coverage["action_total"].iloc[0], "| urgent:", coverage["urgent_total"].iloc[0])

# %%
tools.plot_coverage(coverage)
plt.tight_layout();

# %% [markdown]
# **Reading the chart:** each tool has three bars. The longer the bars, the more of the
# organisation's activity the tool would have shown. The platforms' own tools (Meta Business
# Suite, TikTok analytics, …) only see *their* platform, so their bars are short for an
# organisation that uses many platforms.
#
# The next chart breaks this down by platform: each square is the percentage of that platform's
# messages the tool would see.

# %%
tools.plot_platform_coverage(coverage)
plt.tight_layout();

# %% [markdown]
# ## 3. The P3 figures "through the eyes" of a tool (P4)
#
# In P3 you summarised the organisation's activity. What would that summary have looked like if
# you had **only** had one tool? Below, the first column is the full picture; the others are what
# three tools would have shown. In a tool's column:
#
# * a dash (–) means the tool does not give that measure at all;
# * **sees none** means the tool gives the measure, but it would not have shown you a single
#   message from these days, so it has nothing to count;
# * **n/a** means the tool gives the measure, but has no figure for it here (a tool that searches
#   public posts has no follower counts, for example).
#
# In the first column a dash means this data does not have the figure (an export has no follower
# figures, say).

# %%
compare = ["meta-business-suite", "brand24", "hootsuite"]
views = tools.compare_views(ds, compare, days=days)

# %% tags=["nbval-check-output"]
# each figure in words (smlib.metrics.COMPARED says what most of them mean)
figure_words = {**smlib.metrics.COMPARED, "followers_end": "followers on the last day",
                "national_share": "share of followers in the home country",
                "top_age_group": "largest age group", "top_theme": "most common theme"}
shown = figures_for_people(views, missing="–")
shown.index = [figure_words.get(f, f.replace("_", " ")) for f in shown.index]
print(shown.to_string())

# %% tags=["nbval-check-output"]
for t in compare:
    print(smlib.view_through_tool(ds, t, days=days).summary())

# %% [markdown]
# **What this shows:** an own-accounts tool such as Meta Business Suite counts its own platforms
# well (and tells you followers' ages and locations), but it misses complaints posted elsewhere
# and cannot tell you the share of negative comments. A listening tool such as Brand24 finds
# public mentions and measures sentiment, but it never sees private messages – and many
# complaints arrive by DM.

# %% [markdown]
# ## 4. Which tool would you recommend? (D1)
#
# We give each tool a score out of 100 from five things:
#
# | criterion | how it is scored |
# |---|---|
# | coverage | the average of the three shares above (all, needing action, urgent) |
# | measures | how many of the six 2.1 measures it gives, out of 6 |
# | alerts | 1 if it can alert you at once to urgent items, else 0 |
# | cost | free 1, low 0.8, medium 0.5, high 0.25, price on request 0.1 |
# | ease of use | 1 to 5, turned into 0 to 1 |
#
# Each criterion has a **weight**: how much it matters to you. The score is the weighted average.
# Closed tools (and tools we could not confirm still exist) are scored so you can compare them,
# but they are **never recommended**.

# %%
rec = smlib.recommend_tool(ds, days=days)
print("Weights used:", ", ".join(f"{k} {w:g}" for k, w in rec.weights.items()))

# %% tags=["nbval-check-output"]
print(rec.text())

# %%
tools.plot_scores(rec)
plt.tight_layout();

# %% [markdown]
# ### Would the choice change? (sensitivity)
# A good recommendation does not fall over when someone values things a little differently.
# Below, each weight is made 50% lower and 50% higher, one at a time. **Different winner?** says
# *yes* when a different tool would then win.

# %% tags=["nbval-check-output"]
if rec.recommended is None:
    print(rec.stability())   # no tool recommended: nothing for the weights to change
else:
    sens = rec.sensitivity.assign(changed=rec.sensitivity["changed"].map({True: "yes", False: "no"}))
    print(sens[["criterion", "change", "weight", "winner_name", "changed"]]
          .rename(columns={"criterion": "Criterion", "change": "Weight made", "weight": "New weight",
                           "winner_name": "Winning tool", "changed": "Different winner?"})
          .to_string(index=False))

# %% [markdown]
# And here is the **smallest** change to each weight (as a multiple of its current value) that
# would make a different tool win. No row for a weight means that moving it alone, anywhere from
# 0 to 3 times its value, never changes the choice.

# %% tags=["nbval-check-output"]
if len(rec.flips):
    print(rec.flips[["criterion", "direction", "multiplier", "new_winner_name"]]
          .rename(columns={"criterion": "Criterion", "direction": "Weight made",
                           "multiplier": "Times its weight", "new_winner_name": "New winner"})
          .to_string(index=False))
else:
    print(rec.stability())   # no weight change flips it, or there is no recommendation

# %% [markdown]
# ### Your turn: choose your own weights
# Change the numbers (0 = doesn't matter, 5 = matters a lot) and run the cell. Does your
# recommendation change? Explain why in your D1 answer.

# %%
my_weights = {"coverage": 3, "measures": 2, "alerts": 1, "cost": 2, "ease": 1}
mine = smlib.recommend_tool(ds, days=days, weights=my_weights)
print(f"With my weights: {mine.short()}")   # e.g. "Brand24 (runner-up: Hootsuite)"

# %% [markdown]
# ### For tutors: weight sliders
# Drag the sliders to show the class how the recommendation moves. (They only work in a live
# notebook; nothing else in this notebook depends on them.)

# %%
tools.weight_sliders(ds, days=days)

# %% [markdown]
# ## 5. Writing it up
#
# **P4 – describe the usefulness** of each tool the organisation uses. For each one, say:
# what it can see (own accounts or listening; which platforms), what share of the messages and of
# the urgent ones it would have shown, which 2.1 measures it gives and which it cannot, whether it
# alerts you, what it costs, and how easy it is. Mention the tools' status (Klout no longer exists).
#
# **D1 – recommend one tool**: name it, give at least three reasons using the figures above,
# say why the runner-up lost, and say whether your choice still holds if the weights change.
