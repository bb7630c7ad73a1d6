"""Databases for the tests (a pytest plugin of tests/conftest.py): a fresh SQLite file, and a fresh
database in a throwaway PostgreSQL cluster that these fixtures start themselves (``postgres_server``).

``store`` (and ``any_db``) run each test twice: on a SQLite file and on PostgreSQL. With no PostgreSQL
server binaries on the machine the PostgreSQL runs are skipped, saying so; CI installs them (.ci/run).
``ONRECORD_TEST_POSTGRES=postgresql://...`` uses an existing server instead (it must allow CREATE DATABASE).
"""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile

import pytest


@pytest.fixture
def db(tmp_path):
    return tmp_path / "onrecord.db"


def postgres_bindir() -> str | None:
    """Where initdb and pg_ctl are: Debian's /usr/lib/postgresql/N/bin (newest first), else on PATH."""
    for bindir in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(d.split("/")[-2]),
                         reverse=True):
        if os.access(os.path.join(bindir, "initdb"), os.X_OK) and os.access(os.path.join(bindir, "pg_ctl"), os.X_OK):
            return bindir
    initdb = shutil.which("initdb")
    return os.path.dirname(initdb) if initdb and shutil.which("pg_ctl") else None


@pytest.fixture(scope="session")
def postgres_server():
    """The URL of a throwaway PostgreSQL cluster (Unix socket only, in a temp dir), stopped at the end.

    PostgreSQL refuses to run as root: as root the cluster is made and run by the ``postgres`` user."""
    if os.environ.get("ONRECORD_TEST_POSTGRES"):
        yield os.environ["ONRECORD_TEST_POSTGRES"]
        return
    bindir = postgres_bindir()
    if bindir is None:
        why = "no PostgreSQL server binaries (initdb, pg_ctl): apt-get install postgresql"
        if os.environ.get("CI"):
            pytest.fail(f"{why} (.ci/run installs them)")         # CI must run the PostgreSQL half
        pytest.skip(why)
    base = tempfile.mkdtemp(prefix="onrecord-pg-", dir="/tmp")   # short: a socket path has a length limit
    run_as: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            pytest.skip("running as root, and no runuser to start PostgreSQL as another user")
        import pwd
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root, and no 'postgres' user to start PostgreSQL as")
        os.chown(base, user.pw_uid, user.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    data = os.path.join(base, "data")
    options = f"-k {base} -c listen_addresses='' -p 5432 -c fsync=off -c full_page_writes=off -c max_connections=200"
    subprocess.run([*run_as, f"{bindir}/initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
                    "--locale=C.UTF-8", "--no-sync"], check=True, capture_output=True, cwd=base)
    subprocess.run([*run_as, f"{bindir}/pg_ctl", "-D", data, "-o", options, "-l", f"{base}/log", "-w", "start"],
                   check=True, capture_output=True, cwd=base)
    try:
        yield f"postgresql://postgres@/postgres?host={base}&port=5432"
    finally:
        subprocess.run([*run_as, f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"],
                       capture_output=True, cwd=base)
        shutil.rmtree(base, ignore_errors=True)


_databases = itertools.count()


@pytest.fixture
def pg_url(postgres_server):
    """A fresh, empty PostgreSQL database for one test, dropped after it."""
    import psycopg
    name = f"onrecord_test_{os.getpid()}_{next(_databases)}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    base, _, query = postgres_server.partition("?")
    yield f"{base.rsplit('/', 1)[0]}/{name}" + (f"?{query}" if query else "")
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def pg_reader(pg_url):
    """Makes a role that may only SELECT the tables of ``pg_url`` and gives its URL: call it once the
    tables exist (``GRANT SELECT ON ALL TABLES`` covers the tables there are). Dropped after the test."""
    import psycopg
    role = f"onrecord_reader_{os.getpid()}_{next(_databases)}"
    made = []

    def grant() -> str:
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute(f"CREATE ROLE {role} LOGIN")
            admin.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
        made.append(role)
        scheme, _, rest = pg_url.partition("://")
        return f"{scheme}://{role}@{rest.split('@', 1)[1]}"

    yield grant
    if made:
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute(f"DROP OWNED BY {role}")
            admin.execute(f"DROP ROLE {role}")


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request, db):
    """The same test on a SQLite file and on a PostgreSQL database."""
    return db if request.param == "sqlite" else request.getfixturevalue("pg_url")


@pytest.fixture
def store(any_db):
    from onrecord.store import Store
    with Store(any_db) as s:
        yield s
