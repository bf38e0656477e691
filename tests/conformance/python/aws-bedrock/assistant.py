"""Support assistant on Amazon Bedrock."""
import json

import boto3

bedrock = boto3.client("bedrock-runtime", region_name="us-east-1")
MODEL_ID = "anthropic.claude-3-5-sonnet-20240620-v1:0"


def draft_reply(ticket):
    prompt = f"Write a reply to {ticket.customer_name} ({ticket.email}) about: {ticket.subject}"
    response = bedrock.converse(  # expect: pii-to-third-party user.name user.contact.email
        modelId=MODEL_ID,
        messages=[{"role": "user", "content": [{"text": prompt}]}],
        inferenceConfig={"maxTokens": 512},
    )
    return response["output"]["message"]["content"][0]["text"]


def summarize_history(address, notes):
    body = json.dumps({"anthropic_version": "bedrock-2023-05-31", "max_tokens": 256,
                       "messages": [{"role": "user", "content": f"Customer at {address}: {notes}"}]})
    return bedrock.invoke_model(modelId=MODEL_ID, body=body)  # expect: pii-to-third-party user.contact.address
