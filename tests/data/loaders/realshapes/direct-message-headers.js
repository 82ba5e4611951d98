window.YTD.direct_message_headers.part0 = [
  {
    "dmConversation" : {
      "conversationId" : "4200000001-4200000002",
      "messages" : [
        {
          "messageCreate" : {
            "id" : "1790000000000000200",
            "senderId" : "4200000002",
            "recipientId" : "4200000001",
            "createdAt" : "2024-05-01T10:00:00.000Z"
          }
        }
      ]
    }
  }
]
