"""Production settings pass Django's deployment checks without a single warning."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_it_passes_check_deploy_with_production_values(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "kring.example",
        "KRING_HTTPS": "1",
        "KRING_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "kring.settings",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output.upper(), output
    assert "System check identified no issues" in output
