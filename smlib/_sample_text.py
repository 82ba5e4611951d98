"""Wording pools for the sample generator (private to :mod:`smlib.generate`).

Customer messages are composed from an *opening*, a sector-specific *detail* and a *closing*,
with slots filled in (``{place}``, ``{item}``, ``{time}``, …) and a personal style applied
(lower case, typos, text-speak, emoji, hashtags). No numbered templates: two customers saying
the same thing almost never use the same words, as in real feeds.

Everything here is invented: organisations, people, places of business and links.
"""
from __future__ import annotations

# --------------------------------------------------------------------------------------------
# openings and closings shared by every sector (by intent); "" means "no opening/closing"
OPEN = {
    "complaint": ["", "", "", "Not happy.", "Seriously?", "Really disappointed.", "Honestly,", "Right,",
                  "Ugh.", "Come on {org}.", "Hi {org},", "Absolutely fuming.", "Why??",
                  "Third time this month:", "Not impressed tbh.",
                  "Shocking service.", "So annoyed right now.", "Sorry but", "Just had the worst experience.",
                  "This is getting ridiculous.", "Hey,", "Is anyone actually reading these?", "Can someone explain this?"],
    "question": ["", "", "", "Hi,", "Hello,", "Hi there,", "Quick question:", "Hey {org},",
                 "Can anyone help?", "Morning!", "Does anyone know?", "Wondering if you can help.",
                 "Hi all,", "Sorry if this has been asked already,", "Help please!", "Evening,"],
    "praise": ["", "", "", "Just wanted to say", "Massive shout out:", "Honestly,", "Big thanks!",
               "Love this.", "Wow.", "Credit where it's due:", "Have to say", "So impressed!",
               "Aww,", "Five stars from me.", "10/10.", "Can't fault it:"],
    "suggestion": ["", "", "Idea:", "Suggestion for {org}:", "Just a thought,", "Hi {org},",
                   "Feedback:", "Hear me out:", "Small request:", "Honestly,",
                   "Not a complaint, just a suggestion:"],
    "chat": ["", "", "", "Haha,", "Lol", "Omg", "Ngl", "Not gonna lie,", "Honestly,", "Ok so",
             "Just saying,"],
}
CLOSE = {
    "complaint": ["", "", "", "Sort it out.", "Not good enough.", "Expect better tbh.",
                  "Any chance of a reply?", "Still waiting for an answer.", "Very disappointed.",
                  "Won't be coming back.", "What are you going to do about it?",
                  "Absolute joke.", "Please respond.", "Is this normal?", "Cheers for nothing.",
                  "Thanks a lot...", "Rant over."],
    "question": ["", "", "", "Thanks!", "Thanks in advance.", "Cheers.", "Thank you x",
                 "Any help appreciated.", "Ta.", "Thanks so much", "Would be good to know.",
                 "Many thanks"],
    "praise": ["", "", "", "Thank you!", "Keep it up!", "You lot are brilliant.", "Made my day.",
               "Will definitely be back.", "x", "Cheers!", "Much appreciated.",
               "Well done everyone.", "Legends."],
    "suggestion": ["", "", "", "Just saying!", "Would make a big difference.", "Thanks for listening.",
                   "Anyone agree?", "Worth a try?", "Pretty please?", "Would love that."],
    "chat": ["", "", "", "😂", "lol", "haha", "just me?", "anyway", "🙈", "x"],
}

EMOJI = {
    "complaint": ["😡", "🙄", "😤", "😞", "👎", "🤬", "😩", "😒", "😠"],
    "question": ["🙏", "🤔", "😊", "🙂", "❓"],
    "praise": ["😍", "❤️", "🙌", "👏", "😊", "⭐⭐⭐⭐⭐", "🥰", "💯", "👍"],
    "suggestion": ["🙏", "🤞", "💡", "😉", "🙂"],
    "chat": ["😂", "🤣", "😅", "🙈", "👀", "✨", "😆"],
    "sarcasm": ["🙃", "👏", "🙄", "😂", "🤡"],
}

# word -> text-speak (applied to some messages only)
ABBREV = {"you": "u", "please": "pls", "thanks": "thx", "because": "cos", "tomorrow": "tmrw",
          "your": "ur", "people": "ppl", "really": "rly", "before": "b4", "tonight": "2nite",
          "to be honest": "tbh", "I don't know": "idk", "as soon as possible": "asap",
          "and": "&", "minutes": "mins", "today": "2day", "message": "msg", "with": "w/"}

# --------------------------------------------------------------------------------------------
# spam and scams (scams impersonate the brand; the link is invented and must not be clicked)
SPAM = [
    "Earn £{n}00 a week working from home, no experience needed! Check my bio 💰💰",
    "🔥 Grow your followers FAST 🔥 10k real followers for £9.99, DM me",
    "I made £{n},000 last month trading crypto with Mr Dalton's signals, message him now 📈",
    "Check out my page for the best deals online 👉👉",
    "Want free phone credit? Click the link in my profile!!!",
    "Promote your business with us! We get 1000s of views guaranteed. DM for prices",
    "💸💸 investment opportunity 💸💸 double your money in 7 days, dm me",
    "Hot singles in your area want to meet you 😘 link in bio",
    "Follow back? I follow everyone who follows me 🙏🔁",
    "FREE iPhone giveaway on my page!! Just like and share 📱",
    "Need a loan today? No credit checks! Whatsapp the number on my profile",
    "lovely post 😍😍 pls check my page too and follow",
    "Who wants to learn how I quit my 9-5? Comment YES 👇",
    "Selling cheap designer trainers, DM for pics 👟",
]

SCAM_NAMES = ["{org} Support Team", "{org} Customer Care", "{org} Help Desk", "{org} Rewards",
              "{org} Official Support"]
SCAM_HANDLES = ["@{short}_SupportTeam", "@{short}Care_Help", "@{short}_Helpdesk1", "@{short}Rewardz",
                "@{short}_Official_Care"]
SCAM_TEXT = [
    "Hi, we're sorry about your experience. To get your refund please fill in your details here: "
    "https://{short}-refund-centre.info/claim and our team will process it within 24 hours.",
    "🎉 Congratulations! You have been selected to receive a £{n}00 {org} voucher. Claim before "
    "midnight: http://{short}-rewards-uk.co/win ⏰",
    "Dear customer, your account has been flagged. Verify your payment details now to avoid "
    "suspension: https://secure-{short}-verify.com/login",
    "Please DM us your full card number and the 3 digits on the back so we can refund you "
    "straight away. {org} Support 💙",
    "We are giving away {n}0 free gift cards to celebrate our anniversary! 🎁 Enter here: "
    "https://{short}-giveaway.net/enter",
]

# --------------------------------------------------------------------------------------------
# what the organisation writes back (by intent); {first} = customer's first name
REPLY = {
    "complaint": ["Hi {first}, sorry to hear this. {action}", "We're really sorry, {first}. {action}",
                  "Sorry about this {first}, that's not what we want for you. {action}",
                  "Hi {first}, we understand how frustrating that is. {action}",
                  "Apologies {first}. {action}"],
    "question": ["Hi {first}, {answer}", "Hello {first}! {answer}", "Hi there, {answer}",
                 "Thanks for asking, {first}. {answer}"],
    "praise": ["Thanks so much {first}! We'll pass this on to the team 😊",
               "Aww, this made our day, thank you {first}! 💙", "Thank you for the kind words {first}!",
               "So glad you enjoyed it! Hope to see you again soon.",
               "Thanks {first}! We'll make sure the team sees this."],
    "suggestion": ["Thanks for the suggestion {first}, we'll pass it on to the right team.",
                   "Great idea {first}! We've shared this with our managers.",
                   "Thanks {first}, feedback like this really helps us improve."],
    "chat": ["😂😂", "Haha we feel this {first}!", "Love this 😄", "Ha! Thanks for sharing {first}.",
             "You're not alone {first}!"],
    "safety": ["Thank you for telling us {first}. We've alerted the team on site and they're dealing "
               "with it now. Please keep clear of the area. {action}",
               "{first}, thank you, this is being dealt with urgently. Please stay away from it and "
               "DM us your contact details so we can follow up."],
    "distress": ["{first}, we're so sorry. Please DM us now so we can help straight away. If you ever "
                 "feel unsafe, please call 999.",
                 "Hi {first}, please send us a DM with where you are and we'll do everything we can "
                 "to help. Stay safe 💙"],
    "scam": ["⚠️ Please note: this account is NOT {org}. We will never ask for card details or send "
             "prize links. Please don't click it; we've reported it."],
    "followup": ["Thanks {first}, we've picked up your DM and replied.",
                 "Glad that's sorted {first}!", "Thanks for bearing with us {first}.",
                 "We've chased this for you {first}, you should hear back today.",
                 "Sorry for the wait {first}. A colleague will be in touch by the end of the day."],
}
SIGNATURE = ["", "", " ^JM", " ^SK", " ^AB", " ^RT", " ^LP", " ^DN", " ^CW", " ^HF", " - Sam",
             " - Priya", " - Tom", " ^EO"]

