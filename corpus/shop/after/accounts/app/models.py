"""Records of the accounts service."""

import datetime


class Customer:
    """A registered customer of the shop."""

    def __init__(self, customer_ref, email, full_name, phone_number, date_of_birth=None):
        self.customer_ref = customer_ref
        self.email = email
        self.full_name = full_name
        self.phone_number = phone_number
        self.date_of_birth = date_of_birth
        self.tier = "standard"
        self.active = True

    def is_adult(self, today=None):
        """True when the customer is 18 or older (unknown counts as not adult)."""
        if self.date_of_birth is None:
            return False
        today = today or datetime.date.today()
        years = today.year - self.date_of_birth.year
        return years >= 18


class OrderLine:
    """One article of an order."""

    def __init__(self, sku, quantity, unit_price):
        self.sku = sku
        self.quantity = quantity
        self.unit_price = unit_price


class Order:
    """An order placed by a customer, referenced by its order_id."""

    def __init__(self, order_id, customer_ref, lines):
        self.order_id = order_id
        self.customer_ref = customer_ref
        self.lines = list(lines)
        self.total = sum(line.quantity * line.unit_price for line in self.lines)

    def is_empty(self):
        return len(self.lines) == 0
