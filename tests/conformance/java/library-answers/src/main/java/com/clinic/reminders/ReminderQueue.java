package com.clinic.reminders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

public class ReminderQueue {
    private static final Logger log = LoggerFactory.getLogger(ReminderQueue.class);
    private final SqsClient sqs;
    private final String queueUrl;

    public ReminderQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public void enqueue(String email, String body) {
        SendMessageRequest request = SendMessageRequest.builder()
                .queueUrl(queueUrl)
                .messageGroupId(email)
                .messageBody(body)
                .build();
        SendMessageResponse response = sqs.sendMessage(request);
        // SQS answers with the message's id
        log.info("reminder queued as {}", response.messageId());
    }
}
