"""What the load scripts share: the repository's paths, a free loopback port, the JDK's tools, the service's
resident memory, and a local identity provider made with MintToken (JDK only) for the packaged service."""
import os
import re
import shutil
import socket
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
MINT = os.path.join(REPO, "src", "test", "java", "org", "footpain", "tools", "MintToken.java")
HOST = "127.0.0.1"  # loopback only, by construction


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def java_tool(name):
    """A JDK tool (java, jcmd), from JAVA_HOME when set, else from the PATH."""
    home = os.environ.get("JAVA_HOME")
    if home and os.path.exists(os.path.join(home, "bin", name)):
        return os.path.join(home, "bin", name)
    found = shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: a JDK is needed")
    return found


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as fh:
        return int(re.search(r"VmRSS:\s+(\d+)", fh.read()).group(1)) / 1024


def make_identity_provider(directory):
    """Writes a key pair into the directory; returns the environment that makes the service trust it."""
    subprocess.run([java_tool("java"), MINT, "keys", directory], check=True, capture_output=True)
    return dict(os.environ, MP_JWT_VERIFY_PUBLICKEY_LOCATION=os.path.join(directory, "public-key.pem"),
                MP_JWT_VERIFY_ISSUER="https://idp.local", MP_JWT_VERIFY_AUDIENCES="footpain-assessment")


def mint_token(directory):
    """A token of the identity provider in the directory: group assessment, valid one hour."""
    return subprocess.run([java_tool("java"), MINT, "token", directory], check=True, capture_output=True,
                          text=True).stdout.strip()
