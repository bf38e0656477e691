async def misc(user, items):
    if (n := len(items)) > 10:
        raise ValueError(f"too many: {n}")
    data = await fetch(user.id)
    yield data.email
    neg = -user.age
    ok = user.a == 1 and not user.b
    pick = user.email if user.verified else None
    either = user.email or user.phone
    match data:
        case {"email": e} if e:
            notify(e)
        case _:
            pass
    raise
    del items[0]
    assert user, "no user"
    global counter
    x = yield
    value = ...
    return
