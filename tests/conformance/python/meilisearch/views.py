from flask import Flask, request

from .search import index_seller, update_seller_phone
from .listings import index_listings

app = Flask(__name__)


@app.route("/sellers/<int:seller_id>", methods=["PUT"])
def update_seller(seller_id):
    update_seller_phone(seller_id, request.form["phone"])
    index_seller(request.form)
    index_listings()
    return {"ok": True}
