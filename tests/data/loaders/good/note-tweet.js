window.YTD.note_tweet.part0 = [
 {
  "noteTweet": {
   "noteTweetId": "1700000000000000001",
   "updatedAt": "2026-01-05T09:00:00.000Z",
   "lifecycle": {
    "value": "1700000000000000001",
    "name": "org.example.NoteTweet",
    "externalId": "x"
   },
   "createdAt": "2026-01-05T09:00:00.000Z",
   "core": {
    "styletags": [],
    "urls": [],
    "text": "Our winter hours, in full:\nMon-Fri 8-6\nSat &amp; Sun 9-4",
    "mentions": [],
    "cashtags": [],
    "hashtags": []
   }
  }
 },
 {
  "noteTweet": {
   "noteTweetId": "1700000000000000002",
   "createdAt": "2026-01-06T18:45:30.000Z",
   "core": {
    "urls": [],
    "text": "A longer thank-you to everyone who came to the tasting evening.",
    "mentions": [],
    "hashtags": []
   }
  }
 }
]
