window.YTD.tweets.part0 = [
  {
    "tweet": {
      "id_str": "10",
      "id": "10",
      "full_text": "New menu today &amp; more",
      "created_at": "Mon Jan 05 09:00:00 +0000 2026",
      "favorite_count": "4",
      "retweet_count": "1",
      "lang": "en",
      "entities": {
        "hashtags": [],
        "user_mentions": []
      }
    }
  },
  {
    "tweet": {
      "id_str": "11",
      "id": "11",
      "full_text": "@jo thanks!",
      "created_at": "Mon Jan 05 10:00:00 +0000 2026",
      "in_reply_to_status_id_str": "9",
      "in_reply_to_status_id": "9",
      "favorite_count": "0",
      "retweet_count": "0",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "id_str": "12",
      "id": "12",
      "full_text": "",
      "created_at": "Mon Jan 05 11:00:00 +0000 2026",
      "favorite_count": "0",
      "retweet_count": "0",
      "lang": "zxx",
      "entities": {
        "media": [
          {
            "media_url": "x"
          }
        ]
      }
    }
  },
  {
    "tweet": {
      "id_str": "13",
      "id": "13",
      "full_text": "bad date",
      "created_at": "someday",
      "favorite_count": "0",
      "retweet_count": "0"
    }
  }
]