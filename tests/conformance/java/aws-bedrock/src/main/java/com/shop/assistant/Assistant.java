package com.shop.assistant;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/** Support replies drafted on Amazon Bedrock (AWS SDK for Java v2). */
public class Assistant {
    private static final String MODEL_ID = "anthropic.claude-3-5-sonnet-20240620-v1:0";
    private final BedrockRuntimeClient bedrock = BedrockRuntimeClient.builder().region(Region.US_EAST_1).build();

    public ConverseResponse draftReply(String fullName, String subject) {
        Message message = Message.builder()
                .role(ConversationRole.USER)
                .content(ContentBlock.fromText("Write a reply to " + fullName + " about " + subject))
                .build();
        ConverseRequest request = ConverseRequest.builder().modelId(MODEL_ID).messages(message).build();
        return bedrock.converse(request); // expect: pii-to-third-party user.name
    }

    public ConverseResponse faq(String topic) {
        Message message = Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("FAQ about " + topic)).build();
        return bedrock.converse(ConverseRequest.builder().modelId(MODEL_ID).messages(message).build());
    }
}
