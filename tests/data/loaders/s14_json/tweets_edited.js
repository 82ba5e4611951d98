window.YTD.tweets.part0 = [
  {
    "tweet": {
      "id_str": "100",
      "id": "100",
      "created_at": "Thu Oct 06 21:49:02 +0000 2022",
      "full_text": "We open at 9 tomorow",
      "favorite_count": "1",
      "retweet_count": "0",
      "lang": "en",
      "entities": {
        "hashtags": [],
        "user_mentions": [],
        "urls": []
      },
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "100",
            "101"
          ],
          "editableUntil": "2022-10-06T22:49:02.000Z",
          "editsRemaining": "4",
          "isEditEligible": true
        }
      }
    }
  },
  {
    "tweet": {
      "id_str": "101",
      "id": "101",
      "created_at": "Thu Oct 06 21:52:02 +0000 2022",
      "full_text": "We open at 9 tomorrow",
      "favorite_count": "5",
      "retweet_count": "0",
      "lang": "en",
      "entities": {
        "hashtags": [],
        "user_mentions": [],
        "urls": []
      },
      "edit_info": {
        "edit": {
          "initialTweetId": "100",
          "editControlInitial": {
            "editTweetIds": [
              "100",
              "101"
            ],
            "editableUntil": "2022-10-06T22:49:02.000Z",
            "editsRemaining": "4",
            "isEditEligible": true
          }
        }
      }
    }
  },
  {
    "tweet": {
      "id_str": "102",
      "id": "102",
      "created_at": "Fri Oct 07 10:00:00 +0000 2022",
      "full_text": "Fresh bread today",
      "favorite_count": "1",
      "retweet_count": "0",
      "lang": "en",
      "entities": {
        "hashtags": [],
        "user_mentions": [],
        "urls": []
      },
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "102"
          ],
          "editableUntil": "2022-10-07T11:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      }
    }
  },
  {
    "tweet": {
      "id_str": "103",
      "id": "103",
      "created_at": "Fri Oct 07 10:05:00 +0000 2022",
      "full_text": "(and on Sunday too)",
      "favorite_count": "1",
      "retweet_count": "0",
      "lang": "en",
      "entities": {
        "hashtags": [],
        "user_mentions": [],
        "urls": []
      },
      "in_reply_to_status_id_str": "100",
      "in_reply_to_status_id": "100"
    }
  }
]