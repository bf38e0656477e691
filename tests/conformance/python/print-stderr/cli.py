"""Admin command line: prints to the terminal."""
import argparse
import sys
from pprint import pprint

from .db import find_customer


def main(argv=None):
    parser = argparse.ArgumentParser(prog="customers")
    parser.add_argument("customer_ref")
    args = parser.parse_args(argv)
    customer = find_customer(args.customer_ref)
    if customer is None:
        print("no such customer", file=sys.stderr)
        return 1
    print("Customer:", customer["full_name"])  # expect: pii-to-stdout user.name
    print(f"  email: {customer['email']}")  # expect: pii-to-stdout user.contact.email
    print("  phone: %s" % customer["phone"])  # expect: pii-to-stdout user.contact.phone_number
    print("  orders:", len(customer["orders"]))
    sys.stdout.write("  address: " + customer["home_address"] + "\n")  # expect: pii-to-stdout user.contact.address
    return 0


def dump(customer):
    pprint({"name": customer.display_name, "dob": customer.date_of_birth})  # expect: pii-to-stdout user.name user.demographic.date_of_birth


def warn_duplicate(email, other_email):
    sys.stderr.write("duplicate accounts: {} / {}\n".format(email, other_email))  # expect: pii-to-stdout user.contact.email
    print("duplicate found", flush=True)
