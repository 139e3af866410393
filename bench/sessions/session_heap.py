#!/usr/bin/env python3
"""Retained heap per signed-in session on the API Tokens page.

Starts nothing itself: run it against a started production jar (see session-heap.sh). It signs in N times with
Debian's Chromium driven through chromedriver's WebDriver HTTP API (no Python packages needed), opens API Tokens in
each, closes the browser without signing out (the server keeps the session and its UI), and compares the live heap
after full GCs (jcmd GC.class_histogram) before and after.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request

BASE = os.environ.get("BASE", "http://127.0.0.1:18082")
PID = os.environ["APP_PID"]
USERNAME = os.environ.get("USERNAME_", "admin")
PASSWORD = os.environ["PASSWORD"]
SESSIONS = int(os.environ.get("SESSIONS", "20"))
WARM_UP = int(os.environ.get("WARM_UP", "3"))
JCMD = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "jcmd")
DRIVER = "http://127.0.0.1:9515"


def webdriver(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(DRIVER + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"{}").get("value")


def find(session, xpath, timeout=30):
    deadline = time.time() + timeout
    while True:
        try:
            found = webdriver("POST", f"/session/{session}/element", {"using": "xpath", "value": xpath})
            return next(iter(found.values()))
        except urllib.error.HTTPError:
            if time.time() > deadline:
                raise
            time.sleep(0.2)


def one_session():
    capabilities = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
        "binary": "/usr/bin/chromium",
        "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--user-data-dir=" + tempfile.mkdtemp(prefix="tokenkeeper-heap-")]}}}}
    session = webdriver("POST", "/session", capabilities)["sessionId"]
    try:
        webdriver("POST", f"/session/{session}/url", {"url": BASE + "/settings/user-information/api-tokens"})
        user = find(session, "//vaadin-text-field[label[.='Username']]/input")
        webdriver("POST", f"/session/{session}/element/{user}/value", {"text": USERNAME})
        password = find(session, "//vaadin-password-field[label[.='Password']]/input")
        webdriver("POST", f"/session/{session}/element/{password}/value", {"text": PASSWORD + "\ue007"})
        try:
            find(session, "//vaadin-button[text()[normalize-space(.)='Add New Token']]", timeout=60)
        except urllib.error.HTTPError:
            url = webdriver("GET", f"/session/{session}/url")
            raise SystemExit(f"API Tokens did not show (the browser is at {url})")
    finally:
        webdriver("DELETE", f"/session/{session}")


def live_heap():
    """Bytes of live objects: GC.class_histogram runs a full GC first."""
    output = subprocess.run([JCMD, PID, "GC.class_histogram"], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Total\s+\d+\s+(\d+)", output).group(1))


def main():
    driver = subprocess.Popen(["/usr/bin/chromedriver", "--port=9515"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        time.sleep(1)
        for _ in range(WARM_UP):
            one_session()
        before = min(live_heap() for _ in range(2))
        for _ in range(SESSIONS):
            one_session()
        after = min(live_heap() for _ in range(2))
    finally:
        driver.terminate()
    per_session = (after - before) / SESSIONS
    print(f"live heap before {before / 1024:.0f} KB, after {SESSIONS} sessions {after / 1024:.0f} KB: "
          f"{per_session / 1024:.0f} KB per signed-in session on API Tokens")


if __name__ == "__main__":
    sys.exit(main())