# customer follow-ups after the organisation replied: (intent, text)
FOLLOWUP = [
    ("praise", "Thanks, that's sorted now 👍"), ("praise", "Brilliant, thank you for the quick reply!"),
    ("chat", "DM sent"), ("chat", "Done, just sent you a message"), ("chat", "ok will do"),
    ("complaint", "Still waiting for a reply to my DM..."), ("complaint", "That's not good enough tbh"),
    ("complaint", "I've already done that twice and nothing happened"),
    ("question", "How long will that take?"), ("question", "Is there a phone number I can ring instead?"),
    ("praise", "Thank you, really appreciate it x"), ("chat", "Fair enough, cheers"),
    ("complaint", "Copy and paste reply... 🙄"), ("question", "What's the email address?"),
]

# other customers joining a complaint (kind reply, under someone else's post)
PILE_ON = ["Same here!", "This happened to me last week too", "Exactly this 👏", "+1",
           "Same thing happened to my mum", "Can confirm, it's been like this for ages",
           "Glad it's not just me", "So true", "This needs more attention", "Shared. Not acceptable.",
           "Every single time 🙄", "@{org} answer this please", "Wow that's awful",
           "They did the same to me and never replied", "Retweeting so they see it"]

# --------------------------------------------------------------------------------------------
# X profile locations (free text, as people type them)
LOCATIONS = ["Leeds", "Leeds, England", "York", "Manchester", "Manchester, UK", "Sheffield",
             "Preston", "Lancashire", "West Yorkshire", "North West England", "Liverpool", "Hull",
             "Bradford", "Harrogate", "Wakefield", "Stockport", "Chester", "Bolton", "Wigan",
             "Nottingham", "Derby", "Leicester", "Birmingham", "London", "London, UK", "Glasgow",
             "Edinburgh", "Cardiff", "Newcastle upon Tyne", "Belfast", "Dublin, Ireland",
             "UK", "England", "United Kingdom", "Yorkshire 🌹", "somewhere on a train",
             "the North", "she/her | Leeds", "Huddersfield", "Blackpool", "Lancaster",
             "up north", "Kelby", "Kelby, Lancs", "Paris, France", "New York", "🌍", "home"]

FIRST_NAMES = [
    "Aisha", "Alfie", "Amelia", "Amir", "Anna", "Ben", "Bethany", "Callum", "Charlotte", "Chloe",
    "Connor", "Daniel", "Deborah", "Declan", "Eleanor", "Ellie", "Emma", "Ethan", "Fatima", "Finn",
    "Freya", "Gareth", "Georgia", "Grace", "Hannah", "Harvey", "Hassan", "Imogen", "Isla", "Jack",
    "Jade", "Jamal", "Jasmine", "Jess", "Joe", "Josh", "Kate", "Kieran", "Laura", "Leah", "Liam",
    "Lily", "Lucy", "Luke", "Maisie", "Marcus", "Maria", "Megan", "Mohammed", "Molly", "Nadia",
    "Nathan", "Niamh", "Olivia", "Omar", "Owen", "Paige", "Priya", "Rachel", "Rhys", "Rosie",
    "Ryan", "Saanvi", "Sam", "Sarah", "Scott", "Sophie", "Stacey", "Steph", "Tariq", "Tom",
    "Tyler", "Vicky", "Wendy", "Yasmin", "Zara", "Zoe", "Bernard", "Pauline", "Kev", "Dawn",
    "Gill", "Trevor", "Sandra", "Colin", "Maureen", "Wiktoria", "Kacper", "Oluwaseun", "Chidi",
]
SURNAMES = [
    "Ahmed", "Akhtar", "Allen", "Barker", "Begum", "Booth", "Bradshaw", "Brennan", "Carr", "Chadwick",
    "Chowdhury", "Clegg", "Crossley", "Dale", "Dawson", "Dixon", "Doherty", "Fairclough", "Fenwick",
    "Fletcher", "Gallagher", "Greenwood", "Haigh", "Hale", "Hartley", "Holden", "Holt", "Hussain",
    "Ingham", "Iqbal", "Kaur", "Kowalski", "Lacey", "Lord", "Marsden", "Metcalfe", "Moss", "Mistry",
    "Nowak", "Nuttall", "Okafor", "Ollerton", "Parkin", "Patel", "Pickles", "Quinn", "Ramsden",
    "Riley", "Rowe", "Shah", "Sharples", "Shaw", "Singh", "Sutcliffe", "Swallow", "Tattersall",
    "Thorpe", "Uddin", "Varley", "Wainwright", "Walsh", "Whitaker", "Wilde", "Woodhead", "Yates",
    "Adeyemi", "Nolan", "Kershaw", "Pemberton", "Brook", "Lister", "Ogden", "Rhodes", "Hirst",
]
HANDLE_WORDS = ["runs", "bakes", "reads", "travels", "_writes", "86", "_uk", "x", "_", "99",
                "official", "_xo", "loves_tea", "nfc", "_mum", "_dad", "_ldn", "_yorks", "_mcr", "1"]
"""Bits added to invented handles so they look like real ones without copying anyone's."""

FAMOUS = {"emma watson", "tom jones", "harry styles", "jack grealish", "olivia colman",
          "ed sheeran", "adele adkins", "david beckham", "john lewis", "mark williams",
          "sam smith", "james blunt", "tom daley", "daniel craig", "tom hardy", "emma stone",
          "liam gallagher", "noel gallagher", "joe allen", "lily allen", "alfie allen", "tom allen",
          "rachel riley", "kate moss", "luke shaw", "kate walsh", "nadia hussain", "tom fletcher",
          "tom riley", "harry judd", "danny jones"}
"""Full names the name generator must never produce (tests check this)."""

SPAM_NAMES = ["Crypto Queen 💰", "Follower Boost UK", "Win Big Today", "Loan Express 24/7",
              "Trendy Deals Shop", "Mr Dalton Investments", "Free Giveaways UK", "Sophie 💋"]
SPAM_HANDLES = ["@cryptoqueen_8841", "@followerboost_uk", "@win.big.today", "@loanexpress247",
                "@trendydeals_shop2", "@dalton_fx_signals", "@freegiveaways_uk", "@sophie_x_9921"]

# --------------------------------------------------------------------------------------------
# sector pools. Each has slots, customer details per intent, sarcastic complaints, business
# posts, replies' actions/answers, and the planted events (safety, distress, influencer,
# repeat complainer) adapted to the sector.
SECTORS: dict[str, dict] = {}

