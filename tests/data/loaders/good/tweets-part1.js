window.YTD.tweets.part1 = [
 {
  "tweet": {
   "edit_info": {
    "initial": {
     "editTweetIds": [
      "20"
     ],
     "editableUntil": "2026-01-05T10:00:00.000Z",
     "editsRemaining": "5",
     "isEditEligible": true
    }
   },
   "retweeted": false,
   "source": "<a href=\"https://x.example\">Web App</a>",
   "entities": {
    "hashtags": [],
    "symbols": [],
    "user_mentions": [],
    "urls": []
   },
   "display_text_range": [
    "0",
    "40"
   ],
   "favorite_count": "7",
   "id_str": "20",
   "truncated": false,
   "retweet_count": "2",
   "id": "20",
   "created_at": "Mon Jan 05 09:00:00 +0000 2026",
   "favorited": false,
   "full_text": "Soup &amp; sandwich deal &lt;3 today only",
   "lang": "en",
   "extended_entities": {
    "media": [
     {
      "type": "photo",
      "media_url_https": "https://img.example/1.jpg"
     }
    ]
   }
  }
 },
 {
  "tweet": {
   "in_reply_to_status_id_str": "19",
   "in_reply_to_user_id_str": "555",
   "in_reply_to_screen_name": "jo",
   "in_reply_to_status_id": "19",
   "in_reply_to_user_id": "555",
   "entities": {
    "user_mentions": [
     {
      "screen_name": "jo",
      "id_str": "555"
     }
    ]
   },
   "favorite_count": "0",
   "id_str": "21",
   "retweet_count": "0",
   "id": "21",
   "created_at": "Mon Jan 05 09:30:00 +0000 2026",
   "full_text": "@jo Sorry about the wait, DM us your order number",
   "lang": "en"
  }
 },
 {
  "tweet": {
   "favorite_count": "0",
   "id_str": "22",
   "retweet_count": "5",
   "id": "22",
   "retweeted": false,
   "created_at": "Tue Jan 06 12:00:00 +0000 2026",
   "full_text": "RT @market: Street market this Saturday!",
   "lang": "en",
   "entities": {
    "user_mentions": [
     {
      "screen_name": "market",
      "id_str": "777"
     }
    ]
   }
  }
 },
 {
  "tweet": {
   "favorite_count": "1",
   "id_str": "23",
   "retweet_count": "0",
   "id": "23",
   "full_text": null,
   "text": "Closed for the holiday",
   "created_at": "Wed Jan 07 08:15:00 +0000 2026"
  }
 }
]
