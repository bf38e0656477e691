"""OpenSearch (opensearch-py) for the support desk's ticket search."""
import os

from opensearchpy import OpenSearch, helpers

client = OpenSearch(hosts=[{"host": os.environ["OPENSEARCH_HOST"], "port": 443}], use_ssl=True)


def index_ticket(ticket):
    client.index(index="tickets", id=ticket["id"], body={"subject": ticket["subject"], "email": ticket["email"]})  # expect: pii-to-third-party user.contact.email


def reindex_contacts(contacts):
    helpers.bulk(client, [{"_index": "contacts", "_source": {"phone": c["phone"]}} for c in contacts])  # expect: pii-to-third-party user.contact.phone_number
