from tests.access.matrix import LOGGED_IN, Case

CASES = [
    Case("members:home", LOGGED_IN),
]
