from flask import Flask, g, request

from .assistant import draft_reply, summarize_history
from .faq import faq_answer

app = Flask(__name__)


@app.route("/tickets/<int:ticket_id>/draft", methods=["POST"])
def draft(ticket_id):
    reply = draft_reply(g.ticket)
    summary = summarize_history(request.form["address"], "two late deliveries")
    return {"reply": faq_answer("shipping") or reply, "summary_len": len(summary)}
