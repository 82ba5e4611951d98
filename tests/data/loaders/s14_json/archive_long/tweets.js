window.YTD.tweets.part0 = [
  {
    "tweet": {
      "id_str": "200",
      "id": "200",
      "created_at": "Mon Nov 23 09:00:00 +0000 2026",
      "full_text": "Our winter opening hours, in full: Monday to Friday 8am to 6pm, Saturday 9am to 4pm, Sunday 10am to 2pm. The kitchen closes half an hour earlier every day. Bank holidays: see the sign on the door, or ask us here. Gift cards are on sale at the counter… https://t.co/Ab12Cd",
      "favorite_count": "0",
      "retweet_count": "0",
      "lang": "en",
      "entities": {
        "hashtags": [],
        "user_mentions": [],
        "urls": []
      }
    }
  },
  {
    "tweet": {
      "id_str": "201",
      "id": "201",
      "created_at": "Mon Nov 23 10:00:00 +0000 2026",
      "full_text": "Short one … ends like this for effect, nothing was cut here …",
      "favorite_count": "0",
      "retweet_count": "0",
      "lang": "en",
      "entities": {
        "hashtags": [],
        "user_mentions": [],
        "urls": []
      }
    }
  }
]