def unpack(pair, e, obj):
    a, b = pair
    (c, d), [g, *rest] = e
    x = y = obj.email
    obj.name = obj.first = e
    self.items["k"] = a
    obj[0] = b
    obj[a] = c
    msg = "a"
    msg += obj.email
    obj.total += 1
    n: int = 5
    m: str
    p = q
    s, t = 1, 2
    return a, b
