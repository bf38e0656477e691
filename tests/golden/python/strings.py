def fmt(user, name, n):
    a = f"hello {name} <{user.email}>!"
    b = "id=%s email=%s" % (user.id, user.email)
    c = "Dear {}".format(name)
    d = "Dear " + name + "."
    e = "implicit " "concat" ' three'
    g = f"{n:>10} and {user.name!r}" " tail"
    h = rb'\d+' + u"x"
    i = f"{{literal}} {name}"
    j = """triple
quoted"""
    k = f""
    return a
