import sqlite3

from flask import Flask

app = Flask(__name__)
db = sqlite3.connect("users.db")


def find(uid):
    return db.execute("SELECT name, email FROM users WHERE id = ?", (uid,)).fetchone()


@app.route("/users/<uid>")
def show(uid):
    row = find(uid)
    return {"name": row[0]}


@app.route("/internal/count")
def count():
    return {"n": db.execute("SELECT count(*) FROM users").fetchone()[0]}
