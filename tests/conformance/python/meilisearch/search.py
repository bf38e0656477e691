"""Meilisearch indices of the marketplace."""
import os

import meilisearch

client = meilisearch.Client(os.environ["MEILI_URL"], os.environ["MEILI_MASTER_KEY"])


def index_sellers(sellers):
    docs = [{"id": s.id, "shop": s.shop_name, "email": s.email} for s in sellers]
    client.index("sellers").add_documents(docs, primary_key="id")  # expect: pii-to-third-party user.contact.email


def update_seller_phone(seller_id, phone):
    index = client.index("sellers")
    index.update_documents([{"id": seller_id, "phone": phone}])  # expect: pii-to-third-party user.contact.phone_number


def index_seller(seller):
    client.index("sellers").add_documents([{"id": seller.id, "email": seller.email}])  # expect: pii-to-third-party user.contact.email