SECTORS["rail"] = {
    "short": "NorthwayRail",
    "slots": {
        "place": ["Leeds", "York", "Harrogate", "Huddersfield", "Wakefield Westgate", "Preston",
                  "Lancaster", "Skipton", "Halifax", "Bradford Interchange", "Sheffield",
                  "Doncaster", "Hull", "Scarborough", "Manchester Victoria", "Selby", "Knaresborough"],
        "item": ["Delay Repay claim", "season ticket", "railcard", "advance ticket", "refund",
                 "booking", "e-ticket", "seat reservation", "flexi season"],
        "staff": ["the guard", "the conductor", "the lady at the ticket office", "the driver",
                  "the staff at the barrier", "the man on the platform", "the trolley guy"],
    },
    "complaint": [
        "the {time} to {place} is cancelled again and there's no replacement bus",
        "{n}0 minutes late this morning and no announcement at all",
        "the train from {place} was so packed I couldn't even get on",
        "my {item} still hasn't been paid after {n} weeks",
        "only two carriages on the {time} at rush hour, people were standing in the toilets",
        "the toilets on the {time} from {place} were out of order the whole way",
        "the heating was broken on the {time}, freezing the entire journey",
        "sat outside {place} for {n}0 minutes with no explanation",
        "{staff} was really rude when I asked about my connection",
        "your app said on time and then the train just vanished from the board",
        "missed my connection at {place} because of the delay and had to pay for a taxi",
        "ticket machine at {place} has been broken for a week",
        "the wifi never works on any of your trains",
        "late for work for the third day running because of the {time}",
        "charged twice for my {item} on the website",
        "changed the timetable and now there's no train before 7 from {place}",
        "the lift at {place} is out of order again, I can't get my pram up the stairs",
    ],
    "sarcasm": [
        "Oh brilliant, the {time} to {place} cancelled AGAIN. Really love standing on a cold platform",
        "Wow, only {n}0 minutes late today, is this some kind of record?",
        "Thanks for the free sauna on the {time}, really needed that in October",
        "Love paying £{n}0 a week to stand next to the toilet. Great value",
        "Another day, another 'signalling problem'. You never fail to disappoint",
        "Nothing says good morning like a 'short-formed' train at rush hour",
        "Amazing how the delay is always announced exactly when the train should have arrived",
        "So glad I bought a season ticket for the privilege of never getting a seat",
    ],
    "question": [
        "is the {time} from {place} running today?",
        "how do I claim Delay Repay for yesterday's {time}?",
        "can I use my {item} on the earlier train if mine is cancelled?",
        "are there engineering works between {place} and Leeds this weekend?",
        "what's the best way to get to {place} with a bike?",
        "is there step-free access at {place} station?",
        "I left my bag on the {time} to {place}, where does lost property go?",
        "when will the new timetable be published?",
        "do I need to book assistance in advance at {place}?",
        "my {item} hasn't arrived by email, what should I do?",
        "can I get a refund on an {item} if I can't travel?",
        "are dogs allowed on your trains?",
        "will the trains be running on Sunday morning from {place}?",
    ],
    "praise": [
        "{staff} on the {time} from {place} was so helpful with my luggage",
        "train bang on time every day this week",
        "the new trains on the {place} line are so comfortable",
        "huge thanks to {staff} at {place} who helped my nan with the stairs",
        "got my Delay Repay in two days, that was easy",
        "lovely quiet coach this morning, perfect for working",
        "the view on the line to {place} never gets old",
        "your staff were amazing when I felt unwell on the train",
    ],
    "suggestion": [
        "you should put more carriages on the {time}",
        "can you add plug sockets to the older trains?",
        "a proper quiet coach on the {place} line would be great",
        "the app should tell you which carriage is least busy",
        "more bike spaces please, there's only room for two",
        "why not run a later train back from {place} on Fridays?",
    ],
    "chat": [
        "just saw the most amazing sunrise from the train near {place}",
        "commuting playlist recommendations anyone?",
        "the {time} from {place} is basically my second home at this point",
        "when the train is on time and you've got nothing to complain about",
        "someone on the train is eating a full roast dinner",
        "train journeys are the best time for reading",
    ],
    "posts": [
        "Our new timetable starts on 15 December: check your train times before you travel 🚆",
        "Planning a trip this weekend? Engineering work between {place} and Leeds means buses replace trains on Sunday.",
        "Delayed by 15 minutes or more? You could claim Delay Repay: it only takes a couple of minutes online.",
        "Meet {first}, one of our conductors on the {place} line, who has worked on the railway for 25 years 💚",
        "Autumn leaves on the line can slow trains down. Here's what our leaf-busting trains do 🍂",
        "Travelling with a bike? Here's how to reserve a space for free.",
        "Half term is coming! Kids go for £2 with a Family Railcard.",
        "Lost something on a train? Here's how to find it through lost property.",
        "Thank you to everyone who filled in our customer survey. Here's what we're changing.",
        "Need help at the station? Book Passenger Assist up to 2 hours before you travel.",
        "Behind the scenes at our {place} depot where the trains get cleaned overnight ✨",
        "Remember: you can buy tickets on our app with no booking fees.",
    ],
    "action": ["Please DM us your journey details and we'll look into it.",
               "We've passed this on to the team at {place}.",
               "Please send us a DM with more details and we'll check it.",
               "We've fed this back to the right team.",
               "If you were delayed, you may be able to claim Delay Repay on our website."],
    "answer": ["yes, the {time} is running as planned at the moment.",
               "you can claim on our website under Delay Repay, up to 28 days after travel.",
               "your ticket will be accepted on the next available service.",
               "there are buses replacing trains this Sunday: journey planner has the times.",
               "lost property is kept at Leeds station for 7 days; fill in the online form.",
               "yes, step-free access is available. You can book Passenger Assist in the app."],
    "safety": [
        "There's broken glass all over platform {n} at {place}, kids everywhere, someone's going to get hurt",
        "Exposed wires hanging down from the ceiling on the footbridge at {place} station, looks dangerous",
        "The doors on carriage C of the {time} opened while the train was still moving!!",
        "Smoke coming from under the train at {place}, everyone's been told to stay on board??",
    ],
    "distress": [
        "I'm stuck at {place}, last train cancelled, it's dark, my phone's on 4% and I'm on my own. What do I do?",
        "Please help, I use a wheelchair and I've been left on the train at {place}, no one came with the ramp",
        "My 14 year old daughter is stranded at {place}, the train terminated early and she has no money. Please can someone help her",
    ],
    "influencer": {
        "name": "Tasha Travels the North", "handle": "@tasha_travelsnorth",
        "text": "Just spent 3 hours on a Northway train from {place} to Leeds with no heating, no "
                "information and no apology. {n}0 of us missed connections. This is how NOT to run a "
                "railway. @NorthwayRail #NorthwayFail",
    },
    "repeat": [
        "The {time} to {place} was cancelled again. Second time this week.",
        "Still no reply to my message about the {time}. Cancelled AGAIN today.",
        "That's three times now. Is anyone reading this? I've been late for work every day.",
        "Week two of the {time} being cancelled or late. I want a refund on my season ticket.",
        "Fifth complaint and still nothing from you. Escalating this to the ombudsman.",
    ],
    "hashtags": ["#NorthwayFail", "#commute", "#trains", "#delays", "#Leeds", "#Yorkshire", "#rail",
                 "#MondayMotivation", "#NorthwayRail"],
    "crisis": {
        "posts": [
            "⚠️ Disruption: a signalling fault between {place} and Leeds means trains may be cancelled or delayed by up to 60 minutes. Tickets are being accepted on local buses.",
            "Update: engineers are on site at the signal failure. Please check your journey before you travel and allow extra time.",
            "We're sorry for the disruption this morning. Trains through {place} are still affected; replacement buses are being arranged.",
            "Update: lines have reopened but services will be disrupted until the end of the day. You can claim Delay Repay for any delay over 15 minutes.",
        ],
        "complaint": [
            "sat on the train outside {place} for {n}0 minutes, no info, signal failure AGAIN",
            "no trains between {place} and Leeds, absolute chaos at the station",
            "how can a whole line shut down because of one signal?? I'm going to lose my job",
            "hundreds of us stuck at {place} and not one member of staff in sight",
            "your app says everything is fine but nothing is moving",
            "paid £{n}0 for a ticket to sit on a platform for two hours",
            "replacement buses?? Where?? Nobody at {place} knows anything",
            "kids missed school, I missed an interview. Thanks for nothing",
            "every single train cancelled and you post a cheery update like it's nothing",
        ],
        "question": [
            "is anything running from {place} to Leeds at all?",
            "will my ticket be valid tomorrow if I can't travel today?",
            "are the buses from {place} replacing the trains? Where do they leave from?",
            "how long is the signal failure going to last?",
            "can I claim for a taxi because of the disruption?",
        ],
    },
}

