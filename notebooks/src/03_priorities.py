# %% [markdown]
# # 03 · What needs doing first? Sorting and prioritising (M2)
#
# Unit 3 **M2** asks you to *prioritise any activity that requires action and give reasons for
# choosing the activity assigned the highest and lowest priority*. Teaching content 2.2 adds:
# *prioritise comments* and *flag comments which need dealing with urgently*.
#
# In this notebook you will:
#
# 1. sort every message into **posted by the business**, **needs action** or **no action**;
# 2. see how a **priority score** (0–100) is worked out, with a reason for every point;
# 3. look at the **queue** – the messages that need action, most important first;
# 4. find the **urgent** ones, with a sentence you can copy into your M2 work;
# 5. explain the **highest** and **lowest** priority (exactly what M2 asks);
# 6. read **suggested replies** (templates – a person always checks and sends them);
# 7. check for a **crisis** (a sudden rise in negative messages);
# 8. spot **security risks** (scams, fake accounts) to report – never to click.
#
# Customers are shown as pseudonyms such as `user-3fa9c1d2` (the Data Protection Act applies to
# your coursework too), and web links in suspicious messages are "defanged"
# (`hxxps://bad[.]example`) so nobody can click them by accident.

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
from smlib import reportview as rv   # tables written for people: headings in words
from smlib.crisis import plot_crisis
from smlib.priority import (load_priority_rules, load_responses, monitoring_frame, prioritise_period,
                            priority_queue)
from smlib.summary import platform_label, platform_name   # "reviews" -> "Review sites" / "review sites"
from smlib.strong_language import content_note_for   # a warning before real messages with swearing
from smlib.schema import is_utc   # "UTC", "Etc/UTC", "GMT" … all say UTC

pd.set_option("display.max_colwidth", 100)
pd.set_option("display.width", 160)

ds = smlib.load_org(org, org_handles=org_handles)
name = smlib.summary.display_name(ds) or str(org)   # a name or handle, never a code
frame, chosen_days = monitoring_frame(ds, days=days, platforms=platforms)
# score everything (so waiting times, repeat contact and spikes see the days around), keep your days
p, _ = prioritise_period(ds, days=chosen_days, platforms=platforms)
keep = tuple(smlib.metrics.org_handles(ds))   # the organisation's own names stay readable
tz = smlib.metrics.analysis_timezone(ds)   # the organisation's own clock (UTC when nobody says)

# %% tags=["nbval-check-output"]
print(f"Organisation: {name}")
print("Monitoring days:", ", ".join(f"{d:%a %d %b %Y}" for d in chosen_days))
print(f"Messages on those days: {len(p):,}")
note = content_note_for(p)   # "" when no message from the public has swearing or slurs
if note:
    print(note)
now = pd.Timestamp(p.attrs["priority_now"])
now = now.tz_localize("UTC") if now.tzinfo is None else now
print("Waiting times are measured up to the last message:",
      f"{now.tz_convert(tz):%a %d %b %H:%M} ({'UTC' if is_utc(tz) else f'{tz} time, the organisation’s own clock'})")

# %% [markdown]
# ## 1. Three categories (M2)
#
# The unit asks you to sort activity into three groups:
#
# * **posted by the business** – the organisation's own posts and replies;
# * **needs action** – something the business should do: answer a question, put a complaint
#   right, *thank a customer for a review*, report a scam;
# * **no action** – chat, spam, or something the business **has already answered**
#   (we call those *handled*).

# %% tags=["nbval-check-output"]
counts = p["category"].value_counts().reindex(["posted_by_business", "needs_action", "no_action"], fill_value=0)
for cat, n in counts.items():   # rv.LABELS: "needs_action" -> "Needs action"
    print(f"{rv.LABELS[cat]:>22}: {n:4d} ({n / len(p):.0%})")
print(f"{'No action, handled':>22}: {int(p['handled'].sum()):4d} (part of No action: already answered by "
      f"{'its own organisation' if smlib.schema.SEVERAL_ORGS.match(name) else name})")

# %%
fig, ax = plt.subplots(figsize=(7, 3))
handled = int(p["handled"].sum())
labels = ["Posted by the business", "Needs action", "No action: already answered",
          "No action: chat, spam, etc."]
values = [counts["posted_by_business"], counts["needs_action"], handled, counts["no_action"] - handled]
ax.barh(labels, values, color=["#7f8c8d", "#c0392b", "#27ae60", "#a9dfbf"])
ax.invert_yaxis()
ax.set_title(f"{smlib.summary.name_at_start(name)}: messages in each M2 category")
ax.set_xlabel("Number of messages")
ax.set_ylabel("Category")
for i, v in enumerate(values):
    ax.text(v, i, f" {v}", va="center")
