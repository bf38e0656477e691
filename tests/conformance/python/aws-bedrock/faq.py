"""Negative file: FAQ answers from a fixed prompt."""
from .assistant import MODEL_ID, bedrock


def faq_answer(topic):
    response = bedrock.converse(
        modelId=MODEL_ID,
        messages=[{"role": "user", "content": [{"text": f"Answer the FAQ entry about {topic} in two sentences."}]}],
    )
    return response["output"]["message"]["content"][0]["text"]
