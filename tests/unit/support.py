"""What the plain unit tests share: where the repo and ../shared/data are, and running a CLI."""

import json
import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO_ROOT / ".." / "shared" / "data"


def load_shared_json(name: str):
	path = SHARED_DATA / name
	if not path.is_file():
		# Skipping would hide that the shared examples were never checked, so this fails instead.
		raise AssertionError(
			f"shared test data not found: {path.resolve()} (expected at repo_root/../shared/data)"
		)
	return json.loads(path.read_text(encoding="utf-8"))


def run_module(module: str, *args: str) -> subprocess.CompletedProcess:
	"""`python -m module args` from the repo root, as the README tells users to run it."""
	return subprocess.run(
		[sys.executable, "-m", module, *args],
		cwd=REPO_ROOT,
		capture_output=True,
		text=True,
		encoding="utf-8",
		env=dict(os.environ, PYTHONIOENCODING="utf-8"),
		timeout=60,
	)