SECTORS["retail"] = {
    "short": "BrightMart",
    "slots": {
        "place": ["Leeds", "Bolton", "Stockport", "Derby", "Sheffield", "Warrington", "Chester",
                  "Huddersfield", "Wigan", "Preston", "Nottingham", "York", "online"],
        "item": ["air fryer", "toaster", "bedding set", "desk lamp", "phone charger", "towels",
                 "storage boxes", "mirror", "rug", "cushions", "blender", "coffee machine",
                 "duvet", "hair dryer", "saucepan set", "Christmas lights"],
        "big": ["coffee machine", "vacuum cleaner", "smart TV bundle", "mattress"],
        "elec": ["phone charger", "hair dryer", "extension lead", "desk lamp", "air fryer",
                 "electric blanket", "toaster"],
        "staff": ["the lady on the tills", "the manager", "the delivery driver", "a young lad on the shop floor",
                  "the staff at customer services", "the woman in the click and collect queue"],
    },
    "complaint": [
        "my {item} order still hasn't arrived after {n} days",
        "ordered a {item} and got sent the wrong colour",
        "the {item} I bought stopped working after a week",
        "waited {n}0 minutes on the phone and then got cut off",
        "still waiting for my refund for the {item} I returned {n} weeks ago",
        "click and collect at {place} said ready but they couldn't find my order",
        "{staff} at {place} was so rude to my mum",
        "charged me twice for the same order",
        "the {item} arrived broken, box was completely smashed",
        "website keeps crashing at checkout",
        "only one till open at {place} on a Saturday, queue out the door",
        "delivery said 'left in a safe place' and it's nowhere to be seen",
        "price went down the day after I bought my {item}, can't get the difference back",
    ],
    "sarcasm": [
        "Love how 'next day delivery' means next week. Great job",
        "Wow, a whole {n} days to answer an email, you're really spoiling us",
        "So glad I paid for express delivery to watch the tracking say 'delayed' for 4 days",
        "Amazing customer service, the chatbot hung up on me twice",
        "Nothing says quality like a {item} that breaks in a week",
    ],
    "question": [
        "do you price match on the {item}?",
        "is the {item} back in stock at {place}?",
        "how long do refunds take to show on my card?",
        "can I return something bought online to the {place} store?",
        "what time does the {place} store open on Sunday?",
        "do you have the {item} in grey?",
        "is there a warranty on the {item}?",
        "when does the Black Friday sale start?",
        "can I change the delivery address after ordering?",
        "do you deliver to Northern Ireland?",
        "my discount code isn't working, can you help?",
    ],
    "praise": [
        "{staff} at {place} went above and beyond to find me a {item}",
        "love my new {item}, best purchase this year",
        "delivery came a day early, brilliant",
        "refund sorted in minutes at the {place} store, so easy",
        "the new autumn range is gorgeous",
        "great value, my {item} looks way more expensive than it was",
        "really helpful chat on your website today",
    ],
    "suggestion": [
        "please bring back the {item} in the old design",
        "you should offer a recycling scheme for old electricals",
        "would be great to have more self checkouts at {place}",
        "add a filter for price on the app please",
        "plastic-free packaging would be amazing",
    ],
    "chat": [
        "went in for a candle, came out with a {item} and three cushions 😅",
        "the Christmas aisle is already up and I'm not mad about it",
        "my cat has claimed the box my {item} came in",
        "anyone else's house basically furnished by BrightMart",
        "rate my new living room setup",
    ],
    "posts": [
        "Our autumn homeware range has landed 🍂 cosy throws, candles and more, in store and online.",
        "Win a {item}! Like and share this post to enter. T&Cs on our website.",
        "Black Friday is coming: sign up to get early access to our best deals.",
        "Meet {first} from our {place} store, who has helped customers for 12 years 💛",
        "5 ways to make your home feel warmer this winter (without turning up the heating).",
        "Free click and collect on all orders over £20 🛍️",
        "New in: smart plugs and energy-saving lamps to help cut your bills.",
        "Our {place} store has had a makeover! Come and see the new look.",
        "We're hiring seasonal colleagues in stores across the North West. Apply now.",
        "Top tip: register your electricals with us to get safety updates.",
    ],
    "action": ["Please DM us your order number and we'll look into this for you.",
               "We've passed this on to the store manager at {place}.",
               "Please send us your order details by DM and we'll get it sorted.",
               "Our customer care team will be in touch within 24 hours."],
    "answer": ["yes, we price match against major UK retailers in store.",
               "refunds can take 3-5 working days to reach your card.",
               "yes, you can return online orders to any of our stores within 30 days.",
               "it's back in stock online now, and in most stores by the weekend.",
               "our Sunday opening hours are 10:00 to 16:00 in most stores.",
               "all our electricals come with a 12 month warranty."],
    "safety": [
        "My {elec} started smoking while it was plugged in!! There are scorch marks on the plug. Please check these",
        "Exposed wiring on the {elec} I bought from {place}, the cable split as soon as I took it out of the box",
        "Glass shelf in the {place} store just shattered next to my toddler. Someone needs to check the others NOW",
    ],
    "distress": [
        "I'm on my own with three kids and no cooker since your delivery broke mine. I can't afford another. Please help",
        "My elderly dad was talked into a £300 {big} and a warranty he can't afford, now he's panicking about money. He's 84 and lives alone",
    ],
    "influencer": {
        "name": "Home with Hollie", "handle": "@homewithhollie_uk",
        "text": "So @BrightMartUK sent me a smashed {item}, ignored 4 emails and then closed my complaint as "
                "'resolved'. {n}00k of you follow me for honest reviews, so: avoid. 👎 #BrightMart",
    },
    "repeat": [
        "Still no refund for the {item} I returned on the 2nd.",
        "Following up AGAIN about my refund. No reply to my DM.",
        "Third message this week. Where is my money?",
        "Two weeks and still nothing. I'll be going to my bank for a chargeback.",
        "Still waiting. Your customer service is a joke.",
    ],
    "hashtags": ["#BrightMart", "#homedecor", "#autumnvibes", "#haul", "#customerservice", "#fail",
                 "#blackfriday", "#cosyhome", "#refund"],
    "recall": {
        "posts": [
            "⚠️ PRODUCT RECALL: BrightMart 1.7L kettle (model BK-170). The base can overheat. Please stop using it and return it to any store for a full refund, with or without a receipt.",
            "Recall update: if you have a BrightMart BK-170 kettle, stop using it now. Check the model number on the base. Full refund at any store, no receipt needed.",
            "Thank you to everyone who has returned a BK-170 kettle. If you can't get to a store, we can collect it: DM us.",
        ],
        "question": [
            "is my kettle one of the recalled ones? I bought it in {month}",
            "how do I get a refund for the BK-170 kettle if I don't have the receipt?",
            "where's the model number on the kettle? can't find it",
            "is the 1.5L one safe or just the 1.7L?",
            "can you collect the kettle? I don't drive",
            "do I get a replacement or just my money back?",
            "I bought the kettle as a gift, can my friend return it?",
        ],
        "worried": [
            "omg my kettle's base got really hot last week 😳 so glad I saw this",
            "I've been using that kettle every day. Is my kitchen safe??",
            "my mum has this kettle and she doesn't use social media, sharing so people see it",
            "the kettle made a burning smell on Sunday, is that the fault?",
        ],
        "complaint": [
            "why did it take you so long to recall the kettle? People have been posting about it for months",
            "went to {place} to return the kettle and they said they'd never heard of the recall",
            "2 hours in the queue at {place} to return a kettle. Sort it out",
        ],
    },
}

