"""Imports one file through the running service the way a user does, and prints the phases with timestamps.

POST /repository, POST /import, upload with the import's temporary S3 credentials (boto3, multipart), PUT complete,
then polls GET /import/{uuid} and GET /import/{uuid}/orchestration until the import ends. Prints one JSON line:
upload seconds, seconds from PUT complete to each phase (scanned, each level done, complete) and the totals, and
once it has ended, the orchestration tree's size: instances, and the largest instance's history (events and bytes of
its status query with history, inputs and outputs).

With NAME=PID,PID... arguments after FILE, it also prints the CPU seconds those processes used from PUT complete to
the end (the hosts, the S3 server, Azurite): where the machine's time went.

Usage: service_import.py URL API_KEY FILE [NAME=PID,PID ...]
"""
import os
import json
import sys
import time
import urllib.parse
import urllib.request

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config


def call(url, key, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url + path, data=data, method=method,
                                     headers={"x-api-key": key, "content-type": "application/json"})
    with urllib.request.urlopen(request) as response:
        text = response.read()
        return json.loads(text) if text else None


def cpu_seconds(pids):
    """User + system CPU seconds the processes have used so far (from /proc)."""
    total = 0.0
    for pid in pids:
        try:
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            pass
    return total


def history_sizes(url, key, uuid):
    """Walks the import's orchestration tree through the status query; answers (instances, most events, most bytes)."""
    pending, seen, events, size = [uuid], set(), 0, 0
    while pending:
        instance = pending.pop()
        if instance in seen:
            continue
        seen.add(instance)
        path = f"/durabletask/instances/{urllib.parse.quote(instance)}?showHistory=true&showHistoryOutput=true&showInput=true"
        request = urllib.request.Request(url + path, headers={"x-api-key": key})
        with urllib.request.urlopen(request) as response:
            text = response.read()
        history = json.loads(text).get("historyEvents") or []
        events, size = max(events, len(history)), max(size, len(text))
        # Sub-orchestrations are named after their parent: "{import}:{file}", "{import}:{file}:{series}:{step}:{batch}".
        pending += [v for e in history for v in e.values() if isinstance(v, str) and v.startswith(uuid + ":")]
    return len(seen), events, size


def main():
    url, key, path = sys.argv[1], sys.argv[2], sys.argv[3]
    groups = {name: pids.split(",") for name, pids in (a.split("=", 1) for a in sys.argv[4:])}
    name = path.rsplit("/", 1)[-1]
    repository = call(url, key, "POST", "/repository", {"name": f"bench {time.time()}", "raw_storage": "Live"})
    imp = call(url, key, "POST", "/import", {"name": name, "repository_uuid": repository["uuid"]})
    uuid = imp["uuid"]
    c = call(url, key, "GET", f"/import/{uuid}/credentials")
    s3 = boto3.client("s3", endpoint_url=c["endpoint"], region_name=c["region"],
                      aws_access_key_id=c["access_key_id"], aws_secret_access_key=c["secret_access_key"],
                      aws_session_token=c["session_token"], config=Config(s3={"addressing_style": "path"}))
    t = time.monotonic()
    s3.upload_file(path, c["bucket"], c["key_prefix"] + name,
                   Config=TransferConfig(multipart_chunksize=64 << 20, max_concurrency=4))
    upload = time.monotonic() - t

    t0 = time.monotonic()
    cpu0 = {name: cpu_seconds(pids) for name, pids in groups.items()}
    call(url, key, "PUT", f"/import/{uuid}", {"complete": True})
    phases = {}
    status = None
    while status not in ("Complete", "Failed", "Cancelled", "Expired"):
        time.sleep(0.2)
        now = time.monotonic() - t0
        record = call(url, key, "GET", f"/import/{uuid}")
        status = record["status"]
        progress = record["progress"]
        if progress.get("files_total") and "scanned" not in phases:
            phases["scanned"] = round(now, 2)
        for level in progress.get("levels", []):
            if level["regions_done"] == level["regions_total"]:
                phases.setdefault(f"levels {level['first_level']}-{level['last_level']}", round(now, 2))
    total = time.monotonic() - t0
    cpu = {name: round(cpu_seconds(pids) - cpu0[name], 1) for name, pids in groups.items()}
    instances, events, size = history_sizes(url, key, uuid)
    print(json.dumps({"import": uuid, "status": status, "errors": record["errors"], "upload_s": round(upload, 2),
                      "complete_s": round(total, 2), "phases": phases, "cpu_s": cpu,
                      "instances": instances, "largest_history": {"events": events, "kb": round(size / 1024)}}))


if __name__ == "__main__":
    main()
