window.YTD.direct_messages.part0 = [
  {
    "dmConversation": {
      "conversationId": "500-900",
      "messages": [
        {
          "messageCreate": {
            "recipientId": "500",
            "reactions": [],
            "urls": [],
            "text": "Hi, my order #123 never came &amp; I paid extra",
            "mediaUrls": [],
            "senderId": "900",
            "id": "d1",
            "createdAt": "2026-01-05T09:00:00.000Z"
          }
        },
        {
          "messageCreate": {
            "recipientId": "900",
            "reactions": [],
            "urls": [],
            "text": "So sorry! Checking now.",
            "mediaUrls": [],
            "senderId": "500",
            "id": "d2",
            "createdAt": "2026-01-05T09:20:00.000Z"
          }
        }
      ]
    }
  },
  {
    "dmConversation": {
      "conversationId": "500-901",
      "messages": [
        {
          "joinConversation": {
            "initiatingUserId": "901",
            "participantsSnapshot": [
              "500",
              "901"
            ],
            "createdAt": "2026-01-06T10:00:00.000Z"
          }
        },
        {
          "messageCreate": {
            "recipientId": "500",
            "text": "",
            "mediaUrls": [
              "https://ton.twitter.com/x.jpg"
            ],
            "senderId": "901",
            "id": "d3",
            "createdAt": "2026-01-06T10:01:00.000Z"
          }
        }
      ]
    }
  }
]