def build(user, items, k, v):
    d = {"email": user.email, k: v, 1: "one", **extra}
    l = [user.name, user.email, *items]
    t = (1, user)
    s = {user.phone}
    payload = dict(email=user.email)
    names = [u.name for u in items if u.active]
    pairs = {u.id: u.email for u in items}
    gen = sum(x.n for x in items)
    nested = [a for row in items for a in row]
    return d
