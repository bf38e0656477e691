"""Negative file: daily counts only."""
from opensearchpy import OpenSearch

client = OpenSearch(hosts=[{"host": "search.internal", "port": 9200}])


def index_daily_stats(opened):
    client.index(index="stats", body={"opened": opened, "queue": "support"})
    client.update(index="stats", id="today", body={"doc": {"closed": 0}})
