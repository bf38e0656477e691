class Customer:
    def __init__(self, id, email, phone, plan="free"):
        self.id = id
        self.email = email
        self.phone = phone
        self.plan = plan


class Customers:
    def __init__(self):
        self.rows = {}

    def create(self, email, phone):
        if "@" not in email:
            raise ValueError("bad email")
        c = Customer(len(self.rows) + 1, email, phone)
        self.rows[c.id] = c
        return c

    def get(self, key):
        return self.rows[int(key)]

    def charge(self, customer, order_id):
        raise RuntimeError("declined")
