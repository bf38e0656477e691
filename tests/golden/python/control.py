def process(users, path):
    total = 0
    for u in users:
        if u.active:
            send(u.email)
        elif u.pending:
            queue(u)
        else:
            drop(u)
    while check(total):
        total += step()
    try:
        risky(path)
    except (IOError, OSError) as err:
        log(err)
    except Exception:
        pass
    else:
        ok()
    finally:
        close()
    with open(path) as f, lock:
        data = f.read()
    for i, (a, b) in enumerate(pairs):
        emit(a, b)
    if not users:
        return
    return total
