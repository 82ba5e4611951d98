window.YTD.note_tweet.part0 = [
  {
    "noteTweet": {
      "noteTweetId": "900",
      "updatedAt": "2026-11-23T09:00:00.000Z",
      "lifecycle": {
        "value": "live"
      },
      "createdAt": "2026-11-23T09:00:00.000Z",
      "core": {
        "styletags": [],
        "urls": [],
        "text": "Our winter opening hours, in full: Monday to Friday 8am to 6pm, Saturday 9am to 4pm, Sunday 10am to 2pm. The kitchen closes half an hour earlier every day. Bank holidays: see the sign on the door, or ask us here. Gift cards are on sale at the counter all winter &amp; the loyalty card still gives every tenth coffee free.",
        "mentions": [],
        "cashtags": [],
        "hashtags": []
      }
    }
  }
]