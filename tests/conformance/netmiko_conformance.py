#!/usr/bin/python3
"""Conformance: Debian's python3-netmiko (a client nobody here wrote) against iosim.

Starts iosim on 127.0.0.1 (a free port, a temporary --state-dir), then drives it
with netmiko's cisco_ios driver: connect, find_prompt, send_command,
send_config_set, save_config and file_transfer (SCP upload + `verify /md5`).
Exits 0 only when every step saw what a real IOS-XE box would make it see.

Run by ctest (tests/CMakeLists.txt, conformance.netmiko):
  /usr/bin/python3 netmiko_conformance.py --iosim PATH --fixtures DIR
"""

import argparse
import hashlib
import os
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import traceback

PACKAGE = "python3-netmiko"
USER, PASSWORD = "admin", "conformance-pass"
READY_SECONDS = 60


def ensure_netmiko():
    """Imports netmiko, installing the Debian package first when it is missing."""
    try:
        import netmiko  # noqa: F401
        return
    except ImportError:
        pass
    if shutil.which("apt-get") is None:
        sys.exit(f"FAIL: netmiko missing and apt-get unavailable: install {PACKAGE} "
                 f"for {sys.executable}")
    if os.geteuid() != 0:
        sys.exit(f"FAIL: netmiko missing and not root: run `apt-get install {PACKAGE}`")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = ["apt-get", "install", "-y", "--no-install-recommends", PACKAGE]
    print(f"netmiko missing for {sys.executable}: {' '.join(install)}", flush=True)
    if subprocess.run(install, env=env).returncode != 0:
        # A fresh image may have no package lists yet.
        subprocess.run(["apt-get", "update"], env=env)
        if subprocess.run(install, env=env).returncode != 0:
            sys.exit(f"FAIL: apt-get could not install {PACKAGE} (see its output above)")
    try:
        import netmiko  # noqa: F401,F811
    except ImportError as error:
        sys.exit(f"FAIL: {PACKAGE} installed but `import netmiko` fails under "
                 f"{sys.executable}: {error}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_iosim(iosim, config, state_dir, port):
    """Starts iosim and waits (with a deadline) for its `ready` line."""
    argv = [iosim, "--listen", f"127.0.0.1:{port}", "--config", config,
            "--user", f"{USER}:{PASSWORD}:15", "--state-dir", state_dir]
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + READY_SECONDS
    seen = b""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], deadline - time.monotonic())
        if not ready:
            break
        chunk = os.read(process.stdout.fileno(), 4096)
        if not chunk:
            break
        seen += chunk
        if b"ready\n" in seen:
            return process
    process.kill()
    sys.exit(f"FAIL: iosim not ready; stdout {seen!r}; stderr {process.stderr.read()!r}")


def check(ok, what, detail=""):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        raise AssertionError(f"{what}: {detail}")


def drive(port, work):
    from netmiko import ConnectHandler, file_transfer

    conn = ConnectHandler(device_type="cisco_ios", host="127.0.0.1", port=port,
                          username=USER, password=PASSWORD, secret="",
                          fast_cli=False, global_delay_factor=1)
    try:
        prompt = conn.find_prompt()
        check(prompt == "r1#", "find_prompt() is r1#", prompt)

        version = conn.send_command("show version")
        check("Cisco IOS XE Software" in version and not version.startswith("show version"),
              "send_command('show version'): IOS-XE banner, echo stripped", version[:200])

        lines = ["ntp server 192.0.2.50", "logging buffered 64000"]
        out = conn.send_config_set(lines)
        check("Invalid input" not in out and "r1(config)#" in out,
              "send_config_set(): entered config mode, no error", out)
        running = conn.send_command("show running-config")
        check(all(f"\n{line}\n" in running for line in lines),
              "the change shows in show running-config", running)

        saved = conn.save_config()
        check("[OK]" in saved, "save_config() (write mem) answers [OK]", saved)
        startup = conn.send_command("show startup-config")
        check("ntp server 192.0.2.50" in startup, "startup-config holds the change", startup)

        source = os.path.join(work, "conformance.cfg")
        payload = running.replace("hostname r1", "hostname r1-scp") + "\n! bytes\x03\r\n"
        with open(source, "wb") as f:
            f.write(payload.encode("latin-1"))
        result = file_transfer(conn, source_file=source, dest_file="conformance.cfg",
                               file_system="bootflash:", direction="put",
                               overwrite_file=True)
        check(result.get("file_verified") is True and result.get("file_transferred") is True,
              "file_transfer(): SCP upload, MD5 verified by `verify /md5`", str(result))
        md5 = hashlib.md5(payload.encode("latin-1")).hexdigest()
        verify = conn.send_command("verify /md5 bootflash:conformance.cfg")
        check(md5 in verify, "verify /md5 prints the local MD5", verify)
        again = file_transfer(conn, source_file=source, dest_file="conformance.cfg",
                              file_system="bootflash:", direction="put")
        check(again.get("file_exists") is True and again.get("file_transferred") is False,
              "a second file_transfer() sees the same file and skips the copy", str(again))
    finally:
        conn.disconnect()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--iosim", required=True, help="the iosim binary")
    parser.add_argument("--fixtures", required=True, help="the fixtures/ folder")
    args = parser.parse_args()
    ensure_netmiko()
    import netmiko
    print(f"netmiko {netmiko.__version__} under {sys.executable}", flush=True)
    work = tempfile.mkdtemp(prefix="netmiko-conformance-")
    process = None
    try:
        config = os.path.join(args.fixtures, "labs", "iosxe-r1.cfg")
        port = free_port()
        process = start_iosim(args.iosim, config, os.path.join(work, "state"), port)
        drive(port, work)
    except AssertionError as error:
        print(f"FAIL: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # netmiko's own errors: a step it could not finish
        traceback.print_exc()
        print(f"FAIL: netmiko raised {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    finally:
        if process is not None:
            process.terminate()
            try:
                status = process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                status = "killed"
            stderr = process.stderr.read().decode(errors="replace")
            if status != 0 or stderr:
                print(f"iosim exit {status}; stderr: {stderr}", file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)
    print("netmiko conformance: all steps passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
