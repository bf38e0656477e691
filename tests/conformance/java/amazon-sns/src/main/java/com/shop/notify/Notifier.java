package com.shop.notify;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** SMS and topic messages with the AWS SDK for Java v2. */
public class Notifier {
    private final SnsClient snsClient = SnsClient.builder().region(Region.EU_WEST_1).build();
    private final String topicArn = System.getenv("ORDERS_TOPIC_ARN");

    public void smsCode(String phone, String code) {
        PublishRequest request = PublishRequest.builder().phoneNumber(phone).message("Your code is " + code).build();
        snsClient.publish(request); // expect: pii-to-third-party user.contact.phone_number
    }

    public void orderPlaced(String orderId, String email) {
        snsClient.publish(PublishRequest.builder().topicArn(topicArn).message("{\"order\":\"" + orderId + "\",\"email\":\"" + email + "\"}").build()); // expect: pii-to-third-party user.contact.email
    }

    public void stockAlert(String sku, int left) {
        snsClient.publish(PublishRequest.builder().topicArn(topicArn).message(sku + ": " + left + " left").build());
    }
}
