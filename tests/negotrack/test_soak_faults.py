"""What the soak test (scripts/soak_faults.py) relies on to catch a pool process of the worker
in a rebuild: the key of the rebuild locks, and finding the process behind a connection."""

import os
import socket

from issues.timelines import rebuild
from scripts.soak_faults import REBUILD_LOCKS
from scripts.soak_services import tcp_client


def test_the_soak_holds_the_locks_rebuilds_take():
    assert REBUILD_LOCKS == rebuild.REBUILD_LOCKS


def test_the_process_behind_a_connection_is_found_by_its_local_port():
    with socket.create_server(("127.0.0.1", 0)) as server, socket.create_connection(server.getsockname()) as client:
        port = client.getsockname()[1]
        assert tcp_client(port, [os.getppid(), os.getpid()]) == os.getpid()
        assert tcp_client(port, [os.getppid()]) is None
