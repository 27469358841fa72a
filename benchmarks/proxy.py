"""nginx in front of app processes, as deploy/ ships it: shared by the load benchmark and the deploy test."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NGINX_CONF = ROOT / "deploy" / "nginx" / "machi.conf"
#: how deploy/ starts each process
SERVE = [sys.executable, "-m", "machi", "serve"]


def nginx_path() -> str:
    found = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)
    if found is None:
        raise RuntimeError("Debian's nginx is not installed (apt-get install nginx)")
    return found


def proxy_config(upstreams: list[str], port: int, folder: Path) -> Path:
    """deploy/nginx/machi.conf as shipped, with the test's processes in the upstream and port, inside a
    minimal nginx.conf of a folder of its own."""
    site = NGINX_CONF.read_text(encoding="utf-8")
    servers = "".join(f"    server {u} max_fails=1 fail_timeout=10s;\n" for u in upstreams)
    site, n = re.subn(r"(?m)^    server 127\.0\.0\.1:85\d\d .*\n", "", site)
    assert n == 2, "the shipped upstream lists two processes"
    site = site.replace("    keepalive 16;\n", servers + "    keepalive 16;\n")
    site = site.replace("listen 8080;", f"listen 127.0.0.1:{port};")
    (folder / "machi.conf").write_text(site, encoding="utf-8")
    main = folder / "nginx.conf"
    # as root, nginx's workers would run as nobody, who cannot reach a private temporary folder
    user = "user root;\n" if hasattr(os, "geteuid") and os.geteuid() == 0 else ""
    main.write_text(
        f"""daemon off;
{user}worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 512; }}
http {{
    access_log {folder}/access.log;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/machi.conf;
}}
""",
        encoding="utf-8",
    )
    return main


@contextmanager
def nginx(conf: Path, port: int):
    command = [nginx_path(), "-c", str(conf), "-p", str(conf.parent), "-e", str(conf.parent / "error.log")]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"nginx did not start: {proc.stderr.read().decode()}") from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(10)
