import logging

def send(user, repo, **extra):
    print(user.email)
    logging.info("user %s", user.email, exc_info=True)
    repo.save(user)
    get_repo().save(user)
    "{}-{}".format(user.name, user.email)
    requests.post(url, json={"email": user.email}, *args, **extra)
    res = client.get(url, timeout=5)
    fn()(user)
    items[0].push(user)
    return res

class Service:
    def run(self, x):
        self.repo.save(x)
        self.repo.db.commit()
