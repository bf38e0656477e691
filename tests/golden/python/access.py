def handler(user, body, rows, k):
    e = user.email
    v = body["email"]
    first = rows[0]
    any_ = body[k]
    deep = user.profile.address.city
    n = body["a"]["b"].c
    s = rows[1:2]
    return user.email
