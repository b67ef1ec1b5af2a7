"""Starts `skillplan serve` on a free loopback port with a temporary database, and stops it."""
import contextlib
import os
import pathlib
import socket
import subprocess
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCENARIO = ROOT / "Scenarios" / "vietnam-2026-2035"


def free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def first_codes():
    """The enterprise of the scenario's first posting and the institution of its first programme."""
    postings = (SCENARIO / "postings.csv").read_text().splitlines()
    programs = (SCENARIO / "programs.csv").read_text().splitlines()
    return postings[1].split(",")[1], programs[1].split(",")[1]


ACCOUNTS = {
    "fund": ("fund@test.skillplan.vn", "fund-password-2026"),
    "enterprise": ("hr@test.skillplan.vn", "enterprise-password-2026"),
    "institution": ("office@test.skillplan.vn", "institution-password-2026"),
}


class PortalServer:
    def __init__(self, skillplan: pathlib.Path, folder: pathlib.Path, draws: int = 50):
        self.skillplan = skillplan
        self.folder = folder
        self.db = folder / "portal.sqlite"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.enterprise, self.institution = first_codes()
        self.draws = draws
        self.process = None

    def add_accounts(self):
        organisations = {"fund": "FUND", "enterprise": self.enterprise, "institution": self.institution}
        for role, (email, password) in ACCOUNTS.items():
            result = subprocess.run(
                [str(self.skillplan), "users", "add", "--role", role, "--org", organisations[role], "--email", email,
                 "--db", str(self.db)],
                input=password + "\n", capture_output=True, text=True, timeout=120, cwd=ROOT)
            assert result.returncode == 0, result.stderr

    def start(self):
        self.log = open(self.folder / "serve.log", "w")
        self.process = subprocess.Popen(
            [str(self.skillplan), "serve", "--db", str(self.db), "--port", str(self.port),
             "--work", str(self.folder / "work"), "--draws", str(self.draws)],
            stdout=self.log, stderr=subprocess.STDOUT, cwd=ROOT)
        deadline = time.time() + 120
        while time.time() < deadline:
            assert self.process.poll() is None, (self.folder / "serve.log").read_text()
            try:
                with urllib.request.urlopen(self.url + "/sign-in", timeout=2) as reply:
                    if reply.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        raise AssertionError("the portal did not start: " + (self.folder / "serve.log").read_text())

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if getattr(self, "log", None):
            self.log.close()
