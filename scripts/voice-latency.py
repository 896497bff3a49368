#!/usr/bin/env python3
"""Sink-to-sink latency of spoken commands: from the end of the word at the microphone to the
acknowledgement blip heard on the speaker. Called by scripts/bench-voice-live; prints figures.

  voice-latency.py calibrate --mic SINK --speaker SINK [--combined SINK] [--runs N]
  voice-latency.py measure --mic SINK --speaker SINK --words DIR [--count N] -- CALMCUE-COMMAND...

Both sinks' monitors are recorded at once by one process (two parec streams read in threads), and
every chunk is stamped with time.monotonic() as it arrives. A sample's time is its index over the
rate plus the stream's offset, the smallest (arrival - samples so far / rate) over the chunks near
it: the chunk that came with the least delay. Both streams have the same pipeline, so that delay
is nearly the same on both and cancels. `calibrate` checks the method and prints its error: a
click recorded twice from one sink; with --combined (a combine sink whose slaves are both sinks)
one stream of clicks played into both sinks at once; without it, clicks written into the two sinks
by two streams paced on one clock, 0 and 300 ms apart (this adds the two streams' start offset).

`measure` runs the calmcue command (PULSE_SINK/PULSE_SOURCE already set by the caller to the
speaker and the microphone's monitor), waits until it listens and the first instruction was said,
then says COUNT commands ("calm cue, pause" / "continue" / "repeat" / "next", in turn) into the
microphone, each after a stretch of talk (DIR/talk.wav) and a quiet second, and leaves quiet time
after each for what the command makes calmcue say. For each command: the end of the voice is the
last mic sample above the threshold in the word's window; the action heard is the first speaker
sample above the threshold after it, counted only if the next 40 ms look like the blip (a tone
between 800 and 1500 Hz: calmcue's blip glides from 880 to 1320 Hz), not speech or the chime.
"""
import argparse, os, signal, statistics, subprocess, sys, threading, time, wave
import numpy as np

RATE = 16000
THRESHOLD = 200  # of 32767: where a soft sound starts (see the guide's onset notes)
NEAR = 15.0  # seconds: the chunks that set a sample's time offset


class Recorder:
    """One parec of a sink's monitor; chunks stamped with time.monotonic() on arrival."""

    def __init__(self, sink):
        self.proc = subprocess.Popen(
            ["parec", "-d", sink + ".monitor", "--raw", "--format=s16le", "--rate=%d" % RATE,
             "--channels=1", "--latency-msec=5"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.data = bytearray()
        self.stamps = []  # (arrival, samples so far)
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self):
        fd = self.proc.stdout.fileno()
        while True:
            b = os.read(fd, 4096)
            now = time.monotonic()
            if not b:
                return
            self.data += b
            self.stamps.append((now, len(self.data) // 2))

    def stop(self):
        self.proc.terminate()
        self.proc.wait()
        self.thread.join(5)
        n = len(self.data) // 2
        self.samples = np.frombuffer(bytes(self.data[: 2 * n]), dtype="<i2").astype(np.int32)
        arr = np.array(self.stamps)
        self.arrival, self.count = arr[:, 0], arr[:, 1]
        self.offsets = self.arrival - self.count / RATE

    def offset_at(self, t):
        near = np.abs(self.arrival - t) < NEAR
        return float(self.offsets[near].min() if near.any() else self.offsets.min())

    def time_of(self, index):
        guess = float(self.offsets.min()) + index / RATE
        return self.offset_at(guess) + index / RATE

    def index_at(self, t):
        return max(0, int(round((t - self.offset_at(t)) * RATE)))


def first_above(s, start, stop, thr=THRESHOLD):
    seg = np.abs(s[start:stop]) > thr
    i = int(np.argmax(seg)) if seg.any() else -1
    return -1 if i < 0 else start + i


def last_above(s, start, stop, thr=THRESHOLD):
    seg = np.abs(s[start:stop]) > thr
    if not seg.any():
        return -1
    return start + len(seg) - 1 - int(np.argmax(seg[::-1]))


def looks_like_blip(s, onset):
    """A clear tone between 800 and 1500 Hz in the 40 ms after the onset."""
    w = s[onset: onset + int(0.040 * RATE)].astype(float)
    if len(w) < int(0.040 * RATE):
        return False
    spec = np.abs(np.fft.rfft(w * np.hanning(len(w)))) ** 2
    freqs = np.fft.rfftfreq(len(w), 1 / RATE)
    band = spec[(freqs >= 700) & (freqs <= 1600)].sum()
    return 800 <= freqs[int(np.argmax(spec))] <= 1500 and band > 0.7 * spec.sum()


def quantile(v, q):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(q * (len(v) - 1))))]


