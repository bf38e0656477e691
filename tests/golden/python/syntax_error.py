def ok():
    return 1

def broken(a, b
    x = a.b
