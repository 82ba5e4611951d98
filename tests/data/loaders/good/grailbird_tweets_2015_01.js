Grailbird.data.tweets_2015_01 = 
 [ {
  "source" : "\u003Ca href=\"http:\/\/twitter.com\" rel=\"nofollow\"\u003ETwitter Web Client\u003C\/a\u003E",
  "entities" : {
    "user_mentions" : [ {"name" : "Bean and Leaf", "screen_name" : "beanandleaf", "indices" : [ 0, 12 ], "id_str" : "1234", "id" : 1234 } ],
    "media" : [ ],
    "hashtags" : [ ],
    "urls" : [ ]
  },
  "in_reply_to_status_id_str" : "555000000000000001",
  "geo" : { },
  "id_str" : "555000000000000002",
  "in_reply_to_user_id" : 1234,
  "text" : "@beanandleaf my latte was cold again &amp; nobody said sorry",
  "id" : 555000000000000002,
  "in_reply_to_status_id" : 555000000000000001,
  "created_at" : "2015-01-14 09:30:00 +0000",
  "in_reply_to_screen_name" : "beanandleaf",
  "in_reply_to_user_id_str" : "1234",
  "user" : {
    "name" : "Sam Example",
    "screen_name" : "samexample",
    "protected" : false,
    "id_str" : "42",
    "profile_image_url_https" : "https:\/\/example.invalid\/x.png",
    "id" : 42,
    "verified" : false
  }
}, {
  "source" : "web",
  "entities" : { "user_mentions" : [ ], "media" : [ ], "hashtags" : [ ], "urls" : [ ] },
  "geo" : { },
  "id_str" : "555000000000000003",
  "text" : "Lovely morning for a walk",
  "id" : 555000000000000003,
  "created_at" : "2015-01-15 10:00:00 +0000",
  "user" : { "name" : "Sam Example", "screen_name" : "samexample", "protected" : false, "id_str" : "42", "id" : 42, "verified" : false }
} ]
