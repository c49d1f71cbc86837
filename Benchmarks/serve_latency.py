#!/usr/bin/env python3
"""Time from saving a practice (or a school) to its new page being served by `praktika serve`.

    python3 Benchmarks/serve_latency.py [--practices 10000] [--edits 20] [--kind practice|school]

Generates (or reuses) a corpus, starts `praktika serve` on a free loopback
port, waits for the first build, then edits one entry at a time (a new
sentence in its body) and polls its page until the sentence is there. Prints
the median and the worst of the edits, in milliseconds. A school's save plans
the site again and re-renders every page that shows the school; a practice
body's save keeps the graph and re-renders the practice's pages.
"""
import argparse, os, socket, statistics, subprocess, sys, time, urllib.request

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(here)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(port, path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
            return response.read().decode("utf-8")
    except Exception:
        return ""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--practices", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--praktika", default=os.path.join(repo, ".build/release/praktika"))
    parser.add_argument("--kind", choices=["practice", "school"], default="practice")
    args = parser.parse_args()

    site = f"/tmp/praktika-bench/serve-{args.practices}"
    if not os.path.isdir(os.path.join(site, "content")):
        subprocess.run([sys.executable, os.path.join(here, "generate_corpus.py"), "--practices", str(args.practices), "--out", site], check=True)
    folder = args.kind + "s"
    practices = sorted(f for f in os.listdir(os.path.join(site, "content", folder)) if f.endswith(".md"))
    port = free_port()
    started = time.time()
    server = subprocess.Popen([args.praktika, "serve", site, "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        while "praktika" not in fetch(port, "/"):
            if server.poll() is not None:
                sys.exit("serve stopped: " + server.stdout.read())
            time.sleep(0.2)
        print(f"first build served after {time.time() - started:.1f} s", file=sys.stderr)
        times = []
        for edit in range(args.edits):
            name = practices[(edit * 37) % len(practices)]
            path = os.path.join(site, "content", folder, name)
            with open(path, encoding="utf-8") as f:
                original = f.read()
            if "status: draft" in original:
                continue
            marker = f"Правка номер {edit} {time.time_ns()}."
            page = f"/{folder}/" + name[:-3] + "/"
            try:
                saved = time.perf_counter()
                with open(path, "w", encoding="utf-8") as f:
                    f.write(original + "\n" + marker + "\n")
                while marker not in fetch(port, page):
                    time.sleep(0.005)
                times.append((time.perf_counter() - saved) * 1000)
            finally:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(original)
                # Let the restore settle before the next edit.
                while marker in fetch(port, page):
                    time.sleep(0.05)
                time.sleep(0.5)
        print(f"| practices | saved | edits | median | worst |")
        print(f"|---:|---|---:|---:|---:|")
        print(f"| {args.practices} | {args.kind} | {len(times)} | {statistics.median(times):.0f} ms | {max(times):.0f} ms |")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
