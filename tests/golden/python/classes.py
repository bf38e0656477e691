from dataclasses import dataclass

@dataclass
class User:
    """A user."""
    email: str
    name: Optional[str] = None
    phone = Column(String)

    def __init__(self, email, name):
        self.email = email
        self.address = lookup(name)
        self.count: int = 0

    def greet(self, other):
        other.x = 1
        self.count += 1
        return "hi " + self.name

    class Meta:
        table = "users"

        def describe(cls):
            cls.label = "m"
            return cls.table

class Empty:
    pass

def outer(a):
    def inner(b):
        return a + b
    class Local:
        def m(this):
            this.v = a
    return inner

class Tools:
    @staticmethod
    def make(data):
        data.value = 1

    @classmethod
    def build(cls, v):
        cls.cache = v