SECTORS["cafe"] = {
    "short": "BeanAndLeaf",
    "slots": {
        "place": ["Stockport", "Chester", "Warrington", "Macclesfield", "Derby", "Leicester",
                  "Nottingham", "Altrincham", "Bolton", "Lichfield", "Buxton", "Knutsford"],
        "item": ["flat white", "oat latte", "breakfast bap", "avocado toast", "pumpkin spice latte",
                 "chai latte", "sausage roll", "vegan brownie", "hot chocolate", "eggs benedict",
                 "cinnamon bun", "toastie", "iced matcha", "carrot cake"],
        "staff": ["the barista", "the girl on the till", "the manager", "the lad who brought our food",
                  "the staff"],
    },
    "complaint": [
        "waited {n}0 minutes for a {item} at the {place} café",
        "my {item} was stone cold when it came out",
        "the loyalty app lost all my stamps again",
        "tables at {place} were filthy and nobody came to clear them",
        "£{n}.50 for a {item} is daylight robbery",
        "asked for oat milk and clearly got cow's milk, I'm lactose intolerant",
        "the {place} branch closed an hour early with no notice",
        "order got completely mixed up, paid for a {item} and never got it",
        "{staff} at {place} ignored us for ages",
        "music so loud at {place} we couldn't hear each other",
        "no high chairs at {place} again",
    ],
    "sarcasm": [
        "Love paying £4 for a lukewarm {item}. Living the dream",
        "Great to see the {place} queue is still a 20 minute cardio session",
        "Thanks for the extra-large helping of nothing in my {item}",
        "So nice of the app to 'forget' my free coffee again",
    ],
    "question": [
        "is the {place} café dog friendly?",
        "do you do gluten free options?",
        "what time does {place} open on Sundays?",
        "is the {item} vegan?",
        "can I book a table for 8 at {place} on Saturday?",
        "do you have allergen info for the {item}?",
        "is the pumpkin spice latte back yet?",
        "are you hiring at {place}?",
        "how do I get my stamps back on the app?",
        "do you have baby changing at {place}?",
    ],
    "praise": [
        "best {item} in {place}, hands down",
        "{staff} at {place} remembered my order, little things like that matter",
        "the new autumn menu is unreal",
        "such a cosy spot to work for a few hours",
        "staff at {place} were so lovely with my little boy",
        "that {item} just fixed my whole Monday",
        "gorgeous brunch at {place} today",
    ],
    "suggestion": [
        "please bring back the {item}",
        "more plug sockets at {place} would be great",
        "a loyalty reward for bringing your own cup?",
        "please do a decaf oat option",
        "could you open later on Fridays?",
    ],
    "chat": [
        "me pretending I only came in for one coffee",
        "{item} season is officially here",
        "rate my latte art attempt",
        "Monday calls for a double shot",
        "who's your favourite barista at {place}?",
    ],
    "posts": [
        "The {item} is back for autumn 🍂 which one are you trying first?",
        "New café opening in {place} this Saturday! First 50 customers get a free coffee ☕",
        "Bring your own cup and get 25p off any hot drink 🌍",
        "Meet {first}, head barista at {place}, who has been making our coffee for 6 years",
        "Brunch goals: eggs benedict with our house hollandaise 🍳",
        "Tag someone you'd share a cinnamon bun with (or not 😏)",
        "Our loyalty app has had an update: your 10th coffee is always on us.",
        "We're looking for baristas in {place}. Apply in store!",
    ],
    "action": ["Please DM us which café and when, and we'll look into it.",
               "We've passed this on to the manager at {place}.",
               "Please send us a DM with a few more details and we'll put it right."],
    "answer": ["yes, well-behaved dogs are always welcome 🐶",
               "we open 10:00-16:00 on Sundays at most cafés.",
               "our full allergen guide is on our website and in every café.",
               "yes, you can book tables for 6 or more through our website."],
    "safety": [
        "There was a piece of broken glass in my {item} at the {place} café. Could have swallowed it",
        "Water all over the floor by the toilets at {place}, no sign, an old lady just slipped",
        "Exposed wires behind the coffee machine at {place}, sparks when they turned it on",
    ],
    "distress": [
        "My bag was stolen in your {place} café, I've got no money, no phone and my two little ones with me. Please help",
        "I had a panic attack in the {place} café and the staff just stared. I'm still shaking",
    ],
    "influencer": {
        "name": "The Brunch Diaries", "handle": "@thebrunchdiaries",
        "text": "Visited @BeanAndLeafCafe in {place}: cold {item}, 40 minute wait and the manager shrugged. "
                "I've reviewed {n}00 cafés and this was the worst service yet. #BrunchFail",
    },
    "repeat": [
        "The app has lost my stamps AGAIN.",
        "Still waiting for someone to fix my loyalty account.",
        "Third time asking. Nobody replies to my emails either.",
        "It's been a week. I've deleted your app.",
    ],
    "hashtags": ["#coffee", "#brunch", "#BeanAndLeaf", "#coffeetime", "#autumnvibes", "#foodie",
                 "#latteart", "#mondaymood"],
}

SECTORS["leisure"] = {
    "short": "RiversideLC",
    "slots": {
        "place": ["the main pool", "the gym", "the sports hall", "the studio", "reception",
                  "the changing rooms", "the café", "the car park"],
        "item": ["spin class", "gym induction", "aqua aerobics class", "yoga class", "HIIT class",
                 "parent and toddler swim", "Pilates class", "kids' swimming lesson", "Zumba class"],
        "staff": ["the lifeguard", "the instructor", "the lady on reception", "the gym staff",
                  "the swim teacher"],
    },
    "complaint": [
        "the {item} was cancelled again with 10 minutes' notice",
        "changing rooms were disgusting tonight, hair everywhere",
        "the booking app keeps saying the {item} is full when it isn't",
        "the pool was freezing this morning",
        "half the machines in the gym are out of order",
        "£{n}0 a month and the showers are cold",
        "{staff} was on their phone the whole session",
        "lockers broken again, had to carry my stuff round",
        "no hot water in the changing rooms for a week",
        "the car park barrier ate my ticket and I had to pay twice",
    ],
    "sarcasm": [
        "Love the new 'cold plunge' experience in the showers. Very trendy",
        "Great to pay for a {item} and get a closed sign instead",
        "The app is so good at booking me into classes that don't exist",
    ],
    "question": [
        "what time is lane swimming on Saturday?",
        "is the {item} suitable for beginners?",
        "can I freeze my membership for a month?",
        "are there still spaces in the {item} on Tuesday?",
        "do you have a student discount?",
        "is the sauna open during half term?",
        "how do I book a {item} online?",
        "are kids' parties available in the sports hall?",
    ],
    "praise": [
        "{staff} made the {item} so much fun tonight",
        "the refurbished gym looks amazing",
        "my daughter passed her stage 5 swimming, thank you {staff}!",
        "best {item} I've been to in years",
        "spotless changing rooms this morning, thank you",
    ],
    "suggestion": [
        "please add an evening {item} for people who work",
        "a women-only gym hour would be great",
        "could the pool have a quiet lane for slower swimmers?",
        "more classes at the weekend please",
    ],
    "chat": [
        "legs not working after that {item}",
        "post-swim chips are the best part",
        "new PB on the rowing machine today 💪",
        "who else is doing the {item} tomorrow?",
    ],
    "posts": [
        "Half term fun! Inflatable sessions in the main pool every afternoon 🐳",
        "New {item} timetable starts Monday: check the app for times.",
        "Meet {first}, our new swimming coach 🏊",
        "The gym refurbishment is finished! New bikes, rowers and a free weights area.",
        "Lane swimming reminder: pick the lane that matches your speed 🙂",
        "Join in November and get your first month for £10.",
        "Our pool will be closed on Sunday morning for a gala. Sorry for any inconvenience.",
    ],
    "action": ["Please DM us your membership number and we'll look into this.",
               "We've passed this on to the duty manager.",
               "Thanks for letting us know, our maintenance team are on it."],
    "answer": ["lane swimming on Saturday is 7-9am and 4-6pm.",
               "yes, you can freeze your membership for up to 3 months at reception.",
               "you can book any class in our app up to 7 days ahead.",
               "yes, students get 20% off with a valid student card."],
    "safety": [
        "Exposed wiring hanging out of the wall in the changing rooms, right by the showers!!",
        "Broken glass on the poolside this evening, my son cut his foot",
        "The fire exit in the sports hall was chained shut during the kids' party",
    ],
    "distress": [
        "My 9 year old was left outside after swimming club, nobody waited with him. I'm still shaking",
        "I'm a carer and lost my membership because I missed payments, it's my only escape. Please help me",
    ],
    "influencer": {
        "name": "Coach Marcus Fit", "handle": "@coachmarcusfit",
        "text": "Took my clients to @RiversideLC today: broken machines, cold showers, no staff. {n}00k of "
                "you ask me where to train in the area. Not here. #gymfail",
    },
    "repeat": [
        "The {item} was cancelled again.",
        "Still no reply about my refund for the cancelled {item}.",
        "That's the third cancelled class this month. Anyone there?",
        "Cancelling my membership if I don't hear back this week.",
    ],
    "hashtags": ["#fitness", "#swimming", "#gym", "#RiversideLeisure", "#halfterm", "#fitfam",
                 "#community"],
}