def calibrate(args):
    players = {}
    for name in (args.mic, args.speaker) if not args.combined else (args.combined,):
        players[name] = subprocess.Popen(
            ["pacat", "-p", "-d", name, "--raw", "--format=s16le", "--rate=%d" % RATE,
             "--channels=1", "--latency-msec=30"],
            stdin=subprocess.PIPE, stderr=subprocess.DEVNULL)
    recs = {name: Recorder(name) for name in (args.mic, args.speaker)}
    twin = Recorder(args.mic)  # a second recorder of the same sink: the recorders' own error
    chunk = RATE // 100  # 10 ms
    silence = np.zeros(chunk, dtype="<i2").tobytes()
    t = np.arange(int(0.05 * RATE)) / RATE
    click = (8000 * np.cos(2 * np.pi * 1000 * t)).astype("<i2")  # starts at full height
    delays = [0] * args.runs if args.combined else [0, 300] * args.runs
    plan = {}  # chunk number -> sinks to click
    k = 100  # after a second of silence
    for d in delays:
        if args.combined:
            plan[k] = [args.combined]
        else:
            plan.setdefault(k, []).append(args.mic)
            plan.setdefault(k + d // 10, []).append(args.speaker)
        k += 150
    pending = {name: b"" for name in players}
    start = time.monotonic()
    for c in range(k + 100):
        for name in players:
            if name in plan.get(c, []):
                pending[name] = click.tobytes()
            out, pending[name] = pending[name][: 2 * chunk], pending[name][2 * chunk:]
            players[name].stdin.write(out + silence[len(out):])
            players[name].stdin.flush()
        delay = start + (c + 1) * 0.010 - time.monotonic()
        if delay > 0:
            time.sleep(delay)
    time.sleep(0.5)
    for p in players.values():
        p.stdin.close()
        p.wait()
    for r in list(recs.values()) + [twin]:
        r.stop()
    mic, spk = recs[args.mic], recs[args.speaker]
    errors = {"same sink, two recorders": [], "one stream into both sinks": [],
              "two sinks, 0 ms apart": [], "two sinks, 300 ms apart": []}
    both = "one stream into both sinks" if args.combined else "two sinks, 0 ms apart"
    mi = si = ti = 0
    for d in delays:
        a = first_above(mic.samples, mi, len(mic.samples), 1000)
        b = first_above(spk.samples, si, len(spk.samples), 1000)
        c = first_above(twin.samples, ti, len(twin.samples), 1000)
        if min(a, b, c) < 0:
            print("calibration: a click was not recorded", file=sys.stderr)
            break
        key = both if d == 0 else "two sinks, %d ms apart" % d
        errors[key].append((spk.time_of(b) - mic.time_of(a)) * 1000 - d)
        errors["same sink, two recorders"].append((twin.time_of(c) - mic.time_of(a)) * 1000)
        mi, si, ti = (x + int(0.2 * RATE) for x in (a, b, c))
    for what, e in errors.items():
        if e:
            print("  %-25s measured - known: median %+5.1f ms, min %+5.1f, max %+5.1f (n=%d)"
                  % (what, statistics.median(e), min(e), max(e), len(e)))


def wav_seconds(path):
    with wave.open(path) as w:
        return w.getnframes() / w.getframerate()


def measure(args):
    words = ["pause", "continue", "repeat", "next"]
    lines, heard = [], []
    recs = {name: Recorder(name) for name in (args.mic, args.speaker)}
    time.sleep(1)
    child = subprocess.Popen(args.command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             stdin=subprocess.DEVNULL, text=True, start_new_session=True)

    def read():
        for line in child.stdout:
            lines.append(line.rstrip("\n"))
            if "heard \"" in line:
                heard.append(time.monotonic())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()

    def wait_for(text, seconds):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if any(text in l for l in lines):
                return
            time.sleep(0.1)
        sys.exit("voice-latency: no '%s' from calmcue:\n%s" % (text, "\n".join(lines)))

    wait_for("listening (", 120)
    wait_for("instruction:", 60)
    time.sleep(4)  # the instruction and the echo gate's tail are over
    talk = args.talk or os.path.join(args.words, "talk.wav")
    said = []
    for i in range(args.count):
        word = words[i % len(words)]
        subprocess.run(["paplay", "-d", args.mic, talk], check=True)
        time.sleep(1.5)
        path = os.path.join(args.words, word + ".wav")
        t = time.monotonic()
        subprocess.run(["paplay", "-d", args.mic, path], check=True)
        said.append((word, t, wav_seconds(path)))
        time.sleep(args.after)  # what the command makes calmcue say, then the gate's tail
    os.killpg(child.pid, signal.SIGINT)
    try:
        child.wait(60)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
    for r in recs.values():
        r.stop()
    mic, spk = recs[args.mic], recs[args.speaker]
    latencies, unheard, not_blip, decided = [], [], [], []
    for word, t, seconds in said:
        lo, hi = mic.index_at(t - 0.3), mic.index_at(t + seconds + 1.0)
        onset = first_above(mic.samples, lo, hi)
        end = last_above(mic.samples, max(onset, lo), hi)
        if onset < 0:
            sys.exit("voice-latency: the word '%s' is not on the microphone's recording" % word)
        end_t = mic.time_of(end)
        start = spk.index_at(end_t)
        first = first_above(spk.samples, start, start + int(args.window * RATE))
        if first < 0:
            unheard.append(word)
        elif not looks_like_blip(spk.samples, first):
            not_blip.append("%s (%.0f ms)" % (word, (spk.time_of(first) - end_t) * 1000))
        else:
            blip_t = spk.time_of(first)
            latencies.append(((blip_t - end_t) * 1000, word))
            line = [h for h in heard if end_t < h < blip_t + 1]
            if line:  # the "heard" line as it reached us: the decision, give or take the pipe
                decided.append(((line[0] - end_t) * 1000, (blip_t - line[0]) * 1000, word))
    ms = [v for v, _ in latencies]
    print("  commands said: %d, blip heard: %d, heard lines from calmcue: %d"
          % (len(said), len(ms), len(heard)))
    if unheard:
        print("  no sound within %.0f s after: %s" % (args.window, ", ".join(unheard)))
    if not_blip:
        print("  first sound after the word was not the blip: %s" % ", ".join(not_blip))
    if ms:
        print("  end of word (mic) to blip (speaker): p50 %.0f ms, p95 %.0f ms, max %.0f ms (n=%d)"
              % (quantile(ms, 0.5), quantile(ms, 0.95), max(ms), len(ms)))
        print("    each, in the order said: " + " ".join("%.0f" % v for v in ms))
        if decided:
            print("    split at calmcue's 'heard' line (read from its output): word end to line p50"
                  " %.0f ms, line to blip p50 %.0f ms (n=%d)"
                  % (quantile([a for a, _, _ in decided], 0.5),
                     quantile([b for _, b, _ in decided], 0.5), len(decided)))
        for w in words:
            v = [x for x, word in latencies if word == w]
            split = [(a, b) for a, b, word in decided if word == w]
            if v:
                print("    %-8s p50 %4.0f ms  max %4.0f ms  (n=%d)%s" % (
                    w, quantile(v, 0.5), max(v), len(v),
                    "; to the line p50 %.0f ms, line to blip p50 %.0f ms"
                    % (quantile([a for a, _ in split], 0.5), quantile([b for _, b in split], 0.5))
                    if split else ""))
    if args.verbose:
        print("\n".join("  | " + l for l in lines))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("mode", choices=["calibrate", "measure"])
    p.add_argument("--mic", required=True)
    p.add_argument("--speaker", required=True)
    p.add_argument("--runs", type=int, default=10)
    p.add_argument("--combined", help="calibrate: play into this sink, whose slaves are both sinks")
    p.add_argument("--words")
    p.add_argument("--talk", help="measure: the talk said before each command (DIR/talk.wav)")
    p.add_argument("--count", type=int, default=20)
    p.add_argument("--after", type=float, default=6.0)
    p.add_argument("--window", type=float, default=3.0)
    p.add_argument("--verbose", action="store_true")
    argv = sys.argv[1:]
    cut = argv.index("--") if "--" in argv else len(argv)
    args = p.parse_args(argv[:cut])
    args.command = argv[cut + 1:]
    if args.mode == "calibrate":
        calibrate(args)
    else:
        if not args.words or not args.command:
            p.error("measure needs --words and a command after --")
        measure(args)


if __name__ == "__main__":
    main()
