"""Exit 0 when the PostgreSQL server behind a DATABASE_URL answers (used by `make test`)."""

import sys

import psycopg


def main(url: str) -> int:
    server_url = url.rsplit("/", 1)[0] + "/postgres"
    try:
        with psycopg.connect(server_url, connect_timeout=3) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as error:
        print(f"PostgreSQL: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
