"""The fixture site for the gkml audit tests, on 127.0.0.1 only.

    python3 serve.py ROOT PORTFILE LOGFILE

Serves ROOT the way a CMS does, and the way `wget -m` saves it: a query string maps to a file whose name
keeps it (`/xxgk/zpxx/?page=2` → `xxgk/zpxx/index.html?page=2`). Binds a free port, writes it to PORTFILE,
and logs every request path with its User-Agent to LOGFILE, so that tests can check robots.txt compliance.
"""
import http.server, os, signal, sys, urllib.parse

root, portfile, logfile = sys.argv[1], sys.argv[2], sys.argv[3]
# The test process may start us with signals blocked; let SIGTERM end us.
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
log = open(logfile, "a", buffering=1, encoding="utf-8")


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=root, **kwargs)

    def translate_path(self, path):
        parsed = urllib.parse.urlsplit(path)
        base = super().translate_path(parsed.path)
        if parsed.query:
            folder_index = os.path.join(base, "index.html") if os.path.isdir(base) else base
            candidate = folder_index + "?" + urllib.parse.unquote(parsed.query)
            if os.path.isfile(candidate):
                return candidate
        return base

    def guess_type(self, path):
        # "index.html?page=2" is HTML too.
        return super().guess_type(path.split("?")[0])

    def log_message(self, fmt, *args):
        log.write(f"{self.path}\t{self.headers.get('User-Agent', '')}\n")


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(portfile + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.replace(portfile + ".tmp", portfile)
server.serve_forever()