SECTORS["charity"] = {
    "short": "HopewellTrust",
    "slots": {
        "place": ["Preston", "Blackburn", "Burnley", "Accrington", "Chorley", "Leyland", "Darwen"],
        "item": ["food bank", "winter shelter", "Christmas appeal", "toy appeal"],
        "event": ["sleepout", "fun run", "coffee morning", "sponsored walk", "quiz night"],
        "staff": ["the volunteers", "the shop manager", "the team", "the lady at the food bank",
                  "the fundraising team"],
    },
    "complaint": [
        "I donated a bag of clothes to the {place} shop and it was left in the rain",
        "the food bank in {place} was closed when the website said open",
        "still haven't had a receipt for my donation",
        "your fundraisers on the high street were really pushy",
        "the online donation form keeps failing",
        "signed up for the {event} and nobody got back to me",
        "signed up to volunteer at the {item} and nobody got back to me",
    ],
    "sarcasm": [
        "Great to be chased by three charity muggers on one street. Very inspiring",
        "Love signing up to volunteer and then hearing nothing for six weeks",
    ],
    "question": [
        "what can I donate to the {item}?",
        "how do I sign up for the {item}?",
        "do you take furniture at the {place} shop?",
        "can I volunteer if I'm 16?",
        "is the {item} open on Saturday?",
        "how can I do Gift Aid on my donation?",
        "does my company's donation get matched?",
        "what are the opening times of the {place} shop?",
    ],
    "praise": [
        "{staff} at the {item} are absolute heroes",
        "so proud to have done the {event} for you this year",
        "the {place} shop is my favourite, always a bargain",
        "you helped my family when we had nothing. Forever grateful",
        "brilliant work, keep going",
        "amazing turnout at the {event} today",
    ],
    "suggestion": [
        "you could do a reverse advent calendar appeal",
        "would be great to have an online shop",
        "please post more about where the money goes",
        "more Saturday volunteering slots please",
    ],
    "chat": [
        "found a gorgeous coat in the {place} shop for £4 😍",
        "who's doing the {event} this year?",
        "my kids loved helping at the {event}",
        "cold one for the {event} tonight, wrap up warm everyone",
    ],
    "posts": [
        "This winter our shelter will open every night from 1 December. Could you volunteer one evening? 💙",
        "Thank you! Our {event} raised £{n},400 for families in {place}.",
        "Our food banks need tinned fish, UHT milk and toiletries this week. Thank you for your support.",
        "Meet {first}, who has volunteered at our {place} shop for 10 years.",
        "Sign up for our Big Sleepout and spend one night outside so others don't have to.",
        "Where your £10 goes: a week of breakfasts for a family at our food bank.",
        "New on the blog: why winter is the hardest time for people sleeping rough.",
        "We're proud to be working with local businesses to tackle food poverty.",
    ],
    "action": ["Please DM us and we'll look into this.", "We've passed this on to our supporter care team.",
               "Sorry about this, please email our supporter care team and we'll sort it."],
    "answer": ["we take tinned food, toiletries and warm clothes. Our website has the full list.",
               "you can sign up on our website; it only takes 5 minutes.",
               "yes, volunteers aged 16-17 are welcome with a parent's consent.",
               "you can add Gift Aid on our donation page."],
    "safety": [
        "The donation bin outside the {place} shop has broken glass all round it and kids are playing there",
        "Exposed wires hanging from the sign above the {place} shop door after the wind last night",
    ],
    "distress": [
        "I don't know who else to ask. I've got nowhere to sleep tonight and it's freezing. Can anyone help?",
        "I haven't eaten for two days and I've got a baby. Where's the nearest food bank open today?",
        "please help, my benefits have stopped and I can't feed my kids this week",
    ],
    "influencer": {
        "name": "Dan Speaks Up", "handle": "@danspeaksup_",
        "text": "Donated to @HopewellTrust for 5 years. Asked twice where the money goes and got no answer. "
                "{n}00k people follow me, so I'm asking publicly: where does it go?",
    },
    "repeat": [
        "Still no receipt for my donation.",
        "Asked again last week, still no receipt for my donation.",
        "Third time asking for my donation receipt. Need it for my tax return.",
    ],
    "hashtags": ["#charity", "#volunteering", "#foodbank", "#Hopewell", "#community", "#giveback",
                 "#charityshopfinds", "#Lancashire"],
}

SECTORS["council"] = {
    "short": "KelbyCouncil",
    "slots": {
        "place": ["Mill Lane", "Church Street", "Victoria Road", "Park Avenue", "Station Road",
                  "Ashfield Close", "Moorside", "the High Street", "Bridge Street", "Kelby Road",
                  "Oak Drive", "Holme Lane"],
        "item": ["green bin", "recycling", "garden waste", "brown bin", "black bin"],
        "bin": ["green bin", "recycling box", "brown bin", "black bin", "food waste caddy"],
        "permit": ["parking permit", "bulky waste collection", "blue badge", "garden waste permit"],
        "staff": ["the bin men", "the lady on the phone", "the contact centre", "the library staff"],
    },
    "complaint": [
        "our {item} hasn't been collected on {place} for {n} weeks",
        "the pothole on {place} has been there since summer, nearly came off my bike",
        "street light on {place} has been out for a month, it's pitch black",
        "fly-tipping behind {place} again, mattress and fridges",
        "waited {n}0 minutes on hold to report a missed {bin} collection",
        "council tax up again and the roads are worse than ever",
        "the bin lorry blocked the whole of {place} and they left half the bins",
        "my {permit} application has been 'processing' for 6 weeks",
        "the drain on {place} is blocked and the road floods every time it rains",
        "the online form to report it doesn't work on my phone",
    ],
    "sarcasm": [
        "Love the new water feature on {place}. Oh wait, it's a pothole",
        "Impressed the bins got collected this week. Only took three weeks and five phone calls",
        "Great to see my council tax is being spent on such lovely dark streets",
    ],
    "question": [
        "when is the {item} collected on {place}?",
        "how do I report a pothole?",
        "are bins being collected as normal this week?",
        "how do I apply for a {item}?",
        "is the tip open on Sunday?",
        "can I pay council tax in instalments?",
        "where can I get a new {item}?",
        "are the libraries open on bank holidays?",
    ],
    "praise": [
        "the bin men were brilliant this week, even took my bin back in",
        "{staff} were really helpful this week",
        "pothole on {place} fixed within two days of reporting it, impressive",
        "the new play park is lovely, kids love it",
        "thank you to {staff} for helping me with my form",
        "the Christmas lights switch-on was fab",
    ],
    "suggestion": [
        "could you put a bin at the end of {place}? litter everywhere",
        "the app should let you track the bin lorry",
        "more cycle lanes on {place} please",
        "please send text reminders for bin day",
    ],
    "chat": [
        "the leaves on {place} look gorgeous this week",
        "who else forgot it was bin day",
        "bonfire night at the park was brilliant",
        "ducks are back in the park pond 🦆",
    ],
    "posts": [
        "Bin collections this week are running as normal. Please put your bins out by 7am.",
        "Report potholes, faulty street lights and fly-tipping online 24/7 on our website.",
        "Our garden waste service is ending for winter on 30 November.",
        "Bonfire night: the fireworks display at Kelby Park starts at 7pm. Road closures from 5pm.",
        "Struggling with the cost of living? Find out what help is available on our website.",
        "Roadworks on {place} start on Monday and will last two weeks.",
        "Have your say on the new town centre plans: consultation open until 30 November.",
        "Meet {first}, one of our refuse crew, who has collected Kelby's bins for 20 years.",
    ],
    "action": ["Please report it on our website so our highways team can inspect it.",
               "We've passed this to the right team; they'll be in touch within 5 working days.",
               "Please DM us your address and we'll look into it.",
               "We've logged it with the team."],
    "answer": ["you can check your collection day on our website by entering your postcode.",
               "you can report potholes online 24/7 and we inspect within 5 working days.",
               "yes, you can pay council tax in 10 or 12 monthly instalments.",
               "the tip is open 8am-4pm every day."],
    "safety": [
        "There are live wires hanging out of the street light on {place} after the storm, kids walk past every day",
        "Massive pothole on {place}, a car just hit it and lost a wheel, someone's going to get killed",
        "Broken glass all over the play park on {place}, toddlers in there right now",
    ],
    "distress": [
        "My 87 year old mum has had no heating for 3 days and the council won't call me back. I'm desperate",
        "We're being evicted tomorrow and I've got two kids. Please, who do I talk to?",
    ],
    "influencer": {
        "name": "Kelby Watch", "handle": "@kelbywatch_news",
        "text": "We've had {n}00 messages from residents about missed bin collections this month. "
                "@KelbyCouncil, your residents deserve answers. RT if your bins were missed. #KelbyBins",
    },
    "repeat": [
        "Bins not collected on {place} again.",
        "Still not collected. Reported it on your website days ago.",
        "Still waiting. The bins are overflowing and the foxes have got into them.",
        "Nearly two weeks now. I'm contacting my councillor.",
    ],
    "hashtags": ["#Kelby", "#bins", "#potholes", "#localgov", "#community", "#KelbyBins"],
}

