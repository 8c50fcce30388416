"""A real SMTP server for the tests: saves every message it accepts into a folder.

Usage: python3 smtp_sink.py HOST PORT FOLDER

For each message, NNNNNN.json (envelope: mail_from, rcpt_tos) is written first, then NNNNNN.eml (the exact bytes
received) appears by an atomic rename, and only then is the message answered 250 and "saved NNNNNN" printed.
A recipient whose address starts with "refused-" is refused at RCPT TO with 550, as a server refuses an unknown
mailbox. "ready" is printed once the port accepts connections. The server exits when its standard input closes, so it never
outlives the test process that started it (even one that is killed or skips its teardown).
"""
import asyncio
import itertools
import json
import os
import sys
import threading

from aiosmtpd.smtp import SMTP


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.counter = itertools.count(1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refused-"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = f"{next(self.counter):06d}"
        with open(os.path.join(self.folder, name + ".json"), "w", encoding="utf-8") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos}, f)
        temporary = os.path.join(self.folder, name + ".tmp")
        with open(temporary, "wb") as f:
            f.write(envelope.original_content)
        os.replace(temporary, os.path.join(self.folder, name + ".eml"))
        print("saved " + name, flush=True)
        return "250 OK"


async def main(host, port, folder):
    os.makedirs(folder, exist_ok=True)
    sink = Sink(folder)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(sink, enable_SMTPUTF8=True, hostname="sink.test"), host, port)
    print("ready", flush=True)
    async with server:
        await server.serve_forever()


def exit_with_parent():
    sys.stdin.read()  # returns at end of input: the test process closed the pipe or is gone
    os._exit(0)


if __name__ == "__main__":
    threading.Thread(target=exit_with_parent, daemon=True).start()
    asyncio.run(main(sys.argv[1], int(sys.argv[2]), sys.argv[3]))
