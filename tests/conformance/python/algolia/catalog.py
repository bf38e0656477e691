"""Negative file: the product catalogue holds no personal data."""
import os

from algoliasearch.search_client import SearchClient

client = SearchClient.create(os.environ["ALGOLIA_APP_ID"], os.environ["ALGOLIA_API_KEY"])
products = client.init_index("products")


def reindex_products():
    rows = [{"objectID": 1, "title": "Walnut desk", "price": 420}, {"objectID": 2, "title": "Oak shelf", "price": 130}]
    products.save_objects(rows)
    products.partial_update_object({"objectID": 2, "stock": 12})
