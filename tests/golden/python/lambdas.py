key = lambda u: u.email
def sort_users(users):
    f = lambda a, b=1, *c, **d: a.name + b
    return sorted(users, key=lambda u: u.name), map(lambda x: x, users)
