"""Negative file: listings are public catalogue data."""
import meilisearch

client = meilisearch.Client("http://search.internal:7700")


def index_listings():
    listings = client.index("listings")
    listings.add_documents([{"id": 1, "title": "Walnut desk", "price": 420}])
    listings.update_documents([{"id": 1, "stock": 3}])
