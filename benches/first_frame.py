#!/usr/bin/env python3
"""Time from starting `nnstep` (the lesson list, or `nnstep open ARGS`) in an
80x24 pseudo-terminal to its first complete frame, then quit with `q`.

The frame counts as complete when the output holds MARKER (a word of the
footer, which is drawn in the same flush as the rest of the first frame).
Prints each run and the median of N runs (default 10), and the median CPU
time of the whole process (it quits right after the first frame), which
shifts less with the machine's load than wall time.

    python3 benches/first_frame.py [--bin target/debug/nnstep] [-n 10] [-- ARGS...]
"""
import argparse, fcntl, os, pty, select, statistics, struct, subprocess, sys, tempfile, termios, time


def one(binary, args, marker, data_dir):
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, NNSTEP_DATA_DIR=data_dir, TERM="xterm-256color", LANG="C.UTF-8")
    t0 = time.perf_counter()
    p = subprocess.Popen([binary, *args], stdin=slave, stdout=slave, stderr=slave, env=env,
                         close_fds=True)
    os.close(slave)
    out = b""
    elapsed = None
    deadline = t0 + 10
    while time.perf_counter() < deadline:
        r, _, _ = select.select([master], [], [], 0.5)
        if not r:
            continue
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        out += chunk
        # crossterm asks for the cursor position on start; answer it.
        if b"\x1b[6n" in chunk:
            os.write(master, b"\x1b[1;1R")
        if marker in out:
            elapsed = time.perf_counter() - t0
            break
    os.write(master, b"q")
    cpu = None
    for _ in range(500):
        pid, status, ru = os.wait4(p.pid, os.WNOHANG)
        if pid:
            cpu = ru.ru_utime + ru.ru_stime
            p.returncode = status
            break
        time.sleep(0.01)
    else:
        p.kill()
    # drain so the child never blocks on a full pty
    try:
        while select.select([master], [], [], 0.05)[0]:
            if not os.read(master, 65536):
                break
    except OSError:
        pass
    os.close(master)
    return elapsed, cpu


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/debug/nnstep")
    ap.add_argument("-n", type=int, default=10)
    ap.add_argument("--marker", default="help")
    ap.add_argument("args", nargs="*")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        one(a.bin, a.args, a.marker.encode(), d)  # warm-up
        times, cpus = [], []
        for _ in range(a.n):
            t, cpu = one(a.bin, a.args, a.marker.encode(), d)
            if t is None:
                sys.exit("no frame with the marker within 10 s")
            times.append(t * 1000)
            if cpu is not None:
                cpus.append(cpu * 1000)
    print("wall:", " ".join(f"{t:.1f}" for t in times))
    print(f"first frame: median {statistics.median(times):.1f} ms wall (min {min(times):.1f}) over {len(times)} runs")
    if cpus:
        print(f"whole process CPU (user+sys, start to quit): median {statistics.median(cpus):.1f} ms")


if __name__ == "__main__":
    main()
