window.YTD.tweet_headers.part0 = [
  {
    "tweet" : {
      "tweet_id" : "1790000000000000100",
      "user_id" : "4200000001",
      "created_at" : "Wed May 01 10:00:00 +0000 2024"
    }
  }
]
