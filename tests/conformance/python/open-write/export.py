"""Nightly export of subscribers to CSV and JSON files."""
import csv
import json
from pathlib import Path

EXPORT_DIR = Path("/var/exports")


def export_csv(subscribers):
    with open(EXPORT_DIR / "subscribers.csv", "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["email", "first_name"])
        for s in subscribers:
            writer.writerow([s.email, s.first_name])  # expect: pii-to-file user.contact.email user.name.first


def export_json(subscribers):
    rows = [{"email": s.email, "phone": s.phone} for s in subscribers]
    with open(EXPORT_DIR / "subscribers.json", "w") as out:
        json.dump(rows, out)  # expect: pii-to-file user.contact.email user.contact.phone_number


def append_unsubscribe(email):
    f = open("/var/exports/unsubscribed.txt", "a")
    f.write(email + "\n")  # expect: pii-to-file user.contact.email
    f.close()


def export_text(subscribers):
    with open(EXPORT_DIR / "subscribers.txt", "w") as fh:
        for s in subscribers:
            print(s.email, s.phone, sep="\t", file=fh)  # expect: pii-to-file user.contact.email user.contact.phone_number
        print("# end", file=fh)


def save_note(customer):
    Path("notes", customer.account_ref + ".txt").write_text(customer.shipping_address)  # expect: pii-to-file user.contact.address