SECTORS["groomer"] = {
    "short": "TidyPaws",
    "slots": {
        "place": ["the salon", "the van", "the shop"],
        "item": ["cockapoo", "cavapoo", "shih tzu", "labradoodle", "spaniel", "westie",
                 "schnauzer", "bichon"],
        "staff": ["Jo", "the groomer", "the girls at the salon"],
    },
    "complaint": [
        "my {item} came back with a nick on his ear",
        "waited an hour past my appointment time to collect",
        "asked for a trim and my {item} came back shaved",
        "you cancelled my appointment the day before",
    ],
    "sarcasm": ["Love that my fluffy {item} now looks like a naked mole rat. Thanks"],
    "question": [
        "how much for a full groom for a {item}?",
        "do you have any appointments on Saturday?",
        "does the van come to my area?",
        "do you do nail clipping only?",
        "is there a puppy introduction session?",
    ],
    "praise": [
        "my {item} looks like a new dog, thank you {staff}!",
        "{staff} is so gentle with my nervous rescue",
        "best groomers around, we'll be back",
        "look at this fluffy face after the groom 😍",
    ],
    "suggestion": ["could you send a reminder text the day before?", "would love a loyalty card"],
    "chat": ["my {item} hates bath time lol", "tag a dog who needs a haircut 😂", "fresh trim, who dis"],
    "posts": [
        "Fresh groom for this gorgeous {item} 🐾",
        "We have a few appointments left next week, message us to book!",
        "Top tip: brush your dog between grooms to stop matts 🐶",
        "Our mobile van now covers more villages!",
    ],
    "action": ["Please DM us and we'll sort this out.", "So sorry, please give us a call."],
    "answer": ["a full groom starts at £35 depending on size.", "we have spaces on Saturday morning, DM us!"],
    "safety": ["The gate at the salon was left open and a dog ran into the road!"],
    "distress": ["My dog escaped from the van when I was collecting her and I can't find her, please help"],
    "influencer": {"name": "Doodle Daily", "handle": "@doodle_daily_uk",
                   "text": "Booked @tidypaws for my {item} and they cancelled twice. {n}00k of you asked. Not impressed."},
    "repeat": ["Still waiting for my refund.", "Second time asking about the refund.",
               "Still nothing."],
    "hashtags": ["#doggrooming", "#dogsofinstagram", "#TidyPaws", "#cockapoo", "#puppylove"],
}

SECTORS["cinema"] = {
    "short": "LakesideCinema",
    "slots": {
        "place": ["Screen 1", "Screen 2", "Screen 3", "the café bar", "the foyer"],
        "item": ["The Last Lighthouse", "Midnight on Marlow Street", "Paper Planets",
                 "The Glass Orchard", "Storm Over Kelby", "A Winter Apart"],
        "staff": ["the staff", "the lad at the kiosk", "the usher"],
    },
    "complaint": [
        "sound kept cutting out during {item} in {place}",
        "£{n}.50 for popcorn is a joke",
        "people on phones all the way through {item} and nobody said anything",
        "the seats in {place} are broken",
        "booking site charged me twice",
    ],
    "sarcasm": ["Loved the 25 minutes of adverts before {item}. Really the highlight"],
    "question": [
        "what time is {item} showing on Saturday?",
        "do you have relaxed screenings?",
        "is there parking nearby?",
        "can I bring my own snacks?",
        "do you do student tickets?",
    ],
    "praise": [
        "{item} on the big screen was incredible",
        "such a lovely little cinema, way better than the multiplex",
        "{staff} were so friendly tonight",
        "best hot chocolate at {place}",
    ],
    "suggestion": ["please show more classics on Sundays", "a loyalty card would be great"],
    "chat": ["who's seen {item}? no spoilers!", "cinema date night 🍿", "crying at the end of {item} again"],
    "posts": [
        "Now showing: {item} 🎬 book now!",
        "Retro Sunday: this week's classic is a family favourite 🍿",
        "Student night every Tuesday: £5 tickets.",
        "Relaxed screening of {item} on Saturday morning.",
    ],
    "action": ["Please DM us and we'll sort a refund.", "We've passed this to the duty manager."],
    "answer": ["you can find all times on our website.", "yes, students get £5 tickets on Tuesdays."],
    "safety": ["Exposed wiring by the emergency exit in {place}, sparks when the door opened"],
    "distress": ["My elderly dad got lost leaving {place} and he has dementia. Has anyone seen him?"],
    "influencer": {"name": "Reel Talk Rob", "handle": "@reeltalkrob",
                   "text": "Sound failed 3 times during {item} at @LakesideCinema. {n}00k of you trust my reviews: skip it."},
    "repeat": ["Still waiting for my refund.", "Asked again, still no refund.", "Third time. Refund please."],
    "hashtags": ["#cinema", "#movienight", "#LakesideCinema", "#film", "#popcorn"],
}

MONTHS = ["August", "September", "last spring", "the summer", "January", "March", "June", "2024"]

