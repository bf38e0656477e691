"""Algolia indices of the community site (algoliasearch v3 client)."""
import os

from algoliasearch.search_client import SearchClient

client = SearchClient.create(os.environ["ALGOLIA_APP_ID"], os.environ["ALGOLIA_API_KEY"])
members_index = client.init_index("members")


def index_member(member):
    members_index.save_object(  # expect: pii-to-third-party user.name user.contact.email user.contact.address.city
        {"objectID": member.id, "name": member.display_name, "email": member.email, "city": member.city}
    )


def update_phone(member_id, phone):
    members_index.partial_update_object({"objectID": member_id, "phone": phone})  # expect: pii-to-third-party user.contact.phone_number
