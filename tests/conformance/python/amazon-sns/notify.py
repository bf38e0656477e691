"""SMS and topic notifications through Amazon SNS."""
import json

import boto3

sns = boto3.client("sns", region_name="eu-west-1")
ORDERS_TOPIC = "arn:aws:sns:eu-west-1:123456789012:orders"


def sms_code(phone, code):
    sns.publish(PhoneNumber=phone, Message=f"Your code is {code}")  # expect: pii-to-third-party user.contact.phone_number


def order_placed(order):
    sns.publish(TopicArn=ORDERS_TOPIC, Message=json.dumps({"order": order.id, "email": order.email}))  # expect: pii-to-third-party user.contact.email
