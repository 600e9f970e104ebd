"""Articles per second of `newsscan.dates.find_dates` alone.

    OMP_NUM_THREADS=1 python scripts/bench_dates.py [/work/shared/data/bench/indosum_devfolds_text.jsonl]
"""
import sys

from newsscan.dates import bench

DEFAULT = "/work/shared/data/bench/indosum_devfolds_text.jsonl"

if __name__ == "__main__":
    r = bench(sys.argv[1] if len(sys.argv) > 1 else DEFAULT)
    print(f"{r['articles']} articles, {r['chars'] / 1e6:.1f} M chars, {r['mentions']} mentions, "
          f"{r['seconds']:.2f} s: {r['articles_per_s']:.0f} articles/s")
