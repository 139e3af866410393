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
TOP = int(os.environ.get("TOP", "0"))
TOKENS = int(os.environ.get("TOKENS", "0"))  # tokens the user has (made in a first session), shown in every one  # also list the classes that grew most
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


def click(session, xpath):
    webdriver("POST", f"/session/{session}/element/{find(session, xpath)}/click", {})


def add_tokens(session, count):
    """Generates tokens through the page as a user does, closing each value's dialog without copying it."""
    for number in range(count):
        click(session, "//vaadin-button[text()[normalize-space(.)='Add New Token']]")
        name = find(session, "//vaadin-text-field[label[.='Name']]/input")
        webdriver("POST", f"/session/{session}/element/{name}/value", {"text": f"heap token {number}\ue007"})
        value = find(session, "//vaadin-text-field[label[starts-with(.,'Your new API token')]]/input")
        webdriver("POST", f"/session/{session}/element/{value}/value", {"text": "\ue00c"})
        click(session, "//vaadin-confirm-dialog[@opened]//vaadin-button[text()[normalize-space(.)='Close']]")
        find(session, f"//vaadin-grid-cell-content[contains(.,'heap token {number}')]")


def one_session(tokens=0):
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
        add_tokens(session, tokens)
    finally:
        webdriver("DELETE", f"/session/{session}")


def histogram():
    """Live bytes in all and per class: GC.class_histogram runs a full GC first."""
    output = subprocess.run([JCMD, PID, "GC.class_histogram"], capture_output=True, text=True, check=True).stdout
    classes = {}
    for match in re.finditer(r"^\s*\d+:\s+\d+\s+(\d+)\s+(\S+)", output, re.MULTILINE):
        classes[match.group(2)] = int(match.group(1))
    return int(re.search(r"Total\s+\d+\s+(\d+)", output).group(1)), classes


def smallest(histograms):
    return min(histograms, key=lambda taken: taken[0])


def main():
    driver = subprocess.Popen(["/usr/bin/chromedriver", "--port=9515"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        time.sleep(1)
        one_session(TOKENS)
        for _ in range(WARM_UP):
            one_session()
        before, classes_before = smallest([histogram() for _ in range(2)])
        for _ in range(SESSIONS):
            one_session()
        after, classes_after = smallest([histogram() for _ in range(2)])
    finally:
        driver.terminate()
    per_session = (after - before) / SESSIONS
    print(f"live heap before {before / 1024:.0f} KB, after {SESSIONS} sessions {after / 1024:.0f} KB: "
          f"{per_session / 1024:.0f} KB per signed-in session on API Tokens with {TOKENS} tokens")
    growth = {name: size - classes_before.get(name, 0) for name, size in classes_after.items()}
    for name, grown in sorted(growth.items(), key=lambda item: -item[1])[:TOP]:
        print(f"  {grown / SESSIONS / 1024:8.1f} KB per session  {name}")


if __name__ == "__main__":
    sys.exit(main())