# --------------------------------------------------------------------------------------------
# questions paired with the answer the organisation gives (same slot values in both), so a
# reply always answers what was asked. "{ans}" lines without a fixed answer use the generic
# "answer" pool of the sector.
QA: dict[str, list[tuple[str, str]]] = {
    "rail": [
        ("is the {time} from {place} running today?", "the {time} from {place} is running, about 5 minutes late at the moment."),
        ("how do I claim Delay Repay for yesterday's {time}?", "you can claim on our website under Delay Repay, up to 28 days after travel."),
        ("can I use my {item} on the earlier train if mine is cancelled?", "yes, if your train is cancelled you can travel on the previous or next service."),
        ("are there engineering works between {place} and Leeds this weekend?", "yes, buses replace trains between {place} and Leeds on Sunday until 11:00."),
        ("what's the best way to get to {place} with a bike?", "bikes go free but please reserve a space in the app; there are 2 per train."),
        ("is there step-free access at {place} station?", "yes, {place} has step-free access to all platforms. You can book Passenger Assist too."),
        ("I left my bag on the {time} to {place}, where does lost property go?", "sorry to hear that! Lost property is kept at Leeds station for 7 days; please fill in the online form."),
        ("when will the new timetable be published?", "the new timetable will be on our website from 1 November."),
        ("do I need to book assistance in advance at {place}?", "you can book Passenger Assist up to 2 hours before, but turning up is fine too."),
        ("my {item} hasn't arrived by email, what should I do?", "please check your junk folder, then DM us your booking reference and we'll resend it."),
        ("can I get a refund on an {item} if I can't travel?", "advance tickets can't be refunded, but you can change them for a £10 fee."),
        ("are dogs allowed on your trains?", "yes, up to two dogs per passenger travel free 🐶"),
        ("will the trains be running on Sunday morning from {place}?", "yes, Sunday services from {place} start at 08:15."),
        ("is there wifi on the {place} trains?", "our newer trains on the {place} line have free wifi; the older ones don't yet, sorry."),
    ],
    "retail": [
        ("do you price match on the {item}?", "yes, we price match against major UK retailers in store."),
        ("is the {item} back in stock at {place}?", "the {item} is back in stock online and should be in {place} by the weekend."),
        ("how long do refunds take to show on my card?", "refunds can take 3-5 working days to reach your card."),
        ("can I return something bought online to the {place} store?", "yes, you can return online orders to any store, including {place}, within 30 days."),
        ("what time does the {place} store open on Sunday?", "{place} is open 10:00 to 16:00 on Sundays."),
        ("do you have the {item} in grey?", "the {item} comes in grey online only at the moment."),
        ("is there a warranty on the {item}?", "yes, the {item} has a 12 month warranty."),
        ("when does the Black Friday sale start?", "our Black Friday deals start on 21 November. Sign up for early access!"),
        ("can I change the delivery address after ordering?", "if the order hasn't been dispatched yet, DM us the order number and we'll change it."),
        ("do you deliver to Northern Ireland?", "yes, we deliver across the UK including Northern Ireland."),
        ("my discount code isn't working, can you help?", "please DM us the code and your order number and we'll take a look."),
    ],
    "cafe": [
        ("is the {place} café dog friendly?", "yes, well-behaved dogs are welcome in {place} 🐶"),
        ("do you do gluten free options?", "yes, we have gluten free bread and cakes at every café."),
        ("what time does {place} open on Sundays?", "{place} opens 9:00-16:00 on Sundays."),
        ("is the {item} vegan?", "the {item} can be made vegan, just ask for oat milk."),
        ("can I book a table for 8 at {place} on Saturday?", "yes, you can book tables for 6 or more on our website."),
        ("do you have allergen info for the {item}?", "our full allergen guide is on our website and in every café."),
        ("is the pumpkin spice latte back yet?", "it's back from Monday 🎃"),
        ("are you hiring at {place}?", "yes! Pop in to {place} with your CV or apply on our website."),
        ("how do I get my stamps back on the app?", "please DM us the email on your account and we'll restore your stamps."),
        ("do you have baby changing at {place}?", "yes, {place} has baby changing in the accessible toilet."),
    ],
    "leisure": [
        ("what time is lane swimming on Saturday?", "lane swimming on Saturday is 7-9am and 4-6pm."),
        ("is the {item} suitable for beginners?", "yes, the {item} is fine for beginners, just let the instructor know."),
        ("can I freeze my membership for a month?", "yes, you can freeze your membership for up to 3 months at reception."),
        ("are there still spaces in the {item} on Tuesday?", "there are a few spaces left in Tuesday's {item}; book in the app."),
        ("do you have a student discount?", "yes, students get 20% off with a valid student card."),
        ("is the sauna open during half term?", "yes, the sauna is open as normal over half term."),
        ("how do I book a {item} online?", "you can book the {item} in our app up to 7 days ahead."),
        ("are kids' parties available in the sports hall?", "yes, kids' parties run on Saturday and Sunday afternoons. DM us for prices."),
    ],
    "charity": [
        ("what can I donate to the food bank?", "we take tinned food, toiletries and warm clothes. Our website has the full list."),
        ("how do I sign up for the {event}?", "you can sign up for the {event} on our website; it only takes 5 minutes."),
        ("do you take furniture at the {place} shop?", "the {place} shop takes small furniture; DM us and we can arrange a collection."),
        ("can I volunteer if I'm 16?", "yes, volunteers aged 16-17 are welcome with a parent's consent."),
        ("is the {place} shop open on Saturday?", "yes, the {place} shop is open 9:30-16:00 on Saturdays."),
        ("how can I do Gift Aid on my donation?", "you can add Gift Aid on our donation page."),
        ("does my company's donation get matched?", "lots of employers match donations; ask your HR team and we'll send the paperwork."),
        ("what are the opening times of the {place} shop?", "the {place} shop is open Monday to Saturday, 9:30-16:00."),
    ],
    "council": [
        ("when is the {bin} collected on {place}?", "you can check your collection day on our website by entering your postcode."),
        ("how do I report a pothole?", "you can report potholes online 24/7 and we inspect within 5 working days."),
        ("are bins being collected as normal this week?", "yes, all collections are running as normal this week."),
        ("how do I apply for a {permit}?", "you can apply for a {permit} on our website; it takes about 10 working days."),
        ("is the tip open on Sunday?", "the tip is open 8am-4pm every day, including Sunday."),
        ("can I pay council tax in instalments?", "yes, you can pay council tax in 10 or 12 monthly instalments."),
        ("where can I get a new {bin}?", "you can order a new {bin} on our website; delivery takes up to 10 working days."),
        ("are the libraries open on bank holidays?", "libraries are closed on bank holidays but the online library is open 24/7."),
    ],
    "groomer": [
        ("how much for a full groom for a {item}?", "a full groom for a {item} starts at £40."),
        ("do you have any appointments on Saturday?", "we have spaces on Saturday morning, DM us!"),
        ("does the van come to my area?", "the van covers villages within 10 miles; DM us your postcode."),
        ("do you do nail clipping only?", "yes, nail clipping only is £10, no appointment needed."),
        ("is there a puppy introduction session?", "yes, our puppy intro session is £20 and lasts 30 minutes."),
    ],
    "cinema": [
        ("what time is {item} showing on Saturday?", "{item} is on at 14:30 and 19:45 on Saturday."),
        ("do you have relaxed screenings?", "yes, every Saturday morning at 10:30."),
        ("is there parking nearby?", "the Lakeside car park next door is free after 6pm."),
        ("can I bring my own snacks?", "small snacks are fine, but no hot food please."),
        ("do you do student tickets?", "yes, students get £5 tickets on Tuesdays."),
    ],
}

# business posts any organisation makes, and small variations of wording
POSTS_COMMON = [
    "Happy Friday! Any plans for the weekend? 😊",
    "Good morning everyone! ☀️",
    "We love reading your messages. Thank you for all the kind words this week 💬",
    "Our customer team is here to help {hours}. Send us a message any time.",
    "Half term is nearly here 🍂",
    "Did you know? You can message us here on social media and we'll reply as soon as we can.",
    "Quick poll: what would you like to see more of from us? Tell us below 👇",
    "A big thank you to our amazing team for all their hard work this month 💙",
    "It's getting colder out there, stay warm everyone! 🧣",
    "Throwback to last year's Christmas decorations 🎄 Who's ready?",
]
POST_PREFIX = ["", "", "", "", "Reminder: ", "ICYMI: ", "📣 ", "Don't forget! "]
POST_SUFFIX = ["", "", "", "", " Tell us in the comments 👇", " More on our website.", " 💙", " Link in bio.",
               " Share with someone who needs to know!"]
UPDATES = {  # live service updates (X only), very varied through their slots
    "rail": ["⚠️ The {time} from {place} to Leeds is cancelled because of a fault with the train. "
             "The next service is 30 minutes later.",
             "The {time} from {place} is running about {n}0 minutes late because of a slow train ahead. Sorry for the delay.",
             "Good morning! Trains are running well across the network this morning ☀️",
             "The {time} from {place} will have fewer carriages than usual today. Please use all doors.",
             "Lifts at {place} are working again. Thank you for your patience."],
    "council": ["Bin collections on {place} are running a day late this week because of a broken-down lorry. Sorry.",
                "Road closed: {place} is closed for emergency repairs until 6pm.",
                "Street lights on {place} have been repaired. Thanks to everyone who reported them."],
    "leisure": ["The {item} at 6pm tonight is cancelled because the instructor is ill. Sorry!",
                "The main pool is closed until 11am for cleaning. The learner pool is open as normal."],
    "cafe": ["Our {place} café is closing at 3pm today for staff training. Sorry for any inconvenience!",
             "The coffee machine at {place} is fixed! Normal service resumed ☕"],
    "retail": ["Our {place} store is closing at 4pm today for a stocktake.",
               "Website update: some orders placed yesterday are delayed by a day. Sorry!"],
}
