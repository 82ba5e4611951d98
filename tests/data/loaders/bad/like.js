window.YTD.like.part0 = [
 {
  "like": {
   "tweetId": "99",
   "fullText": "someone else's tweet",
   "expandedUrl": "https://x.example/i/web/status/99"
  }
 }
]