plt.tight_layout();

# %% [markdown]
# Two examples of each category (customers pseudonymised):

# %%
from smlib.security import make_inert

shown = smlib.pseudonymise(p, keep=keep)
shown = shown.assign(text=shown["text"].map(make_inert))
for cat in ("posted_by_business", "needs_action", "no_action"):
    ex = shown[shown["category"] == cat].sort_values("created_at").head(2)
    print(f"--- {rv.LABELS[cat]} ---")
    if ex.empty:
        print("  (none on these days)")
    for _, r in ex.iterrows():
        print(f"  [{platform_label(r['platform'])}] {rv.author_label(r['author_id'])}: {rv.one_line(r['text'])[:110]}")
        print(f"      why: {r['reasons'][0]}")

# %% [markdown]
# ## 2. How the priority score works
#
# Each message that needs action gets points for what it says and for its situation. The
# points come from a file your tutor can edit (`data/priority_rules.toml`). Here they are:

# %%
rules = load_priority_rules()
rows = []
for key, f in rules["factors"].items():
    if "points" in f:
        pts = f["points"]
    elif "points_per_hour" in f:
        pts = f"{f['points_per_hour']} per hour (max {f['max_points']})"
    elif "points_per_message" in f:
        pts = f"{f['points_per_message']} per earlier message (max {f['max_points']})"
    else:
        pts = "2–8 by size"
    rows.append({"factor": key.replace("_", " "), "points": pts,   # "repeat_contact" -> "repeat contact"
                 "meaning": rv.rule_words(f["reason"])})   # "{waited}" -> "a long time"
rv.table(pd.DataFrame(rows), {"factor": "Factor", "points": "Points", "meaning": "What it means"})

# %% [markdown]
# The scores are added up and kept between 0 and 100. **Every point has a reason**, so you can
# always check the sum. Here is the top message's working:

# %% tags=["nbval-check-output"]
from smlib.priority import reason_points

queue = priority_queue(p, keep=keep)
if len(queue):
    top = queue.iloc[0]
    for r in top["reasons"]:
        print("  ", r)
    print(f"   = {sum(reason_points(r) for r in top['reasons'])} points (priority {top['priority']})")
else:
    print("Nothing needs action on these days.")

# %% [markdown]
# **Think about it:** do you agree with the weights? A tutor could, for example, decide that a
# customer who has waited a long time should count for more. Change a number in the rules file
# and run the notebook again to see the queue change.
#
# ## 3. The queue: what needs action, most important first

# %% tags=["nbval-check-output"]
if len(queue):
    print(f"{len(queue)} message{'' if len(queue) == 1 else 's'} need{'s' if len(queue) == 1 else ''} action. "
          f"The top {min(10, len(queue))}:")
else:
    print("No message needs action on these days, so there is nothing to rank.")
for i, r in queue.head(10).iterrows():
    print(f"{i + 1:2d}. {r['priority']:3d}  [{platform_label(r['platform'])}]  {rv.one_line(r['text'])[:70]}")

# %%
fig, ax = plt.subplots(figsize=(7, 3))
ax.hist(queue["priority"], bins=range(0, 105, 5), color="#c0392b", edgecolor="white")
if queue.empty:   # an empty chart says why
    ax.text(0.5, 0.5, "No message needs action on these days", transform=ax.transAxes, ha="center")
ax.yaxis.get_major_locator().set_params(integer=True)   # counts: 0, 1, 2 (not 0.2, 0.4)
ax.set_title(f"{smlib.summary.name_at_start(name)}: how the priority scores are spread")
ax.set_xlabel("Priority score (0–100)")
ax.set_ylabel("Number of messages");

# %% [markdown]
# ## 4. Urgent messages (2.2: flag comments which need dealing with urgently)
#
# A message is **urgent** when it reports a safety hazard, a customer in distress, a legal
# threat or a security risk – or when its total score is very high. An urgent message always
# scores at least 70 (one of its reasons says so), so urgent messages come first in the queue.
# The sentence after each one is written so you can copy it into your M2 work.

# %% tags=["nbval-check-output"]
urgent = queue[queue["urgent"]]
print(f"Urgent messages: {len(urgent)}")
for _, r in urgent.head(8).iterrows():
    print(f"- {r['author_id']}: \"{r['text'][:80]}\"")
    print(f"    {r['urgent_reason']}")

