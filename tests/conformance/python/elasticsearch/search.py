"""Customer search on Elasticsearch (elasticsearch-py 8)."""
import os

from elasticsearch import Elasticsearch, helpers

es = Elasticsearch(os.environ["ELASTIC_URL"], api_key=os.environ["ELASTIC_API_KEY"])


def index_customer(customer):
    es.index(index="customers", id=customer.id, document={"name": customer.full_name, "email": customer.email})  # expect: pii-to-third-party user.name user.contact.email


def update_address(customer_id, address):
    es.update(index="customers", id=customer_id, doc={"address": address})  # expect: pii-to-third-party user.contact.address


def bulk_phones(rows):
    actions = [{"_index": "customers", "_id": r["id"], "_source": {"phone": r["phone"]}} for r in rows]
    helpers.bulk(es, actions)  # expect: pii-to-third-party user.contact.phone_number
