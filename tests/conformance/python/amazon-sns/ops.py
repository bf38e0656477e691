"""Negative file: stock alerts to the ops topic."""
import json

from .notify import sns

OPS_TOPIC = "arn:aws:sns:eu-west-1:123456789012:ops"


def stock_alert(sku, left):
    sns.publish(TopicArn=OPS_TOPIC, Subject="Low stock", Message=json.dumps({"sku": sku, "left": left}))
