from .search import bulk_phones, index_customer, update_address
from .products import index_products


def on_customer_saved(customer, form):
    index_customer(customer)
    update_address(customer.id, form["address"])
    bulk_phones([{"id": customer.id, "phone": form["phone"]}])
    index_products()
