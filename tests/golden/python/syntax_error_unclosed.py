import logging

log = logging.getLogger(__name__)


def broken(user):
    log.info("before %s", user.name)
    total = (1 +
    log.info("inside %s", user.email)


@app.route("/users", methods=["POST"])
def register(user):
    log.info("new user %s", user.email)


class After:
    def method(self, user):
        self.x = 1 +* 2
        print(user.phone)