# %% [markdown]
# ## 5. Highest and lowest priority, with reasons (M2)
#
# M2 asks for the reasons behind the **highest** and the **lowest** priority *among the
# activity that needs action* (chat and spam are not in the running: they need no action).

# %% tags=["nbval-check-output"]
extremes = smlib.explain_extremes(p, keep=keep)
print(extremes["text"])

# %% [markdown]
# **Your turn:** in your own words, say *why* the highest matters most (who could be harmed,
# how long they have waited, how many people can see it) and why the lowest can wait. Do you
# agree with the computer? If not, say which factor you would weigh differently – that is good
# M2 reasoning.
#
# ## 6. Suggested replies (standard responses)
#
# Organisations keep **standard responses** for common situations (OSM007 asks for at least
# four), then tailor them. smlib picks one for each message; a person always edits and sends it.
# The templates live in `data/responses.toml`:

# %%
resp = load_responses()
rv.table(pd.DataFrame([{"situation": rv.situation_label(k), "used when": v["when"]}
                       for k, v in resp["situations"].items()]),
         {"situation": "Situation", "used when": "Used when"})

# %%
for _, r in queue.head(3).iterrows():
    print(f"Message ({r['priority']}): {rv.one_line(r['text'])[:90]}")
    print(f"Suggested reply: {r['suggested_response']}\n")
if queue.empty:
    print("No message needs action on these days, so there is no reply to suggest.")

# %% [markdown]
# ## 7. Crisis early warning
#
# A **crisis** starts as an unusual rise in negative messages, and "a slow response often makes
# the crisis worse". Monitoring tools warn you early by comparing each hour (or day) with what
# is normal just before it. Here an alarm needs at least 5 negative messages in an hour (10 in a
# day) *and* a count that normal activity would reach less than once in 1,000 hours (days).
#
# The chart uses all the data we have, so it has a "normal" to compare with; your monitoring
# days are shaded blue.

# %% tags=["nbval-check-output"]
crisis_h = smlib.detect_crisis(ds, freq="h")
crisis_d = smlib.detect_crisis(ds, freq="D")
print("Per hour:", crisis_h.summary)
print("Per day: ", crisis_d.summary)
in_days = [per["label"] for res in (crisis_h, crisis_d) for _, per in res.periods.iterrows()
           if any(per["start"] < pd.Timestamp(d) + pd.Timedelta(days=1) and per["end"] > pd.Timestamp(d)
                  for d in chosen_days)]
print("Crisis periods on your monitoring days:", ", ".join(in_days) if in_days else "none")

# %%
fig, axes = plt.subplots(2, 1, figsize=(11, 7))
plot_crisis(crisis_h, ax=axes[0], highlight_days=chosen_days,
            title=f"{smlib.summary.name_at_start(name)}: negative messages per hour (red = crisis warning)")
plot_crisis(crisis_d, ax=axes[1], highlight_days=chosen_days,
            title=f"{smlib.summary.name_at_start(name)}: negative messages per day")
plt.tight_layout();

# %% [markdown]
# **Reach** tells you how many people could see the crisis: the followers of the people posting,
# plus shares and views. **Response** compares how quickly the business replied during the
# crisis with the rest of the time – did it keep up?
#
# ## 8. Security risks: report, never click
#
# Scammers copy a business's name to trick its customers: fake "help" accounts, look-alike web
# addresses, "claim your refund" links, requests for card details or passwords, "install this
# app". Unit 3 asks you to recognise these risks. The web addresses below are made safe
# (`hxxps`, `[.]`) so they cannot be clicked.

# %% tags=["nbval-check-output"]
risks = smlib.find_security_risks(frame, profile=ds.profile)
print(f"Security risks on your monitoring days: {len(risks)}")
for _, r in risks.iterrows():
    print(f"- {r['author']} on {platform_name(r['platform'])}: \"{r['text_inert'][:100]}\"")
    print(f"    why: {r['reason']}")

# %% [markdown]
# What to do with each one: **report it** to the platform and to your manager, warn customers
# (see the "security" standard response) and **never** click the link or reply with details.
#
# ## Summary for M2
#
# * Sort the activity into the three categories and give the counts (section 1).
# * Rank what needs action (section 3) and flag the urgent items with a reason (section 4).
# * Explain the highest and the lowest priority, in your own words (section 5).
# * Mention any crisis warning or security risk you would escalate (sections 7 and 8).
