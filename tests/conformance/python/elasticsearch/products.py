"""Negative file: the product index stores catalogue data only."""
from elasticsearch import Elasticsearch

es = Elasticsearch("http://search.internal:9200")


def index_products():
    es.index(index="products", id="sku-1", document={"title": "Walnut desk", "price": 420})
    es.update(index="products", id="sku-1", doc={"stock": 12})
    es.bulk(operations=[{"index": {"_index": "products", "_id": "sku-2"}}, {"title": "Oak shelf", "price": 130}])
