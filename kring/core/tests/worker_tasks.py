"""Tasks for the worker tests: one that waits until a file appears, so a test can kill the worker
while it runs."""

import time
from pathlib import Path

from django_tasks import task


@task()
def wait_for_file(path: str) -> str:
    while not Path(path).exists():
        time.sleep(0.05)
    return Path(path).read_text()
