#!/usr/bin/env python3
"""peak-rss.py OUT CMD ARG...: runs CMD with stdout to OUT; prints its peak RSS in KB."""
import resource
import subprocess
import sys

with open(sys.argv[1], "w") as out:
    subprocess.run(sys.argv[2:], check=True, stdout=out)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
