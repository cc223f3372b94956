#!/usr/bin/env python3
"""Runs the build N times in a row and reports, per test, how often it failed, errored or was skipped.

    scripts/stability.py --runs 20                     # ./mvnw -B -ntp verify, 20 times
    scripts/stability.py --runs 5 -- -pl scope-core -am verify

Each run's Surefire/Failsafe XML reports (every module's target/surefire-reports and target/failsafe-reports) are
read right after it ends, before the next run overwrites them. Prints one line per run (exit status, tests, failures,
errors, skipped, seconds) and then every test that did not pass every time, with its counts. Exit status: 0 when
every run passed with no failures and no errors, 1 otherwise. Skips are reported, not counted as failures: tests
that need Docker skip on these machines by design (their names say so in the list).
"""
import argparse
import collections
import pathlib
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parent.parent


def reports():
    # every execution's directory: surefire-reports, surefire-reports-two-forks, ..., failsafe-reports
    for directory in ("surefire-reports*", "failsafe-reports*"):
        yield from ROOT.glob(f"*/target/{directory}/TEST-*.xml")


def outcomes():
    """(test id -> 'passed' | 'failed' | 'error' | 'skipped') of the reports on disk."""
    result = {}
    for path in reports():
        module = path.relative_to(ROOT).parts[0]
        for case in ET.parse(path).getroot().iter("testcase"):
            test = f"{module}: {case.get('classname')}#{case.get('name')}"
            if case.find("failure") is not None:
                state = "failed"
            elif case.find("error") is not None:
                state = "error"
            elif case.find("skipped") is not None:
                state = "skipped"
            else:
                state = "passed"
            # a test that runs in two executions (or reruns) keeps its worst outcome
            order = ["passed", "skipped", "failed", "error"]
            if order.index(state) >= order.index(result.get(test, "passed")):
                result[test] = state
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, required=True, help="how many builds in a row")
    parser.add_argument("maven", nargs="*", help="Maven arguments after --; default: -B -ntp verify")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    maven = args.maven or ["-B", "-ntp", "verify"]
    counts = collections.defaultdict(collections.Counter)
    clean_runs = 0
    for run in range(1, args.runs + 1):
        for old in reports():
            old.unlink()
        start = time.monotonic()
        status = subprocess.run(["./mvnw", *maven], cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL).returncode
        seconds = time.monotonic() - start
        states = outcomes()
        for test, state in states.items():
            counts[test][state] += 1
        tally = collections.Counter(states.values())
        clean = status == 0 and tally["failed"] == 0 and tally["error"] == 0
        clean_runs += clean
        print(f"run {run:3d}: exit {status}, {len(states)} tests, {tally['failed']} failed, {tally['error']} errors,"
              f" {tally['skipped']} skipped, {seconds:.0f} s", flush=True)
    unstable = {test: c for test, c in counts.items() if c["passed"] != args.runs}
    print(f"\n{clean_runs} of {args.runs} runs clean; tests that did not pass every time: {len(unstable)}")
    for test, c in sorted(unstable.items()):
        print(f"  {test}: passed {c['passed']}, failed {c['failed']}, errors {c['error']}, skipped {c['skipped']}")
    return 0 if clean_runs == args.runs else 1


if __name__ == "__main__":
    sys.exit(main())
